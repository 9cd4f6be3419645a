# a real takeover sends a gratuitous ARP
ip neigh flush dev eth1
# keep the reference after using it, to present it again
ipsec whack --impair reuse-resume-ticket
ipsec up west-east
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log has 'IMPAIR: keeping the used session resumption ticket'
