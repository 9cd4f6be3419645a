for c in a b c; do ipsec up $c; done
../../guestbin/swan-log count 3 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 3 'sent IKE_SA_INIT request to'
