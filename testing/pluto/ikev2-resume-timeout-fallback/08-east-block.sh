ipsec whack --impair block_inbound
