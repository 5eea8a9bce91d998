#!/bin/sh
# Regenerates the README screenshots from the real app: a fresh demo store per picture, the console under Xvfb,
# each screen photographed by the app itself (--screenshot) after the demo rollout has run for a while.
# Needs xvfb (xvfb-run) and GTK (libgtk-3-0). Usage: docs/screenshots/regenerate.sh [OUT_DIR]   (default docs/screenshots)
set -eu
cd "$(dirname "$0")/../.."
out="${1:-docs/screenshots}"
mkdir -p "$out"
[ -f target/rampart.jar ] || mvn -q -o package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

shot() { # screen seconds file [extra args]
    screen="$1"; wait="$2"; file="$3"; shift 3
    xvfb-run -a -s '-screen 0 1440x900x24' java -jar target/rampart.jar --db "jdbc:h2:file:$work/$file/store" \
        --screen "$screen" --screenshot "$out/$file.png" --screenshot-after "$wait" "$@"
}

# The demo rollout runs 60 times faster than the wall clock: 40 s is 40 simulated minutes of charts.
shot rollout 40 rollout
shot releases 2 releases
shot calendar 3 calendar
shot checklists 3 checklists
shot audit 8 audit
shot people 3 people
shot adapters 2 adapters
