ipsec whack --purge-resume-keys
ipsec whack --resumestatus | ../../guestbin/swan-match -c 0 'session resumption key: '
