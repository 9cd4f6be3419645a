ipsec whack --rotate-resume-key
ipsec whack --resumestatus | swan-match -c 1 'role opens;'
