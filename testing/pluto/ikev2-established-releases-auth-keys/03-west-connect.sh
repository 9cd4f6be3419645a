# a full handshake: once established, each end lets go of SK_pi,
# SK_pr and the DH secrets (the responder after computing its AUTH)
ipsec up west-east
../../guestbin/swan-log has '#1: initiator established IKE SA; authenticated peer using authby=secret'
# (a debug line: no state prefix; at the end of the transition,
# after the ticket is stored, so it may come after "up" returned)
../../guestbin/swan-log wait 'IKE SA established: releasing SK_pi, SK_pr and the DH secrets'
../../guestbin/swan-log -h east wait 'IKE SA established: releasing SK_pi, SK_pr and the DH secrets'
../../guestbin/swan-log count 1 'releasing SK_pi, SK_pr and the DH secrets'
# released once: later exchanges on the IKE SA find nothing left
ipsec whack --rekey-ike --name west-east
../../guestbin/swan-log wait 'dropping the session resumption ticket: the IKE SA was rekeyed'
