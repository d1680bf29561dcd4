#!/usr/bin/env bash
# Smoke test of this example on a real WildFly, exactly the README's steps, on 127.0.0.1 only:
# build the WAR, unpack WildFly (from Maven Central), deploy by copying into standalone/deployments, call the API with
# curl, undeploy with jboss-cli, check fapilog's output and drain summary, stop WildFly by its own PID.
# The OTLP variant runs in the same pass: the events also go to an OpenTelemetry collector's place, a test receiver
# (smoke/OtlpReceiver.java, decoding with the official opentelemetry-proto classes) configured the way platforms do it,
# with OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME in WildFly's environment.
# Needs fapilog-jakarta installed (`mvn install` at the repository root). Exit code 0 means every check passed.
set -euo pipefail
cd "$(dirname "$0")"
WF_VERSION=39.0.1.Final
DIR=$PWD/target/server
JBOSS_HOME=$DIR/wildfly-$WF_VERSION
OUT=$DIR/orders.jsonl
PIDFILE=$DIR/wildfly.pid
OTLP_OUT=$DIR/otlp-records.txt
OTLP_PORT_FILE=$DIR/otlp.port
OTLP_JARS=$DIR/otlp-receiver
BASE=http://127.0.0.1:8080/orders/api
MVN=(mvn -B -ntp -q)

fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }

"${MVN[@]}" package
mkdir -p "$DIR"
command -v curl > /dev/null || fail "curl is needed (Debian: apt-get install curl)"
if [ ! -x "$JBOSS_HOME/bin/standalone.sh" ]; then
  "${MVN[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact=org.wildfly:wildfly-dist:$WF_VERSION:zip -DoutputDirectory="$DIR"
fi
rm -f "$OUT" "$OTLP_OUT" "$OTLP_PORT_FILE" "$JBOSS_HOME"/standalone/deployments/orders.war*
if [ ! -d "$OTLP_JARS" ]; then
  for a in io.opentelemetry.proto:opentelemetry-proto:1.11.0-alpha com.google.protobuf:protobuf-java:4.36.2; do
    "${MVN[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact=$a -DoutputDirectory="$OTLP_JARS"
  done
fi
cp target/orders.war "$JBOSS_HOME/standalone/deployments/"

# The smoke run sends fapilog's output to a file (system properties override microprofile-config.properties), so the
# checks read clean JSON lines instead of WildFly's console.
stop() {
  if [ -f "$PIDFILE" ]; then
    kill -TERM "$(cat "$PIDFILE")" 2>/dev/null || true
    for _ in $(seq 1 150); do [ -f "$PIDFILE" ] || break; sleep 0.2; done
  fi
  [ -n "${RECEIVER_PID:-}" ] && kill -TERM "$RECEIVER_PID" 2>/dev/null || true
}
trap stop EXIT
java -cp "$(ls "$OTLP_JARS"/*.jar | paste -sd:)" smoke/OtlpReceiver.java "$OTLP_PORT_FILE" "$OTLP_OUT" \
  > "$DIR/otlp-receiver.log" 2>&1 &
RECEIVER_PID=$!
for _ in $(seq 1 100); do [ -s "$OTLP_PORT_FILE" ] && break; sleep 0.2; done
[ -s "$OTLP_PORT_FILE" ] || fail "the OTLP receiver did not start: $(cat "$DIR/otlp-receiver.log")"
OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$(cat "$OTLP_PORT_FILE") OTEL_SERVICE_NAME=orders-otlp \
JBOSS_PIDFILE=$PIDFILE LAUNCH_JBOSS_IN_BACKGROUND=1 "$JBOSS_HOME/bin/standalone.sh" \
  -b 127.0.0.1 -bmanagement 127.0.0.1 \
  -Dfapilog.sinks=file,otlp -Dfapilog.sink.file.path="$OUT" > "$DIR/console.log" 2>&1 &

for _ in $(seq 1 300); do
  [ -f "$JBOSS_HOME/standalone/deployments/orders.war.failed" ] && fail "deployment failed: $(cat "$JBOSS_HOME/standalone/deployments/orders.war.failed")"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] && break
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] || fail "the application did not come up"
echo "deployed: $(grep -o 'WFLYSRV0025.*' "$DIR/console.log" | head -1 || true)"

post=$(curl -s -i -H 'X-Request-ID: smoke-1' -H 'Authorization: Bearer smoke-secret' \
  -d item=book -d quantity=2 -d password=hunter2 "$BASE/orders")
echo "$post" | grep -q '^HTTP/1.1 201' || fail "POST: $post"
echo "$post" | grep -qi '^X-Request-ID: smoke-1' || fail "X-Request-ID not echoed: $post"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' "$BASE/orders/42")" = 200 ] || fail "GET orders/42"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/orders/7")" = 404 ] || fail "GET orders/7"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Request-ID: smoke-fail' "$BASE/orders/fail")" = 500 ] || fail "GET orders/fail"
echo "requests done"

"$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller=127.0.0.1:9990 --command="undeploy orders.war" > "$DIR/cli.log" 2>&1 \
  || fail "undeploy: $(cat "$DIR/cli.log")"
echo "undeployed"

check() { grep -q "$1" "$OUT" || fail "no line matching $1 in $OUT"; }
check '"message":"Order placed".*"correlation_id":"smoke-1".*"password":"\*\*\*"'
check '"message":"request_completed".*"correlation_id":"smoke-1".*"status":201.*"authorization":"\*\*\*"'
check '"message":"request_completed".*"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"'
check '"message":"request_failed".*"correlation_id":"smoke-fail".*"error_type":"java.lang.IllegalStateException"'
check '"message":"request_completed".*"client_address":"127.0.0.1"'
check '"message":"Order book closed"'
check '"logger":"orders.pricing"\|"message":"Order accepted"'
if grep -q 'hunter2\|smoke-secret' "$OUT"; then fail "a secret reached the output"; fi
grep -q '"message":"request_completed".*"path":"/health"' "$OUT" && fail "the skipped health path was logged"
grep -q '"threads":"JNDI java:comp/DefaultManagedThreadFactory' "$DIR/console.log" || fail "worker thread not from the managed thread factory"
drained=$(grep -o 'fapilog runtime drained: [^"]*' "$DIR/console.log" | tail -1 || true)
[ -n "$drained" ] || fail "no drain summary in the console"
echo "$drained" | grep -q 'dropped=0{} failed=0{} pending=0' || fail "drain lost events: $drained"
echo "$(grep -c '' "$OUT") JSON lines; $drained"

# The OTLP variant: every event reached the receiver too, decoded by the official classes, mapped as documented.
[ -f "$OTLP_OUT" ] || fail "the OTLP receiver got nothing: $(cat "$DIR/otlp-receiver.log")"
grep -q UNDECODABLE "$OTLP_OUT" && fail "the OTLP receiver could not decode a request: $(grep UNDECODABLE "$OTLP_OUT")"
otlp() { grep -q "$1" "$OTLP_OUT" || fail "no OTLP record matching $1 in $OTLP_OUT"; }
otlp '^resource=orders-otlp scope=dev.fapilog.examples.wildfly.OrderBook severity=9/INFO .* body=Order placed attrs=.*correlation_id=smoke-1;.*password=\*\*\*;'
otlp 'severity=9/INFO trace=4bf92f3577b34da6a3ce929d0e0e4736 body=request_completed'
otlp 'severity=17/ERROR .* body=request_failed attrs=.*correlation_id=smoke-fail;.*error_type=java.lang.IllegalStateException;'
otlp 'body=Order book closed'
if grep -q 'hunter2\|smoke-secret' "$OTLP_OUT"; then fail "a secret reached the OTLP receiver"; fi
[ "$(grep -c '' "$OTLP_OUT")" = "$(grep -c '' "$OUT")" ] \
  || fail "the OTLP receiver got $(grep -c '' "$OTLP_OUT") records, the file $(grep -c '' "$OUT") lines"
echo "OTLP: $(grep -c '' "$OTLP_OUT") records decoded by the receiver"
echo "WildFly smoke test passed"
