#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-shipped.py: run a guest program under arm-uemu with a shipped plugin.

    run-shipped.py --emu build/arm-uemu [--sysroot DIR] [--status N]
                   [--stop] PLUGIN.so[,ARGS] PROGRAM [ARGS...]

First runs PROGRAM without a plugin, then with the plugin (-d plugin, -D
to a log, in a fresh working directory for the files some plugins write).
Passes when
- the guest behaves the same: exit status and stdout unchanged (exit
  status --status when given; with --stop, the plugin ends the run, so
  only its status is checked);
- stderr is what it is without the plugin (argument errors go there);
- the plugin's output has QEMU's format exactly: each line is parsed and
  printed again with the plugin's printf format, and must come out the
  same; figures that must agree with each other (per-vCPU lines and their
  total, sort orders, row limits, file sizes) do.
"{entry}" in ARGS is replaced by PROGRAM's ELF entry point, in hex.
A failure prints the command line and the offending lines.
"""

import argparse
import os
import re
import struct
import subprocess
import sys
import tempfile

TIMEOUT = 600


class Fail(Exception):
    pass


def need(cond, what):
    if not cond:
        raise Fail(what)


def parse_args_string(spec):
    """'lib.so,a=1,b=2' -> {'a': '1', 'b': '2'} (bare key -> 'on')."""
    out = {}
    for part in spec.split(',')[1:]:
        key, _, value = part.partition('=')
        out.setdefault(key, []).append(value if _ else 'on')
    return {k: v[-1] for k, v in out.items()} | {k + '*': v for k, v in out.items()}


def rerender(line, pattern, fmt):
    """@line fully matches @pattern, and printing its groups with @fmt (each
    converted as its %d, %x or %s asks) gives @line back; returns them."""
    m = re.fullmatch(pattern, line)
    need(m, 'line %r does not match %r' % (line, pattern))
    kinds = re.findall(r'%[-0-9.]*([dxs])', fmt.replace('%%', ''))
    values = tuple(int(g) if k == 'd' else int(g, 16) if k == 'x' else g
                   for g, k in zip(m.groups(), kinds))
    need(fmt % values == line,
         'line %r printed with %r gives %r' % (line, fmt, fmt % values))
    return values


# -- One checker per plugin: (output text, args dict, workdir) -----------

def check_bb(out, args, wd):
    lines = out.splitlines()
    need(lines and lines[-1].startswith('Total: '), 'no Total line')
    blocks = insns = 0
    for line in lines[:-1]:
        _, b, i = rerender(line, r'CPU(\d+): bb\'s: (\d+), insns: (\d+)',
                           "CPU%d: bb's: %d, insns: %d")
        need(b > 0, 'a CPU line with no blocks: %r' % line)
        blocks, insns = blocks + b, insns + i
    tb, ti = rerender(lines[-1], r"Total: bb's: (\d+), insns: (\d+)",
                      "Total: bb's: %d, insns: %d")
    need((tb, ti) == (blocks, insns), 'Total is not the sum of the CPU lines')
    need(0 < tb <= ti, 'implausible totals')


def check_insn(out, args, wd):
    lines = out.splitlines()
    i = 0
    trace = args.get('trace') == 'on'
    # Records are announced at translation, traced hits at execution: the
    # two kinds of line interleave.
    while i < len(lines) and (lines[i].startswith('Created record for: ') or
                              (trace and lines[i].startswith('0x'))):
        if lines[i].startswith('0x'):
            rerender(lines[i], r"0x([0-9a-f]+), '(.*)', (\d+) hits , cpu "
                     r"(\d+), (\d+) match hits, \u0394\+(\d+) since last "
                     r"match, (\d+) avg insns/match",
                     "0x%s, '%s', %d hits , cpu %d, %d match hits, "
                     "\u0394+%d since last match, %d avg insns/match")
        else:
            rerender(lines[i], r'Created record for: ([0-9a-f]+) (.*)',
                     'Created record for: %s %s')
        i += 1
    if args.get('sizes') == 'on':
        rerender(lines[i], r'len (\d+) bytes: (\d+) insns', 'len %d bytes: %d insns')
        need(lines[i].startswith('len 4 bytes: '), 'AArch64 insns are 4 bytes')
        i += 1
    else:
        total = 0
        while lines[i].startswith('cpu '):
            total += rerender(lines[i], r'cpu (\d+) insns: (\d+)',
                              'cpu %d insns: %d')[1]
            i += 1
        t, = rerender(lines[i], r'total insns: (\d+)', 'total insns: %d')
        need(t == total and t > 0, 'total is not the sum of the cpu lines')
        i += 1
    for prefix in args.get('match*', []):
        hits, = rerender(lines[i], r'Match: (.*), hits (\d+)',
                         'Match: %s, hits %d')[1:]
        i += 1
        listed = 0
        while i < len(lines) and lines[i].startswith('  '):
            _, disas, h = rerender(lines[i], r'  ([0-9a-f]+): (.*) \(hits (\d+)\)',
                                   '  %s: %s (hits %d)')
            need(disas.startswith(prefix), 'listed %r under %r' % (disas, prefix))
            listed += h
            i += 1
        need(listed == hits, 'match %r: hits %d, listed %d' % (prefix, hits, listed))
    need(i == len(lines), 'unexpected lines from %r' % lines[i:i + 1])


def check_mem(out, args, wd):
    lines = out.splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith('Warning: '):
        rerender(lines[i], r'Warning: 0x([0-9a-f]{16}):(\d+) read an '
                 r'un-instrumented value',
                 'Warning: 0x%016x:%d read an un-instrumented value')
        i += 1
    if args.get('print-accesses') == 'on':
        need(lines[0] == 'insn_vaddr,insn_symbol,mem_vaddr,mem_hwaddr,'
             'access_size,access_type,mem_value', 'no CSV header')
        i = 1
        while i < len(lines) and lines[i].startswith('0x'):
            m = re.fullmatch(r'0x[0-9a-f]+,[^,]*,0x[0-9a-f]+,0x0,(8|16|32|64|128),'
                             r'(load|store),0x([0-9a-f]+)', lines[i])
            need(m, 'bad access line %r' % lines[i])
            need(len(m.group(3)) == int(m.group(1)) // 4,
                 'value width does not match the size: %r' % lines[i])
            i += 1
    if 'inline' in args or 'callback' in args:
        n, = rerender(lines[i], r'mem accesses: (\d+)', 'mem accesses: %d')
        need(n > 0, 'no accesses counted')
        i += 1
    if args.get('haddr') == 'on':
        need(lines[i] == 'io accesses: 0', 'user mode has no I/O')
        i += 1
    if args.get('region-summary') == 'on':
        need(lines[i] == 'Region Base, Reads, Writes, Seen all', 'no region header')
        i += 1
        bases = []
        while i < len(lines) and lines[i].startswith('0x'):
            bases.append(rerender(lines[i], r'0x([0-9a-f]{16}), (\d+), (\d+), '
                                  r'(true|false)', '0x%016x, %d, %d, %s')[0])
            i += 1
        need(bases == sorted(bases) and len(bases) != 1, 'regions not sorted')
    need(i == len(lines), 'unexpected lines from %r' % lines[i:i + 1])


def check_syscalls(out, args, wd):
    lines = out.splitlines()
    if args.get('print') == 'on':
        pending = []
        for line in lines:
            if ' returned -> ' in line:
                n, _ = rerender(line, r'syscall #(\d+) returned -> (-?\d+)',
                                'syscall #%d returned -> %d')
                need(pending and pending.pop() == n, 'return without call')
            else:
                pending.append(rerender(line, r'syscall #(\d+)', 'syscall #%d')[0])
        need(pending in ([], [93], [94]), 'unreturned calls %r' % pending)
        return
    need(lines[0] == 'syscall no.  calls  errors', 'no table header')
    rows = [rerender(l, r'(\d+) +(\d+) +(\d+)', '%-13d%-6d %d') for l in lines[1:]]
    calls = [r[1] for r in rows]
    need(calls == sorted(calls, reverse=True), 'not sorted by calls')
    need(all(r[2] <= r[1] for r in rows), 'more errors than calls')


def check_sorted_rows(rows, key, limit, what):
    keys = [key(r) for r in rows]
    need(keys == sorted(keys, reverse=True), '%s not sorted' % what)
    need(len(rows) <= limit, 'more than %d %s' % (limit, what))


def check_hotblocks(out, args, wd):
    lines = out.splitlines()
    n, = rerender(lines[0], r'collected (\d+) entries in the hash table',
                  'collected %d entries in the hash table')
    need(lines[1] == 'pc, tcount, icount, ecount', 'no header')
    rows = [rerender(l, r'0x([0-9a-f]{16}), (\d+), (\d+), (\d+)',
                     '0x%016x, %d, %d, %d') for l in lines[2:]]
    check_sorted_rows(rows, lambda r: r[3], 20, 'blocks')
    need(len(rows) == min(20, n - 1), 'QEMU prints min(20, n - 1) rows')


def check_hotpages(out, args, wd):
    lines = out.splitlines()
    need(lines[0] == 'Addr, RCPUs, Reads, WCPUs, Writes', 'no header')
    rows = [rerender(l, r'0x([0-9a-f]{16}), 0x([0-9a-f]{4}), (\d+), '
                     r'0x([0-9a-f]{4}), (\d+)', '0x%016x, 0x%04x, %d, 0x%04x, %d') for l in lines[1:]]
    sort = args.get('sortby')
    key = {'reads': lambda r: r[2], 'writes': lambda r: r[4],
           'address': lambda r: r[0]}.get(sort, lambda r: r[2] + r[4])
    check_sorted_rows(rows, key, 50, 'pages')
    size = int(args.get('pagesize', '4096'))
    need(all(r[0] % size == 0 for r in rows), 'page addresses not aligned')
    need(len(rows) > 0, 'no pages')


def check_howvec(out, args, wd):
    lines = out.splitlines()
    need(lines[0] == 'Instruction Classes:', 'no title')
    i = 1
    hits = 0
    while i < len(lines) and lines[i].startswith('Class: '):
        m = re.fullmatch(r'Class: (.{24,}?)\t(?:\((\d+) hits\)|counted '
                         r'individually|not counted)', lines[i])
        need(m, 'bad class line %r' % lines[i])
        hits += int(m.group(2) or 0)
        i += 1
    need(hits > 0, 'no hits')
    if i < len(lines):
        need(lines[i] == 'Individual Instructions:', 'bad line %r' % lines[i])
        i += 1
        rows = []
        while i < len(lines):
            rows.append(rerender(lines[i], r'Instr: (.*?) *\t\((\d+) hits\)\t'
                                 r'\(op=0x([0-9a-f]{8})/(.*)\)',
                                 'Instr: %-24s\t(%d hits)\t(op=0x%s/%s)'))
            i += 1
        check_sorted_rows(rows, lambda r: r[1], 50, 'instructions')


def check_execlog(out, args, wd):
    lines = out.splitlines()
    need(lines, 'no instructions logged')
    for line in lines:
        need(re.fullmatch(r'\d+, 0x[0-9a-f]+, 0x[0-9a-f]+, ".*"'
                          r'(, (load|store), 0x[0-9a-f]{8,})*'
                          r'(, [a-z0-9_]+ -> 0x([0-9a-f]{2})+)*', line),
             'bad line %r' % line)
    if 'ifilter' in args and 'afilter' not in args:
        need(all(re.match(r'\d+, 0x[0-9a-f]+, 0x[0-9a-f]+, "%s' %
                          re.escape(args['ifilter']), l) for l in lines),
             'a line not matching ifilter')


def check_cache(out, args, wd):
    lines = out.splitlines()
    l2 = any(k.startswith('l2') for k in args)
    head = ('core #, data accesses, data misses, dmiss rate, insn accesses, '
            'insn misses, imiss rate')
    need(lines[0] == head + (', l2 accesses, l2 misses, l2 miss rate' if l2 else ''),
         'bad header')
    cores = int(args.get('cores', '1'))
    i = 1
    for core in range(cores + (cores > 1)):
        m = re.fullmatch(r'(\S+) *(\d+) +(\d+) +([\d.]+)%  (\d+) +(\d+) +'
                         r'([\d.]+)%(?:  (\d+) +(\d+) +([\d.]+)%)?', lines[i])
        need(m, 'bad stats row %r' % lines[i])
        g = m.groups()
        da, dm, ia, im = int(g[1]), int(g[2]), int(g[4]), int(g[5])
        line = ('%-8s' % g[0]) + ('%-14d %-12d %9.4f%%  %-14d %-12d %9.4f%%' % (
            da, dm, dm / da * 100 if da else 0, ia, im, im / ia * 100 if ia else 0))
        if g[7]:
            a2, m2 = int(g[7]), int(g[8])
            line += '  %-12d %-11d %10.4f%%' % (a2, m2, m2 / a2 * 100)
        need(line == lines[i], 'stats row %r printed again: %r' % (lines[i], line))
        need(g[0] == ('sum' if core == cores else str(core)), 'bad row label')
        i += 1
    need(lines[i] == '', 'no blank line after the table')
    limit = int(args.get('limit', '32'))
    for title in ['address, data misses, instruction',
                  'address, fetch misses, instruction'] + \
                 (['address, L2 misses, instruction'] if l2 else []):
        if title != 'address, data misses, instruction':
            need(lines[i] == '', 'no blank line before %r' % title)
            i += 1
        else:
            i += 1
        need(lines[i] == title, 'expected %r, got %r' % (title, lines[i]))
        i += 1
        rows = []
        while i < len(lines) and lines[i].startswith('0x'):
            m = re.fullmatch(r'0x[0-9a-f]+(?: \(.+\))?, (\d+), .+', lines[i])
            need(m, 'bad row %r' % lines[i])
            rows.append((int(m.group(1)),))
            i += 1
        check_sorted_rows(rows, lambda r: r[0], limit, 'instructions')
    need(i == len(lines), 'unexpected lines from %r' % lines[i:i + 1])


def check_drcov(out, args, wd):
    need(out == '', 'drcov prints nothing')
    path = os.path.join(wd, args.get('filename', 'file.drcov.trace'))
    data = open(path, 'rb').read()
    text, sep, table = data.partition(b' bbs\n')
    head = text.decode().split('\n')
    need(head[:4] == ['DRCOV VERSION: 2', 'DRCOV FLAVOR: drcov-64',
                      'Module Table: version 2, count 1',
                      'Columns: id, base, end, entry, path'], 'bad header')
    base, end, entry = rerender(head[4], r'0, 0x([0-9a-f]+), 0x([0-9a-f]+), '
                                r'0x([0-9a-f]+), (/.*)', '0, 0x%x, 0x%x, 0x%x, %s')[:3]
    need(base <= entry < end, 'entry outside the text')
    n = int(head[5].split(': ')[1])
    need(head[5] == 'BB Table: %d' % n and len(table) == 8 * n and n > 0,
         'BB count %d for %d bytes' % (n, len(table)))
    for k in range(n):
        start, size, mod = struct.unpack_from('<IHH', table, 8 * k)
        need(size > 0 and size % 4 == 0 and mod == 0, 'bad block record %d' % k)


def check_inline(out, args, wd):
    lines = out.splitlines()
    cpu = re.compile(r'cpu (\d+): tb \((\d+), (\d+), (\d+) \* 100 \+ (\d+)\) \| '
                     r'insn \((\d+), (\d+), (\d+) \* 100 \+ (\d+)\) \| '
                     r'mem \((\d+), (\d+)\)')
    i = 0
    while cpu.fullmatch(lines[i]):
        i += 1
    need(i > 0, 'no cpu lines')
    kinds = [('tb', 'conditional cb'), ('insn', 'cond cb'), ('mem', None)]
    for kind, cond in kinds:
        want = ['', ' (per vcpu)', ' (per vcpu inline)'] + \
               ([' (%s)' % cond] if cond else [])
        n, = rerender(lines[i], kind + r': (\d+)', kind + ': %d')
        for suffix in want:
            need(lines[i] == '%s: %d%s' % (kind, n, suffix), 'bad %r' % lines[i])
            i += 1
    need(i == len(lines), 'unexpected lines')


def check_empty(out, args, wd):
    need(out == '', 'the empty plugin printed something')


def check_stoptrigger(out, args, wd):
    if 'icount' in args:
        rerender(out.rstrip('\n'), r'icount reached at 0x([0-9a-f]+), exiting',
                 'icount reached at 0x%s, exiting')
    else:
        need(out == '0x%x reached, exiting\n' % int(args['addr'].split(':')[0], 0),
             'bad message %r' % out)


def check_uftrace(out, args, wd):
    need(out == '', 'uftrace prints nothing')
    d = os.path.join(wd, 'uftrace.data')
    info = open(os.path.join(d, 'info'), 'rb').read()
    need(info[:8] == b'Ftrace!\0' and len(info) > 40, 'bad info header')
    need(b'\ntaskinfo:tids=100' in info[40:], 'no task 100 in info')
    per_level = args.get('trace-privilege-level') == 'on'
    task = open(os.path.join(d, 'task.txt')).read().splitlines()
    need(task[:2] == ['SESS timestamp=0.0 pid=100 sid=0 exename="cpu0%s"' %
                      (' S-EL0' if per_level else ''),
                      'TASK timestamp=0.0 tid=100 pid=100'], 'bad task.txt')
    need(len(task) == (20 if per_level else 2), 'one task per trace')
    mp = open(os.path.join(d, 'sid-0.map')).read().splitlines()
    need(len(mp) == 2 and mp[-1].endswith(' [stack]'), 'bad sid-0.map')
    # User mode runs at NS-EL0: trace 101 with levels, else 100.
    dat = open(os.path.join(d, '%d.dat' % (101 if per_level else 100)),
               'rb').read()
    need(dat and len(dat) % 16 == 0, '.dat is not 16-byte records')
    kinds = [0, 0]
    for k in range(0, len(dat), 16):
        _, data = struct.unpack_from('<QQ', dat, k)
        need((data >> 3) & 7 == 5 and data & 7 in (0, 1), 'bad record magic/type')
        need(data >> 16, 'record without an address')
        kinds[data & 7] += 1
    need(kinds[0] >= kinds[1] and kinds[0] > 0, 'more exits than entries')


CHECKERS = {
    'bb': check_bb, 'insn': check_insn, 'mem': check_mem,
    'syscalls': check_syscalls, 'hotblocks': check_hotblocks,
    'hotpages': check_hotpages, 'howvec': check_howvec,
    'execlog': check_execlog, 'cache': check_cache, 'drcov': check_drcov,
    'inline': check_inline, 'empty': check_empty,
    'stoptrigger': check_stoptrigger, 'uftrace': check_uftrace,
}


# -- Running --------------------------------------------------------------

def elf_entry(path):
    with open(path, 'rb') as f:
        return struct.unpack_from('<Q', f.read(0x20), 0x18)[0]


def run(cmd, cwd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env={}, cwd=cwd, timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--emu', required=True)
    ap.add_argument('--sysroot')
    ap.add_argument('--status', type=int)
    ap.add_argument('--stop', action='store_true')
    ap.add_argument('plugin')
    ap.add_argument('program')
    ap.add_argument('args', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    a.emu, a.program = os.path.abspath(a.emu), os.path.abspath(a.program)

    spec = a.plugin.replace('{entry}', '0x%x' % elf_entry(a.program))
    name = re.sub(r'^lib(.*?)(\.so)?$', r'\1', os.path.basename(spec.split(',')[0]))
    base = [a.emu] + (['-L', a.sysroot] if a.sysroot else [])
    guest = [os.path.abspath(a.program)] + a.args
    with tempfile.TemporaryDirectory(prefix='shipped-') as wd:
        log = os.path.join(wd, 'plugin.log')
        plain = run(base + guest, wd)
        cmd = base + ['-d', 'plugin', '-D', log, '-plugin', spec] + guest
        status, stdout, stderr = run(cmd, wd)
        try:
            if a.stop:
                need(status == a.status, 'exit status %d, want %d' % (status, a.status))
            else:
                want = plain[0] if a.status is None else a.status
                need(plain[0] == want, 'without the plugin: status %d, want %d'
                     % (plain[0], want))
                need(status == want, 'exit status %d, without the plugin %d'
                     % (status, want))
                need(stdout == plain[1], 'the guest printed something else')
            need(stderr == (b'' if a.stop else plain[2]),
                 'stderr: %r (without the plugin: %r)' % (stderr[-2000:],
                                                         plain[2][-2000:]))
            with open(log, encoding='utf-8') as f:
                out = f.read()
            CHECKERS[name](out, parse_args_string(spec), wd)
        except (Fail, IndexError, OSError, ValueError) as e:
            print('FAIL: %s' % e)
            print('  command:', ' '.join(cmd))
            return 1
    print('ok: %s on %s' % (spec, os.path.basename(a.program)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
