ipsec stop
# a new, empty NSS DB in the same directory (which may be a mount point)
rm -rf "$SWAN_HOSTDIR/nss/"*
certutil -N -d "sql:$SWAN_HOSTDIR/nss" --empty-password
swan-log mark replaced
ipsec start
ipsec add west-east
swan-log -s replaced has 'created session resumption key'
