# what ipsec restart / systemctl restart ipsec / a package upgrade run:
# the unit's ExecStop (a plain whack --shutdown), then its ExecStart
ipsec restart
ipsec add west-east
swan-log has '#1: shutdown: not sending a Delete so the peer keeps its session resumption ticket'
swan-log has 'shutdown: 1 IKE SA left without a Delete for resumption'
