../../guestbin/swan-alive
( set -e -o pipefail; for reason in 'truncated' 'too big' 'bad version' 'bad header' 'unknown key'; do ../../guestbin/swan-log count 1 "rejecting IKE_SESSION_RESUME ticket: $reason\$"; done )
ipsec whack --resumestatus | ../../guestbin/swan-match ' truncated=1 too-big=1 bad-version=1 bad-header=1 unknown-key=1 '
ipsec whack --resumestatus | ../../guestbin/swan-match 'tickets issued=0 refused=0 accepted=0'
