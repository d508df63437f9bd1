#!/usr/bin/env bash
# Smoke test of the PyInstaller bundle (make bundle): the window comes up offscreen on the
# seed article and finishes its analysis, and the headless `extract` prints its figures.
#
#   packaging/smoke_bundle.sh [dist/article-lens]
#
# Runs with a temporary HOME, so the user's settings are not touched. Exits non-zero on
# the first failure, printing what the bundle said.
set -euo pipefail

dist=${1:-dist/article-lens}
exe=$dist/article-lens
[[ -x "$exe" ]] || { echo "smoke_bundle.sh: no bundle at $exe (run make bundle)" >&2; exit 1; }
seed=$(find "$dist" -path '*/desktop/seeds/*.txt' | sort | head -1)
[[ -n "$seed" ]] || { echo "smoke_bundle.sh: the seed article is not in the bundle" >&2; exit 1; }

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
       XDG_CACHE_HOME=$home/.cache QT_LOGGING_RULES="qt.qpa.*=false"
fail() { echo "smoke_bundle.sh: $1" >&2; [[ -f "$2" ]] && sed 's/^/  | /' "$2" >&2; exit 1; }

# 1. the window, offscreen, on the seed article, until the analysis has finished
started=${EPOCHREALTIME/[.,]/}
if ! ARTICLE_LENS_TRACE=1 ARTICLE_LENS_QUIT_AFTER=analysis-finished QT_QPA_PLATFORM=offscreen \
     timeout 90 "$exe" > "$home/gui.log" 2>&1; then
  fail "the window did not start, or did not finish its analysis and quit within 90 s" "$home/gui.log"
fi
for event in text-shown analysis-finished; do
  grep -q "^article-lens-trace $event\$" "$home/gui.log" || fail "the window never reported $event" "$home/gui.log"
done
elapsed=$(( (${EPOCHREALTIME/[.,]/} - started) / 1000 ))
echo "window: seed text shown, analysis finished ($(( elapsed / 1000 )).$(( elapsed % 1000 / 100 )) s)"

# 2. the headless command on the seed article
if ! timeout 120 "$exe" extract "$seed" --what figures --format csv > "$home/figures.csv" 2> "$home/extract.log"; then
  fail "extract failed" "$home/extract.log"
fi
grep -q '3.2 million tons' "$home/figures.csv" || fail "extract did not find the figure 3.2 million tons" "$home/figures.csv"
grep -q 'USD' "$home/figures.csv" || fail "extract found no USD figure" "$home/figures.csv"
echo "extract: $(( $(wc -l < "$home/figures.csv") - 1 )) figures"
echo "bundle OK: $exe"
