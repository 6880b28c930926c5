// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fp.c: scalar floating point on edge values, bit for bit.
 *
 * Every operation runs on all pairs (triples for the fused ones) of a list
 * of special values — signed zeros, denormals, the smallest normal, the
 * largest finite, infinities, quiet and signalling NaNs with payloads,
 * halfway cases — under several FPCR settings (round to nearest, +inf,
 * -inf, zero; default NaN; flush to zero). For each result the program
 * hashes the result bits and the FPSR exception flags it raised; each
 * operation's hash is compared with the value qemu-aarch64 gives (the
 * table expected[], printed by "qemu-aarch64 fp-static gen").
 * "fp-static dump" prints every result, to diff two emulators line by line.
 * A few results are also checked one by one against the ARM ARM rules
 * (default NaN, NaN propagation order, flush to zero, saturation), so that
 * a failure there reads as a rule, not a hash.
 */
#include <stdlib.h>
#include <string.h>
#include "guest-check.h"

/* -- FPCR/FPSR ------------------------------------------------------------ */

#define FPCR_DN (1u << 25)
#define FPCR_FZ (1u << 24)
#define RM_P    (1u << 22)
#define RM_M    (2u << 22)
#define RM_Z    (3u << 22)

static const uint32_t modes[] = { 0, FPCR_DN, FPCR_FZ, RM_P, RM_M, RM_Z,
                                  FPCR_FZ | FPCR_DN | RM_Z };

static inline void set_fpcr(uint64_t v) { __asm__ volatile("msr fpcr, %0" :: "r"(v)); }
static inline void set_fpsr(uint64_t v) { __asm__ volatile("msr fpsr, %0" :: "r"(v)); }
static inline uint64_t get_fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}
static inline uint64_t get_nzcv(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, nzcv" : "=r"(v));
    return v;
}

static float f32(uint64_t v) { uint32_t u = (uint32_t)v; float f; memcpy(&f, &u, 4); return f; }
static double f64(uint64_t v) { double d; memcpy(&d, &v, 8); return d; }
static uint64_t b32(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static uint64_t b64(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

/* -- The operations -------------------------------------------------------- */

typedef uint64_t OpFn(uint64_t a, uint64_t b, uint64_t c);

#define BIN(name, insn)                                                          \
    static uint64_t name##_s(uint64_t a, uint64_t b, uint64_t c)                 \
    {                                                                            \
        float x = f32(a), y = f32(b), r;                                         \
        (void)c;                                                                 \
        __asm__ volatile(insn " %s0, %s1, %s2" : "=w"(r) : "w"(x), "w"(y));      \
        return b32(r);                                                           \
    }                                                                            \
    static uint64_t name##_d(uint64_t a, uint64_t b, uint64_t c)                 \
    {                                                                            \
        double x = f64(a), y = f64(b), r;                                        \
        (void)c;                                                                 \
        __asm__ volatile(insn " %d0, %d1, %d2" : "=w"(r) : "w"(x), "w"(y));      \
        return b64(r);                                                           \
    }
#define TERN(name, insn)                                                         \
    static uint64_t name##_s(uint64_t a, uint64_t b, uint64_t c)                 \
    {                                                                            \
        float x = f32(a), y = f32(b), z = f32(c), r;                             \
        __asm__ volatile(insn " %s0, %s1, %s2, %s3" : "=w"(r)                    \
                         : "w"(x), "w"(y), "w"(z));                              \
        return b32(r);                                                           \
    }                                                                            \
    static uint64_t name##_d(uint64_t a, uint64_t b, uint64_t c)                 \
    {                                                                            \
        double x = f64(a), y = f64(b), z = f64(c), r;                            \
        __asm__ volatile(insn " %d0, %d1, %d2, %d3" : "=w"(r)                    \
                         : "w"(x), "w"(y), "w"(z));                              \
        return b64(r);                                                           \
    }
/* One source, same precision. */
#define UN(name, insn)                                                           \
    static uint64_t name##_s(uint64_t a, uint64_t b, uint64_t c)                 \
    {                                                                            \
        float x = f32(a), r;                                                     \
        (void)b, (void)c;                                                        \
        __asm__ volatile(insn " %s0, %s1" : "=w"(r) : "w"(x));                   \
        return b32(r);                                                           \
    }                                                                            \
    static uint64_t name##_d(uint64_t a, uint64_t b, uint64_t c)                 \
    {                                                                            \
        double x = f64(a), r;                                                    \
        (void)b, (void)c;                                                        \
        __asm__ volatile(insn " %d0, %d1" : "=w"(r) : "w"(x));                   \
        return b64(r);                                                           \
    }
/* FP to a W and an X register. */
#define TOINT(name, insn)                                                        \
    static uint64_t name##_s(uint64_t a, uint64_t b, uint64_t c)                 \
    {                                                                            \
        float x = f32(a);                                                        \
        uint64_t w, r;                                                           \
        (void)b, (void)c;                                                        \
        __asm__ volatile(insn " %w0, %s2\n\t" insn " %1, %s2"                    \
                         : "=&r"(w), "=&r"(r) : "w"(x));                         \
        return r ^ (w << 17);                                                    \
    }                                                                            \
    static uint64_t name##_d(uint64_t a, uint64_t b, uint64_t c)                 \
    {                                                                            \
        double x = f64(a);                                                       \
        uint64_t w, r;                                                           \
        (void)b, (void)c;                                                        \
        __asm__ volatile(insn " %w0, %d2\n\t" insn " %1, %d2"                    \
                         : "=&r"(w), "=&r"(r) : "w"(x));                         \
        return r ^ (w << 17);                                                    \
    }

BIN(fadd, "fadd")
BIN(fsub, "fsub")
BIN(fmul, "fmul")
BIN(fdiv, "fdiv")
BIN(fnmul, "fnmul")
BIN(fmax, "fmax")
BIN(fmin, "fmin")
BIN(fmaxnm, "fmaxnm")
BIN(fminnm, "fminnm")
TERN(fmadd, "fmadd")
TERN(fmsub, "fmsub")
TERN(fnmadd, "fnmadd")
TERN(fnmsub, "fnmsub")
UN(fsqrt, "fsqrt")
UN(fabs, "fabs")
UN(fneg, "fneg")
UN(frintn, "frintn")
UN(frintp, "frintp")
UN(frintm, "frintm")
UN(frintz, "frintz")
UN(frinta, "frinta")
UN(frintx, "frintx")
UN(frinti, "frinti")
TOINT(fcvtzs, "fcvtzs")
TOINT(fcvtzu, "fcvtzu")
TOINT(fcvtns, "fcvtns")
TOINT(fcvtnu, "fcvtnu")
TOINT(fcvtas, "fcvtas")
TOINT(fcvtau, "fcvtau")
TOINT(fcvtps, "fcvtps")
TOINT(fcvtms, "fcvtms")

/* FCMP/FCMPE: NZCV; FCCMP with EQ / NE holding depending on the first. */
static uint64_t fcmp_s(uint64_t a, uint64_t b, uint64_t c)
{
    float x = f32(a), y = f32(b);
    (void)c;
    __asm__ volatile("fcmp %s0, %s1" :: "w"(x), "w"(y) : "cc");
    return get_nzcv() >> 28;
}
static uint64_t fcmp_d(uint64_t a, uint64_t b, uint64_t c)
{
    double x = f64(a), y = f64(b);
    (void)c;
    __asm__ volatile("fcmp %d0, %d1" :: "w"(x), "w"(y) : "cc");
    return get_nzcv() >> 28;
}
static uint64_t fcmpe_s(uint64_t a, uint64_t b, uint64_t c)
{
    float x = f32(a), y = f32(b);
    (void)c;
    __asm__ volatile("fcmpe %s0, %s1" :: "w"(x), "w"(y) : "cc");
    return get_nzcv() >> 28;
}
static uint64_t fcmpe_d(uint64_t a, uint64_t b, uint64_t c)
{
    double x = f64(a), y = f64(b);
    (void)c;
    __asm__ volatile("fcmpe %d0, %d1" :: "w"(x), "w"(y) : "cc");
    return get_nzcv() >> 28;
}
static uint64_t fccmp_d(uint64_t a, uint64_t b, uint64_t c)
{
    double x = f64(a), y = f64(b);
    uint64_t r;
    __asm__ volatile("cmp %1, #0\n\tfccmpe %d2, %d3, #5, eq\n\tmrs %0, nzcv"
                     : "=r"(r) : "r"(c & 1), "w"(x), "w"(y) : "cc");
    return r >> 28;
}
static uint64_t fccmp_s(uint64_t a, uint64_t b, uint64_t c)
{
    float x = f32(a), y = f32(b);
    uint64_t r;
    __asm__ volatile("cmp %1, #0\n\tfccmp %s2, %s3, #10, ne\n\tmrs %0, nzcv"
                     : "=r"(r) : "r"(c & 1), "w"(x), "w"(y) : "cc");
    return r >> 28;
}

/* Conversions between precisions: single <-> double <-> half. */
static uint64_t fcvt_s(uint64_t a, uint64_t b, uint64_t c)
{
    float x = f32(a);
    double r;
    uint64_t h;
    (void)b, (void)c;
    __asm__ volatile("fcvt %d0, %s2\n\tfcvt h1, %s2\n\tumov %w1, v1.h[0]"
                     : "=&w"(r), "=&r"(h) : "w"(x) : "v1");
    return b64(r) ^ (h << 3);
}
static uint64_t fcvt_d(uint64_t a, uint64_t b, uint64_t c)
{
    double x = f64(a);
    float r;
    uint64_t h;
    (void)b, (void)c;
    __asm__ volatile("fcvt %s0, %d2\n\tfcvt h1, %d2\n\tumov %w1, v1.h[0]"
                     : "=&w"(r), "=&r"(h) : "w"(x) : "v1");
    return b32(r) | h << 32;
}
/* Half to single and double: the low 16 bits of a as the half. */
static uint64_t fcvth_s(uint64_t a, uint64_t b, uint64_t c)
{
    float r;
    double d;
    (void)b, (void)c;
    __asm__ volatile("dup v1.8h, %w2\n\tfcvt %s0, h1\n\tfcvt %d1, h1"
                     : "=&w"(r), "=&w"(d) : "r"(a) : "v1");
    return b32(r) ^ b64(d);
}
#define fcvth_d fcvth_s

/* Integers and fixed point to FP, signed and unsigned, W and X. */
static uint64_t cvtf_s(uint64_t a, uint64_t b, uint64_t c)
{
    float r1, r2, r3, r4, r5;
    (void)b, (void)c;
    __asm__ volatile("scvtf %s0, %5\n\tucvtf %s1, %5\n\tscvtf %s2, %w5\n\t"
                     "ucvtf %s3, %w5\n\tscvtf %s4, %5, #17"
                     : "=&w"(r1), "=&w"(r2), "=&w"(r3), "=&w"(r4), "=&w"(r5)
                     : "r"(a));
    return b32(r1) ^ b32(r2) << 7 ^ b32(r3) << 14 ^ b32(r4) << 21 ^ b32(r5) << 28;
}
static uint64_t cvtf_d(uint64_t a, uint64_t b, uint64_t c)
{
    double r1, r2, r3, r4;
    (void)b, (void)c;
    __asm__ volatile("scvtf %d0, %4\n\tucvtf %d1, %4\n\tucvtf %d2, %w4, #3\n\t"
                     "ucvtf %d3, %4, #64"
                     : "=&w"(r1), "=&w"(r2), "=&w"(r3), "=&w"(r4) : "r"(a));
    return b64(r1) ^ b64(r2) << 7 ^ b64(r3) << 14 ^ b64(r4) << 21;
}
/* FP to fixed point. */
static uint64_t fixed_s(uint64_t a, uint64_t b, uint64_t c)
{
    float x = f32(a);
    uint64_t r1, r2;
    (void)b, (void)c;
    __asm__ volatile("fcvtzs %w0, %s2, #5\n\tfcvtzu %1, %s2, #40"
                     : "=&r"(r1), "=&r"(r2) : "w"(x));
    return r1 ^ r2 << 9;
}
static uint64_t fixed_d(uint64_t a, uint64_t b, uint64_t c)
{
    double x = f64(a);
    uint64_t r1, r2;
    (void)b, (void)c;
    __asm__ volatile("fcvtzu %w0, %d2, #31\n\tfcvtzs %1, %d2, #64"
                     : "=&r"(r1), "=&r"(r2) : "w"(x));
    return r1 ^ r2 << 9;
}

/* -- Values ---------------------------------------------------------------- */

static const uint64_t vals32[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0x40400000,
    0x3eaaaaab, 0x00000001, 0x007fffff, 0x00800000, 0x80800000, 0x7f7fffff,
    0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc12345, 0x7f800001,
    0xff812345, 0x3f800001, 0x4b800000, 0x5f000000, 0xdf000000, 0x4f800000,
    0x40200000, 0xc0200000, 0x3f000000, 0xbf000000, 0x3f7fffff, 0x00400000,
    0x0c000000, 0x73800000, 0x4effffff, 0xcf000001,
};
static const uint64_t vals64[] = {
    0, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000,
    0x3ff8000000000000, 0x4008000000000000, 0x3fd5555555555555,
    0x0000000000000001, 0x000fffffffffffff, 0x0010000000000000,
    0x8010000000000000, 0x7fefffffffffffff, 0xffefffffffffffff,
    0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
    0xfff8000000012345, 0x7ff0000000000001, 0xfff0000000012345,
    0x3ff0000000000001, 0x4340000000000000, 0x43e0000000000000,
    0xc3e0000000000000, 0x41f0000000000000, 0x4004000000000000,
    0xc004000000000000, 0x3fe0000000000000, 0xbfe0000000000000,
    0x3fefffffffffffff, 0x0008000000000000, 0x2000000000000000,
    0x5ff0000000000000, 0x41dfffffffc00000, 0xc1e0000000200000,
    0x47efffffe0000000, 0x3810000000000000, 0x380fffffe0000000,
    0x36a0000000000000, 0x3e6ffffffe000000,
};
/* Integers for SCVTF/UCVTF. */
static const uint64_t ints[] = {
    0, 1, 2, 3, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000001,
    0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff,
    0x1000001, 0x1000003, 0xfffffffffefffffe, 0x20000000000001,
    0x20000000000003, 0x8000000000000401, 0xffffffffffff0000, 12345678,
};

/* -- The table of operations and expected hashes ---------------------------- */

typedef struct FPTest {
    const char *name;
    OpFn *fn;
    int arity;          /* 1, 2, 3 operands from the values; 0: integers */
    int dbl;            /* operands from vals64 */
} FPTest;

#define T2(n, a) { #n "_s", n##_s, a, 0 }, { #n "_d", n##_d, a, 1 }
static const FPTest tests[] = {
    T2(fadd, 2), T2(fsub, 2), T2(fmul, 2), T2(fdiv, 2), T2(fnmul, 2),
    T2(fmax, 2), T2(fmin, 2), T2(fmaxnm, 2), T2(fminnm, 2),
    T2(fmadd, 3), T2(fmsub, 3), T2(fnmadd, 3), T2(fnmsub, 3),
    T2(fsqrt, 1), T2(fabs, 1), T2(fneg, 1),
    T2(frintn, 1), T2(frintp, 1), T2(frintm, 1), T2(frintz, 1),
    T2(frinta, 1), T2(frintx, 1), T2(frinti, 1),
    T2(fcvtzs, 1), T2(fcvtzu, 1), T2(fcvtns, 1), T2(fcvtnu, 1),
    T2(fcvtas, 1), T2(fcvtau, 1), T2(fcvtps, 1), T2(fcvtms, 1),
    T2(fcmp, 2), T2(fcmpe, 2), T2(fccmp, 3),
    T2(fcvt, 1), T2(fixed, 1), T2(fcvth, 0), T2(cvtf, 0),
};

/* FNV-1a over the (result, FPSR) pairs. */
static uint64_t hash_add(uint64_t h, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        h ^= (v >> (8 * i)) & 0xff;
        h *= 0x100000001b3ull;
    }
    return h;
}

/* Run @t on every operand tuple under every FPCR mode. */
static uint64_t run_test(const FPTest *t, int dump)
{
    const uint64_t *v = t->dbl ? vals64 : vals32;
    int n = t->dbl ? (int)ARRAY_LEN(vals64) : (int)ARRAY_LEN(vals32);
    int na = t->arity == 3 ? 14 : n;    /* triples: the first 14 values */
    uint64_t h = 0xcbf29ce484222325ull;

    if (t->arity == 0) {
        v = ints;
        n = (int)ARRAY_LEN(ints);
        if (t->fn == fcvth_s)           /* every 7th half pattern */
            n = 65536 / 7;
    }
    for (unsigned m = 0; m < ARRAY_LEN(modes); m++) {
        for (int i = 0; i < (t->arity >= 2 ? na : n); i++) {
            for (int j = 0; j < (t->arity >= 2 ? na : 1); j++) {
                for (int k = 0; k < (t->arity == 3 ? na : 1); k++) {
                    uint64_t a = t->fn == fcvth_s ? (uint64_t)i * 7 : v[i];
                    uint64_t r, fpsr;
                    set_fpsr(0);
                    set_fpcr(modes[m]);
                    r = t->fn(a, v[j], v[k] ^ (uint64_t)(i + j));
                    fpsr = get_fpsr();
                    set_fpcr(0);
                    h = hash_add(hash_add(h, r), fpsr);
                    if (dump)
                        printf("%s m%u %d %d %d: %016llx %llx\n", t->name, m, i,
                               j, k, (unsigned long long)r,
                               (unsigned long long)fpsr);
                }
            }
        }
    }
    return h;
}

/* Hashes given by qemu-aarch64 7.2 (-cpu max and cortex-a57 agree). */
static const uint64_t expected[] = {
    0xc4e9bc9d252bba64, /* fadd_s */
    0x82ae534efdba73c9, /* fadd_d */
    0xd04ee46f954c36b9, /* fsub_s */
    0x01e437c970a447c9, /* fsub_d */
    0x48860714d71da581, /* fmul_s */
    0xdfa23b159f28e439, /* fmul_d */
    0x5134305a22b62a8f, /* fdiv_s */
    0xe5bcc577dcfaaef3, /* fdiv_d */
    0x8965b16c81bf7381, /* fnmul_s */
    0xf04ae6d647d0e2b9, /* fnmul_d */
    0x90296748f667cc87, /* fmax_s */
    0x1140fa2e0a837f57, /* fmax_d */
    0x8dbb2532e9b1541f, /* fmin_s */
    0xaf6d8092c5d6aa1b, /* fmin_d */
    0xdea82d374867c0a3, /* fmaxnm_s */
    0x81968e3687c58fd3, /* fmaxnm_d */
    0xb377c0bc8ce4e6b3, /* fminnm_s */
    0x91141599f8b8daaf, /* fminnm_d */
    0xf1842c3e04e35d06, /* fmadd_s */
    0xb3981dd97b85d6b2, /* fmadd_d */
    0xe70299034be88168, /* fmsub_s */
    0xc204df80f628c02a, /* fmsub_d */
    0xe88b5ae085d5234e, /* fnmadd_s */
    0x47e8e7ec40149ace, /* fnmadd_d */
    0x09124393d3389770, /* fnmsub_s */
    0x134336bf66ff009a, /* fnmsub_d */
    0x4ee7634a21e29188, /* fsqrt_s */
    0xebe693d789829356, /* fsqrt_d */
    0x76a382f0adcade92, /* fabs_s */
    0x5a09e863c930535e, /* fabs_d */
    0x41be42107ad86412, /* fneg_s */
    0xcd581da0ca2a3a5e, /* fneg_d */
    0x9ebc9d13e6c77176, /* frintn_s */
    0xbb4d884a6f7a52fb, /* frintn_d */
    0xe85f2156395924d6, /* frintp_s */
    0x4dc283cfebc4fdf3, /* frintp_d */
    0x3c7ba7efe7808eb6, /* frintm_s */
    0x720ff6b828a9b4e3, /* frintm_d */
    0xb0e4b980019b77c6, /* frintz_s */
    0xbd3ed231a82379bb, /* frintz_d */
    0x4b90db392451f1b6, /* frinta_s */
    0x74b0130ce6de883b, /* frinta_d */
    0x8306b720d1f1bcc6, /* frintx_s */
    0x9078e390577f9edb, /* frintx_d */
    0x8ba0e9700ecf9a66, /* frinti_s */
    0x2be32fe84ec8377b, /* frinti_d */
    0xf5934dfea75f6175, /* fcvtzs_s */
    0x8868bb19ccdabf8a, /* fcvtzs_d */
    0xd57f5f2c603a08e4, /* fcvtzu_s */
    0x825c4c8bbbcd80a4, /* fcvtzu_d */
    0xcccc8152f36b99ef, /* fcvtns_s */
    0x6dfca1cdc410c88c, /* fcvtns_d */
    0x573becc8a30f3e0e, /* fcvtnu_s */
    0x8a1f2c5515f89582, /* fcvtnu_d */
    0x295003f6603f429a, /* fcvtas_s */
    0x67bd3be66b4c8b61, /* fcvtas_d */
    0xc221fa09e00d85cf, /* fcvtau_s */
    0xa5fbc3b24ee4ad33, /* fcvtau_d */
    0x66b22bfcb757fb5a, /* fcvtps_s */
    0xeb2c9cc6a163fe79, /* fcvtps_d */
    0xfcd633e65e3f6ca4, /* fcvtms_s */
    0xa64bc341dd142b1b, /* fcvtms_d */
    0x24069d4404a33925, /* fcmp_s */
    0x462771283b92ed63, /* fcmp_d */
    0xe805ffe68d2e7125, /* fcmpe_s */
    0x0628994e4ac50563, /* fcmpe_d */
    0x8760921db1dde725, /* fccmp_s */
    0x9e505c6c55820925, /* fccmp_d */
    0xefaa2c34b21dbbbf, /* fcvt_s */
    0xcdaf96aac374feb2, /* fcvt_d */
    0xcbd9cc14b3b974c2, /* fixed_s */
    0x1ba43ce9282a5536, /* fixed_d */
    0x609f857597eed409, /* fcvth_s */
    0x609f857597eed409, /* fcvth_d */
    0x372ced2fc8097388, /* cvtf_s */
    0x31b3823da990c8e3, /* cvtf_d */
};

/* -- Rules checked one by one ------------------------------------------------ */

static uint64_t one(OpFn *fn, uint32_t fpcr, uint64_t a, uint64_t b, uint64_t c,
                    uint64_t *fpsr)
{
    uint64_t r;

    set_fpsr(0);
    set_fpcr(fpcr);
    r = fn(a, b, c);
    *fpsr = get_fpsr();
    set_fpcr(0);
    return r;
}

static void test_rules(void)
{
    uint64_t f;

    check_section("rules");
    /* 0/0: the default NaN (positive, quiet), Invalid */
    CHECK(0x7fc00000, one(fdiv_s, 0, 0, 0, 0, &f), "0/0 single");
    CHECK(1, f, "0/0 IOC");
    CHECK(0x7ff8000000000000, one(fdiv_d, 0, 0, 0, 0, &f), "0/0 double");
    /* the first signalling NaN wins over an earlier quiet one, quietened */
    CHECK(0xffc12345, one(fadd_s, 0, 0x7fc00000, 0xff812345, 0, &f), "qnan+snan");
    CHECK(1, f, "qnan+snan IOC");
    CHECK(0x7fc00001, one(fmul_s, 0, 0x7fc00001, 0x7fc00002, 0, &f), "qnan*qnan");
    CHECK(0, f, "qnan*qnan no flags");
    CHECK(0x7fc00000, one(fadd_s, FPCR_DN, 0xffc12345, 0, 0, &f), "DN");
    /* FMADD: a quiet NaN addend does not hide inf * 0 */
    CHECK(0x7fc00000, one(fmadd_s, 0, 0x7f800000, 0, 0x7fc00123, &f), "inf*0+qnan");
    CHECK(1, f, "inf*0+qnan IOC");
    /* flush to zero: a denormal input is zero (IDC), a tiny result is
     * zero with UFC and without IXC */
    CHECK(0x3f800000, one(fadd_s, FPCR_FZ, 0x3f800000, 0x00000001, 0, &f), "FZ in");
    CHECK(0x80, f, "FZ in IDC");
    CHECK(0, one(fmul_s, FPCR_FZ, 0x00800000, 0x3f000000, 0, &f), "FZ out");
    CHECK(8, f, "FZ out UFC");
    /* underflow is detected before rounding */
    CHECK(0x00800000, one(fmul_s, 0, 0x00ffffff, 0x3f000000, 0, &f), "tiny rounded up");
    CHECK(0x18, f, "tiny rounded up UFC+IXC");
    /* conversions saturate, NaN gives 0 */
    CHECK(0x7fffffffffffffff ^ (0x7fffffffull << 17), one(fcvtzs_s, 0, 0x7f800000, 0, 0, &f),
          "inf to int");
    CHECK(1, f, "inf to int IOC");
    CHECK(0, one(fcvtzu_d, 0, 0x7ff8000000000000, 0, 0, &f), "nan to int");
    /* max(+0, -0) = +0, min = -0 */
    CHECK(0, one(fmax_s, 0, 0x80000000, 0, 0, &f), "max zeros");
    CHECK(0x80000000, one(fmin_s, 0, 0, 0x80000000, 0, &f), "min zeros");
    /* maxnm: a quiet NaN loses to a number */
    CHECK(0x3f800000, one(fmaxnm_s, 0, 0x7fc00000, 0x3f800000, 0, &f), "maxnm qnan");
    /* rounding modes */
    CHECK(0x3eaaaaab, one(fdiv_s, 0, 0x3f800000, 0x40400000, 0, &f), "1/3 RN");
    CHECK(0x3eaaaaaa, one(fdiv_s, RM_Z, 0x3f800000, 0x40400000, 0, &f), "1/3 RZ");
    CHECK(0x7f7fffff, one(fmul_s, RM_Z, 0x7f7fffff, 0x40000000, 0, &f), "overflow RZ");
    CHECK(0x14, f, "overflow OFC+IXC");
    /* unordered compare: NZCV = 0011 */
    CHECK(3, one(fcmp_d, 0, 0x7ff8000000000000, 0, 0, &f), "fcmp nan");
    CHECK(0, f, "fcmp qnan quiet");
    CHECK(3, one(fcmpe_d, 0, 0x7ff8000000000000, 0, 0, &f), "fcmpe nan");
    CHECK(1, f, "fcmpe qnan IOC");
}

int main(int argc, char **argv)
{
    int gen = argc > 1 && !strcmp(argv[1], "gen");
    int dump = argc > 1 && !strcmp(argv[1], "dump");

    check_section("fp");
    for (unsigned i = 0; i < ARRAY_LEN(tests); i++) {
        uint64_t h = run_test(&tests[i], dump);
        if (gen)
            printf("    0x%016llx, /* %s */\n", (unsigned long long)h, tests[i].name);
        else if (i < ARRAY_LEN(expected))
            CHECK(expected[i], h, "%s", tests[i].name);
        else
            CHECK(0, 1, "%s: no expected hash", tests[i].name);
    }
    if (gen || dump)
        return 0;
    test_rules();
    return check_exit();
}
