#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-diff.py: random A64 sequences under arm-uemu and qemu-aarch64, compared.

    run-diff.py --emu build/arm-uemu --qemu qemu-aarch64
                --gen build/tests/diff/gen-insns
                --harness build/tests/diff/diff-harness
                --class dp_reg [--class ldst ...] [--seed 1] [--count 20]
                [--len 5] [--accel interp] [--cpu NAME]
                [--rows NAME,...] [--skip-rows NAME,...]
                [--jobs 2] [--keep DIR] [--max-reports 5]
                [--emu-arg -one-insn-per-tb] [--verbose]

For each class, gen-insns draws --count sequences of --len instructions from
the decoder's row table; each becomes a copy of the harness ELF with the
words in its slots and a random input state (X0-X30, NZCV, V0-V31, scratch
memory; see harness.S for the layout).  Both emulators run every copy and
must agree on the exit status (a fault kills both with the same signal)
and on the dumped state: X0-X30, SP, NZCV, FPSR, FPCR, V0-V31, scratch.

A mismatch prints a report that is enough to start debugging without a
rerun: the instructions with their row and objdump disassembly, the first
instruction after which the outcomes differ (found by replaying prefixes),
the input state, both final states side by side with `*` on differing
registers, the scratch-memory diff, and arm-uemu's -d in_asm,op,op_opt for
the sequence.  The failing ELF and the full log stay in --keep.

Exit status: 0 all agree, 1 a mismatch, 77 skipped (qemu-aarch64 missing:
meson's skip code), 2 usage or harness errors.
"""
import argparse
import concurrent.futures
import os
import random
import resource
import shutil
import struct
import subprocess
import sys
import tempfile

# DiffState layout: harness.S's STATE_* constants.
STATE_V, STATE_X, STATE_SP = 0, 512, 760
STATE_NZCV, STATE_FPSR, STATE_FPCR, STATE_SIZE = 768, 776, 784, 800
SCRATCH_BASE_OFFSET = 8192          # X28 = diff_scratch + this (mid-buffer)
REG_INDEX, REG_BASE = 27, 28        # gen-insns.c's memory-class registers
TIMEOUT = 30

# Per class: the -cpu both emulators get, whether X27/X28 are the memory
# index/base, whether V registers and FPCR get floating-point values, and
# rows not generated (gen-insns --skip-rows).  LSE atomics and LDAPR/LDAPUR
# need qemu's max; the other classes use a named model so that qemu has no
# feature we lack (under max, qemu signs pointers in the PAC hints, and
# has FEAT_FlagM, which we leave unallocated on purpose: trans-dp-reg.c).
# Rows we leave unallocated on purpose (FlagM; MSR_i, whose generated
# forms are FlagM's; SB and FJCVTZS, absent from cortex-a57) are skipped:
# both emulators would only agree on SIGILL, at the cost of the rest of
# the sequence.
CLASSES = {
    'dp_imm':       dict(cpu='cortex-a57'),
    'dp_reg':       dict(cpu='cortex-a57', skip='RMIF,SETF8,SETF16'),
    'ldst':         dict(cpu='cortex-a57', memory=True),
    'atomic':       dict(cpu='max', memory=True),
    'simd_ldst':    dict(cpu='cortex-a57', memory=True),
    'simd':         dict(cpu='cortex-a57', fp=True),
    'simd_generic': dict(cpu='cortex-a57', fp=True),
    'fp':           dict(cpu='cortex-a57', fp=True, skip='FJCVTZS'),
    'system':       dict(cpu='cortex-a57', skip='SB,MSR_i'),
}

# -- The harness ELF -------------------------------------------------------


class Harness:
    """The built harness: its bytes and where to patch them (ELF64 LE)."""

    def __init__(self, path):
        self.path = path
        with open(path, 'rb') as f:
            self.data = f.read()
        d = self.data
        if d[:4] != b'\x7fELF' or d[4] != 2 or d[5] != 1:
            raise SystemExit('run-diff: %s is not a little-endian ELF64' % path)
        shoff, = struct.unpack_from('<Q', d, 0x28)
        shentsize, shnum = struct.unpack_from('<HH', d, 0x3a)
        self.sections = [struct.unpack_from('<IIQQQQIIQQ', d, shoff + i * shentsize)
                         for i in range(shnum)]
        self.sym = {}
        for sec in self.sections:
            if sec[1] != 2:                     # SHT_SYMTAB
                continue
            strtab = self.sections[sec[6]]
            for off in range(sec[4], sec[4] + sec[5], 24):
                name, _, _, _, value, _ = struct.unpack_from('<IBBHQQ', d, off)
                end = d.index(b'\0', strtab[4] + name)
                self.sym[d[strtab[4] + name:end].decode()] = value
        for need in ('diff_state', 'diff_insns', 'diff_insns_end',
                     'diff_scratch', 'diff_scratch_end', 'diff_stack_end'):
            if need not in self.sym:
                raise SystemExit('run-diff: %s lacks symbol %s' % (path, need))
        self.slots = (self.sym['diff_insns_end'] - self.sym['diff_insns']) // 4
        self.scratch_size = self.sym['diff_scratch_end'] - self.sym['diff_scratch']

    def offset(self, vaddr):
        """File offset of @vaddr, through the section holding it."""
        for _, stype, _, addr, off, size, _, _, _, _ in self.sections:
            if stype != 8 and addr and addr <= vaddr < addr + size:   # not NOBITS
                return off + vaddr - addr
        raise SystemExit('run-diff: address %#x is not in the file' % vaddr)

    def build(self, words, state, scratch):
        """A copy of the harness running @words from @state over @scratch."""
        out = bytearray(self.data)
        code = b''.join(struct.pack('<I', w) for w in words)
        o = self.offset(self.sym['diff_insns'])
        out[o:o + len(code)] = code
        o = self.offset(self.sym['diff_state'])
        out[o:o + STATE_SIZE] = state.pack()
        o = self.offset(self.sym['diff_scratch'])
        out[o:o + len(scratch)] = scratch
        return bytes(out)


# -- Guest state ----------------------------------------------------------


class State:
    """One DiffState: what the harness loads and what it dumps."""

    def __init__(self):
        self.v = [0] * 32
        self.x = [0] * 31
        self.sp = self.nzcv = self.fpsr = self.fpcr = 0

    def pack(self):
        b = bytearray(STATE_SIZE)
        for i, v in enumerate(self.v):
            struct.pack_into('<QQ', b, STATE_V + 16 * i, v & (2**64 - 1), v >> 64)
        struct.pack_into('<31Q', b, STATE_X, *self.x)
        struct.pack_into('<4Q', b, STATE_SP, self.sp, self.nzcv, self.fpsr, self.fpcr)
        return bytes(b)

    @classmethod
    def unpack(cls, b):
        s = cls()
        for i in range(32):
            lo, hi = struct.unpack_from('<QQ', b, STATE_V + 16 * i)
            s.v[i] = lo | hi << 64
        s.x = list(struct.unpack_from('<31Q', b, STATE_X))
        s.sp, s.nzcv, s.fpsr, s.fpcr = struct.unpack_from('<4Q', b, STATE_SP)
        return s

    def rows(self):
        """(name, text) per register, in dump order."""
        out = [('x%d' % i, '%016x' % v) for i, v in enumerate(self.x)]
        out.append(('sp', '%016x' % self.sp))
        out.append(('nzcv', '%s (%08x)' % (nzcv_text(self.nzcv), self.nzcv)))
        out.append(('fpsr', '%08x' % self.fpsr))
        out.append(('fpcr', '%08x' % self.fpcr))
        out += [('v%d' % i, '%032x' % v) for i, v in enumerate(self.v)]
        return out


def nzcv_text(v):
    return ''.join(c if v >> (31 - i) & 1 else '-' for i, c in enumerate('NZCV'))


# Edge values the random ones are mixed with: where carries, sign
# extension and overflow live.
EDGE64 = [0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff,
          0x80000000, 0xffffffff, 0x100000000, 0x7fffffffffffffff,
          0x8000000000000000, 0xffffffffffffffff, 0xfffffffffffffffe,
          0xffffffff80000000, 0x00000000fffffffe]
# IEEE bit patterns: zeros, one, halves, extremes, subnormals, infinities,
# quiet and signalling NaNs.
EDGE_F64 = [0, 1 << 63, 0x3ff0000000000000, 0xbff0000000000000,
            0x3fe0000000000000, 0x3ff8000000000000, 0x4008000000000000,
            0x0010000000000000, 0x0000000000000001, 0x7fefffffffffffff,
            0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
            0x7ff0000000000001, 0x41dfffffffc00000, 0xc3e0000000000000,
            0x400921fb54442d18, 0x3fdfffffffffffff]
EDGE_F32 = [0, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0x3fc00000,
            0x00800000, 0x00000001, 0x7f7fffff, 0x7f800000, 0xff800000,
            0x7fc00000, 0x7f800001, 0x4effffff, 0xcf000000, 0x40490fdb,
            0x3effffff]


def rand_x(rng):
    k = rng.random()
    if k < 0.25:
        return rng.choice(EDGE64)
    if k < 0.40:
        return rng.getrandbits(32)
    if k < 0.50:
        return rng.randrange(-64, 64) & (2**64 - 1)
    if k < 0.60:
        return (rng.getrandbits(31) | 0xffffffff80000000) if rng.random() < 0.5 \
            else rng.getrandbits(31)
    return rng.getrandbits(64)


def rand_half(rng, fp):
    """64 bits of a V register: random, or FP edge values when @fp."""
    if not fp or rng.random() < 0.3:
        return rng.getrandbits(64)
    if rng.random() < 0.5:
        return rng.choice(EDGE_F64)
    return rng.choice(EDGE_F32) | rng.choice(EDGE_F32) << 32


def make_input(rng, harness, cfg):
    s = State()
    s.x = [rand_x(rng) for _ in range(31)]
    if cfg.get('memory'):
        s.x[REG_BASE] = harness.sym['diff_scratch'] + SCRATCH_BASE_OFFSET
        s.x[REG_INDEX] = rng.randrange(64)
    fp = cfg.get('fp', False)
    s.v = [rand_half(rng, fp) | rand_half(rng, fp) << 64 for _ in range(32)]
    s.sp = harness.sym['diff_stack_end']
    s.nzcv = rng.getrandbits(4) << 28
    if fp and rng.random() < 0.5:
        # rounding mode (bits 23:22), FZ (24), DN (25)
        s.fpcr = rng.getrandbits(2) << 22 | rng.getrandbits(2) << 24
    scratch = rng.randbytes(harness.scratch_size)
    return s, scratch


# -- Running ---------------------------------------------------------------


def no_core_dumps():
    # qemu-aarch64 writes a guest core file on a fatal signal unless told not to.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, preexec_fn=no_core_dumps)
    except subprocess.TimeoutExpired:
        return None, b'', b'timed out after %d s' % TIMEOUT
    return p.returncode, p.stdout, p.stderr


def describe(status):
    if status is None:
        return 'timeout'
    if status < 0:
        return 'killed by signal %d' % -status
    return 'exit %d' % status


class Outcome:
    """How one emulator ran one ELF."""

    def __init__(self, status, out, err, scratch_size):
        self.status, self.err = status, err
        self.state = self.scratch = None
        if status == 0 and len(out) == STATE_SIZE + scratch_size:
            self.state = State.unpack(out[:STATE_SIZE])
            self.scratch = out[STATE_SIZE:]
        elif status == 0:
            self.status = 'exit 0 with a %d-byte dump' % len(out)

    def key(self):
        """What must agree between the emulators."""
        if self.state is None:
            return (self.status,)
        return (self.status, self.state.pack(), self.scratch)

    def text(self):
        return self.status if isinstance(self.status, str) else describe(self.status)


class Runner:
    def __init__(self, a, harness, workdir):
        self.a, self.harness, self.workdir = a, harness, workdir

    def cmds(self, cpu):
        emu = [self.a.emu, '-cpu', cpu]
        if self.a.accel:
            emu += ['-accel', self.a.accel]
        emu += self.a.emu_arg
        return [self.a.qemu, '-cpu', cpu], emu

    def run_both(self, elf, cpu):
        qcmd, ecmd = self.cmds(cpu)
        size = self.harness.scratch_size
        return Outcome(*run(qcmd + [elf]), size), Outcome(*run(ecmd + [elf]), size)

    def write_elf(self, name, words, state, scratch):
        path = os.path.join(self.workdir, name)
        with open(path, 'wb') as f:
            f.write(self.harness.build(words, state, scratch))
        os.chmod(path, 0o755)
        return path

    def run_case(self, case):
        """Run one case; returns (case, qemu Outcome, arm-uemu Outcome)."""
        elf = self.write_elf('%s-%d.elf' % (case.cls, case.index),
                             case.words, case.state, case.scratch)
        q, e = self.run_both(elf, case.cpu)
        if q.key() == e.key():
            os.unlink(elf)
        case.elf = elf
        return case, q, e


class Case:
    def __init__(self, cls, index, cpu, gen_cmd, names, words, state, scratch):
        self.cls, self.index, self.cpu, self.gen_cmd = cls, index, cpu, gen_cmd
        self.names, self.words = names, words
        self.state, self.scratch = state, scratch
        self.elf = None


def generate(a, cls, harness):
    """The cases of one class: gen-insns's sequences plus random inputs."""
    cmd = [a.gen, '--class', cls, '--seed', str(a.seed), '--count', str(a.count),
           '--len', str(a.len)]
    cfg = CLASSES[cls]
    if a.rows:
        cmd += ['--rows', a.rows]
    skip = ','.join(x for x in (cfg.get('skip'), a.skip_rows) if x)
    if skip:
        cmd += ['--skip-rows', skip]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise SystemExit('run-diff: %s failed:\n%s' % (' '.join(cmd), p.stderr))
    cpu = a.cpu or cfg['cpu']
    cases = []
    for i, line in enumerate(p.stdout.split('\n')):
        if not line:
            continue
        toks = [t.split(':') for t in line.split()]
        if len(toks) > harness.slots:
            raise SystemExit('run-diff: --len %d exceeds the harness\'s %d slots'
                             % (len(toks), harness.slots))
        # String seeds hash the same in every Python run (not PYTHONHASHSEED).
        rng = random.Random('%d/%s/%d' % (a.seed, cls, i))
        state, scratch = make_input(rng, harness, cfg)
        cases.append(Case(cls, i, cpu, cmd, [t[0] for t in toks],
                          [int(t[1], 16) for t in toks], state, scratch))
    return cases


# -- The failure report ----------------------------------------------------


def disassemble(a, harness, elf, n):
    """objdump's text for the first @n slots, keyed by address."""
    start = harness.sym['diff_insns']
    cmd = [a.objdump, '-d', '--start-address=%#x' % start,
           '--stop-address=%#x' % (start + 4 * n), elf]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    text = {}
    for line in p.stdout.splitlines():
        head, _, rest = line.partition(':')
        try:
            addr = int(head.strip(), 16)
        except ValueError:
            continue
        parts = rest.strip().split(None, 1)
        text[addr] = parts[1].replace('\t', ' ') if len(parts) > 1 else ''
    return text


def first_divergence(runner, case):
    """Smallest k such that the first k instructions already disagree."""
    nop = 0xd503201f
    for k in range(1, len(case.words) + 1):
        words = case.words[:k] + [nop] * (len(case.words) - k)
        elf = runner.write_elf('%s-%d-prefix%d.elf' % (case.cls, case.index, k),
                               words, case.state, case.scratch)
        q, e = runner.run_both(elf, case.cpu)
        os.unlink(elf)
        if q.key() != e.key():
            return k
    return None


def filter_log(log, lo, hi):
    """The parts of a -d in_asm,op,op_opt log about addresses [lo, hi):
    blocks (split at the ---- rule) that contain none are dropped, and in
    the others only the section headers and the in-range lines are kept."""
    blocks, cur = [], []
    for line in log.splitlines():
        if line.startswith('----------------') and cur:
            blocks.append(cur)
            cur = []
        cur.append(line)
    blocks.append(cur)
    out = []
    for block in blocks:
        kept, hit, addr = [], False, None
        for line in block:
            s = line.strip()
            if s.startswith('----------------') or s in ('IN:', 'OP:') or \
                    s.startswith('OP after'):
                kept.append(line)
                addr = None
                continue
            try:
                if s.startswith('0x') and ':' in s:
                    addr = int(s.split(':')[0], 16)
                elif s.startswith('---- '):
                    addr = int(s[5:].split()[0], 16)
            except ValueError:
                pass
            if addr is not None and lo <= addr < hi:
                kept.append(line)
                hit = True
        if hit:
            out += kept
    return '\n'.join(out) if out else '(no block of the log covers these addresses)'


def report(a, runner, case, q, e):
    h = runner.harness
    base = h.sym['diff_insns']
    qcmd, ecmd = runner.cmds(case.cpu)
    p = print
    p('=' * 78)
    p('MISMATCH class %s case %d (seed %d; %s)' % (
        case.cls, case.index, a.seed, ' '.join(ecmd[1:])))
    p('  qemu-aarch64: %s    arm-uemu: %s' % (q.text(), e.text()))
    k = first_divergence(runner, case)
    dis = disassemble(a, h, case.elf, len(case.words))
    p('\n-- instructions (at %#x) --' % base)
    for i, (name, w) in enumerate(zip(case.names, case.words)):
        mark = '  <-- first divergence' if k == i + 1 else ''
        p('  %2d  %#x  %08x  %-18s %s%s' % (i + 1, base + 4 * i, w, name,
                                           dis.get(base + 4 * i, '?'), mark))
    if k is None:
        p('  (no prefix alone differs: the outcome depends on the whole sequence)')

    qs, es = q.state, e.state
    p('\n-- registers: input, final under qemu-aarch64 and arm-uemu (* differ) --')
    width = 34
    ins = case.state.rows()
    qrows = qs.rows() if qs else None
    erows = es.rows() if es else None
    p('    %-5s %-*s %-*s %s' % ('reg', width, 'input', width, 'qemu-aarch64',
                               'arm-uemu'))
    for i, (name, text) in enumerate(ins):
        qt = qrows[i][1] if qrows else '-'
        et = erows[i][1] if erows else '-'
        star = '*' if qrows and erows and qt != et else ' '
        p('  %s %-5s %-*s %-*s %s' % (star, name, width, text, width, qt, et))

    if q.scratch is not None and e.scratch is not None and q.scratch != e.scratch:
        p('\n-- scratch memory: 16-byte lines that differ (X28 = %#x at start) --'
          % case.state.x[REG_BASE])
        shown = 0
        for off in range(0, len(q.scratch), 16):
            qb, eb = q.scratch[off:off + 16], e.scratch[off:off + 16]
            if qb == eb:
                continue
            addr = h.sym['diff_scratch'] + off
            marks = ''.join('^^ ' if qb[j] != eb[j] else '   ' for j in range(16))
            p('  %#x (X28%+d)' % (addr, addr - case.state.x[REG_BASE]))
            p('    input  %s' % case.scratch[off:off + 16].hex(' '))
            p('    qemu   %s' % qb.hex(' '))
            p('    uemu   %s' % eb.hex(' '))
            p('           %s' % marks.rstrip())
            shown += 1
            if shown == 32:
                p('  ... (more lines differ)')
                break

    for name, o in (('qemu-aarch64', q), ('arm-uemu', e)):
        if o.err:
            p('\n-- %s stderr --' % name)
            p(o.err.decode(errors='replace')[-2000:].rstrip())

    # The interpreter has no host code; a JIT backend's report should add
    # out_asm here once -d knows it.
    logfile = case.elf + '.log'
    run(ecmd + ['-d', 'in_asm,op,op_opt', '-D', logfile, case.elf])
    try:
        with open(logfile) as f:
            log = f.read()
    except OSError:
        log = '(no log written)'
    p('\n-- arm-uemu -d in_asm,op,op_opt, the sequence\'s addresses only '
      '(full log: %s) --' % logfile)
    p(filter_log(log, base, base + 4 * len(case.words) + 4))
    p('\n-- reproduce --')
    p('  %s %s | xxd | head -50' % (' '.join(qcmd), case.elf))
    p('  %s %s | xxd | head -50' % (' '.join(ecmd), case.elf))
    p('  %s   (case %d is line %d)' % (' '.join(case.gen_cmd), case.index,
                                        case.index + 1))
    p()


# -- Main ------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--emu', required=True)
    ap.add_argument('--qemu', default='qemu-aarch64')
    ap.add_argument('--gen', required=True)
    ap.add_argument('--harness', required=True)
    ap.add_argument('--objdump', default='aarch64-linux-gnu-objdump')
    ap.add_argument('--class', dest='classes', action='append', default=[],
                    choices=sorted(CLASSES))
    ap.add_argument('--rows', help='only these rows (NAME,NAME)')
    ap.add_argument('--skip-rows', help='never these rows (NAME,NAME)')
    ap.add_argument('--verbose', action='store_true',
                    help='print every case\'s instructions and outcome')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=20)
    ap.add_argument('--len', type=int, default=5)
    ap.add_argument('--cpu')
    ap.add_argument('--accel')
    ap.add_argument('--emu-arg', action='append', default=[],
                    help='extra arm-uemu option, repeatable (-one-insn-per-tb)')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--keep', help='directory for failing ELFs and logs')
    ap.add_argument('--max-reports', type=int, default=5)
    a = ap.parse_args()

    if not shutil.which(a.qemu):
        print('run-diff: %s not found: skipped' % a.qemu)
        return 77
    harness = Harness(a.harness)
    classes = a.classes or sorted(CLASSES)
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
        workdir = tempfile.mkdtemp(prefix='run-diff-', dir=a.keep)
    else:
        workdir = tempfile.mkdtemp(prefix='run-diff-')
    runner = Runner(a, harness, workdir)

    cases = [c for cls in classes for c in generate(a, cls, harness)]
    with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as pool:
        results = list(pool.map(runner.run_case, cases))

    if a.verbose:
        for c, q, e in results:
            print('%s %-12s %3d  qemu %-20s arm-uemu %-20s %s' % (
                '*' if q.key() != e.key() else ' ', c.cls, c.index, q.text(),
                e.text(), ' '.join('%s:%08x' % t for t in zip(c.names, c.words))))
    bad = [(c, q, e) for c, q, e in results if q.key() != e.key()]
    for c, q, e in bad[:a.max_reports]:
        report(a, runner, c, q, e)
    for c, q, e in bad[a.max_reports:]:
        print('MISMATCH class %s case %d: qemu %s, arm-uemu %s (%s; report not '
              'printed: --max-reports)' % (c.cls, c.index, q.text(), e.text(),
                                           ' '.join(c.names)))

    print('-- summary (seed %d, %d x %d instructions per class) --' % (
        a.seed, a.count, a.len))
    for cls in classes:
        mine = [r for r in results if r[0].cls == cls]
        nbad = sum(1 for c, q, e in mine if q.key() != e.key())
        sig = sum(1 for c, q, e in mine if q.state is None and q.key() == e.key())
        print('  %-13s %3d cases  %3d agree  %3d differ  (%d agreeing cases '
              'end in a signal)' % (cls, len(mine), len(mine) - nbad, nbad, sig))
    if bad:
        print('failing ELFs and logs kept in %s' % workdir)
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
