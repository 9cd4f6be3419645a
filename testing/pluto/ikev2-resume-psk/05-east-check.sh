swan-log has 'processing IKE_SESSION_RESUME request'
swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec showstates | swan-match ESTABLISHED_IKE_SA
