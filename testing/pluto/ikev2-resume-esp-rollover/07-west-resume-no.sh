../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
../../guestbin/swan-log wait -t 30 -n 3 'initiator established Child SA using'
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
