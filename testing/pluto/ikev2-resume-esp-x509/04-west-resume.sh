ipsec whack --suspend --name west-east
ip xfrm state | ../../guestbin/swan-match -c 0 'proto esp'
ipsec up west-east
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log has '#4: initiator established Child SA using #3'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
