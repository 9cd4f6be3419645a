swan-client-with-ticket west-east
swan-on east ipsec whack --impair block_inbound
