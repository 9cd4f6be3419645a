# the first use, on member A
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log has 'IMPAIR: keeping the used session resumption ticket'
