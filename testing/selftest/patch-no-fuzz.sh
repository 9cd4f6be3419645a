#!/bin/bash
# The packagers' series (build/dist/) applies to pristine 5.2 with zero
# fuzz and nothing else; a patch whose
# context no longer matches stops the build and is named.
set -eu
top=$SWAN_TOP
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$top/build/libreswan_5.2.orig.tar.gz"
cp -r "$work/libreswan-5.2" "$work/pristine"

# the real series: every patch applies, none with fuzz
out=$("$top/mk/apply-series.sh" "$work/libreswan-5.2" 2>&1)
echo "$out"
n=$(grep -vc '^#' "$top/patches/series")
grep -q "apply-series: $n patches applied" <<< "$out"
if grep -qi 'with fuzz' <<< "$out"; then exit 1; fi

# a copy of the series whose first patch has one context line changed
mkdir "$work/bad"
cp "$top"/build/dist/* "$work/bad/"
first=$(grep -v '^#' "$top/build/dist/series" | head -1)
# change the first unchanged context line of the first hunk
awk 'BEGIN{done=0} /^@@/{inhunk=1} inhunk && !done && /^ [^ ]/{sub(/^ /," XXX-context-changed "); done=1} {print}' \
	"$top/build/dist/$first" > "$work/bad/$first"
if cmp -s "$top/build/dist/$first" "$work/bad/$first"; then
	echo "could not alter $first" >&2; exit 1
fi
if out=$("$top/mk/apply-series.sh" "$work/pristine" "$work/bad" 2>&1); then
	echo "$out"
	echo "a patch with changed context applied" >&2
	exit 1
fi
echo "$out"
grep -q "apply-series: ERROR: patch $first does not apply with zero fuzz" <<< "$out"
