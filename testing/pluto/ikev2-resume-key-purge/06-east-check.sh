../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: unknown key'
ipsec whack --resumestatus | ../../guestbin/swan-match ' unknown-key=1 '
# a fresh key was made for the new ticket
ipsec whack --resumestatus | ../../guestbin/swan-match -c 1 'session resumption key: '
