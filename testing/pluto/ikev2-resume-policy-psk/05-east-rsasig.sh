swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
# the operator moves the connection from the leaked PSK to certificates
cp "$SWAN_TESTDIR/east-rsasig.conf.in" "$SWAN_HOSTDIR/ipsec.conf"
ipsec delete west-east
ipsec add west-east
swan-log count 3 'added IKEv2 connection'
