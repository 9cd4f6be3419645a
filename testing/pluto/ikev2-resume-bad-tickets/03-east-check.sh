swan-alive
for reason in 'truncated' 'too big' 'bad version' 'bad header' 'unknown key'; do
	swan-log count 1 "rejecting IKE_SESSION_RESUME ticket: $reason\$"
done
ipsec whack --resumestatus | swan-match ' truncated=1 too-big=1 bad-version=1 bad-header=1 unknown-key=1 '
ipsec whack --resumestatus | swan-match 'tickets issued=0 refused=0 accepted=0'
