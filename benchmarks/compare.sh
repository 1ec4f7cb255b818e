#!/usr/bin/env bash
# Before/after benchmark comparison in one run.
#
#   benchmarks/compare.sh BEFORE AFTER            # two commits (any rev git understands)
#   benchmarks/compare.sh --report OUT BEFORE AFTER ROUNDS   # re-print the table of a run's outputs
#
# Builds benchmarks/ThirdPartyJobs.Benchmarks (Release) for each commit in its own detached git
# worktree, then runs the modes both versions have, interleaved (before, after / after, before /
# ...) so that machine load and drift fall on both alike, and prints a markdown table of medians
# over rounds with after÷before ratios. The raw-loop rows exercise no library code: their ratio is
# the run's own noise yardstick for every time figure.
#
# Environment (all optional):
#   ROUNDS=3          rounds per version
#   CALLS=20000       calls per layer in breakdown and alloc (after 2,000 warm-up calls)
#   FOCUS_CALLS=100000  calls in the parse focus (breakdown --only 0,1: parse only, in-memory client)
#   MODES             a subset of: breakdown parsefocus alloc allocurl concurrency worker
#                     workernojournal coldstart bdn
#   COLD_RUNS=5       coldstart processes per version and round
#   BDN=1             also run BenchmarkDotNet; 0 skips it
#   BDN_FILTER='*ParseBenchmarks*'   its filter patterns (add '*GetJobDetailsBenchmarks*' for the
#                     BenchmarkDotNet client row; its build takes minutes under load)
#   BEFORE_DIR, AFTER_DIR   use these existing worktrees (must be at the commit) instead of creating
#                     them under COMPARE_DIR (default /tmp/tpj-bench-compare); created ones are
#                     removed at the end unless KEEP=1
#   OUT               directory for the raw outputs (default: a new one under /tmp)
set -euo pipefail

report() {
python3 - "$@" <<'PY'
import glob, html, os, re, statistics, sys

out, before, after, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sides = ("before", "after")
rows = {}  # (section, row, metric) -> {side: {round: [values]}}
order = []
ROUND = None  # the round of the file being read (its name's last part)


def add(section, row, metric, side, value):
    key = (section, row, metric)
    if key not in rows:
        rows[key] = {s: {} for s in sides}
        order.append(key)
    rows[key][side].setdefault(ROUND, []).append(value)


def num(text):
    return float(text.replace(",", ""))


def files(kind, side):
    global ROUND
    for path in sorted(glob.glob(os.path.join(out, f"{kind}.{side}.*"))):
        ROUND = path.rsplit(".", 1)[1]
        yield path


UNITS = {"ns": 1e-3, "us": 1.0, "µs": 1.0, "μs": 1.0, "ms": 1e3, "s": 1e6}
SIZES = {"B": 1.0, "KB": 1024.0, "MB": 1024.0 ** 2}
for side in sides:
    for kind, section in (("breakdown", "breakdown"), ("parsefocus", "parse focus")):
        for path in files(kind, side):
            for line in open(path, encoding="utf-8"):
                m = re.match(r"^(.*?)\s+([\d,.]+) µs/call\s+([\d,.]+) CPU µs/call\s+([\d,.]+) B/call", line)
                if m:
                    name = m.group(1).strip()
                    add(section, name, "B/call", side, num(m.group(4)))
                    add(section, name, "µs/call", side, num(m.group(2)))
                    add(section, name, "CPU µs/call", side, num(m.group(3)))
    for kind, where in (("alloc", "process-wide"), ("allocurl", "caller only")):
        for path in files(kind, side):
            for line in open(path, encoding="utf-8"):
                m = re.match(r"^(raw loop|ThirdPartyJobClient):\s+([\d,.]+) B/call", line)
                if m:
                    add("alloc", f"{m.group(1)}, {where}", "B/call", side, num(m.group(2)))
    for path in files("concurrency", side):
        for line in open(path, encoding="utf-8"):
            c = [x.strip() for x in line.strip().strip("|").split("|")]
            if len(c) == 6 and c[0].isdigit():
                add("concurrency", f"{c[0]} caller(s), {c[1]}", "calls/s", side, num(c[2]))
                add("concurrency", f"{c[0]} caller(s), {c[1]}", "p99 ms", side, num(c[4]))
    for kind, section in (("worker", "worker"), ("workernojournal", "worker, journal off")):
        for path in files(kind, side):
            for line in open(path, encoding="utf-8"):
                c = [x.strip() for x in line.strip().strip("|").split("|")]
                if len(c) == 9 and c[0].isdigit():
                    add(section, f"MaxConcurrency {c[0]}", "jobs/s", side, num(c[3]))
                    add(section, f"MaxConcurrency {c[0]}", "API calls per job", side, num(c[8]))
    for path in files("coldstart", side):
        for line in open(path, encoding="utf-8"):
            add("coldstart", "process start to first job details printed", "ms", side, int(line) / 1000)
    for path in sorted(glob.glob(os.path.join(out, f"bdn.{side}.*", "results", "*-report-github.md"))):
        ROUND = path.split(os.sep)[-3].rsplit(".", 1)[1]
        head = None
        for line in open(path, encoding="utf-8"):
            c = [x.strip() for x in line.strip().strip("|").split("|")]
            if not line.startswith("|") or len(c) < 3:
                continue
            if c[0] == "Method":
                head = c
                continue
            if head is None or set(c[0]) <= set("-: "):
                continue
            cell = dict(zip(head, c))
            name = html.unescape(cell["Method"]).strip("'")
            for col in ("Mean", "Median"):
                m = re.match(r"^([\d,.]+)\s*(\S+)$", cell.get(col, ""))
                if m:
                    add("BenchmarkDotNet", name, f"{col} µs", side, num(m.group(1)) * UNITS[m.group(2)])
            m = re.match(r"^([\d,.]+)\s*(\S+)$", cell.get("Allocated", ""))
            if m:
                add("BenchmarkDotNet", name, "Allocated B", side, num(m.group(1)) * SIZES[m.group(2)])


def fmt(v):
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.3g}" if abs(v) >= 1 else f"{v:.3f}"


def spread(values):
    return fmt(min(values)) if min(values) == max(values) else f"{fmt(min(values))}–{fmt(max(values))}"


print(f"before {before}  after {after}  rounds {rounds}\n")
print("Medians over rounds (a round's several values, e.g. cold starts, are first reduced to their median).")
print("Paired ratio: median over rounds of (after ÷ before) within the round, the two runs of a pair minutes apart at most.\n")
print("| Section | Row | Metric | Before (median) | After (median) | After ÷ before (medians) | Paired ratio (median, range) | Before range | After range | Rounds |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
for key in order:
    b = {r: statistics.median(v) for r, v in rows[key]["before"].items()}
    a = {r: statistics.median(v) for r, v in rows[key]["after"].items()}
    if not b or not a:
        continue
    mb, ma = statistics.median(b.values()), statistics.median(a.values())
    ratio = f"{ma / mb:.2f}" if mb else "n/a"
    pairs = [a[r] / b[r] for r in sorted(set(a) & set(b)) if b[r]]
    paired = f"{statistics.median(pairs):.2f} ({min(pairs):.2f}–{max(pairs):.2f})" if pairs else "n/a"
    print(f"| {key[0]} | {key[1]} | {key[2]} | {fmt(mb)} | {fmt(ma)} | **{ratio}** | {paired} | {spread(list(b.values()))} | {spread(list(a.values()))} | {len(b)}/{len(a)} |")

print("\nLoad average during the run (2 cores):")
loads = {}
for path in sorted(glob.glob(os.path.join(out, "load.*"))):
    for line in open(path):
        parts = line.split()  # mode, time, 1-, 5-, 15-minute averages
        if len(parts) == 5:
            loads.setdefault(os.path.basename(path)[5:], []).append(float(parts[2]))
for name, values in loads.items():
    print(f"- {name}: 1-minute load at the start of each mode {min(values):.1f}–{max(values):.1f} (median {statistics.median(values):.1f})")
PY
}

# Re-print the table from an earlier run's outputs: compare.sh --report OUT BEFORE AFTER ROUNDS
if [[ "${1:-}" == --report ]]; then
    shift
    report "$@"
    exit 0
fi

if [[ $# -ne 2 ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exit 2
fi

export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ROUNDS=${ROUNDS:-3}
CALLS=${CALLS:-20000}
FOCUS_CALLS=${FOCUS_CALLS:-100000}
COLD_RUNS=${COLD_RUNS:-5}
BDN=${BDN:-1}
BDN_FILTER=${BDN_FILTER:-*ParseBenchmarks*}
COMPARE_DIR=${COMPARE_DIR:-/tmp/tpj-bench-compare}
OUT=${OUT:-$(mktemp -d /tmp/tpj-bench-compare-out.XXXXXX)}
REPO=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
BEFORE=$(git -C "$REPO" rev-parse --verify "$1^{commit}")
AFTER=$(git -C "$REPO" rev-parse --verify "$2^{commit}")
DLL=benchmarks/ThirdPartyJobs.Benchmarks/bin/Release/net10.0/ThirdPartyJobs.Benchmarks.dll
mkdir -p "$OUT" "$COMPARE_DIR"
CREATED=()
SERVE_PID=

cleanup() {
    # SIGKILL: the canned server's host takes SIGTERM as a request to stop the host and the
    # process would then sit out its --seconds.
    if [[ -n "$SERVE_PID" ]]; then kill -KILL "$SERVE_PID" 2>/dev/null || true; fi
    if [[ "${KEEP:-0}" != 1 ]]; then
        for dir in "${CREATED[@]}"; do git -C "$REPO" worktree remove --force "$dir" || true; done
    fi
}
trap cleanup EXIT

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }
load() { echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; }

# worktree LABEL COMMIT PRESET_DIR -> prints the directory holding COMMIT
worktree() {
    local label=$1 commit=$2 dir=${3:-}
    if [[ -z "$dir" ]]; then
        dir=$COMPARE_DIR/$label-${commit:0:12}
        if [[ ! -d "$dir" ]]; then
            git -C "$REPO" worktree add --detach "$dir" "$commit" >&2
            CREATED+=("$dir")
        fi
    fi
    if [[ "$(git -C "$dir" rev-parse HEAD)" != "$commit" ]]; then
        echo "$dir is not at $commit" >&2
        exit 1
    fi
    echo "$dir"
}

# Not in a command substitution: CREATED must survive for the cleanup.
worktree before "$BEFORE" "${BEFORE_DIR:-}" > "$OUT/dir.before"
worktree after "$AFTER" "${AFTER_DIR:-}" > "$OUT/dir.after"
declare -A DIR=([before]=$(cat "$OUT/dir.before") [after]=$(cat "$OUT/dir.after"))
for side in before after; do
    log "build $side (${DIR[$side]})"
    (cd "${DIR[$side]}" && dotnet build benchmarks/ThirdPartyJobs.Benchmarks -c Release -nologo -v q) > "$OUT/build.$side.log" 2>&1 \
        || { cat "$OUT/build.$side.log" >&2; exit 1; }
done

# One canned endpoint in another process, shared by both versions, for the caller-only
# allocations and cold start. Its server code is the same in both (Server/CannedResponses.cs).
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "${DIR[after]}" && exec dotnet "$DLL" serve --port "$PORT" --seconds 7200) > "$OUT/serve.log" 2>&1 &
SERVE_PID=$!
URL=http://127.0.0.1:$PORT/
for _ in $(seq 100); do grep -q 127.0.0.1 "$OUT/serve.log" && break; sleep 0.2; done

# run_mode MODE SIDE ROUND: one measurement of one version, raw output in $OUT/MODE.SIDE.ROUND
run_mode() {
    local mode=$1 side=$2 round=$3
    local file=$OUT/$mode.$side.$round
    cd "${DIR[$side]}"
    case $mode in
        breakdown) dotnet "$DLL" breakdown --calls "$CALLS" > "$file" ;;
        parsefocus) dotnet "$DLL" breakdown --calls "$FOCUS_CALLS" --only 0,1 > "$file" ;;
        alloc) dotnet "$DLL" alloc --calls "$CALLS" > "$file" ;;
        allocurl) dotnet "$DLL" alloc --calls "$CALLS" --url "$URL" > "$file" ;;
        concurrency) dotnet "$DLL" concurrency --levels 1,8,64 --seconds 3 --rounds 1 > "$file" ;;
        worker) dotnet "$DLL" worker --jobs 2000 --levels 1,8,32 > "$file" ;;
        # The journal (on by default since the worker split) syncs a file per job; versions without
        # it ignore the option, so this row is the worker's cost without it on both sides.
        workernojournal) dotnet "$DLL" worker --jobs 2000 --levels 1,8,32 --journal off > "$file" ;;
        coldstart)
            for _ in $(seq "$COLD_RUNS"); do
                local t0 t1
                t0=$(date +%s%N)
                dotnet "$DLL" coldstart --url "$URL" > /dev/null
                t1=$(date +%s%N)
                echo $(((t1 - t0) / 1000)) >> "$file"
            done
            ;;
        bdn)
            local -a filters
            read -ra filters <<< "$BDN_FILTER"
            dotnet "$DLL" --filter "${filters[@]}" --buildTimeout 1800 --artifacts "$OUT/bdn.$side.$round" > "$OUT/bdnlog.$side.$round" 2>&1 \
                || log "BenchmarkDotNet failed ($side, round $round), see $OUT/bdnlog.$side.$round"
            ;;
    esac
    cd - > /dev/null
}

if [[ -z "${MODES:-}" ]]; then
    MODES="breakdown parsefocus alloc allocurl concurrency worker workernojournal coldstart"
    if [[ "$BDN" == 1 ]]; then MODES="$MODES bdn"; fi
fi
log "before $BEFORE, after $AFTER, $ROUNDS rounds of: $MODES; outputs in $OUT"
for round in $(seq "$ROUNDS"); do
    # Each mode runs for both versions back to back, the order alternating (AB, BA, AB, ...), so
    # the two measurements of a pair are seconds apart and a drift in load favours neither.
    if ((round % 2)); then order="before after"; else order="after before"; fi
    for mode in $MODES; do
        for side in $order; do
            echo "$mode $(load)" >> "$OUT/load.$side.$round"
            log "round $round $mode $side: load $(cut -d' ' -f1-3 /proc/loadavg)"
            run_mode "$mode" "$side" "$round"
        done
    done
done
log "done: load $(load)"

report "$OUT" "$BEFORE" "$AFTER" "$ROUNDS"
