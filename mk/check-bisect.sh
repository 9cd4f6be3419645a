#!/bin/bash
# Real bisectability.  The packagers' series (build/dist/: patches/ with
# each new file inside the patch that introduces it) is applied to
# pristine 5.2 one patch at a time, with patch -p1 --fuzz=0 and nothing
# else, so that at each prefix only the files introduced so far exist.
# After each patch the tree builds with -Werror, and the tests that exist
# at that point run against it:
#
#   - the unit test program, once the prefix has it (_resumecheck);
#   - the namespace tests that patch introduces (the patch named in
#     testing/pluto/<test>/introduced-by), host tier;
#   - at the end of a sub-series (a comment line of patches/series
#     begins the next), every namespace test introduced so far, so the
#     pluto fixes and the performance work are shown to stand alone.
#     The end of the last sub-series is the whole series: make check.
#
# The log, build/bisect/bisect.log, says which tests ran at each
# prefix.  A rerun continues after the last prefix that passed.
#
# usage: mk/check-bisect.sh [--build-only] [--sample]
#   --build-only  no tests, except the unit tests of the whole series
#                 (the packagers' check: pristine tarball, patch -p1
#                 --fuzz=0 and nothing else, make base -Werror, unit tests)
#   --sample      build only the end of each sub-series and every 6th
#                 patch (CI: each build then takes in several patches)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
. "$top/mk/make-vars.sh"
base=$top/build/bisect
tree=$base/libreswan-$LIBRESWAN_VERSION
prefix=$base/inst
log=$base/bisect.log
passed=$base/passed
mkdir -p "$base"
build_only=false
sample=false
for a in "$@"; do
	case "$a" in
	--build-only) build_only=true ;;
	--sample) sample=true ;;
	*) echo "usage: $0 [--build-only] [--sample]" >&2; exit 1 ;;
	esac
done
"$top/mk/fetch-source.sh" "$top/build" >/dev/null
"$top/mk/dist-series.py" "$base/dist" >/dev/null
dist=$base/dist

say() { echo "check-bisect: $*" | tee -a "$log"; }

# the series, and which patches end a sub-series
mapfile -t series < <(grep -v '^#' "$dist/series" | sed '/^$/d')
declare -A ends
prev=
while read -r line; do
	case "$line" in
	'#'*) [ -n "$prev" ] && ends[$prev]=1; prev= ;;
	'') ;;
	*) prev=$line ;;
	esac
done < "$dist/series"
ends[${series[-1]}]=1

# the namespace tests, by the patch that introduces them
declare -A introduces
for d in "$top"/testing/pluto/*/; do
	t=$(basename "$d")
	[ -f "$d/introduced-by" ] || { echo "check-bisect: ERROR: $t has no introduced-by" >&2; exit 1; }
	slug=$(cat "$d/introduced-by")
	found=
	for p in "${series[@]}"; do
		[ "${p#[0-9][0-9][0-9][0-9]-}" = "$slug.patch" ] && found=$p
	done
	[ -n "$found" ] || { echo "check-bisect: ERROR: $t: introduced-by names no patch: $slug" >&2; exit 1; }
	# the VM tier needs the guest: make check runs it
	[ -f "$d/requires" ] && grep -qw esp "$d/requires" && continue
	introduces[$found]+="$t "
done

stamp() { "$top/mk/series-stamp.sh" patched "$1"; }

# make rebuilds what a changed file touches, never what changed flags
# touch: after a patch that adds a -D to a Makefile (0048's
# USE_RESUME_STORE, 0049's USE_RESUME_STORE_REF), an object built at an
# earlier prefix would keep the code of its #ifdef left out (the new
# files enter the series whole, so that code is already there).  Before
# the next build, every object whose dependency file (gcc's .d) names a
# source or header that uses such a macro is removed, and after a
# change of LDFLAGS/LDLIBS every linked program, so the prefix builds
# as a packager's fresh tree would.
build_flags_patches=
stale_objects() {
	local p macros files
	for p in $build_flags_patches; do
		awk '/^diff --git/ { f = ($0 ~ /Makefile|\.mk$/) } f && /^[-+][^-+]/' "$dist/$p"
	done > "$base/flag-lines"
	macros=$(grep -o -- '-D[A-Za-z_][A-Za-z0-9_]*' "$base/flag-lines" | sed 's/^-D//' | sort -u)
	files=$base/flag-files
	: > "$files"
	for m in $macros; do
		grep -rlw --include='*.[ch]' -- "$m" "$tree/programs" "$tree/lib" "$tree/include" \
			"$tree/testing/programs" >> "$files" || true
	done
	local n=0 d
	if [ -s "$files" ]; then
		while read -r d; do
			rm -f "${d%.d}.o"
			n=$((n + 1))
		done < <(grep -lF -f "$files" -r --include='*.d' "$tree"/OBJ.* 2>/dev/null || true)
	fi
	if grep -qE 'LDFLAGS|LDLIBS' "$base/flag-lines"; then
		find "$tree"/OBJ.* -type f -perm -u+x ! -name '*.*' -delete 2>/dev/null || true
	fi
	say "build flags changed (${macros//$'\n'/ }): $n objects to build again"
	build_flags_patches=
}

build() {
	local n=$1 p=$2
	make_vars "$prefix"
	[ -z "$build_flags_patches" ] || stale_objects
	if ! make -C "$tree" -j"$(nproc)" "${make_vars[@]}" base > "$base/build.log" 2>&1; then
		grep -E ' error|Error [0-9]' "$base/build.log" | head -20 >&2
		say "ERROR: the tree does not build after $p"
		exit 1
	fi
	# a fresh prefix: nothing installed by a later prefix of an
	# earlier run (_resumecheck) may stay
	rm -rf "$prefix"
	make -C "$tree" "${make_vars[@]}" install-base > "$base/install.log" 2>&1 ||
		{ tail -20 "$base/install.log" >&2; say "ERROR: install failed after $p"; exit 1; }
	stamp "$n" > "$prefix/.series-stamp"
}

run_tests() {
	local n=$1 p=$2 tests=$3
	local unit=
	if [ -x "$prefix/libexec/ipsec/_resumecheck" ]; then
		SWAN_TOP=$top SWAN_PREFIX=$prefix bash -e -o pipefail \
			"$top/testing/unit/resumecheck.sh" > "$base/unit.log" 2>&1 ||
			{ tail -20 "$base/unit.log" >&2; say "ERROR: unit/resumecheck fails after $p"; exit 1; }
		unit="unit/resumecheck "
	fi
	if [ -n "$tests" ]; then
		# shellcheck disable=SC2086
		if ! python3 "$top/testing/harness/swantest.py" --prefix "$prefix" \
				--series-prefix "$n" --skip-vm $tests > "$base/tests.log" 2>&1; then
			grep -E '^(FAIL|PASS)' "$base/tests.log" >&2
			say "ERROR: tests fail after $p: see $base/tests.log"
			exit 1
		fi
	fi
	say "after $p: builds; tests: ${unit}${tests:-(none introduced)}"
}

# pristine, then one patch at a time
rm -rf "$base/stage"
mkdir -p "$base/stage"
tar -C "$base/stage" -xzf "$top/build/libreswan_${LIBRESWAN_VERSION}.orig.tar.gz"
mkdir -p "$tree"
rsync -rlc --delete --exclude '/OBJ.*' "$base/stage/libreswan-$LIBRESWAN_VERSION/" "$tree/"
rm -rf "$base/stage"
touch "$passed"
: > "$log"
say "$(date -u +%FT%TZ): ${#series[@]} patches from $dist$($build_only && echo ", build only")$($sample && echo ", sampled")"
n=0
so_far=
for p in "${series[@]}"; do
	n=$((n + 1))
	if ! patch -d "$tree" -p1 --fuzz=0 --forward --batch --no-backup-if-mismatch -s \
			-r - < "$dist/$p" > "$base/patch.log" 2>&1; then
		cat "$base/patch.log" >&2
		say "ERROR: $p does not apply"
		exit 1
	fi
	so_far+="${introduces[$p]:-}"
	if awk '/^diff --git/ { f = ($0 ~ /Makefile|\.mk$/) }
		f && /^[-+][^-+]/ && /CFLAGS|LDFLAGS|LDLIBS/ { found = 1 }
		END { exit !found }' "$dist/$p"; then
		build_flags_patches+="$p "
	fi
	if $sample && [ -z "${ends[$p]:-}" ] && [ $((n % 6)) -ne 0 ]; then
		continue
	fi
	if ! $build_only && grep -qxF "$n $(stamp "$n")" "$passed"; then
		say "after $p: passed in an earlier run"
		continue
	fi
	build "$n" "$p"
	if $build_only; then
		if [ "$n" -eq "${#series[@]}" ]; then
			# the whole packagers' series: its unit tests too
			run_tests "$n" "$p" ""
		else
			say "after $p: builds with -Werror"
		fi
		continue
	fi
	tests=${introduces[$p]:-}
	if [ -n "${ends[$p]:-}" ] && [ "$n" -lt "${#series[@]}" ]; then
		# the end of a sub-series: everything introduced so far
		tests=$so_far
		say "end of a sub-series at $p: every test introduced so far"
	fi
	run_tests "$n" "$p" "$tests"
	echo "$n $(stamp "$n")" >> "$passed"
done
say "every prefix$($sample && echo " sampled") applies with zero fuzz and builds with -Werror$($build_only || echo "; its tests pass")"
