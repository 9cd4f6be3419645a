# five resumptions, five answers that make no sense
( set -e -o pipefail; for i in 1 2 3 4 5; do ../../guestbin/swan-reconnect-fallback west-east TICKET_NACK; ipsec whack --suspend --name west-east; done )
