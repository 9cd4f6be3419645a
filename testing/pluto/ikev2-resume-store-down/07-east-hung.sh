../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: store unavailable: no answer within 50ms'
ipsec whack --resumestatus | ../../guestbin/swan-match 'store requests=1 accepted=0 replayed=0 revoked=0 errors=0 timeouts=1 '
ipsec whack --resumestatus | ../../guestbin/swan-match ' store-unavailable=1 '
# the IKE SA waited no longer than the limit (and the machine's
# scheduling): from the request to its refusal
python3 "/testing/pluto/ikev2-resume-store-down/store-wait.py" "/tmp/pluto.log"
../../guestbin/swan-alive
