#!/bin/sh
. ../../default-testparams.sh
# the series' session resumption lines (testing/sanitizers/)
REF_CONSOLE_FIXUPS="$REF_CONSOLE_FIXUPS rfc5723-sanitize.sed"
