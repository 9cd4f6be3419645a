ipsec whack --global-redirect yes --global-redirect-to 192.1.3.33
