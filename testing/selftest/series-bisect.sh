#!/bin/bash
# Bisectability, sampled for CI: the packagers' series applied with
# patch -p1 --fuzz=0 alone builds with -Werror at the end of each
# sub-series and at every 6th patch.  make check-bisect builds every
# prefix and runs the tests that exist at each (mk/check-bisect.sh).
# It only compiles, so:
# swantest: alongside the namespace tests
set -eu
"$SWAN_TOP/mk/check-bisect.sh" --build-only --sample
