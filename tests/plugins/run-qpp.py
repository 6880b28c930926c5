#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-qpp.py: the plugin-to-plugin example pair against libsyscalls.so.

    run-qpp.py --emu arm-uemu --syscalls libsyscalls.so \
               --producer libqpp-syscalls.so --consumer libqpp-opencount.so \
               [--consumer-first] [--sysroot DIR] [--expect LINE]... PROG [ARGS]

Runs PROG once with libsyscalls.so (QEMU's per-syscall table) and once with
the pair (the producer first, or the consumer first with
--consumer-first), both under -d plugin, and requires:
  - the same stdout and exit status 0 in both runs;
  - libqpp-opencount's "opens: N calls, F failed, T syscalls in all" to
    agree with the table: N = calls of openat (56) + openat2 (437), F =
    their errors, T = all calls;
  - its per-path lines to be sorted by path and to add up to N and F;
  - each --expect LINE (e.g. "     3       0  /dev/null") to be one of them.
"""

import argparse
import re
import subprocess
import sys

OPENS = (56, 437)


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env={}, timeout=600)
    return p.returncode, p.stdout.decode(errors='replace'), \
        p.stderr.decode(errors='replace')


def fail(msg, cmd, out, err):
    print('FAIL: ' + msg)
    print('command: ' + ' '.join(cmd))
    print('--- stdout ---\n' + out)
    print('--- stderr ---\n' + err)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--emu', required=True)
    ap.add_argument('--syscalls', required=True)
    ap.add_argument('--producer', required=True)
    ap.add_argument('--consumer', required=True)
    ap.add_argument('--consumer-first', action='store_true')
    ap.add_argument('--sysroot')
    ap.add_argument('--expect', action='append', default=[])
    ap.add_argument('prog', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    base = [a.emu, '-d', 'plugin'] + (['-L', a.sysroot] if a.sysroot else [])

    cmd = base + ['-plugin', a.syscalls] + a.prog
    rc, ref_out, err = run(cmd)
    if rc != 0:
        fail('libsyscalls run: exit status %d' % rc, cmd, ref_out, err)
    calls = errors = total = 0
    for m in re.finditer(r'^(\d+)\s+(\d+)\s+(\d+)$', err, re.M):
        num, c, e = (int(x) for x in m.groups())
        total += c
        if num in OPENS:
            calls += c
            errors += e

    pair = ['-plugin', a.producer, '-plugin', a.consumer]
    if a.consumer_first:
        pair = ['-plugin', a.consumer, '-plugin', a.producer]
    cmd = base + pair + a.prog
    rc, out, err = run(cmd)
    if rc != 0 or out != ref_out:
        fail('pair run: exit status %d, stdout %s' %
             (rc, 'same' if out == ref_out else 'differs: %r' % ref_out),
             cmd, out, err)
    head = re.search(r'^opens: (\d+) calls, (\d+) failed, (\d+) syscalls in all$',
                     err, re.M)
    if not head:
        fail('no "opens:" summary', cmd, out, err)
    got = tuple(int(x) for x in head.groups())
    if got != (calls, errors, total):
        fail('summary says %d calls, %d failed, %d syscalls; libsyscalls '
             'counted %d, %d, %d' % (got + (calls, errors, total)), cmd, out, err)
    rows = re.findall(r'^ *(\d+) +(\d+)  (.*)$', err[head.end():], re.M)
    lines = [l for l in err[head.end():].split('\n')
             if re.match(r'^ *\d+ +\d+  ', l)]
    paths = [r[2] for r in rows]
    if paths != sorted(paths, key=lambda p: p.encode()):
        fail('paths not sorted', cmd, out, err)
    if sum(int(r[0]) for r in rows) != calls or \
            sum(int(r[1]) for r in rows) != errors:
        fail('per-path lines do not add up', cmd, out, err)
    for want in a.expect:
        if want not in lines:
            fail('no line %r' % want, cmd, out, err)
    print('ok: %d opens (%d failed) of %d syscalls, %d paths' %
          (calls, errors, total, len(rows)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
