#!/usr/bin/env bash
# Installs the peer tools that bench/run.sh compares relhook with, each from its own registry,
# into bench/.cache (nothing goes into the user's PATH or home), and records their versions in
# bench/.cache/peers.tsv ("name<TAB>version", or "n/a" when the install failed).
#
# A peer that fails to install is not an error: the table says "n/a" for it. Each install is
# skipped when its binary is already there, so a second run costs nothing. Builds run under
# `nice -n 19` and one at a time (the machine is shared).
#
# Usage: bench/peers.sh                   install what is missing, then record versions
#        bench/peers.sh --versions-only   only record the versions of what is there
set -uo pipefail # no -e: one peer failing must not stop the others

bench=$(cd "$(dirname "$0")" && pwd)
cache="$bench/.cache"
root="$cache/peers"     # cargo install --root: binaries land in $root/bin
npm_dir="$cache/npm"    # commitlint and its conventional config
venv="$cache/venv"      # commitizen
logs="$cache/logs"
mkdir -p "$root" "$npm_dir" "$logs"

# log MESSAGE: progress on stderr, so that callers can keep stdout for data.
log() { printf 'peers: %s\n' "$*" >&2; }

# cargo_peer NAME BIN [CARGO-INSTALL-ARGS...]: `cargo install` one crate unless BIN exists.
# A shared target dir lets the peers reuse each other's compiled dependencies (git2, clap...).
cargo_peer() {
  local name=$1 bin=$2
  shift 2
  [[ -x "$root/bin/$bin" ]] && return 0
  command -v cargo >/dev/null || { log "$name: no cargo"; return 1; }
  log "$name: cargo install $* (log: $logs/$name.log)"
  CARGO_TARGET_DIR="$cache/cargo-target" nice -n 19 \
    cargo install --root "$root" "$@" >"$logs/$name.log" 2>&1 ||
    { log "$name: install failed, see $logs/$name.log"; return 1; }
}

# npm_peers: commitlint's CLI and the config it is usually run with.
npm_peers() {
  [[ -x "$npm_dir/node_modules/.bin/commitlint" &&
     -d "$npm_dir/node_modules/@commitlint/config-conventional" ]] && return 0
  command -v npm >/dev/null || { log "commitlint: no npm"; return 1; }
  log "commitlint: npm install (log: $logs/commitlint.log)"
  nice -n 19 npm install --prefix "$npm_dir" --no-audit --no-fund \
    @commitlint/cli @commitlint/config-conventional >"$logs/commitlint.log" 2>&1 ||
    { log "commitlint: install failed, see $logs/commitlint.log"; return 1; }
}

# pypi_peers: commitizen in its own virtual environment.
pypi_peers() {
  [[ -x "$venv/bin/cz" ]] && return 0
  command -v python3 >/dev/null || { log "commitizen: no python3"; return 1; }
  log "commitizen: pip install (log: $logs/commitizen.log)"
  { python3 -m venv "$venv" && nice -n 19 "$venv/bin/pip" install -q commitizen; } \
    >"$logs/commitizen.log" 2>&1 ||
    { log "commitizen: install failed, see $logs/commitizen.log"; return 1; }
}

# version_of NAME COMMAND...: the first version-looking word the command prints, else "n/a".
version_of() {
  local name=$1 out
  shift
  out=$("$@" 2>/dev/null | grep -Eo '[0-9]+\.[0-9]+\.[0-9]+[^ ]*' | head -n1) || true
  printf '%s\t%s\n' "$name" "${out:-n/a}"
}

# record_versions: bench/.cache/peers.tsv, read by the report.
record_versions() {
  {
    version_of commitlint "$npm_dir/node_modules/.bin/commitlint" --version
    version_of cocogitto "$root/bin/cog" --version
    version_of committed "$root/bin/committed" --version
    version_of convco "$root/bin/convco" --version
    version_of git-cliff "$root/bin/git-cliff" --version
    version_of commitizen "$venv/bin/cz" version
  } >"$cache/peers.tsv"
  log "versions: $(tr '\t\n' '= ' <"$cache/peers.tsv")"
}

main() {
  if [[ ${1:-} == --versions-only ]]; then
    record_versions
    return 0
  fi
  # npm and pip download more than they build: run them beside the cargo builds.
  npm_peers &
  pypi_peers &
  cargo_peer committed committed --locked committed
  cargo_peer cocogitto cog --locked cocogitto
  # convco 0.7.2's lock file needs a newer compiler than it declares, and it builds libgit2's
  # C sources with cmake (Debian: apt-get install cmake).
  if command -v cmake >/dev/null || [[ -x "$root/bin/convco" ]]; then
    cargo_peer convco convco --locked --ignore-rust-version --version 0.7.2 convco
  else
    log "convco: not installed: its build needs cmake (Debian: apt-get install cmake)"
    printf 'convco needs cmake (apt-get install cmake)\n' >"$logs/convco.log"
  fi
  cargo_peer git-cliff git-cliff --locked git-cliff
  wait
  record_versions
}

main "$@"
