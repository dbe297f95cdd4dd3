#!/usr/bin/env bash
# What relhook's hooks cost, beside what git costs to run hooks at all (issue 16).
#
#   bench/hooks.sh [--runs N] [--write] [--callgrind]      (also: bench/run.sh --hooks ...)
#
#   --runs N      runs per command (default 60; the warm-up is a fifth of it)
#   --write       also write the report to bench/results/hooks.md (tracked); without it the
#                 report goes to standard output and bench/results/run/hooks.md only
#   --callgrind   also count the instructions of `relhook lint FILE` and of the Rust
#                 hello-world with valgrind's callgrind (slow: ~10 s)
#   --dynamic     measure relhook as plain `cargo build --release` links it (a dynamic PIE),
#                 instead of as ./install.sh builds it (a static PIE on Linux with glibc: no
#                 dynamic loader at start-up; README "Speed"); with --write the report goes
#                 to bench/results/hooks-dynamic.md
#   RELHOOK=/path/to/relhook bench/hooks.sh   measures that binary instead of building this
#                 checkout (`cargo build --release --locked`: PIE unless the build says not)
#
# Every goal is one run of bench/interleave.py over nothing but the commands it compares
# (every round runs each once, in alternating order, so a machine's drift falls on all alike),
# one scratch repository, with the hook sets side by side:
#   relhook   the hooks exactly as `relhook install` writes them (all five shims, each
#             running this relhook), with the .relconfig.toml and CHANGELOG.md of `relhook init`
#   floor     the same five hooks as `#!/bin/sh` scripts that do nothing: what git costs to
#             run hooks at all
#   none      no hooks (core.hooksPath points at an empty folder)
#   cog/committed   `cog verify`/`committed` as the only (commit-msg) hook, when bench/peers.sh
#             has installed them into bench/.cache (otherwise the report says why not)
# Each hook set is chosen with `git -c core.hooksPath=DIR`, so every command runs in the same
# repository; --prepare resets HEAD, the work tree, the tag and the reflogs before every run,
# so no run sees a longer reflog or changelog than the first.
# A missed goal is reported, never an error: the script exits 0 unless the harness breaks.
# Needs git, python3, cargo and rustc.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$bench")
cache="$bench/.cache"
out="$bench/results/run"
runs=60
write=0
callgrind=0
dynamic=0

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

while (($#)); do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --write) write=1 ;;
    --callgrind) callgrind=1 ;;
    --dynamic) dynamic=1 ;;
    -h | --help) sed -n '2,15s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done
warmup=$(((runs + 4) / 5))

for tool in git python3; do
  command -v "$tool" >/dev/null || die "needs $tool (Debian: apt-get install $tool)"
done
unset RUST_BACKTRACE RUST_LIB_BACKTRACE RELHOOK_SKIP GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

# --- the binaries -------------------------------------------------------------------------

if [[ -n ${RELHOOK:-} ]]; then
  relhook=$RELHOOK
elif ((!dynamic)) && [[ $(rustc -vV | sed -n 's/^host: //p') == *-linux-gnu* ]]; then
  # As ./install.sh builds it.
  triple=$(rustc -vV | sed -n 's/^host: //p')
  log "building relhook as ./install.sh does: a static PIE (cargo build --release --target $triple, crt-static)"
  flags=CARGO_TARGET_$(printf '%s' "$triple" | tr 'a-z.-' 'A-Z__')_RUSTFLAGS
  (cd "$top" && CARGO_TARGET_DIR="$cache/static-target" \
    env "$flags=-C target-feature=+crt-static" \
    nice -n 19 cargo build --release --locked --quiet --target "$triple")
  relhook="$cache/static-target/$triple/release/relhook"
else
  log "building relhook (cargo build --release --locked)"
  (cd "$top" && nice -n 19 cargo build --release --locked --quiet)
  relhook="${CARGO_TARGET_DIR:-$top/target}/release/relhook"
fi
[[ -x $relhook ]] || die "no relhook binary at $relhook"
relhook=$(cd "$(dirname "$relhook")" && pwd)/$(basename "$relhook")

# The Rust hello-world, compiled as relhook's release profile compiles (the floor of a Rust
# process); shared with bench/run.sh.
hello="$cache/hello/hello"
if [[ ! -x $hello ]]; then
  log "building the Rust hello-world"
  mkdir -p "$cache/hello"
  printf 'fn main() {\n    println!("Hello, world!");\n}\n' >"$cache/hello/main.rs"
  nice -n 19 rustc --edition 2021 -C opt-level=3 -C lto=fat -C codegen-units=1 \
    -C strip=debuginfo -o "$hello" "$cache/hello/main.rs"
fi

# The same hello-world linked as relhook is linked (build.rs adds packed relative relocations
# where the toolchain has them; ./install.sh links glibc in): the same-flags floor, reported
# beside the default one.
hello_same=""
if command -v readelf >/dev/null; then
  same_flags=()
  readelf -d "$relhook" 2>/dev/null | grep -q '(RELR)' &&
    same_flags+=(-C link-arg=-Wl,-z,pack-relative-relocs)
  readelf -d "$relhook" 2>/dev/null | grep -q '(NEEDED)' ||
    same_flags+=(-C target-feature=+crt-static)
  if ((${#same_flags[@]})); then
    hello_same="$cache/hello/hello-$(printf '%s' "${same_flags[*]}" | cksum | cut -d' ' -f1)"
    if [[ ! -x $hello_same ]]; then
      log "building the Rust hello-world with relhook's link flags (${same_flags[*]})"
      nice -n 19 rustc --edition 2021 -C opt-level=3 -C lto=fat -C codegen-units=1 \
        -C strip=debuginfo "${same_flags[@]}" -o "$hello_same" "$cache/hello/main.rs"
    fi
  fi
fi

# The peers, as bench/peers.sh installs them; none is installed from here.
peer_missing() { # NAME BIN: prints why the peer is not measured, or nothing
  if [[ -x $2 ]]; then return 0; fi
  if [[ -f $cache/logs/$1.log ]]; then
    printf 'its install failed (see bench/.cache/logs/%s.log)' "$1"
  else
    printf 'not installed (bench/peers.sh installs it into bench/.cache)'
  fi
}
cog="$cache/peers/bin/cog"
committed="$cache/peers/bin/committed"

# --- the scratch repository and its hook sets ---------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/relhook-hooks-bench.XXXXXX")
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
mkdir -p "$out"
repo="$work/repo"
hooks_none="$work/hooks-none"
hooks_floor="$work/hooks-floor"
hooks_rt_floor="$work/hooks-rt-floor"
hooks_cog="$work/hooks-cog"
hooks_committed="$work/hooks-committed"
mkdir -p "$hooks_none" "$hooks_floor" "$hooks_rt_floor" "$hooks_cog" "$hooks_committed"

g() { git -C "$repo" -c core.hooksPath="$hooks_none" "$@"; } # set-up: no hook runs

git init -q -b main "$repo"
g config user.name "Bench Mark"
g config user.email "bench@example.com"
g config commit.gpgsign false
g config tag.gpgsign false
# The commented .relconfig.toml and the CHANGELOG.md skeleton of the binary under test.
(cd "$repo" && "$relhook" init >/dev/null) || die "relhook init failed"
printf '[package]\nname = "bench"\nversion = "0.1.0"\n' >"$repo/Cargo.toml"
g add -A
g commit -q -m "chore: start"
for i in $(seq 1 20); do
  printf '%s\n' "$i" >"$repo/file.txt"
  g add file.txt
  g commit -q -m "feat: change $i"
done
(cd "$repo" && "$relhook" changelog >/dev/null 2>&1) || die "relhook changelog failed"
g commit -q -am "docs: the changelog so far"
(cd "$repo" && "$relhook" install >/dev/null 2>&1) || die "relhook install failed"
g add -A # the .gitattributes line of the CHANGELOG.md merge driver, if install wrote one
g diff --cached --quiet || g commit -q -m "chore: install relhook"
hooks_relhook="$repo/.git/hooks"
for h in commit-msg post-commit pre-push reference-transaction post-applypatch; do
  [[ -x $hooks_relhook/$h ]] || die "relhook install wrote no $h hook"
  printf '#!/bin/sh\n' >"$hooks_floor/$h"
  chmod +x "$hooks_floor/$h"
done
printf '#!/bin/sh\n' >"$hooks_rt_floor/reference-transaction"
chmod +x "$hooks_rt_floor/reference-transaction"
cp "$bench/configs/cog.toml" "$bench/configs/committed.toml" "$repo/"
printf 'cog.toml\ncommitted.toml\n' >>"$repo/.git/info/exclude"
printf '#!/bin/sh\nexec %q verify --file "$1"\n' "$cog" >"$hooks_cog/commit-msg"
printf '#!/bin/sh\nexec %q --config committed.toml --commit-file "$1"\n' "$committed" \
  >"$hooks_committed/commit-msg"
chmod +x "$hooks_cog/commit-msg" "$hooks_committed/commit-msg"
base=$(g rev-parse HEAD)

# A second repository to fetch from, with 100 release tags this one does not have (git 2.46
# and later fetch each ref in a transaction of its own: the hook runs twice per tag).
upstream="$work/upstream"
git clone -q --bare "$repo" "$upstream"
for i in $(seq 100); do printf 'create refs/tags/v9.0.%s %s\n' "$i" "$(g rev-parse HEAD)"; done |
  git -C "$upstream" update-ref --stdin

# The reflogs as they are now: every run starts from them (HEAD's grows by one per commit).
cp "$repo/.git/logs/HEAD" "$work/HEAD.reflog"
cp "$repo/.git/logs/refs/heads/main" "$work/main.reflog"
# Preparations run without a shell too: each is a script.
# Each also writes the next run's commit message, never the same twice: a commit adding the same
# entry to the same changelog would find the changelog's new blob stored by the run before, and
# skip writing (compressing) it, as no real commit can.
script() { # NAME BODY: writes $work/NAME.sh, prints the command that runs it
  printf 'set -e\ncd %q\nexport GIT_CONFIG_PARAMETERS="%s"\n%s\n%s\n' "$repo" \
    "'core.hookspath'='$hooks_none'" "$2" \
    "printf 'feat: x %s\\n' \"\$(date +%s%N)\" >$work/run.msg" >"$work/$1.sh"
  printf 'sh %s' "$work/$1.sh"
}
reset_body="git reset -q --hard $base
git tag -d v0.2.0 bench-mark >/dev/null 2>&1 || true
cp $work/HEAD.reflog .git/logs/HEAD
cp $work/main.reflog .git/logs/refs/heads/main"
reset=$(script reset "$reset_body")

# --- measuring ----------------------------------------------------------------------------

# group ID PREPARE [NAME COMMAND]...: one interleaved run over these commands, in the repository.
group() {
  local id=$1 prep=$2
  shift 2
  local -a args=(--runs "$((runs * ${scale:-1}))" --warmup "$((warmup * ${scale:-1}))"
    --export-json "$out/hooks.$id.json")
  [[ -z $prep ]] || args+=(--prepare "$prep")
  local n=$(($# / 2))
  while (($#)); do
    args+=(-n "$1" "$2")
    shift 2
  done
  log "$id: $n commands, $((runs * ${scale:-1})) runs each"
  (cd "$repo" && python3 "$bench/interleave.py" "${args[@]}") >>"$out/hooks.log" 2>&1 ||
    die "the run failed in $id (see $out/hooks.log)"
}
: >"$out/hooks.log"
rm -f "$out"/hooks.*.json
skipped="$out/hooks.skipped.tsv"
: >"$skipped"

with() { printf 'git -c core.hooksPath=%s %s' "$1" "$2"; } # HOOKS-DIR GIT-ARGS

commit="commit -q --allow-empty -F $work/run.msg"
peers=()
for p in "cog:$cog:cocogitto:$hooks_cog" "committed:$committed:committed:$hooks_committed"; do
  IFS=: read -r name bin logname dir <<<"$p"
  why=$(peer_missing "$logname" "$bin")
  if [[ -z $why ]]; then
    peers+=("$name" "$(with "$dir" "$commit")")
  else
    printf 'commit, %s as commit-msg\t%s\n' "$name" "$why" >>"$skipped"
  fi
done
# Each goal compares two commands, measured against each other alone: a third command in the
# same rounds changes what the other two find in the caches (0.1 ms on a 1 ms process).
group commit "$reset" \
  "commit, no-op hooks" "$(with "$hooks_floor" "$commit")" \
  "commit, relhook hooks" "$(with "$hooks_relhook" "$commit")"
group commit-none "$reset" \
  "commit, no hooks" "$(with "$hooks_none" "$commit")" \
  "commit, relhook hooks" "$(with "$hooks_relhook" "$commit")"
set -- ${peers[@]+"${peers[@]}"}
while (($#)); do
  group "commit-$1" "$reset" \
    "commit, $1 as commit-msg" "$2" \
    "commit, relhook hooks" "$(with "$hooks_relhook" "$commit")"
  shift 2
done

nv="commit -q --no-verify --allow-empty -F $work/run.msg"
group noverify "$reset" \
  "commit --no-verify, no-op hooks" "$(with "$hooks_floor" "$nv")" \
  "commit --no-verify, relhook hooks" "$(with "$hooks_relhook" "$nv")"

reset_refs=$(script reset-refs "$reset_body
git update-ref -d refs/remotes/up/main
git for-each-ref --format='delete %(refname)' 'refs/tags/v9.0.*' | git update-ref --stdin")
for r in "update-ref:update-ref refs/heads/b HEAD~1" "git branch -f:branch -f c HEAD~2" \
  "fetch:fetch -q --no-tags $upstream main:refs/remotes/up/main" \
  "fetch of 100 new tags:fetch -q $upstream refs/tags/v9.0.*:refs/tags/v9.0.*"; do
  what=${r%%:*} args=${r#*:}
  group "refs-${what// /-}" "$reset_refs" \
    "$what, no-op hook" "$(with "$hooks_rt_floor" "$args")" \
    "$what, relhook hook" "$(with "$hooks_relhook" "$args")"
done

# The fetched tags go: a v9.0.* above v0.2.0 would make the hand tag a version going down.
sh "$work/reset-refs.sh"

tag_a='tag -a v0.2.0 -m "release 0.2.0"'
tag_other='tag -a bench-mark -m "not a release"'
# Every hand tag releases an Unreleased section of its own (one entry made unique, committed
# without hooks): the release commit's changelog is then a new blob each run, as in real life.
reset_tag=$(script reset-tag "$reset_body
awk -v run=\"\$(date +%s%N)\" '!done && /^- / { \$0 = \$0 \" (run \" run \")\"; done = 1 } 1' \\
  CHANGELOG.md >CHANGELOG.run && mv CHANGELOG.run CHANGELOG.md
git commit -q -a -m 'docs: a run of its own'")
group tags "$reset_tag" \
  "tag -a vX.Y.Z, no hooks" "$(with "$hooks_none" "$tag_a")" \
  "tag -a vX.Y.Z, relhook hooks" "$(with "$hooks_relhook" "$tag_a")"
group tags-other "$reset" \
  "tag -a other, no-op hooks" "$(with "$hooks_floor" "$tag_other")" \
  "tag -a other, relhook hooks" "$(with "$hooks_relhook" "$tag_other")"

# The same release made by hand with git alone: the files relhook's release commit writes,
# committed with `git commit -a`, then tagged. What a release commit and a tag cost git
# itself, beside relhook's hand tag (which makes both): a reference, not a goal.
(cd "$repo" && git -c core.hooksPath="$hooks_relhook" tag -a v0.2.0 -m "release 0.2.0") \
  >>"$out/hooks.log" 2>&1 || die "the hand tag failed (see $out/hooks.log)"
mkdir -p "$work/release"
released=$(g diff --name-only "$base" HEAD)
[[ -n $released ]] || die "the hand tag made no release commit"
for f in $released; do
  mkdir -p "$work/release/$(dirname "$f")"
  cp "$repo/$f" "$work/release/$f"
done
$reset
copy_release=$(for f in $released; do printf 'cp %q %q\n' "$work/release/$f" "$f"; done)
release_files=$(script release-files "$reset_body
$copy_release")
release_commit='commit -q -a -m "chore(release): 0.2.0"'
byhand_args=(--runs "$runs" --warmup "$warmup" --export-json "$out/hooks.byhand.json")
for set in "no hooks:$hooks_none" "no-op hooks:$hooks_floor"; do
  label=${set%%:*} dir=${set#*:}
  committed_first=$(script "release-commit-${label// /-}" "$reset_body
$copy_release
git -c core.hooksPath=$dir $release_commit")
  byhand_args+=(-n "release by hand: commit -a, $label" "$(with "$dir" "$release_commit")"
    --prepare-for "release by hand: commit -a, $label" "$release_files"
    -n "release by hand: tag -a, $label" "$(with "$dir" "$tag_a")"
    --prepare-for "release by hand: tag -a, $label" "$committed_first")
done
log "byhand: 4 commands, $runs runs each"
(cd "$repo" && python3 "$bench/interleave.py" "${byhand_args[@]}") \
  >>"$out/hooks.log" 2>&1 || die "the run failed in byhand (see $out/hooks.log)"

printf 'feat(parser): accept tabs in scopes\n\nLonger explanation of the change.\n\nRefs #12\n' \
  >"$work/MSG"
# Sub-millisecond processes: five times the runs, and nothing run between them (a process
# started before each, even `true`, warms the shared C library for a dynamic binary only).
scale=5 group lint "" \
  "hello-world (Rust)" "$hello" \
  "relhook lint FILE" "$relhook lint $work/MSG"
[[ -z $hello_same ]] || scale=5 group lint-same "" \
  "hello-world (Rust, relhook's link flags)" "$hello_same" \
  "relhook lint FILE" "$relhook lint $work/MSG"

# Growth: the same commit with a 10,000-line HEAD reflog, and with a 5,000-entry changelog.
# The long reflog and changelog are made once, and every run starts from them again.
python3 - "$work/HEAD.reflog" "$work/HEAD.long" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines(keepends=True)
first = lines[0]
open(sys.argv[2], "w").write(first * (10000 - len(lines)) + "".join(lines))
PY
g checkout -q -b big "$base"
python3 - "$repo/CHANGELOG.md" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
head, _, rest = text.partition("## [Unreleased]\n")
olds = []
for r in range(250, 0, -1):
    olds.append(f"## [0.{r}.0] - 2020-01-01\n\n### Added\n\n")
    olds.extend(f"- entry {r}.{i} with some words in it\n" for i in range(20))
    olds.append("\n")
open(path, "w").write(head + "## [Unreleased]\n" + rest + "\n" + "".join(olds))
PY
g commit -q -am "docs: a long changelog"
big=$(g rev-parse HEAD)
cp "$repo/.git/logs/HEAD" "$work/HEAD.big"
cp "$repo/.git/logs/refs/heads/big" "$work/big.reflog"
g checkout -q main
reset_big=$(script reset-big "git checkout -q -f big
git reset -q --hard $big
cp $work/HEAD.big .git/logs/HEAD
cp $work/big.reflog .git/logs/refs/heads/big")
reset_main=$(script reset-main "git checkout -q -f main
$reset_body")
reset_long=$(script reset-long "git checkout -q -f main
$reset_body
cp $work/HEAD.long .git/logs/HEAD")
# The same commit from another starting point: a preparation per command. The same pair with
# no hooks measures what git itself adds (a reset just wrote the long changelog, so git's
# commit hashes it once again, as racily clean): relhook's share is the difference.
# For the changelog, also the file's read and write as git itself does them (the goal is on
# what grows beyond them): `git hash-object -w` (read, hash, compress, store) and a copy of
# the file, of a changelog made new for each run (an object already stored is not written).
mark='printf "<!-- run %s -->\n" "$(date +%s%N)" >>CHANGELOG.md'
rw_small=$(script rw-small "git checkout -q -f main
$reset_body
$mark")
rw_big=$(script rw-big "git checkout -q -f big
git reset -q --hard $big
$mark")
rw="sh -c 'git hash-object -w CHANGELOG.md >/dev/null && cp CHANGELOG.md .git/relhook-bench-copy'"
for g in "reflog:10k-line reflog:$reset_long" "changelog:5,000-entry changelog:$reset_big"; do
  IFS=: read -r id label prep <<<"$g"
  growth_args=(--runs "$runs" --warmup "$warmup" --export-json "$out/hooks.growth-$id.json")
  for set in "relhook hooks:$hooks_relhook" "no hooks:$hooks_none"; do
    name=${set%%:*} dir=${set#*:}
    growth_args+=(-n "commit, $name" "$(with "$dir" "$commit")"
      -n "commit, $name, $label" "$(with "$dir" "$commit")"
      --prepare-for "commit, $name" "$reset_main"
      --prepare-for "commit, $name, $label" "$prep")
  done
  n=4
  if [[ $id == changelog ]]; then
    n=6
    growth_args+=(-n "read and write, git" "$rw" --prepare-for "read and write, git" "$rw_small"
      -n "read and write, git, $label" "$rw" --prepare-for "read and write, git, $label" "$rw_big")
  fi
  log "growth-$id: $n commands, $runs runs each"
  (cd "$repo" && python3 "$bench/interleave.py" "${growth_args[@]}") >>"$out/hooks.log" 2>&1 ||
    die "the run failed in growth-$id (see $out/hooks.log)"
done

if ((callgrind)); then
  command -v valgrind >/dev/null || die "--callgrind needs valgrind (apt-get install valgrind)"
  count() { # prints the instructions one run of the command executes
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
      sed -n 's/.*Collected : //p'
  }
  {
    printf 'hello-world (Rust)\t%s\n' "$(count "$hello")"
    [[ -z $hello_same ]] ||
      printf "hello-world (Rust, relhook's link flags)\t%s\n" "$(count "$hello_same")"
    printf 'relhook lint FILE\t%s\n' "$(cd "$repo" && count "$relhook" lint "$work/MSG")"
  } >"$out/hooks.instructions.tsv"
else
  rm -f "$out/hooks.instructions.tsv"
fi

report_args=(--results "$out" --relhook "$relhook")
if ((write)); then
  if ((dynamic)); then
    report_args+=(--markdown "$bench/results/hooks-dynamic.md")
  else
    report_args+=(--markdown "$bench/results/hooks.md")
  fi
fi
python3 "$bench/hooks_report.py" "${report_args[@]}" | tee "$out/hooks.md"
