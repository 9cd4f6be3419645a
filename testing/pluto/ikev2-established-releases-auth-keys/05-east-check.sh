../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log wait -n 3 'releasing SK_pi, SK_pr and the DH secrets'
../../guestbin/swan-log count 3 'releasing SK_pi, SK_pr and the DH secrets'
ipsec showstates | ../../guestbin/swan-match -c 1 'ESTABLISHED_IKE_SA'
