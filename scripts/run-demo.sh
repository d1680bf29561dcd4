#!/usr/bin/env bash
# The main job: build and install the library, then run the embedded demo (examples-se: Weld SE + Jersey + SmallRye
# Config on 127.0.0.1). Without arguments it sends a scripted burst of requests to itself, prints the log lines, shuts
# down and prints the drain summary. Arguments go to the demo: `--serve [--port N]` keeps it serving until Ctrl-C.
# The preset comes from the demo's microprofile-config.properties (production); FAPILOG_PRESET=dev switches it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests
args=()
if [ "$#" -gt 0 ]; then
  args=("-Dexec.args=$*")
fi
mvn -B -ntp -q -f examples-se/pom.xml compile exec:java "${args[@]}"
