# the rekeyed IKE SA (SK_d and a fresh DH, RFC 7296 2.18) lets go of
# its DH secrets and the SK_pi and SK_pr it never uses, at both ends;
# the old one is deleted
../../guestbin/swan-log wait -n 2 'releasing SK_pi, SK_pr and the DH secrets'
../../guestbin/swan-log -h east wait -n 2 'releasing SK_pi, SK_pr and the DH secrets'
ipsec showstates | ../../guestbin/swan-match -c 1 'ESTABLISHED_IKE_SA'
# it still encrypts, decrypts and answers: a fresh ticket over
# INFORMATIONAL (patch 0040), then a resumption with it (SK_d kept)
../../guestbin/swan-log wait -n 2 'received v2N_TICKET_LT_OPAQUE'
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log wait -n 3 'releasing SK_pi, SK_pr and the DH secrets'
../../guestbin/swan-log count 3 'releasing SK_pi, SK_pr and the DH secrets'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
