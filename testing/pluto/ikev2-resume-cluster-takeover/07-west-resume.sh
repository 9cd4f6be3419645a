# a real takeover sends a gratuitous ARP
ip neigh flush dev eth0
ipsec up west-east
swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log count 1 'sent IKE_SA_INIT request to'
swan-log lacks 'TICKET_NACK'
