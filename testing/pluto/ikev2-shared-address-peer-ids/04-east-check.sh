# six IKE SAs, each on the connection of its own ID
swan-log count 6 'responder established IKE SA'
swan-log count 1 '"bravo" #[0-9]+: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN .@client-b.'
swan-log count 1 '"bravo" #[0-9]+: responder established IKE SA; authenticated peer using authby=session-resume'
swan-log count 1 '"anyone"\[[0-9]+\] 192.0.2.45 #[0-9]+: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN .@client-a.'
swan-log count 1 '"anyone"\[[0-9]+\] 192.0.2.45 #[0-9]+: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN .@client-c.'
swan-log count 2 '"anyone"\[[0-9]+\] 192.0.2.45 #[0-9]+: responder established IKE SA; authenticated peer using authby=session-resume'
# the resumed IKE SAs' connections carry the IDs their tickets named
ipsec connectionstatus | swan-match '"anyone"\[[0-9]+\]: .*\.\.\.192.0.2.45\[@client-a\]'
ipsec connectionstatus | swan-match '"anyone"\[[0-9]+\]: .*\.\.\.192.0.2.45\[@client-c\]'
ipsec connectionstatus | swan-match '"bravo": .*\.\.\.192.0.2.45\[@client-b\]'
# and no instance of the template carries @client-b
if ipsec connectionstatus | grep -E '"anyone"\[[0-9]+\]: .*\[@client-b\]|"anyone"\[[0-9]+\]: .*\[@CLIENT-B'; then
	echo "FAIL: @CLIENT-B. got an instance of the template" >&2
	exit 1
fi
