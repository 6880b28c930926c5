// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * flags.c: the NZCV flags: who sets them, and who reads them.
 *
 * Setters: adds/subs/adcs/sbcs/ands/bics (32 and 64 bits), cmp/cmn/tst in
 * their immediate, shifted and extended forms, negs/ngcs, ccmp/ccmn. Each runs
 * from inline asm between "msr nzcv" (a chosen input state) and "mrs nzcv",
 * and is compared with a model of the ARM ARM AddWithCarry() pseudocode
 * computed in 128-bit arithmetic, itself pinned by hard-coded known answers.
 * Readers: csel/csinc/csinv/csneg and the cset/csetm/cinc/cinv/cneg aliases
 * for all 16 conditions and all 16 NZCV values; which NZCV values make each
 * condition true is a hard-coded table (ARM ARM ConditionHolds()).
 */
#include "guest-check.h"

#define F_N (8u << 28)
#define F_Z (4u << 28)
#define F_C (2u << 28)
#define F_V (1u << 28)

#define MIN64 0x8000000000000000ull
#define ONES  0xffffffffffffffffull

/* FlagFn: set NZCV to @in, run one instruction on @a, @b; result to *r. */
typedef uint64_t FlagFn(uint64_t in, uint64_t a, uint64_t b, uint64_t *r);

/* %0 = result (preset to ~0), %1 = NZCV out, %2 = NZCV in, %3 = a, %4 = b. */
#define DEF_FLAG_FN(name, insn)                                             \
    static uint64_t name(uint64_t in, uint64_t a, uint64_t b, uint64_t *r)  \
    {                                                                       \
        uint64_t f, d = ~0ull;                                              \
        asm("msr nzcv, %2\n\t" insn "\n\tmrs %1, nzcv"                      \
            : "+r"(d), "=r"(f) : "r"(in), "r"(a), "r"(b) : "cc");           \
        *r = d;                                                             \
        return f;                                                           \
    }

/* -- The model ---------------------------------------------------------------- */

static uint64_t sext(uint64_t x, unsigned bits)
{
    return bits == 64 ? x : (uint64_t)(int64_t)(int32_t)x;
}

/* ARM ARM AddWithCarry() on @bits-wide operands; returns NZCV<<28. */
static uint64_t model_add(unsigned bits, uint64_t a, uint64_t b, unsigned cin,
                          uint64_t *res)
{
    uint64_t mask = bits == 64 ? ONES : 0xffffffff;
    a &= mask;
    b &= mask;
    unsigned __int128 u = (unsigned __int128)a + b + cin;
    __int128 s = (__int128)(int64_t)sext(a, bits) + (int64_t)sext(b, bits) + cin;
    uint64_t r = (uint64_t)u & mask;
    uint64_t f = 0;
    if (r >> (bits - 1))
        f |= F_N;
    if (r == 0)
        f |= F_Z;
    if ((u >> bits) & 1)
        f |= F_C;
    if (s != (int64_t)sext(r, bits))
        f |= F_V;
    *res = r;
    return f;
}

/* Logical ops set N and Z from the result and clear C and V. */
static uint64_t model_logic(unsigned bits, uint64_t r, uint64_t *res)
{
    r &= bits == 64 ? ONES : 0xffffffff;
    *res = r;
    return (r >> (bits - 1) ? F_N : 0) | (r == 0 ? F_Z : 0);
}

typedef enum { K_ADD, K_ADC, K_SUB, K_SBC, K_AND, K_BIC, K_NEG, K_NGC } Kind;

static uint64_t model(Kind k, unsigned bits, uint64_t in, uint64_t a, uint64_t b,
                      uint64_t *res)
{
    unsigned c = (in & F_C) != 0;
    *res = 0;
    switch (k) {
    case K_ADD: return model_add(bits, a, b, 0, res);
    case K_ADC: return model_add(bits, a, b, c, res);
    case K_SUB: return model_add(bits, a, ~b, 1, res);
    case K_SBC: return model_add(bits, a, ~b, c, res);
    case K_AND: return model_logic(bits, a & b, res);
    case K_BIC: return model_logic(bits, a & ~b, res);
    case K_NEG: return model_add(bits, 0, ~b, 1, res);
    case K_NGC: return model_add(bits, 0, ~b, c, res);
    }
    return 0;
}

/* -- Flag setters ---------------------------------------------------------- */

DEF_FLAG_FN(adds_x, "adds %0, %3, %4")      DEF_FLAG_FN(adds_w, "adds %w0, %w3, %w4")
DEF_FLAG_FN(subs_x, "subs %0, %3, %4")      DEF_FLAG_FN(subs_w, "subs %w0, %w3, %w4")
DEF_FLAG_FN(adcs_x, "adcs %0, %3, %4")      DEF_FLAG_FN(adcs_w, "adcs %w0, %w3, %w4")
DEF_FLAG_FN(sbcs_x, "sbcs %0, %3, %4")      DEF_FLAG_FN(sbcs_w, "sbcs %w0, %w3, %w4")
DEF_FLAG_FN(ands_x, "ands %0, %3, %4")      DEF_FLAG_FN(ands_w, "ands %w0, %w3, %w4")
DEF_FLAG_FN(bics_x, "bics %0, %3, %4")      DEF_FLAG_FN(bics_w, "bics %w0, %w3, %w4")
DEF_FLAG_FN(negs_x, "negs %0, %4")          DEF_FLAG_FN(ngcs_w, "ngcs %w0, %w4")
/* Compare forms write no register: the model's result is not checked. */
DEF_FLAG_FN(cmp_x,     "cmp %3, %4")        DEF_FLAG_FN(cmn_w,  "cmn %w3, %w4")
DEF_FLAG_FN(cmp_0,     "cmp %3, #0")        DEF_FLAG_FN(cmp_4095, "cmp %3, #4095")
DEF_FLAG_FN(cmp_1_12,  "cmp %3, #1, lsl #12")
DEF_FLAG_FN(cmn_1,     "cmn %3, #1")        DEF_FLAG_FN(cmp_w1, "cmp %w3, #1")
DEF_FLAG_FN(cmn_w_big, "cmn %w3, #4095, lsl #12")
DEF_FLAG_FN(cmp_lsl1,  "cmp %3, %4, lsl #1")
DEF_FLAG_FN(cmp_sxtw,  "cmp %3, %w4, sxtw")
DEF_FLAG_FN(cmp_uxtb2, "cmp %3, %w4, uxtb #2")
DEF_FLAG_FN(tst_x,     "tst %3, %4")        DEF_FLAG_FN(tst_lsr32, "tst %3, %4, lsr #32")
DEF_FLAG_FN(tst_min,   "tst %3, #0x8000000000000000")
DEF_FLAG_FN(tst_wff,   "tst %w3, #0xff")
DEF_FLAG_FN(adds_imm,  "adds %0, %3, #1")   DEF_FLAG_FN(subs_w_imm, "subs %w0, %w3, #1")

/* Second-operand transforms for the shifted, extended and immediate forms. */
static uint64_t b_id(uint64_t b)     { return b; }
static uint64_t b_0(uint64_t b)      { (void)b; return 0; }
static uint64_t b_1(uint64_t b)      { (void)b; return 1; }
static uint64_t b_4095(uint64_t b)   { (void)b; return 4095; }
static uint64_t b_4096(uint64_t b)   { (void)b; return 4096; }
static uint64_t b_big(uint64_t b)    { (void)b; return 4095u << 12; }
static uint64_t b_min(uint64_t b)    { (void)b; return MIN64; }
static uint64_t b_ff(uint64_t b)     { (void)b; return 0xff; }
static uint64_t b_lsl1(uint64_t b)   { return b << 1; }
static uint64_t b_sxtw(uint64_t b)   { return sext(b, 32); }
static uint64_t b_uxtb2(uint64_t b)  { return (b & 0xff) << 2; }
static uint64_t b_lsr32(uint64_t b)  { return b >> 32; }

static const struct {
    const char *name;
    FlagFn *fn;
    unsigned bits;
    Kind kind;
    uint64_t (*xb)(uint64_t);       /* what the instruction uses as b */
    int writes;                     /* 1 if the result register is checked */
} setters[] = {
    /* name            fn          bits kind   xb        writes */
    { "adds x",        adds_x,     64, K_ADD, b_id,     1 },
    { "adds w",        adds_w,     32, K_ADD, b_id,     1 },
    { "subs x",        subs_x,     64, K_SUB, b_id,     1 },
    { "subs w",        subs_w,     32, K_SUB, b_id,     1 },
    { "adcs x",        adcs_x,     64, K_ADC, b_id,     1 },
    { "adcs w",        adcs_w,     32, K_ADC, b_id,     1 },
    { "sbcs x",        sbcs_x,     64, K_SBC, b_id,     1 },
    { "sbcs w",        sbcs_w,     32, K_SBC, b_id,     1 },
    { "ands x",        ands_x,     64, K_AND, b_id,     1 },
    { "ands w",        ands_w,     32, K_AND, b_id,     1 },
    { "bics x",        bics_x,     64, K_BIC, b_id,     1 },
    { "bics w",        bics_w,     32, K_BIC, b_id,     1 },
    { "negs x",        negs_x,     64, K_NEG, b_id,     1 },
    { "ngcs w",        ngcs_w,     32, K_NGC, b_id,     1 },
    { "adds x #1",     adds_imm,   64, K_ADD, b_1,      1 },
    { "subs w #1",     subs_w_imm, 32, K_SUB, b_1,      1 },
    { "cmp x",         cmp_x,      64, K_SUB, b_id,     0 },
    { "cmn w",         cmn_w,      32, K_ADD, b_id,     0 },
    { "cmp #0",        cmp_0,      64, K_SUB, b_0,      0 },
    { "cmp #4095",     cmp_4095,   64, K_SUB, b_4095,   0 },
    { "cmp #1,lsl12",  cmp_1_12,   64, K_SUB, b_4096,   0 },
    { "cmn #1",        cmn_1,      64, K_ADD, b_1,      0 },
    { "cmp w #1",      cmp_w1,     32, K_SUB, b_1,      0 },
    { "cmn w #big",    cmn_w_big,  32, K_ADD, b_big,    0 },
    { "cmp lsl #1",    cmp_lsl1,   64, K_SUB, b_lsl1,   0 },
    { "cmp sxtw",      cmp_sxtw,   64, K_SUB, b_sxtw,   0 },
    { "cmp uxtb #2",   cmp_uxtb2,  64, K_SUB, b_uxtb2,  0 },
    { "tst x",         tst_x,      64, K_AND, b_id,     0 },
    { "tst lsr #32",   tst_lsr32,  64, K_AND, b_lsr32,  0 },
    { "tst #min",      tst_min,    64, K_AND, b_min,    0 },
    { "tst w #0xff",   tst_wff,    32, K_AND, b_ff,     0 },
};

static const uint64_t edges[] = {
    0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
    0x7fffffffffffffff, MIN64, 0x8000000000000001, 0xfffffffffffffffe, ONES,
    0xffffffff80000000, 0x123456789abcdef0,
};

static void test_known_answers(void)
{
    uint64_t r;
    check_section("known-answers");
    CHECK(F_N | F_V, adds_x(0, 0x7fffffffffffffff, 1, &r), "adds x max+1");
    CHECK(F_Z | F_C, adds_x(0, ONES, 1, &r), "adds x ~0+1");
    CHECK(F_N, subs_x(0, 0, 1, &r), "subs x 0-1");
    CHECK(F_Z | F_C, subs_x(0, 5, 5, &r), "subs x 5-5");
    CHECK(F_C | F_V, subs_x(0, MIN64, 1, &r), "subs x min-1");
    CHECK(F_N | F_V, adds_w(0, 0x7fffffff, 1, &r), "adds w max+1");
    CHECK(F_Z, adds_w(F_N | F_C, 0xffffffff00000000, 0, &r), "adds w ignores 63:32");
    CHECK(F_Z | F_C, adcs_x(F_C, ONES, 0, &r), "adcs x ~0+0+C");
    CHECK(F_N, sbcs_w(0, 0, 0, &r), "sbcs w 0-0-!C");
    CHECK(F_N, ands_x(F_C | F_V, MIN64, ONES, &r), "ands x clears C and V");
    CHECK(F_Z, bics_w(F_N | F_C | F_V, 0xf0, 0xf0, &r), "bics w");
    CHECK(F_Z | F_C, negs_x(0, 0, 0, &r), "negs x 0");
    CHECK(F_N | F_V, negs_x(0, 0, MIN64, &r), "negs x min");
    /* The model must agree with the same known answers. */
    CHECK(F_C | F_V, model(K_SUB, 64, 0, MIN64, 1, &r), "model subs x min-1");
    CHECK(F_Z | F_C, model(K_ADC, 64, F_C, ONES, 0, &r), "model adcs x");
    CHECK(F_N, model(K_SBC, 32, 0, 0, 0, &r), "model sbcs w");
}

static void test_setters(void)
{
    check_section("flag-setters");
    for (unsigned i = 0; i < ARRAY_LEN(setters); i++) {
        for (unsigned ia = 0; ia < ARRAY_LEN(edges); ia++) {
            for (unsigned ib = 0; ib < ARRAY_LEN(edges); ib++) {
                uint64_t a = edges[ia], b = edges[ib];
                /* Input states: all clear, all set, and only C (carry-in). */
                static const uint64_t ins[] = { 0, F_N | F_Z | F_C | F_V, F_C };
                for (unsigned k = 0; k < ARRAY_LEN(ins); k++) {
                    uint64_t want_r, got_r;
                    uint64_t want = model(setters[i].kind, setters[i].bits, ins[k],
                                          a, setters[i].xb(b), &want_r);
                    uint64_t got = setters[i].fn(ins[k], a, b, &got_r);
                    CHECK(want, got, "%s nzcv a=0x%" PRIx64 " b=0x%" PRIx64 " in=%x",
                          setters[i].name, a, b, (unsigned)(ins[k] >> 28));
                    if (setters[i].writes)
                        CHECK(want_r, got_r, "%s result a=0x%" PRIx64 " b=0x%" PRIx64
                              " in=%x", setters[i].name, a, b, (unsigned)(ins[k] >> 28));
                }
            }
        }
    }
}

/* -- Conditions ------------------------------------------------------------- */

/* Bit f of cond_true[c] is set when condition c holds for NZCV = f (N = 8). */
static const uint16_t cond_true[16] = {
    0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555, /* eq..vc */
    0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff, /* hi..nv */
};

static const char *const cond_names[16] = {
    "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
    "hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
};

#define CONDS_14(X) X(eq) X(ne) X(cs) X(cc) X(mi) X(pl) X(vs) X(vc) \
                    X(hi) X(ls) X(ge) X(lt) X(gt) X(le)
#define CONDS_16(X) CONDS_14(X) X(al) X(nv)

/* Every instruction taking a condition, once per condition. */
#define DEF_COND_FNS(c)                                                 \
    DEF_FLAG_FN(ccmp_r_##c,  "ccmp %3, %4, #5, " #c)                    \
    DEF_FLAG_FN(ccmp_i_##c,  "ccmp %w3, #17, #10, " #c)                 \
    DEF_FLAG_FN(ccmn_r_##c,  "ccmn %w3, %w4, #3, " #c)                  \
    DEF_FLAG_FN(ccmn_i_##c,  "ccmn %3, #31, #12, " #c)                  \
    DEF_FLAG_FN(csel_##c,    "csel %0, %3, %4, " #c)                    \
    DEF_FLAG_FN(csinc_##c,   "csinc %w0, %w3, %w4, " #c)                \
    DEF_FLAG_FN(csinv_##c,   "csinv %0, %3, %4, " #c)                   \
    DEF_FLAG_FN(csneg_##c,   "csneg %w0, %w3, %w4, " #c)
/* The aliases invert the condition, so al and nv are not allowed. */
#define DEF_ALIAS_FNS(c)                                                \
    DEF_FLAG_FN(cset_##c,    "cset %0, " #c)                            \
    DEF_FLAG_FN(csetm_##c,   "csetm %w0, " #c)                          \
    DEF_FLAG_FN(cinc_##c,    "cinc %0, %3, " #c)                        \
    DEF_FLAG_FN(cinv_##c,    "cinv %w0, %w3, " #c)                      \
    DEF_FLAG_FN(cneg_##c,    "cneg %0, %3, " #c)
CONDS_16(DEF_COND_FNS)
CONDS_14(DEF_ALIAS_FNS)

enum { CCMP_R, CCMP_I, CCMN_R, CCMN_I, CSEL, CSINC, CSINV, CSNEG,
       CSET, CSETM, CINC, CINV, CNEG, N_COND_OPS };
static const char *const cond_op_names[N_COND_OPS] = {
    "ccmp x", "ccmp w #17", "ccmn w", "ccmn x #31", "csel x", "csinc w",
    "csinv x", "csneg w", "cset x", "csetm w", "cinc x", "cinv w", "cneg x",
};

#define COND_ROW(c)  { ccmp_r_##c, ccmp_i_##c, ccmn_r_##c, ccmn_i_##c, \
                       csel_##c, csinc_##c, csinv_##c, csneg_##c },
#define ALIAS_ROW(c) { [CSET] = cset_##c, [CSETM] = csetm_##c, [CINC] = cinc_##c, \
                       [CINV] = cinv_##c, [CNEG] = cneg_##c },
static FlagFn *const cond_fns[16][N_COND_OPS] = { CONDS_16(COND_ROW) };
static FlagFn *const alias_fns[14][N_COND_OPS] = { CONDS_14(ALIAS_ROW) };

/* Expected NZCV and result of cond op @op when the condition is @t. */
static uint64_t cond_model(int op, int t, uint64_t in, uint64_t a, uint64_t b,
                           uint64_t *r)
{
    uint64_t w = 0xffffffff;
    *r = 0;
    switch (op) {
    case CCMP_R: return t ? model(K_SUB, 64, 0, a, b, r) : 5u << 28;
    case CCMP_I: return t ? model(K_SUB, 32, 0, a, 17, r) : 10u << 28;
    case CCMN_R: return t ? model(K_ADD, 32, 0, a, b, r) : 3u << 28;
    case CCMN_I: return t ? model(K_ADD, 64, 0, a, 31, r) : 12u << 28;
    case CSEL:  *r = t ? a : b; break;
    case CSINC: *r = (t ? a : b + 1) & w; break;
    case CSINV: *r = t ? a : ~b; break;
    case CSNEG: *r = (t ? a : -b) & w; break;
    case CSET:  *r = t; break;
    case CSETM: *r = t ? w : 0; break;
    case CINC:  *r = a + t; break;
    case CINV:  *r = (t ? ~a : a) & w; break;
    case CNEG:  *r = t ? -a : a; break;
    }
    return in;                      /* conditional selects leave NZCV alone */
}

static void test_conditions(void)
{
    static const uint64_t pairs[][2] = {
        {5, 5}, {1, 2}, {MIN64, 1}, {0xffffffff, 0x80000000}, {17, 0x123456789},
    };
    check_section("conditions");
    for (unsigned c = 0; c < 16; c++) {
        for (int op = 0; op < N_COND_OPS; op++) {
            FlagFn *fn = op < CSET ? cond_fns[c][op] : c < 14 ? alias_fns[c][op] : NULL;
            if (!fn)
                continue;
            for (uint64_t f = 0; f < 16; f++) {
                int t = (cond_true[c] >> f) & 1;
                for (unsigned p = 0; p < ARRAY_LEN(pairs); p++) {
                    uint64_t a = pairs[p][0], b = pairs[p][1], want_r, got_r;
                    uint64_t want = cond_model(op, t, f << 28, a, b, &want_r);
                    uint64_t got = fn(f << 28, a, b, &got_r);
                    CHECK(want, got, "%s %s nzcv=%x a=0x%" PRIx64 " b=0x%" PRIx64,
                          cond_op_names[op], cond_names[c], (unsigned)f, a, b);
                    if (op >= CSEL)
                        CHECK(want_r, got_r, "%s %s result nzcv=%x a=0x%" PRIx64
                              " b=0x%" PRIx64, cond_op_names[op], cond_names[c],
                              (unsigned)f, a, b);
                }
            }
        }
    }
}

int main(void)
{
    test_known_answers();
    test_setters();
    test_conditions();
    return check_exit();
}
