#!/usr/bin/env bash
# relhook over a real public history, against what its maintainers actually did. Run by hand
# (never in CI): it replays every release of the history.
#
#   bench/real-history.sh CLONE [--prefix v] [--config FILE] [--limit N]
#
#   CLONE        a local clone of the project (it is not modified: the work happens in a
#                scratch clone under $TMPDIR)
#   --prefix     the project's tag prefix (default "v")
#   --config     a .relconfig.toml to use in the scratch clone (e.g. to set the project's
#                own 0.x policy); default: none (relhook's defaults)
#   --limit      replay only the last N releases (default: all)
#   RELHOOK=/path/to/relhook  the binary to run (default: target/debug/relhook of this
#                checkout, built with `cargo build --locked` if missing)
#
# It reports:
#   1. commits checked by `relhook check --all`, how many fail, and failures per rule;
#   2. for each release tag, oldest version first: the version `relhook version --next`
#      predicts at the tag's commit, with only the earlier tags present (`--pre ID` for a
#      pre-release tag), against the tag actually made; refusals and mismatches are listed;
#   3. the changelog `relhook changelog --rebuild` writes at HEAD: sections and entries, next
#      to the project's own CHANGELOG.md, and whether `relhook notes` answers for the latest
#      tag (from the file, or from history).
# Needs: git, python3.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 1 ] || { sed -n '2,25p' "$0"; exit 2; }
src="$(cd "$1" && pwd)"; shift
prefix="v"; config=""; limit=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --config) config="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
bin="${RELHOOK:-$here/target/debug/relhook}"
if [ ! -x "$bin" ]; then
  (cd "$here" && cargo build --locked -q)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/relhook-real.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# No checkout: relhook reads history, not files (and mirrors may lack large blobs).
git clone -q --no-tags --no-checkout "$src" "$work/repo"
# Every tag, kept aside: the replay re-creates them one release at a time.
git -C "$work/repo" fetch -q --no-tags "$src" '+refs/tags/*:refs/alltags/*'
if [ -n "$config" ]; then cp "$config" "$work/repo/.relconfig.toml"; fi

RELHOOK_BIN="$bin" PREFIX="$prefix" LIMIT="$limit" REPO="$work/repo" SRC="$src" python3 - <<'PY'
import collections, json, os, re, subprocess

bin_, prefix, repo, src = os.environ["RELHOOK_BIN"], os.environ["PREFIX"], os.environ["REPO"], os.environ["SRC"]
limit = int(os.environ["LIMIT"])

def git(*args, check=True):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=check).stdout.strip()

def relhook(*args):
    p = subprocess.run([bin_, *args], cwd=repo, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr

print(f"# relhook on {os.path.basename(src)}")
head = git("rev-parse", "HEAD")

# 1. Lint over the whole history.
code, out, err = relhook("check", "--all", "--format", "json")
doc = json.loads(out)
rules = collections.Counter()
for c in doc["commits"]:
    for f in c["findings"]:
        if f["severity"] == "error":
            rules[f["rule"]] += 1
print(f"\n## check --all\ncommits checked: {doc['checked']}, failed: {doc['failed']}, ignored: {doc['ignored']}")
for rule, n in rules.most_common():
    print(f"  {rule}: {n}")

# 2. Replay the releases.
semver = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$")
def key(v):
    m = semver.match(v)
    pre = m.group(4)
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split(".")) if pre else ()
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)), 0 if pre else 1, parts)
tags = []
for ref in git("for-each-ref", "--format=%(refname:strip=2)", "refs/alltags").splitlines():
    if ref.startswith(prefix) and semver.match(ref[len(prefix):]):
        tags.append(ref)
tags.sort(key=lambda t: key(t[len(prefix):]))
start = max(0, len(tags) - limit) if limit else 0
for t in tags[:start]:
    git("update-ref", f"refs/tags/{t}", f"refs/alltags/{t}")
stats = collections.Counter()
misses, refusals = [], []
for t in tags[start:]:
    version = t[len(prefix):]
    commit = git("rev-parse", f"refs/alltags/{t}^{{commit}}")
    git("update-ref", "--no-deref", "HEAD", commit)
    args = ["version", "--next"]
    pre = semver.match(version).group(4)
    if pre:
        args += ["--pre", re.split(r"[.\d]", pre)[0] or pre]
    code, out, err = relhook(*args)
    predicted = out.strip()
    if code != 0:
        stats["refused"] += 1
        refusals.append((t, code, (err.strip().splitlines() or [""])[0]))
    elif predicted == version:
        stats["right"] += 1
    else:
        stats["wrong"] += 1
        misses.append((t, predicted))
    git("update-ref", f"refs/tags/{t}", f"refs/alltags/{t}")
git("update-ref", "--no-deref", "HEAD", head)
replayed = len(tags) - start
print(f"\n## version --next at each release ({replayed} release tags, {len(tags[start:]) and sum(1 for t in tags[start:] if '-' in t)} of them pre-releases)")
print(f"predicted = tag: {stats['right']}, different: {stats['wrong']}, refused: {stats['refused']}")
for t, p in misses[:25]:
    print(f"  {t}: relhook says {p}")
if len(misses) > 25:
    print(f"  ... and {len(misses) - 25} more")
for t, c, e in refusals[:10]:
    print(f"  {t}: exit {c}: {e}")

# 3. The rebuilt changelog.
code, out, err = relhook("changelog", "--rebuild", "--stdout")
if code == 0:
    sections = len(re.findall(r"^## \[", out, re.M)) - 1
    entries = len(re.findall(r"^[-*] ", out, re.M))
    print(f"\n## changelog --rebuild\nrelease sections: {sections}, entries: {entries}")
else:
    print(f"\n## changelog --rebuild\nexit {code}: {err.strip()}")
text = subprocess.run(["git", "-C", repo, "show", "HEAD:CHANGELOG.md"], capture_output=True).stdout.decode("utf-8", "replace")
if text:
    own_sections = len(re.findall(r"^#{1,2} \[?v?\d+\.\d+\.\d+", text, re.M))
    own_entries = len(re.findall(r"^\s*[-*] ", text, re.M))
    print(f"the project's CHANGELOG.md: release headings: {own_sections}, bullets: {own_entries}")
if tags:
    code, out, err = relhook("notes", tags[-1])
    how = "from history" if "built from the commits" in err else "from CHANGELOG.md"
    print(f"notes {tags[-1]}: exit {code}, {len(out.splitlines())} lines, {how}")
PY
