#!/usr/bin/env python3
"""Writes a `git fast-import` stream for a synthetic repository on standard output.

    python3 bench/gen_repo.py --commits 10000 --seed 7 | git fast-import --quiet

The history looks like a busy project's: Conventional Commit messages with scopes, bodies and
footers (`Refs #N`, `Closes #N`, `BREAKING CHANGE:`), a few `!` headers and git-style reverts,
topic branches merged back with "Merge branch ..." / "Merge pull request ..." commits, a few
percent of non-conventional messages ("WIP", "Update README.md"), and annotated release tags
v0.1.0, v0.2.0, ... about every 200 commits, bumped the way the commits since the previous tag
ask for. The last tag is exactly 50 commits below the tip (when there are more than 50).

Everything comes from one seeded random generator and fixed timestamps: the same arguments
give the same stream, byte for byte, hence the same commit ids.

`--commits` counts every commit, merges and topic-branch commits included. The topic branches
are written to refs/heads/topic; bench/run.sh deletes that ref after the import.
"""

import argparse
import random
import sys

TYPES = [  # (type, weight): roughly what a busy project's history holds
    ("fix", 30), ("feat", 24), ("chore", 9), ("docs", 8), ("refactor", 8), ("test", 7),
    ("build", 3), ("ci", 3), ("perf", 3), ("style", 2), ("revert", 1),
]
SCOPES = [
    "api", "cli", "parser", "config", "auth", "db", "ui", "deps", "core", "http",
    "cache", "docs", "release", "build", "i18n",
]
VERBS = [
    "add", "handle", "support", "remove", "rename", "avoid", "allow", "use", "drop",
    "simplify", "document", "speed up", "validate", "cache", "report", "parse", "skip",
    "expose", "log", "retry", "limit", "sort", "escape", "normalize", "split", "merge",
]
OBJECTS = [
    "empty scopes", "tabs in headers", "the config loader", "trailing whitespace",
    "unicode paths", "large repositories", "the merge driver", "stale lock files",
    "duplicate entries", "the retry budget", "timeouts on slow links", "nested groups",
    "the session token", "relative links", "windows line endings", "the progress bar",
    "missing translations", "the error message", "long option names", "shallow clones",
    "the default branch", "symlinked directories", "the plugin registry", "rate limits",
    "signed tags", "the cache key", "zero-length files", "the release notes", "old clients",
]
QUALIFIERS = [
    "", "", "", " on startup", " in the parser", " when the file is missing", " for new users",
    " behind a proxy", " in ci", " on windows", " after a restart", " for large inputs",
]
WORDS = (
    "the change keeps the old behaviour for existing users while new installs get the "
    "faster path this was reported by several people and is now covered by a test we "
    "also clean up a helper that had grown too many arguments and document why the "
    "order matters here the previous code assumed a single reader which no longer holds "
    "since the cache is shared between workers"
).split()
NON_CONVENTIONAL = [
    "Update README.md", "WIP", "fix typo", "Fixed the build", "Bump version",
    "More tests", "cleanup", "Add docs for the installer", "oops", "Address review comments",
]
AUTHORS = [
    ("Ada Lovelace", "ada@example.com"), ("Linus Pauling", "linus@example.com"),
    ("Grace Hopper", "grace@example.com"), ("Alan Turing", "alan@example.com"),
    ("Katherine Johnson", "kj@example.com"), ("Edsger Dijkstra", "ewd@example.com"),
    ("Barbara Liskov", "liskov@example.com"), ("Donald Knuth", "knuth@example.com"),
    ("Margaret Hamilton", "mh@example.com"), ("Ken Thompson", "ken@example.com"),
    ("Frances Allen", "fran@example.com"), ("Dennis Ritchie", "dmr@example.com"),
]
UNRELEASED = 50  # commits after the last release tag, whatever the size
START = 1451606400  # 2016-01-01T00:00:00Z: every timestamp derives from this


class Gen:
    """The stream writer: one seeded generator, one clock, one mark counter."""

    def __init__(self, seed, out):
        self.rng = random.Random(seed)
        self.out = out
        self.mark = 0
        self.clock = START
        self.issue = 1

    def next_mark(self):
        self.mark += 1
        return self.mark

    def data(self, text):
        raw = text.encode()
        self.out.write(b"data %d\n" % len(raw))
        self.out.write(raw)
        self.out.write(b"\n")

    def tick(self):
        # Between 10 minutes and 4 hours per commit.
        self.clock += self.rng.randint(600, 4 * 3600)
        return self.clock

    def issue_ref(self):
        self.issue += self.rng.randint(0, 3)
        return self.issue

    # --- messages -------------------------------------------------------------------------

    def sentence_lines(self):
        """A paragraph of 1-4 lines of at most 72 characters."""
        lines = []
        for _ in range(self.rng.randint(1, 4)):
            words, line = self.rng.sample(WORDS, self.rng.randint(6, 11)), ""
            for w in words:
                if len(line) + len(w) + 1 > 72:
                    break
                line = f"{line} {w}" if line else w
            lines.append(line)
        lines[0] = lines[0][0].upper() + lines[0][1:]
        lines[-1] += "."
        return "\n".join(lines)

    def conventional(self):
        """A Conventional Commit message; returns (text, bump) with bump 0/1/2 (patch..major)."""
        rng = self.rng
        kind = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
        scope = f"({rng.choice(SCOPES)})" if rng.random() < 0.7 else ""
        desc = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(QUALIFIERS)}"
        breaking = kind in ("feat", "fix", "refactor") and rng.random() < 0.004
        bang = "!" if breaking and rng.random() < 0.5 else ""
        parts = [f"{kind}{scope}{bang}: {desc}"]
        if rng.random() < 0.45:
            parts.append(self.sentence_lines())
            if rng.random() < 0.2:
                parts.append(self.sentence_lines())
        footers = []
        if rng.random() < 0.25:
            footers.append(f"Refs #{self.issue_ref()}")
        if kind == "fix" and rng.random() < 0.2:
            footers.append(f"Closes #{self.issue_ref()}")
        if rng.random() < 0.03:
            name, email = rng.choice(AUTHORS)
            footers.append(f"Co-authored-by: {name} <{email}>")
        if breaking and not bang:
            footers.append(f"BREAKING CHANGE: {rng.choice(OBJECTS)} {rng.choice(['are', 'is'])} "
                           f"no longer accepted; see the upgrade notes")
        if footers:
            parts.append("\n".join(footers))
        bump = 2 if breaking else 1 if kind == "feat" else 0
        return "\n\n".join(parts) + "\n", bump

    def message(self):
        """Any main-line or topic message: mostly conventional, some reverts, a few not."""
        rng = self.rng
        r = rng.random()
        if r < 0.03:
            return rng.choice(NON_CONVENTIONAL) + "\n", 0
        if r < 0.035:
            header, _ = self.conventional()
            sha = "%040x" % rng.getrandbits(160)
            return f'Revert "{header.splitlines()[0]}"\n\nThis reverts commit {sha}.\n', 0
        return self.conventional()

    # --- objects --------------------------------------------------------------------------

    def blob(self, n):
        mark = self.next_mark()
        self.out.write(b"blob\nmark :%d\n" % mark)
        self.data(f"// revision {n}\npub const REVISION: u32 = {n};\n")
        return mark

    def commit(self, ref, parent, text, files, merge=None):
        """One commit on `ref`; `files` maps path -> blob mark. Returns the commit's mark."""
        mark = self.next_mark()
        name, email = self.rng.choice(AUTHORS)
        when = self.tick()
        self.out.write(f"commit {ref}\nmark :{mark}\n".encode())
        self.out.write(f"author {name} <{email}> {when} +0000\n".encode())
        self.out.write(f"committer {name} <{email}> {when} +0000\n".encode())
        self.data(text)
        if parent:
            self.out.write(b"from :%d\n" % parent)
        if merge:
            self.out.write(b"merge :%d\n" % merge)
        for path, blob in files.items():
            self.out.write(f"M 100644 :{blob} {path}\n".encode())
        return mark

    def tag(self, name, target):
        tagger, email = self.rng.choice(AUTHORS)
        self.out.write(f"tag {name}\nfrom :{target}\n".encode())
        self.out.write(f"tagger {tagger} <{email}> {self.clock + 60} +0000\n".encode())
        self.data(f"Release {name}\n")


def generate(commits, seed, tag_every, merge_rate, out):
    g = Gen(seed, out)
    rng = g.rng
    n = 0  # commits written so far
    head = None
    recent = []  # main-line marks, to branch topics off a few commits back
    version = [0, 0, 0]
    pending = -1  # bump the commits since the last tag ask for (-1: nothing yet)
    next_tag = rng.randint(tag_every * 3 // 4, tag_every * 5 // 4)
    since_tag = 0

    def note(bump):
        nonlocal pending, since_tag
        pending = max(pending, bump)
        since_tag += 1

    while n < commits:
        left = commits - n
        if head and left >= 4 and rng.random() < merge_rate and len(recent) > 3:
            # A topic branch of 1-3 commits from a few commits back, merged with a merge commit.
            base = recent[-rng.randint(2, min(8, len(recent)))]
            tip, files = base, {}
            for _ in range(rng.randint(1, min(3, left - 1))):
                text, bump = g.message()
                path = f"src/{rng.choice(SCOPES)}.rs"
                files[path] = g.blob(n)
                tip = g.commit("refs/heads/topic", tip, text, {path: files[path]})
                note(bump)
                n += 1
            branch = f"{rng.choice(['feature', 'fix', 'topic'])}/{rng.choice(SCOPES)}-{n}"
            if rng.random() < 0.5:
                msg = f"Merge branch '{branch}'\n"
            else:
                msg = f"Merge pull request #{g.issue_ref()} from example/{branch}\n"
            head = g.commit("refs/heads/main", head, msg, files, merge=tip)
        else:
            text, bump = g.message()
            path = f"src/{rng.choice(SCOPES)}.rs" if n else "README.md"
            head = g.commit("refs/heads/main", head, text, {path: g.blob(n)})
            note(bump)
        n += 1
        recent = (recent + [head])[-16:]
        # A release about every `tag_every` commits, and a last one exactly UNRELEASED commits
        # before the tip: every size has the same unreleased work, so commands that should
        # only read the commits since the last tag can be compared across sizes.
        last = commits - n == UNRELEASED
        if (since_tag >= next_tag and commits - n > UNRELEASED + tag_every // 2) or (
                last and since_tag):
            if version == [0, 0, 0]:
                version = [0, 1, 0]
            elif pending == 2:
                version = [version[0] + 1, 0, 0] if version[0] else [0, version[1] + 1, 0]
            elif pending == 1:
                version = [version[0], version[1] + 1, 0]
            else:
                version = [version[0], version[1], version[2] + 1]
            g.tag("v%d.%d.%d" % tuple(version), head)
            pending, since_tag = -1, 0
            next_tag = rng.randint(tag_every * 3 // 4, tag_every * 5 // 4)
    out.write(b"done\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--commits", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--tag-every", type=int, default=200)
    p.add_argument("--merge-rate", type=float, default=0.02,
                   help="chance, per main-line step, of merging a topic branch")
    a = p.parse_args()
    out = sys.stdout.buffer
    generate(a.commits, a.seed, a.tag_every, a.merge_rate, out)
    out.flush()


if __name__ == "__main__":
    main()
