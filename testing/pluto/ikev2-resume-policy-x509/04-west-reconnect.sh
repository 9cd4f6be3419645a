ipsec whack --name west-east --initiate --asynchronous
../../guestbin/swan-log wait -t 20 'received TICKET_NACK notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
# the full handshake meets east's new ike= (see description.txt)
../../guestbin/swan-log wait -t 20 'ignoring IKE_SA_INIT response containing NO_PROPOSAL_CHOSEN'
../../guestbin/swan-log lacks 'authenticated peer using authby=session-resume'
ipsec down west-east
ipsec showstates | ../../guestbin/swan-match -v 'west-east'
