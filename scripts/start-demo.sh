#!/usr/bin/env bash
# The first README command: set up and start the counter application on its embedded SQLite
# database, filled with demo data the first time.
#   bash scripts/start-demo.sh [--subscribers N]     (default 300 subscribers)
# Environment: CENTRAL_DATA_DIR moves the SQLite file; CENTRAL_DB_URL points to PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers=300
if [ "${1:-}" = "--subscribers" ] && [ -n "${2:-}" ]; then subscribers=$2; fi

# Qt's X11 plugin needs two small libraries that minimal Debian/Ubuntu images lack.
if [ "$(id -u)" -eq 0 ] && command -v dpkg >/dev/null; then
    missing=()
    for pkg in libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libegl1 libfontconfig1; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=.venv/.central-deps.sha256
want=$(cat pyproject.toml <(.venv/bin/python -VV) | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev,pdf]'
    echo "$want" >"$stamp"
fi

.venv/bin/central-assinante db upgrade
has_data=$(.venv/bin/python - <<'PY'
from sqlalchemy import func, select
from desktop.config.station import load_station_config
from desktop.db import Database
from desktop.models import Subscriber
with Database(load_station_config().database_url).session() as s:
    print(1 if s.scalar(select(func.count()).select_from(Subscriber)) else 0)
PY
)
if [ "$has_data" = "0" ]; then
    .venv/bin/central-assinante demo --subscribers "$subscribers" --seed 42
else
    echo "Banco já tem dados; demonstração não recriada. Logins: atendente, financeiro, suporte, admin."
fi
exec .venv/bin/central-assinante
