#!/usr/bin/env bash
# Benchmark for issue 13 (items 1, 2, 4, 7 in part, 8): makes each hostile or clumsy input, runs the ETL on it
# under /usr/bin/time -v with a time limit and a 4 GB address-space limit, and prints one row per case:
# exit code, seconds, peak resident memory, and the ETL's last line of output.
#
#   benchmarks/hostile-returns.sh                 # builds etl/ (Release) and measures it
#   benchmarks/hostile-returns.sh path/to/analytics-etl.dll   # measures another build (e.g. an older commit)
#
# LIMIT_SECONDS (default 60) and LIMIT_KB (default 4194304) set the limits. A case cut off by the time limit shows
# "> 60 s"; one killed by a signal shows "killed (SIGNAL)". The read-only warehouse case needs root (it mounts a
# read-only tmpfs) and is left out otherwise. Needs python3 (to write the .xlsx copies) and GNU time
# (apt-get install time).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
LIMIT_SECONDS=${LIMIT_SECONDS:-60}
LIMIT_KB=${LIMIT_KB:-4194304}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# .NET reserves a large address range for its heap up front; under a 4 GB address-space limit that leaves DuckDB
# too little to allocate its buffers (read_csv fails with "Out of Memory Error"), so the heap's range is held to 1 GB:
# the ETL's own data lives in DuckDB.
export DOTNET_GCRegionRange=0x40000000

scratch=$(mktemp -d /tmp/hostile-returns.XXXXXX)
cleanup() { mountpoint -q "$scratch/readonly" 2>/dev/null && umount "$scratch/readonly"; rm -rf "$scratch"; }
trap cleanup EXIT

etl=${1:-}
if [[ -z "$etl" ]]; then
  echo "Building the ETL (Release)..." >&2
  dotnet build etl -c Release --nologo -v q -o "$scratch/etl-bin" >/dev/null || exit 1
  etl="$scratch/etl-bin/analytics-etl.dll"
fi
[[ -f "$etl" ]] || { echo "no ETL at $etl" >&2; exit 1; }

geography=(--source data/sample/geography/DERIVED_kent_medway_LSOA21_to_LAD.csv
           --source data/sample/geography/ons_PFA19_names_codes_UK_dec2019.csv
           --source data/sample/geography/ons_LAD19_CSP19_PFA19_lookup_EW_dec2019.csv)
funding=data/sample/funding/funding-returns-2024-25-and-2025-26.csv

# Set-up runs are not measured.
quiet() { dotnet "$etl" "$@" --plain >/dev/null 2>&1; }

# measure NAME ARGS...: one row of the table. The line of output shown is the first naming an error, a replaced
# file or a published snapshot, else the last; PICK (a regular expression) chooses another, or says none matched.
measure() {
  local name=$1; shift
  local report="$scratch/$name.time" output="$scratch/$name.out"
  bash -c "ulimit -v $LIMIT_KB; exec /usr/bin/time -v -o '$report' timeout --foreground -s KILL $LIMIT_SECONDS dotnet '$etl' \"\$@\"" etl "$@" >"$output" 2>&1
  local code=$?
  local seconds peak last
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$report")
  peak=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$report")
  last=$(grep -E -m 1 "${PICK:-error|Stack overflow|replaces file|published snapshots|^run |^repair }" "$output")
  if [[ -z "$last" && -n "${PICK:-}" ]]; then last="(no line matches /$PICK/)"
  elif [[ -z "$last" ]]; then last=$(grep -v '^\s*$' "$output" | tail -n 1); fi
  last=$(sed "s/^ *//; s#$scratch/##g; s/^[0-9T:-]*Z //" <<<"$last" | cut -c1-150)
  if [[ $code -eq 137 ]] && awk -v s="$seconds" -v l="$LIMIT_SECONDS" 'BEGIN { exit !(s >= l - 1) }'; then code="> ${LIMIT_SECONDS} s"
  elif [[ $code -gt 128 ]]; then code="killed ($(kill -l $((code - 128))))"; fi
  printf '| %-30s | %-12s | %7s | %7s | %s |\n' "$name" "$code" "$seconds" "$peak" "$last"
}

# An .xlsx copy of a CSV (sheet "Funding return", every cell an inline string), as Excel's "Save as" makes one.
to_xlsx() {
  python3 - "$1" "$2" <<'PY'
import csv, sys, zipfile
from xml.sax.saxutils import escape
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
def col(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name
sheet = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
for n, row in enumerate(rows, 1):
    cells = "".join(f'<c r="{col(i)}{n}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for i, v in enumerate(row) if v != "")
    sheet.append(f'<row r="{n}">{cells}</row>')
sheet.append("</sheetData></worksheet>")
ns = "http://schemas.openxmlformats.org"
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Funding return" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))
PY
}

echo "ETL: $etl; limits: ${LIMIT_SECONDS} s, ${LIMIT_KB} KB address space"
printf '| %-30s | %-12s | %7s | %7s | %s |\n' case "exit code" seconds "peak MB" "last line of output"
printf '|%s|%s|%s|%s|%s|\n' "--------------------------------" "--------------" "---------" "---------" "---"

# Item 1: plan files that exhaust the parser.
mkdir -p "$scratch/plans"
python3 -c "import sys; sys.stdout.write('plan:\n  id: ' + '[' * 100000 + '\n')" > "$scratch/plans/deep-plan.yaml"
python3 - "$scratch/plans/alias-keys-plan.yaml" <<'PY'
import sys
lines = ["plan:", "  id: x", "a0: &a0 {k: v}"]
for i in range(1, 11):  # each level's mapping has ten keys that hold the level below
    keys = ", ".join(f"? [*a{i-1}, {k}] : {k}" for k in range(10))
    lines.append(f"a{i}: &a{i} {{{keys}}}")
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
measure plan-nested-100000 run --source "$scratch/plans/deep-plan.yaml" --warehouse "$scratch/w-plan1" --plain
measure plan-alias-keys-10-levels run --source "$scratch/plans/alias-keys-plan.yaml" --warehouse "$scratch/w-plan2" --plain
mkdir -p "$scratch/inbox"
cp "$scratch/plans/deep-plan.yaml" "$funding" "$scratch/inbox/"
cp data/sample/geography/DERIVED_kent_medway_LSOA21_to_LAD.csv data/sample/geography/ons_PFA19_names_codes_UK_dec2019.csv \
   data/sample/geography/ons_LAD19_CSP19_PFA19_lookup_EW_dec2019.csv "$scratch/inbox/"
echo '{ "Etl": { "SettleSeconds": 0 } }' > "$scratch/settle.json"
measure plan-nested-in-inbox run --inbox "$scratch/inbox" --settings "$scratch/settle.json" --warehouse "$scratch/w-plan3" --plain

# Item 2: the sample funding return loaded again as .xlsx, and as a corrected -v2.csv.
quiet run "${geography[@]}" --source "$funding" --warehouse "$scratch/w-fund1"
cp -r "$scratch/w-fund1" "$scratch/w-fund2"
to_xlsx "$funding" "$scratch/funding-returns-2024-25-and-2025-26.xlsx"
measure funding-return-again-as-xlsx run --source "$scratch/funding-returns-2024-25-and-2025-26.xlsx" --warehouse "$scratch/w-fund1" --plain
sed 's/,46388.77,44997.11,/,46388.77,44990.00,/' "$funding" > "$scratch/funding-returns-2024-25-and-2025-26-v2.csv"
measure funding-return-corrected-v2 run --source "$scratch/funding-returns-2024-25-and-2025-26-v2.csv" --warehouse "$scratch/w-fund2" --plain

# Item 4: Kent's September republished with no rows, with 10 rows, and an empty new month.
quiet run --source data/sample/police/kent-2025-01-to-2025-09.zip --warehouse "$scratch/w-police"
september=$(unzip -p data/sample/police/kent-2025-01-to-2025-09.zip 2025-09/2025-09-kent-street.csv)
mkdir -p "$scratch/police-empty" "$scratch/police-ten" "$scratch/police-new"
head -n 1 <<<"$september" > "$scratch/police-empty/2025-09-kent-street.csv"
head -n 11 <<<"$september" > "$scratch/police-ten/2025-09-kent-street.csv"
head -n 1 <<<"$september" > "$scratch/police-new/2025-10-kent-street.csv"
for case in empty ten new; do cp -r "$scratch/w-police" "$scratch/w-police-$case"; done
measure street-month-republished-empty run --source "$scratch/police-empty" --warehouse "$scratch/w-police-empty" --plain
measure street-month-republished-10 run --source "$scratch/police-ten" --warehouse "$scratch/w-police-ten" --plain
measure street-new-month-empty run --source "$scratch/police-new" --warehouse "$scratch/w-police-new" --plain
PICK='"latest_period": "2025-10"' measure street-new-month-empty-status status --warehouse "$scratch/w-police-new" --json

# Item 7 (part): a read-only warehouse folder; a blank required amount.
if [[ $(id -u) -eq 0 ]] && mkdir -p "$scratch/readonly" && mount -t tmpfs -o ro tmpfs "$scratch/readonly" 2>/dev/null; then
  measure warehouse-read-only run --source "$funding" --warehouse "$scratch/readonly" --plain
  umount "$scratch/readonly"
fi
# Line 14 (Medway, 2025/26) has no spend yet: with its allocation blank too, nothing says it is wrong.
awk -F, -v OFS=, 'NR == 14 { $10 = "" } { print }' "$funding" > "$scratch/blank-amount.csv"
to_xlsx "$scratch/blank-amount.csv" "$scratch/blank-amount.xlsx"
measure blank-amount-csv run "${geography[@]}" --source "$scratch/blank-amount.csv" --warehouse "$scratch/w-blank1" --plain
measure blank-amount-xlsx run "${geography[@]}" --source "$scratch/blank-amount.xlsx" --warehouse "$scratch/w-blank2" --plain

# Item 8: the snapshots folder deleted; published.json unreadable.
quiet run "${geography[@]}" --warehouse "$scratch/w-lost"
cp -r "$scratch/w-lost" "$scratch/w-garbled"
rm -rf "$scratch/w-lost/snapshots"
echo '{ "snapshot": ' > "$scratch/w-garbled/published.json"
PICK='"problem"|error' measure snapshots-deleted-status status --warehouse "$scratch/w-lost" --json
measure snapshots-deleted-run run --source "$funding" --warehouse "$scratch/w-lost" --plain
PICK='"problem"|error' measure pointer-unreadable-status status --warehouse "$scratch/w-garbled" --json
measure pointer-unreadable-run run --source "$funding" --warehouse "$scratch/w-garbled" --plain
if dotnet "$etl" help | grep -q ' repair '; then
  measure snapshots-deleted-repair repair --warehouse "$scratch/w-lost"
  measure pointer-unreadable-repair repair --warehouse "$scratch/w-garbled"
fi
