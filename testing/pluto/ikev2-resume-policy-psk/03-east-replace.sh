# the same connection, deleted and added again
ipsec delete west-east
ipsec add west-east
../../guestbin/swan-log count 2 'added IKEv2 connection'
