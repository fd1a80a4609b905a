#!/usr/bin/env bash
# Runs `offstats run` on a running Apache Flink 1.19 session cluster: this machine builds the job
# and submits it, with offstats.jar as the job's code, to the cluster's REST endpoint; the cluster's
# task managers read the inputs and write the run folder; this machine then writes the manifest
# and renames the run folder into place. See README.md, "Running at scale".
#
#   scripts/flink-submit.sh HOST:PORT --input DIR --output DIR [--as-at DATE] [--parallelism=N] [other run options]
#
# HOST:PORT is the JobManager's REST address (rest.address / rest.port, 8081 by default). The
# input folder, the output's parent folder and (with --figures) the figures file must be on a
# filesystem that this machine and every task manager mount at the same path.
#
# Environment: OFFSTATS_JAR (default: pipeline/target/offstats.jar beside this script; build it
# with `mvn -q -B -DskipTests package`), JAVA_OPTS (options for this client JVM, e.g. -Xmx2g).
set -euo pipefail

usage() {
  echo "usage: $0 HOST:PORT --input DIR --output DIR [--as-at DATE] [--parallelism=N] [offstats run options]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
master="$1"
shift
case "$master" in
  -h | --help) usage ;;
  http://* | https://*) master="${master#*://}" ;;
esac
[[ "$master" =~ ^[^:/]+:[0-9]+$ ]] || { echo "$0: $master: expected the JobManager's REST address as HOST:PORT" >&2; exit 2; }
for arg in "$@"; do
  case "$arg" in
    --runner* | --flinkMaster* | --filesToStage*) echo "$0: $arg: this script sets it" >&2; exit 2 ;;
  esac
done

jar="${OFFSTATS_JAR:-$(cd "$(dirname "$0")/.." && pwd)/pipeline/target/offstats.jar}"
[ -f "$jar" ] || { echo "$0: $jar not found: build it with mvn -q -B -DskipTests package, or set OFFSTATS_JAR" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

# offstats.jar carries Beam's Flink 1.19 runner: another Flink minor version fails on submission
# or, worse, part-way through the job.
if command -v curl >/dev/null 2>&1; then
  config="$(curl -fsS --max-time 10 "http://$master/config")" || {
    echo "$0: no Flink REST endpoint answers at http://$master/config" >&2
    exit 2
  }
  version="$(printf '%s' "$config" | sed -n 's/.*"flink-version" *: *"\([^"]*\)".*/\1/p')"
  case "$version" in
    1.19.*) ;;
    *) echo "$0: the cluster runs Flink ${version:-of an unknown version}; offstats.jar needs Flink 1.19" >&2; exit 2 ;;
  esac
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:-} -jar "$jar" run "$@" --runner=FlinkRunner --flinkMaster="$master" --filesToStage="$jar"
