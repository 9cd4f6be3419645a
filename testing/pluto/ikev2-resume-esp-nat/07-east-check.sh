swan-log has 'processing IKE_SESSION_RESUME request from 192.0.2.254:UDP/500 containing .*N\(NAT_DETECTION_SOURCE_IP\),N\(NAT_DETECTION_DESTINATION_IP\)'
swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec trafficstatus | swan-match -c 1 'inBytes=[1-9]'
