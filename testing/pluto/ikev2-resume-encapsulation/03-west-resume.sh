ipsec up west-east
../../guestbin/swan-log has 'sent IKE_SESSION_RESUME request to 192.1.2.23:UDP/500'
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
# the resumed IKE SA floated too: its IKE_AUTH went to 4500
sa=$(../../guestbin/swan-log has 'sent IKE_SESSION_RESUME request to' | tail -1 | sed -E 's/.*(#[0-9]+):.*/\1/')
../../guestbin/swan-log has "$sa: sent IKE_AUTH request to 192.1.2.23:UDP/4500"
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
