../../guestbin/swan-log count 1 'rejecting IKE_SESSION_RESUME ticket: authentication not admitted: peer first authenticated with secret, connection "west-east" now wants leftauth=rsasig'
../../guestbin/swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --resumestatus | ../../guestbin/swan-match ' authentication-not-admitted=1 '
ipsec showstates | ../../guestbin/swan-match -v ESTABLISHED_IKE_SA
