# a real takeover sends a gratuitous ARP
ip neigh flush dev eth1
ipsec up west-east
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
../../guestbin/swan-log lacks 'TICKET_NACK'
