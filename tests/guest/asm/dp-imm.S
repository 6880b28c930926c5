// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/dp-imm.S: data processing with an immediate: add/sub (and the flag
 * setting forms, 32 and 64 bits, both shifts of imm12), logical immediates
 * (several element sizes and rotations), move wide, the bitfield moves
 * SBFM/BFM/UBFM over a grid of immr/imms (every alias: asr, lsl, lsr, sxt*,
 * uxt*, sbfx, ubfx, sbfiz, ubfiz, bfi, bfxil) and extr.
 *
 * Each SUM covers the sweeps above it (sweep.h): 32 edge inputs through
 * each instruction, hashing the destination register and NZCV. The
 * expected hashes are qemu-aarch64's. (adr/adrp: adr.S; SP as an operand:
 * sp-zr.S.)
 */
#include "check.h"
#include "sweep.h"

TEST_NAME("asm-dp-imm")

.macro ADDSUB_IMM op
    .irp imm, 0, 1, 0x7ff, 0x800, 0xfff
    SWEEP   SW_U, \op x9, x10, #\imm
    SWEEP   SW_U, \op w9, w10, #\imm
    SWEEP   SW_U, \op x9, x10, #\imm, lsl #12
    SWEEP   SW_U, \op w9, w10, #\imm, lsl #12
    .endr
.endm

.macro LOGIC_IMM op
    .irp imm, 1, 0xff, 0x3ffc, 0x5555555555555555, 0x00ff00ff00ff00ff
    SWEEP   SW_U, \op x9, x10, #\imm
    .endr
    .irp imm, 0x8000000000000000, 0x7fffffffffffffff, 0xffffffff
    SWEEP   SW_U, \op x9, x10, #\imm
    .endr
    .irp imm, 0xffff0000ffff0000, 0xfffffffffffffffe, 0xe00000000000003f
    SWEEP   SW_U, \op x9, x10, #\imm
    .endr
    .irp imm, 1, 0x80000000, 0x7fffffff, 0xf0f0f0f0
    SWEEP   SW_U, \op w9, w10, #\imm
    .endr
    .irp imm, 0xfffffffe, 0xffff, 0x0ff00000, 0xc0000003
    SWEEP   SW_U, \op w9, w10, #\imm
    .endr
.endm

/* All three bitfield moves for one immr (r) over a set of imms (s). */
.macro BITFIELD_X r
    .irp s, 0, 1, 6, 7, 30, 31, 32, 33, 62, 63
    SWEEP   SW_U, sbfm x9, x10, #\r, #\s
    SWEEP   SW_U, bfm x9, x10, #\r, #\s
    SWEEP   SW_U, ubfm x9, x10, #\r, #\s
    .endr
.endm
.macro BITFIELD_W r
    .irp s, 0, 1, 7, 15, 16, 30, 31
    SWEEP   SW_U, sbfm w9, w10, #\r, #\s
    SWEEP   SW_U, bfm w9, w10, #\r, #\s
    SWEEP   SW_U, ubfm w9, w10, #\r, #\s
    .endr
.endm

    .text
    .global test_main
test_main:
    SWEEP_INIT
    stp     x29, x30, [sp, #-16]!

    ADDSUB_IMM add
    SUM(0x0cded8ac5f0e4aa2)
    ADDSUB_IMM adds
    SUM(0xcc3386bd7a963bfc)
    ADDSUB_IMM sub
    SUM(0x625bed170cd2e273)
    ADDSUB_IMM subs
    SUM(0xd0c1525125ad7f24)
    .irp imm, 0, 1, 31, 0xfff               // the aliases cmp, cmn
    SWEEP   SW_U, cmp x10, #\imm
    SWEEP   SW_U, cmn w10, #\imm
    .endr
    SUM(0xfa62882fb82408f8)

    LOGIC_IMM and
    SUM(0x58fee506daeb23be)
    LOGIC_IMM orr
    SUM(0xbd187256cc1e3517)
    LOGIC_IMM eor
    SUM(0x3a5f87cfc2318cb7)
    LOGIC_IMM ands
    SUM(0xffbfc4e1220ce259)

    .irp hw, 0, 16, 32, 48
    SWEEP   SW_U, movz x9, #0x8001, lsl #\hw
    SWEEP   SW_U, movn x9, #0x8001, lsl #\hw
    SWEEP   SW_U, movk x9, #0x8001, lsl #\hw
    .endr
    .irp hw, 0, 16
    SWEEP   SW_U, movz w9, #0xfffe, lsl #\hw
    SWEEP   SW_U, movn w9, #0xfffe, lsl #\hw
    SWEEP   SW_U, movk w9, #0xfffe, lsl #\hw
    .endr
    SUM(0x683ab4f050587d62)

    .irp r, 0, 1, 7, 31
    BITFIELD_X \r
    .endr
    SUM(0x3f030ba403bf6eeb)
    .irp r, 32, 33, 62, 63
    BITFIELD_X \r
    .endr
    SUM(0x335b4d5de6ce1a92)
    .irp r, 0, 1, 15, 16, 30, 31
    BITFIELD_W \r
    .endr
    SUM(0x372c3f14eb59da15)
    SWEEP   SW_U, asr x9, x10, #63          // a few aliases by name
    SWEEP   SW_U, lsl w9, w10, #31
    SWEEP   SW_U, sxtb x9, w10
    SWEEP   SW_U, sxth w9, w10
    SWEEP   SW_U, sxtw x9, w10
    SWEEP   SW_U, uxtb w9, w10
    SWEEP   SW_U, uxth w9, w10
    SWEEP   SW_U, bfi x9, x10, #60, #4
    SWEEP   SW_U, bfxil w9, w10, #28, #4
    SWEEP   SW_U, bfi x9, xzr, #8, #48       // bfc
    SWEEP   SW_U, sbfiz w9, w10, #3, #29
    SWEEP   SW_U, ubfx x9, x10, #17, #40
    SUM(0x67c1632150a11407)

    .irp lsb, 0, 1, 31, 32, 63
    SWEEP   SW_B, extr x9, x10, x11, #\lsb
    .endr
    .irp lsb, 0, 1, 16, 31
    SWEEP   SW_B, extr w9, w10, w11, #\lsb
    .endr
    SWEEP   SW_U, ror x9, x10, #13
    SWEEP   SW_U, ror w9, w10, #13
    SUM(0x3be44cf1cc515b37)

    ldp     x29, x30, [sp], #16
    ret
