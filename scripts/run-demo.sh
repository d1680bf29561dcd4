#!/usr/bin/env bash
# The main job: build and install the library, then run the Java SE demo (dev preset, drain result at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests
mvn -B -ntp -q -f examples-se/pom.xml compile exec:java
