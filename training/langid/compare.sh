#!/usr/bin/env bash
# Measures the language detectors compared in docs/models.md on the UMSAB and TweetEval val texts.
# Usage (from the repository root): training/langid/compare.sh [SPLIT=val] [--shipped] [--misses]
# (--shipped: core's detector only; --misses: every text not named right, on stderr)
# Resolves Lingua, optimaize and OpenNLP (with its langdetect-183 model) from Maven Central into
# ~/.m2, compiles core, and prints one table row per detector: right/none/wrong per language.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local</groupId><artifactId>langid-compare</artifactId><version>1</version>
<dependencies>
<dependency><groupId>com.github.pemistahl</groupId><artifactId>lingua</artifactId><version>1.2.2</version></dependency>
<dependency><groupId>com.optimaize.languagedetector</groupId><artifactId>language-detector</artifactId><version>0.6</version></dependency>
<dependency><groupId>org.apache.opennlp</groupId><artifactId>opennlp-tools</artifactId><version>2.5.4</version></dependency>
<dependency><groupId>org.apache.opennlp</groupId><artifactId>opennlp-models-langdetect</artifactId><version>1.2.0</version></dependency>
</dependencies></project>
POM
./mvnw -B -q -f "$work/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
./mvnw -o -B -q -pl core compile
java -Xmx6g -cp "core/target/classes:$(cat "$work/cp.txt")" training/langid/CompareDetectors.java \
    ../shared/data "${1:-val}" "${@:2}"
