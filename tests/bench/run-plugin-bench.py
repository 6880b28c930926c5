#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-plugin-bench.py: the cost of plugin instrumentation, as a ratio to
the uninstrumented run, under arm-uemu and qemu-aarch64.

    run-plugin-bench.py --build BUILD [--reps 3] [--scale 1.0] [--only NAME ...]
                        [--emu PATH] [--qemu PATH] [--cpu cortex-a57]
                        [--v1-on-uemu] [--no-qemu]

Build first: `ninja -C BUILD arm-uemu bench-plugins` (the programs of
run-bench.py and tests/bench/bench-plugin.c, built for API version 7 and
version 1). For each benchmark program and emulator, the program runs
--reps times uninstrumented and with each plugin configuration:

    none     no -plugin at all (the baseline: ratio 1 by definition)
    empty    bench-plugin mode=empty: loaded, registers nothing
    inline   an inline add per instruction
    cb       a callback per instruction (QEMU_PLUGIN_CB_NO_REGS)
    mem      a callback per memory access, recording it

arm-uemu loads the version-7 build (and, with --v1-on-uemu, the version-1
build as a third column set); qemu-aarch64 7.2 loads only version 1. Times
are median CPU seconds (user + system of the emulator process: steadier
than wall time on a shared machine); the table gives the baseline's and,
for each configuration, its median divided by the baseline's median.
Each run's stdout must equal the baseline's, and the plugin's own count
(printed under -d plugin) must be the same for inline and cb, so a broken
configuration is reported instead of timed. Exit status 1 on any failure.
"""
import argparse
import importlib.util
import os
import re
import shutil
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    'run_bench', os.path.join(HERE, 'run-bench.py'))
run_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_bench)

CONFIGS = ['none', 'empty', 'inline', 'cb', 'mem']


def measure(cmd, reps):
    """(median CPU, median wall, stdouts, stderrs) of @reps runs, or None."""
    cpus, walls, outs, errs = [], [], [], []
    for _ in range(reps):
        before = os.times()
        status, out, err, wall = run_bench.run_timed(cmd)
        after = os.times()
        if status != 0:
            lines = err.decode(errors='replace').strip().splitlines()
            print('  failed (%s): %s%s' % (status, ' '.join(cmd),
                                           ': ' + lines[-1] if lines else ''),
                  file=sys.stderr)
            return None
        cpus.append((after.children_user - before.children_user) +
                    (after.children_system - before.children_system))
        walls.append(wall)
        outs.append(out.decode(errors='replace').strip())
        errs.append(err.decode(errors='replace'))
    return statistics.median(cpus), statistics.median(walls), outs, errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--build', required=True)
    ap.add_argument('--emu')
    ap.add_argument('--qemu', default='qemu-aarch64')
    ap.add_argument('--no-qemu', action='store_true')
    ap.add_argument('--cpu', default='cortex-a57')
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--scale', type=float, default=1.0)
    ap.add_argument('--only', action='append', default=[],
                    choices=sorted(run_bench.PROGRAMS))
    ap.add_argument('--v1-on-uemu', action='store_true')
    a = ap.parse_args()

    emu = a.emu or os.path.join(a.build, 'arm-uemu')
    bench = os.path.join(a.build, 'tests', 'bench')
    v7 = os.path.join(bench, 'libbench-plugin-v7.so')
    v1 = os.path.join(bench, 'libbench-plugin-v1.so')
    # (column name, emulator command, plugin)
    runners = [('uemu', [emu, '-cpu', a.cpu], v7)]
    if a.v1_on_uemu:
        runners.append(('uemu-v1', [emu, '-cpu', a.cpu], v1))
    if not a.no_qemu:
        if shutil.which(a.qemu):
            runners.append(('qemu', [a.qemu, '-cpu', a.cpu], v1))
        else:
            print('run-plugin-bench: %s not found: no qemu column' % a.qemu)
    progs = a.only or list(run_bench.PROGRAMS)
    for path in [v7, v1] + [os.path.join(bench, p) for p in progs]:
        if not os.path.exists(path):
            sys.exit('run-plugin-bench: %s missing: run `ninja -C %s arm-uemu '
                     'bench-plugins` first' % (path, a.build))

    print('median of %d runs; CPU seconds of the uninstrumented run, then '
          'instrumented/uninstrumented CPU time; -cpu %s; scale %g' %
          (a.reps, a.cpu, a.scale))
    head = '%-8s' % 'program'
    for name, _, _ in runners:
        head += ' | %-6s %8s' % (name, 'base s') + ''.join(
            ' %6s' % c for c in CONFIGS)
    print(head)
    bad = False
    ratios = {}                        # (runner, config) -> [ratio per program]
    for prog in progs:
        arg = max(1, round(run_bench.PROGRAMS[prog] * a.scale))
        row = '%-8s' % prog
        for name, prefix, plugin in runners:
            cpu, ref, counts = {}, None, {}
            for config in CONFIGS:
                cmd = list(prefix)
                if config != 'none':
                    cmd += ['-d', 'plugin', '-plugin', plugin + ',mode=' + config]
                cmd += [os.path.join(bench, prog), str(arg)]
                got = measure(cmd, a.reps)
                if got is None:
                    bad = True
                    cpu[config] = None
                    continue
                c, _, outs, errs = got
                ref = ref if ref is not None else outs[0]
                if any(o != ref for o in outs):
                    print('  %s %s %s: output differs: %r, expected %r' %
                          (name, prog, config, outs, ref), file=sys.stderr)
                    bad = True
                    c = None
                m = re.search(r'bench-plugin: \w+ (\d+)', errs[0])
                counts[config] = int(m.group(1)) if m else None
                cpu[config] = c
            if counts.get('inline') != counts.get('cb'):
                print('  %s %s: inline counted %s instructions, cb %s' %
                      (name, prog, counts.get('inline'), counts.get('cb')),
                      file=sys.stderr)
                bad = True
            base = cpu['none']
            row += ' | %-6s %8s' % ('', '%.2f' % base if base else 'failed')
            for config in CONFIGS:
                r = cpu[config] / base if cpu[config] and base else None
                ratios.setdefault((name, config), []).append(r)
                row += ' %6s' % ('%.2f' % r if r else '-')
        print(row, flush=True)
    # Geometric means over the programs, per runner and configuration.
    row = '%-8s' % 'geomean'
    for name, _, _ in runners:
        row += ' | %-6s %8s' % ('', '')
        for config in CONFIGS:
            rs = [r for r in ratios.get((name, config), []) if r]
            row += ' %6s' % ('%.2f' % statistics.geometric_mean(rs) if rs else '-')
    print(row)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
