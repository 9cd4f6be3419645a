#!/bin/bash
# VM tier: run a script inside a throw-away qemu guest that boots Debian's
# own kernel, because the host kernel has no ESP and Child SAs must carry
# real packets somewhere.
#
#   vm.sh setup                      prepare the cached assets only
#   vm.sh run [-t SECS] [-o DIR] [-e NAME=VALUE]... SCRIPT [ARG...]
#
# The guest sees the host's root file system read-only over virtio-9p,
# under a tmpfs overlay: the same binaries at the same paths (this
# checkout, build/inst), writes thrown away at power-off.  SCRIPT runs as
# root with bash, in the caller's directory; what it writes to $VM_OUT
# comes back into DIR.  The exit code is SCRIPT's, 124 on timeout, 125 if
# the guest never reported one (boot failure, panic).
#
# Assets come from the Debian archive through apt at run time, into
# $VM_CACHE (default build/vm): the kernel package that linux-image-amd64
# depends on today (Debian drops superseded ABIs, so it is never pinned),
# extracted with dpkg-deb, never installed.  qemu and busybox-static are
# installed by mk/deps.sh.
#
# qemu runs under TCG unless the CPU shows vmx/svm: on hosts whose
# /dev/kvm is PVM, a stock kernel under -accel kvm crawls and never fails.
# Whatever happens (timeout, signal, error, the caller dying), qemu is
# killed by its PID; if this script is SIGKILLed, the kernel kills qemu
# (parent-death signal), and the next run reaps anything still left.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=$(mkdir -p "${VM_CACHE:-$TOP/build/vm}" && cd "${VM_CACHE:-$TOP/build/vm}" && pwd)
BUSYBOX=/bin/busybox
# Loaded before the script runs so that a missing one fails loudly;
# auto-loading (through busybox modprobe) covers anything else.
GUEST_MODULES=veth,bridge,xfrm_user,xfrm_algo,esp4,esp6,af_key,aesni_intel,gcm,ghash_clmulni_intel,authenc,seqiv,echainiv,sha256_ssse3,sha512_generic,nf_tables,nft_nat,nft_masq,nft_chain_nat
# Only what mounting the 9p root and the overlay needs.
INITRAMFS_MODULES="virtio_pci 9pnet_virtio 9p overlay"

say() { echo "vm: $*" >&2; }
die() { say "ERROR: $*"; exit 2; }

fetch_deb() { # package destination
	local pkg=$1 dest=$2 deb
	mkdir -p "$CACHE/debs"
	deb=$(ls "$CACHE/debs/${pkg}_"*.deb 2>/dev/null | head -1 || true)
	if [ -z "$deb" ]; then
		say "downloading $pkg from the Debian archive (apt-get download)"
		(cd "$CACHE/debs" && apt-get download -qq "$pkg" 2>&1 |
			grep -v 'unsandboxed' >&2 || true)
		deb=$(ls "$CACHE/debs/${pkg}_"*.deb 2>/dev/null | head -1 || true)
		[ -n "$deb" ] || die "apt-get download $pkg failed"
	fi
	rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
	dpkg-deb -x "$deb" "$dest.tmp"
	rm -rf "$dest" && mv "$dest.tmp" "$dest"
}

# module paths relative to the module tree, dependencies first
module_closure() { # modules.dep module...
	local dep=$1; shift
	awk -v want="$*" '
	function key(p,  a, n) { n = split(p, a, "/"); p = a[n]
		sub(/\.ko.*$/, "", p); gsub(/-/, "_", p); return p }
	{ sub(/:$/, "", $1); k = key($1); path[k] = $1; deps[k] = ""
	  for (i = 2; i <= NF; i++) deps[k] = deps[k] " " key($i) }
	function visit(m,  d, n, i) {
		if (m in done) return; done[m] = 1
		if (!(m in path)) { print "vm: no module " m > "/dev/stderr"; exit 1 }
		n = split(deps[m], d, " "); for (i = 1; i <= n; i++) visit(d[i])
		print path[m] }
	END { n = split(want, w, " "); for (i = 1; i <= n; i++) { m = w[i]; gsub(/-/, "_", m); visit(m) } }' "$dep"
}

setup() {
	[ -x "$BUSYBOX" ] || die "no $BUSYBOX (busybox-static; run mk/deps.sh)"
	command -v qemu-system-x86_64 >/dev/null || die "no qemu-system-x86_64 (run mk/deps.sh)"
	local kpkg
	kpkg=${VM_KERNEL_PACKAGE:-$(apt-cache depends linux-image-amd64 2>/dev/null |
		awk '/Depends: linux-image-[0-9]/ { print $2; exit }')}
	[ -n "$kpkg" ] || die "cannot resolve the kernel package behind linux-image-amd64"
	if [ "$(cat "$CACHE/kernel.package" 2>/dev/null)" != "$kpkg" ]; then
		rm -rf "$CACHE/kernel" "$CACHE/debs" "$CACHE"/vmlinux-* "$CACHE"/initramfs-*
		fetch_deb "$kpkg" "$CACHE/kernel"
		echo "$kpkg" > "$CACHE/kernel.package"
	fi
	VMLINUZ=$(ls "$CACHE"/kernel/boot/vmlinuz-* | head -1)
	KVER=${VMLINUZ##*/vmlinuz-}
	KMODS=$CACHE/kernel/lib/modules/$KVER
	if [ ! -s "$KMODS/modules.dep" ]; then
		# the .deb ships none (its postinst makes it); the host has no kmod
		say "depmod $KVER"
		"$BUSYBOX" depmod -b "$CACHE/kernel" "$KVER"
	fi
	# qemu boots an uncompressed vmlinux through its PVH entry point,
	# which skips the firmware and the decompressor: seconds per boot
	# under TCG.  (busybox unxz rejects the kernel's xz stream; xz works
	# and exits 1 on the trailing data.)
	VMLINUX=$CACHE/vmlinux-$KVER
	if [ ! -s "$VMLINUX" ]; then
		local off
		off=$(LC_ALL=C grep -obUaP '\xFD7zXZ\x00' "$VMLINUZ" | head -1 | cut -d: -f1)
		[ -n "$off" ] || die "no xz payload in $VMLINUZ"
		tail -c +$((off + 1)) "$VMLINUZ" | xz -dc > "$VMLINUX.tmp" 2>/dev/null || true
		[ "$(head -c 4 "$VMLINUX.tmp" | tail -c 3)" = ELF ] || die "cannot unpack $VMLINUZ"
		mv "$VMLINUX.tmp" "$VMLINUX"
	fi
	INITRD=$CACHE/initramfs-$KVER.cpio.gz
	if [ ! -s "$INITRD" ] || [ "$0" -nt "$INITRD" ] || [ "$TOP/testing/vm/init" -nt "$INITRD" ] ||
	   [ "$TOP/testing/vm/stage2" -nt "$INITRD" ]; then
		say "building the initramfs for $KVER"
		local d=$CACHE/initramfs.d m
		rm -rf "$d" && mkdir -p "$d/bin" "$d/dev" "$d/proc" "$d/sys"
		cp "$BUSYBOX" "$d/bin/busybox"
		cp "$TOP/testing/vm/init" "$d/init" && chmod 755 "$d/init"
		cp "$TOP/testing/vm/stage2" "$d/stage2"
		module_closure "$KMODS/modules.dep" $INITRAMFS_MODULES > "$d/modules.list"
		while read -r m; do
			mkdir -p "$d/lib/modules/$KVER/$(dirname "$m")"
			cp "$KMODS/$m" "$d/lib/modules/$KVER/$m"
		done < "$d/modules.list"
		(cd "$d" && find . | LC_ALL=C sort | "$BUSYBOX" cpio -o -H newc 2>/dev/null) |
			gzip -1 > "$INITRD.tmp"
		mv "$INITRD.tmp" "$INITRD"
	fi
}

QEMU_PID=
RUNDIR=
cleanup() {
	if [ -n "$QEMU_PID" ] && kill -0 "$QEMU_PID" 2>/dev/null; then
		say "killing qemu (pid $QEMU_PID)"
		kill -KILL "$QEMU_PID" 2>/dev/null || true
		wait "$QEMU_PID" 2>/dev/null || true
	fi
	[ -z "$RUNDIR" ] || [ -n "${VM_KEEP:-}" ] || rm -rf "$RUNDIR"
}

# A vm.sh that was itself SIGKILLed could not kill its qemu: the next run
# does, by the PID qemu wrote, once it is sure that PID is still that qemu.
reap_dead_runs() {
	local d owner qpid cmdline
	for d in "$CACHE"/runs/run.*; do
		[ -d "$d" ] || continue
		owner=$(cat "$d/owner" 2>/dev/null || true)
		[ -n "$owner" ] && kill -0 "$owner" 2>/dev/null && continue
		qpid=$(cat "$d/qemu.pid" 2>/dev/null || true)
		cmdline=$( [ -z "$qpid" ] || { tr '\0' ' ' < "/proc/$qpid/cmdline"; } 2>/dev/null || true)
		case $cmdline in
		*"-name swantest-vm "*)
			say "killing qemu (pid $qpid) left by a dead run"
			kill -KILL "$qpid" 2>/dev/null || true
			;;
		esac
		rm -rf "$d"
	done
}

run() {
	local timeout=900 out="" envs=() o
	OPTIND=1
	while getopts "t:o:e:" o; do
		case $o in
		t) timeout=$OPTARG ;; o) out=$OPTARG ;; e) envs+=("$OPTARG") ;;
		*) die "usage: vm.sh run [-t SECS] [-o DIR] [-e N=V]... SCRIPT [ARG...]" ;;
		esac
	done
	shift $((OPTIND - 1))
	[ $# -ge 1 ] || die "vm.sh run: no script"
	local script
	script=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
	[ -r "$script" ] || die "cannot read $script"

	exec 9> "$CACHE/.lock"
	flock 9
	setup
	exec 9>&-

	local accel=tcg cpu=max
	if grep -qwE 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
		accel=kvm cpu=host
	fi

	mkdir -p "$CACHE/runs"
	reap_dead_runs
	RUNDIR=$(mktemp -d "$CACHE/runs/run.XXXXXX")
	echo $$ > "$RUNDIR/owner"
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	mkdir -p "$RUNDIR/out"
	{
		echo "export VM_OUT=/run/vm/xfer/out"
		for e in ${envs[@]+"${envs[@]}"}; do printf 'export %q\n' "$e"; done
		printf 'cd %q || exit 125\n' "$PWD"
		printf 'exec bash %q' "$script"
		[ $# -eq 0 ] || printf ' %q' "$@"
		echo
	} > "$RUNDIR/run"

	local caller=$PPID
	say "booting $KVER under $accel (timeout ${timeout}s)"
	local start=$SECONDS
	# --pdeathsig: should this script itself be SIGKILLed, qemu dies too
	setpriv --pdeathsig KILL qemu-system-x86_64 -name swantest-vm -nodefaults -no-user-config \
		-accel "$accel" -cpu "$cpu" -smp 1 -m 768 \
		-display none -no-reboot -monitor none \
		-serial "file:$RUNDIR/console.log" -pidfile "$RUNDIR/qemu.pid" \
		-kernel "$VMLINUX" -initrd "$INITRD" \
		-append "console=ttyS0 panic=-1 quiet loglevel=4 vm.kdir=$CACHE/kernel vm.modules=$GUEST_MODULES" \
		-virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap" \
		-virtfs "local,path=$RUNDIR,mount_tag=xfer,security_model=none,multidevs=remap" \
		-device virtio-rng-pci </dev/null >"$RUNDIR/qemu.log" 2>&1 &
	QEMU_PID=$!
	while kill -0 "$QEMU_PID" 2>/dev/null; do
		if ! kill -0 "$caller" 2>/dev/null; then
			say "the caller (pid $caller) is gone; stopping the guest"
			exit 1
		fi
		if [ $((SECONDS - start)) -ge "$timeout" ]; then
			say "TIMEOUT after ${timeout}s; console tail:"
			tail -n 30 "$RUNDIR/console.log" >&2 || true
			[ -z "$out" ] || { mkdir -p "$out"; cp -a "$RUNDIR/out/." "$RUNDIR/console.log" "$out/" 2>/dev/null || true; }
			exit 124
		fi
		sleep 1
	done
	wait "$QEMU_PID" || true
	QEMU_PID=
	say "guest powered off after $((SECONDS - start))s"
	[ ! -f "$RUNDIR/output" ] || cat "$RUNDIR/output"
	if [ -n "$out" ]; then
		mkdir -p "$out"
		cp -a "$RUNDIR/out/." "$RUNDIR/console.log" "$out/" 2>/dev/null || true
	fi
	if [ ! -s "$RUNDIR/rc" ]; then
		say "the guest reported no exit code; console tail:"
		tail -n 30 "$RUNDIR/console.log" >&2 || true
		cat "$RUNDIR/qemu.log" >&2 || true
		exit 125
	fi
	exit "$(cat "$RUNDIR/rc")"
}

case ${1:-} in
setup)
	exec 9> "$CACHE/.lock"
	flock 9
	setup
	say "assets ready: $VMLINUX ($(cat "$CACHE/kernel.package")), $INITRD"
	;;
run)
	shift
	run "$@"
	;;
*)
	sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2
	exit 2
	;;
esac
