#!/usr/bin/env bash
# Smoke test of this example on a real Payara Micro, exactly the README's steps, on 127.0.0.1 only:
# build the WAR, fetch Payara Micro (from Maven Central), run it with the WAR (HTTP bound to 127.0.0.1 by the preboot
# file), call the API with curl, stop it with SIGTERM (which undeploys), check fapilog's output and drain summary.
# Needs fapilog-jakarta installed (`mvn install` at the repository root). Exit code 0 means every check passed.
# Payara Micro's Hazelcast listens on port 6900 whatever it is told; no traffic is sent to it.
set -euo pipefail
cd "$(dirname "$0")"
PM_VERSION=6.2025.10
DIR=$PWD/target/server
JAR=$DIR/payara-micro-$PM_VERSION.jar
OUT=$DIR/orders.jsonl
LOG=$DIR/payara.log
BASE=http://127.0.0.1:8181/orders/api
MVN=(mvn -B -ntp -q)

fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
command -v curl > /dev/null || fail "curl is needed (Debian: apt-get install curl)"

"${MVN[@]}" package
mkdir -p "$DIR"
if [ ! -f "$JAR" ]; then
  "${MVN[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=fish.payara.extras:payara-micro:$PM_VERSION -DoutputDirectory="$DIR"
fi
rm -f "$OUT"

# The smoke run sends fapilog's output to a file (system properties override microprofile-config.properties), so the
# checks read clean JSON lines instead of Payara's console.
java -Dfapilog.sinks=file -Dfapilog.sink.file.path="$OUT" -jar "$JAR" \
  --deploy target/orders.war --port 8181 --nocluster --disablephonehome \
  --prebootcommandfile preboot.txt --unpackdir "$DIR/unpack" > "$LOG" 2>&1 &
PID=$!
stop() { kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 1 240); do
  kill -0 "$PID" 2>/dev/null || fail "Payara Micro exited: $(tail -20 "$LOG")"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] && break
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] || fail "the application did not come up"
echo "deployed"

post=$(curl -s -i -H 'X-Request-ID: smoke-1' -H 'Authorization: Bearer smoke-secret' \
  -d item=book -d quantity=2 -d password=hunter2 "$BASE/orders")
echo "$post" | grep -q '^HTTP/1.1 201' || fail "POST: $post"
echo "$post" | grep -qi '^X-Request-ID: smoke-1' || fail "X-Request-ID not echoed: $post"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' "$BASE/orders/42")" = 200 ] || fail "GET orders/42"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/orders/7")" = 404 ] || fail "GET orders/7"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Request-ID: smoke-fail' "$BASE/orders/fail")" = 500 ] || fail "GET orders/fail"
echo "requests done"

trap - EXIT
stop # SIGTERM: Payara Micro undeploys the application, which drains fapilog
echo "stopped"

check() { grep -q "$1" "$OUT" || fail "no line matching $1 in $OUT"; }
check '"message":"Order placed".*"correlation_id":"smoke-1".*"password":"\*\*\*"'
check '"message":"request_completed".*"correlation_id":"smoke-1".*"status":201.*"authorization":"\*\*\*"'
check '"message":"request_completed".*"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"'
check '"message":"request_failed".*"correlation_id":"smoke-fail".*"error_type":"java.lang.IllegalStateException"'
check '"message":"request_completed".*"client_address":"127.0.0.1"'
check '"message":"Order book closed"'
if grep -q 'hunter2\|smoke-secret' "$OUT"; then fail "a secret reached the output"; fi
grep -q '"message":"request_completed".*"path":"/health"' "$OUT" && fail "the skipped health path was logged"
grep -q '"threads":"JNDI java:comp/DefaultManagedThreadFactory' "$LOG" || fail "worker thread not from the managed thread factory"
drained=$(grep -o 'fapilog runtime drained: [^"]*' "$LOG" | tail -1 || true)
[ -n "$drained" ] || fail "no drain summary in the log"
echo "$drained" | grep -q 'dropped=0{} failed=0{} pending=0' || fail "drain lost events: $drained"
echo "$(grep -c '' "$OUT") JSON lines; $drained"
echo "Payara Micro smoke test passed"
