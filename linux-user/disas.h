// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * disas.h: guest disassembly with capstone, in qemu-aarch64's -d in_asm style.
 */
#ifndef UEMU_DISAS_H
#define UEMU_DISAS_H

#include <stdint.h>
#include <stdio.h>

/* disas_guest_insn: "mnemonic operands" of @insn at @pc into @buf. */
void disas_guest_insn(uint64_t pc, uint32_t insn, char *buf, size_t size);

/* disas_guest_block: one "0x%08lx:  %08x  mnem ops" line per instruction. */
void disas_guest_block(FILE *out, uint64_t pc, unsigned count);

#endif /* UEMU_DISAS_H */
