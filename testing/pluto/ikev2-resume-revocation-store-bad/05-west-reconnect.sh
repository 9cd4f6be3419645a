../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log count 1 'initiator established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --suspend --name west-east
