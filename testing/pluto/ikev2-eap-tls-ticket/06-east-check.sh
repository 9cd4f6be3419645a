# issued once, after EAP, for the second IKE SA
swan-log count 1 'sending IKE_SESSION_RESUME ticket, expires'
ipsec whack --resumestatus | swan-match 'tickets issued=1 '
awk '/EAP Final ACK/ { final = NR } /sending IKE_SESSION_RESUME ticket/ { ticket = NR } /#3: established IKE SA/ { est = NR } END { exit !(final && final < ticket && ticket < est) }' "$SWAN_HOSTDIR/pluto.log"
