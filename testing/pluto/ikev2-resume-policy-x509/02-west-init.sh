swan-x509
swan-client-with-ticket west-east
swan-log has "#1: initiator established IKE SA; authenticated peer certificate '@east' and P-256 ECDSA"
