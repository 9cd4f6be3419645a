#!/bin/bash
# Bisectability: build the tree with -Werror after each patch of the
# series in turn (pristine + project files + patches 1..k), so that
# git bisect over the series can land anywhere.  Uses its own tree,
# build/bisect/, synced by content so each step rebuilds only what the
# next patch touched.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
base=$top/build/bisect
tree=$base/libreswan-$LIBRESWAN_VERSION
mkdir -p "$base"
"$top/mk/fetch-source.sh" "$top/build" >/dev/null

mapfile -t series < <(grep -v '^#' "$top/patches/series" | sed '/^$/d')

build() {
	if ! make -C "$tree" -j"$(nproc)" PREFIX="$base/inst" INITSYSTEM=docker \
			USE_SYSTEMD_WATCHDOG=false WERROR_CFLAGS=-Werror base \
			> "$base/build.log" 2>&1; then
		grep -E 'error' "$base/build.log" | head -20 >&2
		echo "check-bisect: ERROR: the tree does not build after $1" >&2
		exit 1
	fi
	echo "check-bisect: builds with -Werror after $1"
}

# pristine + project files, synced by content into the bisect tree
stage=$base/stage
rm -rf "$stage"
mkdir -p "$stage"
tar -C "$stage" -xzf "$top/build/libreswan_${LIBRESWAN_VERSION}.orig.tar.gz"
"$top/mk/overlay.sh" "$stage/libreswan-$LIBRESWAN_VERSION" >/dev/null
mkdir -p "$tree"
rsync -rlc --delete --exclude '/OBJ.*' "$stage/libreswan-$LIBRESWAN_VERSION/" "$tree/"
rm -rf "$stage"
build "(project files only)"

# then one patch at a time, on top: each step rebuilds what it touched
for p in "${series[@]}"; do
	if ! patch -d "$tree" -p1 --fuzz=0 --forward --batch --no-backup-if-mismatch -s \
			-r - < "$top/patches/$p" > "$base/patch.log" 2>&1; then
		cat "$base/patch.log" >&2
		echo "check-bisect: ERROR: $p does not apply" >&2
		exit 1
	fi
	build "$p"
done
