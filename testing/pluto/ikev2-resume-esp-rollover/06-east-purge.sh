ipsec whack --purge-resume-keys
ipsec whack --resumestatus | swan-match -c 0 'session resumption key: '
