# east saw the NAT detection payloads in the resume request
../../guestbin/swan-log has 'processing IKE_SESSION_RESUME request from 192.1.2.45:UDP/500 containing .*N\(NAT_DETECTION_SOURCE_IP\),N\(NAT_DETECTION_DESTINATION_IP\)'
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
