// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/dp-reg.S: data processing with register operands, 32 and 64 bits:
 * division, shifts by register (amount modulo the width), CRC32/CRC32C,
 * rbit/rev16/rev32/rev/clz/cls, logical and add/sub with a shifted
 * register (every shift type), add/sub with an extended register (every
 * extension and shift), adc/sbc, ccmp/ccmn and csel/csinc/csinv/csneg under
 * all 16 conditions and all 16 NZCV inputs, and the multiplies.
 *
 * Each SUM covers the sweeps above it (sweep.h): edge inputs through each
 * instruction, hashing the destination register and NZCV. The expected
 * hashes are qemu-aarch64's.
 */
#include "check.h"
#include "sweep.h"

TEST_NAME("asm-dp-reg")
    .arch   armv8-a+crc

.macro BOTH mode, op
    SWEEP   \mode, \op x9, x10, x11
    SWEEP   \mode, \op w9, w10, w11
.endm

.macro LOGIC_REG op
    .irp sh, lsl, lsr, asr, ror
    .irp amt, 0, 1, 31
    SWEEP   SW_H, \op x9, x10, x11, \sh #\amt
    SWEEP   SW_H, \op w9, w10, w11, \sh #\amt
    .endr
    SWEEP   SW_H, \op x9, x10, x11, \sh #32
    SWEEP   SW_H, \op x9, x10, x11, \sh #63
    .endr
.endm

.macro ADDSUB_REG op
    .irp sh, lsl, lsr, asr
    .irp amt, 0, 1, 31
    SWEEP   SW_H, \op x9, x10, x11, \sh #\amt
    SWEEP   SW_H, \op w9, w10, w11, \sh #\amt
    .endr
    SWEEP   SW_H, \op x9, x10, x11, \sh #32
    SWEEP   SW_H, \op x9, x10, x11, \sh #63
    .endr
.endm

.macro ADDSUB_EXT op
    .irp ext, uxtb, uxth, uxtw, sxtb, sxth, sxtw
    .irp amt, 0, 1, 4
    SWEEP   SW_H, \op x9, x10, w11, \ext #\amt
    SWEEP   SW_H, \op w9, w10, w11, \ext #\amt
    .endr
    .endr
    .irp ext, uxtx, sxtx
    .irp amt, 0, 3, 4
    SWEEP   SW_H, \op x9, x10, x11, \ext #\amt
    SWEEP   SW_H, \op w9, w10, w11, \ext #\amt
    .endr
    .endr
.endm

/* One conditional instruction under every condition. */
.macro ALL_CONDS mode, op, args:vararg
    .irp cc, eq, ne, hs, lo, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv
    SWEEP   \mode, \op \args, \cc
    .endr
.endm

/* ccmp/ccmn with a different NZCV immediate for each condition. */
.macro CCMP_ALL op, rn, op2
    .irp p, "eq,0", "ne,15", "hs,1", "lo,2", "mi,4", "pl,8", "vs,3", "vc,5"
    CCMP_ONE \op, \rn, \op2, \p
    .endr
    .irp p, "hi,6", "ls,9", "ge,10", "lt,12", "gt,7", "le,11", "al,13", "nv,14"
    CCMP_ONE \op, \rn, \op2, \p
    .endr
.endm
.macro CCMP_ONE op, rn, op2, cc, nzcv
    SWEEP   SW_F, \op \rn, \op2, #\nzcv, \cc
.endm

    .text
    .global test_main
test_main:
    SWEEP_INIT
    stp     x29, x30, [sp, #-16]!

    BOTH    SW_B, udiv
    BOTH    SW_B, sdiv
    SUM(0x3b538d6f2040c180)
    BOTH    SW_B, lslv
    BOTH    SW_B, lsrv
    BOTH    SW_B, asrv
    BOTH    SW_B, rorv
    SUM(0x6b3805daaf79fef8)
    SWEEP   SW_B, crc32b w9, w10, w11
    SWEEP   SW_B, crc32h w9, w10, w11
    SWEEP   SW_B, crc32w w9, w10, w11
    SWEEP   SW_B, crc32x w9, w10, x11
    SWEEP   SW_B, crc32cb w9, w10, w11
    SWEEP   SW_B, crc32ch w9, w10, w11
    SWEEP   SW_B, crc32cw w9, w10, w11
    SWEEP   SW_B, crc32cx w9, w10, x11
    SUM(0xef2bbd123e3affcd)

    SWEEP   SW_U, rbit x9, x10
    SWEEP   SW_U, rbit w9, w10
    SWEEP   SW_U, rev16 x9, x10
    SWEEP   SW_U, rev16 w9, w10
    SWEEP   SW_U, rev32 x9, x10
    SWEEP   SW_U, rev x9, x10
    SWEEP   SW_U, rev w9, w10
    SWEEP   SW_U, clz x9, x10
    SWEEP   SW_U, clz w9, w10
    SWEEP   SW_U, cls x9, x10
    SWEEP   SW_U, cls w9, w10
    SUM(0x9e2f4fc8ca0648ca)

    LOGIC_REG and
    SUM(0x7c3ee55906e9a632)
    LOGIC_REG bic
    SUM(0x9e4338ad91b0687c)
    LOGIC_REG orr
    SUM(0xe0f00d32a0b9be7a)
    LOGIC_REG orn
    SUM(0x1b4c0fa226af6cd6)
    LOGIC_REG eor
    SUM(0xb34d50d14851974e)
    LOGIC_REG eon
    SUM(0xaf69be9b184f257b)
    LOGIC_REG ands
    SUM(0xd3b8b071bc017ce9)
    LOGIC_REG bics
    SUM(0x510539015784d57c)

    ADDSUB_REG add
    SUM(0x5aecd9d85139f8ba)
    ADDSUB_REG adds
    SUM(0xce9f38a7e4a4cd43)
    ADDSUB_REG sub
    SUM(0x903464d3b03dc2f5)
    ADDSUB_REG subs
    SUM(0xa19ac96f6221eb6d)
    SWEEP   SW_B, neg x9, x11
    SWEEP   SW_B, negs w9, w11
    SWEEP   SW_B, cmp w10, w11
    SWEEP   SW_B, cmn x10, x11
    SUM(0x880b70de94f553b9)

    ADDSUB_EXT add
    SUM(0x4893e9d4fd98add0)
    ADDSUB_EXT adds
    SUM(0xf5a3822d924bb9a6)
    ADDSUB_EXT sub
    SUM(0xdcd074c97ffbc918)
    ADDSUB_EXT subs
    SUM(0xc044e5c037dd6223)

    BOTH    SW_FW, adc
    BOTH    SW_FW, adcs
    BOTH    SW_FW, sbc
    BOTH    SW_FW, sbcs
    SWEEP   SW_FW, ngcs w9, w11
    SUM(0x7686de031b69b32a)

    CCMP_ALL ccmp, x10, x11
    CCMP_ALL ccmp, w10, w11
    SUM(0x8238381288fab1a7)
    CCMP_ALL ccmn, x10, x11
    CCMP_ALL ccmn, w10, w11
    SUM(0x351f30a84a471620)
    CCMP_ALL ccmp, x10, #31
    CCMP_ALL ccmp, w10, #1
    CCMP_ALL ccmn, x10, #1
    CCMP_ALL ccmn, w10, #0
    SUM(0xd8ee50df01c963ac)

    ALL_CONDS SW_F, csel, x9, x10, x11
    ALL_CONDS SW_F, csel, w9, w10, w11
    SUM(0x3e8a971306daf874)
    ALL_CONDS SW_F, csinc, x9, x10, x11
    ALL_CONDS SW_F, csinc, w9, w10, w11
    SUM(0x91912353b2aaa9ab)
    ALL_CONDS SW_F, csinv, x9, x10, x11
    ALL_CONDS SW_F, csinv, w9, w10, w11
    SUM(0xe81eb502fd4c6ac1)
    ALL_CONDS SW_F, csneg, x9, x10, x11
    ALL_CONDS SW_F, csneg, w9, w10, w11
    SUM(0xf134efbafeaaca3c)

    SWEEP   SW_B, madd x9, x10, x11, x12
    SWEEP   SW_B, madd w9, w10, w11, w12
    SWEEP   SW_B, msub x9, x10, x11, x12
    SWEEP   SW_B, msub w9, w10, w11, w12
    SWEEP   SW_B, smaddl x9, w10, w11, x12
    SWEEP   SW_B, smsubl x9, w10, w11, x12
    SWEEP   SW_B, umaddl x9, w10, w11, x12
    SWEEP   SW_B, umsubl x9, w10, w11, x12
    SWEEP   SW_B, smulh x9, x10, x11
    SWEEP   SW_B, umulh x9, x10, x11
    SWEEP   SW_B, mul w9, w10, w11
    SWEEP   SW_B, mneg x9, x10, x11
    SUM(0x03e81e5fa973780b)

    ldp     x29, x30, [sp], #16
    ret
