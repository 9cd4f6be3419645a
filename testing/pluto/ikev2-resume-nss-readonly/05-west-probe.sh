# a ticket presented to a gateway without keys is refused, not crashed on
swan-resume-probe --zero-ticket 64 "$SWAN_ADDR_east" |
	swan-match 'response: exchange=IKE_SESSION_RESUME flags=R notify=TICKET_NACK$'
