ipsec stop
rm -rf "$SWAN_HOSTDIR/nss"
mkdir "$SWAN_HOSTDIR/nss"
certutil -N -d "sql:$SWAN_HOSTDIR/nss" --empty-password
swan-log mark replaced
ipsec start
ipsec add west-east
swan-log -s replaced has 'created session resumption key'
