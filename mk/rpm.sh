#!/bin/bash
# RPMs and the SRPM of the patched libreswan, with rpmbuild (Debian's
# rpm package), from upstream's packaging/fedora/libreswan.spec
# (issue #20):
#
#   make dist-series   build/dist/{series,NNNN-*.patch}  (the only input
#                      besides the pristine tarball)
#   make rpm           build/rpm/{RPMS,SRPMS}, the spec's diff in
#                      build/rpm/libreswan.spec.diff
#
# The spec gets one PatchNNNN: line per patch of build/dist/series and
# %autosetup -p1 instead of %setup; the rest is upstream's.  What can
# not be checked on Debian (BuildRequires, Fedora's systemd and sysctl
# macros, the CAVS sources) is in docs/packaging.md.
#
# usage: mk/rpm.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
v=$LIBRESWAN_VERSION
release=${RPM_RELEASE:-1.rfc5723.1}
dist=$top/build/dist
out=$top/build/rpm

[ -s "$dist/series" ] || { echo "rpm: no $dist/series (make dist-series)" >&2; exit 1; }
command -v rpmbuild >/dev/null || {
	echo "rpm: installing rpm with apt"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rpm >/dev/null
}

rm -rf "$out"
mkdir -p "$out"/{SOURCES,SPECS,BUILD,RPMS,SRPMS}
# Source0 is the upstream tarball; Debian's orig tarball is that file
cp "$top/build/libreswan_$v.orig.tar.gz" "$out/SOURCES/libreswan-$v.tar.gz"
cp "$dist"/*.patch "$out/SOURCES/"
tar -xzf "$top/build/libreswan_$v.orig.tar.gz" -O \
	"libreswan-$v/packaging/fedora/libreswan.spec" > "$out/libreswan.spec.orig"

spec=$out/SPECS/libreswan.spec
patchlines=$(grep -v '^#' "$dist/series" | awk '{ printf "Patch%04d: %s\n", NR, $0 }')
awk -v patches="$patchlines" -v release="$release" -v n="$(grep -vc '^#' "$dist/series")" '
	# the CAVS vectors are Sources 1-3, fetched from upstream: not
	# available here, and the test they feed does not touch the series
	/^%global with_cavstests 1$/ { print "%global with_cavstests 0"; next }
	/^Release: / { print "Release: " release "%{?dist}"; next }
	/^Source0: / { print; print patches; next }
	/^%setup -q -n / { sub(/^%setup -q/, "%autosetup -p1"); print; next }
	/^%changelog$/ {
		print
		print "* " strftime("%a %b %d %Y", systime(), 1) " libreswan-resume <dev@libreswan-resume.invalid> - 5.2-" release
		print "- RFC 5723 IKEv2 Session Resumption series and pluto fixes (" n " patches)"
		print "- ipsec.conf: session-resumption-shutdown=keep, so an upgrade'"'"'s restart"
		print "  leaves clients able to resume"
		print ""
		next
	}
	{ print }' "$out/libreswan.spec.orig" > "$spec"
(cd "$out" && diff -u libreswan.spec.orig SPECS/libreswan.spec > libreswan.spec.diff || [ $? -eq 1 ])

# Fedora's macros that Debian's rpm lacks (systemd-rpm-macros and the
# sysctl ones): enough to build here; a Fedora build uses its own
cat > "$out/macros.debian" <<'EOF'
%_unitdir /lib/systemd/system
%_sharedstatedir /var/lib
%_tmpfilesdir /usr/lib/tmpfiles.d
%_sysctldir /usr/lib/sysctl.d
%_rundir /run
%systemd_post() if [ $1 -eq 1 ]; then systemctl --no-reload preset %{?*} >/dev/null 2>&1 || :; fi
%systemd_preun() if [ $1 -eq 0 ]; then systemctl --no-reload disable --now %{?*} >/dev/null 2>&1 || :; fi
%systemd_postun_with_restart() if [ $1 -ge 1 ]; then systemctl try-restart %{?*} >/dev/null 2>&1 || :; fi
%sysctl_apply() /usr/lib/systemd/systemd-sysctl %{?*} >/dev/null 2>&1 || :
EOF

# BuildRequires name Fedora packages: rpmbuild can't check them against
# dpkg (--nodeps); the Debian equivalents are what make deb installed
# (debian/control's Build-Depends) plus libseccomp-dev for USE_SECCOMP
if ! dpkg -s libseccomp-dev >/dev/null 2>&1; then
	echo "rpm: installing libseccomp-dev with apt (USE_SECCOMP=true)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libseccomp-dev >/dev/null
fi
echo "rpm: rpmbuild -ba (log: $out/rpmbuild.log)"
if ! nice -n 10 rpmbuild --nodeps --define "_topdir $out" \
		--load "$out/macros.debian" \
		--define "_smp_mflags -j$(nproc)" \
		-ba "$spec" > "$out/rpmbuild.log" 2>&1; then
	tail -40 "$out/rpmbuild.log" >&2
	echo "rpm: ERROR: rpmbuild failed" >&2
	exit 1
fi
grep -c 'patch -p1 -s --fuzz=0' "$out/rpmbuild.log" | sed 's/^/rpm: patches applied by %autosetup: /' || true
find "$out/RPMS" "$out/SRPMS" -name '*.rpm' -printf '%p %s\n'
rpm=$(ls "$out"/RPMS/*/libreswan-5.2-*.rpm)
rpm -qlp "$rpm" | grep -E 'libexec/ipsec/pluto$|ipsec.service$'
rpm -qp --scripts "$rpm" > "$out/scripts.txt"
grep -q 'systemctl try-restart ipsec.service' "$out/scripts.txt" ||
	{ echo "rpm: ERROR: no restart of ipsec.service in %postun" >&2; exit 1; }

# the packaged pluto has the series: run it from the RPM's files
command -v cpio >/dev/null || {
	echo "rpm: installing cpio with apt"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cpio >/dev/null
}
rm -rf "$out/root" && mkdir -p "$out/root"
rpm2cpio "$rpm" | (cd "$out/root" && cpio -idm --quiet)
"$top/mk/pkg-smoke.sh" "$out/root"
