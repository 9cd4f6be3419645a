# east refuses the Child SA; the IKE SA comes up through EAP-TLS
swan-charon initiate west-east > "$SWAN_HOSTDIR/initiate.out" 2>&1 || true
swan-charon sas | tee "$SWAN_HOSTDIR/sas.out" | swan-match 'west-east: #[0-9]+, ESTABLISHED, IKEv2'
log=$SWAN_HOSTDIR/charon/charon.log
grep -E "authentication of 'O=libreswan-resume, CN=east' with RSA" "$log"
grep -E 'EAP method EAP_TLS succeeded, MSK established' "$log"
grep -E "authentication of 'O=libreswan-resume, CN=east' with EAP successful" "$log"
# strongSwan never asks for a ticket; none came
grep -E 'generating IKE_AUTH request 1 ' "$log" | grep -v -E 'N\((TKT|16410)'
