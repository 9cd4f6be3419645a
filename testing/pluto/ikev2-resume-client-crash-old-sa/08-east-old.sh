ipsec whack --impair corrupt-encrypted:no
../../guestbin/swan-log has 'encrypted payload seems to be corrupt; dropping packet'
../../guestbin/swan-log count 0 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec showstates | ../../guestbin/swan-match -c 1 '#1: "west-east".*ESTABLISHED_IKE_SA'
ipsec showstates | ../../guestbin/swan-match -c 1 'ESTABLISHED_IKE_SA'
nft reset counters >/dev/null
../../guestbin/swan-log mark resume
