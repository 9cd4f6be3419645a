ipsec start
ipsec add west-east
ipsec whack --impair log-resume-kat
