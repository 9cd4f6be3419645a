../../guestbin/swan-log -s replaced has 'rejecting IKE_SESSION_RESUME ticket: unknown key'
