ipsec suspend west-east
# the IKE SA is gone, the ticket stays
ipsec showstates | swan-match -v ESTABLISHED_IKE_SA
ipsec connectionstatus | swan-match 'session resume ticket: length: [0-9]+ bytes'
ipsec up west-east
swan-log has '#3: sent IKE_SESSION_RESUME request to'
swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
# no second IKE_SA_INIT
swan-log count 1 'sent IKE_SA_INIT request to'
ipsec showstates | swan-match '#3: .*ESTABLISHED_IKE_SA'
