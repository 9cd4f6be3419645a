# the PSK ticket is refused; the full handshake that follows fails
( set -e -o pipefail; if ipsec up west-east; then echo "west-east came up against authby=rsasig"; false; fi )
../../guestbin/swan-log count 1 'received TICKET_NACK notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
../../guestbin/swan-log count 1 'authenticated peer using authby=session-resume'
ipsec showstates | ../../guestbin/swan-match -v ESTABLISHED_IKE_SA
