# What a gateway restart does to a ticket: nothing.  It resumes.
../../guestbin/swan-log wait -t 20 '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log lacks 'TICKET_NACK'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
ipsec showstates | ../../guestbin/swan-match -c 1 'ESTABLISHED_IKE_SA'
