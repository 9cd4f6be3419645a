../../guestbin/swan-prep --nokeys
nack='response: exchange=IKE_SESSION_RESUME flags=R notify=TICKET_NACK$'
# hex BYTE COUNT
hex() { printf "$1%.0s" $(seq "$2"); }
# version flags, key id, nonce
header() { printf '%02x%02x0000' "$1" "$2"; hex 4b 8; hex 4e 12; }
probe() { ../../guestbin/swan-resume-probe --ticket-hex "$1" "192.1.2.23" | ../../guestbin/swan-match "$nack"; }
# truncated
probe "$(hex 00 10)"
# too big
probe "$(hex 01 7000)"
# bad version
probe "$(header 2 0)$(hex 00 60)"
# bad header (flags)
probe "$(header 1 1)$(hex 00 60)"
# unknown key
probe "$(header 1 0)$(hex 00 60)"
