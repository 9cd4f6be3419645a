# TICKET_NACK, revival on: still one IKE_SA_INIT
../../guestbin/swan-reconnect-fallback --revival west-east TICKET_NACK
ipsec whack --suspend --name west-east
