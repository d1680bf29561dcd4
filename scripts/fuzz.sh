#!/usr/bin/env bash
# Fuzzes the library with Jazzer (src/test/java/dev/fapilog/fuzz): capture + encode, every redactor against planted
# secrets, and the settings parser. Each target fuzzes for 20 s per round (@FuzzTest maxDuration); rounds repeat until
# the budget has passed, continuing from the corpus kept in .cifuzz-corpus/.
#   scripts/fuzz.sh          one round of each target (what scripts/run-tests.sh runs, about 2 minutes)
#   scripts/fuzz.sh 3600     an hour
# A finding fails the run and is saved as src/test/resources/dev/fapilog/fuzz/<Test>Inputs/<method>/crash-*: commit it
# with the fix (every test run replays it) and add a named unit test for the case (see docs/contributing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:-0}"
targets=(EncodeFuzzTest RedactionFuzzTest SettingsFuzzTest)
MVN=(mvn -B -ntp -q)
"${MVN[@]}" -Dspotless.apply.skip=true test-compile
start=$SECONDS
round=0
while :; do
  round=$((round + 1))
  for t in "${targets[@]}"; do
    log="target/fuzz-${t}.log" # libFuzzer writes its progress to the process's own output: kept here
    if ! JAZZER_FUZZ=1 "${MVN[@]}" -Dspotless.apply.skip=true surefire:test@fuzz-regression -Dtest="${t}" \
      -Dsurefire.failIfNoSpecifiedTests=false >"${log}" 2>&1; then
      tail -60 "${log}"
      cat "target/surefire-reports-fuzz/dev.fapilog.fuzz.${t}.txt" 2>/dev/null || true
      echo "fuzzing found a problem in ${t}; the input is under src/test/resources/dev/fapilog/fuzz/" >&2
      exit 1
    fi
    echo "fuzz round ${round}: ${t}: $(grep -ho "Done [0-9]* runs in [0-9]* second(s)" "${log}" | tail -1)"
  done
  [ $((SECONDS - start)) -ge "${budget}" ] && break
done
echo "fuzzing: ${round} round(s), $((SECONDS - start)) s, no findings"
