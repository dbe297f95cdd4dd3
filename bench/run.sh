#!/usr/bin/env bash
# relhook's benchmarks, side by side with its peers, as whole processes.
#
#   bench/run.sh [--quick] [--no-peers] [--timeout SECONDS] [--write]
#   bench/run.sh --hooks [ARGS]   only the hook goals of issue 16 (bench/hooks.sh ARGS)
#
#   --quick      histories of 1k and 10k commits only, and fewer runs: a smoke run
#   --no-peers   install no peer (those already in bench/.cache are still measured)
#   --timeout    give up on a command after this long (default 300 s; reported as "> N s")
#   --only LIST  run only these benchmarks (comma-separated: lint,check,sincetag,changelog,
#                version,commit), keeping the other results of the previous run
#   --write      also rewrite the tracked bench/results/latest.md (otherwise the report goes
#                to bench/results/run/latest.md only)
#   RELHOOK=/path/to/relhook bench/run.sh   measures that binary instead of building this checkout
#
# What it does, in order:
#   1. builds relhook (cargo build --release --locked; $CARGO_TARGET_DIR is honoured, or
#      RELHOOK=/path/to/relhook skips the build) and a Rust hello-world with rustc (the floor
#      of a Rust process);
#   2. installs the peers into bench/.cache (bench/peers.sh) and records their versions;
#   3. generates the synthetic repositories with git fast-import (bench/gen_repo.py), cached
#      under bench/.cache/repos by size, seed and generator version;
#   4. for each benchmark: one probe run per command under `/usr/bin/time -v` (peak memory,
#      exit status, the output kept in bench/results/logs, and the warm-up), then several
#      hyperfine rounds over every command, the command order reversed every other round, so
#      the runs of different tools interleave;
#   5. bench/report.py prints one table of medians, ratios and peak memory, checks the goals
#      of issue 7, and writes bench/results/run/latest.md (and, with --write, the tracked
#      bench/results/latest.md).
#
# A missed goal is reported, never an error: the script exits 0 unless the harness breaks.
# Needs: git, python3, hyperfine, /usr/bin/time (Debian: apt-get install hyperfine time),
# cargo; npm and python3-venv for the peers that come from npm and PyPI.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$bench")
cache="$bench/.cache"
results="$bench/results"
seed=1

quick=0
peers=1
timeout_s=300
slow_s=60 # a command slower than this is timed once (its probe) rather than in rounds
only=""   # --only: the benchmarks to run, keeping the other results of the previous run
write=0   # --write: also rewrite the tracked bench/results/latest.md

# --- small helpers ------------------------------------------------------------------------

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

usage() { sed -n '2,16s/^# \{0,1\}//p' "$0"; }

parse_args() {
  while (($#)); do
    case $1 in
      --quick) quick=1 ;;
      --no-peers) peers=0 ;;
      --timeout) timeout_s=${2:?--timeout needs seconds}; shift ;;
      --only) only=",${2:?--only needs names},"; shift ;;
      --write) write=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
  done
}

# wanted KIND: whether this run measures that benchmark (all of them without --only).
wanted() { [[ -z $only || $only == *",$1,"* ]]; }

need() {
  command -v "$1" >/dev/null || die "needs $1 ($2)"
}

check_tools() {
  need git "apt-get install git"
  need python3 "apt-get install python3"
  need hyperfine "apt-get install hyperfine"
  need cargo "https://rustup.rs"
  need rustc "https://rustup.rs"
  need timeout "coreutils"
  [[ -x /usr/bin/time ]] || die "needs GNU time as /usr/bin/time (apt-get install time)"
}

# --- the binaries under test --------------------------------------------------------------

# build_relhook: sets $relhook. One cargo build at a time, niced: the machine may be shared.
build_relhook() {
  if [[ -n ${RELHOOK:-} ]]; then
    relhook=$RELHOOK
  else
    log "building relhook (cargo build --release --locked)"
    (cd "$top" && nice -n 19 cargo build --release --locked --quiet)
    relhook="${CARGO_TARGET_DIR:-$top/target}/release/relhook"
  fi
  [[ -x $relhook ]] || die "no relhook binary at $relhook"
}

# build_hello: sets $hello, a Rust hello-world compiled as relhook's release profile compiles
# (opt-level 3, fat LTO, one codegen unit), so that "relhook vs hello" measures relhook's own
# start-up and work, not Rust's. One rustc call: no cargo project needed for one file.
build_hello() {
  local dir="$cache/hello"
  hello="$dir/hello"
  [[ -x $hello ]] && return 0
  log "building the Rust hello-world"
  mkdir -p "$dir"
  printf 'fn main() {\n    println!("Hello, world!");\n}\n' >"$dir/main.rs"
  nice -n 19 rustc --edition 2021 -C opt-level=3 -C lto=fat -C codegen-units=1 \
    -C strip=debuginfo -o "$hello" "$dir/main.rs"
}

# --- peers --------------------------------------------------------------------------------

# setup_peers: install (unless --no-peers), then the paths of whatever is there.
setup_peers() {
  if ((peers)); then
    log "installing the peers that are missing (bench/peers.sh; logs in $cache/logs)"
    "$bench/peers.sh" || log "peers.sh failed; the missing peers will show as n/a"
  else
    "$bench/peers.sh" --versions-only || true
  fi
  cog="$cache/peers/bin/cog"
  committed="$cache/peers/bin/committed"
  convco="$cache/peers/bin/convco"
  cliff="$cache/peers/bin/git-cliff"
  commitlint="$cache/npm/node_modules/.bin/commitlint"
  cz="$cache/venv/bin/cz"
  # commitlint resolves `extends` and imports from the config file's folder: keep the config
  # beside the node_modules it needs.
  cp "$bench/configs/commitlint.config.mjs" "$cache/npm/commitlint.config.mjs" 2>/dev/null || true
  commitlint_cfg="$cache/npm/commitlint.config.mjs"
}

# --- repositories -------------------------------------------------------------------------

# repo_for COMMITS: prints the path of the cached repository with that many commits, building
# it first when missing. The key holds the generator's hash: editing gen_repo.py rebuilds.
repo_for() {
  local commits=$1 key dir tmp
  key="c$commits-s$seed-g$(sha1sum "$bench/gen_repo.py" | cut -c1-10)"
  dir="$cache/repos/$key"
  if [[ ! -d $dir ]]; then
    log "generating $key (git fast-import)"
    mkdir -p "$cache/repos"
    tmp=$(mktemp -d "$cache/repos/.tmp.XXXXXX")
    git -C "$tmp" init -q -b main
    python3 "$bench/gen_repo.py" --commits "$commits" --seed "$seed" |
      git -C "$tmp" fast-import --quiet --done
    git -C "$tmp" update-ref -d refs/heads/topic
    git -C "$tmp" reset -q --hard
    mv "$tmp" "$dir" # atomic: an interrupted run leaves no half-built repository behind
  fi
  install_peer_configs "$dir"
  printf '%s\n' "$dir"
}

# install_peer_configs DIR: the peers' configuration files, untracked and excluded, so the
# work tree stays clean for the tools that care (cog bump).
install_peer_configs() {
  local dir=$1
  cp "$bench/configs/cog.toml" "$bench/configs/committed.toml" "$dir/"
  grep -qx 'cog.toml' "$dir/.git/info/exclude" 2>/dev/null ||
    printf 'cog.toml\ncommitted.toml\n' >>"$dir/.git/info/exclude"
}

# --- measuring ----------------------------------------------------------------------------
# A group is the set of commands one benchmark compares. group_start opens one, add/add_na
# fill it, group_run measures it. Results: $out/records.tsv (one line per command: group,
# name, status, exit status, peak RSS in kB) and $out/<group>.<round>.json (hyperfine).

group_start() { # ID DIR TIMEOUT(0: none)
  g_id=$1 g_dir=$2 g_timeout=$3
  g_names=() g_cmds=() g_preps=()
}

# add NAME PREPARE BIN ARGS...: one command; PREPARE ("" for none) runs before each run.
# A missing BIN is recorded as n/a rather than measured.
add() {
  local name=$1 prep=$2 bin=$3
  shift 3
  if [[ $bin != */* ]] && command -v "$bin" >/dev/null; then
    :
  elif [[ ! -x $bin ]]; then
    add_na "$name" "not installed"
    return 0
  fi
  local cmd
  cmd=$(printf '%q ' "$bin" "$@")
  g_names+=("$name") g_cmds+=("${cmd% }") g_preps+=("$prep")
}

add_na() { # NAME REASON
  printf '%s\t%s\tn/a\t\t\t%s\n' "$g_id" "$1" "$2" >>"$out/records.tsv"
}

# probe I: runs command I once under /usr/bin/time -v (and timeout), after its PREPARE.
# Records peak memory and exit status; returns 1 when it timed out, could not run, or took
# over $slow_s seconds (then that one run is its timing).
probe() {
  local i=$1 name=${g_names[$1]} rc=0 mem secs log_file
  log_file="$out/logs/$g_id.${name//[^A-Za-z0-9._-]/_}.log"
  local -a argv
  eval "argv=(${g_cmds[$i]})"
  if [[ -n ${g_preps[$i]} ]]; then
    (cd "$g_dir" && eval "${g_preps[$i]}") >/dev/null 2>&1 || log "  $name: its --prepare failed"
  fi
  local -a limit=()
  ((g_timeout > 0)) && limit=(timeout "$g_timeout")
  (cd "$g_dir" && /usr/bin/time -v -o "$out/time.txt" "${limit[@]}" "${argv[@]}") \
    >"$log_file" 2>&1 || rc=$?
  mem=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time.txt")
  # Wall time as h:mm:ss or m:ss.ss, in seconds.
  secs=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$out/time.txt" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  if ((rc == 124 && g_timeout > 0)); then
    printf '%s\t%s\ttimeout\t%s\t%s\t> %s s\n' "$g_id" "$name" "$rc" "$mem" "$g_timeout" \
      >>"$out/records.tsv"
    log "  $name: did not finish in $g_timeout s"
    return 1
  elif ((rc == 126 || rc == 127)); then
    printf '%s\t%s\tfailed\t%s\t\tcould not run\n' "$g_id" "$name" "$rc" >>"$out/records.tsv"
    return 1
  fi
  if awk -v s="$secs" -v slow="$slow_s" 'BEGIN { exit !(s > slow) }'; then
    # Repeating a command this slow would take the whole run: its probe is its one timing.
    printf '%s\t%s\tok\t%s\t%s\t\t%s\n' "$g_id" "$name" "$rc" "$mem" "$secs" \
      >>"$out/records.tsv"
    log "  $name: took $secs s, timed once"
    return 1
  fi
  printf '%s\t%s\tok\t%s\t%s\t\n' "$g_id" "$name" "$rc" "$mem" >>"$out/records.tsv"
  return 0
}

# group_run ROUNDS RUNS WARMUP: probe each command, then ROUNDS hyperfine runs over the ones
# that finished, alternating the order. Exit statuses are ignored (-i): a range with
# non-conventional commits fails in every tool, on purpose; the probe records the status.
group_run() {
  local rounds=$1 runs=$2 warmup=$3 i r
  local -a keep=()
  log "$g_id: probing ${#g_names[@]} command(s)"
  for i in "${!g_names[@]}"; do
    if probe "$i"; then keep+=("$i"); fi
  done
  ((${#keep[@]})) || return 0
  for ((r = 1; r <= rounds; r++)); do
    local -a args=(-N -i --style basic --runs "$runs" --export-json "$out/$g_id.$r.json")
    ((r == 1 && warmup > 0)) && args+=(--warmup "$warmup")
    local -a order=("${keep[@]}")
    if ((r % 2 == 0)); then # every other round backwards: no tool always runs first
      order=()
      for ((i = ${#keep[@]} - 1; i >= 0; i--)); do order+=("${keep[$i]}"); done
    fi
    local any_prep=0
    for i in "${order[@]}"; do [[ -n ${g_preps[$i]} ]] && any_prep=1; done
    for i in "${order[@]}"; do
      local cmd=${g_cmds[$i]}
      ((g_timeout > 0)) && cmd="timeout $g_timeout $cmd"
      args+=(-n "${g_names[$i]}")
      ((any_prep)) && args+=(--prepare "${g_preps[$i]:-true}")
      args+=("$cmd")
    done
    log "$g_id: round $r/$rounds"
    (cd "$g_dir" && hyperfine "${args[@]}") >>"$out/logs/hyperfine.log" 2>&1 ||
      log "$g_id: hyperfine failed in round $r (see $out/logs/hyperfine.log)"
  done
}

# --- the benchmarks -----------------------------------------------------------------------

# 1. One message through a whole process, in a 20-commit repository.
bench_lint() {
  local dir msg
  dir=$(repo_for 20)
  msg="$out/MSG"
  printf 'feat(parser): accept tabs in scopes\n\nLonger explanation of the change.\n\nRefs #12\n' >"$msg"
  group_start "lint" "$dir" 0
  add "git rev-parse HEAD" "" git rev-parse HEAD
  add "hello-world (Rust)" "" "$hello"
  add "relhook lint FILE" "" "$relhook" lint "$msg"
  add "committed --commit-file" "" "$committed" --config committed.toml --commit-file "$msg"
  add "cog verify --file" "" "$cog" verify --file "$msg"
  add "cz check --commit-msg-file" "" "$cz" check --commit-msg-file "$msg"
  add "commitlint --edit" "" "$commitlint" --config "$commitlint_cfg" --edit "$msg"
  if ((quick)); then group_run 3 10 5; else group_run 5 20 10; fi
}

# 2. Every commit of a range (root..HEAD: the whole history).
bench_check() {
  local n=$1 dir root range
  dir=$(repo_for "$n")
  root=$(git -C "$dir" rev-list --max-parents=0 HEAD)
  range="$root..HEAD"
  group_start "check.$n" "$dir" "$timeout_s"
  add "relhook check A..B" "" "$relhook" check "$range"
  add "cog check A..B" "" "$cog" check "$range"
  add "committed A..B" "" "$committed" --config committed.toml "$range"
  add "convco check A..B" "" "$convco" check "$range"
  add "commitlint --from A --to B" "" "$commitlint" --config "$commitlint_cfg" \
    --from "$root" --to HEAD
  if ((quick)); then group_run 2 1 0; else group_run 5 1 0; fi
}

# 2b. The range CI checks by default: the commits since the last release tag. Its cost should
# not depend on the history before that tag.
bench_since_tag() {
  local n=$1 dir
  dir=$(repo_for "$n")
  group_start "sincetag.$n" "$dir" "$timeout_s"
  add "relhook check (default range)" "" "$relhook" check
  add "cog check --from-latest-tag" "" "$cog" check --from-latest-tag
  add "commitlint --from-last-tag" "" "$commitlint" --config "$commitlint_cfg" --from-last-tag
  if ((quick)); then group_run 2 2 0; else group_run 3 3 1; fi
}

# 3. The whole changelog from history and release tags, on standard output.
bench_changelog() {
  local n=$1 dir
  dir=$(repo_for "$n")
  group_start "changelog.$n" "$dir" "$timeout_s"
  add "relhook changelog --rebuild --stdout" "" "$relhook" changelog --rebuild --stdout
  add "git-cliff (Keep a Changelog config)" "" "$cliff" --config "$bench/cliff-keepachangelog.toml"
  add "cog changelog" "" "$cog" changelog
  add "convco changelog" "" "$convco" changelog
  if ((quick)); then group_run 2 1 0; else group_run 3 1 0; fi
}

# 4. The next version from the commits since the last release tag.
bench_version() {
  local n=$1 dir
  dir=$(repo_for "$n")
  group_start "version.$n" "$dir" "$timeout_s"
  if "$relhook" version --help >/dev/null 2>&1; then
    add "relhook version --next" "" "$relhook" version --next
  else
    add_na "relhook version --next" "not built yet"
  fi
  add "cog bump --auto --dry-run" "" "$cog" bump --auto --dry-run
  add "git-cliff --bumped-version" "" "$cliff" --config "$bench/cliff-keepachangelog.toml" \
    --bumped-version
  add "convco version --bump" "" "$convco" version --bump
  if ((quick)); then group_run 2 3 1; else group_run 3 5 2; fi
}

# hooked_copy COMMITS DEST: a copy of the cached repository with relhook's hooks, installed by
# `relhook install`, and a committed Keep a Changelog skeleton. Prints the base commit.
hooked_copy() {
  local src dest=$2 h
  src=$(repo_for "$1")
  cp -a "$src" "$dest"
  git -C "$dest" config user.name "Bench Mark"
  git -C "$dest" config user.email "bench@example.com"
  cat >"$dest/CHANGELOG.md" <<'EOF'
# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]
EOF
  git -C "$dest" add CHANGELOG.md
  git -C "$dest" commit -q -m "docs: start the changelog"
  # Every hook exactly as `relhook install` writes it (reference-transaction included).
  (cd "$dest" && "$relhook" install >/dev/null 2>&1) || die "relhook install failed in $dest"
  git -C "$dest" add -A
  git -C "$dest" diff --cached --quiet || git -C "$dest" commit -q --no-verify -m "chore: relhook"
  # Each run starts from this reflog: --prepare puts it back (see reset_to).
  cp "$dest/.git/logs/HEAD" "$dest/.git/HEAD.bench-reflog"
  git -C "$dest" rev-parse HEAD
}

# reset_to DIR BASE: the --prepare of a commit run: HEAD, work tree and HEAD's reflog as they
# were, so that no run sees a longer reflog or changelog than the first. No hook runs.
# hyperfine -N runs it without a shell, hence `sh -c` (the paths hold no quote).
reset_to() {
  printf "sh -c 'git -C %s -c core.hooksPath=/dev/null reset -q --hard %s && cp %s %s'" \
    "$1" "$2" "$1/.git/HEAD.bench-reflog" "$1/.git/logs/HEAD"
}

# 5. `git commit` with relhook's hooks, on a short and on a long history. Each run starts
# from the same commit (--prepare resets), so every run adds one entry to the same file.
bench_commit() {
  local big=$1
  local small_dir="$out/work/commit-20" big_dir="$out/work/commit-$big"
  local small_base big_base
  rm -rf "$out/work" && mkdir -p "$out/work"
  small_base=$(hooked_copy 20 "$small_dir")
  big_base=$(hooked_copy "$big" "$big_dir")
  group_start "commit.$big" "$out/work" 0
  local c=(commit -q --allow-empty -m "feat: x")
  add "git commit, hooks, 20 commits" "$(reset_to "$small_dir" "$small_base")" \
    git -C "$small_dir" "${c[@]}"
  add "git commit, hooks, $big commits" "$(reset_to "$big_dir" "$big_base")" \
    git -C "$big_dir" "${c[@]}"
  add "git commit, no hooks, 20 commits" "$(reset_to "$small_dir" "$small_base")" \
    git -C "$small_dir" -c core.hooksPath=/dev/null "${c[@]}"
  add "git commit, no hooks, $big commits" "$(reset_to "$big_dir" "$big_base")" \
    git -C "$big_dir" -c core.hooksPath=/dev/null "${c[@]}"
  if ((quick)); then group_run 3 5 2; else group_run 5 10 3; fi
}

# --- main ---------------------------------------------------------------------------------

main() {
  if [[ ${1:-} == --hooks ]]; then
    shift
    exec "$bench/hooks.sh" "$@"
  fi
  parse_args "$@"
  # A backtrace captured on every error (anyhow does when this is set) would slow down the
  # Rust tools that fail on purpose here; users do not usually run with it.
  unset RUST_BACKTRACE RUST_LIB_BACKTRACE
  check_tools
  local sizes=(1000 10000 100000)
  ((quick)) && sizes=(1000 10000)
  out="$results/run"
  if [[ -z $only ]]; then
    rm -rf "$out"
  else # forget only what is measured again
    for kind in lint check sincetag changelog version commit; do
      wanted "$kind" || continue
      rm -f "$out/$kind".*json
      [[ -f $out/records.tsv ]] && sed -i "/^${kind}\(\.[0-9]*\)\?\t/d" "$out/records.tsv"
    done
  fi
  mkdir -p "$out/logs"

  build_relhook
  build_hello
  setup_peers

  for n in 20 "${sizes[@]}"; do repo_for "$n" >/dev/null; done

  if wanted lint; then bench_lint; fi
  if wanted check; then for n in "${sizes[@]}"; do bench_check "$n"; done; fi
  if wanted sincetag; then for n in "${sizes[@]}"; do bench_since_tag "$n"; done; fi
  if wanted changelog; then for n in "${sizes[@]}"; do bench_changelog "$n"; done; fi
  if wanted version; then for n in "${sizes[@]}"; do bench_version "$n"; done; fi
  if wanted commit; then bench_commit "${sizes[-1]}"; fi
  rm -rf "$out/work"

  python3 "$bench/report.py" --results "$out" --peers "$cache/peers.tsv" \
    --relhook "$relhook" --quick "$quick" --markdown "$out/latest.md"
  if ((write)); then
    cp "$out/latest.md" "$results/latest.md"
    log "wrote $results/latest.md"
  fi
}

main "$@"
