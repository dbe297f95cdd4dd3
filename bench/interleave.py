#!/usr/bin/env python3
"""Runs commands side by side, interleaved, and writes hyperfine's JSON for them.

    interleave.py --runs N --warmup W [--prepare CMD] [--prepare-for NAME CMD]...
                  --export-json FILE -n NAME CMD [-n NAME CMD]...

hyperfine runs each command's runs in one block, so a machine whose speed drifts during
the run (a shared VM, a neighbour's build) skews one command against the other: ratios
moved by a third between runs. Here every round runs every command once, in an order that
alternates (forwards, then backwards), each after its own preparation, so drift falls on all
of them alike. Like `hyperfine -N`, commands and the preparation are split into words and
run without a shell. CPU time is the command's own and its children's (wait4), which is the
time git and every hook it ran took. Writes, per command: mean and median wall-clock time,
mean user and system time (seconds), and every run's wall-clock time.
"""

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def run(argv):
    """Runs argv, discarding its output; returns (wall seconds, user, system)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"interleave: command failed with exit code {child.returncode}: {shlex.join(argv)}")
    return wall, usage.ru_utime, usage.ru_stime


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=60)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--prepare", default=None)
    p.add_argument("--prepare-for", nargs=2, action="append", default=[], metavar=("NAME", "CMD"))
    p.add_argument("--export-json", required=True)
    p.add_argument("-n", "--command", nargs=2, action="append", metavar=("NAME", "CMD"), required=True)
    a = p.parse_args()
    names = [n for n, _ in a.command]
    prepare = {n: shlex.split(a.prepare) if a.prepare else None for n in names}
    for name, cmd in a.prepare_for:
        if name not in prepare:
            sys.exit(f"interleave: --prepare-for names no command: {name}")
        prepare[name] = shlex.split(cmd)
    argvs = {n: shlex.split(c) for n, c in a.command}
    walls = {n: [] for n in names}
    users = {n: [] for n in names}
    systems = {n: [] for n in names}
    for round_ in range(a.warmup + a.runs):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            if prepare[name]:
                subprocess.run(prepare[name], check=True, stdout=subprocess.DEVNULL)
            wall, user, system = run(argvs[name])
            if round_ >= a.warmup:
                walls[name].append(wall)
                users[name].append(user)
                systems[name].append(system)
    results = []
    for name, command in a.command:
        results.append({
            "command": name,
            "argv": command,
            "mean": statistics.mean(walls[name]),
            "median": statistics.median(walls[name]),
            "stddev": statistics.stdev(walls[name]) if len(walls[name]) > 1 else 0.0,
            "user": statistics.mean(users[name]),
            "system": statistics.mean(systems[name]),
            "times": walls[name],
        })
    with open(a.export_json, "w") as f:
        json.dump({"results": results, "interleaved": True}, f, indent=1)
    for r in results:
        print(f"{r['command']}: median {r['median'] * 1e3:.2f} ms, "
              f"CPU {(r['user'] + r['system']) * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
