( set -e -o pipefail; if ipsec up west-east; then echo "west-east came up with a certificate from a CA east no longer wants"; false; fi )
../../guestbin/swan-log count 2 'received TICKET_NACK notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
../../guestbin/swan-log lacks 'authenticated peer using authby=session-resume'
