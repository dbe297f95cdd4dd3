#!/usr/bin/env python3
"""Turns a bench/run.sh run into one Markdown table, the goals of issue 7, and the machine.

Reads, from --results: records.tsv (one line per command: group, name, status, exit status,
peak RSS in kB, note; written by run.sh's probe) and <group>.<round>.json (hyperfine exports;
the times of all rounds are pooled before taking the median). Prints the Markdown and writes
it to --markdown. Never fails on a missed goal: goals are reported, not enforced.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys

TITLES = {
    "lint": "1. one message",
    "check": "2. range check",
    "sincetag": "2b. check since last tag",
    "changelog": "3. full changelog",
    "version": "4. next version",
    "commit": "5. git commit + hooks",
}
ORDER = list(TITLES)


def sh(*cmd):
    """A command's first output line, or "?" when it cannot run."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout
        return out.strip().splitlines()[0] if out.strip() else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


class Row:
    def __init__(self, group, name, status, exit_status, mem_kb, note):
        self.group, self.name, self.status, self.note = group, name, status, note
        self.exit = exit_status
        self.mem_kb = int(mem_kb) if mem_kb.strip().isdigit() else None
        self.times = []

    @property
    def kind(self):
        return self.group.split(".")[0]

    @property
    def size(self):
        parts = self.group.split(".")
        return int(parts[1]) if len(parts) > 1 else None

    @property
    def median(self):
        return statistics.median(self.times) if self.times else None


def load(results):
    rows = {}
    with open(os.path.join(results, "records.tsv"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            fields += [""] * (7 - len(fields))
            row = Row(*fields[:6])
            if fields[6]:  # too slow to repeat: the probe's wall time is its one run
                row.times.append(float(fields[6]))
            rows[(row.group, row.name)] = row
    for path in sorted(glob.glob(os.path.join(results, "*.json"))):
        group = re.sub(r"\.\d+\.json$", "", os.path.basename(path))
        try:
            with open(path, encoding="utf-8") as f:
                results = json.load(f)["results"]
        except (OSError, ValueError, KeyError) as e:  # a round cut short: use the others
            print(f"report: skipping {path}: {e}", file=sys.stderr)
            continue
        for r in results:
            row = rows.get((group, r["command"]))
            if row:
                row.times.extend(r["times"])
    # By benchmark, then fastest first; commands that timed out, then those not run, last.
    def rank(r):
        late = {"timeout": 1, "failed": 2, "n/a": 3}.get(r.status, 0)
        return (ORDER.index(r.kind), r.size or 0, late, r.median or 0)
    return sorted(rows.values(), key=rank)


def fmt_time(s):
    if s is None:
        return "–"
    if s >= 1:
        return f"{s:.2f} s"
    return f"{s * 1e3:.1f} ms" if s >= 0.01 else f"{s * 1e3:.2f} ms"


def fmt_mem(kb):
    return "–" if kb is None else f"{kb * 1024 / 1e6:.1f} MB"


def fmt_ratio(x):
    if x is None:
        return "–"
    return f"{x:.2f}×" if x < 100 else f"{x:.0f}×"


def reference(rows, group):
    """The row a group's ratios are relative to: relhook's, or the 20-commit hooked commit."""
    for r in rows:
        if r.group == group and r.median is not None and (
                r.name.startswith("relhook") or r.name == "git commit, hooks, 20 commits"):
            return r
    return None


def cell_time(r):
    if r.status == "n/a":
        return f"n/a ({r.note})"
    if r.status == "timeout":
        return r.note
    if r.status == "failed":
        return f"failed ({r.note})"
    return fmt_time(r.median)


def table(rows):
    out = ["| benchmark | commits | command | median | × ref | peak RSS | runs | exit |",
           "|---|---:|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        ref = reference(rows, r.group)
        ratio = r.median / ref.median if ref and r.median is not None else None
        size = f"{r.size:,}" if r.size else "20"
        if r.kind == "commit":
            size = "20 / " + size
        out.append(f"| {TITLES[r.kind]} | {size} | {r.name} | {cell_time(r)} | "
                   f"{fmt_ratio(ratio)} | {fmt_mem(r.mem_kb)} | {len(r.times) or '–'} | "
                   f"{r.exit or '–'} |")
    return out


def goals(rows, quick):
    """The goals of issue 7: (what, value, goal, met or None when it cannot be judged)."""
    by = {(r.group, r.name): r for r in rows}

    def med(group, name):
        r = by.get((group, name))
        return r.median if r else None

    def ratio(a, b):
        return a / b if a is not None and b else None

    sizes = sorted({r.size for r in rows if r.kind == "check" and r.size})
    big = sizes[-1] if sizes else None
    big_label = f"{big // 1000}k" if big else "?"
    out = []

    rel = med("lint", "relhook lint FILE")
    x = ratio(rel, med("lint", "hello-world (Rust)"))
    out.append(("one message: relhook ÷ hello-world", fmt_ratio(x), "≤ 1.25×",
                None if x is None else x <= 1.25))
    x = ratio(rel, med("lint", "committed --commit-file"))
    out.append(("one message: relhook ÷ committed", fmt_ratio(x), "< 1×",
                None if x is None else x < 1))
    x = ratio(med("lint", "commitlint --edit"), rel)
    out.append(("one message: commitlint ÷ relhook", fmt_ratio(x), "≥ 300×",
                None if x is None else x >= 300))

    if big:
        g = f"check.{big}"
        relr = by.get((g, "relhook check A..B"))
        peers = [r for r in rows if r.group == g and not r.name.startswith("relhook")
                 and r.median is not None]
        fastest = min(peers, key=lambda r: r.median) if peers else None
        x = ratio(relr.median if relr else None, fastest.median if fastest else None)
        name = f" ({fastest.name.split()[0]})" if fastest else ""
        out.append((f"range check {big_label}: relhook ÷ fastest peer{name}", fmt_ratio(x),
                    "≤ 0.5×", None if x is None else x <= 0.5))
        m = ratio(relr.mem_kb if relr else None, fastest.mem_kb if fastest else None)
        out.append((f"range check {big_label}: relhook's peak RSS ÷ fastest peer's{name}",
                    fmt_ratio(m), "≤ 0.5×", None if m is None else m <= 0.5))

        g = f"changelog.{big}"
        relr = by.get((g, "relhook changelog --rebuild --stdout"))
        t = relr.median if relr else None
        out.append((f"full changelog {big_label}: relhook's time", fmt_time(t), "≤ 1 s",
                    None if t is None else t <= 1))
        mem = relr.mem_kb * 1024 / 1e6 if relr and relr.mem_kb else None
        out.append((f"full changelog {big_label}: relhook's peak RSS", fmt_mem(relr.mem_kb if relr else None),
                    "≤ 80 MB", None if mem is None else mem <= 80))
        cliff = by.get((g, "git-cliff (Keep a Changelog config)"))
        x = ratio(t, cliff.median if cliff else None)
        shown = fmt_ratio(x)
        if x is None and t is not None and cliff and cliff.status == "timeout":
            # git-cliff gave up: relhook's time over the timeout bounds the ratio.
            limit = float(cliff.note.strip("> s"))
            x, shown = t / limit, f"< {t / limit:.2f}×"
        out.append((f"full changelog {big_label}: relhook ÷ git-cliff (DESIGN §8)", shown,
                    "< 1×", None if x is None else x < 1))

        small = sizes[0]
        x = ratio(med(f"sincetag.{big}", "relhook check (default range)"),
                  med(f"sincetag.{small}", "relhook check (default range)"))
        out.append((f"check since the last tag: relhook {big_label} ÷ {small // 1000}k (history "
                    "before the last tag should not count)", fmt_ratio(x), "≤ 1.1×",
                    None if x is None else x <= 1.1))
        x = ratio(med(f"version.{big}", "relhook version --next"),
                  med(f"version.{small}", "relhook version --next"))
        out.append((f"next version: relhook {big_label} ÷ {small // 1000}k (history before the "
                    "last tag should not count)", fmt_ratio(x) if x else "n/a (not built yet)",
                    "≤ 1.1×", None if x is None else x <= 1.1))

        g = f"commit.{big}"
        x = ratio(med(g, f"git commit, hooks, {big} commits"),
                  med(g, "git commit, hooks, 20 commits"))
        out.append((f"git commit with hooks: {big_label} ÷ 20 commits", fmt_ratio(x), "≤ 1.1×",
                    None if x is None else x <= 1.1))
    lines = ["| goal | measured | wanted | met |", "|---|---:|---:|:---:|"]
    for what, value, goal, met in out:
        mark = "–" if met is None else "yes" if met else "**no**"
        lines.append(f"| {what} | {value} | {goal} | {mark} |")
    if quick:
        lines.append("")
        lines.append(f"`--quick` run: the goals stated for 100k commits are judged at {big_label}.")
    return lines


def machine(relhook):
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        mem = "?"
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return [
        f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- machine: {sh('nproc')} cores ({cpu}), {mem} RAM, {platform.system()} "
        f"{platform.release()}",
        f"- {sh('git', '--version')}; {sh('hyperfine', '--version')}; {sh('rustc', '--version')}",
        f"- relhook: {sh(relhook, '--version')} at commit "
        f"{sh('git', '-C', top, 'describe', '--always', '--dirty')}",
    ]


def peer_versions(path):
    try:
        with open(path, encoding="utf-8") as f:
            pairs = [l.rstrip("\n").split("\t") for l in f if "\t" in l]
    except OSError:
        return "- peers: none recorded"
    cache = os.path.dirname(path)
    conv = os.path.join(cache, "npm/node_modules/@commitlint/config-conventional/package.json")
    parts = []
    for name, version in pairs:
        if name == "commitlint" and version != "n/a" and os.path.exists(conv):
            with open(conv, encoding="utf-8") as f:
                version += f" (+ config-conventional {json.load(f)['version']})"
        parts.append(f"{name} {version}")
    return "- peers: " + ", ".join(parts)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--results", required=True)
    p.add_argument("--peers", required=True)
    p.add_argument("--relhook", required=True)
    p.add_argument("--quick", type=int, default=0)
    p.add_argument("--markdown", required=True)
    a = p.parse_args()
    rows = load(a.results)
    doc = ["## Benchmarks", ""]
    doc += machine(a.relhook) + [peer_versions(a.peers), ""]
    doc += table(rows)
    doc += ["",
            "Median of all runs, as whole processes (hyperfine `-N`, runs of all commands "
            "interleaved in rounds, after a warm-up). × ref: the median over relhook's in the "
            "same benchmark (5: over the hooked commit on 20 commits). Peak RSS: "
            "`/usr/bin/time -v` of one run (the largest single process). exit: the exit status "
            "(the synthetic histories hold a few % of non-conventional commits, so a range "
            "check is expected to fail). A command slower than 60 s is timed once. Repositories: bench/gen_repo.py, seed 1.",
            ""]
    doc += goals(rows, a.quick)
    text = "\n".join(doc) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(a.markdown)), exist_ok=True)
    with open(a.markdown, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
