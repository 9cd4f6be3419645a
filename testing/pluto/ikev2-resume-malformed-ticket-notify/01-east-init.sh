ipsec start
ipsec add west-east
ipsec whack --impair truncate-ticket-notify
