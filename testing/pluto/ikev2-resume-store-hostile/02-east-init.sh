# a credentials file its group can read: refused, the password never shown
echo "pluto-members resume-store-pw-1" > "$SWAN_HOSTDIR/store.credentials"
chmod 640 "$SWAN_HOSTDIR/store.credentials"
ipsec start
ipsec add west-east
swan-log has 'session resumption store credentials .*/store.credentials: it is readable or writable by group or others \(chmod 600 it\)'
swan-log lacks 'resume-store-pw-1'
ipsec whack --resumestatus | swan-match 'store redis://192.0.2.254:6379 down \(credentials refused\)'
