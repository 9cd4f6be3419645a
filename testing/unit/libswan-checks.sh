#!/bin/bash
# libreswan's own libswan unit programs, built with the series: the
# address, selector, endpoint and jambuf formatting checks (the series
# formats IPv4 addresses by hand, patch "libswan: format IPv4 addresses
# without a vsnprintf() per octet") and the ID, time and hunk checks.
set -eu
obj=$SWAN_TOP/build/libreswan-5.2/OBJ.linux.x86_64/testing/programs
for check in ipcheck:--dns=no jambufcheck: hunkcheck: timecheck: dncheck:; do
	name=${check%%:*} args=${check#*:}
	prog=$obj/$name/_$name
	[ -x "$prog" ] || { echo "libswan-checks: $prog not built" >&2; exit 1; }
	out=$(mktemp)
	# shellcheck disable=SC2086
	if ! (cd "$SWAN_TOP/build/libreswan-5.2" && "$prog" $args) >"$out" 2>&1; then
		grep -m 10 -iE 'fail|error|wrong|expect' "$out" || tail -20 "$out"
		echo "libswan-checks: $name FAILED"
		rm -f "$out"
		exit 1
	fi
	echo "libswan-checks: $name passed ($(wc -l <"$out") checks logged)"
	rm -f "$out"
done
