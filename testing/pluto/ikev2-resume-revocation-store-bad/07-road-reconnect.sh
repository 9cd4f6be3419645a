# road's ticket is from before the loss
../../guestbin/swan-reconnect-fallback road-east TICKET_NACK
