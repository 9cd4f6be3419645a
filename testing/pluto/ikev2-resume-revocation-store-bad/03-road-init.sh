swan-client-with-ticket road-east
