swan-log has 'processing IKE_SESSION_RESUME request'
swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
swan-log lacks 'authby=session-resume'
