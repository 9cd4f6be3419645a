../../guestbin/swan-log wait -t 15 -n 3 'initiator established IKE SA; authenticated peer using authby=secret'
ipsec whack --impair revival
../../guestbin/swan-log count 2 'sent IKE_SESSION_RESUME request to'
../../guestbin/swan-log count 3 'sent IKE_SA_INIT request to'
sa=$(../../guestbin/swan-log has 'sent IKE_SESSION_RESUME request to' | tail -1 | sed -E 's/.*(#[0-9]+):.*/\1/')
../../guestbin/swan-log has "$sa: initiator established IKE SA; authenticated peer using authby=secret"
ipsec whack --resumestatus | ../../guestbin/swan-match 'client: attempts=2 resumed=0 fallbacks: .* timeout=2 '
