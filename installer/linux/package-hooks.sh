#!/bin/sh
# Rampart's package hooks, shipped in the app-image as lib/package-hooks.sh and called by the .deb and .rpm scripts
# in installer/linux (and by installer/build.sh for the app-image itself).
#
#   package-hooks.sh archive    make lib/app/rampart.jsa, the AppCDS archive, for the jar at its present path
#   package-hooks.sh configure  archive, and link /usr/bin/rampart to bin/rampart
#   package-hooks.sh remove     delete what configure made
#
# JDK 17 checks an AppCDS archive against the absolute path of the jar it was made for, so it cannot be built
# once and shipped; it is made here from lib/app/rampart.classlist. If that fails, rampart.jsa becomes a link to the
# runtime's base archive: Rampart then starts without its own classes archived, but never without CDS at all.
set -e
app=$(dirname "$(dirname "$(readlink -f "$0")")")
jsa="$app/lib/app/rampart.jsa"
link=/usr/bin/rampart

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
    ;;
  remove)
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
