#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-symbols.py: the plugin API's function sets, version by version.

The expected sets below are written from the fact sheet
(../shared/reference/qemu-plugin-api.md): section 3.13 (the 43 functions of
QEMU 7.2 = version 1, the 63 of 10.2 = version 5, the 65 of 11.0/11.1 =
versions 6/7) and section 1.2 (what versions 2, 3 and 4 added or removed).

    test-symbols.py symbols BUILD/plugin-api/qemu-plugin.symbols
        The generated --dynamic-list names exactly the union over versions 1..7.
    test-symbols.py dialects HEADER_DIR CC [CFLAGS...]
        Preprocessing qemu-plugin.h with -DQEMU_PLUGIN_API_VERSION=N declares
        exactly version N's set, for N = 1..7, and version 7's without the
        define.
    test-symbols.py qpp HEADER_DIR CC [CFLAGS...]
        qemu-plugin-qpp.h declares exactly the plugin-to-plugin set (QPP
        below) in every dialect; the symbols check above includes it too.
"""

import os
import re
import subprocess
import sys

# Section 3.13: the 43 functions of QEMU 7.2 (version 1).
V1 = {
    'uninstall', 'reset',
    'register_vcpu_init_cb', 'register_vcpu_exit_cb',
    'register_vcpu_idle_cb', 'register_vcpu_resume_cb',
    'register_vcpu_tb_trans_cb', 'register_vcpu_tb_exec_cb',
    'register_vcpu_tb_exec_inline', 'register_vcpu_insn_exec_cb',
    'register_vcpu_insn_exec_inline',
    'tb_n_insns', 'tb_vaddr', 'tb_get_insn',
    'insn_data', 'insn_size', 'insn_vaddr', 'insn_haddr',
    'mem_size_shift', 'mem_is_sign_extended', 'mem_is_big_endian',
    'mem_is_store', 'get_hwaddr', 'hwaddr_is_io', 'hwaddr_phys_addr',
    'hwaddr_device_name',
    'register_vcpu_mem_cb', 'register_vcpu_mem_inline',
    'register_vcpu_syscall_cb', 'register_vcpu_syscall_ret_cb',
    'insn_disas', 'insn_symbol', 'vcpu_for_each',
    'register_flush_cb', 'register_atexit_cb',
    'n_vcpus', 'n_max_vcpus', 'outs', 'bool_parse',
    'path_to_binary', 'start_code', 'end_code', 'entry_code',
}

# Section 1.2, version by version: (added, removed).
V2_DELTA = ({'get_registers', 'read_register',
             'scoreboard_new', 'scoreboard_free', 'scoreboard_find',
             'u64_add', 'u64_get', 'u64_set', 'u64_sum',
             'register_vcpu_tb_exec_inline_per_vcpu',
             'register_vcpu_insn_exec_inline_per_vcpu',
             'register_vcpu_mem_inline_per_vcpu', 'num_vcpus'},
            {'n_vcpus', 'n_max_vcpus', 'register_vcpu_tb_exec_inline',
             'register_vcpu_insn_exec_inline', 'register_vcpu_mem_inline'})
V3_DELTA = ({'register_vcpu_tb_exec_cond_cb', 'register_vcpu_insn_exec_cond_cb',
             'request_time_control', 'update_ns', 'mem_get_value'}, set())
V4_DELTA = ({'read_memory_vaddr'}, set())
# 10.1 and 10.2 (discontinuity callbacks arrived in 10.2 without a bump).
V5_DELTA = ({'write_memory_vaddr', 'read_memory_hwaddr', 'write_memory_hwaddr',
             'write_register', 'translate_vaddr',
             'register_vcpu_discon_cb'}, set())
V6_DELTA = ({'register_vcpu_syscall_filter_cb', 'set_pc'}, set())
V7_DELTA = (set(), set())

# Section 3.13's own statements, to check the deltas against.
V5_FROM_INDEX = (V1 - {'n_vcpus', 'n_max_vcpus', 'register_vcpu_tb_exec_inline',
                       'register_vcpu_insn_exec_inline',
                       'register_vcpu_mem_inline'}) | {
    'register_vcpu_discon_cb', 'register_vcpu_tb_exec_cond_cb',
    'register_vcpu_tb_exec_inline_per_vcpu', 'register_vcpu_insn_exec_cond_cb',
    'register_vcpu_insn_exec_inline_per_vcpu',
    'register_vcpu_mem_inline_per_vcpu', 'mem_get_value',
    'request_time_control', 'update_ns', 'num_vcpus', 'get_registers',
    'read_register', 'write_register', 'read_memory_vaddr',
    'write_memory_vaddr', 'read_memory_hwaddr', 'write_memory_hwaddr',
    'translate_vaddr', 'scoreboard_new', 'scoreboard_free',
    'scoreboard_find', 'u64_add', 'u64_get', 'u64_set', 'u64_sum'}
V6_FROM_INDEX = V5_FROM_INDEX | {'register_vcpu_syscall_filter_cb', 'set_pc'}


# Plugin-to-plugin (qemu-plugin-qpp.h, docs/qpp.md): ours, in every dialect.
QPP = {'qemu_plugin_' + n for n in (
    'create_callback', 'run_callback', 'reg_callback', 'unreg_callback',
    'import_function', 'import_function_to', 'name_to_handle',
    'qpp_run_begin', 'qpp_run_next', 'qpp_run_end')}


def version_sets():
    """{version: set of full function names} for versions 1..7."""
    sets = {1: set(V1)}
    for v, (added, removed) in zip(range(2, 8), (V2_DELTA, V3_DELTA, V4_DELTA,
                                                 V5_DELTA, V6_DELTA, V7_DELTA)):
        sets[v] = (sets[v - 1] - removed) | added
    assert len(sets[1]) == 43 and sets[5] == V5_FROM_INDEX and \
        len(sets[5]) == 63 and sets[6] == V6_FROM_INDEX and \
        len(sets[6]) == 65 and sets[7] == sets[6], 'expected sets inconsistent'
    return {v: {'qemu_plugin_' + n for n in s} for v, s in sets.items()}


def report(what, got, want):
    """Print the differences; True if none."""
    missing, extra = sorted(want - got), sorted(got - want)
    for name in missing:
        print(f'{what}: missing {name}')
    for name in extra:
        print(f'{what}: unexpected {name}')
    if not missing and not extra:
        print(f'{what}: {len(got)} functions, as expected')
    return not missing and not extra


def check_symbols(path):
    """The --dynamic-list file names the union of all versions' functions."""
    with open(path, encoding='utf-8') as f:
        text = re.sub(r'/\*.*?\*/', '', f.read(), flags=re.S)
    body = re.fullmatch(r'\s*\{(.*)\}\s*;\s*', text, flags=re.S)
    if not body:
        print(f'{path}: not a {{ ...; }}; dynamic list')
        return False
    entries = [e.strip() for e in body.group(1).split(';') if e.strip()]
    got = set(entries)
    unique = len(got) == len(entries)
    if not unique:
        print(f'{path}: duplicate entries')
    want = set().union(*version_sets().values()) | QPP
    return report(os.path.basename(path), got, want) and unique


def declared_in_dialect(header_dir, cc, cflags, version, header='qemu-plugin.h'):
    """Functions @header declares when preprocessed for @version."""
    define = [] if version is None else [f'-DQEMU_PLUGIN_API_VERSION={version}']
    out = subprocess.run(cc + cflags + define + ['-I', header_dir, '-E', '-x', 'c', '-'],
                         input=f'#include <{header}>\n', capture_output=True,
                         text=True, check=True).stdout
    # Keep only the lines that linemarkers attribute to @header.
    ours, current = [], ''
    for line in out.split('\n'):
        marker = re.match(r'#\s*\d+\s+"([^"]*)"', line)
        if marker:
            current = marker.group(1)
        elif current.endswith('/' + header) or current == header:
            ours.append(line)
    names = set(re.findall(r'\b(qemu_plugin_\w+)\s*\(', '\n'.join(ours)))
    return names - {'qemu_plugin_install'}     # the plugin's, not ours


def check_dialects(header_dir, cc, cflags):
    """Each dialect of the header declares its version's set."""
    sets = version_sets()
    ok = True
    for version in list(range(1, 8)) + [None]:
        what = 'default (7)' if version is None else f'version {version}'
        got = declared_in_dialect(header_dir, cc, cflags, version)
        ok &= report(what, got, sets[version or 7])
    return ok


def check_qpp(header_dir, cc, cflags):
    """qemu-plugin-qpp.h declares the QPP set in every dialect."""
    ok = True
    for version in list(range(1, 8)) + [None]:
        what = 'qpp, default (7)' if version is None else f'qpp, version {version}'
        got = declared_in_dialect(header_dir, cc, cflags, version,
                                  'qemu-plugin-qpp.h')
        ok &= report(what, got, QPP)
    return ok


def main(argv):
    if len(argv) == 3 and argv[1] == 'symbols':
        return 0 if check_symbols(argv[2]) else 1
    if len(argv) >= 4 and argv[1] == 'dialects':
        # CC is one argument but may be several words ("ccache gcc").
        return 0 if check_dialects(argv[2], argv[3].split(), argv[4:]) else 1
    if len(argv) >= 4 and argv[1] == 'qpp':
        return 0 if check_qpp(argv[2], argv[3].split(), argv[4:]) else 1
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
