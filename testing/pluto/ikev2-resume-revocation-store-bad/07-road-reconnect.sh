# road's ticket is from before the loss
swan-reconnect-fallback road-east TICKET_NACK
