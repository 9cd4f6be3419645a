ipsec whack --ddos-busy
