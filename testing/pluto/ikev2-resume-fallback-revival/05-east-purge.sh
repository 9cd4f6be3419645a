ipsec whack --purge-resume-keys
