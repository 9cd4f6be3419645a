#!/bin/bash
# A corrupt cached tarball is caught by the pinned SHA256 and fetched
# again; the good one is then verified.
set -eu
top=$SWAN_TOP
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
cp "$top/build/libreswan_5.2.orig.tar.gz" "$cache/"
# flip one byte in the middle
printf '\x00' | dd of="$cache/libreswan_5.2.orig.tar.gz" bs=1 seek=100000 conv=notrunc status=none
out=$("$top/mk/fetch-source.sh" "$cache" 2>&1)
echo "$out"
grep -q 'SHA256 MISMATCH' <<< "$out"
grep -q 'cached tarball is corrupt' <<< "$out"
grep -q 'SHA256 verified: c382bbd838c239f8d4c4e9cc320f3abf34f7b08e71d9e78ed029a96d963940ce' <<< "$out"
cmp "$cache/libreswan_5.2.orig.tar.gz" "$top/build/libreswan_5.2.orig.tar.gz"
