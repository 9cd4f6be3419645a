ipsec whack --impair revival:no
ipsec whack --name west-east --initiate --asynchronous
../../guestbin/swan-log wait -t 15 -n 2 'no answer to the IKE_SESSION_RESUME request; dropped the ticket'
