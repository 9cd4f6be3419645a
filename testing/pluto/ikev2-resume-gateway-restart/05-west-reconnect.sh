ipsec whack --name west-east --initiate --asynchronous
../../guestbin/swan-log wait -t 20 'sent IKE_SESSION_RESUME request to'
