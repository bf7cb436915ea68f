#!/usr/bin/env bash
# Roundtable's benchmark. Seeds databases of realistic shape, runs the real jar with -Xmx256m and the spam
# limits off, loads it with wrk from a separate process on loopback, and prints one table.
#   SIZES="1000 100000 1000000"  comment counts to test (default: all three)
#   DURATION=10s                 how long each wrk run lasts
#   WARMUP=3s                    how long the same load runs, unmeasured, before each measured run
#   CHECKS=1                     also measure posting with the flood and duplicate checks running (set 0 to skip)
#   STEADY=30s                   the longer warm-up before the first run of a code path that is measured for what
#                                it costs once compiled (POSTs, pages with the cache off): the JIT needs that long
#                                on two busy cores
#   POSTGRES=1                   also run each size on PostgreSQL (the tests' embedded server, fsync and
#                                synchronous_commit on), with one instance and with two; set 0 to skip
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 100000 1000000"}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
STEADY=${STEADY:-30s}
PORT=${PORT:-18080}
NGINX_PORT=$((PORT + 1))
ARTICLE=/articles/iran-pakistan-strategic-alliance

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
install() {
  command -v "$1" >/dev/null 2>&1 && return 0
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1; } \
    || return 1
}
install wrk wrk || { echo "wrk is required (apt-get install wrk)"; exit 1; }
install sqlite3 sqlite3 || { echo "sqlite3 is required (apt-get install sqlite3)"; exit 1; }
install nginx nginx-light || echo "nginx not available: the nginx ceiling is skipped"

mvn -q -B -DskipTests package test-compile
WORK=$(mktemp -d)
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/test-classpath.txt" >/dev/null
chmod 755 "$WORK"  # nginx's workers run as another user and must read the static copy
trap 'stop_server; stop_second; if [ -n "${NGINX_PID:-}" ]; then kill "$NGINX_PID" 2>/dev/null || true; fi;
      if [ -n "${PG_PID:-}" ]; then kill "$PG_PID" 2>/dev/null || true; wait "$PG_PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
CLASSPATH="target/roundtable.jar:target/test-classes"
TEST_CLASSPATH="target/test-classes:$(cat "$WORK/test-classpath.txt")"

# The container starts the jar with a class-data-sharing archive; the benchmark measures both ways.
bin/cds-archive.sh target/roundtable.jar "$WORK/roundtable.jsa"

SERVER_PID=""
# Every load comes from 127.0.0.1, so the per-address limits are off too: the benchmark measures what the server
# can do, not one address's share of it (AttackIT measures that).
PER_ADDRESS_OFF="SEARCH_MAX_PER_ADDRESS=0 PREVIEW_MAX_PER_ADDRESS=0 RENDER_MAX_PER_ADDRESS=0 HELPFUL_MARKS_PER_ADDRESS=0
                 REPORT_MAX_PER_HOUR=0 REPORT_ADDRESS_MAX_PER_HOUR=0"
LIMITS_OFF="FLOOD_MIN_INTERVAL_SECONDS=0 FLOOD_MAX_PER_HOUR=0 FLOOD_ADDRESS_MAX_PER_HOUR=0 DUPLICATE_WINDOW_SECONDS=0
            HELPFUL_MAX_PER_HOUR=0 HELPFUL_ADDRESS_MAX_PER_HOUR=0 $PER_ADDRESS_OFF"
# Every check runs, with ceilings no benchmark reaches: 0 would skip them.
LIMITS_GENEROUS="FLOOD_MIN_INTERVAL_SECONDS=0 FLOOD_MAX_PER_HOUR=10000000 FLOOD_ADDRESS_MAX_PER_HOUR=10000000 DUPLICATE_WINDOW_SECONDS=600
                 HELPFUL_MAX_PER_HOUR=0 HELPFUL_ADDRESS_MAX_PER_HOUR=0 $PER_ADDRESS_OFF"
LIMITS=$LIMITS_OFF
database_url() { case $1 in jdbc:*) echo "$1" ;; *) echo "jdbc:sqlite:$1" ;; esac; }
launch() { # $1 port, $2 database (SQLite file or JDBC URL), $3 render cache on/off, then extra JVM options
  local port=$1 database=$2 cache=$3; shift 3
  # shellcheck disable=SC2086
  env DATABASE_URL="$(database_url "$database")" PORT="$port" RENDER_CACHE="$cache" SPAM_MIN_FILL_SECONDS=0 $LIMITS \
      java -Xmx256m "$@" -jar target/roundtable.jar >"$WORK/server-$port.log" 2>&1 &
  LAUNCHED_PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$ARTICLE" 2>/dev/null | grep -q 200; do sleep 0.02; done
}
start_server() { # $1 database, $2 render cache on/off, then extra JVM options; sets STARTUP_MS
  local begin; begin=$(date +%s%N)
  launch "$PORT" "$@"
  SERVER_PID=$LAUNCHED_PID
  STARTUP_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
}
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
SECOND_PORT=$((PORT + 2))
SECOND_PID=""
start_second() { launch "$SECOND_PORT" "$@"; SECOND_PID=$LAUNCHED_PID; }
stop_second() {
  if [ -n "$SECOND_PID" ]; then kill "$SECOND_PID" 2>/dev/null || true; wait "$SECOND_PID" 2>/dev/null || true; fi
  SECOND_PID=""
}
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }

ROWS=()
measure() { # $1 label, $2 size, then wrk arguments; appends a table row after a warm-up under the same load
  local label=$1 size=$2; shift 2
  local warm; warm=$(BENCH_RUN=warm wrk -d "${MEASURE_WARMUP:-$WARMUP}" "$@")
  LAST_WARM_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$warm")
  local out; out=$(BENCH_RUN=run wrk --latency -d "$DURATION" "$@")
  # Requests answered in both runs, to compare with what the database holds afterwards.
  LAST_ANSWERED=$(awk '/requests in/ {n += $1} END {print n}' <<<"$warm"$'\n'"$out")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out"); errors=${errors:-0}
  ROWS+=("| $size | $label | $rps | $p50 | $p99 | $errors |")
  LAST_RPS=$rps
}

# Runs the same load on both instances at once and sums what they answered; the two wrk share the machine's cores
# with the two instances and PostgreSQL.
pair() { # $1 label, $2 size, $3 path, then wrk options (a POST script posts to its own POST_PATH)
  local label=$1 size=$2 path=$3; shift 3
  BODY_TAG=pair-a BENCH_RUN=warm wrk -d "${MEASURE_WARMUP:-$WARMUP}" "$@" "http://127.0.0.1:$PORT$path" >/dev/null & local first=$!
  BODY_TAG=pair-b BENCH_RUN=warm wrk -d "${MEASURE_WARMUP:-$WARMUP}" "$@" "http://127.0.0.1:$SECOND_PORT$path" >/dev/null
  wait "$first"
  BODY_TAG=pair-a BENCH_RUN=run wrk --latency -d "$DURATION" "$@" "http://127.0.0.1:$PORT$path" >"$WORK/pair-a.txt" & first=$!
  BODY_TAG=pair-b BENCH_RUN=run wrk --latency -d "$DURATION" "$@" "http://127.0.0.1:$SECOND_PORT$path" >"$WORK/pair-b.txt"
  wait "$first"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {sum += $2} END {printf "%.2f", sum}' "$WORK/pair-a.txt" "$WORK/pair-b.txt")
  p50=$(awk '$1 == "50%" {printf "%s%s", sep, $2; sep=" / "}' "$WORK/pair-a.txt" "$WORK/pair-b.txt")
  p99=$(awk '$1 == "99%" {printf "%s%s", sep, $2; sep=" / "}' "$WORK/pair-a.txt" "$WORK/pair-b.txt")
  errors=$(awk '/Non-2xx or 3xx/ {sum += $5} END {print sum + 0}' "$WORK/pair-a.txt" "$WORK/pair-b.txt")
  ROWS+=("| $size | $label | $rps | $p50 | $p99 | $errors |")
}

# The first form token on the article. Its other forms carry one too: the pipeline reads the whole page (awk exits
# only at its end), so no stage is cut off early (SIGPIPE would fail the script under pipefail).
form_token() {
  curl -s "http://127.0.0.1:$PORT$ARTICLE" | grep -o 'name="form_token" value="[^"]*"' \
      | awk 'NR == 1 {sub(/.*value="/, ""); sub(/"$/, ""); token = $0} END {print token}'
}
# Readers of the cached article while others mark comments helpful at a fixed pace (bench/helpful.lua, four
# connections, about 50 marks a second; the rate sent is printed): marks make the article's pages stale at most
# once every two seconds.
with_marks() { # $1 label, $2 size; compares with CACHED_RPS, the same page read alone
  local seconds=$(( ${DURATION%s} + ${WARMUP%s} + 1 ))
  FORM_TOKEN=$(form_token) ARTICLE=$ARTICLE wrk -t1 -c4 -d "${seconds}s" -s bench/helpful.lua "$URL" >"$WORK/marks.txt" &
  local marks=$!
  measure "$1" "$2" -t2 -c64 "$URL$ARTICLE"
  wait "$marks"
  local sent; sent=$(awk '/Requests\/sec/ {print $2}' "$WORK/marks.txt")
  ROWS+=("| $2 | ...the same, as a share of the article read alone ($sent marks/s sent) | $(awk -v a="$LAST_RPS" -v b="$CACHED_RPS" 'BEGIN {printf "%.0f%%", 100 * a / b}') | | | |")
  # The control: the same pace of requests that write nothing (/health), to tell the marks' cost from the cost of
  # any paced side traffic on a machine the readers' load already fills.
  wrk -t1 -c4 -d "${seconds}s" -s bench/paced.lua "$URL/health" >"$WORK/paced.txt" &
  local paced=$!
  measure "...control: the same page while another client asks for /health at the same pace" "$2" -t2 -c64 "$URL$ARTICLE"
  wait "$paced"
  ROWS+=("| $2 | ...the control as a share of the article read alone | $(awk -v a="$LAST_RPS" -v b="$CACHED_RPS" 'BEGIN {printf "%.0f%%", 100 * a / b}') | | | |")
}
# Search, one connection at a time (searches are never cached): a word in one comment in a thousand, a word in
# nearly all, two such words, and a Persian word in nearly all.
searches() { # $1 label prefix, $2 size
  measure "$1search, a rare word, one connection" "$2" -t1 -c1 "$URL$ARTICLE/search?q=zanzibar"
  measure "$1search, a word in most comments, one connection" "$2" -t1 -c1 "$URL$ARTICLE/search?q=gwadar"
  measure "$1search, two words in most comments, one connection" "$2" -t1 -c1 "$URL$ARTICLE/search?q=gwadar+chabahar"
  measure "$1search, a Persian word in most comments, one connection" "$2" -t1 -c1 \
      "$URL$ARTICLE/search?q=%D8%A7%DB%8C%D8%B1%D8%A7%D9%86"
}
p50_ms() { awk -v t="$1" 'BEGIN { if (t ~ /us$/) print t / 1000; else if (t ~ /ms$/) print t + 0; else print t * 1000 }'; }

declare -A PG_URLS
if [ "${POSTGRES:-1}" = 1 ]; then
  mkfifo "$WORK/postgres.in"
  # shellcheck disable=SC2046
  java -Xmx256m -cp "$TEST_CLASSPATH" org.roundtable.bench.Postgres $(for s in $SIZES; do echo "bench_$s"; done) \
      <"$WORK/postgres.in" >"$WORK/postgres.urls" 2>"$WORK/postgres.log" & PG_PID=$!
  exec 3>"$WORK/postgres.in"  # held open: the server runs until the script exits
  until [ "$(wc -l <"$WORK/postgres.urls")" -ge "$(wc -w <<<"$SIZES")" ]; do sleep 0.2; done
  i=0; for s in $SIZES; do i=$((i + 1)); PG_URLS[$s]=$(sed -n "${i}p" "$WORK/postgres.urls"); done
fi

for SIZE in $SIZES; do
  DB="$WORK/bench-$SIZE.db"
  echo "Seeding $SIZE comments..." >&2
  java -Xmx1g -cp "$CLASSPATH" org.roundtable.bench.Seed "$DB" "$SIZE" >&2

  start_server "$DB" true -XX:SharedArchiveFile="$WORK/roundtable.jsa"
  STARTUP_CDS=$STARTUP_MS
  stop_server
  start_server "$DB" true
  STARTUP=$STARTUP_MS
  URL="http://127.0.0.1:$PORT"
  measure "article page, cached" "$SIZE" -t2 -c64 "$URL$ARTICLE"
  CACHED_RPS=$LAST_RPS
  if [ -n "${NGINX_PID:-}" ] || command -v nginx >/dev/null 2>&1; then
    if [ -z "${NGINX_PID:-}" ]; then
      mkdir -p "$WORK/www" "$WORK/nginx"
      cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; } }
CONF
      nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & NGINX_PID=$!
      sleep 0.5
    fi
    curl -s "$URL$ARTICLE" >"$WORK/www/article.html"
    measure "nginx, same bytes as a static file" "$SIZE" -t2 -c64 "http://127.0.0.1:$NGINX_PORT/article.html"
    ROWS+=("| $SIZE | cached page as a share of nginx | $(awk -v a="$CACHED_RPS" -v b="$LAST_RPS" 'BEGIN {printf "%.0f%%", 100 * a / b}') | | | |")
  fi
  measure "comparison of the proposals, cached" "$SIZE" -t2 -c64 "$URL$ARTICLE/compare"
  if [ -n "${NGINX_PID:-}" ]; then
    COMPARE_RPS=$LAST_RPS
    curl -s "$URL$ARTICLE/compare" >"$WORK/www/compare.html"
    measure "nginx, the comparison's bytes as a static file" "$SIZE" -t2 -c64 "http://127.0.0.1:$NGINX_PORT/compare.html"
    ROWS+=("| $SIZE | cached comparison as a share of nginx | $(awk -v a="$COMPARE_RPS" -v b="$LAST_RPS" 'BEGIN {printf "%.0f%%", 100 * a / b}') | | | |")
  fi

  GENERAL=$(sqlite3 "$DB" "SELECT id FROM discussions WHERE discussion_key = 'general'")
  ROOTS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM comments WHERE discussion_id = $GENERAL AND parent_id IS NULL")
  # 80% of the way in, but with a full page (20 threads) after it, so every size measures the same amount of page.
  DEEP=$(( ROOTS * 4 / 5 < ROOTS - 21 ? ROOTS * 4 / 5 : ROOTS - 21 ))
  CURSOR=$(sqlite3 "$DB" "SELECT created_at || '.' || id FROM comments WHERE discussion_id = $GENERAL AND parent_id IS NULL
                          ORDER BY created_at, id LIMIT 1 OFFSET $(( DEEP > 0 ? DEEP : 0 ))")
  # As the page links write it: the page's number, then where it starts.
  DEEP_PAGE="$ARTICLE/discussions/general?sort=oldest&page=$(( DEEP / 20 + 2 ))&after=$CURSOR"
  measure "discussion page 80% deep, cached" "$SIZE" -t2 -c64 "$URL$DEEP_PAGE"
  with_marks "article page, cached, while readers mark 50 comments a second helpful" "$SIZE"

  TOKEN=$(form_token)
  BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM comments")
  FORM_TOKEN=$TOKEN POST_PATH="$ARTICLE/comments" MEASURE_WARMUP=$STEADY \
      measure "comment POSTs, 32 posters" "$SIZE" -t2 -c32 -s bench/post.lua "$URL"
  ROWS+=("| $SIZE | comment POSTs during the $STEADY warm-up before it, JIT still compiling | $LAST_WARM_RPS | | | |")
  POSTED=$LAST_ANSWERED
  AFTER=$(sqlite3 "$DB" "SELECT COUNT(*) FROM comments")
  DUPLICATES=$(sqlite3 "$DB" "SELECT COUNT(*) - COUNT(DISTINCT body) FROM comments WHERE body LIKE 'benchmark comment %'")
  ROWS+=("| $SIZE | POSTs answered (warm-up and run): $POSTED; comments stored: $((AFTER - BEFORE)); duplicates: $DUPLICATES | | | | |")
  RSS=$(peak_rss_mb)
  stop_server

  start_server "$DB" false
  MEASURE_WARMUP=$STEADY measure "article page, cache off" "$SIZE" -t2 -c64 "$URL$ARTICLE"
  # Under 64 connections p50 is mostly waiting in line; one connection at a time shows what one page costs.
  measure "article page, cache off, one connection" "$SIZE" -t1 -c1 "$URL$ARTICLE"
  SQLITE_UNCACHED_P50=$(cut -d'|' -f5 <<<"${ROWS[-1]}" | tr -d ' ')
  measure "article page, cache off, one connection, gzip" "$SIZE" -t1 -c1 -H "Accept-Encoding: gzip" "$URL$ARTICLE"
  measure "discussion page 80% deep, cache off" "$SIZE" -t2 -c64 "$URL$DEEP_PAGE"
  measure "discussion page 80% deep, cache off, one connection" "$SIZE" -t1 -c1 \
      "$URL$DEEP_PAGE"
  searches "" "$SIZE"
  RSS=$(( $(peak_rss_mb) > RSS ? $(peak_rss_mb) : RSS ))
  stop_server
  ROWS+=("| $SIZE | start-up to first 200: ${STARTUP} ms (${STARTUP_CDS} ms with the CDS archive, as in the container); peak RSS: ${RSS} MB (-Xmx256m) | | | | |")

  if [ "${POSTGRES:-1}" = 1 ]; then
    PG_URL=${PG_URLS[$SIZE]}
    echo "Moving $SIZE comments to PostgreSQL..." >&2
    begin=$(date +%s%N)
    DATABASE_URL="jdbc:sqlite:$DB" java -Xmx256m -jar target/roundtable.jar export "$WORK/bench-$SIZE.json" >&2
    exported=$(date +%s%N)
    DATABASE_URL="$PG_URL" java -Xmx256m -jar target/roundtable.jar import "$WORK/bench-$SIZE.json" >&2
    imported=$(date +%s%N)
    ROWS+=("| $SIZE | postgresql: moved with export (SQLite, $(( (exported - begin) / 1000000 )) ms) and import ($(( (imported - exported) / 1000000 )) ms), -Xmx256m, $(du -h "$WORK/bench-$SIZE.json" | cut -f1) of JSON | | | | |")
    rm -f "$WORK/bench-$SIZE.json"

    start_server "$PG_URL" true
    measure "postgresql: article page, cached" "$SIZE" -t2 -c64 "$URL$ARTICLE"
    CACHED_RPS=$LAST_RPS
    measure "postgresql: discussion page 80% deep, cached" "$SIZE" -t2 -c64 "$URL$DEEP_PAGE"
    with_marks "postgresql: article page, cached, while readers mark 50 comments a second helpful" "$SIZE"
    FORM_TOKEN=$(form_token) POST_PATH="$ARTICLE/comments" MEASURE_WARMUP=$STEADY \
        measure "postgresql: comment POSTs, 32 posters" "$SIZE" -t2 -c32 -s bench/post.lua "$URL"
    stop_server

    start_server "$PG_URL" false
    MEASURE_WARMUP=$STEADY measure "postgresql: article page, cache off" "$SIZE" -t2 -c64 "$URL$ARTICLE"
    measure "postgresql: article page, cache off, one connection" "$SIZE" -t1 -c1 "$URL$ARTICLE"
    PG_UNCACHED_P50=$(cut -d'|' -f5 <<<"${ROWS[-1]}" | tr -d ' ')
    ROWS+=("| $SIZE | postgresql: uncached article p50 as a multiple of SQLite's | $(awk -v a="$(p50_ms "$PG_UNCACHED_P50")" -v b="$(p50_ms "$SQLITE_UNCACHED_P50")" 'BEGIN {printf "%.2f×", a / b}') | | | |")
    measure "postgresql: discussion page 80% deep, cache off, one connection" "$SIZE" -t1 -c1 "$URL$DEEP_PAGE"
    searches "postgresql: " "$SIZE"
    stop_server

    start_server "$PG_URL" true
    start_second "$PG_URL" true
    pair "postgresql, two instances: article page, cached, 32 connections each" "$SIZE" "$ARTICLE" -t1 -c32
    FORM_TOKEN=$(form_token) POST_PATH="$ARTICLE/comments" MEASURE_WARMUP=$STEADY \
        pair "postgresql, two instances: comment POSTs, 16 posters each" "$SIZE" "" -t1 -c16 -s bench/post.lua
    stop_second
    stop_server
  fi
done

if [ "${CHECKS:-1}" = 1 ]; then
  # Posting with every check running: first-time posters, 32 browsers behind one address, and the same 32
  # browsers once each has 10,000 earlier comments from that address. Per-post cost must not grow with history.
  AUTHORS=32; EARLIER=10000
  DB="$WORK/bench-checks.db"
  echo "Seeding $((AUTHORS * EARLIER + 1000)) comments for the posting checks..." >&2
  java -Xmx1g -cp "$CLASSPATH" org.roundtable.bench.Seed "$DB" $((AUTHORS * EARLIER + 1000)) >&2
  LIMITS=$LIMITS_GENEROUS start_server "$DB" true
  URL="http://127.0.0.1:$PORT"
  TOKEN=$(form_token)
  # Every row posts words of its own: the duplicate check is on.
  BODY_TAG=first FORM_TOKEN=$TOKEN POST_PATH="$ARTICLE/comments" MEASURE_WARMUP=$STEADY \
      measure "comment POSTs, checks on, 32 first-time posters (no cookie)" "checks" -t2 -c32 -s bench/post.lua "$URL"
  COOKIES=""
  for i in $(seq 1 $AUTHORS); do
    COOKIE=$(curl -s -o /dev/null -D - -X POST -H "Content-Type: application/x-www-form-urlencoded" -H "Origin: $URL" \
        --data "discussion=general&form_token=$TOKEN&body=browser+$i+says+hello" "$URL$ARTICLE/comments" \
        | grep -o 'rt_author=[^;]*' | head -1)
    COOKIES="$COOKIES${COOKIES:+,}$COOKIE"
  done
  BODY_TAG=browsers COOKIES=$COOKIES FORM_TOKEN=$TOKEN POST_PATH="$ARTICLE/comments" \
      measure "comment POSTs, checks on, 32 browsers behind one address" "checks" -t2 -c32 -s bench/post.lua "$URL"
  # Each browser takes 10,000 of the seeded comments as its own, from the same address.
  sqlite3 "$DB" "PRAGMA busy_timeout = 30000;
    CREATE TEMP TABLE browsers AS SELECT author_id, ip_hash, ROW_NUMBER() OVER (ORDER BY author_id) - 1 AS n
                                    FROM comments WHERE body LIKE 'browser % says hello';
    CREATE INDEX temp.browsers_by_n ON browsers (n);
    UPDATE comments SET author_id = (SELECT author_id FROM browsers WHERE n = comments.id % $AUTHORS),
                        ip_hash = (SELECT ip_hash FROM browsers WHERE n = comments.id % $AUTHORS)
     WHERE author_id IS NULL AND id <= $((AUTHORS * EARLIER));"
  BODY_TAG=returning COOKIES=$COOKIES FORM_TOKEN=$TOKEN POST_PATH="$ARTICLE/comments" \
      measure "comment POSTs, checks on, 32 returning authors with $EARLIER earlier comments each" "checks" -t2 -c32 -s bench/post.lua "$URL"
  stop_server
fi

echo
echo "| comments | what | requests/s | p50 | p99 | non-2xx/3xx |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
