#!/bin/bash
# libFuzzer on the ticket header parser and state decoder, bounded to
# 60s here (make fuzz FUZZ_SECONDS=N for long runs).
set -eu
"$SWAN_TOP/mk/fuzz.sh" 60
