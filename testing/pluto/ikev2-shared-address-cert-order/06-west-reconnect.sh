ipsec down to-any
swan-log -h east wait '"gw-r" #3: deleting IKE SA'
# to-any took on gw-r's DN (%fromcert): back to sending no IDr
ipsec delete to-any
ipsec add to-any
# gw-r takes on west's DN again, now newer than gw-e ...
ipsec up to-r
swan-log has '"to-r" #5: initiator established IKE SA; authenticated peer certificate .@gw-r.'
ipsec down to-r
swan-log -h east wait '"gw-r" #5: deleting IKE SA'
# ... so without IDr the older exact match is gw-e, as in 5.2
ipsec up to-any
swan-log has '"to-any" #7: initiator established IKE SA; authenticated peer certificate .O=libreswan-resume, CN=gw-e. and P-256 ECDSA'
