# no IDr: gw-r and gw-e are now both exact matches for west's DN;
# 5.2 walks the host pair oldest first and takes gw-r, whose
# certificate west sees
ipsec up to-any
swan-log has '"to-any" #3: initiator established IKE SA; authenticated peer certificate .O=libreswan-resume, CN=gw-r. and P-256 ECDSA'
swan-log lacks 'authenticated peer certificate .O=libreswan-resume, CN=gw-e.'
