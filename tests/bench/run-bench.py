#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-bench.py: time the benchmark programs under arm-uemu, qemu-aarch64
and natively, and print the ratios.

    run-bench.py --build BUILD [--reps 3] [--accel interp ...]
                 [--scale 1.0] [--only NAME ...] [--no-native]
                 [--emu PATH] [--qemu PATH]

Build the programs first: `ninja -C BUILD bench` (see README.md).  Each
program runs --reps times under each runner; the table shows the median
CPU time (user + system, of the emulator process: less disturbed by other
load on the machine than wall time, which is shown too) and the ratios
arm-uemu / qemu-aarch64 and arm-uemu / native.  Every run's stdout must
equal the first one's (the programs print checksums), so a fast wrong
answer is reported instead of timed.  Exit status 1 if any run failed or
printed something else.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

# Program -> its default work argument (see each source's header): a few
# tenths of a second under qemu-aarch64, some seconds with arm-uemu's
# interpreter, on a 2020s x86-64 core.
PROGRAMS = {
    'crc32': 40,
    'sieve': 4,
    'strings': 6,
    'sort': 2,
}
TIMEOUT = 1800


def run_timed(cmd):
    """(status, stdout, stderr, wall seconds) of one run of @cmd."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return 'timeout', b'', b'', 0.0
    return p.returncode, out, err, time.perf_counter() - t0


class Runner:
    """One way to run a program: qemu, arm-uemu with an accel, or native."""

    def __init__(self, name, prefix, suffix=''):
        self.name, self.prefix, self.suffix = name, prefix, suffix

    def cmd(self, build, prog, arg):
        path = os.path.join(build, 'tests', 'bench', prog + self.suffix)
        return self.prefix + [path, str(arg)]


def measure(runner, build, prog, arg, reps):
    """Median CPU and wall seconds over @reps runs, and the outputs."""
    cpus, walls, outs = [], [], []
    for _ in range(reps):
        # The child's CPU time is in os.times()'s children fields once it
        # is reaped; runs are sequential, so the difference is this run's.
        before = os.times()
        status, out, err, wall = run_timed(runner.cmd(build, prog, arg))
        after = os.times()
        if status != 0:
            msg = err.decode(errors='replace').strip().splitlines()
            return None, None, ['failed (%s)%s' % (
                status if status == 'timeout' else
                'signal %d' % -status if status < 0 else 'exit %d' % status,
                ': ' + msg[-1] if msg else '')]
        cpus.append((after.children_user - before.children_user) +
                    (after.children_system - before.children_system))
        walls.append(wall)
        outs.append(out.decode(errors='replace').strip())
    return statistics.median(cpus), statistics.median(walls), outs


def fmt_time(cpu, wall):
    return '%9.2f (%5.1f)' % (cpu, wall)


def fmt_ratio(a, b):
    return '%.2f' % (a / b) if a is not None and b else '-'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--build', required=True, help='meson build directory')
    ap.add_argument('--emu', help='arm-uemu [BUILD/arm-uemu]')
    ap.add_argument('--qemu', default='qemu-aarch64')
    ap.add_argument('--cpu', default='cortex-a57',
                    help='-cpu for both emulators (same glibc ifunc choices)')
    ap.add_argument('--accel', action='append', default=[],
                    help='arm-uemu backend, repeatable [interp]')
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--scale', type=float, default=1.0,
                    help='multiply every program\'s work argument')
    ap.add_argument('--only', action='append', default=[], choices=sorted(PROGRAMS))
    ap.add_argument('--no-native', action='store_true')
    a = ap.parse_args()

    emu = a.emu or os.path.join(a.build, 'arm-uemu')
    runners = []
    if shutil.which(a.qemu):
        runners.append(Runner('qemu', [a.qemu, '-cpu', a.cpu]))
    else:
        print('run-bench: %s not found: no qemu ratios' % a.qemu)
    for accel in a.accel or ['interp']:
        runners.append(Runner('uemu-' + accel, [emu, '-cpu', a.cpu, '-accel', accel]))
    if not a.no_native:
        runners.append(Runner('native', [], '-native'))

    progs = a.only or list(PROGRAMS)
    for prog in progs:
        for r in runners:
            path = r.cmd(a.build, prog, 0)[-2]
            if not os.path.exists(path):
                sys.exit('run-bench: %s missing: run `ninja -C %s bench` first'
                         % (path, a.build))

    print('median of %d runs; CPU seconds (wall seconds); -cpu %s' % (a.reps, a.cpu))
    names = [r.name for r in runners]
    uemus = [n for n in names if n.startswith('uemu-')]
    # Ratio columns: "ACCEL/qemu" is arm-uemu with that backend over qemu.
    head = '%-8s' % 'program' + ''.join(' %17s' % n for n in names)
    for u in uemus:
        if 'qemu' in names:
            head += ' %13s' % ('%s/qemu' % u[5:])
        if 'native' in names:
            head += ' %13s' % ('%s/native' % u[5:])
    if 'qemu' in names and 'native' in names:
        head += ' %13s' % 'qemu/native'
    print(head)

    bad = False
    for prog in progs:
        arg = max(1, round(PROGRAMS[prog] * a.scale))
        cpu, row, ref = {}, '%-8s' % prog, None
        for r in runners:
            c, w, outs = measure(r, a.build, prog, arg, a.reps)
            if c is None:
                print('  %s %s: %s' % (r.name, prog, outs[0]), file=sys.stderr)
                bad = True
            else:
                ref = ref or outs[0]
                if any(o != ref for o in outs):
                    print('  %s %s: output differs: %r, expected %r' % (
                        r.name, prog, outs, ref), file=sys.stderr)
                    bad = True
                    c = None
            cpu[r.name] = c
            row += ' ' + (fmt_time(c, w) if c is not None else '%17s' % 'failed')
        for u in uemus:
            if 'qemu' in names:
                row += ' %13s' % fmt_ratio(cpu[u], cpu['qemu'])
            if 'native' in names:
                row += ' %13s' % fmt_ratio(cpu[u], cpu['native'])
        if 'qemu' in names and 'native' in names:
            row += ' %13s' % fmt_ratio(cpu['qemu'], cpu['native'])
        print(row, flush=True)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
