# the old Child SA now leads nowhere: east lost its end of it
../../guestbin/swan-esp-traffic --expect-fail --source 10.0.45.45 west-east 10.0.23.23
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
# the ping that ran through the crash is answered again
n=$(grep -c 'bytes from 10.0.23.23' "/tmp/ping.log")
sleep 1
test "$(grep -c 'bytes from 10.0.23.23' "/tmp/ping.log")" -gt "$n"
