#!/bin/sh
# Rampart's package hooks, shipped in the app-image as lib/package-hooks.sh and called by the .deb and .rpm scripts
# in installer/linux (and by installer/build.sh for the app-image itself).
#
#   package-hooks.sh archive    make lib/app/rampart.jsa, the AppCDS archive, for the jar at its present path
#   package-hooks.sh configure  archive, link /usr/bin/rampart to bin/rampart, install the rampart-agent systemd unit
#                               (not enabled: it needs /etc/rampart/agent.env, see lib/rampart-agent.service)
#   package-hooks.sh remove [upgrade]  stop and disable the agent service (not on upgrade), delete what configure made
#
# JDK 17 checks an AppCDS archive against the absolute path of the jar it was made for, so it cannot be built
# once and shipped; it is made here from lib/app/rampart.classlist. If that fails, rampart.jsa becomes a link to the
# runtime's base archive: Rampart then starts without its own classes archived, but never without CDS at all.
set -e
app=$(dirname "$(dirname "$(readlink -f "$0")")")
jsa="$app/lib/app/rampart.jsa"
link=/usr/bin/rampart
units=/usr/lib/systemd/system
[ -d "$units" ] || units=/lib/systemd/system
unit="$units/rampart-agent.service"

systemd_running() { [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }

archive() {
  rm -f "$jsa"
  if "$app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/lib/app/rampart.classlist" \
      -XX:SharedArchiveFile="$jsa" -cp "$app/lib/app/rampart.jar" >"$app/lib/app/rampart.jsa.log" 2>&1; then
    rm -f "$app/lib/app/rampart.jsa.log"
  else
    echo "rampart: could not make the start-up archive (see $app/lib/app/rampart.jsa.log); starting will be slower" >&2
    rm -f "$jsa"
    ln -s ../runtime/lib/server/classes.jsa "$jsa"
  fi
}

case "$1" in
  archive)
    archive
    ;;
  configure)
    archive
    if [ ! -e "$link" ] || [ "$(readlink "$link")" = "$app/bin/rampart" ]; then
      ln -sf "$app/bin/rampart" "$link"
    else
      echo "rampart: $link exists and is not ours; run $app/bin/rampart instead" >&2
    fi
    if [ -d "$units" ]; then
      sed "s|@APP@|$app|g" "$app/lib/rampart-agent.service" > "$unit"
      if systemd_running; then
        systemctl daemon-reload || true
        systemctl try-restart rampart-agent.service || true # an upgraded agent runs the new release
      fi
    fi
    ;;
  remove)
    # An upgrade ("remove upgrade", from the .deb's prerm) keeps the service as it is; configure restarts it.
    if [ -f "$unit" ] && [ "${2:-remove}" != upgrade ]; then
      systemd_running && systemctl disable --now rampart-agent.service >/dev/null 2>&1 || true
      rm -f "$unit"
      systemd_running && systemctl daemon-reload || true
    fi
    rm -f "$jsa" "$app/lib/app/rampart.jsa.log"
    if [ "$(readlink "$link" 2>/dev/null)" = "$app/bin/rampart" ]; then
      rm -f "$link"
    fi
    ;;
  *)
    echo "usage: $0 archive|configure|remove" >&2
    exit 2
    ;;
esac
