# pluto daemonizes inside the private mount namespace and keeps it
unshare --mount --propagation private sh -ec '
	mount --bind -o ro "$SWAN_HOSTDIR/nss" "$SWAN_HOSTDIR/nss"
	ipsec start
'
ipsec add west-east
swan-log has 'NSS DB is not writable: session resumption ticket keys can not be stored'
swan-log has 'session resumption disabled: .*; tickets are neither issued nor accepted'
ipsec whack --resumestatus | swan-match 'session resumption: no ticket keys'
