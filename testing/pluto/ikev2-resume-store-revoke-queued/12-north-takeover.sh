swan-cluster-seed
ip addr add 192.0.2.23/24 dev eth0
ipsec start
ipsec add west-east
swan-log wait -t 10 'session resumption store: connected to redis://192.0.2.254:6379'
# B itself never saw the revocation
ipsec whack --resumestatus | swan-match 'revocations: .* tickets=0 peers=0 '
