ipsec whack --resumestatus | ../../guestbin/swan-match ' late=1 '
../../guestbin/swan-log wait -t 10 'session resumption store: connection to redis://192.1.2.254:6379 lost'
ipsec whack --resumestatus | ../../guestbin/swan-match 'store redis://192.1.2.254:6379 (down|connecting)'
