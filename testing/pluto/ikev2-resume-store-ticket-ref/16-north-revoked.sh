../../guestbin/swan-log count 2 "rejecting IKE_SESSION_RESUME ticket: reference unknown \(by the cluster's store\)"
ipsec whack --resumestatus | ../../guestbin/swan-match ' reference-unknown=2'
