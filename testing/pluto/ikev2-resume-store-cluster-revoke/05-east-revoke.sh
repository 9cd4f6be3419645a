ipsec whack --revoke-resume-id --name @west
../../guestbin/swan-log has "session resumption: revoked every ticket issued to peer '@west' until now"
