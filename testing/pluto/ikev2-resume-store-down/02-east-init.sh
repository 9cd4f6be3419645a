../../guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log wait -t 10 'session resumption store: connected to redis://192.1.2.254:6379'
ipsec whack --resumestatus | ../../guestbin/swan-match 'store redis://192.1.2.254:6379 connected, failure=closed, timeout=50ms'
