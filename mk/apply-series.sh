#!/bin/bash
# Copy the project's new files into TREE and apply patches/series with
# zero fuzz.  A patch that needs fuzz, or does not apply, stops here and
# is named.
#
# usage: mk/apply-series.sh TREE [PATCHES_DIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:?usage: $0 TREE [PATCHES_DIR]}
patches=${2:-$top/patches}

for d in programs lib include testing/programs; do
	if [ -d "$top/$d" ]; then
		# new files only: never overwrite an upstream file
		(cd "$top" && find "$d" -type f) | while read -r f; do
			if [ -e "$tree/$f" ]; then
				echo "apply-series: ERROR: project file $f would overwrite an upstream file" >&2
				exit 1
			fi
			mkdir -p "$tree/$(dirname "$f")"
			cp -p "$top/$f" "$tree/$f"
		done
	fi
done

n=0
while read -r p _; do
	case "$p" in ''|'#'*) continue ;; esac
	if ! out=$(patch -d "$tree" -p1 --fuzz=0 --forward --batch \
			--no-backup-if-mismatch -r - < "$patches/$p" 2>&1); then
		echo "$out" >&2
		echo "apply-series: ERROR: patch $p does not apply with zero fuzz" >&2
		exit 1
	fi
	if echo "$out" | grep -q 'with fuzz'; then
		echo "$out" >&2
		echo "apply-series: ERROR: patch $p needs fuzz" >&2
		exit 1
	fi
	n=$((n + 1))
	echo "apply-series: applied $p (no fuzz)"
done < "$patches/series"
echo "apply-series: $n patches applied"
