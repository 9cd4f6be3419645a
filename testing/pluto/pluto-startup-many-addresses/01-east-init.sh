../../guestbin/swan-prep --nokeys
# a large gateway: 1000 more addresses on eth0 before pluto starts
../../guestbin/swan-many-addresses eth0 1000
test "$(ip -4 -o addr show dev eth0 | wc -l)" = 1001
# 5.2 hangs here: pluto blocks writing its replies to the addconn it
# forked, which blocks writing them back to pluto (step timeout)
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
