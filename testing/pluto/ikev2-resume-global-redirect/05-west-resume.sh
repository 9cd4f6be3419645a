# the redirect is followed by an event (which --impair revival also
# suppresses): allow it
ipsec whack --impair revival:no
ipsec up west-east || true
swan-log wait -t 20 -n 2 'initiator established IKE SA; authenticated peer using authby=secret'
swan-log count 1 'sent IKE_SESSION_RESUME request to 192.0.2.23'
swan-log has 'IKE_SESSION_RESUME response redirects to new gateway 192.0.2.33'
swan-log has 'sent IKE_SA_INIT request to 192.0.2.33'
swan-log count 2 'initiator established IKE SA; authenticated peer using authby=secret'
# east's ticket went with the redirect; north issued its own
swan-log count 2 'received v2N_TICKET_LT_OPAQUE'
# counted as a fallback, by cause
ipsec whack --resumestatus | swan-match 'client: attempts=1 resumed=0 fallbacks: .* redirect=1 '
ipsec whack --impair revival
