ipsec start
ipsec add west-east
swan-log wait -t 10 'session resumption store: connected to redis://192.0.2.254:6379'
ipsec whack --resumestatus | swan-match 'store redis://192.0.2.254:6379 connected, failure=closed, timeout=50ms'
