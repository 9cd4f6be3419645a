# five resumptions, five answers that make no sense
for i in 1 2 3 4 5; do
	swan-reconnect-fallback west-east TICKET_NACK
	ipsec suspend west-east
done
