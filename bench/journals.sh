#!/usr/bin/env bash
# Drill journal figures: how long /metrics, /api/drills and /drills take with N journals in stateDir,
# before and after drill journal retention (see bench/README.md). Usage: bench/journals.sh [N] (default 30000)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-30000}"
bd="${BENCH_BUILD_DIR:-target-bench}"
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} -Dbd="$bd" -DskipTests -Djdeb.skip=true -pl bench -am package
cp="bench/$bd/classes:$(cat "bench/$bd/bench.classpath")"
work="bench/$bd/run"
rm -rf "$work/journal-bench-$n"
mkdir -p "$work"
exec java -Xmx256m -cp "$cp" io.rdswatch.bench.journal.JournalBenchMain --journals "$n" --work "$work" --prune
