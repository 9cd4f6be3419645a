# pluto listens on every address, the last one too, and still answers
../../guestbin/swan-log count 1000 '[0-9]: adding interface eth0 10\.200\.[0-9]+\.[0-9]+:UDP/500$'
ipsec status | ../../guestbin/swan-match -c 1 'eth0 10\.200\.3\.250:UDP/500'
# what addconn printed is still logged, once it has exited
../../guestbin/swan-log has 'addconn: adding interface eth0 10\.200\.3\.250:UDP/500$'
../../guestbin/swan-alive
