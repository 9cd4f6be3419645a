#!/bin/bash
# Run tests under libreswan 5.2's own namespace runner, testing/utils/nsrun,
# unmodified, against a build prefix (issue #19 item 4).
#
#   testing/upstream/nsrun.sh [--prefix P] [--work DIR] [--timeout S]
#                             [--collect DIR] TEST...
#
# A TEST is one of ours in libreswan's form (testing/pluto/NAME with
# *.console.txt) or one of the tarball's own (e.g. ikev2-resume-01-psk).
# /testing is the 5.2 tarball's testing/ with our test directories,
# testing/guestbin/swan-*, testing/sanitizers/rfc5723-sanitize.sed and
# TESTLIST.rfc5723 (appended to TESTLIST) on top: what docs/upstream-tests.md
# says to copy into libreswan's tree.  nsrun runs each test alone
# (`nsrun --ns --testname NAME --shutdown --leavezombies`) and its verdict
# is its own: OUTPUT/RESULT's "result" (testing/utils/sanitize.sh: every
# host's sanitized console equals <host>.console.txt).  The line also says
# how many commands exited non-zero (nsrun marks them in the verbose
# console; libreswan's runner does not fail a test for them).
#
# What nsrun needs here, all inside one `unshare --mount --net --pid --uts
# --fork --mount-proc`, so that nothing of it reaches the machine:
#   - sudo: a shim (WORK/bin/sudo) that drops sudo's options, keeps its
#     VAR=VALUE arguments and sets SUDO_COMMAND to the resolved command
#     line as sudo does; `ipsec start` then takes upstream's namespace path
#     (SUDO_COMMAND names /usr/bin/nsenter), not the init script;
#   - /run on a tmpfs: nsrun's /run/netns, /run/mountns, /run/utsns and
#     every host's /run/pluto; /tmp on a tmpfs (nsrun's hosts share it);
#   - the build's compiled-in paths are upstream guests' files, which
#     swan-prep binds per host: an overlay of the prefix whose run and
#     etc/ipsec.{conf,secrets,d} are links to /run/pluto and
#     /etc/ipsec.*, and an overlay of /etc (swan-prep binds a host's
#     own files over /etc/ipsec.*, which must exist);
#     PREFIX/sbin is bound on /usr/local/sbin, first in PATH, as on
#     upstream's guests;
#   - /proc/sys/kernel/core_pattern: swan-prep writes it; a file is bound
#     over it;
#   - --leavezombies: otherwise nsrun kills every nsrun and tcpdump on
#     the machine by name.
# nsrun's bridges, veths, sysctls (ns_host_tweaks) are in the outer network
# namespace; its namespaces, mounts and processes end with it (PID 1 of the
# outer PID namespace).  /testing is made as an empty mount point if absent
# and removed afterwards (form.py's convention: a marker file per user).
#
# NSRUN_ARGS: more arguments for nsrun (e.g. "--log-level debug");
# NSRUN_TRACE=1: trace this script.
#
# Output: WORK/NAME/OUTPUT (nsrun's own: RESULT, *.console.verbose.txt,
# *.console.txt, *.console.diff, pluto logs) and WORK/NAME/nsrun.log; one
# line per test: "nsrun NAME: passed|failed (...)".  Exit 0 if all passed.
# --collect DIR: a copy of WORK/NAME there too (the VM guest, whose writes
# vanish: testing/vm/vm.sh run -o DIR ..., with $VM_OUT).

set -eu -o pipefail
[ -z "${NSRUN_TRACE:-}" ] || set -x

TOP=$(cd "$(dirname "$0")/../.." && pwd)
PREFIX=$TOP/build/inst
WORK=$TOP/build/nsrun
TIMEOUT=600
INNER=
COLLECT=

while [ $# -gt 0 ]; do
	case $1 in
	--prefix) PREFIX=$(cd "$2" && pwd); shift 2 ;;
	--work) mkdir -p "$2"; WORK=$(cd "$2" && pwd); shift 2 ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	--collect) mkdir -p "$2"; COLLECT=$(cd "$2" && pwd); shift 2 ;;
	--inner) INNER=yes; shift ;;
	-h|--help) sed -n '2,/^$/p' "$0"; exit 0 ;;
	--) shift; break ;;
	-*) echo "nsrun.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "usage: nsrun.sh [--prefix P] [--work DIR] [--timeout S] [--collect DIR] TEST..." >&2; exit 2; }

tarball_testing=$WORK/src/libreswan-5.2/testing

inner() {
	# PID 1 of the outer PID namespace (a signal from outside reaches it
	# only through a handler); the mounts below are ours alone.  Every
	# process of the namespace ends with it.
	trap 'trap - INT TERM; kill -KILL -1 2> /dev/null; exit 130' INT TERM
	if [ "$(stat -f -c %T "$WORK")" = overlayfs ]; then
		# the VM guest's root is an overlay, which cannot hold the upper
		# directories of ours: a tmpfs (form.py does the same)
		mount -t tmpfs -o mode=755 tmpfs "$WORK"
		python3 "$TOP/testing/upstream/form.py" --work "$WORK" --prepare
	fi
	if [ -n "$COLLECT" ]; then
		# the guest's $VM_OUT is under /run (/run/vm/xfer), which the
		# tmpfs below hides: reach it through WORK
		mkdir -p "$WORK/.collect"
		mount --bind "$COLLECT" "$WORK/.collect"
		COLLECT=$WORK/.collect
	fi
	mount -t tmpfs -o mode=755 tmpfs /run
	mkdir -p /run/lock
	mount -t tmpfs -o mode=1777 tmpfs /tmp
	echo core > "$WORK/core_pattern"
	mount --bind "$WORK/core_pattern" /proc/sys/kernel/core_pattern
	ip link set lo up

	# /etc as the machine's, with /etc/ipsec.{conf,secrets,d} of our
	# own: swan-prep binds each host's files over these paths
	rm -rf "$WORK/etc.up" "$WORK/etc.wk"
	mkdir -p "$WORK/etc.up" "$WORK/etc.wk"
	mount -t overlay overlay -o "lowerdir=/etc,upperdir=$WORK/etc.up,workdir=$WORK/etc.wk" /etc
	rm -rf /etc/ipsec.d /etc/ipsec.conf /etc/ipsec.secrets /etc/strongswan
	cp -a "$PREFIX/etc/ipsec.d" /etc/ipsec.d
	cp "$PREFIX/etc/ipsec.conf" "$PREFIX/etc/ipsec.secrets" /etc/
	# the prefix as each host sees it: its compiled-in paths are
	# upstream's guests' (/etc/ipsec.*, /run/pluto), so they are the
	# files swan-prep binds per host
	local up=$WORK/prefix.up wk=$WORK/prefix.wk
	rm -rf "$up" "$wk"
	mkdir -p "$up" "$wk"
	mount -t overlay overlay -o "lowerdir=$PREFIX,upperdir=$up,workdir=$wk" "$PREFIX"
	rm -rf "$PREFIX/run" "$PREFIX/etc/ipsec.d" "$PREFIX/etc/ipsec.conf" "$PREFIX/etc/ipsec.secrets"
	ln -s /run/pluto "$PREFIX/run"
	ln -s /etc/ipsec.d "$PREFIX/etc/ipsec.d"
	ln -s /etc/ipsec.conf "$PREFIX/etc/ipsec.conf"
	ln -s /etc/ipsec.secrets "$PREFIX/etc/ipsec.secrets"
	mount --bind "$PREFIX/sbin" /usr/local/sbin

	# /testing: the tarball's testing/ under our layer
	local layer=$WORK/layer tup=$WORK/testing.up twk=$WORK/testing.wk
	rm -rf "$layer" "$tup" "$twk"
	mkdir -p "$layer/pluto" "$layer/guestbin" "$layer/sanitizers" "$tup" "$twk"
	local t
	for t in "$@"; do
		if [ -d "$TOP/testing/pluto/$t" ] && ls "$TOP/testing/pluto/$t"/*.console.txt > /dev/null 2>&1; then
			cp -r "$TOP/testing/pluto/$t" "$layer/pluto/"
			rm -rf "$layer/pluto/$t/OUTPUT" "$layer/pluto/$t/NS"
		elif [ ! -d "$tarball_testing/pluto/$t" ]; then
			echo "nsrun.sh: $t: neither ours in libreswan's form nor libreswan's" >&2
			return 2
		fi
	done
	cp "$TOP"/testing/guestbin/swan-* "$layer/guestbin/"
	cp "$TOP/testing/sanitizers/rfc5723-sanitize.sed" "$layer/sanitizers/"
	cat "$tarball_testing/pluto/TESTLIST" "$TOP/testing/pluto/TESTLIST.rfc5723" > "$layer/pluto/TESTLIST"
	mount -t overlay overlay -o "lowerdir=$layer:$tarball_testing,upperdir=$tup,workdir=$twk" /testing

	# sudo, as root already
	mkdir -p "$WORK/bin"
	cat > "$WORK/bin/sudo" <<'EOF'
#!/bin/bash
# sudo for nsrun.sh (already root): drop sudo's options, keep VAR=VALUE,
# set SUDO_COMMAND to the resolved command line as sudo(8) does
while [ $# -gt 0 ]; do
	case $1 in
	-E|-H|-n|-S|--preserve-env|--preserve-env=*|--non-interactive) shift ;;
	-u|--user) shift 2 ;;
	--) shift; break ;;
	-*) echo "sudo shim: unsupported option $1" >&2; exit 1 ;;
	*) break ;;
	esac
done
env=()
while [ $# -gt 0 ] && [[ $1 == [A-Za-z_]*=* ]]; do env+=("$1"); shift; done
cmd=$(type -P "$1") || { echo "sudo: $1: command not found" >&2; exit 1; }
shift
# nsrun's root console is one prompt behind (localhost_sudo() sends three
# lines before its first wait), so nsrun opens a host's console through
# nsenter while that host's `unshare --mount=FILE ...` may still run in
# it: wait (60s at most) until the namespace files are bound
if [ "${cmd##*/}" = nsenter ]; then
	for a in "$@"; do
		case $a in
		--mount=/*|--net=/*|--uts=/*)
			for _ in $(seq 600); do
				[ "$(findmnt -n -o FSTYPE "${a#*=}")" != nsfs ] || break
				sleep 0.1
			done
			[ "$(findmnt -n -o FSTYPE "${a#*=}")" = nsfs ] ||
				echo "$(date +%T.%N) ${a#*=}: not a namespace after 60s" >> "${0%/bin/sudo}/sudo.log" ;;
		esac
	done
fi
SUDO_COMMAND="$cmd${*:+ $*}" SUDO_USER=root exec env "${env[@]}" "$cmd" "$@"
EOF
	chmod 755 "$WORK/bin/sudo"
	export PATH=$WORK/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
	# a HOME of its own: nsrun's consoles are interactive shells, and this
	# machine's /root/.bashrc (pyenv) takes longer to start than fab's
	# 10 s prompt wait under load; upstream's guests have a plain one
	mkdir -p "$WORK/home"
	: > "$WORK/home/.bashrc"
	export HOME=$WORK/home TERM=dumb LANG=C
	unset SUDO_COMMAND

	local rc=0 result status nonzero
	for t in "$@"; do
		local out=$WORK/$t
		rm -rf "$out"
		mkdir -p "$out"
		# nsrun sometimes loses a host's console as it starts it (the
		# shell it spawned through nsenter ends at once: WORK/sudo.log);
		# it then stops before any script ran, with no OUTPUT/RESULT: one
		# more try, said in the result line
		local try note=
		for try in 1 2; do
			status=0
			(cd /testing/pluto/"$t" && timeout -k 10 "$TIMEOUT" \
				python3 /testing/utils/nsrun --ns --testname "$t" --shutdown --leavezombies ${NSRUN_ARGS:-}) \
				> "$out/nsrun.log" 2>&1 || status=$?
			[ ! -f /testing/pluto/"$t"/OUTPUT/RESULT ] || break
			cp "$out/nsrun.log" "$out/nsrun.$try.log"
			note="nsrun lost a console at start-up, try $try: nsrun.$try.log; "
			ip -o link show type bridge | awk -F': ' '{print $2}' | while read -r b; do ip link del "$b"; done
			for d in /run/mountns /run/netns /run/utsns; do
				for f in "$d"/*; do [ -e "$f" ] || continue; umount "$f" 2>/dev/null || true; rm -f "$f"; done
			done
		done
		cp -a /testing/pluto/"$t"/OUTPUT "$out/" 2>/dev/null || true
		[ -z "$COLLECT" ] || cp -a "$out" "$COLLECT/"
		result=$(sed -n 's/.*"result": "\([^"]*\)".*/\1/p' "$out/OUTPUT/RESULT" 2>/dev/null | tail -1 || true)
		nonzero=$(cat "$out"/OUTPUT/*.console.verbose.txt 2>/dev/null | grep -c '>>>>>>>>>>cutnonzeroexit>>>>>>>>>>' || true)
		# what nsrun --shutdown should have removed
		local left
		left=$( { ip netns list; ls -A /run/mountns /run/utsns 2>/dev/null;
			ip -o link show type bridge | awk -F': ' '{print $2}'; } | grep -v -e ':$' -e '^$' | tr '\n' ' ' | sed 's/ $//' || true)
		echo "nsrun $t: ${result:-no result} (${note}nsrun exit $status; $nonzero commands exited non-zero;" \
			"sanitize.sh: $(grep -o '[a-z]* Consoleoutput [a-z]*' "$out/nsrun.log" | tr '\n' ' ' | sed 's/ $//');" \
			"left after --shutdown: ${left:-nothing})"
		[ "$result" = passed ] || rc=1
		# what nsrun left is removed before the next test
		ip -o link show type bridge | awk -F': ' '{print $2}' | while read -r b; do ip link del "$b"; done
		ip netns list | awk '{print $1}' | while read -r n; do ip netns del "$n" 2>/dev/null || true; done
	done
	return $rc
}

outer() {
	[ -x "$PREFIX/sbin/ipsec" ] || { echo "nsrun.sh: no build in $PREFIX (make build)" >&2; return 2; }
	mkdir -p "$WORK"
	# on the guest's overlay root the inner part unpacks on a tmpfs of its own
	[ "$(stat -f -c %T "$WORK")" = overlayfs ] ||
		python3 "$TOP/testing/upstream/form.py" --work "$WORK" --prepare
	mkdir -p /testing
	local marker=/testing/.in-use-by-nsrun.sh.$$ rc=0 core_pattern leaks
	: > "$marker"
	core_pattern=$(cat /proc/sys/kernel/core_pattern)
	nice -n 10 unshare --mount --net --pid --uts --fork --mount-proc --propagation private \
		-- "$0" --inner --prefix "$PREFIX" --work "$WORK" --timeout "$TIMEOUT" \
		${COLLECT:+--collect "$COLLECT"} "$@" || rc=$?
	rm -f "$marker"
	rmdir /testing 2>/dev/null || true
	# the machine after the run: nothing of nsrun's may be left
	leaks=$( { ls /run/netns /run/mountns /run/utsns 2>/dev/null | grep -E -- "-($(IFS='|'; echo "$*"))\$";
		ip -o link show type bridge | grep -o 'brswan[0-9]*-[0-9]*';
		pgrep -f -- '/testing/utils/nsrun';
		[ "$(cat /proc/sys/kernel/core_pattern)" = "$core_pattern" ] || echo core_pattern; } || true)
	if [ -n "$leaks" ]; then
		echo "nsrun.sh: left on the machine:" $leaks >&2
		return 1
	fi
	echo "nsrun.sh: nothing left on the machine (namespaces, bridges, processes, core_pattern)"
	return $rc
}

# (whole functions, read before they run: the script may change meanwhile)
if [ -n "$INNER" ]; then inner "$@"; exit; else outer "$@"; exit; fi
