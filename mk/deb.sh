#!/bin/bash
# Debian binary packages of the patched libreswan (issue #20):
#
#   make dist-series   build/dist/{series,NNNN-*.patch}  (the only input
#                      besides the pristine tarball)
#   make deb           build/deb/*.deb, lintian's findings in
#                      build/deb/lintian.txt
#
# The source package is upstream's packaging/debian of the same tarball,
# format 3.0 (quilt): the series goes into debian/patches ahead of
# upstream's own Debian patch, dpkg-source applies it (not our scripts),
# Build-Depends come from that debian/control through apt.  Edits made to
# upstream's debian/ are listed in docs/packaging.md.
#
# usage: mk/deb.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
v=$LIBRESWAN_VERSION
debversion=${DEB_VERSION:-$v-1+rfc5723.1}
dist=$top/build/dist
out=$top/build/deb
work=$top/build/deb-src

[ -s "$dist/series" ] || { echo "deb: no $dist/series (make dist-series)" >&2; exit 1; }

# a package already built from the same sources (mk/series-stamp.sh, and
# the same version and packaging script) is kept: make check and a make
# deb after it build it once; DEB_REBUILD=1 builds it again
stamp=$( { "$top/mk/series-stamp.sh" patched; echo "$debversion"; sha256sum "$0"; } | sha256sum | cut -d' ' -f1)
if [ -z "${DEB_REBUILD:-}" ] && [ "$(cat "$out/.series-stamp" 2>/dev/null)" = "$stamp" ] &&
		ls "$out"/libreswan_"${debversion}"_*.deb >/dev/null 2>&1; then
	echo "deb: build/deb is up to date (series stamp $stamp), not rebuilt (DEB_REBUILD=1 to force)"
	exit 0
fi
rm -f "$out/.series-stamp"
# wall time of each step, printed at the end
t_start=$SECONDS
times=
step() { times="$times $1 $((SECONDS - t_step))s,"; t_step=$SECONDS; }
t_step=$SECONDS

rm -rf "$work"
mkdir -p "$work" "$out"
cp "$top/build/libreswan_$v.orig.tar.gz" "$work/"
tar -C "$work" -xzf "$work/libreswan_$v.orig.tar.gz"
src=$work/libreswan-$v
cp -a "$src/packaging/debian" "$src/debian"
d=$src/debian

# the series first (it applies to the pristine tree), upstream's Debian
# patches after it
upstream_series=$(cat "$d/patches/series")
cp "$dist"/*.patch "$d/patches/"
{ cat "$dist/series"; echo "$upstream_series"; } > "$d/patches/series"

# packaging/debian/control: a comma is missing after nftables, so
# dpkg-gencontrol reads "nftables ${misc:Depends}" as one (bad) relation
sed -i 's/^ nftables$/ nftables,/' "$d/control"
# patch 0048's cluster store (USE_RESUME_STORE=true) links hiredis
sed -i 's/^ libevent-dev,$/ libevent-dev,\n libhiredis-dev,/' "$d/control"
grep -q '^ libhiredis-dev,$' "$d/control"
# debian/compat and debhelper-compat can't both be there; 10 is kept
grep -q '^10$' "$d/compat"

# the version says what it is
{
	echo "libreswan ($debversion) bookworm; urgency=medium"
	echo
	echo "  * RFC 5723 IKEv2 Session Resumption series and pluto fixes:"
	echo "    $(grep -vc '^#' "$dist/series") patches in debian/patches (see docs/packaging.md)."
	echo "  * ipsec.conf: session-resumption-shutdown=keep, so the restart of an"
	echo "    upgrade (ipsec.service's whack --shutdown) leaves clients with"
	echo "    tickets able to resume."
	echo
	echo " -- libreswan-resume <dev@libreswan-resume.invalid>  $(date -R)"
	echo
	cat "$d/changelog"
} > "$d/changelog.new"
mv "$d/changelog.new" "$d/changelog"

# Build-Depends from the package's own control, by apt
echo "deb: installing Build-Depends of $d/control with apt"
DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -qq "$src" > "$work/build-dep.log" 2>&1 ||
	{ tail -20 "$work/build-dep.log" >&2; exit 1; }
step build-dep

cd "$src"
echo "deb: dpkg-buildpackage -b -us -uc (log: $work/build.log)"
if ! DEB_BUILD_OPTIONS="parallel=$(nproc)" nice -n 10 \
		dpkg-buildpackage -b -us -uc > "$work/build.log" 2>&1; then
	tail -40 "$work/build.log" >&2
	echo "deb: ERROR: dpkg-buildpackage failed" >&2
	exit 1
fi
grep -E '^dpkg-source|Applying patch|applying' "$work/build.log" | tail -3 || true
step dpkg-buildpackage
# where dpkg-buildpackage's time went, from the mtimes of what it made:
# the compile (first to last object), the man pages and HTML (xmlto),
# and what followed the last of them (make install, dh_*, dh_builddeb)
obj=$(ls -d "$work/libreswan-$v"/OBJ.* | head -1)
span() { find "$obj" -name "$1" -printf '%T@\n' | sort -n | awk 'NR == 1 { a = $1 } { b = $1 } END { printf "%.0f %.0f\n", a, b }'; }
read -r o0 o1 < <(span '*.o')
read -r m0 m1 < <(span '*.[58]')
last=$(awk -v a="$o1" -v b="$m1" 'BEGIN { print (a > b ? a : b) }')
echo "deb: dpkg-buildpackage: compile $((o1 - o0))s ($(find "$obj" -name '*.o' | wc -l) objects), man pages $((m1 - m0))s ($(grep -c '^xmlto ' "$work/build.log" || true) xmlto runs, overlapping the compile), install and dh_* after them $(( $(date +%s) - ${last%.*} ))s"

rm -f "$out"/*.deb "$out"/*.buildinfo "$out"/*.changes
mv "$work"/*.deb "$work"/*.buildinfo "$work"/*.changes "$out/"
if command -v lintian >/dev/null; then
	(cd "$out" && lintian --info --display-info --pedantic ./*.changes > lintian.txt 2>&1 || true)
	echo "deb: lintian: $(grep -c '^[EWIP]:' "$out/lintian.txt" || true) findings in $out/lintian.txt"
fi
step lintian
ls -l "$out"/*.deb
deb=$out/libreswan_${debversion}_$(dpkg --print-architecture).deb
dpkg-deb -c "$deb" | grep -E 'libexec/ipsec/pluto$|ipsec.service$'
# an upgrade restarts the service (debhelper's postinst), which with the
# package's ipsec.conf keeps the clients resumable
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst > "$work/postinst"
grep -E "deb-systemd-invoke .*'ipsec.service'|_dh_action=restart" "$work/postinst"

# the packaged pluto has the series: run it from the package's files
rm -rf "$work/root"
dpkg-deb -x "$deb" "$work/root"
"$top/mk/pkg-smoke.sh" "$work/root"
step pkg-smoke
echo "$stamp" > "$out/.series-stamp"
echo "deb: times:${times%,}; total $((SECONDS - t_start))s"
