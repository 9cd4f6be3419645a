ipsec whack --resumestatus | ../../guestbin/swan-match ' revocations=1 revocation-failures=0 '
