#!/usr/bin/env bash
# Side-by-side benchmark: the whole `offstats run` process against DuckDB computing the same force
# tables from the same CSV files into Parquet (issue #6). Runs alternate; prints medians, the
# ratio and peak resident memory. Results go in BENCHMARKS.md.
#
#   bench/compare.sh [--rows N | --input DIR] [--repeats K] [--heap SIZE]
#   bench/compare.sh --scaling            # 1M, 2M and 4M arrests, one repeat each
#
# Needs: the built jar (mvn -q -B -DskipTests package), /usr/bin/time (apt-get install time),
# and network access to Maven Central the first time (to fetch org.duckdb:duckdb_jdbc).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=2000000 input="" repeats=3 heap=1536m scaling=false
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --input) input="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --scaling) scaling=true; shift ;;
    *) echo "usage: $0 [--rows N | --input DIR] [--repeats K] [--heap SIZE] [--scaling]" >&2; exit 2 ;;
  esac
done

jar=pipeline/target/offstats.jar
[ -f "$jar" ] || mvn -q -B -DskipTests package
duckdb_version=$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' pom.xml)
duckdb_jar="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duckdb_version/duckdb_jdbc-$duckdb_version.jar"
[ -f "$duckdb_jar" ] || mvn -q -B dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$duckdb_version"
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d /tmp/offstats-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# resident memory (KB) of process $1 and all its descendants, summed; read from /proc without
# starting a process, so that sampling costs the measured command next to nothing
tree_rss() {
  local total=0 pid key value rest children more
  local -a queue=("$1")
  while ((${#queue[@]})); do
    pid=${queue[0]}; queue=("${queue[@]:1}")
    while read -r key value rest; do
      [[ $key == VmRSS: ]] && total=$((total + value))
    done 2>/dev/null < "/proc/$pid/status"
    for children in /proc/"$pid"/task/*/children; do
      more=()
      read -r -a more < "$children" # no line end after the last child: read says so, having read them
      queue+=("${more[@]}")
    done 2>/dev/null
  done
  echo "$total"
}

# prints "wall_seconds peak_rss_kb" of a command. offstats run is two JVMs (the launcher and the
# run's batch JVM, README "Speed"), and /usr/bin/time's peak is the larger one's alone: the peak
# here is the larger of that and the sum over the process tree, sampled every 0.2 s
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out.log" 2>&1 &
  local pid=$! peak=0 now
  while kill -0 "$pid" 2>/dev/null; do
    now=$(tree_rss "$pid"); ((now > peak)) && peak=$now
    sleep 0.2
  done
  wait "$pid" || { cat "$work/out.log" >&2; exit 1; }
  read -r t m < "$work/time"
  echo "$t $((m > peak ? m : peak))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

bench_one() {
  local in="$1" k="$2" of=() dk=() om=() dm=()
  for i in $(seq 1 "$k"); do
    rm -rf "$work/run" "$work/duck"
    read -r t m < <(measure java -Xmx"$heap" -jar "$jar" run --input "$in" --output "$work/run" --max-reject-rate 1)
    of+=("$t"); om+=("$m")
    read -r t m < <(measure java -cp "$duckdb_jar" bench/RunSql.java bench/duckdb-tables.sql "$in" "$work/duck")
    dk+=("$t"); dm+=("$m")
  done
  local o d
  o=$(printf '%s\n' "${of[@]}" | median); d=$(printf '%s\n' "${dk[@]}" | median)
  printf '%-28s offstats %8.2f s (peak %6d MB)   duckdb %7.2f s (peak %5d MB)   ratio %5.2f\n' \
    "$(basename "$in") x$k" "$o" "$(( $(printf '%s\n' "${om[@]}" | sort -n | tail -1) / 1024 ))" \
    "$d" "$(( $(printf '%s\n' "${dm[@]}" | sort -n | tail -1) / 1024 ))" "$(echo "$o / $d" | bc -l)"
}

generate() {
  local n="$1" dir="$work/input-$1"
  java -jar "$jar" generate --output "$dir" --rows "$n" --seed 1 >/dev/null 2>&1
  echo "$dir"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); offstats $(java -jar "$jar" --version)"
if $scaling; then
  for n in 1000000 2000000 4000000; do bench_one "$(generate "$n")" 1; rm -rf "$work/input-$n"; done
elif [ -n "$input" ]; then
  bench_one "$input" "$repeats"
else
  bench_one "$(generate "$rows")" "$repeats"
fi
