ipsec whack --purge-resume-keys
../../guestbin/swan-log has 'deleting session resumption key [0-9a-f]{16} \(purged: every ticket it sealed is revoked\)'
ipsec whack --resumestatus | ../../guestbin/swan-match -c 0 'session resumption key: '
