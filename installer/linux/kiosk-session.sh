#!/bin/sh
# A minimal X session for the locked-down kiosk account: no desktop, no window manager, only the
# kiosk in full screen, restarted if it ever crashes.
#
# Use it as the kiosk user's session, e.g. ~kiosk/.xsession -> /opt/central-assinante-linux/kiosk-session.sh
# (display managers offer "Default Xsession"), or start it from a console autologin with
#   exec startx /opt/central-assinante-linux/kiosk-session.sh -- -nocursor
# Environment: CENTRAL_LAUNCHER (default: central-assinante from PATH), CENTRAL_RESTART_DELAY
# (seconds between restarts, default 3).  Exit code 0 from the kiosk (closed on purpose, with the
# administrator's code) ends the session; anything else restarts it.
set -u

launcher=${CENTRAL_LAUNCHER:-central-assinante}
delay=${CENTRAL_RESTART_DELAY:-3}

# Never blank or power down the screen: a kiosk is always on display.
if command -v xset >/dev/null 2>&1; then
    xset s off        # no screen saver
    xset s noblank    # no blanking
    xset -dpms        # no display power management
fi

log() {
    if command -v logger >/dev/null 2>&1; then
        logger -t central-assinante-kiosk -- "$*"
    fi
    echo "kiosk-session: $*" >&2
}

while :; do
    "$launcher" kiosk
    status=$?
    if [ "$status" -eq 0 ]; then
        log "quiosque encerrado pelo administrador; fim da sessão"
        exit 0
    fi
    log "quiosque terminou com código $status; reiniciando em ${delay}s"
    sleep "$delay"
done
