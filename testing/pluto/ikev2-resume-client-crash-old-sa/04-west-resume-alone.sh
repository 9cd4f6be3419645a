# IKE_SESSION_RESUME alone (here a replay of the ticket, which travels
# in the clear) proves nothing: east answers it but keeps the old SA
ticket=$(python3 - "$SWAN_RUNDIR/west/ticket.saved" <<'PY'
import struct, sys
b = open(sys.argv[1], 'rb').read()
(n,) = struct.unpack('!I', b[8:12])   # magic, version, length, ticket
print(b[12:12 + n].hex())
PY
)
swan-resume-probe --ticket-hex "$ticket" 192.0.2.23 | swan-match -v 'TICKET_NACK'
