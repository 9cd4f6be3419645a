# east stops answering (it drops what comes in)
ipsec whack --impair block_inbound
