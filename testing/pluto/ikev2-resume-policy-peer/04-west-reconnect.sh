# refused at IKE_SESSION_RESUME; the full handshake then fails on the ID
( set -e -o pipefail; if ipsec up west-east; then echo "west-east came up with a peer ID east no longer has"; false; fi )
../../guestbin/swan-log count 1 'received TICKET_NACK notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
../../guestbin/swan-log lacks 'authenticated peer using authby=session-resume'
