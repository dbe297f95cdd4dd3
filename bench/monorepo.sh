#!/usr/bin/env bash
# relhook on a big monorepo (issue 14): `version --all` and what post-commit costs per package.
#
#   bench/monorepo.sh [--commits N] [--packages N] [--runs N] [--write]
#
#   --commits N    commits in the generated history (default 100000)
#   --packages N   packages in it (default 50)
#   --runs N       hyperfine runs per command (default 20; the warm-up is a fifth of it)
#   --write        also write the report to bench/results/monorepo.md (tracked); without it the
#                  report goes to standard output and bench/results/run/monorepo.md only
#   RELHOOK=/path/to/relhook bench/monorepo.sh   measures that binary instead of building this
#                  checkout (`cargo build --release --locked`)
#
# What it measures, in one generated history (bench/gen_monorepo.py, cached in
# bench/.cache/repos by size, seed and generator hash): a mixed Cargo/npm workspace where every
# package is released on its own, so each one's last release tag lies somewhere in the last
# few thousand commits.
#   version    `relhook version --all` (goal: under 0.5 s) and `relhook version --package pkg01`
#   commit     `git commit` of a change to one package with relhook's hooks installed, in two
#              clones of that history that differ only in .relconfig.toml: all packages
#              declared, or only the touched one (goal: the same cost: post-commit must not
#              grow with the packages a commit does not touch), beside the same commit with no
#              hooks; and a commit touching three packages, for scale.
# A binary without package support (no `version --all`, or `[packages]` refused) is named as
# such in the report, and nothing else is measured: exit 0.
# A missed goal is reported, never an error: the script exits 0 unless the harness breaks.
# Needs git, python3, hyperfine (Debian: apt-get install hyperfine), cargo.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$bench")
cache="$bench/.cache"
out="$bench/results/run"
commits=100000
packages=50
runs=20
write=0
seed=1

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

while (($#)); do
  case $1 in
    --commits) commits=${2:?--commits needs a number}; shift ;;
    --packages) packages=${2:?--packages needs a number}; shift ;;
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --write) write=1 ;;
    -h | --help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done
((packages >= 3)) || die "--packages must be at least 3 (one commit touches three)"
warmup=$(((runs + 4) / 5))

for tool in git python3 hyperfine; do
  command -v "$tool" >/dev/null || die "needs $tool (Debian: apt-get install $tool)"
done
unset RUST_BACKTRACE RUST_LIB_BACKTRACE RELHOOK_SKIP GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

# --- the binary ---------------------------------------------------------------------------

if [[ -n ${RELHOOK:-} ]]; then
  relhook=$RELHOOK
else
  log "building relhook (cargo build --release --locked)"
  (cd "$top" && nice -n 19 cargo build --release --locked --quiet)
  relhook="${CARGO_TARGET_DIR:-$top/target}/release/relhook"
fi
[[ -x $relhook ]] || die "no relhook binary at $relhook"
relhook=$(cd "$(dirname "$relhook")" && pwd)/$(basename "$relhook")

# --- the history --------------------------------------------------------------------------

key="mono-c$commits-p$packages-s$seed-g$(cat "$bench/gen_monorepo.py" "$bench/gen_repo.py" |
  sha1sum | cut -c1-10)"
source_repo="$cache/repos/$key"
if [[ ! -d $source_repo ]]; then
  log "generating $key (git fast-import)"
  mkdir -p "$cache/repos"
  tmp=$(mktemp -d "$cache/repos/.tmp.XXXXXX")
  git -C "$tmp" init -q -b main
  python3 "$bench/gen_monorepo.py" --commits "$commits" --packages "$packages" --seed "$seed" |
    git -C "$tmp" fast-import --quiet --done
  git -C "$tmp" update-ref -d refs/heads/topic
  git -C "$tmp" reset -q --hard
  mv "$tmp" "$source_repo" # atomic: an interrupted run leaves no half-built repository
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/relhook-mono-bench.XXXXXX")
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
mkdir -p "$out"
hooks_none="$work/hooks-none"
mkdir -p "$hooks_none"
report="$out/monorepo.md"
rm -f "$out"/monorepo.*.json

# Two clones: every package declared (as generated), and only pkg01 declared.
all="$work/all"
one="$work/one"
g() { git -C "$1" -c core.hooksPath="$hooks_none" "${@:2}"; } # set-up: no hook runs
for r in "$all" "$one"; do
  git clone -q "$source_repo" "$r"
  g "$r" config user.name "Bench Mark"
  g "$r" config user.email "bench@example.com"
  g "$r" config commit.gpgsign false
done
python3 - "$one/.relconfig.toml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
blocks = text.split("\n\n")
open(path, "w").write(blocks[0].rstrip("\n") + "\n")
PY
g "$one" commit -q -am "chore: declare one package only"
g "$all" commit -q --allow-empty -m "chore: the same number of commits as the other clone"

# --- does this relhook know packages? -----------------------------------------------------

relhook_version=$("$relhook" --version 2>/dev/null || echo "relhook ?")
probe() { # ARGS...: runs relhook in the all-packages clone; sets probe_rc and probe_err
  set +e
  probe_err=$(cd "$all" && "$relhook" "$@" 2>&1 >"$work/probe.out")
  probe_rc=$?
  set -e
}
unsupported=""
probe version --all
if ((probe_rc == 2)); then
  unsupported="\`relhook version --all\` exits 2: $(printf '%s' "$probe_err" | head -n 3 | tr '\n' ' ')"
else
  probe version --package pkg01
  if ((probe_rc == 2)); then
    unsupported="\`relhook version --package pkg01\` exits 2: $(printf '%s' "$probe_err" | head -n 3 | tr '\n' ' ')"
  fi
fi
if [[ -n $unsupported ]]; then
  {
    printf '# relhook on a %s-commit, %s-package monorepo (%s)\n\n' "$commits" "$packages" \
      "$relhook_version"
    printf 'Not measured: this relhook binary (%s) has no package support yet.\n' "$relhook"
    printf '%s\n' "$unsupported"
  } | tee "$report"
  ((write)) && cp "$report" "$bench/results/monorepo.md"
  exit 0
fi
log "version --all answers (first lines):"
head -n 5 "$work/probe.out" >&2

# --- measuring ----------------------------------------------------------------------------

for r in "$all" "$one"; do
  (cd "$r" && "$relhook" install >/dev/null 2>&1) || die "relhook install failed in $r"
  g "$r" add -A
  g "$r" diff --cached --quiet || g "$r" commit -q -m "chore: install relhook"
done
# Both clones must be the same history but for .relconfig.toml.
[[ $(g "$all" rev-list --count HEAD) == $(g "$one" rev-list --count HEAD) ]] ||
  die "the two clones differ in length"

group() { # ID DIR PREPARE [NAME COMMAND]...: one hyperfine run over these commands in DIR
  local id=$1 dir=$2 prep=$3
  shift 3
  local -a args=(-N --style basic --runs "$runs" --warmup "$warmup"
    --export-json "$out/monorepo.$id.json")
  [[ -n $prep ]] && args+=(--prepare "$prep")
  while (($#)); do
    args+=(-n "$1" "$2")
    shift 2
  done
  log "$id: $runs runs per command"
  (cd "$dir" && hyperfine "${args[@]}") >>"$out/monorepo.log" 2>&1 ||
    die "hyperfine failed in $id (see $out/monorepo.log)"
}
: >"$out/monorepo.log"

group version "$all" "" \
  "relhook version --all" "$relhook version --all" \
  "relhook version --package pkg01" "$relhook version --package pkg01"

# A commit that changes one file of pkg01 (and one touching pkg01..pkg03), from the same
# starting point every run: prepare resets HEAD, the work tree and the reflogs, then stages.
script() { # NAME DIR BODY: writes $work/NAME.sh, prints the command that runs it
  printf 'set -e\ncd %q\nexport GIT_CONFIG_PARAMETERS="%s"\n%s\n' "$2" \
    "'core.hookspath'='$hooks_none'" "$3" >"$work/$1.sh"
  printf 'sh %s' "$work/$1.sh"
}
pkgdir() { python3 -c "print(('packages/' if $1 % 2 == 0 else 'crates/') + 'pkg%02d' % $1)"; }
d1=$(pkgdir 1) d2=$(pkgdir 2) d3=$(pkgdir 3)
prepare() { # NAME DIR FILES...: the reset-and-stage script for DIR
  local name=$1 dir=$2 base
  shift 2
  base=$(g "$dir" rev-parse HEAD)
  cp "$dir/.git/logs/HEAD" "$work/$name.HEAD.reflog"
  cp "$dir/.git/logs/refs/heads/main" "$work/$name.main.reflog"
  local body="git reset -q --hard $base
cp $work/$name.HEAD.reflog .git/logs/HEAD
cp $work/$name.main.reflog .git/logs/refs/heads/main"
  for f in "$@"; do
    body+="
printf 'bench %s\n' \$\$ >>$f
git add $f"
  done
  script "$name" "$dir" "$body"
}
commit_cmd() { printf 'git -c core.hooksPath=%s commit -q -m "feat(pkg01): bench change"' "$1"; }
one_file="$d1/src/bench.rs"
for f in "$d1/src/bench.rs" "$d2/src/bench.rs" "$d3/src/bench.rs"; do
  for r in "$all" "$one"; do printf '// bench\n' >"$r/$f"; done
done
for r in "$all" "$one"; do
  g "$r" add -A && g "$r" commit -q -m "test: bench files"
done

hyperfine_commit() { # ID DIR PREPARE NAME HOOKS...
  group "$1" "$2" "$3" "$4, no hooks" "$(commit_cmd "$hooks_none")" \
    "$4, relhook hooks" "$(commit_cmd "$2/.git/hooks")"
}
hyperfine_commit commit-one "$one" "$(prepare one "$one" "$one_file")" "1 package declared"
hyperfine_commit commit-all "$all" "$(prepare all "$all" "$one_file")" \
  "$packages packages declared"
hyperfine_commit commit-three "$all" \
  "$(prepare three "$all" "$d1/src/bench.rs" "$d2/src/bench.rs" "$d3/src/bench.rs")" \
  "$packages packages declared, 3 touched"

# A sanity check: the measured commit did add pkg01's entry (post-commit worked).
sh "$work/all.sh"
(cd "$all" && git commit -q -m "feat(pkg01): bench change") ||
  die "the commit with relhook's hooks failed in the all-packages clone"
entry_note="post-commit wrote pkg01's entry into $d1/CHANGELOG.md"
if ! grep -q "bench change" "$all/$d1/CHANGELOG.md"; then
  entry_note="WARNING: post-commit did NOT write pkg01's entry into $d1/CHANGELOG.md"
fi
if [[ -n $(g "$all" status --porcelain) ]]; then
  entry_note+="; WARNING: the work tree is not clean after the commit"
fi

python3 - "$out" "$commits" "$packages" "$relhook_version" "$entry_note" <<'PY' | tee "$report"
import json, os, sys
out, commits, packages, version, note = sys.argv[1:6]
def load(group):
    return {r["command"]: r for r in json.load(open(os.path.join(out, f"monorepo.{group}.json")))["results"]}
def ms(r):
    return r["median"] * 1e3
v = load("version")
c1, ca, c3 = load("commit-one"), load("commit-all"), load("commit-three")
n = int(packages)
print(f"# relhook on a {int(commits):,}-commit, {n}-package monorepo ({version})")
print()
print("Generated by bench/gen_monorepo.py (mixed Cargo/npm workspace, every package released on")
print("its own); wall-clock medians of hyperfine runs. Load average at the end: "
      + open("/proc/loadavg").read().split()[0] + ".")
print()
print("| command | median | goal |")
print("|---|---:|---|")
va = v["relhook version --all"]
print(f"| `relhook version --all` | {ms(va):.0f} ms | under 500 ms: {'met' if ms(va) < 500 else 'MISSED'} |")
vp = v["relhook version --package pkg01"]
print(f"| `relhook version --package pkg01` | {ms(vp):.0f} ms | |")
def row(group, label):
    none = group[f"{label}, no hooks"]
    hooked = group[f"{label}, relhook hooks"]
    return ms(none), ms(hooked)
n1, h1 = row(c1, "1 package declared")
na, ha = row(ca, f"{n} packages declared")
n3, h3 = row(c3, f"{n} packages declared, 3 touched")
cost1, costa = h1 - n1, ha - na
ratio = costa / cost1 if cost1 > 0 else float("nan")
ok = ratio <= 1.15
print(f"| `git commit`, 1 package touched, 1 declared: no hooks / relhook hooks | {n1:.0f} / {h1:.0f} ms | |")
print(f"| `git commit`, 1 package touched, {n} declared: no hooks / relhook hooks | {na:.0f} / {ha:.0f} ms | "
      f"hooks' cost {costa:.0f} ms vs {cost1:.0f} ms with 1 declared: {ratio:.2f}x, "
      f"{'met' if ok else 'MISSED'} (at most 1.15x) |")
print(f"| `git commit`, 3 packages touched, {n} declared: no hooks / relhook hooks | {n3:.0f} / {h3:.0f} ms | |")
print()
print(f"Check: {note}.")
PY
((write)) && cp "$report" "$bench/results/monorepo.md"
exit 0
