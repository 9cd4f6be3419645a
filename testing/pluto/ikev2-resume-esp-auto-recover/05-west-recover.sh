# no administrator: liveness notices, revival resumes
../../guestbin/swan-log wait -t 90 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log wait -t 30 -n 2 'initiator established Child SA using'
# how west found out: its liveness probe went unanswered
../../guestbin/swan-log has 'ESTABLISHED_IKE_SA: 15 second timeout exceeded after [0-9]+ retransmits'
../../guestbin/swan-log has 'connection is supposed to remain up; revival attempt 1 scheduled'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
