#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-guest.py: run one guest program under arm-uemu and check it.

    run-guest.py --emu build/arm-uemu [--accel interp]
                 [--qemu qemu-aarch64] [--sysroot DIR] [--status N]
                 [--stdout TEXT] PROGRAM [ARGS...]

Passes when arm-uemu's exit status is the expected one (0 unless --status),
its stdout equals --stdout when given, and, with --qemu, its stdout and
status equal what qemu-aarch64 gives for the same program and arguments.
A failure prints both runs side by side, so the log is enough to start
debugging. Exit status: 0 pass, 1 fail (meson's convention).
"""
import argparse
import difflib
import shutil
import subprocess
import sys

TIMEOUT = 300


def run(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out after %d s" % TIMEOUT
    return p.returncode, p.stdout, p.stderr


def describe(status):
    if status is None:
        return "timeout"
    if status < 0:
        return "killed by signal %d" % -status
    return "exit %d" % status


def show(name, cmd, status, out, err):
    print("== %s: %s -> %s" % (name, " ".join(cmd), describe(status)))
    print("-- stdout --")
    print(out.decode(errors="replace"), end="")
    print("-- stderr --")
    print(err.decode(errors="replace")[-4000:], end="")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--emu", required=True)
    ap.add_argument("--accel")
    ap.add_argument("--qemu")
    ap.add_argument("--sysroot")
    ap.add_argument("--cpu")
    ap.add_argument("--status", type=int, default=0)
    ap.add_argument("--stdout")
    ap.add_argument("program")
    ap.add_argument("args", nargs=argparse.REMAINDER)
    a = ap.parse_args()

    common = []
    if a.sysroot:
        common += ["-L", a.sysroot]
    if a.cpu:
        common += ["-cpu", a.cpu]
    emu_cmd = [a.emu] + common + (["-accel", a.accel] if a.accel else [])
    emu_cmd += [a.program] + a.args
    status, out, err = run(emu_cmd)
    ok = status == a.status
    if a.stdout is not None and out.decode(errors="replace") != a.stdout:
        ok = False
    if a.qemu and shutil.which(a.qemu):
        q_cmd = [a.qemu] + common + [a.program] + a.args
        q_status, q_out, q_err = run(q_cmd)
        if (q_status, q_out) != (status, out):
            ok = False
            show("qemu-aarch64", q_cmd, q_status, q_out, q_err)
            diff = difflib.unified_diff(
                q_out.decode(errors="replace").splitlines(),
                out.decode(errors="replace").splitlines(),
                "qemu-aarch64", "arm-uemu", lineterm="")
            print("-- stdout diff (qemu-aarch64 -> arm-uemu) --")
            print("\n".join(diff))
    if not ok or status is None:
        show("arm-uemu", emu_cmd, status, out, err)
        print("expected %s" % describe(a.status))
        return 1
    print("ok: %s (%s)" % (" ".join(emu_cmd), describe(status)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
