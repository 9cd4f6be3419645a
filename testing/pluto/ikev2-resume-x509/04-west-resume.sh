ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has '#3: sent IKE_SESSION_RESUME request to'
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
