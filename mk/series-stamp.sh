#!/bin/bash
# Print a digest of everything a build of VARIANT is made from: the
# pinned tarball hash, and for "patched" the series, the patches and the
# project's new files.  A prefix whose recorded stamp differs is stale.
# "patched N": a build of the series' first N patches (make check-bisect).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
{
	echo "variant ${1:?usage: $0 patched [N]|stock}"
	n=${2:-}
	cat mk/libreswan.sha256
	if [ "$1" = patched ]; then
		if [ -n "$n" ]; then
			series=$(grep -v '^#' patches/series | head -n "$n")
			echo "the first $n patches"
		else
			series=$(cat patches/series)
		fi
		echo "$series"
		for p in $(grep -v '^#' <<< "$series"); do sha256sum "patches/$p"; done
		find programs lib include testing/programs configs -type f 2>/dev/null | LC_ALL=C sort | xargs -r sha256sum
		[ -d build/libreswan-5.2/.git ] &&
			echo "developer tree $(git -C build/libreswan-5.2 rev-parse HEAD) $(git -C build/libreswan-5.2 status --porcelain | sha256sum)"
	fi
} | sha256sum | cut -d' ' -f1
