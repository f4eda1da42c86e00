#!/usr/bin/env bash
# Every unit test binary under valgrind: any leak or memory error fails.
set -uo pipefail
dir=$1
cd "$(dirname "$0")/.."
pass=0 fail=0
for t in "$dir"/test_*; do
  [ -x "$t" ] || continue
  if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
       "$t" >/tmp/gipr-valgrind.$$ 2>&1; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); tail -n 40 /tmp/gipr-valgrind.$$; echo "FAILED under valgrind: $t"
  fi
done
rm -f /tmp/gipr-valgrind.$$
echo "unit-valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
