# one seed for the whole cluster
swan-cluster-seed
ipsec start
ipsec add west-east
swan-log wait -t 10 'session resumption store: connected to redis://192.0.2.254:6379'
