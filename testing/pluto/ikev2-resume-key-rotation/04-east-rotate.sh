ipsec whack --resumestatus | ../../guestbin/swan-match -c 1 'session resumption key: id [0-9a-f]{16}; created .*; role seals\+opens; expires '
ipsec whack --rotate-resume-key
ipsec whack --resumestatus | ../../guestbin/swan-match -c 2 'session resumption key: '
ipsec whack --resumestatus | ../../guestbin/swan-match -c 1 'role opens;'
ipsec whack --resumestatus | ../../guestbin/swan-match -c 1 'role seals\+opens;'
# key bytes never appear: only 16 hex digits of key id per key line
ipsec whack --resumestatus | ../../guestbin/swan-match -v '[0-9a-f]{32}'
