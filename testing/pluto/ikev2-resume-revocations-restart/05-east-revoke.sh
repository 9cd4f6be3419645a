round=1 restart=swan-crash-restart . "$SWAN_TESTDIR/revoke-three.sh"
swan-log -s crashed has 'session resumption: read 2 ticket and 1 peer revocation\(s\) from .*/ikev2-resume-revocations$'
