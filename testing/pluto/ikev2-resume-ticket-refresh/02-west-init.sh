../../guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
../../guestbin/swan-log has '#1: session resumption: asking for a fresh ticket in 2[0-9](\.[0-9]+)? seconds \(before the ticket expires\)'
# west rekeys the IKE SA: the old ticket is dropped, a fresh one asked for
ipsec whack --rekey-ike --name west-east
../../guestbin/swan-log wait 'dropping the session resumption ticket: the IKE SA was rekeyed'
../../guestbin/swan-log wait 'session resumption: sending INFORMATIONAL request for a fresh ticket'
../../guestbin/swan-log wait -n 2 'received v2N_TICKET_LT_OPAQUE'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: [0-9]+ bytes'
