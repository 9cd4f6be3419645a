ipsec whack --resumestatus | ../../guestbin/swan-match 'accepted=1 used=1 '
ipsec whack --resumestatus | ../../guestbin/swan-match 'single-use cache: 1 of 1000000 tickets'
