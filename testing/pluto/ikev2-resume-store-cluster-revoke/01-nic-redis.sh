# the cluster's store, with one ACL user that may touch only its keys
# (cli-auth: how swan-redis itself logs in)
mkdir -p "/tmp/redis"
echo "pluto-members resume-store-pw-1" > "/tmp/redis/cli-auth"
../../guestbin/swan-redis start --user default off --user pluto-members on '>resume-store-pw-1' '~ikev2-resume:*' '+@all'
../../guestbin/swan-redis cli ping | ../../guestbin/swan-match PONG
