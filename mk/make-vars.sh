# Sourced: the make variables every build of the tree uses.  Paths are
# compiled in (pluto execs addconn from LIBEXECDIR; the ipsec front end
# knows SBINDIR), so a tree is built for the prefix its tests run from.
#
# usage: make_vars PREFIX   (sets the array make_vars)
make_vars() {
	make_vars=(
		PREFIX="$1"
		SYSCONFDIR="$1/etc"
		RUNDIR="$1/run"
		VARDIR="$1/var"
		NSSDIR="$1/etc/ipsec.d"
		INITSYSTEM=docker
		USE_SYSTEMD_WATCHDOG=false
		WERROR_CFLAGS=-Werror
	)
}
