# east issued no ticket while resumption was off: get one
ipsec down west-east
ipsec up west-east
ipsec suspend west-east
ipsec connectionstatus | swan-match 'session resume ticket: length: [0-9]+ bytes'
