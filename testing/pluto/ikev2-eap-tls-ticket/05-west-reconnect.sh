swan-charon terminate west-east
swan-charon initiate west-east > "$SWAN_HOSTDIR/initiate2.out" 2>&1 || true
swan-charon sas | swan-match 'west-east: #[0-9]+, ESTABLISHED, IKEv2'
log=$SWAN_HOSTDIR/charon/charon.log
# the notify (16409) came in the last IKE_AUTH response, the one with AUTH
# after EAP success, and in no other (R-4.2-4); strongSwan ignores it
grep -E 'parsed IKE_AUTH response [0-9]+ \[' "$log" > responses
grep -E -c 'N\((TKT_LT_OPA[QK]|16409)\)' responses | swan-match '^1$'
tail -1 responses | swan-match '\[ AUTH .*N\((TKT_LT_OPA[QK]|16409)\)'
