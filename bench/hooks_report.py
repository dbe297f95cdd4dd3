#!/usr/bin/env python3
"""The report of bench/hooks.sh: medians, the ratio each goal of issue 16 names (both sides
from the same interleaved run), and whether the goal is met. Prints Markdown; --markdown FILE
also writes it there."""

import argparse
import json
import os
import subprocess
import sys


def load(results, group):
    path = os.path.join(results, f"hooks.{group}.json")
    if not os.path.exists(path):
        return {}
    return {r["command"]: r for r in json.load(open(path))["results"]}


def ms(r):
    return r["median"] * 1e3


def cpu(r):
    """Mean CPU time (user + system, the hooks' processes included), in ms: steadier than
    wall time on a loaded machine."""
    return (r["user"] + r["system"]) * 1e3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--relhook", required=True)
    ap.add_argument("--markdown")
    a = ap.parse_args()

    ids = ["commit", "commit-none", "commit-cog", "commit-committed", "noverify",
           "refs-update-ref", "refs-git-branch--f", "refs-fetch", "refs-fetch-of-100-new-tags", "tags", "tags-other",
           "byhand", "lint", "lint-same", "growth-reflog", "growth-changelog"]
    groups = {g: load(a.results, g) for g in ids}
    out = []
    say = out.append
    try:
        version = subprocess.run([a.relhook, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        version = "?"
    pie = "?"
    try:
        header = subprocess.run(["readelf", "-h", a.relhook], capture_output=True, text=True).stdout
        pie = "PIE" if "DYN" in header else "not PIE" if "EXEC" in header else "?"
        dynamic = subprocess.run(["readelf", "-d", a.relhook], capture_output=True, text=True).stdout
        if pie == "PIE" and "(NEEDED)" not in dynamic:
            pie = "static PIE"
        if "(RELR)" in dynamic:
            pie += ", packed relocations"
    except OSError:
        pass
    say(f"# relhook's hooks beside git's own cost ({version}, {pie})")
    say("")
    say("One interleaved run per group of commands (bench/interleave.py: each round runs every")
    say("command once, in alternating order); wall-clock medians, and CPU time (user + system")
    say("of git and every hook it ran, mean) beside them.")
    try:
        say(f"Load average at the end: {open('/proc/loadavg').read().split()[0]}.")
    except OSError:
        pass
    say("")
    say("| command | median | CPU | run |")
    say("|---|---:|---:|---|")
    for gid, g in groups.items():
        for name, r in g.items():
            say(f"| {name} | {ms(r):.2f} ms | {cpu(r):.2f} ms | {gid} |")
    skipped = os.path.join(a.results, "hooks.skipped.tsv")
    if os.path.exists(skipped):
        for line in open(skipped):
            if line.strip():
                name, why = line.rstrip("\n").split("\t", 1)
                say(f"| {name} | n/a | | {why} |")
    say("")
    say("## Goals")
    say("")
    say("| goal | wall-clock ratio | CPU ratio | limit | met |")
    say("|---|---:|---:|---:|---|")
    verdicts = []

    def ratio(group, num, den, limit, label):
        g = groups[group]
        lim = "" if limit is None else f"≤ {limit}×"
        if num not in g or den not in g:
            say(f"| {label} | n/a | | {lim} | |")
            return
        x = g[num]["median"] / g[den]["median"]
        c = cpu(g[num]) / cpu(g[den])
        met = "" if limit is None else ("yes" if c <= limit else "**no**")
        say(f"| {label} | {x:.2f}× ({ms(g[num]):.2f} / {ms(g[den]):.2f} ms) | {c:.2f}× | {lim} | {met} |")
        if limit is not None:
            verdicts.append(c <= limit)

    def delta(group, num, den, limit_ms, label, git_own=None, read_write=None):
        """The time `num` adds over `den`; with `git_own` (the same pair with no hooks), what
        git itself adds is taken off, and the goal is judged on relhook's share; with
        `read_write` (the file's read and write by git, with the large file and the small), on
        what relhook's share grows beyond them, as the goal is worded."""
        g = groups[group]
        lim = f"≤ {limit_ms} ms" if limit_ms is not None else ""
        if num not in g or den not in g:
            say(f"| {label} | n/a | | {lim} | |")
            return
        d = ms(g[num]) - ms(g[den])
        c = cpu(g[num]) - cpu(g[den])
        if git_own and all(k in g for k in git_own):
            gd = ms(g[git_own[0]]) - ms(g[git_own[1]])
            gc = cpu(g[git_own[0]]) - cpu(g[git_own[1]])
            say(f"| {label}, the whole commit | {d:+.2f} ms ({ms(g[num]):.2f} vs {ms(g[den]):.2f} ms) | {c:+.2f} ms | | |")
            say(f"| {label}, git alone (no hooks) | {gd:+.2f} ms | {gc:+.2f} ms | | |")
            what = label
            d, c, label = d - gd, c - gc, f"{label}, by relhook's hooks (the two above, subtracted)"
            detail = ""
            share = (d, c)
            if read_write and all(k in g for k in read_write):
                rd = ms(g[read_write[0]]) - ms(g[read_write[1]])
                rc = cpu(g[read_write[0]]) - cpu(g[read_write[1]])
                say(f"| {label} | {d:+.2f} ms | {c:+.2f} ms | | |")
                say(f"| the file's read and write alone, by git (`hash-object -w`, a copy), added time "
                    f"| {rd:+.2f} ms | {rc:+.2f} ms | | |")
                d, c = d - rd, c - rc
                label = f"{what}, by relhook beyond the file's read and write (the two above, subtracted)"
        else:
            detail = f" ({ms(g[num]):.2f} vs {ms(g[den]):.2f} ms)"
            share = (d, c)
        met = "" if limit_ms is None else ("yes" if c <= limit_ms else "**no**")
        # Hooks cannot take time off a commit: a share well below zero is the machine's drift
        # between the rounds, and the run says nothing either way. (Below git's own read and
        # write of the file is no drift: relhook's share is then smaller than that work.)
        disturbed = limit_ms is not None and min(share) < -0.5
        if disturbed:
            met = "**disturbed** (below zero: run again)"
        say(f"| {label} | {d:+.2f} ms{detail} | {c:+.2f} ms | {lim} | {met} |")
        if limit_ms is not None:
            verdicts.append(c <= limit_ms and not disturbed)

    ratio("commit", "commit, relhook hooks", "commit, no-op hooks", 1.3, "commit, relhook's four hooks / four no-op hooks")
    ratio("commit-none", "commit, relhook hooks", "commit, no hooks", None, "commit, relhook's hooks / no hooks")
    for peer in ("cog", "committed"):
        ratio(f"commit-{peer}", "commit, relhook hooks", f"commit, {peer} as commit-msg", None,
              f"commit, relhook's hooks / {peer} as the only hook")
    ratio("noverify", "commit --no-verify, relhook hooks", "commit --no-verify, no-op hooks", None,
          "commit --no-verify, relhook's hooks / no-op hooks")
    for what in ("update-ref", "git branch -f", "fetch", "fetch of 100 new tags"):
        ratio("refs-" + what.replace(" ", "-"), f"{what}, relhook hook", f"{what}, no-op hook", 1.15,
              f"{what}, relhook's reference-transaction / a no-op one")
    ratio("tags", "tag -a vX.Y.Z, relhook hooks", "tag -a vX.Y.Z, no hooks", 4,
          "`git tag -a vX.Y.Z` by hand (release commit made) / plain `git tag -a`")
    # The reference for the hand tag: the same release commit and tag made with git alone.
    tags, byhand = groups["tags"], groups["byhand"]
    plain, hand = tags.get("tag -a vX.Y.Z, no hooks"), tags.get("tag -a vX.Y.Z, relhook hooks")
    for label in ("no hooks", "no-op hooks"):
        parts = [byhand.get(f"release by hand: {s}, {label}") for s in ("commit -a", "tag -a")]
        if None in parts or plain is None or hand is None:
            say(f"| release by hand (`git commit -a`, then `git tag -a`), {label} | n/a | | | |")
            continue
        wall, c = sum(ms(p) for p in parts), sum(cpu(p) for p in parts)
        say(f"| release by hand (`git commit -a`, then `git tag -a`), {label} / plain `git tag -a` "
            f"| {wall / ms(plain):.2f}× ({wall:.2f} / {ms(plain):.2f} ms) | {c / cpu(plain):.2f}× | | |")
        say(f"| hand tag with relhook / the release by hand, {label} "
            f"| {ms(hand) / wall:.2f}× ({ms(hand):.2f} / {wall:.2f} ms) | {cpu(hand) / c:.2f}× | | |")
    ratio("tags-other", "tag -a other, relhook hooks", "tag -a other, no-op hooks", 1.15,
          "`git tag -a` of a non-release tag / no-op hooks")
    ratio("lint", "relhook lint FILE", "hello-world (Rust)", 1.15, "`relhook lint FILE` / Rust hello-world")
    same = "hello-world (Rust, relhook's link flags)"
    if same in groups["lint-same"]:
        ratio("lint-same", "relhook lint FILE", same, None,
              "`relhook lint FILE` / the hello-world linked as relhook is")
    for group, label, what in (("growth-reflog", "10k-line reflog", "a 10,000-line HEAD reflog"),
                               ("growth-changelog", "5,000-entry changelog", "a 5,000-entry CHANGELOG.md")):
        delta(group, f"commit, relhook hooks, {label}", "commit, relhook hooks", 1,
              f"commit with {what}, added time",
              git_own=(f"commit, no hooks, {label}", "commit, no hooks"),
              read_write=(f"read and write, git, {label}", "read and write, git"))
    inst = os.path.join(a.results, "hooks.instructions.tsv")
    if os.path.exists(inst):
        counts = dict(line.rstrip("\n").split("\t") for line in open(inst) if "\t" in line)
        for name, label in (("hello-world (Rust)", "hello-world"),
                            ("hello-world (Rust, relhook's link flags)", "the hello-world linked as relhook is")):
            try:
                h = int(counts[name].replace(",", ""))
                r = int(counts["relhook lint FILE"].replace(",", ""))
                say(f"| instructions, `relhook lint FILE` / {label} (callgrind) | {r / h:.2f}× ({r:,} / {h:,}) | | | |")
            except (KeyError, ValueError):
                pass
    say("")
    say(f"{sum(verdicts)} of {len(verdicts)} goals met, judged on CPU time: on a shared machine the")
    say("wall clock mostly measures the wait for a free core.")
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
