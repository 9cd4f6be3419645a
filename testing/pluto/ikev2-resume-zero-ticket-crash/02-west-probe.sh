../../guestbin/swan-prep --nokeys
# no pluto on west: just the hand-made packet
( set -e -o pipefail; ../../guestbin/swan-resume-probe --zero-ticket 856 "192.1.2.23" | ../../guestbin/swan-match 'response: exchange=IKE_SESSION_RESUME flags=R notify=TICKET_NACK$' )
