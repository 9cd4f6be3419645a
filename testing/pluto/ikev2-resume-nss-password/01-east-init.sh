../../guestbin/swan-prep --nokeys
printf '\n' > "/tmp/oldpw"
printf 'resume-test-nss-password\n' > "/tmp/newpw"
certutil -W -d "sql:/etc/ipsec.d" -f "/tmp/oldpw" -@ "/tmp/newpw"
printf 'NSS Certificate DB:resume-test-nss-password\n' > "/etc/ipsec.d/nsspassword"
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log has 'created session resumption key'
