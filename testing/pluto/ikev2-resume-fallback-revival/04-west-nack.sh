# TICKET_NACK, revival off: the attached up returns with the IKE SA up
ipsec whack --debug base
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
ipsec whack --debug none
# a new exchange with a new SPIi, not a retry of the refused one (R-4.3.2-7)
../../guestbin/swan-log has 'State DB: re-hashing IKEv2 state #[0-9]+ with a new IKE SPIi'
ipsec whack --suspend --name west-east
