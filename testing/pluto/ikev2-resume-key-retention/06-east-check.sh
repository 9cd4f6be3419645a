../../guestbin/swan-log -s short has 'rejecting IKE_SESSION_RESUME ticket: unknown key'
