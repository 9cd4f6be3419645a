#!/bin/bash
# Install what building and testing the series needs, from Debian's
# packages.  Idempotent: apt runs only when something is missing.
set -eu

packages=(
	# libreswan 5.2 build dependencies
	build-essential bison flex pkg-config xmlto
	libnss3-dev libnspr4-dev libnss3-tools libunbound-dev libevent-dev
	libcap-ng-dev libldns-dev libpam0g-dev libsystemd-dev libaudit-dev
	libselinux1-dev libcurl4-nss-dev libkrb5-dev libldap2-dev
	# series application and incremental tree sync
	patch rsync git
	# test harness: namespaces, packet builder
	iproute2 python3 procps util-linux bsdextrautils
	# fuzzing the ticket decoder (libFuzzer)
	clang libclang-rt-14-dev
	# VM tier (testing/vm/): qemu, the guest's initramfs, traffic.  The
	# guest kernel is downloaded and unpacked by testing/vm/vm.sh, never
	# installed.
	qemu-system-x86 busybox-static xz-utils iputils-ping
	# the VM tier's NAT router (ikev2-resume-esp-nat: masquerade, counters)
	nftables
	# an EAP-TLS client for the EAP tests (libreswan has no EAP
	# initiator): strongSwan's charon, run by testing/harness/bin/swan-charon
	strongswan-charon strongswan-swanctl libcharon-extra-plugins
	libstrongswan-standard-plugins
	# a cluster's shared session resumption store (patch 0048,
	# session-resumption-store=): the hiredis client with its libevent
	# adapter, and the Redis the ikev2-resume-store-* tests start
	libhiredis-dev redis-server
	# libreswan's own tests, which make check runs too (its upstream
	# smoke and the tests in libreswan's form, testing/upstream/):
	# run.py drives each host's shell and upstream's guestbin/swan-prep
	# with pexpect; testing/x509/dist_certs.py needs OpenSSL; upstream's
	# scripts call iptables and tcpdump, and its refcnt.gawk leak check
	# gawk (Debian's awk is mawk).  The modules are /usr/bin/python3's:
	# selftest/deps-imports checks that every one is here.
	python3-pexpect python3-openssl iptables tcpdump gawk
	# openssl(1): the EAP-TLS test unpacks its PKCS#12 files for charon
	openssl
)

missing=()
for p in "${packages[@]}"; do
	[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] ||
		missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all ${#packages[@]} packages installed"
	exit 0
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq
# keep any existing configuration file (strongswan-starter ships an
# /etc/init.d/ipsec, as libreswan does): never prompt
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
	-o Dpkg::Options::=--force-confold -o Dpkg::Options::=--force-confdef \
	"${missing[@]}" >/dev/null
echo "deps: done"
