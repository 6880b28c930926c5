// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/simd.S: AdvSIMD instructions over a table of 128-bit edge inputs:
 * every instruction glibc's string and memory functions use, and at least
 * one of each family of the copy, modified-immediate, three-same,
 * three-different, two-register-misc, across-lanes, shift-by-immediate,
 * indexed-element, permute, extract, table-lookup and structure load/store
 * classes, vector and scalar, in several arrangements.
 *
 * VSWEEP runs one instruction (assembled into a stub "insn; ret") for all
 * 16 x 16 pairs (i, j) of table entries, with
 *     v1 = T[i]  v2 = T[j]  v0 = T[i + 2j + 5]  v3 = T[3i + j + 7]
 *     v4 = T[i + 5j + 1]  (indices mod 16)  x9 = low half of T[i + j]
 *     x10 = buf + 32 (a base)  x11 = 8i + j (an offset)  FPSR = NZCV = 0
 * and buf[k] = 37k + 11i + j for k < 128. It then hashes v0-v4, x9,
 * x10 - buf, x11, FPSR and the 128 bytes of buf into x15; SUM checks the
 * hash of the sweep against the value qemu-aarch64 gives (SUM(0) reports
 * what it got). Any command-line argument dumps every call as
 *     "i j: v0lo v0hi v1lo ... v4hi x9 x10-buf x11 fpsr" after "== insn",
 * to diff the outputs of two emulators. Stubs may write v0-v4, x9-x11,
 * FPSR and NZCV; the driver keeps its state in x13-x15 and x19-x28.
 */
#include "check.h"

    .arch   armv8-a+crypto              /* PMULL2 .1q */

TEST_NAME("asm-simd")

/* Check the hash of the last sweep, and start a new one. */
#define SUM(expected) CHECK_IMM(x15, expected) ; mov x15, #0

.macro VSWEEP insn:vararg
    .pushsection .rodata.vsweep, "a"
.Lvs_name\@:
    .asciz "\insn"
    .popsection
    .pushsection .text.vsweep, "ax"
.Lvs_stub\@:
    \insn
    ret
    .popsection
    adrp    x13, .Lvs_stub\@
    add     x13, x13, :lo12:.Lvs_stub\@
    adrp    x14, .Lvs_name\@
    add     x14, x14, :lo12:.Lvs_name\@
    bl      vsweep_run
.endm

    .text
    .global test_main
test_main:
    ldr     x0, [sp]                    // argc: dump if > 1
    cmp     x0, #1
    cset    x0, gt
    adrp    x1, vs_dump
    str     x0, [x1, :lo12:vs_dump]
    mov     x15, #0
    stp     x29, x30, [sp, #-16]!

    /* -- Copy: DUP, INS, UMOV, SMOV, FMOV to/from general ---------------- */
    VSWEEP  dup v0.16b, w9
    SUM(0xc3e4cdd947fec772)
    VSWEEP  dup v0.8h, w9
    SUM(0x5a94ecc17c24c360)
    VSWEEP  dup v0.2s, w9
    SUM(0x585ea12afb3141f7)
    VSWEEP  dup v0.2d, x9
    SUM(0x9fed0841a3bcb9a2)
    VSWEEP  dup v0.2d, v1.d[1]
    SUM(0xfcd43d5783936243)
    VSWEEP  dup v0.4s, v1.s[2]
    SUM(0x7d80674af35776fa)
    VSWEEP  dup v0.8b, v1.b[13]
    SUM(0xc77d44758828ae71)
    VSWEEP  dup b0, v1.b[15]
    SUM(0x47622259d7459a03)
    VSWEEP  mov h0, v2.h[5]
    SUM(0x6fe0d1eb48154cd)
    VSWEEP  mov v0.s[1], w9
    SUM(0xa11609924b474b54)
    VSWEEP  mov v0.d[1], x9
    SUM(0xfd1416c322e07a9b)
    VSWEEP  mov v0.b[15], v1.b[0]
    SUM(0x5a43ded8f4993047)
    VSWEEP  mov v0.d[0], v2.d[1]
    SUM(0xe789f11d9ab4594d)
    VSWEEP  umov w9, v1.b[7]
    SUM(0xa5b89d0e4bca79ef)
    VSWEEP  umov w9, v1.h[6]
    SUM(0xb6584ba0f4500794)
    VSWEEP  mov w9, v1.s[3]
    SUM(0x24aa6b37362149f2)
    VSWEEP  mov x9, v1.d[1]
    SUM(0x8b0ee6604095a671)
    VSWEEP  smov x9, v1.h[3]
    SUM(0x88165f92a5da6d8c)
    VSWEEP  smov w9, v1.b[9]
    SUM(0x6fae02492f7feb3)
    VSWEEP  smov x9, v1.s[1]
    SUM(0xdb727157d1030529)
    VSWEEP  fmov x9, v1.d[1]
    SUM(0x8b0ee6604095a671)
    VSWEEP  fmov v0.d[1], x9
    SUM(0xfd1416c322e07a9b)
    VSWEEP  fmov d0, x9
    SUM(0xb1cd7bb1d82cc7e1)
    VSWEEP  fmov s0, w9
    SUM(0xd5a3daf988b0b701)
    VSWEEP  fmov w9, s1
    SUM(0xd73d39a667f486e2)

    /* -- Modified immediate ---------------------------------------------- */
    VSWEEP  movi v0.4s, #0x7f, lsl #8
    SUM(0x56d0e06c4d2c24da)
    VSWEEP  movi v0.2s, #0x7f, lsl #24
    SUM(0xaa3166376c966087)
    VSWEEP  movi v0.2d, #0xff00ff0000ffff00
    SUM(0x1d9a0d61e667e2a5)
    VSWEEP  movi v0.16b, #0xa5
    SUM(0x2fae684d9d027bec)
    VSWEEP  movi d0, #0xffff00000000ffff
    SUM(0x5d913d2816f6776b)
    VSWEEP  movi v0.4h, #0x12, lsl #8
    SUM(0x1844718a80f1e8b0)
    VSWEEP  movi v0.4s, #0x34, msl #16
    SUM(0x3b7347757267e160)
    VSWEEP  mvni v0.4s, #0x12, msl #8
    SUM(0xc6367ae5d80b0ef2)
    VSWEEP  mvni v0.2s, #0x34
    SUM(0x80231ae4002986c9)
    VSWEEP  mvni v0.8h, #0x80, lsl #8
    SUM(0xf04e93305e8c6242)
    VSWEEP  bic v0.8h, #0x12, lsl #8
    SUM(0xec7f757d285b46e)
    VSWEEP  bic v0.2s, #0xff
    SUM(0xc3bb4ad17dd0c68)
    VSWEEP  orr v0.4s, #0x55, lsl #16
    SUM(0xffb08a98d60e12e2)
    VSWEEP  orr v0.4h, #0x81
    SUM(0x4a43f52f736082cf)
    VSWEEP  fmov v0.4s, #1.5
    SUM(0xee4f56cfbecd5040)
    VSWEEP  fmov v0.2d, #-2.0
    SUM(0x5af41da9acce3b69)
    VSWEEP  fmov v0.2s, #0.125
    SUM(0x511670b9ee9dcaba)

    /* -- Three same: bitwise, integer, pairwise --------------------------- */
    VSWEEP  mov v0.16b, v1.16b
    SUM(0xab258c28b65e431f)
    VSWEEP  orr v0.8b, v1.8b, v2.8b
    SUM(0xd601d02eea3d358e)
    VSWEEP  and v0.16b, v1.16b, v2.16b
    SUM(0xbbb8663eab48bff8)
    VSWEEP  eor v0.16b, v1.16b, v2.16b
    SUM(0x3f81ce08a7c28fb5)
    VSWEEP  bic v0.16b, v1.16b, v2.16b
    SUM(0xe99c3cd59e01e3e5)
    VSWEEP  orn v0.8b, v1.8b, v2.8b
    SUM(0x2158f519968ab892)
    VSWEEP  bsl v0.16b, v1.16b, v2.16b
    SUM(0xec1254649b3983b5)
    VSWEEP  bit v0.16b, v1.16b, v2.16b
    SUM(0xe4a79dd2473691be)
    VSWEEP  bif v0.8b, v1.8b, v2.8b
    SUM(0x8fc89df512465cf0)
    VSWEEP  add v0.16b, v1.16b, v2.16b
    SUM(0xaa22a576ea24e9cd)
    VSWEEP  add v0.2d, v1.2d, v2.2d
    SUM(0xc08f08a5b1237f89)
    VSWEEP  sub v0.2s, v1.2s, v2.2s
    SUM(0xac67ae7de2c6f317)
    VSWEEP  sub d0, d1, d2
    SUM(0xf5715fb0e0c60e8d)
    VSWEEP  cmeq v0.16b, v1.16b, v2.16b
    SUM(0x9ae3fbfca3ca8ca2)
    VSWEEP  cmhs v0.16b, v1.16b, v2.16b
    SUM(0x536b2d7c4441b0)
    VSWEEP  cmhi v0.8h, v1.8h, v2.8h
    SUM(0xd1edf5f4e67d381)
    VSWEEP  cmgt v0.4s, v1.4s, v2.4s
    SUM(0xeee1dc77ee8fda6)
    VSWEEP  cmge v0.2d, v1.2d, v2.2d
    SUM(0xd0c604a3afffb3a2)
    VSWEEP  cmtst v0.8b, v1.8b, v2.8b
    SUM(0xf6a1f952aaa6338a)
    VSWEEP  cmgt d0, d1, d2
    SUM(0xa4ee16fa68f86a45)
    VSWEEP  umaxp v0.16b, v1.16b, v2.16b
    SUM(0x29f1f9c18df00916)
    VSWEEP  uminp v0.16b, v1.16b, v2.16b
    SUM(0xaa39b61f8f09b8c4)
    VSWEEP  smaxp v0.4s, v1.4s, v2.4s
    SUM(0x2788125c757b1aab)
    VSWEEP  sminp v0.4h, v1.4h, v2.4h
    SUM(0x919e783d4f0012af)
    VSWEEP  addp v0.16b, v1.16b, v2.16b
    SUM(0xf1194dce325a09c)
    VSWEEP  addp v0.2d, v1.2d, v2.2d
    SUM(0xcbf44978cc1c233)
    VSWEEP  addp d0, v1.2d
    SUM(0x3dbeee9dafb6b5ee)
    VSWEEP  umax v0.8h, v1.8h, v2.8h
    SUM(0xeb66dd96bd91d760)
    VSWEEP  smin v0.16b, v1.16b, v2.16b
    SUM(0xca323aafc0260bb7)
    VSWEEP  uqadd v0.16b, v1.16b, v2.16b
    SUM(0x40cbd852afaa8e5a)
    VSWEEP  sqadd v0.8h, v1.8h, v2.8h
    SUM(0xc22190bc5883a20)
    VSWEEP  uqsub v0.4s, v1.4s, v2.4s
    SUM(0xe15117ca742c42b)
    VSWEEP  sqsub b0, b1, b2
    SUM(0x95db38570e38576a)
    VSWEEP  shadd v0.8b, v1.8b, v2.8b
    SUM(0x810f96c49cbb53)
    VSWEEP  urhadd v0.16b, v1.16b, v2.16b
    SUM(0x9ae5d2d74c3da70c)
    VSWEEP  sabd v0.4s, v1.4s, v2.4s
    SUM(0xa5a697543ca74e25)
    VSWEEP  uaba v0.8h, v1.8h, v2.8h
    SUM(0xa6720095592c667)
    VSWEEP  mul v0.8h, v1.8h, v2.8h
    SUM(0x99e8b5384e071556)
    VSWEEP  mla v0.4s, v1.4s, v2.4s
    SUM(0x6fda6afcab0c9c0d)
    VSWEEP  mls v0.16b, v1.16b, v2.16b
    SUM(0x69f9151444c0dedc)
    VSWEEP  pmul v0.16b, v1.16b, v2.16b
    SUM(0x115415a113b764dc)
    VSWEEP  sqdmulh v0.8h, v1.8h, v2.8h
    SUM(0xe2b2fc9a0fc538eb)
    VSWEEP  sqrdmulh s0, s1, s2
    SUM(0x600a449ca4e7e8cb)
    VSWEEP  ushl v0.2d, v1.2d, v2.2d
    SUM(0xf8498e89aa2f2bba)
    VSWEEP  sshl v0.16b, v1.16b, v2.16b
    SUM(0xd639a039377877d0)
    VSWEEP  srshl v0.4s, v1.4s, v2.4s
    SUM(0xa54bbe30b9d9d19b)
    VSWEEP  uqshl v0.8h, v1.8h, v2.8h
    SUM(0xe619c0408a6d1539)
    VSWEEP  sqrshl d0, d1, d2
    SUM(0xda8d761dc656c7ca)

    /* -- Three different -------------------------------------------------- */
    VSWEEP  uaddw v0.2d, v1.2d, v2.2s
    SUM(0x9249d22904107c2b)
    VSWEEP  saddw2 v0.4s, v1.4s, v2.8h
    SUM(0xb19df4ae0c234498)
    VSWEEP  uaddl v0.8h, v1.8b, v2.8b
    SUM(0x6253102e9bdc1d77)
    VSWEEP  ssubl2 v0.2d, v1.4s, v2.4s
    SUM(0xbbdb69e3a040964c)
    VSWEEP  umull v0.2d, v1.2s, v2.2s
    SUM(0x1b0cd95ffcd2382c)
    VSWEEP  smull2 v0.8h, v1.16b, v2.16b
    SUM(0xde9039b00d8b9d1c)
    VSWEEP  umlal v0.4s, v1.4h, v2.4h
    SUM(0x7396dd9214bf71da)
    VSWEEP  smlsl2 v0.2d, v1.4s, v2.4s
    SUM(0x5df93f0da9acb403)
    VSWEEP  sqdmull v0.4s, v1.4h, v2.4h
    SUM(0x242cdcf045e9bba8)
    VSWEEP  sqdmlal d0, s1, s2
    SUM(0x331101ef3ae7a434)
    VSWEEP  sabdl v0.8h, v1.8b, v2.8b
    SUM(0x5dd06e499365afaf)
    VSWEEP  uabal2 v0.4s, v1.8h, v2.8h
    SUM(0x1d328ef03a3af1bd)
    VSWEEP  addhn v0.8b, v1.8h, v2.8h
    SUM(0x82a57fe669a936b7)
    VSWEEP  raddhn2 v0.8h, v1.4s, v2.4s
    SUM(0xa88d978c09d6312f)
    VSWEEP  subhn v0.2s, v1.2d, v2.2d
    SUM(0x4ca10141dbecb4fb)
    VSWEEP  pmull v0.8h, v1.8b, v2.8b
    SUM(0xdf9a1b5bee0ef9a0)
    VSWEEP  pmull2 v0.1q, v1.2d, v2.2d
    SUM(0xa7b080b9cfbf8e1c)

    /* -- Two-register misc ------------------------------------------------ */
    VSWEEP  rev64 v0.2s, v1.2s
    SUM(0xbac2cc2911bfc614)
    VSWEEP  rev64 v0.16b, v1.16b
    SUM(0xc1a81b32dc84151)
    VSWEEP  rev32 v0.8b, v1.8b
    SUM(0x6a90acca69e0bb18)
    VSWEEP  rev32 v0.8h, v1.8h
    SUM(0x2295eb890ebe150c)
    VSWEEP  rev16 v0.16b, v1.16b
    SUM(0x9682b92b671b3ad4)
    VSWEEP  cnt v0.8b, v1.8b
    SUM(0x1877714122c7e379)
    VSWEEP  cnt v0.16b, v1.16b
    SUM(0x37924740ceaadc85)
    VSWEEP  mvn v0.16b, v1.16b
    SUM(0x3d5ed5e2544bf403)
    VSWEEP  rbit v0.8b, v1.8b
    SUM(0x5c7d51600d7c0e7d)
    VSWEEP  cls v0.4s, v1.4s
    SUM(0x69e6aa5486478492)
    VSWEEP  clz v0.8h, v1.8h
    SUM(0x6fe2fa7e3717dcfc)
    VSWEEP  neg v0.4s, v1.4s
    SUM(0x9c4edd853f5ea215)
    VSWEEP  neg d0, d1
    SUM(0x7e82f2b0fa9b99b5)
    VSWEEP  abs v0.8h, v1.8h
    SUM(0x213a57890abd2eda)
    VSWEEP  sqabs v0.16b, v1.16b
    SUM(0xbd29c924f343454e)
    VSWEEP  sqneg s0, s1
    SUM(0x2f912d5c15408f87)
    VSWEEP  cmeq v0.16b, v1.16b, #0
    SUM(0x77b8391e784af2cb)
    VSWEEP  cmeq v0.8b, v1.8b, #0
    SUM(0xa2c1ace2b88d3a37)
    VSWEEP  cmgt v0.2d, v1.2d, #0
    SUM(0xe0078c890b0c1d58)
    VSWEEP  cmge v0.4h, v1.4h, #0
    SUM(0x58f1302fceb09f1)
    VSWEEP  cmle v0.4s, v1.4s, #0
    SUM(0x7a2ec864dc7ce798)
    VSWEEP  cmlt v0.16b, v1.16b, #0
    SUM(0xa6a26de7b0535e3e)
    VSWEEP  cmeq d0, d1, #0
    SUM(0x7f3b18dac43e4fa8)
    VSWEEP  uaddlp v0.8h, v1.16b
    SUM(0xc6d6f764ce9d2429)
    VSWEEP  sadalp v0.2d, v1.4s
    SUM(0xc0380ee7b2698002)
    VSWEEP  suqadd v0.8b, v1.8b
    SUM(0x65e771bb24d4fa0f)
    VSWEEP  usqadd d0, d1
    SUM(0x5a6f2e678f26c01b)
    VSWEEP  xtn v0.2s, v1.2d
    SUM(0xa3c7972b15ee8dd8)
    VSWEEP  xtn2 v0.16b, v1.8h
    SUM(0x139abae52e931eb3)
    VSWEEP  sqxtn v0.4h, v1.4s
    SUM(0x43903a13b0e6df3b)
    VSWEEP  uqxtn2 v0.4s, v1.2d
    SUM(0xcd33fef426e0c207)
    VSWEEP  sqxtun b0, h1
    SUM(0xd4fac543a96f218a)
    VSWEEP  shll v0.8h, v1.8b, #8
    SUM(0x7f9f1f2b7a6644c8)

    /* -- Across lanes ----------------------------------------------------- */
    VSWEEP  addv b0, v1.8b
    SUM(0x2c53b31d94d88d72)
    VSWEEP  addv s0, v1.4s
    SUM(0x5b2e927316334c17)
    VSWEEP  umaxv b0, v1.16b
    SUM(0x6cf3499eeace8c27)
    VSWEEP  uminv h0, v1.8h
    SUM(0xca4c34219fd6b6c5)
    VSWEEP  smaxv s0, v1.4s
    SUM(0x181e6a0909ae6136)
    VSWEEP  sminv b0, v1.8b
    SUM(0x1441aa72bbf879f4)
    VSWEEP  uaddlv h0, v1.16b
    SUM(0x90a8353a4ff3f47a)
    VSWEEP  saddlv d0, v1.4s
    SUM(0x41808b3c98f8a5d6)

    /* -- Shift by immediate ----------------------------------------------- */
    VSWEEP  shrn v0.8b, v1.8h, #4
    SUM(0x46d9bc8ccb0368e6)
    VSWEEP  shrn2 v0.16b, v1.8h, #8
    SUM(0x36a0d9cd4ae9162)
    VSWEEP  rshrn v0.4h, v1.4s, #9
    SUM(0x644a40955d403816)
    VSWEEP  sqshrn v0.2s, v1.2d, #1
    SUM(0x588f6add1205eb40)
    VSWEEP  uqrshrn2 v0.8h, v1.4s, #16
    SUM(0x4c25e19373eeb140)
    VSWEEP  sqrshrun b0, h1, #3
    SUM(0x1edaeebf20adfa01)
    VSWEEP  ushr v0.2d, v1.2d, #7
    SUM(0x1b4bc2b6b00a9e94)
    VSWEEP  ushr d0, d1, #64
    SUM(0x1aa547b89028e279)
    VSWEEP  ushr v0.16b, v1.16b, #1
    SUM(0x37c39c2091399f58)
    VSWEEP  sshr v0.4s, v1.4s, #31
    SUM(0xa5a27bcf27c3e4d)
    VSWEEP  sshr d0, d1, #64
    SUM(0x8212e5b1c3714512)
    VSWEEP  shl v0.2d, v1.2d, #1
    SUM(0x60171dba7054e2bd)
    VSWEEP  shl v0.16b, v1.16b, #7
    SUM(0xcbd092e38457d39c)
    VSWEEP  sli v0.4s, v1.4s, #12
    SUM(0xca0905e82c45e7a0)
    VSWEEP  sri v0.8h, v1.8h, #16
    SUM(0x49bce61623504c01)
    VSWEEP  usra v0.2d, v1.2d, #63
    SUM(0x8e728bc163c56b11)
    VSWEEP  srshr v0.8b, v1.8b, #3
    SUM(0x62a3756f74b3a1da)
    VSWEEP  ursra d0, d1, #1
    SUM(0xa596250bf5cd2228)
    VSWEEP  sqshlu v0.4s, v1.4s, #5
    SUM(0xb9a13c0345a4d0ee)
    VSWEEP  uqshl v0.16b, v1.16b, #2
    SUM(0xc4ca340927f1e52a)
    VSWEEP  uxtl v0.2d, v1.2s
    SUM(0x346d9395193878d8)
    VSWEEP  sxtl v0.8h, v1.8b
    SUM(0x938349e4b26ae1b1)
    VSWEEP  ushll2 v0.8h, v1.16b, #3
    SUM(0x60e25dcb277d0b07)
    VSWEEP  sshll2 v0.2d, v1.4s, #31
    SUM(0x5ba721161cac5d88)

    /* -- Indexed element -------------------------------------------------- */
    VSWEEP  mul v0.4s, v1.4s, v2.s[3]
    SUM(0x62bfbc1415f95feb)
    VSWEEP  mla v0.8h, v1.8h, v2.h[7]
    SUM(0xa6a9ba8dc968413f)
    VSWEEP  mls v0.4h, v1.4h, v3.h[1]
    SUM(0xb701594ccd3d20b0)
    VSWEEP  smull2 v0.2d, v1.4s, v2.s[1]
    SUM(0xf51e1d3ba88acaae)
    VSWEEP  umlal v0.4s, v1.4h, v2.h[4]
    SUM(0xafc069c92d5ff3c8)
    VSWEEP  sqdmulh v0.8h, v1.8h, v2.h[2]
    SUM(0x98d16b1fe88bd14)
    VSWEEP  sqrdmulh s0, s1, v2.s[2]
    SUM(0xbc88c808b66b7e37)
    VSWEEP  sqdmull2 v0.4s, v1.8h, v2.h[6]
    SUM(0x46539dc57ad2b9ec)

    /* -- Permute, extract, table lookup ----------------------------------- */
    VSWEEP  uzp1 v0.16b, v1.16b, v2.16b
    SUM(0x17787470ce4e03b0)
    VSWEEP  uzp2 v0.4s, v1.4s, v2.4s
    SUM(0x2139c4365bc67b2b)
    VSWEEP  zip1 v0.8b, v1.8b, v2.8b
    SUM(0xf60591fa2753fa98)
    VSWEEP  zip2 v0.8h, v1.8h, v2.8h
    SUM(0xc02ea3691d6ffa2)
    VSWEEP  trn1 v0.2d, v1.2d, v2.2d
    SUM(0xa4342d638d5ff353)
    VSWEEP  trn2 v0.16b, v1.16b, v2.16b
    SUM(0xb97b4b0262f11b82)
    VSWEEP  uzp1 v0.4s, v1.4s, v2.4s
    SUM(0xb7a6a42fe7c89716)
    VSWEEP  ext v0.16b, v1.16b, v2.16b, #3
    SUM(0xbe220c1f323198d2)
    VSWEEP  ext v0.16b, v1.16b, v2.16b, #8
    SUM(0x431be6378976294)
    VSWEEP  ext v0.16b, v1.16b, v2.16b, #15
    SUM(0x2297c81421932037)
    VSWEEP  ext v0.8b, v1.8b, v2.8b, #5
    SUM(0x534911407acedf26)
    VSWEEP  tbl v0.16b, {v1.16b}, v2.16b
    SUM(0xbc37a7ae85049671)
    VSWEEP  tbl v0.8b, {v1.16b, v2.16b}, v3.8b
    SUM(0xbda1af90d79b463e)
    VSWEEP  tbx v0.16b, {v1.16b, v2.16b, v3.16b}, v4.16b
    SUM(0x46f5f062e410ee1c)
    VSWEEP  tbl v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v0.16b
    SUM(0xeec20cd4774e6b67)

    /* -- Floating point (vector and AdvSIMD scalar) ----------------------- */
    VSWEEP  fadd v0.4s, v1.4s, v2.4s
    SUM(0x7552dffc276f2d7c)
    VSWEEP  fmul v0.2d, v1.2d, v2.2d
    SUM(0xcfe23124cbb5659e)
    VSWEEP  fmla v0.4s, v1.4s, v2.4s
    SUM(0xb43f865610b27d3e)
    VSWEEP  fmls v0.2d, v1.2d, v2.d[1]
    SUM(0x80b646512e1e2981)
    VSWEEP  fdiv v0.2s, v1.2s, v2.2s
    SUM(0xa6f927be2748324b)
    VSWEEP  fmaxnm v0.2d, v1.2d, v2.2d
    SUM(0x1813f34a89b2196f)
    VSWEEP  fminp v0.4s, v1.4s, v2.4s
    SUM(0xbab25581bb5188ed)
    VSWEEP  faddp s0, v1.2s
    SUM(0xf7b2199d304dac7c)
    VSWEEP  fmaxnmv s0, v1.4s
    SUM(0xa2ee089131f6d6cd)
    VSWEEP  fcmeq v0.4s, v1.4s, v2.4s
    SUM(0x973283196967634c)
    VSWEEP  fcmge v0.2d, v1.2d, #0.0
    SUM(0x65e2210a3a4a96d7)
    VSWEEP  facgt s0, s1, s2
    SUM(0x99b8bc1c74705352)
    VSWEEP  fabd v0.2d, v1.2d, v2.2d
    SUM(0x7543b01caf3d85cf)
    VSWEEP  fabs v0.4s, v1.4s
    SUM(0x5a5b348b415c9672)
    VSWEEP  fneg v0.2d, v1.2d
    SUM(0x7424d90ca10c2a75)
    VSWEEP  fsqrt v0.4s, v1.4s
    SUM(0xb573c1cc7efc1b8b)
    VSWEEP  frintn v0.2d, v1.2d
    SUM(0x39859fe95107996f)
    VSWEEP  frinta v0.4s, v1.4s
    SUM(0xe3b19ab1d8efb6d0)
    VSWEEP  fcvtzs v0.2d, v1.2d
    SUM(0xa37d5fcdd61abc25)
    VSWEEP  fcvtzu v0.4s, v1.4s, #8
    SUM(0x235d58b4e3b9e9cb)
    VSWEEP  fcvtns s0, s1
    SUM(0x915360851945e88c)
    VSWEEP  scvtf v0.4s, v1.4s
    SUM(0x67a0e27279b9c588)
    VSWEEP  ucvtf d0, d1
    SUM(0xeadfe5bd62462629)
    VSWEEP  ucvtf v0.2d, v1.2d, #3
    SUM(0x346b805493a45304)
    VSWEEP  fcvtl v0.2d, v1.2s
    SUM(0x3d86508230a639e0)
    VSWEEP  fcvtl2 v0.4s, v1.8h
    SUM(0x3550e25cb0f1bc14)
    VSWEEP  fcvtn v0.2s, v1.2d
    SUM(0x68a431efb61a3f83)
    VSWEEP  fcvtn2 v0.8h, v1.4s
    SUM(0xb7768eda83870ca9)
    VSWEEP  fcvtxn s0, d1
    SUM(0xc14e0936a1e47250)
    VSWEEP  frecpe v0.4s, v1.4s
    SUM(0x88ce497135fd1970)
    VSWEEP  frsqrte d0, d1
    SUM(0xd1099994a5a7c808)
    VSWEEP  frecps v0.2d, v1.2d, v2.2d
    SUM(0x9a7d3d6a81acb2db)
    VSWEEP  frecpx s0, s1
    SUM(0x4757bba15cf4119f)
    VSWEEP  urecpe v0.4s, v1.4s
    SUM(0x4a16949fa1b608e9)

    /* -- Structure loads and stores (x10 = base, x11 = offset) ------------ */
    VSWEEP  ld1 {v0.16b}, [x10]
    SUM(0x2603e5aa74d467d7)
    VSWEEP  ld1 {v0.8b, v1.8b}, [x10], #16
    SUM(0x88ef0b728d9b26f2)
    VSWEEP  ld1 {v1.16b, v2.16b, v3.16b}, [x10], x11
    SUM(0x87d5d5f0e74bb1a)
    VSWEEP  ld1 {v0.2d, v1.2d, v2.2d, v3.2d}, [x10]
    SUM(0xe78e978334a53d2e)
    VSWEEP  ld2 {v0.8h, v1.8h}, [x10]
    SUM(0xb73f6999ffe07cad)
    VSWEEP  ld3 {v2.4s, v3.4s, v4.4s}, [x10], #48
    SUM(0x7c3c2b3cf11764cc)
    VSWEEP  ld4 {v0.8b, v1.8b, v2.8b, v3.8b}, [x10]
    SUM(0xd7b0effcf89ab596)
    VSWEEP  ld1 {v0.s}[3], [x10], #4
    SUM(0x8661b536ba02015)
    VSWEEP  ld2 {v0.b, v1.b}[9], [x10]
    SUM(0x720f60bb855e5640)
    VSWEEP  ld4 {v1.d, v2.d, v3.d, v4.d}[1], [x10], x11
    SUM(0xeb694f87c68fb3d1)
    VSWEEP  ld1r {v0.8h}, [x10]
    SUM(0xa916f953ad27b91d)
    VSWEEP  ld3r {v0.2s, v1.2s, v2.2s}, [x10], #12
    SUM(0x9357d51f8ec494c4)
    VSWEEP  st1 {v1.16b}, [x10], #16
    SUM(0x990be886c95a2edf)
    VSWEEP  st1 {v1.4s, v2.4s}, [x10], x11
    SUM(0x66384292b8ff54ed)
    VSWEEP  st2 {v1.8b, v2.8b}, [x10]
    SUM(0xaa0aa2ebac4671a2)
    VSWEEP  st3 {v1.8h, v2.8h, v3.8h}, [x10]
    SUM(0x6f1f9b05a779b51d)
    VSWEEP  st4 {v1.4s, v2.4s, v3.4s, v4.4s}, [x10], #64
    SUM(0x638c55097e151597)
    VSWEEP  st1 {v1.h}[5], [x10]
    SUM(0xad4a5dcb4c94b7a6)
    VSWEEP  st3 {v1.s, v2.s, v3.s}[2], [x10], x11
    SUM(0x9a4e8e7adfd74469)

    ldp     x29, x30, [sp], #16
    ret

/* vsweep_run: x13 = stub, x14 = its text; hash in x15. */
vsweep_run:
    stp     x29, x30, [sp, #-16]!
    adrp    x19, vs_table
    add     x19, x19, :lo12:vs_table
    adrp    x20, vs_buf
    add     x20, x20, :lo12:vs_buf
    adrp    x24, vs_out
    add     x24, x24, :lo12:vs_out
    ldr     x26, =0x9e3779b97f4a7c15    // hash multiplier (odd)
    adrp    x0, vs_dump
    ldr     x0, [x0, :lo12:vs_dump]
    cbz     x0, 1f
    mov     x0, x14
    bl      vs_header
1:  mov     x21, #0                     // i
2:  mov     x22, #0                     // j
3:  mov     x0, #0                      // buf[k] = 37k + 11i + j
    mov     x1, #11
    madd    x2, x21, x1, x22
    mov     x1, #37
4:  madd    x3, x0, x1, x2
    strb    w3, [x20, x0]
    add     x0, x0, #1
    cmp     x0, #128
    b.lo    4b
    add     x0, x19, x21, lsl #4
    ldr     q1, [x0]
    add     x0, x19, x22, lsl #4
    ldr     q2, [x0]
    add     x0, x21, x22, lsl #1        // v0 = T[i + 2j + 5]
    add     x0, x0, #5
    and     x0, x0, #15
    add     x0, x19, x0, lsl #4
    ldr     q0, [x0]
    add     x0, x21, x21, lsl #1        // v3 = T[3i + j + 7]
    add     x0, x0, x22
    add     x0, x0, #7
    and     x0, x0, #15
    add     x0, x19, x0, lsl #4
    ldr     q3, [x0]
    add     x0, x22, x22, lsl #2        // v4 = T[i + 5j + 1]
    add     x0, x0, x21
    add     x0, x0, #1
    and     x0, x0, #15
    add     x0, x19, x0, lsl #4
    ldr     q4, [x0]
    add     x0, x21, x22                // x9 = T[i + j].lo
    and     x0, x0, #15
    lsl     x0, x0, #4
    ldr     x9, [x19, x0]
    add     x10, x20, #32
    add     x11, x22, x21, lsl #3
    msr     fpsr, xzr
    msr     nzcv, xzr
    blr     x13
    mrs     x25, fpsr
    stp     q0, q1, [x24]
    stp     q2, q3, [x24, #32]
    str     q4, [x24, #64]
    sub     x0, x10, x20
    stp     x9, x0, [x24, #80]
    stp     x11, x25, [x24, #96]
    mov     x1, #0                      // hash vs_out[0..14) and buf
5:  ldr     x2, [x24, x1, lsl #3]
    eor     x15, x2, x15, ror #59
    mul     x15, x15, x26
    add     x1, x1, #1
    cmp     x1, #14
    b.lo    5b
    mov     x1, #0
6:  ldr     x2, [x20, x1, lsl #3]
    eor     x15, x2, x15, ror #59
    mul     x15, x15, x26
    add     x1, x1, #1
    cmp     x1, #16
    b.lo    6b
    adrp    x0, vs_dump
    ldr     x0, [x0, :lo12:vs_dump]
    cbz     x0, 7f
    bl      vs_line
7:  add     x22, x22, #1
    cmp     x22, #16
    b.lo    3b
    add     x21, x21, #1
    cmp     x21, #16
    b.lo    2b
    ldp     x29, x30, [sp], #16
    ret

/* vs_header: print "== " and the string at x0. */
vs_header:
    adrp    x3, vs_text
    add     x3, x3, :lo12:vs_text
    mov     w2, #'='
    strb    w2, [x3], #1
    strb    w2, [x3], #1
    mov     w2, #' '
    strb    w2, [x3], #1
1:  ldrb    w2, [x0], #1
    cbz     w2, vs_flush
    strb    w2, [x3], #1
    b       1b

/* vs_line: print "i j: " and the 14 words of vs_out, then a buf hash. */
vs_line:
    mov     x7, x30
    adrp    x3, vs_text
    add     x3, x3, :lo12:vs_text
    mov     x0, x21
    bl      vs_hex
    mov     x0, x22
    bl      vs_hex
    mov     x8, #0
1:  ldr     x0, [x24, x8, lsl #3]
    bl      vs_hex
    add     x8, x8, #1
    cmp     x8, #14
    b.lo    1b
    ldp     x0, x1, [x20]
    eor     x0, x0, x1, ror #13
    ldp     x1, x2, [x20, #16]
    eor     x0, x0, x1, ror #29
    eor     x0, x0, x2, ror #41
    bl      vs_hex
    mov     x30, x7
    // fall through

/* vs_flush: end the line at x3 and write it. */
vs_flush:
    mov     w2, #'\n'
    strb    w2, [x3], #1
    adrp    x1, vs_text
    add     x1, x1, :lo12:vs_text
    sub     x2, x3, x1
    mov     x0, #1
    mov     x8, #64                     // write
    svc     #0
    ret

/* vs_hex: x0 as 16 hex digits and a space at x3 (advanced). */
vs_hex:
    mov     x4, #60
1:  lsr     x5, x0, x4
    and     x5, x5, #15
    cmp     x5, #10
    add     x6, x5, #'0'
    add     x5, x5, #('a' - 10)
    csel    x5, x6, x5, lo
    strb    w5, [x3], #1
    subs    x4, x4, #4
    b.ge    1b
    mov     w5, #' '
    strb    w5, [x3], #1
    ret
    .ltorg

    .section .rodata
    .balign 16
/* The inputs: integer edges, lane patterns, FP specials in S and D lanes,
 * table indices in and out of range. */
vs_table:
    .quad   0, 0
    .quad   -1, -1
    .quad   0x8000000000000000, 0x7fffffffffffffff
    .quad   0x0706050403020100, 0x0f0e0d0c0b0a0908
    .quad   0x8080808080808080, 0x7f7f7f7f7f7f7f7f
    .quad   0x3ff0000000000000, 0xbff8000000000000
    .quad   0x7fc000003f800000, 0xff80000080000000
    .quad   0x0123456789abcdef, 0xfedcba9876543210
    .quad   0x8000000080000000, 0x7fffffff00000001
    .quad   0x00010002fffe8000, 0x7fff00ff01000080
    .quad   0x7ff0000000000001, 0x0000000000000001
    .quad   0x41200000c0400000, 0x4059000000000000
    .quad   0x1f1e1d1c13121110, 0x3f2e0d0c23020140
    .quad   0xa5a5a5a55a5a5a5a, 0x00ff00ff00ff00ff
    .quad   0x0000ffff0000ffff, 0xffff0000ffff0000
    .quad   0x3f8000007f800001, 0x0010000000000000

    .bss
    .balign 16
vs_buf:   .skip 128
vs_out:   .skip 112
vs_dump:  .skip 8
vs_text:  .skip 400
