swan-log -s restarted has 'processing IKE_SESSION_RESUME request'
swan-log -s restarted has 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-log -s restarted lacks 'IKE_SA_INIT'
swan-log -s restarted lacks 'rejecting IKE_SESSION_RESUME ticket'
