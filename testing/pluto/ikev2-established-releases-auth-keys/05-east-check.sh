swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-log wait -n 3 'releasing SK_pi, SK_pr and the DH secrets'
swan-log count 3 'releasing SK_pi, SK_pr and the DH secrets'
ipsec showstates | swan-match -c 1 'ESTABLISHED_IKE_SA'
