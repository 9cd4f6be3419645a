: "=== summary"
column -t -s '|' "$SWAN_RUNDIR/demo-summary"
