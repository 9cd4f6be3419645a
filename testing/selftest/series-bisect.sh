#!/bin/bash
# Every prefix of the series builds with -Werror (see mk/check-bisect.sh).
set -eu
"$SWAN_TOP/mk/check-bisect.sh"
