# the unit's ExecStop (whack --shutdown), then its ExecStart
ipsec restart
ipsec add west-east
swan-log has 'shutdown: not sending a Delete so the peer keeps its session resumption ticket'
