ipsec whack --rotate-resume-key
ipsec whack --resumestatus | ../../guestbin/swan-match -c 1 'role opens;'
