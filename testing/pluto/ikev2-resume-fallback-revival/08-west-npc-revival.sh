# NO_PROPOSAL_CHOSEN (resumption off on the gateway), revival on
../../guestbin/swan-reconnect-fallback --revival west-east NO_PROPOSAL_CHOSEN
