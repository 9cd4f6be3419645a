# east issued no ticket while resumption was off: get one
ipsec down west-east
ipsec up west-east
ipsec whack --suspend --name west-east
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: [0-9]+ bytes'
