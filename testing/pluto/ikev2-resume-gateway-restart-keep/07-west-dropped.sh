../../guestbin/swan-log wait -t 10 'dropping the session resumption ticket: the peer deleted the IKE SA'
ipsec connectionstatus | ../../guestbin/swan-match -o 'session resume ticket: none'
