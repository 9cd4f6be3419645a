#!/bin/bash
# Apply the packagers' series (build/dist/, written from patches/ and the
# project's new files by mk/dist-series.py) to TREE, a pristine 5.2,
# with patch -p1 --fuzz=0 and nothing else: what quilt, %autosetup -p1
# and dpkg-source do.  A patch that needs fuzz, or does not apply, stops
# here and is named.
#
# usage: mk/apply-series.sh TREE [PATCHES_DIR]
#   PATCHES_DIR defaults to build/dist/, generated afresh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:?usage: $0 TREE [PATCHES_DIR]}
if [ $# -ge 2 ]; then
	patches=$2
else
	patches=$top/build/dist
	"$top/mk/dist-series.py" "$patches"
fi

n=0
while read -r p _; do
	case "$p" in ''|'#'*) continue ;; esac
	if ! out=$(patch -d "$tree" -p1 --fuzz=0 --forward --batch \
			--no-backup-if-mismatch -r - < "$patches/$p" 2>&1); then
		echo "$out" >&2
		echo "apply-series: ERROR: patch $p does not apply with zero fuzz" >&2
		exit 1
	fi
	if grep -q 'with fuzz' <<< "$out"; then
		echo "$out" >&2
		echo "apply-series: ERROR: patch $p needs fuzz" >&2
		exit 1
	fi
	n=$((n + 1))
	echo "apply-series: applied $p (no fuzz)"
done < "$patches/series"
echo "apply-series: $n patches applied"
