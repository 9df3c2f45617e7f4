#!/usr/bin/env bash
# Runs a benchmark main class from the app's test sources, e.g.
#   app/bench.sh JetstreamSourceBenchmark 300000
#   app/bench.sh JetstreamLagBenchmark 1000 30
# Builds core and app (no tests), then runs the class on the test classpath (core's test
# classes too, so a core benchmark can be run by its dotted name).
set -euo pipefail
cd "$(dirname "$0")/.."
class="$1"; shift
cp_file="app/target/bench.classpath"
./mvnw -q -B -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test >/dev/null
# A bare name is a class of dev.undertone.app.bench; a dotted name is used as it is.
[[ "$class" == *.* ]] || class="dev.undertone.app.bench.$class"
exec java ${BENCH_JAVA_OPTS:-} \
    -cp "app/target/test-classes:app/target/classes:opensearch-client/target/classes:models-onnx/target/classes:core/target/classes:core/target/test-classes:$(cat "$cp_file")" \
    "$class" "$@"
