../../guestbin/swan-log count 1 'rejecting IKE_SESSION_RESUME ticket: connection gone: connection "west-east" that issued it no longer exists'
ipsec whack --resumestatus | ../../guestbin/swan-match ' connection-gone=1 '
ipsec whack --resumestatus | ../../guestbin/swan-match ' peer-ID-not-admitted=1 '
../../guestbin/swan-log lacks 'authenticated peer using authby=session-resume'
ipsec showstates | ../../guestbin/swan-match -v ESTABLISHED_IKE_SA
