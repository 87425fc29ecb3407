#!/usr/bin/env bash
# The test command (README and .ci/run):  bash scripts/test.sh [pytest args...]
#   as root: system packages and services first (scripts/system-setup.sh, each step skipped when done)
#   then:    .venv (created if missing; `pip install -e '.[dev,pdf]'` when pyproject.toml changed),
#            ruff check ., mypy desktop, pytest (Qt offscreen).
# All three checks run even if one fails; the exit status is non-zero if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
fmt_ms() { printf '%d.%03d s' $(($1 / 1000)) $(($1 % 1000)); }
total_start=$(now_ms)
summary=()
failed=0
# run_phase NAME CMD...: run, time and record; never aborts the script.
run_phase() {
    local name=$1; shift
    local start status=0
    start=$(now_ms)
    echo "== $name: $*"
    "$@" || status=$?
    local took=$(( $(now_ms) - start ))
    summary+=("$(printf '%-14s %-6s %s' "$name" "$([ $status -eq 0 ] && echo ok || echo FAIL)" "$(fmt_ms $took)")")
    [ $status -eq 0 ] || failed=1
    return $status
}

if [ "$(id -u)" -eq 0 ]; then
    run_phase system-setup bash scripts/system-setup.sh || { printf '%s\n' "${summary[@]}"; exit 1; }
else
    echo "== system-setup: skipped (not root); needs PostgreSQL on 127.0.0.1:5432 and the CUPS queues of .ci/cups-setup.sh"
fi

# (errexit does not apply inside a function run under `||`, hence the explicit returns)
setup_venv() {
    [ -x .venv/bin/python ] || python3 -m venv .venv || return 1
    local stamp=.venv/.central-deps.sha256 want
    want=$(cat pyproject.toml <(.venv/bin/python -VV) | sha256sum | cut -d' ' -f1) || return 1
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev,pdf]' || return 1
        echo "$want" >"$stamp"
    else
        echo "dependencies up to date (pyproject.toml unchanged)"
    fi
}
run_phase venv setup_venv || { printf '%s\n' "${summary[@]}"; exit 1; }

run_phase ruff .venv/bin/ruff check . || true
run_phase mypy .venv/bin/mypy desktop || true
run_phase pytest env QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$@" || true

echo
echo "== timings"
printf '%s\n' "${summary[@]}"
echo "total          $([ $failed -eq 0 ] && echo ok || echo FAIL)     $(fmt_ms $(( $(now_ms) - total_start )))"
exit $failed
