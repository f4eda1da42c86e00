#!/usr/bin/env bash
# Python tests through Debian's /usr/bin/python3 (its sqlite3 module can load extensions).
set -uo pipefail
so=$1 mode=${2:-release}
cd "$(dirname "$0")/../.."
pre=()
if [ "$mode" = asan ]; then
  pre=(env LD_PRELOAD="$(cc -print-file-name=libasan.so):$(cc -print-file-name=libubsan.so)" ASAN_OPTIONS=detect_leaks=0)
fi
GIPR_SO=$(realpath "$so") "${pre[@]}" /usr/bin/python3 -m unittest discover -s tests/python -p 'test_*.py' 2>&1 | tail -n 30
status=${PIPESTATUS[0]}
echo "python ($mode): $([ "$status" = 0 ] && echo ok || echo FAILED)"
exit "$status"
