ipsec up west-east
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: [0-9]+ bytes'
../../guestbin/swan-esp-traffic west-east 192.1.2.23
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
../../guestbin/swan-esp-traffic west-east 192.1.2.23
