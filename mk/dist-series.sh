#!/bin/bash
# PROVISIONAL generator of the packagers' series (issue #20; the
# integrator replaces this body with issue #18's layout, the interface
# stays):
#
#   make dist-series  ->  build/dist/series + build/dist/NNNN-*.patch
#
# A quilt series that applies to the pristine libreswan tarball with
# patch -p1 --fuzz=0 and nothing else: no overlay step, the project's
# new files (mk/overlay.sh's list) are git-style additions in the first
# patch, followed by patches/series renumbered.  Every patch carries
# DEP-3 headers (Description, Author, Origin, Forwarded, Last-Update)
# ahead of its diff, so dpkg-source, quilt and rpm's %autosetup -p1 take
# it as is.  mk/deb.sh and mk/rpm.sh consume only build/dist/.
#
# usage: mk/dist-series.sh [OUTDIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
out=${1:-$top/build/dist}
dirs=(programs lib include testing/programs configs)

rm -rf "$out.tmp"
mkdir -p "$out.tmp"

# DEP-3 header from a git format-patch mail (From:, Date:, Subject:, body)
dep3() {
	awk -v origin="vendor, libreswan RFC 5723 session resumption series" '
	BEGIN { hdr = 1 }
	hdr && /^From [0-9a-f]+ / { next }
	hdr && /^From: / { author = substr($0, 7); next }
	hdr && /^Date: / { date = substr($0, 7); next }
	hdr && /^Subject: / { subj = substr($0, 10); sub(/^\[PATCH[^]]*\] /, "", subj); insubj = 1; next }
	hdr && insubj && /^ / { subj = subj $0; next }
	hdr && /^$/ { hdr = 0; insubj = 0; next }
	!hdr && /^---$/ { exit }
	!hdr { body[n++] = $0 }
	END {
		print "Description: " subj
		for (i = 0; i < n; i++)
			print (body[i] == "" ? " ." : " " body[i])
		print "Author: " author
		print "Origin: " origin
		print "Forwarded: no"
		print "X-Date: " date
	}' "$1"
}

n=1
first=$(printf '%04d' $n)-project-new-files.patch
files=$(cd "$top" && for d in "${dirs[@]}"; do [ -d "$d" ] && find "$d" -type f; done | LC_ALL=C sort)
{
	echo "Description: the series' new source files (mk/overlay.sh's list)"
	echo " The RFC 5723 series keeps its new files (ticket codec, key ring,"
	echo " replay cache, checkers, man page sources) in the project's"
	echo " programs/ lib/ include/ testing/programs/ configs/; the patches"
	echo " after this one only register them.  This patch adds them to the"
	echo " pristine tree so the series applies with patch -p1 alone."
	echo "Author: libreswan-resume <dev@libreswan-resume.invalid>"
	echo "Origin: vendor, libreswan RFC 5723 session resumption series"
	echo "Forwarded: no"
	echo "Last-Update: $(date -u +%F)"
	echo "---"
	cd "$top"
	for f in $files; do
		# git diff --no-index exits 1 when the files differ
		git diff --no-index --no-color --full-index /dev/null "$f" || [ $? -eq 1 ]
	done
} > "$out.tmp/$first"
echo "$first" > "$out.tmp/series"

while read -r p _; do
	case "$p" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	name=$(printf '%04d' $n)-${p#[0-9][0-9][0-9][0-9]-}
	{
		dep3 "$top/patches/$p"
		echo "Last-Update: $(date -u +%F)"
		echo "---"
		sed -n '/^diff --git /,$p' "$top/patches/$p" |
			sed '/^-- $/,$d'
	} > "$out.tmp/$name"
	echo "$name" >> "$out.tmp/series"
done < "$top/patches/series"

# prove the interface: the series applies to the pristine tarball alone
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
tar -C "$check" -xzf "$top/build/libreswan_${LIBRESWAN_VERSION}.orig.tar.gz"
while read -r p; do
	if ! o=$(patch -d "$check/libreswan-$LIBRESWAN_VERSION" -p1 --fuzz=0 --forward \
			--batch --no-backup-if-mismatch -r - < "$out.tmp/$p" 2>&1) ||
	   grep -q 'with fuzz' <<< "$o"; then
		echo "$o" >&2
		echo "dist-series: ERROR: $p does not apply to the pristine tarball with zero fuzz" >&2
		exit 1
	fi
done < "$out.tmp/series"
rm -rf "$out"
mv "$out.tmp" "$out"
echo "dist-series: $(wc -l < "$out/series") patches in $out (apply to libreswan_${LIBRESWAN_VERSION}.orig.tar.gz with patch -p1 --fuzz=0)"
