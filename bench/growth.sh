#!/usr/bin/env bash
# How the figures grow between two bench runs, per instance (bench/README.md, "Scale run").
# Usage: bench/growth.sh SMALLER.json LARGER.json   (run bench/run.sh first: it builds the classes)
# Exit 0: every measure linear or better; 3: one grew faster; 2: bad arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
bd="${BENCH_BUILD_DIR:-target-bench}"
cp="bench/$bd/classes:$(cat "bench/$bd/bench.classpath")"
exec java -cp "$cp" io.rdswatch.bench.report.Growth "$@"
