#!/usr/bin/env bash
# One commit message through a whole `relhook lint FILE` process, against `git rev-parse HEAD`
# (the floor: a process that git itself starts for every hook), side by side in one hyperfine
# run. Prints the medians and the ratio. Needs hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench/lint.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
cargo build --release --locked -q
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/relhook"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$work" init -q -b main
git -C "$work" -c user.name=b -c user.email=b@b commit -q --allow-empty -m "feat: start"
printf 'feat(parser): accept tabs in scopes\n\nLonger explanation of the change.\n\nRefs #12\n' > "$work/MSG"
cd "$work"
hyperfine -N --warmup 50 --runs "${RUNS:-500}" --style basic \
  --export-json "$work/lint.json" \
  -n "git rev-parse HEAD" "git rev-parse HEAD" \
  -n "relhook lint FILE" "$bin lint MSG" >&2
python3 - "$work/lint.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
git, rel = r["git rev-parse HEAD"], r["relhook lint FILE"]
print(f"git rev-parse HEAD   median {git['median']*1e3:.3f} ms")
print(f"relhook lint FILE    median {rel['median']*1e3:.3f} ms")
print(f"ratio relhook/git    {rel['median']/git['median']:.2f}")
PY
