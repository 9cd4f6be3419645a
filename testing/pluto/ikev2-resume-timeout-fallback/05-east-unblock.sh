# the gateway comes back while west retransmits IKE_SA_INIT
ipsec whack --impair block_inbound:no
