#!/bin/bash
# Copy the project's new source files (programs/ lib/ include/
# testing/programs/) into TREE, by content so unchanged files keep their
# timestamps.  They are new files: one that would replace a file of the
# upstream tarball is refused.  In a developer tree (TREE/.git) they are
# listed in .git/info/exclude: the project directory, not a patch, is
# where they live.
#
# usage: mk/overlay.sh TREE
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
tree=${1:?usage: $0 TREE}
dirs=(programs lib include testing/programs configs)

files=$(cd "$top" && for d in "${dirs[@]}"; do [ -d "$d" ] && find "$d" -type f; done | LC_ALL=C sort)
[ -n "$files" ] || exit 0
upstream=$(tar -tzf "$top/build/libreswan_${LIBRESWAN_VERSION}.orig.tar.gz" |
	sed "s|^libreswan-$LIBRESWAN_VERSION/||")
clash=$(comm -12 <(echo "$files") <(echo "$upstream" | LC_ALL=C sort))
if [ -n "$clash" ]; then
	echo "overlay: ERROR: project files would replace upstream files:" >&2
	echo "$clash" >&2
	exit 1
fi
echo "$files" | (cd "$top" && rsync -c --files-from=- . "$tree/")
if [ -d "$tree/.git" ]; then
	exclude=$tree/.git/info/exclude
	sed -i '/^# overlay begin$/,/^# overlay end$/d' "$exclude"
	{ echo "# overlay begin"; echo "$files" | sed 's|^|/|'; echo "# overlay end"; } >> "$exclude"
fi
echo "overlay: $(echo "$files" | wc -l) project files in $tree"
