. "$SWAN_TESTDIR/reconnect-refused.sh"
