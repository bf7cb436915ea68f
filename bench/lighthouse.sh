#!/usr/bin/env bash
# Lighthouse on the article page of a forum with about 150 comments in every discussion: seeds a database the way
# bench/run.sh does (900 comments over the article's six discussions), starts the real jar, runs Lighthouse 12.2.3
# (from npm, mobile preset, Debian's Chromium headless) three times, and prints each run and the medians.
# The JSON reports are kept in bench/results/lighthouse-<time>/ (git-ignored).
#   RUNS=3            how many Lighthouse runs (the median is the middle one of each column)
#   COMMENTS=900      comments seeded over the six discussions
#   PAGE=/articles/…  the page to measure (default: the article)
#   PORT=18090        where the jar listens
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
COMMENTS=${COMMENTS:-900}
PORT=${PORT:-18090}
PAGE=${PAGE:-/articles/iran-pakistan-strategic-alliance}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "Chromium is required at $CHROME_PATH (apt-get install chromium)"; exit 1; }
command -v npx >/dev/null 2>&1 || { echo "npx is required (apt-get install npm)"; exit 1; }

mvn -q -B -DskipTests package test-compile
WORK=$(mktemp -d)
RESULTS="bench/results/lighthouse-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RESULTS"
SERVER_PID=""
trap 'if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi;
      rm -rf "$WORK"' EXIT

echo "Seeding $COMMENTS comments..." >&2
java -Xmx1g -cp target/roundtable.jar:target/test-classes org.roundtable.bench.Seed "$WORK/lighthouse.db" "$COMMENTS" >&2
DATABASE_URL="jdbc:sqlite:$WORK/lighthouse.db" PORT="$PORT" java -Xmx256m -jar target/roundtable.jar \
    >"$RESULTS/server.log" 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT$PAGE"
until curl -s -o /dev/null -w '%{http_code}' "$URL" 2>/dev/null | grep -q 200; do sleep 0.1; done
# Once before measuring, so the first run does not pay for the JIT's first pass over the page.
curl -s -o /dev/null "$URL"

for run in $(seq 1 "$RUNS"); do
  echo "Lighthouse run $run of $RUNS..." >&2
  npx --yes lighthouse@12.2.3 "$URL" --quiet --output=json --output-path="$RESULTS/run-$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run" >&2
done

# One row per run and the median of each column; the longest main-thread task says which script to look at.
node - "$RESULTS"/run-*.json <<'JS'
const fs = require('fs');
const rows = process.argv.slice(2).map(file => {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const score = key => Math.round(report.categories[key].score * 100);
  const longTasks = (report.audits['long-tasks'].details || { items: [] }).items;
  const longest = longTasks.reduce((a, b) => (b.duration > a.duration ? b : a), { duration: 0, url: '-' });
  return {
    performance: score('performance'),
    tbt: Math.round(report.audits['total-blocking-time'].numericValue),
    dom: report.audits['dom-size'].numericValue,
    a11y: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    longestTask: Math.round(longest.duration),
    longestTaskUrl: longest.url.replace(/^https?:\/\/[^/]+/, ''),
    bytes: Math.round(report.audits['total-byte-weight'].numericValue / 1024),
  };
});
const median = key => {
  const values = rows.map(row => row[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};
console.log('| run | performance | TBT ms | DOM elements | accessibility | best practices | SEO | longest task ms | transferred KB |');
console.log('|---|---|---|---|---|---|---|---|---|');
rows.forEach((row, i) => console.log(`| ${i + 1} | ${row.performance} | ${row.tbt} | ${row.dom} | ${row.a11y} | ` +
    `${row.bestPractices} | ${row.seo} | ${row.longestTask} (${row.longestTaskUrl}) | ${row.bytes} |`));
console.log(`| median | ${median('performance')} | ${median('tbt')} | ${median('dom')} | ${median('a11y')} | ` +
    `${median('bestPractices')} | ${median('seo')} | ${median('longestTask')} | ${median('bytes')} |`);
JS
echo "Reports: $RESULTS" >&2
