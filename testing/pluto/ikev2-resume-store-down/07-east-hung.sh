swan-log has 'rejecting IKE_SESSION_RESUME ticket: store unavailable: no answer within 50ms'
ipsec whack --resumestatus | swan-match 'store requests=1 accepted=0 replayed=0 revoked=0 errors=0 timeouts=1 '
ipsec whack --resumestatus | swan-match ' store-unavailable=1 '
# the IKE SA waited no longer than the limit (and the machine's
# scheduling): from the request to its refusal
python3 "$SWAN_TESTDIR/store-wait.py" "$SWAN_HOSTDIR/pluto.log"
swan-alive
