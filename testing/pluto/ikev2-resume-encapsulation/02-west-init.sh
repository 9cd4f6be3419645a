../../guestbin/swan-prep --nokeys
../../guestbin/swan-client-with-ticket west-east
# the full handshake floated to 4500, as encapsulation=yes asks
../../guestbin/swan-log has '#1: sent IKE_AUTH request to 192.1.2.23:UDP/4500'
