#!/usr/bin/env bash
# make demo: every query of sql-examples/ against the bundled sample reports, as readable tables.
set -uo pipefail
so=$1
cd "$(dirname "$0")/../.."
for q in sql-examples/*.sql; do
  [ -e "$q" ] || continue
  echo "== $q"
  sed -n 's/^-- \{0,1\}//p' "$q" | head -n 3
  /usr/bin/sqlite3 -batch :memory: -cmd ".load $(realpath "${so%.so}")" -cmd ".mode box" < "$q"
  echo
done
