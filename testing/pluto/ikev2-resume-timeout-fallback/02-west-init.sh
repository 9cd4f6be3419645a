swan-client-with-ticket west-east
