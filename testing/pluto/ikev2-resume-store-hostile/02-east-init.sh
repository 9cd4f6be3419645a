../../guestbin/swan-prep --nokeys
# a credentials file its group can read: refused, the password never shown
echo "pluto-members resume-store-pw-1" > "/tmp/store.credentials"
chmod 640 "/tmp/store.credentials"
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log has 'session resumption store credentials .*/store.credentials: it is readable or writable by group or others \(chmod 600 it\)'
../../guestbin/swan-log lacks 'resume-store-pw-1'
ipsec whack --resumestatus | ../../guestbin/swan-match 'store redis://192.1.2.254:6379 down \(credentials refused\)'
