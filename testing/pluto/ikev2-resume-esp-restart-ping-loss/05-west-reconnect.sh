ipsec suspend west-east
ipsec up west-east
swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log lacks 'dropping the session resumption ticket'
swan-log count 1 'sent IKE_SA_INIT request to'
swan-ping-gap patched "$SWAN_HOSTDIR/ping-patched.log" 'patched, session-resumption-shutdown=keep (resumed)'
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
