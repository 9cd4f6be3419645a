# west is strongSwan's charon: libreswan has no EAP initiator
swan-x509 --rsa >/dev/null
s=$SWAN_HOSTDIR/charon/swanctl
mkdir -p "$s/x509" "$s/x509ca" "$s/private"
cp "$SWAN_RUNDIR/ca/ca.pem" "$s/x509ca/ca.pem"
openssl pkcs12 -in "$SWAN_RUNDIR/ca/west.p12" -passin pass:swantest -nokeys -clcerts -out "$s/x509/west.pem"
openssl pkcs12 -in "$SWAN_RUNDIR/ca/west.p12" -passin pass:swantest -nocerts -nodes -out "$s/private/west.pem"
cat > "$s/swanctl.conf" <<CONF
connections {
	west-east {
		version = 2
		local_addrs = 192.0.2.45
		remote_addrs = 192.0.2.23
		proposals = aes256gcm16-prfsha512-ecp256
		local {
			auth = eap-tls
			certs = west.pem
			id = "O=libreswan-resume, CN=west"
		}
		remote {
			auth = pubkey
			id = "O=libreswan-resume, CN=east"
		}
		children {
			west-east {
				local_ts = 10.0.45.0/24
				remote_ts = 10.0.23.0/24
				esp_proposals = aes128gcm16
			}
		}
	}
}
CONF
swan-charon start
swan-charon load
