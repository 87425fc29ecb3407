#!/usr/bin/env bash
# System services the test suite needs, on Debian 12 as root (CI and a fresh dev machine):
#   1. apt packages (Xvfb + xcb libraries for real Qt windows, ImageMagick/xdotool for screenshots,
#      zbar + poppler as the barcode/PDF oracle, CUPS + cups-pdf for real print queues)
#   2. PostgreSQL on 127.0.0.1:5432 (already running on the project machines; started if not)
#   3. the CUPS queues CUPS-PDF and SINK (.ci/cups-setup.sh)
# Idempotent: each step is skipped when already done.  See /work/shared/TESTING.md.
set -euo pipefail
cd "$(dirname "$0")/.."

[ "$(id -u)" -eq 0 ] || { echo "system-setup: must run as root" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive

phase_start=0
phase() { phase_start=$(date +%s%N); echo "== system-setup: $1"; }
phase_end() {
    local ms=$(( ($(date +%s%N) - phase_start) / 1000000 ))
    printf '== system-setup: %s done in %d.%03d s\n' "$1" $((ms / 1000)) $((ms % 1000))
}

PACKAGES=(xvfb imagemagick xdotool libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 zbar-tools poppler-utils desktop-file-utils)
PACKAGES_NO_RECOMMENDS=(cups cups-client cups-bsd printer-driver-cups-pdf)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing() { local p; for p in "$@"; do installed "$p" || echo "$p"; done; }

# --- 1. apt -----------------------------------------------------------------------------
phase "apt packages"
mapfile -t need < <(missing "${PACKAGES[@]}")
mapfile -t need_nr < <(missing "${PACKAGES_NO_RECOMMENDS[@]}")
if [ "${#need[@]}" -gt 0 ] || [ "${#need_nr[@]}" -gt 0 ]; then
    echo "installing: ${need[*]} ${need_nr[*]}"
    apt-get update -qq
    [ "${#need[@]}" -eq 0 ] || apt-get install -y -qq "${need[@]}" >/dev/null
    [ "${#need_nr[@]}" -eq 0 ] || apt-get install -y -qq --no-install-recommends "${need_nr[@]}" >/dev/null
else
    echo "all installed"
fi
phase_end "apt packages"

# --- 2. PostgreSQL ----------------------------------------------------------------------
phase "postgresql"
if pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "accepting connections"
else
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    [ -n "$version" ] || { echo "system-setup: no PostgreSQL cluster in /etc/postgresql" >&2; exit 1; }
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 300); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.1; done
    pg_isready -h 127.0.0.1 -p 5432 || { echo "system-setup: PostgreSQL did not start" >&2; exit 1; }
fi
if ! psql -h 127.0.0.1 -U postgres -d postgres -XAtqc 'select 1' >/dev/null 2>&1; then
    echo "system-setup: warning: cannot connect as postgres@127.0.0.1 without a password;" \
         "the tests expect 'host all all 127.0.0.1/32 trust' in pg_hba.conf (or set CENTRAL_TEST_PG)" >&2
fi
phase_end "postgresql"

# --- 3. CUPS ----------------------------------------------------------------------------
phase "cups queues"
bash .ci/cups-setup.sh
phase_end "cups queues"
