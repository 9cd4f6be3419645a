swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-log lacks 'IKE_SA_INIT'
swan-log lacks 'rejecting IKE_SESSION_RESUME ticket'
