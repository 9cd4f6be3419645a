../../guestbin/swan-log -s crashed has 'responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log -s crashed lacks 'IKE_SA_INIT'
ipsec trafficstatus | ../../guestbin/swan-match -c 1 'inBytes=[1-9]'
