ipsec up west-east
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-resume-kat --idi @west --idr @east "/tmp/pluto.log"
