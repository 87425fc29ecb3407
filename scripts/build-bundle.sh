#!/usr/bin/env bash
# Build the one-folder bundle dist/central-assinante/ with the venv's PyInstaller, then run
# its self-check.  Prints the build time and the bundle size.
#   bash scripts/build-bundle.sh [--distpath DIR] [--workpath DIR]   (defaults: dist/, build/)
# On Windows (Git Bash) the same spec builds central-assinante.exe + central-assinante-cli.exe;
# installer/windows/central-assinante.iss then packs dist\central-assinante into a setup.exe.
set -euo pipefail
cd "$(dirname "$0")/.."

distpath=dist
workpath=build
while [ $# -gt 0 ]; do
    case "$1" in
        --distpath) distpath=$2; shift 2 ;;
        --workpath) workpath=$2; shift 2 ;;
        *) echo "build-bundle: unknown option $1" >&2; exit 2 ;;
    esac
done

py=.venv/bin/python
[ -x "$py" ] || py=.venv/Scripts/python.exe   # Windows venv layout
[ -x "$py" ] || { echo "build-bundle: no .venv; run: python3 -m venv .venv && .venv/bin/pip install -e '.[dev,pdf]'" >&2; exit 1; }
"$py" -m PyInstaller --version >/dev/null 2>&1 || { echo "build-bundle: PyInstaller missing; pip install -e '.[dev]'" >&2; exit 1; }

start=$(date +%s%N)
"$py" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$distpath" --workpath "$workpath" installer/central-assinante.spec
ms=$(( ($(date +%s%N) - start) / 1000000 ))

bundle="$distpath/central-assinante"
exe="$bundle/central-assinante"
[ -x "$exe" ] || exe="$bundle/central-assinante-cli.exe"
printf 'build time: %d.%01d s\n' $((ms / 1000)) $(((ms % 1000) / 100))
echo "bundle size: $(du -sh "$bundle" | cut -f1) ($(find "$bundle" -type f | wc -l) files) in $bundle"

# The self-check migrates a database: give it a throw-away one, not this user's real data.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "== self-check ($exe --self-check, scratch data in $scratch)"
CENTRAL_DATA_DIR="$scratch/data" CENTRAL_CONFIG_DIR="$scratch/config" \
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$exe" --self-check
