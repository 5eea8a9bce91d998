#!/bin/sh
# rampart: the console with no arguments, the command line with a subcommand (`rampart plan validate FILE`).
# Starts the bundled runtime directly, with the same options as bin/Rampart's lib/app/Rampart.cfg: JDK 17's native
# launcher runs `rpm -qf` and `dpkg -S` on every start, which costs a few hundred milliseconds. Made by
# installer/build.sh from installer/linux/rampart.sh.
app=$(dirname "$(dirname "$(readlink -f "$0")")")
exec "$app/lib/runtime/bin/java" @JAVA_OPTIONS@ -cp "$app/lib/app/rampart.jar" @MAIN_CLASS@ "$@"
