../../guestbin/swan-log -s corrupt count 1 'rejecting IKE_SESSION_RESUME ticket: revocations lost'
ipsec whack --resumestatus | ../../guestbin/swan-match 'tickets rejected: .* revocations-lost=1 '
../../guestbin/swan-log mark again
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec add road-east
../../guestbin/swan-log -s again has 'session resumption: read 0 ticket and 0 peer revocation\(s\) from .*; tickets from before an earlier loss of revocations stay refused$'
