#!/usr/bin/env bash
# The fleet benchmark (bench/README.md). Builds what it needs, runs every figure, prints the table and writes
# bench/results/latest.json. Usage:
#   bench/run.sh [--instances N] [--history H] [--databases D] [--help for every option]
# Defaults: N=1000, D=20, H=200. Exit 0: every target met; 3: a target missed; 2: bad options; 1: failure.
# Environment: BENCH_BUILD_DIR (default target-bench), MVN_ARGS (e.g. -o once dependencies are cached).
set -euo pipefail
cd "$(dirname "$0")/.."

bd="${BENCH_BUILD_DIR:-target-bench}"
echo "bench: building (./mvnw package -pl bench -am, into */$bd)"
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} -Dbd="$bd" -DskipTests -Djdeb.skip=true -pl bench -am package

cp="bench/$bd/classes:$(cat "bench/$bd/bench.classpath")"
exec java -Xmx1g -cp "$cp" io.rdswatch.bench.BenchMain --work "bench/$bd/run" "$@"
