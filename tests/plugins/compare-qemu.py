#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""compare-qemu.py: a shipped plugin's figures under arm-uemu and qemu-aarch64.

    compare-qemu.py --emu build/arm-uemu --qemu qemu-aarch64
                    --plugins build/plugins --v1 build/tests/plugins
                    [--cpu cortex-a57] [--uemu-plugin P]... KIND PROGRAM [ARGS...]

Debian's qemu-aarch64 (7.2) loads only version-1 plugins, so qemu runs
the version-1 build of our plugin (lib<name>-v1.so, the same source built
with -DQEMU_PLUGIN_API_VERSION=1) and arm-uemu runs the shipped version-7
build (lib<name>.so). Both run PROGRAM with an empty environment and the
same -cpu, so glibc takes the same paths (--uemu-plugin loads more plugins
into arm-uemu first, e.g. one that answers a syscall as QEMU 7.2 does).
KIND says what must agree:

  execlog   every executed instruction in order: address, instruction
            word, disassembly, and each memory access's kind; addresses
            (of instructions, accesses and pc-relative operands) below
            4 GiB (image, data,
            heap); higher ones (stack, mmap) differ between emulators by
            design and are compared as "high"
  counts    our insn, bb and mem plugins' totals under arm-uemu (callback
            and inline) equal the instructions and accesses qemu ran, as
            the cache plugin counts them (one fetch per instruction, one
            access per access)
  syscalls  the syscall table: the same numbers called the same number of
            times (errors may differ where arm-uemu implements a syscall
            QEMU 7.2 answers with ENOSYS, so they are shown, not compared)
  cache     instruction fetches, fetch misses and data accesses (data
            misses depend on where the stack is, so are not compared)
  drcov     the set of addresses of the executable's text covered by the
            blocks that ran (block boundaries are the translator's
            choice; code elsewhere, e.g. mmap'd, sits at other addresses)

The guest's stdout and exit status must agree as well. On a mismatch the
first differences are printed with both command lines.
"""

import argparse
import difflib
import os
import re
import struct
import subprocess
import sys
import tempfile

TIMEOUT = 600
HIGH = 1 << 32


class Run:
    """One emulator run with one plugin; plugin output captured via -D."""

    def __init__(self, emu, cpu, plugin, prog, args, workdir, name, extra=()):
        self.log = os.path.join(workdir, name + '.log')
        self.cmd = [emu, '-cpu', cpu, '-d', 'plugin', '-D', self.log]
        for p in list(extra) + [plugin]:
            self.cmd += ['-plugin', p]
        self.cmd += [prog] + args
        self.workdir = workdir

    def go(self):
        p = subprocess.run(self.cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env={}, cwd=self.workdir,
                           timeout=TIMEOUT)
        self.status, self.stdout, self.stderr = p.returncode, p.stdout, p.stderr
        with open(self.log, encoding='utf-8', errors='replace') as f:
            self.output = f.read()
        return self


def plugin_paths(a, name):
    return (os.path.join(a.plugins, 'lib%s.so' % name),
            os.path.join(a.v1, 'lib%s-v1.so' % name))


def run_pair(a, name, uemu_args='', qemu_args=''):
    """(arm-uemu run, qemu run) of plugin @name with argument strings."""
    v7, v1 = plugin_paths(a, name)
    with tempfile.TemporaryDirectory(prefix='cmp-') as tmp:
        u = Run(a.emu, a.cpu, v7 + uemu_args, a.program, a.args, tmp, 'uemu',
                a.uemu_plugin).go()
        q = Run(a.qemu, a.cpu, v1 + qemu_args, a.program, a.args,
                os.path.join(tmp), 'qemu').go()
        u.files = {f: open(os.path.join(tmp, f), 'rb').read()
                   for f in os.listdir(tmp) if f.endswith('.uemu')}
        q.files = {f: open(os.path.join(tmp, f), 'rb').read()
                   for f in os.listdir(tmp) if f.endswith('.qemu')}
    return u, q


def same_guest(u, q):
    if u.status == q.status and u.stdout == q.stdout:
        return True
    print('guest differs: arm-uemu %s, qemu %s' % (u.status, q.status))
    print('  arm-uemu:', ' '.join(u.cmd), '\n  qemu:    ', ' '.join(q.cmd))
    print(u.stderr.decode(errors='replace')[-2000:])
    return False


def show_diff(what, ulines, qlines, u, q, context=8):
    """Print the lines around the first difference (difflib on whole
    traces of millions of lines would take minutes)."""
    print('%s differ (qemu first, arm-uemu second):' % what)
    print('  qemu:    ', ' '.join(q.cmd))
    print('  arm-uemu:', ' '.join(u.cmd))
    first = next((i for i, (x, y) in enumerate(zip(qlines, ulines)) if x != y),
                 min(len(qlines), len(ulines)))
    print('  %d lines under qemu, %d under arm-uemu; first difference at '
          'line %d' % (len(qlines), len(ulines), first + 1))
    lo = max(0, first - 2)
    diff = difflib.unified_diff(qlines[lo:first + context],
                                ulines[lo:first + context], 'qemu', 'arm-uemu',
                                lineterm='', n=2)
    for line in diff:
        print('  ' + line)


# -- execlog ----------------------------------------------------------------

ACCESS = re.compile(r', (load|store), 0x([0-9a-f]+)')
PC = re.compile(r'^(\d+), 0x([0-9a-f]+),')
TARGET = re.compile(r'#0x([0-9a-f]+)')


def execlog_lines(text):
    """Lines with high addresses (code or data) replaced by 'high'."""
    def norm_access(m):
        addr = int(m.group(2), 16)
        return ', %s, %s' % (m.group(1), 'high' if addr >= HIGH else hex(addr))

    def norm_pc(m):
        addr = int(m.group(2), 16)
        return '%s, %s,' % (m.group(1), 'high' if addr >= HIGH else hex(addr))
    def norm_target(m):             # pc-relative operands of high code
        return '#high' if int(m.group(1), 16) >= HIGH else m.group(0)
    return [PC.sub(norm_pc, ACCESS.sub(norm_access, TARGET.sub(norm_target, line)))
            for line in text.splitlines()]


def compare_execlog(a):
    u, q = run_pair(a, 'execlog')
    ok = same_guest(u, q)
    ul, ql = execlog_lines(u.output), execlog_lines(q.output)
    if ul != ql:
        show_diff('execution traces', ul, ql, u, q)
        return False
    print('execlog: %d instructions, %d accesses agree' %
          (len(ul), sum(len(ACCESS.findall(x)) for x in u.output.splitlines())))
    return ok


# -- counts -----------------------------------------------------------------

def figure(text, pattern):
    m = re.search(pattern, text, re.M)
    return int(m.group(1)) if m else None


def compare_counts(a):
    _, q = run_pair(a, 'cache')
    insns = cache_row(q.output)['insn accesses']
    accesses = cache_row(q.output)['data accesses']
    ok = True
    for name, args, pattern, want in (
            ('insn', '', r'^total insns: (\d+)$', insns),
            ('insn', ',inline=on', r'^total insns: (\d+)$', insns),
            ('mem', ',callback=on', r'^mem accesses: (\d+)$', accesses),
            ('mem', ',inline=on', r'^mem accesses: (\d+)$', accesses),
            ('bb', '', r'^Total: bb\'s: \d+, insns: (\d+)$', insns)):
        v7, _ = plugin_paths(a, name)
        with tempfile.TemporaryDirectory(prefix='cmp-') as tmp:
            u = Run(a.emu, a.cpu, v7 + args, a.program, a.args, tmp,
                    'uemu', a.uemu_plugin).go()
        got = figure(u.output, pattern)
        ok &= same_guest(u, q)
        if got != want:
            print('lib%s.so%s: %s under arm-uemu, qemu executed %d' %
                  (name, args, got, want))
            print('  ', ' '.join(u.cmd))
            ok = False
        else:
            print('lib%s.so%s: %d, as qemu' % (name, args, got))
    return ok


# -- syscalls ---------------------------------------------------------------

def syscall_table(text):
    rows = {}
    for line in text.splitlines()[1:]:
        num, calls, errors = line.split()
        rows[int(num)] = (int(calls), int(errors))
    return rows


def compare_syscalls(a):
    u, q = run_pair(a, 'syscalls')
    ok = same_guest(u, q)
    ut, qt = syscall_table(u.output), syscall_table(q.output)
    ucalls = {n: c for n, (c, _) in ut.items()}
    qcalls = {n: c for n, (c, _) in qt.items()}
    if ucalls != qcalls:
        show_diff('syscall calls', ['%d %d' % r for r in sorted(ucalls.items())],
                  ['%d %d' % r for r in sorted(qcalls.items())], u, q)
        return False
    for n in sorted(ut):
        if ut[n][1] != qt[n][1]:
            print('note: syscall %d errors: arm-uemu %d, qemu %d' %
                  (n, ut[n][1], qt[n][1]))
    print('syscalls: %d numbers, %d calls agree' %
          (len(ucalls), sum(ucalls.values())))
    return ok


# -- cache ------------------------------------------------------------------

def cache_row(text):
    """data accesses, insn accesses, insn misses of core 0."""
    f = text.splitlines()[1].split()
    return {'data accesses': int(f[1]), 'insn accesses': int(f[4]),
            'insn misses': int(f[5])}


def compare_cache(a):
    u, q = run_pair(a, 'cache')
    ok = same_guest(u, q)
    ur, qr = cache_row(u.output), cache_row(q.output)
    if ur != qr:
        print('cache figures differ: arm-uemu %s, qemu %s' % (ur, qr))
        print('  ', ' '.join(u.cmd), '\n  ', ' '.join(q.cmd))
        return False
    print('cache: %s agree' % ur)
    return ok


# -- drcov ------------------------------------------------------------------

def drcov_coverage(data):
    """Covered byte addresses of the module's text in a drcov file."""
    head, sep, table = data.partition(b' bbs\n')
    count = int(head.rsplit(b'BB Table: ', 1)[1])
    module = re.search(rb'\n0, 0x([0-9a-f]+), 0x([0-9a-f]+),', head)
    lo, hi = int(module.group(1), 16), int(module.group(2), 16)
    covered = set()
    for i in range(count):
        start, size, _ = struct.unpack_from('<IHH', table, 8 * i)
        covered.update(a for a in range(start, start + size) if lo <= a < hi)
    return covered


def compare_drcov(a):
    u, q = run_pair(a, 'drcov', ',filename=out.uemu', ',filename=out.qemu')
    ok = same_guest(u, q)
    uc, qc = drcov_coverage(u.files['out.uemu']), drcov_coverage(q.files['out.qemu'])
    if uc != qc:
        print('drcov coverage differs: %d bytes only under arm-uemu, %d only '
              'under qemu' % (len(uc - qc), len(qc - uc)))
        for addr in sorted((uc - qc) | (qc - uc))[:20:4]:
            print('  0x%x %s' % (addr, 'arm-uemu' if addr in uc else 'qemu'))
        return False
    print('drcov: %d covered bytes agree' % len(uc))
    return ok


KINDS = {'execlog': compare_execlog, 'counts': compare_counts,
         'syscalls': compare_syscalls, 'cache': compare_cache,
         'drcov': compare_drcov}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--emu', required=True)
    ap.add_argument('--qemu', required=True)
    ap.add_argument('--plugins', required=True)
    ap.add_argument('--v1', required=True)
    ap.add_argument('--cpu', default='cortex-a57')
    ap.add_argument('--uemu-plugin', action='append', default=[])
    ap.add_argument('kind', choices=sorted(KINDS))
    ap.add_argument('program')
    ap.add_argument('args', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    a.program, a.emu = os.path.abspath(a.program), os.path.abspath(a.emu)
    a.plugins, a.v1 = os.path.abspath(a.plugins), os.path.abspath(a.v1)
    a.uemu_plugin = [os.path.abspath(p) for p in a.uemu_plugin]
    return 0 if KINDS[a.kind](a) else 1


if __name__ == '__main__':
    sys.exit(main())
