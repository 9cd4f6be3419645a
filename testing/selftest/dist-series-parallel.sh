#!/bin/bash
# mk/dist-series.py may run several times at once: make check's Debian
# build reads build/dist while the selftests patch-no-fuzz and
# series-bisect write the series again (the one into build/dist, the
# other into build/bisect/dist).  Two at once must both succeed, write
# the same series, and leave a build/dist that already holds it
# untouched (its inode unchanged), so that its reader never sees it
# half written.
set -eu
top=$SWAN_TOP
dist=$top/build/dist
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -s "$dist/series" ] || { echo "no $dist/series (make build)"; exit 1; }
before=$(stat -c %i "$dist")
"$top/mk/dist-series.py" "$out/a" > "$out/a.log" 2>&1 & a=$!
"$top/mk/dist-series.py" > "$out/b.log" 2>&1 & b=$!
ok=true
wait "$a" || { echo "FAIL: the run into a new directory: $(tail -3 "$out/a.log")"; ok=false; }
wait "$b" || { echo "FAIL: the run into build/dist: $(tail -3 "$out/b.log")"; ok=false; }
$ok
cat "$out/a.log" "$out/b.log"
diff -r "$out/a" "$dist"
grep -q '(up to date)$' "$out/b.log"
[ "$(stat -c %i "$dist")" = "$before" ] || { echo "FAIL: build/dist was written again"; exit 1; }
echo "two runs at once: the same series; build/dist untouched"
