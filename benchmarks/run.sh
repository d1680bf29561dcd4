#!/usr/bin/env bash
# Runs the benchmark suite. `./run.sh` (quick: under 10 minutes on 2 cores, writes results/<date>.md and .json),
# `./run.sh bridges` (SLF4J and JUL bridges beside Logback's and Log4j's, about 4 minutes, writes
# results/<date>-bridges.md and .json), `./run.sh otlp` (the otlp sink beside the OpenTelemetry SDK's exporter, about
# a minute, writes results/<date>-otlp.md and .json), `./run.sh kafka` (the kafka sink beside a plain KafkaProducer,
# each with a local broker, about a minute, results/<date>-kafka.md and .json) or `./run.sh smoke` (one short
# iteration of everything, results under target/; what CI runs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode="${1:-quick}"
case "$mode" in
  quick) out="$here/results" ;;
  bridges) out="$here/results" ;;
  otlp) out="$here/results" ;;
  kafka) out="$here/results" ;;
  smoke) out="$here/target/results-smoke" ;;
  *) echo "usage: $0 [quick|bridges|otlp|kafka|smoke]" >&2; exit 2 ;;
esac
mvn -B -ntp -q -f "$here/../pom.xml" install -DskipTests
mvn -B -ntp -q -f "$here/../slf4j/pom.xml" install -DskipTests
mvn -B -ntp -q -f "$here/../kafka/pom.xml" install -DskipTests
check=()
[ "$mode" = smoke ] && check=(spotless:check) # CI validates the formatting; local runs apply it
mvn -B -ntp -q -f "$here/pom.xml" "${check[@]}" compile exec:exec -Dbench.mode="$mode" -Dbench.out="$out"
