#!/usr/bin/env bash
# Real CUPS queues for the printing tests, on a machine without systemd (CI, containers).
#
#   CUPS-PDF  cups-pdf virtual printer; PDFs land in $CUPS_PDF_OUT (re-rendered by Ghostscript)
#   SINK      raw queue with the "harness" backend below; each job is written byte-for-byte to
#             $SINK_DIR/job-<id>.bin (and its title to job-<id>.title)
#
# Idempotent: every step is skipped when already done.  Installs nothing (scripts/system-setup.sh
# does the apt part).  Must run as root.  See /work/shared/TESTING.md §2 for why it looks like this.
set -euo pipefail

CUPS_PDF_OUT=/var/spool/cups-pdf-out
SINK_DIR=/var/spool/central-sink
BACKEND=/usr/lib/cups/backend/harness
export LC_ALL=C

die() { echo "cups-setup: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root"
for tool in /usr/sbin/cupsd lpstat lpadmin cupsenable cupsaccept; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install cups cups-client cups-bsd printer-driver-cups-pdf)"
done
[ -x /usr/lib/cups/backend/cups-pdf ] || die "cups-pdf backend missing (apt-get install printer-driver-cups-pdf)"

scheduler_running() { lpstat -r 2>/dev/null | grep -q 'scheduler is running'; }  # lpstat -r exits 0 either way

# 1. cups-pdf writes to a fixed directory (read per job; no restart needed).
mkdir -p "$CUPS_PDF_OUT" "$SINK_DIR"
chmod 0777 "$CUPS_PDF_OUT" "$SINK_DIR"
if ! grep -qx "Out $CUPS_PDF_OUT" /etc/cups/cups-pdf.conf; then
    sed -i -E "s|^#?Out .*|Out $CUPS_PDF_OUT|" /etc/cups/cups-pdf.conf
    grep -qx "Out $CUPS_PDF_OUT" /etc/cups/cups-pdf.conf || echo "Out $CUPS_PDF_OUT" >>/etc/cups/cups-pdf.conf
fi

# 2. The harness backend: raw queue in, identical bytes out.  0700 => cupsd runs it as root.
BACKEND_TEXT='#!/bin/sh
# CUPS backend for tests: writes each job verbatim to the directory of its URI (harness:/dir).
if [ $# -eq 0 ]; then echo '"'"'file harness:/ "Harness file sink" "Harness file sink"'"'"'; exit 0; fi
dir="${DEVICE_URI#harness:}"; mkdir -p "$dir" || exit 1; out="$dir/job-$1"
printf "%s\n" "$3" > "$out.title"
if [ -n "$6" ]; then cat "$6" > "$out.tmp"; else cat > "$out.tmp"; fi || exit 1
mv "$out.tmp" "$out.bin" && chmod 0644 "$out.bin" "$out.title"; exit 0'
if [ ! -f "$BACKEND" ] || [ "$(cat "$BACKEND")" != "$BACKEND_TEXT" ]; then
    printf '%s\n' "$BACKEND_TEXT" >"$BACKEND"
fi
chmod 0700 "$BACKEND"

# 3. The scheduler.
if ! scheduler_running; then
    mkdir -p /run/cups /var/log/cups
    setsid /usr/sbin/cupsd -f </dev/null >>/var/log/cups/cupsd-foreground.log 2>&1 &
    echo "$!" >/run/cups/cupsd-foreground.pid
    for _ in $(seq 200); do scheduler_running && break; sleep 0.05; done
    scheduler_running || die "cupsd did not start; see /var/log/cups/error_log and cupsd-foreground.log"
    echo "cups-setup: cupsd started (pid $(cat /run/cups/cupsd-foreground.pid))"
fi

# 4. Queues (created only when missing; always left enabled and accepting).
queue_exists() { lpstat -p "$1" >/dev/null 2>&1; }
if ! queue_exists CUPS-PDF; then
    lpadmin -p CUPS-PDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>&1 | grep -v 'deprecated' || true
    echo "cups-setup: queue CUPS-PDF created"
fi
if ! queue_exists SINK; then
    lpadmin -p SINK -E -v "harness:$SINK_DIR" -m raw 2>&1 | grep -v 'deprecated' || true
    echo "cups-setup: queue SINK created"
fi
for q in CUPS-PDF SINK; do
    queue_exists "$q" || die "queue $q could not be created"
    cupsenable "$q"
    cupsaccept "$q"
done
if ! lpstat -d | grep -q 'system default destination: CUPS-PDF$'; then
    lpadmin -d CUPS-PDF
fi
echo "cups-setup: ready (CUPS-PDF -> $CUPS_PDF_OUT, SINK -> $SINK_DIR, default CUPS-PDF)"
