swan-log -s crashed has 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-log -s crashed lacks 'IKE_SA_INIT'
