# the cluster's store, with one ACL user that may touch only its keys
# (cli-auth: how swan-redis itself logs in)
mkdir -p "$SWAN_HOSTDIR/redis"
echo "pluto-members resume-store-pw-1" > "$SWAN_HOSTDIR/redis/cli-auth"
swan-redis start --user default off --user pluto-members on '>resume-store-pw-1' '~ikev2-resume:*' '+@all'
swan-redis cli ping | swan-match PONG
