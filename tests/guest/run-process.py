#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-process.py: run arm-uemu once and check what only it can do (execve
re-executing the emulator, plugins carried across exec and fork), where no
qemu-aarch64 without binfmt_misc can give a reference.

    run-process.py [--status N] [--stdout TEXT] [--stderr-count REGEX=N]...
                   -- EMU [EMU-OPTIONS] PROGRAM [ARGS...]

Passes when the exit status is N (0 by default), stdout equals TEXT when
given, and each REGEX matches exactly N lines of stderr (the -d plugin log).
Exit status: 0 pass, 1 fail (meson's convention).
"""
import argparse
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--status", type=int, default=0)
    ap.add_argument("--stdout")
    ap.add_argument("--stderr-count", action="append", default=[])
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=300)
    except subprocess.TimeoutExpired:
        print("timed out: %s" % " ".join(cmd))
        return 1
    out = p.stdout.decode(errors="replace")
    err = p.stderr.decode(errors="replace")
    problems = []
    if p.returncode != a.status:
        problems.append("status %d, expected %d" % (p.returncode, a.status))
    if a.stdout is not None and out != a.stdout:
        problems.append("stdout differs; expected:\n%s" % a.stdout)
    for spec in a.stderr_count:
        regex, _, n = spec.rpartition("=")
        got = sum(1 for line in err.splitlines() if re.search(regex, line))
        if got != int(n):
            problems.append("%d stderr lines match %r, expected %s" % (got, regex, n))
    if problems:
        print("== %s" % " ".join(cmd))
        print("-- stdout --\n%s-- stderr --\n%s" % (out, err[-4000:]))
        print("\n".join(problems))
        return 1
    print("ok: %s" % " ".join(cmd))
    return 0


if __name__ == "__main__":
    sys.exit(main())
