#!/usr/bin/env bash
# Prepares a built Authpack jar for a fast start (docs/deploy.md, "Starting the service"): unpacks it (classes
# load from plain jars, not from jars nested in a jar) and makes a class-data-sharing archive, so the
# JVM maps ~18,000 classes already parsed and verified instead of reading them at every start.
#
#   tools/launch/prepare.sh target/authpack-0.1.0-SNAPSHOT.jar /srv/authpack/app
#   java @tools/launch/jvm.options -XX:SharedArchiveFile=/srv/authpack/app/authpack.jsa \
#        -jar /srv/authpack/app/authpack-0.1.0-SNAPSHOT.jar
#
# Run it again after every upgrade of the jar or of the JDK: an archive made by another JDK or for
# other jars is ignored (the service still starts, only slower). Start the jar by the absolute path the
# script prints: the archive records it. It needs the templates folder
# (AUTHPACK_TEMPLATES_DIR, default ./templates) and starts the service once, on an in-memory
# database and a random port, without demo data; nothing is written anywhere else. TARGET_DIR is
# emptied first: it must be new, empty, or an earlier output of this script (marker file
# .authpack-prepared); any other folder is refused. Start the jar with the jvm.options the archive
# was made with (ship tools/launch/jvm.options with it).
set -euo pipefail
jar=${1:?usage: prepare.sh AUTHPACK_JAR TARGET_DIR}
dir=${2:?usage: prepare.sh AUTHPACK_JAR TARGET_DIR}
# the JVM that will run the service (an archive fits only the JDK that made it)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the service's own flags (one file for all who start it), so the archive fits the JVM that maps it
options="$(cd "$(dirname "$0")" && pwd)/jvm.options"

# The folder is emptied first, so refuse any folder this script did not make (no marker file): pointed
# at /srv/authpack by mistake it would otherwise delete the templates and everything else there.
marker=.authpack-prepared
if [ -e "$dir" ] && [ ! -d "$dir" ]; then
  echo "prepare.sh: $dir exists and is not a folder; give a new or empty folder" >&2; exit 2
fi
if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] && [ ! -f "$dir/$marker" ]; then
  echo "prepare.sh: refusing to empty $dir: it is not empty and was not made by prepare.sh (no $marker)." >&2
  echo "Give a new or empty folder of its own, e.g. /srv/authpack/app." >&2
  exit 2
fi
rm -rf "$dir"
mkdir -p "$dir"
echo "made by tools/launch/prepare.sh; emptied and refilled by its next run" > "$dir/$marker"
# the archive records the jar's path and is refused from any other: make it absolute
dir=$(cd "$dir" && pwd)
# --force: the folder holds the marker only (extract refuses any non-empty folder otherwise)
"$java" -Djarmode=tools -jar "$jar" extract --force --destination "$dir"
app="$dir/$(basename "$jar")"

# 1. a training start that stops once the application context is refreshed, listing the classes
# in an environment of its own, so a production profile, database or Flyway user set in this shell's
# environment cannot send it to a real database
env -i PATH="$PATH" HOME="${HOME:-/tmp}" AUTHPACK_TEMPLATES_DIR="${AUTHPACK_TEMPLATES_DIR:-templates}" \
  "$java" @"$options" -XX:DumpLoadedClassList="$dir/classes.lst" -Dspring.context.exit=onRefresh \
  -jar "$app" --server.port=0 --authpack.demo.enabled=false --authpack.generation.warm-up-packets=0 \
  --spring.datasource.url="jdbc:h2:mem:prepare;DB_CLOSE_DELAY=-1" > "$dir/training.log" 2>&1 \
  || { echo "training start failed; see $dir/training.log" >&2; exit 1; }

# 2. a static archive of those classes. JDK 17 crashes archiving this application's lambda proxy
# classes (JDK-8274944's family), so those lines are left out; every loaded class is still archived.
grep -v '^@lambda-proxy' "$dir/classes.lst" > "$dir/classes-archivable.lst"
"$java" @"$options" -Xshare:dump -XX:SharedClassListFile="$dir/classes-archivable.lst" \
  -XX:SharedArchiveFile="$dir/authpack.jsa" -jar "$app" > "$dir/dump.log" 2>&1 \
  || { echo "archive dump failed; see $dir/dump.log" >&2; exit 1; }
echo "ready: $java @$options -XX:SharedArchiveFile=$dir/authpack.jsa -jar $app"
