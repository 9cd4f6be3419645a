#!/bin/bash
# Fetch libreswan_5.2.orig.tar.gz from the Debian archive through apt, and
# verify it against the SHA256 pinned in mk/libreswan.sha256.
#
# The archive location is never written into this repository: a deb-src
# entry for the libreswan suite is derived from the machine's own Debian
# entry (same URIs, same keyring).
#
# usage: mk/fetch-source.sh CACHE_DIR
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:?usage: $0 CACHE_DIR}
. "$top/mk/libreswan.version"
tarball=$cache/libreswan_${LIBRESWAN_VERSION}.orig.tar.gz
pinned=$(cut -d' ' -f1 "$top/mk/libreswan.sha256")
src_list=/etc/apt/sources.list.d/libreswan-resume-src.sources

log() { echo "fetch-source: $*"; }
die() { echo "fetch-source: ERROR: $*" >&2; exit 1; }

verify() {
	local got
	got=$(sha256sum "$1" | cut -d' ' -f1)
	if [ "$got" = "$pinned" ]; then
		log "SHA256 verified: $got (pinned) $(basename "$1")"
		return 0
	fi
	log "SHA256 MISMATCH for $1: got $got, pinned $pinned"
	return 1
}

mkdir -p "$cache"
if [ -f "$tarball" ]; then
	if verify "$tarball"; then
		exit 0
	fi
	log "cached tarball is corrupt; removing it and fetching again"
	rm -f "$tarball"
fi

# Derive the deb-src entry from the machine's own Debian entry: the first
# deb822 stanza (or one-line entry) that names the "debian" archive for the
# running release, not the security archive.
derive_entry() {
	local uris="" signed="" f
	for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		[ "$f" = "$src_list" ] && continue
		# print "URIS|SIGNED" of the first stanza whose Suites has no
		# "-security" and whose URIs end in /debian
		read -r uris signed < <(awk '
			function flush() {
				if (u ~ /\/debian\/?$/ && s !~ /-security/ && t ~ /deb/ && !done) {
					print u, (k == "" ? "-" : k); done = 1
				}
				u = s = t = k = ""
			}
			/^[[:space:]]*$/ { flush(); next }
			/^URIs:/ { u = $2 }
			/^Suites:/ { s = $0 }
			/^Types:/ { t = $0 }
			/^Signed-By:/ { k = $2 }
			END { flush() }' "$f") || true
		[ -n "$uris" ] && break
	done
	if [ -z "$uris" ] && [ -f /etc/apt/sources.list ]; then
		uris=$(awk '$1 == "deb" && $0 !~ /security/ {
			for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
			/etc/apt/sources.list)
		signed=/usr/share/keyrings/debian-archive-keyring.gpg
	fi
	[ -n "$uris" ] || die "no Debian archive entry found in /etc/apt to derive a deb-src entry from"
	[ "$signed" = "-" ] && signed=/usr/share/keyrings/debian-archive-keyring.gpg
	cat <<EOT
# Written by libreswan-resume mk/fetch-source.sh: source packages only,
# derived from this machine's own Debian entry.
Types: deb-src
URIs: $uris
Suites: $LIBRESWAN_SUITE
Components: main
Signed-By: $signed
EOT
}

want=$(derive_entry)
if [ ! -f "$src_list" ] || [ "$(cat "$src_list")" != "$want" ]; then
	log "adding deb-src entry for suite $LIBRESWAN_SUITE ($src_list)"
	printf '%s\n' "$want" > "$src_list"
	apt-get update -qq
fi

uri_line() {
	(cd "$cache" && apt-get source --print-uris -qq "libreswan=$LIBRESWAN_DEBIAN_VERSION" 2>/dev/null) |
		awk -v f="libreswan_${LIBRESWAN_VERSION}.orig.tar.gz" '$2 == f' || true
}
line=$(uri_line)
if [ -z "$line" ]; then
	log "source not listed yet; refreshing apt lists"
	apt-get update -qq
	line=$(uri_line)
fi
[ -n "$line" ] || die "apt-get source --print-uris libreswan=$LIBRESWAN_DEBIAN_VERSION lists no orig tarball"

# line: 'URI' FILE SIZE SHA256:hex
uri=$(echo "$line" | awk '{print $1}' | tr -d "'")
apt_hash=$(echo "$line" | grep -o 'SHA256:[0-9a-f]*' | cut -d: -f2)
[ "$apt_hash" = "$pinned" ] || die "archive announces SHA256 $apt_hash, pinned is $pinned"
log "downloading libreswan_${LIBRESWAN_VERSION}.orig.tar.gz through apt"
/usr/lib/apt/apt-helper -o APT::Sandbox::User=root download-file "$uri" "$tarball.part" "SHA256:$pinned" >/dev/null
mv "$tarball.part" "$tarball"
verify "$tarball" || { rm -f "$tarball"; die "downloaded tarball does not match the pinned SHA256"; }
