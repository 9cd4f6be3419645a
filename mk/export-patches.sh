#!/bin/bash
# Write the developer tree's commits (overlay..HEAD) back to patches/ as
# a quilt series.  Output is stable: zero commit ids in the From line,
# no signature, file names from the subjects, author dates kept from the
# commits, so re-exporting unchanged commits changes nothing.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
tree=$top/build/libreswan-$LIBRESWAN_VERSION
[ -d "$tree/.git" ] || { echo "export-patches: no developer tree (make dev-tree)" >&2; exit 1; }
cd "$tree"
if [ -n "$(git status --porcelain)" ]; then
	echo "export-patches: $tree has uncommitted changes; commit them first" >&2
	git status --short >&2
	exit 1
fi
overlay_files=$(sed -n '/^# overlay begin$/,/^# overlay end$/{/^\//s|^/||p}' .git/info/exclude | LC_ALL=C sort)
touched=$(comm -12 <(echo "$overlay_files") \
		   <(git diff --name-only overlay HEAD | LC_ALL=C sort))
if [ -n "$touched" ]; then
	echo "export-patches: ERROR: commits change the project's own files:" >&2
	echo "$touched" >&2
	echo "export-patches: edit those in the project directory, not in a patch" >&2
	exit 1
fi
out=$(mktemp -d)
git format-patch -q --zero-commit --no-signature --no-numbered \
	--subject-prefix=PATCH -o "$out" overlay..HEAD
rm -f "$top"/patches/*.patch
# keep the series' comment lines (where each sub-series begins) before
# the patch they preceded, found by its name without the number
ls "$out" | LC_ALL=C sort | awk -v old="$top/patches/series" '
	BEGIN {
		while ((getline line < old) > 0) {
			if (line ~ /^#/) { c = c line "\n"; continue }
			slug = line; sub(/^[0-9]+-/, "", slug)
			if (c != "") { comment[slug] = c; c = "" }
		}
	}
	{ slug = $0; sub(/^[0-9]+-/, "", slug); printf "%s%s\n", comment[slug], $0 }
' > "$top/patches/series.new"
mv "$top/patches/series.new" "$top/patches/series"
cp "$out"/*.patch "$top/patches/" 2>/dev/null || true
rm -rf "$out"
echo "export-patches: $(wc -l < "$top/patches/series") patches written to patches/"
(cd "$top" && git status --short patches/ 2>/dev/null || true)
