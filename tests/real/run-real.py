#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-real.py: run real AArch64 programs from the arm64 sysroot.

    run-real.py --emu build/arm-uemu [--qemu qemu-aarch64] [--sysroot DIR]
                [--accel NAME] [--run-known] [--keep] [-v] CASE
    run-real.py --emu build/arm-uemu [--qemu ...] --table [-j 2] [CASE...]

One CASE (a name from cases.py) runs its program under arm-uemu -L SYSROOT,
in a fresh temporary working directory holding the data its fixtures
generate, with a fixed environment. Then either
  - the same program runs under qemu-aarch64 -L SYSROOT in another fresh
    directory, and stdout and exit status must be equal, stderr too once
    the program-name prefixes are removed; or
  - for a case with a literal expected stdout (one that execve()s another
    AArch64 program, which qemu-aarch64 cannot do without binfmt_misc),
    stdout and status must be the expected ones.
Exit status: 0 pass, 1 fail, 77 skipped (no sysroot, no qemu-aarch64 for a
comparing case, or a case of KNOWN_FAILURES: its reason is printed;
--run-known runs it anyway). A failure prints both runs.

--table runs the named cases (all by default), N at a time, and prints one
line per case: pass/FAIL/known/skip, the seconds under arm-uemu and under
qemu-aarch64, and the first line of what went wrong.

The sysroot comes from --sysroot, else $UEMU_SYSROOT, else
/var/cache/arm-uemu/sysroot-arm64; tests/real/make-sysroot.sh builds it.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402

DEFAULT_SYSROOT = "/var/cache/arm-uemu/sysroot-arm64"
SKIP = 77

# The guest's environment: the same for both emulators, whatever the host's.
BASE_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LC_ALL": "C",
    "LANG": "C",
    "TZ": "UTC",
    "TERM": "dumb",
    "USER": "root",
}


class Run:
    """One program run: the command, its result and how long it took."""

    def __init__(self, who, cmd, status, out, err, seconds):
        self.who, self.cmd = who, cmd
        self.status, self.out, self.err = status, out, err
        self.seconds = seconds

    def describe(self):
        if self.status is None:
            return "timeout"
        if self.status < 0:
            return "killed by signal %d" % -self.status
        return "exit %d" % self.status

    def show(self):
        print("== %s: %s -> %s (%.1f s)" % (self.who, " ".join(self.cmd),
                                           self.describe(), self.seconds))
        print("-- stdout --")
        print(self.out.decode(errors="replace")[-3000:], end="")
        print("-- stderr --")
        print(self.err.decode(errors="replace")[-3000:], end="")


def run_one(who, emu_cmd, case, sysroot, keep):
    """Run case under emu_cmd (the emulator and its options) in a fresh
    directory prepared by the case's fixtures."""
    work = tempfile.mkdtemp(prefix="uemu-real-%s-" % case.name)
    try:
        for f in case.fixtures:
            cases.FIXTURES[f](work)
        for name, text in case.files.items():
            cases._write(work, name, text.lstrip("\n"))
        os.utime(work, (cases.FIXED_TIME, cases.FIXED_TIME))
        env = dict(BASE_ENV, HOME=work, PWD=work)
        env.update(case.env)
        cmd = emu_cmd + ["-L", sysroot, "-0", case.prog,
                         sysroot + case.prog] + case.args
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, input=case.stdin or b"", cwd=work, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=case.timeout)
            status, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            status, out, err = None, e.stdout or b"", (e.stderr or b"") + \
                b"\n[timed out after %d s]\n" % case.timeout
        # The two runs have different directories: name them alike.
        out = out.replace(work.encode(), b"$WORK")
        err = err.replace(work.encode(), b"$WORK")
        return Run(who, cmd, status, out, err, time.monotonic() - t0)
    finally:
        if keep:
            print("kept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def loose_stderr(err, case, sysroot):
    """stderr without what legitimately differs: program-name prefixes, the
    sysroot prefix and the emulators' own lines."""
    text = err.decode(errors="replace").replace(sysroot, "")
    lines = []
    for line in text.splitlines():
        if re.match(r"^(qemu-aarch64|qemu|arm-uemu)\b", line):
            continue
        line = re.sub(r"^[\w./+-]*%s[\w.-]*: " % re.escape(
            os.path.basename(case.prog)), "PROG: ", line)
        lines.append(line)
    return lines


def judge(case, emu, ref, sysroot):
    """None when emu's run is right, else what is wrong (one line)."""
    if emu.status is None:
        return "arm-uemu timed out after %d s" % case.timeout
    if ref is None:
        if emu.status != case.status:
            return "arm-uemu: %s, expected exit %d" % (emu.describe(), case.status)
        if emu.out.decode(errors="replace") != case.expect:
            return "arm-uemu: stdout differs from the expected text"
        return None
    if ref.status is None:
        return "qemu-aarch64 timed out"
    if ref.status != case.status:
        # The reference must behave as the case says, or the case is broken.
        return "qemu-aarch64 itself: %s, the case says exit %d" % (
            ref.describe(), case.status)
    if emu.status != ref.status:
        return "arm-uemu %s, qemu-aarch64 %s" % (emu.describe(), ref.describe())
    if emu.out != ref.out:
        return "stdout differs from qemu-aarch64's"
    if loose_stderr(emu.err, case, sysroot) != loose_stderr(ref.err, case, sysroot):
        return "stderr differs from qemu-aarch64's"
    return None


def first_err_line(run):
    for line in run.err.decode(errors="replace").splitlines():
        if line.strip():
            return line.strip()[:100]
    return ""


def check(case, a, show):
    """Run one case; returns (verdict, reason, emu_seconds, qemu_seconds)."""
    if case.name in cases.KNOWN_FAILURES and not a.run_known:
        return "known", cases.KNOWN_FAILURES[case.name], 0.0, 0.0
    if not os.path.exists(a.sysroot + case.prog):
        return "FAIL", "no %s in the sysroot" % case.prog, 0.0, 0.0
    emu_cmd = [a.emu] + (["-accel", a.accel] if a.accel else [])
    ref = None
    if case.compare_qemu:
        if not a.qemu or not shutil.which(a.qemu):
            return "skip", "qemu-aarch64 not found", 0.0, 0.0
        ref = run_one("qemu-aarch64", [a.qemu], case, a.sysroot, a.keep)
    emu = run_one("arm-uemu", emu_cmd, case, a.sysroot, a.keep)
    why = judge(case, emu, ref, a.sysroot)
    if why and emu.err and not why.startswith("arm-uemu timed"):
        why += " [%s]" % first_err_line(emu)
    if show and (why or a.verbose):
        if ref:
            ref.show()
        emu.show()
        if ref and emu.out != ref.out:
            print("-- stdout diff (qemu-aarch64 -> arm-uemu) --")
            print("\n".join(list(difflib.unified_diff(
                ref.out.decode(errors="replace").splitlines(),
                emu.out.decode(errors="replace").splitlines(),
                "qemu-aarch64", "arm-uemu", lineterm=""))[:80]))
        elif ref is None and why:
            print("-- expected stdout --")
            print(case.expect, end="")
    return ("FAIL" if why else "pass"), why or "", emu.seconds, \
        (ref.seconds if ref else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--emu", required=True)
    ap.add_argument("--qemu", default="qemu-aarch64")
    ap.add_argument("--sysroot", default=os.environ.get("UEMU_SYSROOT",
                                                        DEFAULT_SYSROOT))
    ap.add_argument("--accel")
    ap.add_argument("--run-known", action="store_true",
                    help="run the cases of KNOWN_FAILURES too")
    ap.add_argument("--keep", action="store_true",
                    help="keep the working directories")
    ap.add_argument("--table", action="store_true")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("cases", nargs="*")
    a = ap.parse_args()
    a.sysroot = os.path.abspath(a.sysroot)
    # The programs run in their own directories: meson gives relative paths.
    a.emu = os.path.abspath(a.emu) if os.sep in a.emu else shutil.which(a.emu)
    if a.qemu and os.sep in a.qemu:
        a.qemu = os.path.abspath(a.qemu)

    if not os.path.exists(os.path.join(a.sysroot, "bin/busybox")):
        print("skipped: no sysroot at %s (build it with "
              "tests/real/make-sysroot.sh, or set UEMU_SYSROOT)" % a.sysroot)
        return SKIP
    for n in a.cases:
        if n not in cases.BY_NAME:
            print("unknown case %s" % n)
            return 2

    if not a.table:
        if len(a.cases) != 1:
            print("one case, or --table")
            return 2
        case = cases.BY_NAME[a.cases[0]]
        verdict, why, t_emu, t_ref = check(case, a, show=True)
        if verdict in ("known", "skip"):
            print("skipped: %s: %s" % (case.name, why))
            return SKIP
        if verdict == "FAIL":
            print("FAIL: %s: %s" % (case.name, why))
            return 1
        print("ok: %s (arm-uemu %.1f s, qemu-aarch64 %.1f s)" %
              (case.name, t_emu, t_ref))
        return 0

    todo = [cases.BY_NAME[n] for n in a.cases] if a.cases else cases.CASES
    counts = {}
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.j) as pool:
        futs = [(c, pool.submit(check, c, a, False)) for c in todo]
        for c, f in futs:
            verdict, why, t_emu, t_ref = f.result()
            counts[verdict] = counts.get(verdict, 0) + 1
            print("%-20s %-5s %6.1f %5.1f  %s" % (c.name, verdict, t_emu,
                                                  t_ref, why), flush=True)
    print("%s; %.0f s" % (", ".join("%d %s" % (v, k)
                                     for k, v in sorted(counts.items())),
                         time.monotonic() - t0))
    return 1 if counts.get("FAIL") else 0


if __name__ == "__main__":
    sys.exit(main())
