../../guestbin/swan-log count 1 "rejecting IKE_SESSION_RESUME ticket: CA not admitted: peer's certificate was issued by '[^']*Resume Test CA[^']*', connection \"west-east\" now wants leftca='[^']*Other Resume CA[^']*'"
ipsec whack --resumestatus | ../../guestbin/swan-match ' authentication-not-admitted=1 .* CA-not-admitted=1( |$)'
../../guestbin/swan-log lacks 'authenticated peer using authby=session-resume'
ipsec showstates | ../../guestbin/swan-match -v ESTABLISHED_IKE_SA
