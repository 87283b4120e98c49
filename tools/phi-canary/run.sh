#!/usr/bin/env bash
# One PHI canary round against a fresh embedded database: start the built jar in RUN_DIR (its own ./data and
# java.io.tmpdir), put canaries in through every entry path (canary.py), compare reads with audit rows
# (audit_check.py), stop the service, dump the H2 database (SCRIPT) and search everything for canaries (scan.py).
#   tools/phi-canary/run.sh RUN_DIR [PORT] [ROUNDS]        (from the clone, after mvn -DskipTests package)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; clone="$(cd "$here/../.." && pwd)"
run=${1:?usage: run.sh RUN_DIR [PORT] [ROUNDS]}; port=${2:-18076}; rounds=${3:-3}
mkdir -p "$run/tmp"; cd "$run"
[ -e data ] && { echo "run.sh: $run/data exists; give a new folder" >&2; exit 2; }
java @"$clone/tools/launch/jvm.options" -Djava.io.tmpdir="$PWD/tmp" -jar "$clone/target/authpack-0.1.0-SNAPSHOT.jar" \
  --server.port="$port" --authpack.templates.dir="$clone/templates" --logging.level.dev.authpack=DEBUG \
  > service.out 2> service.err &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break; sleep 3; done
python3 "$here/canary.py" "http://localhost:$port" out "$rounds"
find tmp -type f > tmp-files-while-running.txt
python3 "$here/audit_check.py" "http://localhost:$port" out > audit-check.txt
kill $pid; wait $pid || true; trap - EXIT
find tmp -type f > tmp-files-after-stop.txt
h2=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort -V | tail -1)
java -cp "$h2" org.h2.tools.Script -url "jdbc:h2:file:./data/authpack" -user authpack -script db.sql
python3 "$here/scan.py" . > hits.tsv
echo "hits by place:"; cut -f2 hits.tsv | sort | uniq -c | sort -rn
tail -3 audit-check.txt
