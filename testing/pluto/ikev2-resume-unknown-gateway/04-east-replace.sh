ipsec stop
# a new, empty NSS DB in the same directory (which may be a mount point)
rm -rf "/etc/ipsec.d/"*
certutil -N -d "sql:/etc/ipsec.d" --empty-password
../../guestbin/swan-log mark replaced
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log -s replaced has 'created session resumption key'
