# the same with revival on: still one IKE_SA_INIT, from the same IKE SA
ipsec whack --suspend --name west-east
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: [0-9]+ bytes'
