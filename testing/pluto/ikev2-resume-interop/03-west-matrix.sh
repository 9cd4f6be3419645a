# client build -> gateway build, authentication, expected reconnect
# client build -> gateway build, authentication, expected outcome of
# each reconnect in turn (suspend, then up again)
matrix=(
	"patched patched psk resumed,resumed"
	"patched patched x509 resumed,resumed"
	"stock patched psk resumed,resumed"
	"stock patched x509 resumed,resumed"
	"patched stock psk fallback,resumed"
	"patched stock x509 fallback,resumed"
)
full='initiator established IKE SA; authenticated peer using authby=(secret|ecdsa)|authenticated peer certificate'
resumed='initiator established IKE SA; authenticated peer using authby=session-resume'

# suspend, reconnect; print resumed / fallback / none
reconnect() {
	local fulls resumes i
	fulls=$(swan-log -s cell count-of "$full")
	resumes=$(swan-log -s cell count-of "$resumed")
	ipsec suspend west-east >/dev/null
	ipsec connectionstatus | swan-match -o 'session resume ticket: length: [0-9]+ bytes' >&2
	# revival on: a refused resume falls back to IKE_SA_INIT through it
	ipsec whack --impair revival:no >/dev/null
	ipsec whack --name west-east --initiate --asynchronous >/dev/null
	for i in $(seq 60); do
		if [ "$(swan-log -s cell count-of "$resumed")" -gt "$resumes" ]; then
			echo resumed
			break
		fi
		if [ "$(swan-log -s cell count-of "$full")" -gt "$fulls" ]; then
			echo fallback
			break
		fi
		sleep 0.5
	done
	[ "$i" -lt 60 ] || echo none
	ipsec whack --impair revival >/dev/null
}

results=()
failed=0
for cell in "${matrix[@]}"; do
	read -r client gateway auth want <<<"$cell"
	: "=== $client client -> $gateway gateway, $auth: expect $want"
	swan-on east ipsec stop
	ipsec stop
	cp "$SWAN_TESTDIR/$auth.east.cfg" "$SWAN_RUNDIR/east/ipsec.conf"
	cp "$SWAN_TESTDIR/$auth.west.cfg" "$SWAN_HOSTDIR/ipsec.conf"
	swan-on east ipsec start --build "$gateway"
	swan-on east ipsec add west-east
	ipsec start --build "$client"
	ipsec add west-east
	ipsec whack --impair revival --impair suppress-retransmits
	swan-log mark cell
	ipsec up west-east
	swan-log -s cell has "$full"
	got=$(reconnect),$(reconnect)
	swan-log -s cell has 'sent IKE_SESSION_RESUME request'
	verdict=ok
	[ "$got" = "$want" ] || { verdict="UNEXPECTED"; failed=1; }
	results+=("$(printf '%-8s -> %-8s  %-5s  %-17s %-17s %s' "$client" "$gateway" "$auth" "$want" "$got" "$verdict")")
done
swan-on east ipsec stop
ipsec stop
{
	echo "interop matrix (client -> gateway, auth: expected, seen):"
	printf '%-8s    %-8s  %-5s  %-17s %-17s %s\n' client gateway auth expected seen verdict
	printf '%s\n' "${results[@]}"
} | tee "$SWAN_RUNDIR/summary.txt"
test "$failed" = 0
