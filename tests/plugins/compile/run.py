#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run.py: compile one plugin source against qemu-plugin.h and judge it.

    run.py --cc CC --include DIR [--version N] [--case NAME]
           [--expect-error TEXT] [--cxx] [--no-coverage]
           SOURCE [-- EXTRA_CFLAGS...]

--version N     compile with -DQEMU_PLUGIN_API_VERSION=N (N may be out of
                range, to test the header's #error); without it, no define.
--cxx           CC is a C++ compiler: -fsyntax-only with C++ warnings.
Positive (no --expect-error): the compile must succeed with -Werror. In C,
  the object's undefined qemu_plugin_* symbols must then be exactly the
  functions the header declares for that version: the source exercises the
  whole dialect, and nothing outside it (--no-coverage skips this).
Negative (--expect-error TEXT, with --case NAME defining NEG_NAME): the
  compile must fail, and an error line must contain TEXT, so that the
  failure is the one the case is about.
"""

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

C_FLAGS = ['-std=gnu11', '-Wall', '-Wextra', '-Wshadow', '-Wmissing-prototypes',
           '-Wstrict-prototypes', '-Wno-unused-parameter', '-Werror',
           '-Werror=implicit-function-declaration', '-fPIC']
CXX_FLAGS = ['-x', 'c++', '-Wall', '-Wextra', '-Wshadow',
             '-Wmissing-declarations', '-Wno-unused-parameter', '-Werror']

HERE = os.path.dirname(os.path.abspath(__file__))


def load_symbol_sets():
    """tests/plugins/test-symbols.py, for its header-dialect reader."""
    path = os.path.join(HERE, '..', 'test-symbols.py')
    spec = importlib.util.spec_from_file_location('test_symbols', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compile_source(args, extra, obj):
    cmd = args.cc.split() + (CXX_FLAGS if args.cxx else C_FLAGS)
    cmd += ['-I', args.include, '-I', HERE] + extra
    if args.version is not None:
        cmd.append(f'-DQEMU_PLUGIN_API_VERSION={args.version}')
    if args.case:
        cmd.append('-DNEG_' + re.sub(r'\W', '_', args.case).upper())
    cmd += ['-fsyntax-only'] if args.cxx else ['-c', '-o', obj]
    cmd.append(args.source)
    print('$ ' + ' '.join(cmd))
    proc = subprocess.run(cmd, capture_output=True, text=True)
    sys.stdout.write(proc.stdout + proc.stderr)
    return proc


def undefined_plugin_symbols(obj):
    nm = shutil.which('nm')
    if not nm:
        return None
    out = subprocess.run([nm, '-u', obj], capture_output=True, text=True,
                         check=True).stdout
    return {line.split()[-1] for line in out.splitlines()
            if line.split() and line.split()[-1].startswith('qemu_plugin_')}


def positive(args, extra):
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, 'plugin.o')
        if compile_source(args, extra, obj).returncode != 0:
            print('FAIL: the plugin must compile without warnings')
            return 1
        if args.cxx or args.no_coverage:
            return 0
        used = undefined_plugin_symbols(obj)
        if used is None:
            print('nm not found: API coverage not checked')
            return 0
        sets = load_symbol_sets()
        declared = sets.declared_in_dialect(args.include, args.cc.split(), extra,
                                            args.version)
        ok = sets.report(f'{os.path.basename(args.source)} calls', used, declared)
        return 0 if ok else 1


def negative(args, extra):
    with tempfile.TemporaryDirectory() as tmp:
        proc = compile_source(args, extra, os.path.join(tmp, 'plugin.o'))
    if proc.returncode == 0:
        print('FAIL: this must not compile')
        return 1
    errors = [line for line in proc.stderr.splitlines()
              if re.search(r'\berror\b', line)]
    if not any(args.expect_error in line for line in errors):
        print(f'FAIL: no error line mentions {args.expect_error!r}')
        return 1
    print(f'ok: rejected, mentioning {args.expect_error!r}')
    return 0


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index('--') + 1:] if '--' in argv else []
    argv = argv[:argv.index('--')] if '--' in argv else argv
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--cc', required=True)
    p.add_argument('--include', required=True)
    p.add_argument('--version', type=int)
    p.add_argument('--case')
    p.add_argument('--expect-error')
    p.add_argument('--cxx', action='store_true')
    p.add_argument('--no-coverage', action='store_true')
    p.add_argument('source')
    args = p.parse_args(argv)
    return negative(args, extra) if args.expect_error else positive(args, extra)


if __name__ == '__main__':
    sys.exit(main())
