../../guestbin/swan-prep --nokeys
../../guestbin/swan-x509
../../guestbin/swan-client-with-ticket west-east
../../guestbin/swan-log has "#1: initiator established IKE SA; authenticated peer certificate '@east' and P-256 ECDSA"
