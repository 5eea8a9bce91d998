#!/usr/bin/env bash
# Builds Rampart's installers with jpackage from target/rampart.jar (run `mvn package` first, or use
# `mvn -Pinstaller package`, which runs this script after the jar is built).
#
#   installer/build.sh [--version 0.1.0] [--types app-image,deb,rpm]
#
# Default types: Linux app-image,deb,rpm; macOS app-image,dmg,pkg; Windows (Git Bash) app-image,msi,exe.
# Output in target/installer/: the app-image Rampart/ and the packages.
#
# Fast start (docs/decisions/0005-installers-and-startup.md): the runtime is jlinked with a base CDS archive, and on
# Linux the app-image gets an AppCDS archive (lib/app/rampart.jsa) made from the classes a headless --smoke run
# loaded. JDK 17 ties that archive to the jar's absolute path, so the .deb and .rpm ship the class list and make the
# archive on the installed machine (installer/linux/package-hooks.sh). bin/rampart starts the bundled java directly:
# JDK 17's native launcher (bin/Rampart) asks rpm and dpkg which package it is in on every start.
set -euo pipefail
cd "$(dirname "$0")/.."

version=""
types=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --version=*) version="${1#*=}"; shift ;;
    --types) types="$2"; shift 2 ;;
    --types=*) types="${1#*=}"; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) platform=linux; default_types=app-image,deb,rpm ;;
  Darwin) platform=mac; default_types=app-image,dmg,pkg ;;
  MINGW*|MSYS*|CYGWIN*) platform=windows; default_types=app-image,msi,exe ;;
  *) echo "build.sh: unsupported platform $(uname -s)" >&2; exit 2 ;;
esac
types="${types:-$default_types}"
if [ -z "$version" ]; then
  # The pom's own version, without asking Maven (the profile passes --version anyway).
  version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -n 1)
fi
version="${version%-SNAPSHOT}"   # jpackage takes numbers only
if [ "$platform" = mac ] && [[ "$version" == 0.* ]]; then
  # macOS bundle versions must start with a number above zero, and jpackage refuses others.
  echo "build.sh: macOS needs a version of 1.0 or above (the pom says $version): mvn -Pinstaller -Dinstaller.version=1.0.0 package" >&2
  exit 2
fi

jar=target/rampart.jar
out=target/installer
work=$out/work
name=Rampart
main_class=dev.rampart.app.Main
# From `jdeps --print-module-deps --ignore-missing-deps target/rampart.jar` (java.base … jdk.unsupported.desktop),
# plus what is loaded by name: jdk.crypto.ec (TLS to PostgreSQL; Ed25519 signing keys), jdk.charsets, jdk.zipfs,
# jdk.localedata (dates and numbers in the user's locale); java.net.http (HTTP witnesses, docs/decisions/0017).
modules=java.base,java.compiler,java.instrument,java.management,java.naming,java.scripting,java.security.jgss,java.sql,jdk.jfr,jdk.net,jdk.unsupported,jdk.unsupported.desktop,java.desktop,java.xml,java.logging,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.localedata,java.net.http
# Options of every start, in the native launcher's .cfg and in bin/rampart (measured with installer/measure-startup.sh,
# see docs/decisions/0005-installers-and-startup.md). TieredStopAtLevel=1: no C2 compiler threads competing with
# start-up on two cores; the console and the engine are not hot compute. SerialGC and -UsePerfData: a desktop
# program with a small heap needs no G1 threads and no shared perf-data file.
java_options=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto)
if [ "$platform" = linux ]; then
  # $APPDIR is lib/app. Without this file the JVM runs without any CDS, so it always exists: the AppCDS archive,
  # or a link to the runtime's base archive.
  java_options+=('-XX:SharedArchiveFile=$APPDIR/rampart.jsa')
fi

step() { printf '\n== installer: %s\n' "$*"; }
has() { command -v "$1" >/dev/null 2>&1; }

# ---- What is missing, said once and plainly -------------------------------------------------------------------
missing=()
debian=()
has jpackage || missing+=("jpackage (a full JDK 17, not a JRE)")
has jlink || missing+=("jlink (a full JDK 17)")
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v jlink || echo /nonexistent/bin/jlink)")")")
[ -d "$java_home/jmods" ] || missing+=("the JDK's jmods folder ($java_home/jmods; Debian: openjdk-17-jmods)")
[ -f "$jar" ] || missing+=("$jar (run mvn package first)")
if [ "$platform" = linux ]; then
  has xvfb-run || { missing+=("xvfb-run (the class-list run for the start-up archive)"); debian+=(xvfb); }
  ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0' || { missing+=("GTK 3 (JavaFX's window toolkit)"); debian+=(libgtk-3-0); }
  if [[ ",$types," == *,deb,* ]]; then
    has fakeroot || { missing+=("fakeroot (for .deb)"); debian+=(fakeroot); }
    has dpkg-deb || { missing+=("dpkg-deb (for .deb)"); debian+=(dpkg); }
  fi
  if [[ ",$types," == *,rpm,* ]]; then
    has rpmbuild || { missing+=("rpmbuild (for .rpm)"); debian+=(rpm); }
  fi
fi
if [ "$platform" = windows ] && [[ ",$types," == *,msi,* || ",$types," == *,exe,* ]]; then
  has candle.exe || has candle || missing+=("the WiX Toolset 3 (candle, light) on PATH, for .msi and .exe")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installer: cannot build $types, missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  [ ${#debian[@]} -gt 0 ] && echo "  On Debian/Ubuntu: sudo apt-get install -y ${debian[*]}" >&2
  exit 1
fi

echo "installer: Rampart $version for $platform: $types"
rm -rf "$out"
mkdir -p "$work/input"
cp "$jar" "$work/input/rampart.jar"

# ---- Runtime: only the modules Rampart uses, with the JDK's classes in a base CDS archive ---------------------------
step "jlink runtime ($modules)"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$work/runtime" >/dev/null
[ -f "$work/runtime/lib/server/classes.jsa" ] || [ "$platform" = windows ] \
  || { echo "installer: jlink made no base CDS archive" >&2; exit 1; }

# ---- App-image -------------------------------------------------------------------------------------------------
if [ "$platform" = mac ]; then
  step "macOS icons (sips, iconutil)"
  for mark in rampart rampart-plan; do
    set_dir="$work/$mark.iconset"
    mkdir -p "$set_dir"
    for size in 16 32 128 256; do
      sips -z $size $size "installer/icons/$mark.png" --out "$set_dir/icon_${size}x${size}.png" >/dev/null
      sips -z $((size * 2)) $((size * 2)) "installer/icons/$mark.png" --out "$set_dir/icon_${size}x${size}@2x.png" >/dev/null
    done
    iconutil -c icns "$set_dir" -o "$out/$mark.icns"
  done
fi

step "jpackage app-image"
jopts=()
for option in "${java_options[@]}"; do jopts+=(--java-options "$option"); done
jpackage --type app-image --app-version "$version" --dest "$out" \
  --input "$work/input" --main-jar rampart.jar --main-class "$main_class" --runtime-image "$work/runtime" \
  "${jopts[@]}" @installer/jpackage/common.args @installer/jpackage/$platform.args
image="$out/$name"
[ "$platform" = mac ] && image="$out/$name.app"

if [ "$platform" != windows ]; then
  # JavaFX looks for its native libraries next to the jar first (the SDK's layout) before it unpacks them from the
  # jar into ~/.openjfx/cache and compares them there on every start: ~20 ms, and nothing written to the home folder.
  # (Windows' SDK keeps them in a bin/ folder beside lib/, so there this would not be found.)
  app_dir="$image/lib/app"
  [ "$platform" = mac ] && app_dir="$image/Contents/app"
  natives=$("$java_home/bin/jar" tf "$app_dir/rampart.jar" | grep -E '^[^/]+\.(so|dylib)$' || true)
  if [ -n "$natives" ]; then
    # shellcheck disable=SC2086 # one name a word
    (cd "$app_dir" && "$java_home/bin/jar" xf rampart.jar $natives)
  fi
fi

if [ "$platform" = linux ]; then
  # The direct launcher: the same options as the .cfg, with $APPDIR spelt out.
  script_options=""
  for option in "${java_options[@]}"; do script_options+=" ${option//\$APPDIR/\"\$app/lib/app\"}"; done
  sed "s|@JAVA_OPTIONS@|${script_options# }|; s|@MAIN_CLASS@|$main_class|" installer/linux/rampart.sh \
    > "$image/bin/rampart"
  chmod 755 "$image/bin/rampart"
  cp installer/linux/package-hooks.sh "$image/lib/package-hooks.sh"
  chmod 755 "$image/lib/package-hooks.sh"
  # The agent as a service: package-hooks.sh configure installs it with this image's path (not enabled).
  cp installer/linux/rampart-agent.service "$image/lib/rampart-agent.service"

  step "class list from a headless --smoke run and a plan validate"
  lists="$work/classlists"
  mkdir -p "$lists"
  store=$(mktemp -d /tmp/rampart-classlist.XXXXXX)
  trap 'rm -rf "$store"' EXIT
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$lists/console.classlist" \
    xvfb-run -a -s '-screen 0 1440x900x24' "$image/bin/rampart" --smoke --db "jdbc:h2:file:$store/store" \
    2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2)
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$lists/cli.classlist" \
    "$image/bin/rampart" plan validate docs/examples/seed-004-feature-flags.json >/dev/null \
    2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2)
  # The console's classes first, then what only the command line loads.
  cat "$lists/console.classlist" "$lists/cli.classlist" | grep -v '^#' | awk '!seen[$0]++' \
    > "$image/lib/app/rampart.classlist"
  echo "installer: $(grep -vc '^@' "$image/lib/app/rampart.classlist") classes in the class list"

  step "AppCDS archive for the app-image"
  "$image/lib/package-hooks.sh" archive
fi

# ---- Packages, from the app-image ------------------------------------------------------------------------------------
for type in ${types//,/ }; do
  [ "$type" = app-image ] && continue
  step "jpackage $type"
  source_image="$image"
  if [ "$platform" = linux ]; then
    # The archive is only good at this path; the package makes its own on the machine it is installed on.
    staged="$work/package-image"
    rm -rf "$staged" && mkdir -p "$staged"
    cp -a "$image" "$staged/"
    rm -f "$staged/$name/lib/app/rampart.jsa"
    source_image="$staged/$name"
  fi
  per_type=()
  [ -f "installer/jpackage/$type.args" ] && per_type+=("@installer/jpackage/$type.args")
  jpackage --type "$type" --app-version "$version" --dest "$out" --app-image "$source_image" \
    @installer/jpackage/common.args "@installer/jpackage/$platform-package.args" ${per_type[@]+"${per_type[@]}"}
done

step "done"
du -sh "$image" | sed 's|^|app-image  |'
find "$out" -maxdepth 1 -type f \( -name '*.deb' -o -name '*.rpm' -o -name '*.msi' -o -name '*.exe' -o -name '*.dmg' -o -name '*.pkg' \) \
  -exec du -h {} \; | sed 's|^|package    |'
