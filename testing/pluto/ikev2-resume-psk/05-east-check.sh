../../guestbin/swan-log has 'processing IKE_SESSION_RESUME request'
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec showstates | ../../guestbin/swan-match ESTABLISHED_IKE_SA
# the log holds pluto's reference counts (plutodebug=all) for
# post-mortem.sh's refcnt.gawk, which then finds no key released twice
../../guestbin/swan-log has 'newref .*@0x'
