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
for k in $(seq 0 ${#series[@]}); do
	stage=$base/stage
	rm -rf "$stage" "$base/partial"
	mkdir -p "$stage" "$base/partial"
	tar -C "$stage" -xzf "$top/build/libreswan_${LIBRESWAN_VERSION}.orig.tar.gz"
	printf '%s\n' "${series[@]:0:$k}" > "$base/partial/series"
	for p in "${series[@]:0:$k}"; do cp "$top/patches/$p" "$base/partial/"; done
	"$top/mk/apply-series.sh" "$stage/libreswan-$LIBRESWAN_VERSION" "$base/partial" >/dev/null
	mkdir -p "$tree"
	rsync -rlc --delete --exclude '/OBJ.*' "$stage/libreswan-$LIBRESWAN_VERSION/" "$tree/"
	name=${series[$((k - 1))]:-}
	[ "$k" -eq 0 ] && name="(project files only)"
	if ! make -C "$tree" -j"$(nproc)" PREFIX="$base/inst" INITSYSTEM=docker \
			USE_SYSTEMD_WATCHDOG=false WERROR_CFLAGS=-Werror base \
			> "$base/build.log" 2>&1; then
		grep -E 'error' "$base/build.log" | head -20 >&2
		echo "check-bisect: ERROR: the tree does not build after $name" >&2
		exit 1
	fi
	echo "check-bisect: builds with -Werror after $name"
done
rm -rf "$base/stage" "$base/partial"
