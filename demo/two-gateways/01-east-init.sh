: "=== east is the gateway: session-resumption=yes; it seals tickets with its ticket key"
ipsec start
ipsec add west-east
