ipsec up west-east
ipsec suspend west-east
ipsec up west-east
swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
swan-resume-kat --idi @west --idr @east "$SWAN_HOSTDIR/pluto.log"
