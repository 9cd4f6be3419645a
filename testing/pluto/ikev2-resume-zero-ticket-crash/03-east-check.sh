../../guestbin/swan-alive
# patch 0001 says the key slot is unused; from patch 0005 on, format v1 refuses
# the 5.2-sized ticket by its version octet before any crypto
../../guestbin/swan-log has 'invalid ticket: session resume key 0 is not in use|rejecting IKE_SESSION_RESUME ticket: bad version'
ipsec showstates | ../../guestbin/swan-match -v 'STATE_|IKE_SA'
