ipsec up west-east
swan-log has 'sent IKE_SESSION_RESUME request to 192.0.2.23:UDP/500'
swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
# the resumed IKE SA floated too: its IKE_AUTH went to 4500
sa=$(swan-log has 'sent IKE_SESSION_RESUME request to' | tail -1 | sed -E 's/.*(#[0-9]+):.*/\1/')
swan-log has "$sa: sent IKE_AUTH request to 192.0.2.23:UDP/4500"
swan-log count 1 'sent IKE_SA_INIT request to'
