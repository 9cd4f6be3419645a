# the redirect is followed by an event (which --impair revival also
# suppresses): allow it
ipsec whack --impair revival:no
ipsec up west-east || true
../../guestbin/swan-log wait -t 20 -n 2 'initiator established IKE SA; authenticated peer using authby=secret'
../../guestbin/swan-log count 1 'sent IKE_SESSION_RESUME request to 192.1.2.23'
../../guestbin/swan-log has 'IKE_SESSION_RESUME response redirects to new gateway 192.1.3.33'
../../guestbin/swan-log has 'sent IKE_SA_INIT request to 192.1.3.33'
../../guestbin/swan-log count 2 'initiator established IKE SA; authenticated peer using authby=secret'
# east's ticket went with the redirect; north issued its own
../../guestbin/swan-log count 2 'received v2N_TICKET_LT_OPAQUE'
# counted as a fallback, by cause
ipsec whack --resumestatus | ../../guestbin/swan-match 'client: attempts=1 resumed=0 fallbacks: .* redirect=1 '
ipsec whack --impair revival
