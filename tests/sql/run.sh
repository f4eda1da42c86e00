#!/usr/bin/env bash
# SQL tests through the sqlite3 shell: each tests/sql/*.test is a script whose output (stdout and
# stderr, errors included: the shell goes on after an error) must equal the .expected file beside
# it. Tests run from the repo root. Files that cannot live in git (a symlink loop, a FIFO, a file
# too large to read) are made in a scratch directory; a test names it @SCRATCH@.
# Under MODE=asan the shell runs with the sanitizer runtime preloaded; under MODE=valgrind inside
# valgrind, where any memory error or leak of the extension fails the test.
#   tests/sql/run.sh SO [MODE] [TEST...]     (SHOW=1: print the output instead of comparing)
set -uo pipefail
so=$1 mode=${2:-release}
shift $(($# < 2 ? $# : 2))
cd "$(dirname "$0")/../.."
pre=()
if [ "$mode" = asan ]; then
  pre=(env LD_PRELOAD="$(cc -print-file-name=libasan.so):$(cc -print-file-name=libubsan.so)" ASAN_OPTIONS=detect_leaks=0)
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [ "$mode" = valgrind ]; then
  pre=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --log-file="$scratch/valgrind.%p")
fi
mkdir -p "$scratch/loop/sub"
cp tests/fixtures/sql/tree/2018/a.txt "$scratch/loop/a.txt"
cp tests/fixtures/sql/tree/2018/b.TXT "$scratch/loop/sub/b.txt"
ln -s .. "$scratch/loop/sub/up"    # a loop back to loop/
ln -s . "$scratch/loop/sub/self"   # a loop onto itself
ln -s nowhere.txt "$scratch/loop/dangling.txt"
mkfifo "$scratch/fifo.txt"
truncate -s 65M "$scratch/big.txt" # sparse: larger than a report may be

tests=("$@")
[ ${#tests[@]} -eq 0 ] && tests=(tests/sql/*.test)
pass=0 fail=0
for t in "${tests[@]}"; do
  exp=${t%.test}.expected
  got=$(sed "s|@SCRATCH@|$scratch|g" "$t" |
        "${pre[@]}" /usr/bin/sqlite3 -batch :memory: -cmd ".load $(realpath "${so%.so}")" 2>&1 |
        sed "s|$scratch|@SCRATCH@|g")
  if [ -n "${SHOW:-}" ]; then echo "$got"; continue; fi
  memcheck=$(cat "$scratch"/valgrind.* 2>/dev/null; rm -f "$scratch"/valgrind.*)
  if [ -n "$memcheck" ]; then fail=$((fail + 1)); echo "FAILED under valgrind: $t"; echo "$memcheck" | head -n 60
  elif [ "$got" == "$(cat "$exp" 2>/dev/null)" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAILED: $t"; diff <(echo "$got") "$exp" | head -n 40; fi
done
[ -n "${SHOW:-}" ] && exit 0
echo "sql-$mode: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
