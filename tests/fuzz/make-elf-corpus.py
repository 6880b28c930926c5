#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""make-elf-corpus.py: write the seed corpus for fuzz-elfload.

    tests/fuzz/make-elf-corpus.py tests/fuzz/corpus/elfload

Each file is a tiny AArch64 ELF, valid or broken in one way, so that the
fuzzer starts from inputs that reach every check of linux-user/elf-check.c
and the mapping code of elfload.c. The same files run in the normal test
suite through tests/fuzz/replay.c. Rerun after changing a case and commit
the result; file names say what each input exercises.
"""
import os
import struct
import sys

EHDR = "<16sHHIQQQIHHHHHH"      # Elf64_Ehdr
PHDR = "<IIQQQQQQ"              # Elf64_Phdr
EHDR_SIZE, PHDR_SIZE = 64, 56

ET_EXEC, ET_DYN, ET_REL = 2, 3, 1
EM_X86_64, EM_AARCH64 = 62, 183
PT_LOAD, PT_INTERP, PT_PHDR = 1, 3, 6
PF_X, PF_W, PF_R = 1, 2, 4

BASE = 0x400000
SIZE = 0x200                    # file size of the normal cases
INTERP_OFF = 0x180


def phdr(ptype, off, vaddr, filesz, memsz, flags, align=0x1000):
    return dict(type=ptype, off=off, vaddr=vaddr, filesz=filesz,
                memsz=memsz, flags=flags, align=align)


def elf(phdrs, etype=ET_EXEC, machine=EM_AARCH64, ei_class=2, ei_data=1,
        entry=BASE + 0x100, size=SIZE, phoff=EHDR_SIZE):
    """The ELF as bytes: 0xaa filler, header, program headers, row data."""
    ident = b"\x7fELF" + bytes([ei_class, ei_data, 1]) + bytes(9)
    head = struct.pack(EHDR, ident, etype, machine, 1, entry, phoff, 0, 0,
                       EHDR_SIZE, PHDR_SIZE, len(phdrs), 0, 0, 0)
    table = b"".join(struct.pack(PHDR, p["type"], p["flags"], p["off"],
                                 p["vaddr"], p["vaddr"], p["filesz"],
                                 p["memsz"], p["align"]) for p in phdrs)
    buf = bytearray(b"\xaa" * max(size, phoff + len(table)))
    buf[:EHDR_SIZE] = head
    buf[phoff:phoff + len(table)] = table
    for p in phdrs:
        data = p.get("data", b"")
        buf[p["off"]:p["off"] + len(data)] = data
    return bytes(buf[:size])


def text():
    return phdr(PT_LOAD, 0, BASE, SIZE, SIZE, PF_R | PF_X)


def interp_row(s):
    row = phdr(PT_INTERP, INTERP_OFF, BASE + INTERP_OFF, len(s), len(s), PF_R)
    row["data"] = s
    return row


CASES = {
    "valid-exec": elf([text()]),
    "valid-exec-bss": elf([text(), phdr(PT_LOAD, 0x1c0, BASE + 0x11c0, 0x20,
                                        0x3000, PF_R | PF_W)]),
    "valid-pie": elf([phdr(PT_PHDR, 0x40, 0x40, 0x70, 0x70, PF_R),
                      phdr(PT_LOAD, 0, 0, SIZE, SIZE, PF_R | PF_X, 0x10000)],
                     etype=ET_DYN, entry=0x100),
    "interp-missing": elf([text(), interp_row(b"/nonexistent/ld.so\0")]),
    "interp-unterminated": elf([text(), interp_row(b"/lib/ld.so")]),
    "header-truncated": elf([text()])[:40],
    "phdrs-truncated": elf([text()], phoff=SIZE - 8),
    "class32": elf([text()], ei_class=1),
    "big-endian": elf([text()], ei_data=2),
    "machine-x86-64": elf([text()], machine=EM_X86_64),
    "type-rel": elf([text()], etype=ET_REL),
    "load-overlap": elf([text(), phdr(PT_LOAD, 0x100, BASE + 0x100, 0x10, 0x10,
                                      PF_R | PF_W)]),
    "load-past-file": elf([phdr(PT_LOAD, 0, BASE, 0x1000, 0x1000, PF_R)]),
    "filesz-gt-memsz": elf([phdr(PT_LOAD, 0, BASE, SIZE, 0x10, PF_R)]),
    "vaddr-incongruent": elf([phdr(PT_LOAD, 0, BASE + 8, SIZE, SIZE, PF_R)]),
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "corpus", "elfload")
    os.makedirs(out, exist_ok=True)
    for name, data in CASES.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(CASES)} files to {out}")


if __name__ == "__main__":
    main()
