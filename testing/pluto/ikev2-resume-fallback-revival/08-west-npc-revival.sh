# NO_PROPOSAL_CHOSEN (resumption off on the gateway), revival on
swan-reconnect-fallback --revival west-east NO_PROPOSAL_CHOSEN
