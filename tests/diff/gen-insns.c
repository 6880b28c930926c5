// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gen-insns.c: random valid A64 instruction sequences for the differential
 * tester, drawn from the decoder's own row table a64_decode_rows[].
 *
 *   gen-insns --class ldst --seed 1 --count 20 --len 5
 *   gen-insns --class dp_reg --rows CRC32,CLZ --count 3
 *   gen-insns --class dp_reg --skip-rows RMIF,SETF8,SETF16
 *   gen-insns --list
 *
 * Prints one sequence per line, each instruction as ROW:XXXXXXXX (row name,
 * then the word in hex).  Same arguments, same output: the RNG is seeded
 * from --seed and the class name only.
 *
 * How one word is made (dynarmic's fuzzer does the same from a64.inc):
 *   1. pick a row of the class at random (UNALLOC rows are not candidates);
 *   2. fill every bit the row leaves open at random: match | (rand & ~mask);
 *   3. apply the class's fixups, which set named fields through the row's
 *      field list (name, position, width): nothing here re-encodes an
 *      instruction format;
 *   4. keep the word only if a64_decode_row() maps it back to the same row
 *      (so it is allocated and not shadowed by an earlier row of its
 *      priority group) and the class filter accepts it; else draw again.
 * Words a handler rejects (a reserved bitmask immediate, an AdvSIMD size
 * the row does not have) are kept: both emulators must then raise SIGILL,
 * which the runner compares like any other outcome.
 *
 * The harness contract (harness.S, run-diff.py): in memory classes X28
 * points into the middle of a 16 KiB scratch buffer (16-byte aligned) and
 * X27 holds a small index (0..63).  The fixups below keep every access
 * of a sequence of up to 15 words inside the buffer (the worst mover, a
 * Q-register pair with writeback, shifts X28 by at most 512 bytes a word);
 * longer ones may leave it, and then fault under both emulators alike:
 *   rn            = 28 (the base; SP as a base is never generated)
 *   rm            = 27 (register offset / post-index register); simd_ldst
 *                   also draws 31, its immediate post-index form
 *   other r* regs = distinct, never 27 or 28, so no load overwrites the
 *                   base or index and no pair/exclusive names a register
 *                   twice (CONSTRAINED UNPREDICTABLE cases stay out)
 *   imm           = signed fields in [-32, 31], unsigned in [0, 31] (in
 *                   units of the access size for scaled forms); atomic:
 *                   multiples of 16 in [-32, 16], since misaligned
 *                   acquire/release and atomics fault
 *   CASP          = rs and rt even (odd pairs are UNDEFINED)
 *   exclusives    = one access size per sequence: all of its LDXR/STXR
 *                   family words have the same size, or all are pairs
 *                   (LDXP/STXP family) of the same sz.  A store-exclusive
 *                   whose size differs from the load-exclusive's is
 *                   CONSTRAINED UNPREDICTABLE, and qemu (fails) and we
 *                   (may succeed) both choose legitimately.
 * Fixups that avoid the commonest reserved values, each of which would
 * end the sequence at that word with SIGILL under both emulators:
 *   fp            ftype 00 (single) or 01 (double), never 11 (FP16, which
 *                 neither cortex-a57 nor we have) or 10; a 32-bit
 *                 fixed-point conversion gets scale >= 32; FMOV general
 *                 pairs W with S and X with D, or top = 1 with X and D[1];
 *                 FCVT converts to a type other than its source
 *   simd, simd_generic  size 11 gets Q = 1 (one 64-bit lane is reserved
 *                 for almost every vector op)
 * In the other classes register fields are random, but half of them come
 * from a pool of four registers drawn per sequence: with 32 registers
 * picked independently, one word would rarely read another's result, and
 * the chains are where constant and copy propagation, liveness and flag
 * handling across instructions get exercised.
 * Classes branch and exception are not generated: they leave the sequence
 * (the harness has no landing pads) or end the program.  In class system
 * only hints, barriers, the FlagM PSTATE ops and MRS/MSR of NZCV, FPCR,
 * FPSR and TPIDR_EL0 are generated (see filter_system): other system
 * registers are ID/timer registers whose values need not agree, and SYS
 * (cache maintenance) takes an address we do not constrain.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "target-arm/a64-decode.h"

#define MAX_TRIES 400           /* draws per row before it is given up */
#define REG_BASE  28
#define REG_INDEX 27

/* -- Random numbers --------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rng64(void)
{
    /* splitmix64: good enough, tiny, and the same on every host */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static unsigned rng_below(unsigned n)
{
    return (unsigned)(rng64() % n);
}

static int rng_range(int lo, int hi)      /* inclusive */
{
    return lo + (int)rng_below((unsigned)(hi - lo + 1));
}

static void rng_seed(uint64_t seed, const char *cls)
{
    uint64_t h = 0xcbf29ce484222325ULL;   /* FNV-1a of the class name */

    for (const char *p = cls; *p; p++)
        h = (h ^ (uint8_t)*p) * 0x100000001b3ULL;
    rng_state = seed ^ h;
}

/* -- Field access through the row table ------------------------------- */

static const A64DecodeField *row_field(const A64DecodeRow *row, const char *name)
{
    for (unsigned i = 0; i < row->nfields; i++)
        if (!strcmp(row->fields[i].name, name))
            return &row->fields[i];
    return NULL;
}

static uint32_t field_mask(const A64DecodeField *f)
{
    return (f->width >= 32 ? ~0u : (1u << f->width) - 1) << f->pos;
}

static uint32_t field_get(const A64DecodeField *f, uint32_t insn)
{
    return (insn & field_mask(f)) >> f->pos;
}

static uint32_t field_set(const A64DecodeField *f, uint32_t insn, int value)
{
    return (insn & ~field_mask(f)) | (((uint32_t)value << f->pos) & field_mask(f));
}

/* Set @name if the row has it (families differ in their field lists). */
static uint32_t set_named(const A64DecodeRow *row, uint32_t insn,
                          const char *name, int value)
{
    const A64DecodeField *f = row_field(row, name);

    return f ? field_set(f, insn, value) : insn;
}

static bool is_gpr_field(const A64DecodeField *f)
{
    return f->width == 5 && f->name[0] == 'r';
}

/* Is @name in the comma-separated @list? */
static bool name_listed(const char *list, const char *name)
{
    size_t n = strlen(name);

    for (const char *p = list; *p; ) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);

        if (len == n && !strncmp(p, name, n))
            return true;
        p += len + (comma ? 1 : 0);
    }
    return false;
}

/* -- Class policies --------------------------------------------------- */

/* What one sequence has chosen for all of its words. */
typedef struct SeqState {
    int pool[4];                /* registers the sequence favours */
    int excl;                   /* exclusives: -1 undecided (the first one
                                 * decides), 0..3 single of 8 << excl bits,
                                 * 4/5 pairs of sz 0/1 */
} SeqState;

typedef struct ClassPolicy ClassPolicy;
struct ClassPolicy {
    const char *cls;            /* @class of a64.decode */
    const char *excluded;       /* why the class is never generated, or NULL */
    bool memory;                /* apply the memory register/immediate rules */
    int imm_align;              /* memory imm fields: a multiple of this */
    bool rm_may_be_31;          /* rm = 31 selects an immediate form */
    const char *skip_rows;      /* rows never generated: "NAME,NAME" */
    /* Row-level fixup and filter, and whether a row fits the sequence. */
    uint32_t (*fixup)(SeqState *seq, const A64DecodeRow *row, uint32_t insn);
    bool (*filter)(const A64DecodeRow *row, uint32_t insn);
    bool (*seq_allows)(const SeqState *seq, const A64DecodeRow *row);
};

/* Registers and immediates of a memory row, as the header describes. */
static uint32_t fixup_memory(const ClassPolicy *p, const A64DecodeRow *row,
                             uint32_t insn)
{
    uint32_t used = (1u << REG_BASE) | (1u << REG_INDEX);

    for (unsigned i = 0; i < row->nfields; i++) {
        const A64DecodeField *f = &row->fields[i];
        int v;

        if (!strcmp(f->name, "rn")) {
            insn = field_set(f, insn, REG_BASE);
        } else if (!strcmp(f->name, "rm")) {
            v = p->rm_may_be_31 && rng_below(2) ? 31 : REG_INDEX;
            insn = field_set(f, insn, v);
        } else if (is_gpr_field(f)) {
            do {
                v = (int)rng_below(32);
                if (!strcmp(row->name, "CASP"))
                    v &= ~1;
            } while (used & (1u << v));
            used |= 1u << v;
            insn = field_set(f, insn, v);
        } else if (!strcmp(f->name, "imm")) {
            v = rng_range(f->sign ? -32 : 0, 31);
            if (p->imm_align > 1)
                v = v / p->imm_align * p->imm_align;
            insn = field_set(f, insn, v);
        }
    }
    return insn;
}

/* Registers of a non-memory row: each from the sequence's pool half the
 * time, so that words consume each other's results. */
static uint32_t fixup_chain(SeqState *seq, const A64DecodeRow *row, uint32_t insn)
{
    for (unsigned i = 0; i < row->nfields; i++)
        if (is_gpr_field(&row->fields[i]) && rng_below(2))
            insn = field_set(&row->fields[i], insn, seq->pool[rng_below(4)]);
    return insn;
}

static uint32_t fixup_fp(SeqState *seq, const A64DecodeRow *row, uint32_t insn)
{
    const A64DecodeField *sf = row_field(row, "sf");
    int ftype = rng_range(0, 1);

    insn = set_named(row, insn, "ftype", ftype);
    if (sf && !field_get(sf, insn))
        insn = set_named(row, insn, "scale", rng_range(32, 63));
    if (!strcmp(row->name, "FMOV_to_gen") || !strcmp(row->name, "FMOV_from_gen")) {
        if (field_get(row_field(row, "top"), insn)) {
            insn = set_named(row, insn, "sf", 1);
            insn = set_named(row, insn, "ftype", 2);
        } else {
            insn = set_named(row, insn, "sf", ftype);
        }
    }
    if (!strcmp(row->name, "FCVT_s")) {
        static const int other[2][2] = { { 1, 3 }, { 0, 3 } };
        insn = set_named(row, insn, "opc", other[ftype][rng_below(2)]);
    }
    return insn;
}

/* AdvSIMD: size 11 with Q = 0 (a single 64-bit lane) is reserved for
 * almost every vector operation, so a 64-bit size gets the 128-bit form. */
static uint32_t fixup_simd(SeqState *seq, const A64DecodeRow *row, uint32_t insn)
{
    const A64DecodeField *size = row_field(row, "size");

    if (size && field_get(size, insn) == 3)
        insn = set_named(row, insn, "q", 1);
    return insn;
}

static const char excl_single_rows[] = "LDXR,LDAXR,STXR,STLXR";
static const char excl_pair_rows[] = "LDXP,LDAXP,STXP,STLXP";

static bool seq_allows_exclusive(const SeqState *seq, const A64DecodeRow *row)
{
    if (seq->excl < 0)
        return true;
    if (name_listed(excl_single_rows, row->name))
        return seq->excl < 4;
    if (name_listed(excl_pair_rows, row->name))
        return seq->excl >= 4;
    return true;
}

static uint32_t fixup_exclusive(SeqState *seq, const A64DecodeRow *row,
                                uint32_t insn)
{
    if (name_listed(excl_single_rows, row->name)) {
        if (seq->excl < 0)
            seq->excl = rng_range(0, 3);
        insn = set_named(row, insn, "size", seq->excl);
    } else if (name_listed(excl_pair_rows, row->name)) {
        if (seq->excl < 0)
            seq->excl = rng_range(4, 5);
        insn = set_named(row, insn, "sz", seq->excl - 4);
    }
    return insn;
}

/* The system registers whose values both emulators must agree on. */
static const struct { int o0, op1, crn, crm, op2; } safe_sysregs[] = {
    { 1, 3, 4, 2, 0 },          /* NZCV */
    { 1, 3, 4, 4, 0 },          /* FPCR */
    { 1, 3, 4, 4, 1 },          /* FPSR */
    { 1, 3, 13, 0, 2 },         /* TPIDR_EL0 */
};

static uint32_t fixup_system(SeqState *seq, const A64DecodeRow *row,
                             uint32_t insn)
{
    if (!strcmp(row->name, "MRS") || !strcmp(row->name, "MSR_r")) {
        unsigned i = rng_below(sizeof(safe_sysregs) / sizeof(safe_sysregs[0]));

        insn = set_named(row, insn, "o0", safe_sysregs[i].o0);
        insn = set_named(row, insn, "op1", safe_sysregs[i].op1);
        insn = set_named(row, insn, "crn", safe_sysregs[i].crn);
        insn = set_named(row, insn, "crm", safe_sysregs[i].crm);
        insn = set_named(row, insn, "op2", safe_sysregs[i].op2);
    } else if (!strcmp(row->name, "MSR_i")) {
        /* CFINV, XAFLAG, AXFLAG: the PSTATE ops that only touch NZCV */
        insn = set_named(row, insn, "op1", 0);
        insn = set_named(row, insn, "crm", 0);
        insn = set_named(row, insn, "op2", rng_range(0, 2));
    }
    return insn;
}

static bool filter_system(const A64DecodeRow *row, uint32_t insn)
{
    if (!strcmp(row->name, "HINT")) {
        /* WFE and WFI may sleep: nothing to compare, only time to lose */
        uint32_t crm = field_get(row_field(row, "crm"), insn);
        uint32_t op2 = field_get(row_field(row, "op2"), insn);

        return !(crm == 0 && (op2 == 2 || op2 == 3));
    }
    return true;
}

static const ClassPolicy policies[] = {
    { .cls = "dp_imm" },
    { .cls = "dp_reg" },
    { .cls = "ldst", .memory = true },
    { .cls = "atomic", .memory = true, .imm_align = 16,
      .fixup = fixup_exclusive, .seq_allows = seq_allows_exclusive },
    { .cls = "simd_ldst", .memory = true, .rm_may_be_31 = true },
    { .cls = "simd", .fixup = fixup_simd },
    { .cls = "simd_generic", .fixup = fixup_simd },
    { .cls = "fp", .fixup = fixup_fp },
    { .cls = "system", .skip_rows = "SYS,SYSL",
      .fixup = fixup_system, .filter = filter_system },
    { .cls = "branch",
      .excluded = "branches leave the sequence; the harness has no landing pads" },
    { .cls = "exception",
      .excluded = "SVC/BRK/HLT/HVC/SMC end or signal the program" },
};

static const ClassPolicy *policy_find(const char *cls)
{
    for (size_t i = 0; i < sizeof(policies) / sizeof(policies[0]); i++)
        if (!strcmp(policies[i].cls, cls))
            return &policies[i];
    return NULL;
}

/* -- Generation ------------------------------------------------------- */

/* Is row @i a candidate: in the class, not UNALLOC or skipped (by the
 * policy or --skip-rows), and named by --rows when given? */
static bool row_selected(unsigned i, const ClassPolicy *p, const char *rows,
                         const char *skip)
{
    const A64DecodeRow *row = &a64_decode_rows[i];

    if (row->unalloc || strcmp(row->cls, p->cls))
        return false;
    if (p->skip_rows && name_listed(p->skip_rows, row->name))
        return false;
    if (skip && name_listed(skip, row->name))
        return false;
    return !rows || name_listed(rows, row->name);
}

/* Draw a word of row @r; false when MAX_TRIES draws all failed. */
static bool draw_word(const ClassPolicy *p, SeqState *seq, unsigned r,
                      uint32_t *out)
{
    const A64DecodeRow *row = &a64_decode_rows[r];
    A64Args args;

    for (int t = 0; t < MAX_TRIES; t++) {
        uint32_t insn = row->match | ((uint32_t)rng64() & ~row->mask);

        if (p->memory)
            insn = fixup_memory(p, row, insn);
        else
            insn = fixup_chain(seq, row, insn);
        if (p->fixup)
            insn = p->fixup(seq, row, insn);
        if (a64_decode_row(insn, &args) != (int)r)
            continue;
        if (p->filter && !p->filter(row, insn))
            continue;
        *out = insn;
        return true;
    }
    return false;
}

static void list_classes(void)
{
    for (size_t i = 0; i < sizeof(policies) / sizeof(policies[0]); i++) {
        unsigned n = 0;

        for (unsigned r = 0; r < a64_decode_nrows; r++)
            n += row_selected(r, &policies[i], NULL, NULL);
        printf("%-14s %3u rows%s%s\n", policies[i].cls, n,
               policies[i].excluded ? "  excluded: " : "",
               policies[i].excluded ? policies[i].excluded : "");
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: gen-insns --class CLASS [--seed N] [--count N] "
            "[--len N]\n                 [--rows NAME,...] [--skip-rows NAME,...]\n"
            "       gen-insns --list\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *cls = NULL, *rows = NULL, *skip = NULL;
    uint64_t seed = 1;
    unsigned count = 20, len = 5;

    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];

        if (!strcmp(opt, "--list")) {
            list_classes();
            return 0;
        }
        if (i + 1 >= argc)
            usage();
        if (!strcmp(opt, "--class"))
            cls = argv[++i];
        else if (!strcmp(opt, "--rows"))
            rows = argv[++i];
        else if (!strcmp(opt, "--skip-rows"))
            skip = argv[++i];
        else if (!strcmp(opt, "--seed"))
            seed = strtoull(argv[++i], NULL, 0);
        else if (!strcmp(opt, "--count"))
            count = (unsigned)strtoul(argv[++i], NULL, 0);
        else if (!strcmp(opt, "--len"))
            len = (unsigned)strtoul(argv[++i], NULL, 0);
        else
            usage();
    }
    if (!cls)
        usage();

    const ClassPolicy *p = policy_find(cls);
    if (!p) {
        fprintf(stderr, "gen-insns: unknown class '%s' (see --list)\n", cls);
        return 2;
    }
    if (p->excluded) {
        fprintf(stderr, "gen-insns: class '%s' is not generated: %s\n",
                cls, p->excluded);
        return 2;
    }

    /* Candidate rows; a row whose draws all fail is dropped for good. */
    unsigned *cand = calloc(a64_decode_nrows, sizeof(*cand));
    unsigned ncand = 0;
    for (unsigned r = 0; r < a64_decode_nrows; r++)
        if (row_selected(r, p, rows, skip))
            cand[ncand++] = r;

    rng_seed(seed, cls);
    for (unsigned c = 0; c < count; c++) {
        SeqState seq = { .excl = -1 };

        for (int i = 0; i < 4; i++)
            seq.pool[i] = (int)rng_below(32);

        for (unsigned k = 0; k < len; k++) {
            uint32_t insn = 0;
            unsigned pick;

            for (;;) {
                if (ncand == 0) {
                    fprintf(stderr, "gen-insns: no row of class '%s' can be "
                            "generated\n", cls);
                    return 1;
                }
                pick = rng_below(ncand);
                if (p->seq_allows && !p->seq_allows(&seq, &a64_decode_rows[cand[pick]]))
                    continue;
                if (draw_word(p, &seq, cand[pick], &insn))
                    break;
                fprintf(stderr, "gen-insns: dropping row %s: no valid word "
                        "in %d draws\n", a64_decode_rows[cand[pick]].name,
                        MAX_TRIES);
                cand[pick] = cand[--ncand];
            }
            printf("%s%s:%08" PRIx32, k ? " " : "",
                   a64_decode_rows[cand[pick]].name, insn);
        }
        printf("\n");
    }
    free(cand);
    return 0;
}
