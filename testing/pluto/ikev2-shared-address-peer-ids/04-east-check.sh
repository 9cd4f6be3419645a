# six IKE SAs, each on the connection of its own ID
../../guestbin/swan-log count 6 'responder established IKE SA'
../../guestbin/swan-log count 1 '"bravo" #[0-9]+: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN .@client-b.'
../../guestbin/swan-log count 1 '"bravo" #[0-9]+: responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 1 '"anyone"\[[0-9]+\] 192.1.2.45 #[0-9]+: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN .@client-a.'
../../guestbin/swan-log count 1 '"anyone"\[[0-9]+\] 192.1.2.45 #[0-9]+: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN .@client-c.'
../../guestbin/swan-log count 2 '"anyone"\[[0-9]+\] 192.1.2.45 #[0-9]+: responder established IKE SA; authenticated peer using authby=session-resume'
# the resumed IKE SAs' connections carry the IDs their tickets named
ipsec connectionstatus | ../../guestbin/swan-match '"anyone"\[[0-9]+\]: .*\.\.\.192.1.2.45\[@client-a\]'
ipsec connectionstatus | ../../guestbin/swan-match '"anyone"\[[0-9]+\]: .*\.\.\.192.1.2.45\[@client-c\]'
ipsec connectionstatus | ../../guestbin/swan-match '"bravo": .*\.\.\.192.1.2.45\[@client-b\]'
# and no instance of the template carries @client-b
( set -e -o pipefail; if ipsec connectionstatus | grep -E '"anyone"\[[0-9]+\]: .*\[@client-b\]|"anyone"\[[0-9]+\]: .*\[@CLIENT-B'; then echo "FAIL: @CLIENT-B. got an instance of the template" >&2; false; fi )
