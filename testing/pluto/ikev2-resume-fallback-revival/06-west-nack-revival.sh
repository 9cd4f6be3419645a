# TICKET_NACK, revival on: still one IKE_SA_INIT
swan-reconnect-fallback --revival west-east TICKET_NACK
ipsec suspend west-east
