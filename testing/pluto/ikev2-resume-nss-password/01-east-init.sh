printf '\n' > "$SWAN_HOSTDIR/oldpw"
printf 'resume-test-nss-password\n' > "$SWAN_HOSTDIR/newpw"
certutil -W -d "sql:$SWAN_HOSTDIR/nss" -f "$SWAN_HOSTDIR/oldpw" -@ "$SWAN_HOSTDIR/newpw"
printf 'NSS Certificate DB:resume-test-nss-password\n' > "$SWAN_HOSTDIR/nsspassword"
ipsec start
ipsec add west-east
swan-log has 'created session resumption key'
