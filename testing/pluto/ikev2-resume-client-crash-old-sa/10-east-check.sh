# counter NAME: its packet count
counter() { nft list counter ip watch "$1" | sed -n -E 's/.*packets ([0-9]+) .*/\1/p'; }
new=$(../../guestbin/swan-log -s resume has 'responder established IKE SA; authenticated peer using authby=session-resume' | sed -E 's/.*(#[0-9]+):.*/\1/')
# RFC 5723 4.3.4: one IKE SA, the resumed one; the ticket's old one is
# gone, silently
ipsec showstates | ../../guestbin/swan-match -c 1 'ESTABLISHED_IKE_SA'
ipsec showstates | ../../guestbin/swan-match -c 1 "$new: \"west-east\".*ESTABLISHED_IKE_SA"
ipsec showstates | ../../guestbin/swan-match -c 0 '#1: '
../../guestbin/swan-log has "deleted IKE SA #1, superseded by $new resumed with its ticket \(RFC 5723 4.3.4\)"
../../guestbin/swan-log lacks 'and sending notification'
nft list counters table ip watch > "/tmp/watch-counters.txt"
test "$(counter ike_auth_out)" -ge 1
test "$(counter informational_out)" -eq 0
ipsec whack --resumestatus | ../../guestbin/swan-match 'session resumption: superseded IKE SAs deleted=1'
