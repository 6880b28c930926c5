#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run-plugin.py: run arm-uemu with plugins and check what happens.

Two modes (tests/plugins/meson.build uses both):

    run-plugin.py run --emu arm-uemu [checks] -- ARGS...
        Runs `arm-uemu ARGS...` with an empty environment and checks:
        --status N       the exit status (negative: killed by signal -N)
        --stderr-is S    stderr is exactly S
        --has TEXT       stderr contains TEXT (plugin output: -d plugin)
        --lacks TEXT     stderr does not contain TEXT
        --stdout S       stdout is exactly S
        --file-has F T   file F (e.g. the -D log) contains T

    run-plugin.py exports --emu arm-uemu --symbols qemu-plugin.symbols
        Every name of the generated export list is a dynamic symbol the
        executable defines (nm -D), so plugins can resolve it.

    run-plugin.py compare --emu arm-uemu --qemu qemu-aarch64 --cpu C \
                          --plugin P [--uemu-plugin Q]... [--expect-diff W]... PROG
        Runs PROG under both emulators with `-d plugin -cpu C -plugin P`
        (arm-uemu also loads each Q first) and requires the plugin's output
        to be the same, line by line. --expect-diff W names a line (by its
        first word) known to differ, with the reason in meson.build: the
        test then requires that line to differ, so it fails once the cause
        is fixed and the expectation must go.

On failure everything needed is printed: the command lines, both outputs
side by side.
"""

import argparse
import os
import subprocess
import sys


def run(cmd):
    """Run @cmd with an empty environment (the same for both emulators)."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env={}, timeout=600)
    return (p.returncode, p.stdout.decode(errors='replace'),
            p.stderr.decode(errors='replace'))


def fail(msg, cmd=None, out=None, err=None):
    print('FAIL: ' + msg)
    if cmd:
        print('command: ' + ' '.join(cmd))
    if out is not None:
        print('--- stdout ---\n' + out)
    if err is not None:
        print('--- stderr ---\n' + err)
    sys.exit(1)


def mode_run(a):
    cmd = [a.emu] + a.args
    rc, out, err = run(cmd)
    if a.status is not None and rc != a.status:
        fail('exit status %d, expected %d' % (rc, a.status), cmd, out, err)
    if a.stderr_is is not None and err != a.stderr_is:
        fail('stderr is not %r' % a.stderr_is, cmd, out, err)
    if a.stdout is not None and out != a.stdout:
        fail('stdout is not %r' % a.stdout, cmd, out, err)
    for text in a.has:
        if text not in err:
            fail('stderr lacks %r' % text, cmd, out, err)
    for text in a.lacks:
        if text in err:
            fail('stderr has %r' % text, cmd, out, err)
    for path, text in a.file_has:
        try:
            with open(path, errors='replace') as f:
                content = f.read()
        except OSError as e:
            fail('cannot read %s: %s' % (path, e), cmd, out, err)
        if text not in content:
            fail('%s lacks %r:\n%s' % (path, text, content), cmd, out, err)
    print('ok: ' + ' '.join(cmd))


def mode_exports(a):
    with open(a.symbols) as f:
        wanted = {l.strip().rstrip(';') for l in f
                  if l.strip().startswith('qemu_plugin_')}
    nm = subprocess.run(['nm', '-D', '--defined-only', a.emu],
                        stdout=subprocess.PIPE, check=True)
    have = {l.split()[-1] for l in nm.stdout.decode().splitlines() if l.strip()}
    missing = sorted(wanted - have)
    if not wanted or missing:
        fail('not exported: %s' % (', '.join(missing) or '(empty list)'))
    print('ok: %d functions exported' % len(wanted))


def plugin_lines(err):
    """The plugin summary lines: those of the form 'word: ...'."""
    return [l for l in err.splitlines() if ': ' in l and
            not l.startswith(('qemu', 'arm-uemu'))]


def mode_compare(a):
    base = ['-d', 'plugin', '-cpu', a.cpu]
    qcmd = [a.qemu] + base + ['-plugin', a.plugin, a.prog]
    ucmd = [a.emu] + base
    for q in a.uemu_plugin:
        ucmd += ['-plugin', q]
    ucmd += ['-plugin', a.plugin, a.prog]
    qrc, qout, qerr = run(qcmd)
    urc, uout, uerr = run(ucmd)
    ql, ul = plugin_lines(qerr), plugin_lines(uerr)
    report = ['qemu:     ' + ' '.join(qcmd), 'arm-uemu: ' + ' '.join(ucmd),
              'status: qemu %d, arm-uemu %d' % (qrc, urc)]
    bad = qrc != urc or qout != uout or len(ql) != len(ul) or not ql
    for i in range(max(len(ql), len(ul))):
        q = ql[i] if i < len(ql) else ''
        u = ul[i] if i < len(ul) else ''
        key = (q or u).split(':')[0]
        expected = key in a.expect_diff
        mark = ' '
        if (q != u) != expected:
            bad = True
            mark = '*'
        report.append('%s %-60s | %s%s' % (mark, q, u,
                                            '   (expected to differ)'
                                            if expected else ''))
    print('\n'.join(report))
    if bad:
        fail('outputs differ where they must not (marked *), or agree where '
             'a difference is expected', None, None, None)
    print('ok')


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest='mode', required=True)
    r = sub.add_parser('run')
    r.add_argument('--emu', required=True)
    r.add_argument('--status', type=int)
    r.add_argument('--stderr-is')
    r.add_argument('--stdout')
    r.add_argument('--has', action='append', default=[])
    r.add_argument('--lacks', action='append', default=[])
    r.add_argument('--file-has', nargs=2, action='append', default=[])
    r.add_argument('args', nargs=argparse.REMAINDER)
    e = sub.add_parser('exports')
    e.add_argument('--emu', required=True)
    e.add_argument('--symbols', required=True)
    c = sub.add_parser('compare')
    c.add_argument('--emu', required=True)
    c.add_argument('--qemu', required=True)
    c.add_argument('--cpu', default='cortex-a57')
    c.add_argument('--plugin', required=True)
    c.add_argument('--uemu-plugin', action='append', default=[])
    c.add_argument('--expect-diff', action='append', default=[])
    c.add_argument('prog')
    a = ap.parse_args()
    if a.mode == 'run':
        if a.args and a.args[0] == '--':
            a.args = a.args[1:]
        mode_run(a)
    elif a.mode == 'exports':
        mode_exports(a)
    else:
        mode_compare(a)


if __name__ == '__main__':
    main()
