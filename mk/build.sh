#!/bin/bash
# Build libreswan 5.2 with (patched) or without (stock) the series and
# install it into a private prefix.
#
#   mk/build.sh patched   tree build/libreswan-5.2, prefix build/inst
#   mk/build.sh stock     tree build/stock/libreswan-5.2, prefix build/stock/inst
#
# The tree is regenerated from the verified tarball, the project's new
# files and patches/series on every run, then synced into place by
# content (rsync -c), so unchanged files keep their timestamps and make
# rebuilds only what changed.  If the tree is a developer git repository
# (make dev-tree) it is built as it is and never overwritten.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
variant=${1:?usage: $0 patched|stock}
. "$top/mk/libreswan.version"
build=$top/build
case "$variant" in
patched) tree=$build/libreswan-$LIBRESWAN_VERSION; prefix=$build/inst ;;
stock)   tree=$build/stock/libreswan-$LIBRESWAN_VERSION; prefix=$build/stock/inst ;;
*) echo "$0: unknown variant $variant" >&2; exit 1 ;;
esac
logs=$build/logs
mkdir -p "$logs"
log() { echo "build[$variant]: $*"; }

"$top/mk/fetch-source.sh" "$build"

stamp=$("$top/mk/series-stamp.sh" "$variant")

if [ -d "$tree/.git" ]; then
	log "developer tree $tree is a git repository: building it as it is"
	log "(make export-patches writes its commits back to patches/)"
	"$top/mk/overlay.sh" "$tree"
else
	stage=$build/stage-$variant
	rm -rf "$stage"
	mkdir -p "$stage"
	tar -C "$stage" -xzf "$build/libreswan_${LIBRESWAN_VERSION}.orig.tar.gz"
	if [ "$variant" = patched ]; then
		"$top/mk/apply-series.sh" "$stage/libreswan-$LIBRESWAN_VERSION"
	else
		log "stock: no project files, no patches"
	fi
	mkdir -p "$tree"
	rsync -rlc --delete --exclude '/OBJ.*' \
		"$stage/libreswan-$LIBRESWAN_VERSION/" "$tree/"
	rm -rf "$stage"
fi

. "$top/mk/make-vars.sh"
make_vars "$prefix"
jobs=$(nproc)
log "make base (-j$jobs, -Werror), log in $logs/build-$variant.log"
if ! make -C "$tree" -j"$jobs" "${make_vars[@]}" base > "$logs/build-$variant.log" 2>&1; then
	grep -E 'error|Error' "$logs/build-$variant.log" | head -30 >&2
	log "BUILD FAILED, see $logs/build-$variant.log" >&2
	exit 1
fi
rm -f "$prefix/.series-stamp"
if ! make -C "$tree" "${make_vars[@]}" install-base > "$logs/install-$variant.log" 2>&1; then
	tail -20 "$logs/install-$variant.log" >&2
	log "INSTALL FAILED, see $logs/install-$variant.log" >&2
	exit 1
fi
# Only a complete build and install records what it was built from; the
# test runner refuses a prefix whose stamp does not match the sources.
echo "$stamp" > "$prefix/.series-stamp"
log "installed into $prefix ($("$prefix/libexec/ipsec/pluto" --version 2>&1 | head -1))"
