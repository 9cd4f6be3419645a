# no pluto on west: just the hand-made packet
swan-resume-probe --zero-ticket 856 "$SWAN_ADDR_east" |
	swan-match 'response: exchange=IKE_SESSION_RESUME flags=R notify=TICKET_NACK$'
