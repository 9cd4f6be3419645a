# the operator's stop for good: every IKE SA gets a Delete
ipsec whack --shutdown --delete-resumable
../../guestbin/swan-log has 'shutdown for good: every IKE SA gets a Delete'
../../guestbin/swan-log count 1 'not sending a Delete so the peer keeps its session resumption ticket'
