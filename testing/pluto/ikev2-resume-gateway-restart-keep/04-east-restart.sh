# what ipsec restart / systemctl restart ipsec / a package upgrade run:
# the unit's ExecStop (a plain whack --shutdown), then its ExecStart
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log has '#1: shutdown: not sending a Delete so the peer keeps its session resumption ticket'
../../guestbin/swan-log has 'shutdown: 1 IKE SA left without a Delete for resumption'
