# out of range: pluto refuses to start, and says why
if SWAN_START_TRIES=30 ipsec start; then
	echo "pluto started with session-resumption-replay-cache=0" >&2
	exit 1
fi
# (before its log file is open: on stderr)
swan-match 'configuration session-resumption-replay-cache invalid: 0 is too small, less than 1' \
	<"$SWAN_HOSTDIR"/pluto.stderr
# it did not start: nothing to shut down (marks it stopped on purpose)
ipsec stop
