ipsec whack --suspend --name west-east
# the IKE SA is gone, the ticket stays
ipsec showstates | ../../guestbin/swan-match -v ESTABLISHED_IKE_SA
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: [0-9]+ bytes'
ipsec up west-east
../../guestbin/swan-log has '#3: sent IKE_SESSION_RESUME request to'
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
# no second IKE_SA_INIT
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
ipsec showstates | ../../guestbin/swan-match '#3: .*ESTABLISHED_IKE_SA'
