#!/usr/bin/env bash
# Renders the hand-written SVG marks into the files jpackage takes: PNG on Linux, ICO on Windows.
# (macOS needs .icns: build.sh makes it there with sips and iconutil, which only macOS has.)
# Needs ImageMagick with an SVG delegate (Debian: apt-get install -y imagemagick librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for mark in rampart rampart-plan; do
  convert -background none -density 384 "$mark.svg" -resize 256x256 "PNG32:$mark.png"
  convert -background none -density 384 "$mark.svg" -define icon:auto-resize=256,128,64,48,32,16 "$mark.ico"
done
ls -l ./*.png ./*.ico
