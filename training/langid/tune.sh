#!/usr/bin/env bash
# Chooses the Lingua step's settings of core's language detector on the train texts and prints
# the grid on val for the record (docs/models.md, "How the rule was chosen").
# Usage (from the repository root): training/langid/tune.sh   (about 10 CPU-minutes, 3 GB of heap)
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
./mvnw -o -B -q -pl core compile
./mvnw -o -B -q -pl core dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp.txt"
java -Xmx6g -cp "core/target/classes:$(cat "$work/cp.txt")" training/langid/TuneLatinRule.java ../shared/data
