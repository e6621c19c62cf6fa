#!/bin/bash
# Record one `strace -f` log per kernel-oracle scenario into fixtures/oracle/strace/NAME.strace, and
# refresh the oracle's generated data files in fixtures/oracle/ (expected.jsonl, scenarios.jsonl,
# FINDINGS.md, env.txt).
#
#   scripts/record-oracle-traces.sh            (as root; needs gcc, make, strace, python3)
#   KO=/path/to/kernel-oracle scripts/record-oracle-traces.sh
#
# The oracle (../shared/kernel-oracle) is read-only: it is copied to a temp dir, built and run there.
# Each scenario is run on its own under strace; its JSON output is compared with the matching lines of
# expected.jsonl. Scenarios with blocked calls (timing-dependent) are compared ignoring step numbers
# and record order when the exact comparison fails. Exit status 1 if any scenario really differs.
# The oracle's C code is not copied into the project; only its outputs are kept.
set -euo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL=C
PY=/usr/bin/python3

REPO=$(cd "$(dirname "$0")/.." && pwd)
KO=${KO:-$REPO/../shared/kernel-oracle}
KO=$(cd "$KO" && pwd)
FIX=$REPO/fixtures/oracle
OUT=$FIX/strace
# strace string length. Default 1024; scenarios listed in SLEN get a smaller one (never below 256)
# if the total ever grows past ~30 MB. At 1024 for all 134 the total is ~6 MB, so none is needed.
DEFAULT_S=1024
declare -A SLEN=()

TMP=$(mktemp -d /tmp/rdv-oracle.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
cp -r "$KO" "$TMP/ko"
chmod -R u+w "$TMP/ko"
cd "$TMP/ko"
make -s all

mkdir -p "$FIX" "$OUT" "$TMP/json"
for f in expected.jsonl scenarios.jsonl FINDINGS.md env.txt; do cp "$KO/$f" "$FIX/$f"; done
rm -f "$OUT"/*.strace

./uxoracle --list > "$TMP/list.jsonl"
mapfile -t NAMES < <($PY -c 'import sys,json; [print(json.loads(l)["scenario"]) for l in sys.stdin]' < "$TMP/list.jsonl")
echo "recording ${#NAMES[@]} scenarios into $OUT"

fail=0
for n in "${NAMES[@]}"; do
  s=${SLEN[$n]:-$DEFAULT_S}
  if ! strace -f -tt -s "$s" -o "$OUT/$n.strace" ./uxoracle "$n" > "$TMP/json/$n.json" 2> "$TMP/json/$n.err"; then
    echo "scenario $n: uxoracle exited non-zero under strace" >&2; fail=1
  fi
  if grep -q 'abnormal end' "$TMP/json/$n.err"; then
    echo "scenario $n: $(cat "$TMP/json/$n.err")" >&2; fail=1
  fi
done

# Compare every scenario's output with expected.jsonl.
$PY - "$KO/expected.jsonl" "$TMP/json" "${NAMES[@]}" <<'EOF' || fail=1
import json, sys, os
expected, jdir, names = sys.argv[1], sys.argv[2], sys.argv[3:]
exp = {}
for line in open(expected):
    exp.setdefault(json.loads(line)["scenario"], []).append(line.rstrip("\n"))

def loose(lines):
    out = []
    for l in lines:
        r = json.loads(l)
        r.pop("step", None)
        out.append(json.dumps(r, sort_keys=True))
    return sorted(out)

exact = timing = bad = 0
for n in names:
    got = [l.rstrip("\n") for l in open(os.path.join(jdir, n + ".json"))]
    want = exp.get(n, [])
    if got == want:
        exact += 1
        continue
    blocking = any('"blocked":true' in l or '"after_block":true' in l for l in want)
    if blocking and loose(got) == loose(want):
        timing += 1
        print(f"scenario {n}: same records, different step order (blocking/timing-dependent)")
        continue
    bad += 1
    kind = "blocking/timing-dependent scenario" if blocking else "deterministic scenario"
    print(f"MISMATCH scenario {n} ({kind}): {len(got)} records, expected {len(want)}")
    for i, (g, w) in enumerate(zip(got + [""] * len(want), want + [""] * len(got))):
        if g != w:
            print(f"  first difference at record {i + 1}:\n    got:      {g}\n    expected: {w}")
            break
print(f"compared {len(names)} scenarios with expected.jsonl: {exact} identical, "
      f"{timing} identical up to step order, {bad} mismatched")
sys.exit(1 if bad else 0)
EOF

cd "$REPO"
{
  echo "recorded: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "uname -r: $(uname -r)"
  echo "strace: $(strace -V | head -1)"
  echo "command: strace -f -tt -s $DEFAULT_S -o fixtures/oracle/strace/NAME.strace ./uxoracle NAME"
  for n in "${!SLEN[@]}"; do echo "override: $n -s ${SLEN[$n]}"; done
  echo "scenarios: ${#NAMES[@]}"
} > "$FIX/strace-env.txt"
echo "traces: $(ls "$OUT"/*.strace | wc -l) files, $(du -sh "$OUT" | cut -f1) total"
exit $fail
