# east reconnects by itself (back-off at most 5s) and re-sends what it queued
../../guestbin/swan-log wait -t 15 -n 2 'session resumption store: connected to redis://192.1.2.254:6379'
