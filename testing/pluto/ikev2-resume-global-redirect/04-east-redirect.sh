ipsec whack --global-redirect yes --global-redirect-to 192.0.2.33
