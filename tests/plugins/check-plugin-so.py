#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""check-plugin-so.py: a built plugin is a well-formed plugin of its version.

    check-plugin-so.py --nm NM --version N PLUGIN.so

Checks, and prints what is wrong:
- `nm -D` lists exactly qemu_plugin_install (a function) and
  qemu_plugin_version (data) as the defined global symbols: the plugin
  exports what the loader looks up and nothing else;
- the int stored in qemu_plugin_version is N (read from the file's
  .dynsym and the section holding the symbol);
- every qemu_plugin_* function the plugin leaves undefined is one that
  version N declares (test-symbols.py's sets), so it resolves in the
  emulator and is served in the version-N dialect.
"""

import argparse
import importlib.util
import os
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPORTS = {'qemu_plugin_install': 'T', 'qemu_plugin_version': 'D'}


def version_sets():
    """tests/plugins/test-symbols.py's per-version function sets."""
    spec = importlib.util.spec_from_file_location(
        'test_symbols', os.path.join(HERE, 'test-symbols.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.version_sets()


def dynamic_symbols(nm, path):
    """{name: nm type letter} of the dynamic symbol table."""
    out = subprocess.run([nm, '-D', path], capture_output=True, text=True,
                         check=True).stdout
    syms = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            syms[fields[-1].split('@')[0]] = fields[-2]
    return syms


def read_int_symbol(path, name):
    """The 32-bit little-endian int at symbol @name of an ELF64 LE file."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:4] != b'\x7fELF' or data[4] != 2 or data[5] != 1:
        raise ValueError('not a 64-bit little-endian ELF file')
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum = struct.unpack_from('<HH', data, 0x3a)
    sections = [struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize)
                for i in range(shnum)]
    # (name, type, flags, addr, offset, size, link, info, align, entsize)
    for sh in sections:
        if sh[1] != 11:                     # SHT_DYNSYM
            continue
        strtab = sections[sh[6]]
        for off in range(sh[4], sh[4] + sh[5], sh[9]):
            st_name, _, _, st_shndx, st_value, _ = struct.unpack_from(
                '<IBBHQQ', data, off)
            start = strtab[4] + st_name
            sym = data[start:data.index(b'\0', start)].decode()
            if sym == name and 0 < st_shndx < len(sections):
                sec = sections[st_shndx]
                if sec[1] == 8:             # SHT_NOBITS: zero-initialised
                    return 0
                value, = struct.unpack_from('<i', data,
                                            st_value - sec[3] + sec[4])
                return value
    raise ValueError(f'no defined symbol {name}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--nm', required=True)
    ap.add_argument('--version', type=int, required=True)
    ap.add_argument('plugin')
    args = ap.parse_args()
    name = os.path.basename(args.plugin)
    ok = True

    syms = dynamic_symbols(args.nm, args.plugin)
    exported = {s: t for s, t in syms.items() if t in 'TDBRVWiu' and t != 'U'}
    exported = {s: t for s, t in exported.items() if not s.startswith('_')}
    if exported != EXPORTS:
        print(f'{name}: exports {sorted(exported.items())}, '
              f'want {sorted(EXPORTS.items())}')
        ok = False

    try:
        version = read_int_symbol(args.plugin, 'qemu_plugin_version')
    except ValueError as e:
        print(f'{name}: {e}')
        version = None
    if version != args.version:
        print(f'{name}: qemu_plugin_version = {version}, want {args.version}')
        ok = False

    allowed = version_sets()[args.version]
    used = {s for s, t in syms.items() if t == 'U' and s.startswith('qemu_plugin_')}
    for s in sorted(used - allowed):
        print(f'{name}: calls {s}, which version {args.version} does not have')
        ok = False

    if ok:
        print(f'{name}: exports install+version, version {version}, '
              f'{len(used)} API functions used')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
