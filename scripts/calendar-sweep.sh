#!/usr/bin/env bash
# The calendar sweep: the date-dependent end-to-end files and the runner's journeys, in
# Chromium, with today pinned (PATELLA_TODAY, PATELLA_TZ; see e2e/support/clock.mjs) to each
# day that has broken date code before: every weekday, New Year's Eve at 23:50, the last day
# of a month, 29 February, the four clock-change days of Europe/London and America/New_York
# in their own zones, and an evening and a morning whose UTC date is not the local one. Prints a table of the results; exits non-zero if any failed.
#
#   scripts/calendar-sweep.sh              every date (about a minute or two a date)
#   scripts/calendar-sweep.sh 2027-02-08   only the dates given (as listed below)
#
# Needs the release build under /patella/ in target/e2e/patella (scripts/test.sh makes it;
# this script makes it when it is missing). The everyday test run keeps the real date: this
# is what catches a test or a rule that only holds on some days.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

# "local date and time|time zone (empty: the machine's)|why"
DATES=(
  "2027-02-08T10:00||Monday"
  "2027-02-09T10:00||Tuesday"
  "2027-02-10T10:00||Wednesday"
  "2027-02-11T10:00||Thursday"
  "2027-02-12T10:00||Friday"
  "2027-02-13T10:00||Saturday"
  "2027-02-14T10:00||Sunday"
  "2026-12-31T23:50||New Year's Eve, rolling into 1 January"
  "2027-04-30T18:00||last day of a month"
  "2028-02-29T07:15||29 February"
  "2027-03-28T00:30|Europe/London|clocks go forward in London"
  "2027-10-31T00:30|Europe/London|clocks go back in London"
  "2027-03-14T00:30|America/New_York|clocks go forward in New York"
  "2027-11-07T00:30|America/New_York|clocks go back in New York"
  "2027-02-10T21:30|America/New_York|evening in New York, already tomorrow in UTC"
  "2027-02-10T07:30|Australia/Sydney|morning in Sydney, still yesterday in UTC"
)

if (($#)); then
  chosen=()
  for wanted in "$@"; do
    for entry in "${DATES[@]}"; do [[ $entry == "$wanted"* ]] && chosen+=("$entry"); done
  done
  ((${#chosen[@]})) || { echo "no listed date starts with: $*" >&2; exit 2; }
  DATES=("${chosen[@]}")
fi

dist=target/e2e/patella
if [[ ! -f $dist/index.html ]]; then
  printf '\033[1m==> Release build under /patella/\033[0m\n'
  scripts/build-release.sh /patella/ "$dist"
fi

# Every e2e file that reads the tests' today, and those whose app state starts from today.
mapfile -t files < <(grep -l -e "support/dates.mjs" -e "support/clock.mjs" -e "setClock" e2e/*.test.mjs)
files+=(e2e/recovery_plan.test.mjs)

logs=target/calendar-sweep
rm -rf "$logs"
mkdir -p "$logs"
rows=()
failed=0
for entry in "${DATES[@]}"; do
  IFS='|' read -r today zone why <<<"$entry"
  label="$today${zone:+ $zone}"
  log="$logs/${today//:/}${zone:+-${zone//\//-}}.log"
  printf '\n\033[1m==> %s (%s)\033[0m\n' "$label" "$why"
  started=$SECONDS
  e2e=passed journeys=passed
  PATELLA_TODAY=$today PATELLA_TZ=$zone PATELLA_DIST_SUBPATH=$dist \
    node --test "${files[@]}" >"$log" 2>&1 || e2e=FAILED
  PATELLA_TODAY=$today PATELLA_TZ=$zone PATELLA_ENGINE=chromium PATELLA_DIST_SUBPATH=$dist \
    node --test e2e/engines/journeys.mjs >>"$log" 2>&1 || journeys=FAILED
  # node --test ends each run with "# pass N" / "# fail N" (or "ℹ pass N" on a terminal).
  counts=$({ grep -E '^(#|ℹ) (pass|fail) [0-9]+$' "$log" || true; } |
    awk '{ sum[$2] += $3 } END { printf "%d passed, %d failed", sum["pass"], sum["fail"] }')
  [[ $e2e == passed && $journeys == passed ]] || failed=1
  rows+=("| $today | ${zone:-machine ($(date +%Z))} | $why | $e2e | $journeys | $counts | $((SECONDS - started)) s |")
  printf '%s\n' "${rows[-1]}"
done

printf '\n%s\n' "Calendar sweep (e2e files: ${files[*]##*/}; journeys: e2e/engines/journeys.mjs in Chromium)"
printf '%s\n' "| today (local) | time zone | why | e2e | journeys | tests | time |" "|---|---|---|---|---|---|---:|"
printf '%s\n' "${rows[@]}"
printf '\nLogs: %s/\n' "$logs"
exit "$failed"
