#!/usr/bin/env python3
"""Writes a `git fast-import` stream for a synthetic monorepo on standard output.

    python3 bench/gen_monorepo.py --commits 100000 --packages 50 --seed 7 | git fast-import --quiet

The repository is a mixed Cargo and npm workspace: package N lives in `crates/pkgNN` (odd N: a
crate with its own Cargo.toml) or `packages/pkgNN` (even N: an npm package, package.json, named
`@bench/pkgNN`), each with its own CHANGELOG.md, and the root holds the workspace manifests, a
README and a root CHANGELOG.md. `.relconfig.toml` declares every package as `[packages.pkgNN]`
(path, and the `@bench/pkgNN@{version}` tag template for the npm ones; the crates keep the
default `pkgNN-v{version}`).

Commit messages are Conventional Commits as in bench/gen_repo.py. Each commit touches the
files of one package (most), two or three packages (a few), or only root files (a few); its
scope names the package about half the time. Topic branches are merged back with merge
commits. Each package is released on its own, about every `--release-every` of its own
commits: a `chore(release): pkgNN X.Y.Z` commit that bumps that package's version file and
adds the version's heading to its CHANGELOG.md, then an annotated tag from the package's
template, bumped as that package's commits since its previous tag ask for. So every package's
last release tag lies somewhere in the last few thousand commits, as in a busy monorepo, and
`version --all` must find 50 different last tags.

Everything comes from one seeded random generator and fixed timestamps: the same arguments
give the same stream, byte for byte, hence the same commit ids. `--commits` counts every
commit (merges, topic commits and release commits included). Topic branches are written to
refs/heads/topic; delete that ref after the import.
"""

import argparse
import random
import re
import sys
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0] if "/" in __file__ else ".")
from gen_repo import Gen, SCOPES  # noqa: E402  (the message generator is shared)

START_VERSION = [0, 1, 0]
HEADER = re.compile(r"([a-z]+)(\([^()\n]*\))?(!)?: ")


def package_name(i):
    return "pkg%02d" % i


class Package:
    """One workspace member: where it lives, its version and what it has not released yet."""

    def __init__(self, i):
        self.index = i
        self.name = package_name(i)
        self.npm = i % 2 == 0
        self.dir = f"packages/{self.name}" if self.npm else f"crates/{self.name}"
        self.version = list(START_VERSION)
        self.released = []  # versions released so far, oldest first
        self.pending = -1  # bump the commits since the last tag ask for (-1: nothing yet)
        self.since_tag = 0
        self.next_tag = 0

    def tag_name(self, version):
        v = "%d.%d.%d" % tuple(version)
        return f"@bench/{self.name}@{v}" if self.npm else f"{self.name}-v{v}"

    def manifest_path(self):
        return f"{self.dir}/package.json" if self.npm else f"{self.dir}/Cargo.toml"

    def manifest(self):
        v = "%d.%d.%d" % tuple(self.version)
        if self.npm:
            return ('{\n  "name": "@bench/%s",\n  "version": "%s",\n  "main": "index.js"\n}\n'
                    % (self.name, v))
        return f'[package]\nname = "{self.name}"\nversion = "{v}"\nedition = "2021"\n'

    def changelog(self, date):
        text = ("# Changelog\n\nAll notable changes to this project will be documented in this "
                "file.\n\n## [Unreleased]\n")
        for v in reversed(self.released):
            text += "\n## [%d.%d.%d] - %s\n\n### Changed\n\n- release\n" % (*v, date)
        return text

    def config(self):
        text = f'[packages.{self.name}]\npath = "{self.dir}"\n'
        if self.npm:
            text += 'tag = "@bench/%s@{version}"\n' % self.name
        return text


def bumped(version, pending):
    if pending == 2:
        return [version[0] + 1, 0, 0] if version[0] else [0, version[1] + 1, 0]
    if pending == 1:
        return [version[0], version[1] + 1, 0]
    return [version[0], version[1], version[2] + 1]


class MonoGen(Gen):
    """gen_repo's writer with a faster clock: 1 to 60 minutes per commit, so that 100k commits
    end in 2019, before any real clock. (gen_repo's 10 min to 4 h ends 100k commits in the
    2040s: a commit made today on top would be older than its parent, and date-pruned history
    walks, libgit2's among them, then go wrong and slow.)"""

    def tick(self):
        self.clock += self.rng.randint(60, 3600)
        return self.clock


def generate(commits, packages, seed, release_every, merge_rate, out):
    g = MonoGen(seed, out)
    rng = g.rng
    pkgs = [Package(i) for i in range(1, packages + 1)]
    for p in pkgs:
        p.next_tag = rng.randint(release_every // 2, release_every * 3 // 2)
    n = 0
    head = None
    recent = []

    def blob(text):
        mark = g.next_mark()
        out.write(b"blob\nmark :%d\n" % mark)
        g.data(text)
        return mark

    def date():
        return time.strftime("%Y-%m-%d", time.gmtime(g.clock))

    # The first commit: the workspace, every package, the configuration.
    files = {
        "README.md": blob("# bench monorepo\n"),
        "CHANGELOG.md": blob("# Changelog\n\nAll notable changes to this project will be "
                             "documented in this file.\n\n## [Unreleased]\n"),
        "Cargo.toml": blob('[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n'),
        "package.json": blob('{\n  "name": "bench-monorepo",\n  "private": true,\n'
                             '  "workspaces": ["packages/*"]\n}\n'),
        ".relconfig.toml": blob("".join(p.config() + "\n" for p in pkgs)),
    }
    for p in pkgs:
        files[p.manifest_path()] = blob(p.manifest())
        files[f"{p.dir}/CHANGELOG.md"] = blob(p.changelog(date()))
        files[f"{p.dir}/src/lib.rs" if not p.npm else f"{p.dir}/index.js"] = blob("// start\n")
    head = g.commit("refs/heads/main", None, "chore: start the monorepo\n", files)
    n += 1
    recent.append(head)

    def touched():
        """The packages one change touches (empty: root files only)."""
        r = rng.random()
        if r < 0.04:
            return []
        if r < 0.12:
            return rng.sample(pkgs, rng.randint(2, 3))
        return [rng.choice(pkgs)]

    def change(ref, parent):
        """One ordinary commit on `ref`; returns (mark, files)."""
        nonlocal n
        ps = touched()
        text, bump = g.message()
        m = HEADER.match(text)
        if len(ps) == 1 and m and rng.random() < 0.5:
            # Name the package as the scope: `fix(pkg07): ...`.
            text = f"{m.group(1)}({ps[0].name}){m.group(3) or ''}: {text[m.end():]}"
        changed = {}
        if not ps:
            path = rng.choice(["README.md", ".github/workflows/ci.yml", "docs/guide.md"])
            changed[path] = blob(f"revision {n}\n")
        for p in ps:
            changed[f"{p.dir}/src/{rng.choice(SCOPES)}.rs"] = blob(f"// revision {n}\n")
            p.pending = max(p.pending, bump)
            p.since_tag += 1
        mark = g.commit(ref, parent, text, changed)
        n += 1
        return mark, changed

    def release(p):
        nonlocal head, n
        if not p.released and p.version == START_VERSION:
            pass  # the first release is the version the package started at
        else:
            p.version = bumped(p.version, p.pending)
        p.released.append(list(p.version))
        v = "%d.%d.%d" % tuple(p.version)
        files = {
            p.manifest_path(): blob(p.manifest()),
            f"{p.dir}/CHANGELOG.md": blob(p.changelog(date())),
        }
        head = g.commit("refs/heads/main", head, f"chore(release): {p.name} {v}\n", files)
        n += 1
        g.tag(p.tag_name(p.version), head)
        p.pending, p.since_tag = -1, 0
        p.next_tag = rng.randint(release_every // 2, release_every * 3 // 2)

    while n < commits:
        left = commits - n
        if left >= 5 and rng.random() < merge_rate and len(recent) > 3:
            base = recent[-rng.randint(2, min(8, len(recent)))]
            tip, files = base, {}
            for _ in range(rng.randint(1, min(3, left - 2))):
                tip, changed = change("refs/heads/topic", tip)
                files.update(changed)
            branch = f"{rng.choice(['feature', 'fix', 'topic'])}/{rng.choice(SCOPES)}-{n}"
            msg = f"Merge branch '{branch}'\n"
            head = g.commit("refs/heads/main", head, msg, files, merge=tip)
            n += 1
        else:
            head, _ = change("refs/heads/main", head)
        recent = (recent + [head])[-16:]
        # Release whichever packages are due, while there is room for the release commit.
        for p in pkgs:
            if n < commits and p.since_tag >= p.next_tag:
                release(p)
                recent = (recent + [head])[-16:]
    out.write(b"done\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--commits", type=int, required=True)
    p.add_argument("--packages", type=int, default=50)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--release-every", type=int, default=100,
                   help="a package is released about every this many of its own commits")
    p.add_argument("--merge-rate", type=float, default=0.02,
                   help="chance, per main-line step, of merging a topic branch")
    a = p.parse_args()
    if not 1 <= a.packages <= 99:
        p.error("--packages must be between 1 and 99")
    out = sys.stdout.buffer
    generate(a.commits, a.packages, a.seed, a.release_every, a.merge_rate, out)
    out.flush()


if __name__ == "__main__":
    main()
