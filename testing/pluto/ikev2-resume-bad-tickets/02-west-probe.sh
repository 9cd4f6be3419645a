nack='response: exchange=IKE_SESSION_RESUME flags=R notify=TICKET_NACK$'
hex() { printf "$1%.0s" $(seq "$2"); }	# hex BYTE COUNT
header() { printf '%02x%02x0000' "$1" "$2"; hex 4b 8; hex 4e 12; }	# version flags, key id, nonce
probe() { swan-resume-probe --ticket-hex "$1" "$SWAN_ADDR_east" | swan-match "$nack"; }
probe "$(hex 00 10)"				# truncated
probe "$(hex 01 7000)"				# too big
probe "$(header 2 0)$(hex 00 60)"		# bad version
probe "$(header 1 1)$(hex 00 60)"		# bad header (flags)
probe "$(header 1 0)$(hex 00 60)"		# unknown key
