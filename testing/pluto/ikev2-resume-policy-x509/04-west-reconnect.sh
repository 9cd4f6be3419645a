ipsec whack --name west-east --initiate --asynchronous
swan-log wait -t 20 'received TICKET_NACK notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
# the full handshake meets east's new ike= (see description.txt)
swan-log wait -t 20 'ignoring IKE_SA_INIT response containing NO_PROPOSAL_CHOSEN'
swan-log lacks 'authenticated peer using authby=session-resume'
ipsec down west-east
ipsec showstates | swan-match -v 'west-east'
