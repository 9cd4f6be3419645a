#!/bin/bash
# Build and run the libFuzzer target for the ticket decoder.
#   mk/fuzz.sh SECONDS      run for SECONDS (make fuzz: FUZZ_SECONDS)
# The corpus grows in build/fuzz/corpus (kept between runs); crashes land
# in build/fuzz/ and fail the run.
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
secs=${1:-60}
tree=$top/build/libreswan-$LIBRESWAN_VERSION
libswan=$(ls "$tree"/OBJ.*/lib/libswan/libswan.a 2>/dev/null | head -1)
lswtool=$(ls "$tree"/OBJ.*/lib/liblswtool/liblswtool.a 2>/dev/null | head -1)
[ -n "$libswan" ] && [ -n "$lswtool" ] || { echo "fuzz: build the tree first (make build)" >&2; exit 1; }
out=$top/build/fuzz
mkdir -p "$out/corpus" "$out/seeds"
"$top/testing/fuzz/make-seeds.py" "$out/seeds"
# only the decoder and the harness are instrumented; the rest of libswan
# is linked as built
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I"$tree/include" $(pkg-config --cflags nss) \
	-DHERE_FILENAME='"ikev2_resume_ticket.c"' \
	"$top/testing/fuzz/resume_ticket_fuzz.c" "$top/lib/libswan/ikev2_resume_ticket.c" \
	"$libswan" "$lswtool" "$libswan" $(pkg-config --libs nss) \
	-o "$out/resume_ticket_fuzz"
cd "$out"
echo "fuzz: running resume_ticket_fuzz for ${secs}s"
rm -f "$out"/crash-* "$out"/leak-* "$out"/timeout-*
if ! ./resume_ticket_fuzz -max_total_time="$secs" -print_final_stats=1 \
		-artifact_prefix="$out/" corpus seeds > "$out/fuzz.log" 2>&1; then
	tail -40 "$out/fuzz.log"
	echo "fuzz: FAILED; the input is in $(ls "$out"/crash-* "$out"/leak-* "$out"/timeout-* 2>/dev/null)" >&2
	exit 1
fi
grep -E '^Done|number_of_executed_units|new_units_added' "$out/fuzz.log"
echo "fuzz: no crash, leak or timeout in ${secs}s; corpus $(ls corpus | wc -l) inputs"
