# a ticket presented to a gateway without keys is refused, not crashed on
( set -e -o pipefail; ../../guestbin/swan-resume-probe --zero-ticket 64 "192.1.2.23" | ../../guestbin/swan-match 'response: exchange=IKE_SESSION_RESUME flags=R notify=TICKET_NACK$' )
