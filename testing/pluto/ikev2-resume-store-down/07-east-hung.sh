swan-log has 'rejecting IKE_SESSION_RESUME ticket: store unavailable: no answer within 50ms'
ipsec whack --resumestatus | swan-match 'store requests=1 accepted=0 replayed=0 revoked=0 errors=0 timeouts=1 '
ipsec whack --resumestatus | swan-match ' store-unavailable=1 '
# the IKE SA waited no longer than the limit (and the machine's
# scheduling): from the request to its refusal
python3 - "$SWAN_HOSTDIR/pluto.log" <<'PY'
import re, sys, datetime
t = {}
for line in open(sys.argv[1]):
    m = re.match(r'(\w+ +\d+ [\d:.]+): "west-east" (#\d+): (.*)', line)
    if not m:
        continue
    if m.group(3).startswith('processing IKE_SESSION_RESUME request'):
        t[m.group(2)] = datetime.datetime.strptime(m.group(1), '%b %d %H:%M:%S.%f')
    elif 'store unavailable: no answer within' in m.group(3):
        waited = datetime.datetime.strptime(m.group(1), '%b %d %H:%M:%S.%f') - t[m.group(2)]
        ms = waited.total_seconds() * 1000
        print(f"{m.group(2)} waited {ms:.1f}ms for the store")
        sys.exit(0 if ms < 50 + 250 else 1)
sys.exit("no refusal after a timeout in the log")
PY
swan-alive
