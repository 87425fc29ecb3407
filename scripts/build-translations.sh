#!/usr/bin/env bash
# Compile the interface translations: resources/translations/*.ts -> *.qm (pyside6-lrelease).
# The .qm files are build output (.gitignore); the bundle and scripts/test.sh build them.
# Update the .ts from the code first with:  .venv/bin/python scripts/update-translations.py
set -euo pipefail
cd "$(dirname "$0")/.."
lrelease=.venv/bin/pyside6-lrelease
[ -x "$lrelease" ] || lrelease=$(command -v pyside6-lrelease || command -v lrelease || true)
if [ -z "$lrelease" ]; then
    echo "pyside6-lrelease not found (pip install PySide6-Essentials)" >&2
    exit 1
fi
shopt -s nullglob
for ts in resources/translations/*.ts; do
    "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    echo "built ${ts%.ts}.qm"
done
