#!/usr/bin/env bash
# Smoke test of this example on a real WildFly, exactly the README's steps, on 127.0.0.1 only:
# build the WAR, unpack WildFly (from Maven Central), deploy by copying into standalone/deployments, call the API with
# curl, undeploy with jboss-cli, check fapilog's output and drain summary, stop WildFly by its own PID.
# Needs fapilog-jakarta installed (`mvn install` at the repository root). Exit code 0 means every check passed.
set -euo pipefail
cd "$(dirname "$0")"
WF_VERSION=39.0.1.Final
DIR=$PWD/target/server
JBOSS_HOME=$DIR/wildfly-$WF_VERSION
OUT=$DIR/orders.jsonl
PIDFILE=$DIR/wildfly.pid
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
rm -f "$OUT" "$JBOSS_HOME"/standalone/deployments/orders.war*
cp target/orders.war "$JBOSS_HOME/standalone/deployments/"

# The smoke run sends fapilog's output to a file (system properties override microprofile-config.properties), so the
# checks read clean JSON lines instead of WildFly's console.
stop() {
  if [ -f "$PIDFILE" ]; then
    kill -TERM "$(cat "$PIDFILE")" 2>/dev/null || true
    for _ in $(seq 1 150); do [ -f "$PIDFILE" ] || break; sleep 0.2; done
  fi
}
trap stop EXIT
JBOSS_PIDFILE=$PIDFILE LAUNCH_JBOSS_IN_BACKGROUND=1 "$JBOSS_HOME/bin/standalone.sh" \
  -b 127.0.0.1 -bmanagement 127.0.0.1 \
  -Dfapilog.sinks=file -Dfapilog.sink.file.path="$OUT" > "$DIR/console.log" 2>&1 &

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
echo "WildFly smoke test passed"
