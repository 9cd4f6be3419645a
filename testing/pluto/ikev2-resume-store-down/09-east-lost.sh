ipsec whack --resumestatus | swan-match ' late=1 '
swan-log wait -t 10 'session resumption store: connection to redis://192.0.2.254:6379 lost'
ipsec whack --resumestatus | swan-match 'store redis://192.0.2.254:6379 (down|connecting)'
