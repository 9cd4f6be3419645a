#!/bin/bash
# Turn build/libreswan-5.2 into a git repository with one commit per
# patch, for editing the series:
#
#   pristine   tag: libreswan 5.2 as released
#   overlay    tag: the same commit; the project's new files (programs/
#              lib/ include/ testing/programs/) are copied in on every
#              make build and git-ignored here: edit them in the project
#   one commit per patch in patches/series, applied with git am
#
# Edit, commit (--fixup and rebase -i --autosquash welcome), then
# make export-patches.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/mk/libreswan.version"
tree=$top/build/libreswan-$LIBRESWAN_VERSION
if [ -d "$tree/.git" ]; then
	echo "dev-tree: $tree is already a git repository (make dev-tree-reset discards it)" >&2
	exit 1
fi
"$top/mk/fetch-source.sh" "$top/build"
stage=$top/build/stage-dev
rm -rf "$stage"; mkdir -p "$stage"
tar -C "$stage" -xzf "$top/build/libreswan_${LIBRESWAN_VERSION}.orig.tar.gz"
mkdir -p "$tree"
rsync -rlc --delete --exclude '/OBJ.*' "$stage/libreswan-$LIBRESWAN_VERSION/" "$tree/"
rm -rf "$stage"

cd "$tree"
git init -q -b main
echo '/OBJ.*' >> .git/info/exclude
g() { git -c user.name="libreswan-resume" -c user.email="dev@libreswan-resume.invalid" "$@"; }
git add -A
g commit -q -m "libreswan $LIBRESWAN_VERSION (pristine)"
git tag pristine
# the project's new files: copied in, git-ignored, never committed
git tag overlay
"$top/mk/overlay.sh" "$tree"
while read -r p _; do
	case "$p" in ''|'#'*) continue ;; esac
	if ! g am -q --keep-cr "$top/patches/$p"; then
		echo "dev-tree: patch $p does not apply; git am stopped, fix it in $tree" >&2
		exit 1
	fi
done < "$top/patches/series"
echo "dev-tree: $tree: $(git rev-list --count overlay..HEAD) patch commits on top of tag overlay"
