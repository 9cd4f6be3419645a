# IDr @gw-r: lands on gw-r, which takes on west's DN
ipsec up to-r
swan-log has '"to-r" #1: initiator established IKE SA; authenticated peer certificate .@gw-r. and P-256 ECDSA'
swan-log -h east has '"gw-b" #1: processing IKE_SA_INIT request'
swan-log -h east has '"gw-r" #1: responder established IKE SA'
swan-on east ipsec connectionstatus | swan-match '"gw-r": .*\.\.\.192.0.2.45\[O=libreswan-resume, CN=west\]'
ipsec down to-r
swan-log -h east wait 'deleting IKE SA .*"gw-r" #1|"gw-r" #1: .*delet'
