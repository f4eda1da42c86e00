#!/usr/bin/env bash
# Python tests through Debian's /usr/bin/python3 (its sqlite3 module can load extensions).
set -uo pipefail
so=$1 mode=${2:-release}
cd "$(dirname "$0")/../.."
pre=()
if [ "$mode" = asan ]; then
  pre=(env LD_PRELOAD="$(cc -print-file-name=libasan.so):$(cc -print-file-name=libubsan.so)" ASAN_OPTIONS=detect_leaks=0)
fi
out=$(GIPR_SO=$(realpath "$so") "${pre[@]}" /usr/bin/python3 -m unittest discover -s tests/python -p 'test_*.py' 2>&1)
status=$?
echo "$out" | tail -n 30
# unittest's own summary ("Ran N tests", "FAILED (failures=F, errors=E)") as one closing line
ran=$(echo "$out" | sed -n 's/^Ran \([0-9]*\) tests\{0,1\}.*/\1/p' | tail -n 1)
bad=0
for n in $(echo "$out" | sed -n 's/^FAILED (\(.*\))/\1/p' | grep -o '[0-9]\+'); do bad=$((bad + n)); done
ran=${ran:-0}
[ "$status" != 0 ] && [ "$bad" = 0 ] && bad=1
echo "python-$mode: $((ran - bad)) passed, $bad failed"
[ "$status" = 0 ] && [ "$ran" -gt 0 ]
