// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-a64-decode.c: the generated A64 decoder against its own row table.
 *
 * A linear first-match scan over a64_decode_rows[] is the reference: it is
 * what the .decode file means, while a64_decode_row() is the decision tree
 * decodegen.py built from it.  The two must agree on every row's pattern,
 * on random fillings of every row and on random words; overlaps must stay
 * inside priority groups; real instruction words (from glibc's libc.so.6
 * where the row occurs there, otherwise assembled; all checked with
 * aarch64-linux-gnu-objdump, whose text is in the comments) must give the
 * expected row and fields, and unallocated words must give -1.
 */
#include "unit.h"
#include "target-arm/a64-decode.h"

#include <stdio.h>
#include <string.h>

/* -- Helpers ---------------------------------------------------------- */

static uint64_t rng_state;

static uint32_t rng32(void)
{
    /* xorshift64*: deterministic, so a failure reproduces */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dULL) >> 32);
}

static void rng_setup(void)
{
    rng_state = 0x9e3779b97f4a7c15ULL;
}

/* Index of the first row matching @insn in file order, or -1. */
static int reference_first(uint32_t insn)
{
    for (unsigned i = 0; i < a64_decode_nrows; i++)
        if ((insn & a64_decode_rows[i].mask) == a64_decode_rows[i].match)
            return (int)i;
    return -1;
}

/* What a64_decode_row() must return for @insn. */
static int reference_decode(uint32_t insn)
{
    int i = reference_first(insn);

    return i < 0 || a64_decode_rows[i].unalloc ? -1 : i;
}

static int field_value(const A64DecodeField *f, uint32_t insn)
{
    uint32_t v = (insn >> f->pos) & (f->width == 32 ? ~0u : (1u << f->width) - 1);

    if (f->sign && f->width < 32 && (v >> (f->width - 1)) & 1)
        v |= ~0u << f->width;
    return (int)v;
}

/*
 * Every arg struct is a sequence of ints in field order, so the decoded
 * fields can be read generically from the union.
 */
static const int *arg_ints(const A64Args *args)
{
    return (const int *)(const void *)args;
}

/*
 * Decode @insn and check row and fields against the reference.  Hot loops
 * call this millions of times, so Check is only called on a failure (each
 * passing ck_assert costs a write to Check's pipe).
 */
static void check_word(uint32_t insn)
{
    A64Args args;
    int want = reference_decode(insn);
    int got = a64_decode_row(insn, &args);
    const A64DecodeRow *row;

    if (got != want)
        ck_abort_msg("0x%08x: decoder gives row %d (%s), reference %d (%s)",
                     insn, got, got >= 0 ? a64_decode_rows[got].name : "-",
                     want, want >= 0 ? a64_decode_rows[want].name : "-");
    if (got < 0)
        return;
    row = &a64_decode_rows[got];
    if ((insn & row->mask) != row->match)
        ck_abort_msg("0x%08x: not a %s word", insn, row->name);
    for (unsigned k = 0; k < row->nfields; k++)
        if (arg_ints(&args)[k] != field_value(&row->fields[k], insn))
            ck_abort_msg("0x%08x %s: field %s = %d, expected %d", insn, row->name,
                         row->fields[k].name, arg_ints(&args)[k],
                         field_value(&row->fields[k], insn));
}

static bool rows_overlap(const A64DecodeRow *a, const A64DecodeRow *b)
{
    return (a->mask & b->mask & (a->match ^ b->match)) == 0;
}

/* -- The row table ------------------------------------------------------ */

/*
 * The per-row checks loop over the table inside one test (forking a Check
 * test per row costs more than the checks); failures name the row.
 */

START_TEST(test_decode_row_match_word_decodes_to_itself_or_earlier_group_row)
{
    for (int i = 0; i < (int)a64_decode_nrows; i++) {
        const A64DecodeRow *row = &a64_decode_rows[i];
        int first = reference_first(row->match);
        A64Args args;
        int got = a64_decode_row(row->match, &args);

        if (first != i && !(row->group && first >= 0 && first < i
                            && a64_decode_rows[first].group == row->group))
            ck_abort_msg("%s (row %d): its match 0x%08x is taken by %s (row %d) "
                         "outside its group", row->name, i, row->match,
                         first >= 0 ? a64_decode_rows[first].name : "-", first);
        if (got != (a64_decode_rows[first].unalloc ? -1 : first))
            ck_abort_msg("%s (row %d): 0x%08x decodes to %d", row->name, i,
                         row->match, got);
    }
}
END_TEST

START_TEST(test_decode_row_random_fillings_decode_to_a_satisfied_row)
{
    rng_setup();
    for (int i = 0; i < (int)a64_decode_nrows; i++) {
        const A64DecodeRow *row = &a64_decode_rows[i];

        for (int n = 0; n < 2000; n++) {
            uint32_t insn = row->match | (rng32() & ~row->mask);
            int first = reference_first(insn);

            /* only a row of the same group may take the word */
            if (first != i && !(row->group && a64_decode_rows[first].group == row->group))
                ck_abort_msg("0x%08x from %s decodes as %s", insn, row->name,
                             a64_decode_rows[first].name);
            check_word(insn);
        }
    }
}
END_TEST

START_TEST(test_decode_rows_outside_groups_overlap_nothing)
{
    for (unsigned i = 0; i < a64_decode_nrows; i++)
        for (unsigned j = i + 1; j < a64_decode_nrows; j++) {
            const A64DecodeRow *a = &a64_decode_rows[i], *b = &a64_decode_rows[j];

            if (rows_overlap(a, b) && !(a->group && a->group == b->group))
                ck_abort_msg("%s (row %u) and %s (row %u) overlap outside a group",
                             a->name, i, b->name, j);
        }
}
END_TEST

START_TEST(test_decode_group_rows_share_their_group_with_another_row)
{
    unsigned ngroups = 0;

    for (unsigned i = 0; i < a64_decode_nrows; i++) {
        const A64DecodeRow *row = &a64_decode_rows[i];
        unsigned peers = 0;

        if (!row->group)
            continue;
        if (row->group > ngroups)
            ngroups = row->group;
        for (unsigned j = 0; j < a64_decode_nrows; j++)
            if (j != i && a64_decode_rows[j].group == row->group
                && rows_overlap(row, &a64_decode_rows[j]))
                peers++;
        if (!peers)
            ck_abort_msg("%s: alone in group %u", row->name, row->group);
    }
    ck_assert_uint_gt(ngroups, 10);
}
END_TEST

START_TEST(test_decode_row_table_fields_fit_the_free_bits)
{
    for (unsigned i = 0; i < a64_decode_nrows; i++) {
        const A64DecodeRow *row = &a64_decode_rows[i];
        uint32_t seen = row->mask;

        if (!row->cls || (row->match & ~row->mask)
            || row->unalloc != (strcmp(row->name, "UNALLOC") == 0)
            || (row->unalloc && (row->nfields || !row->group)))
            ck_abort_msg("%s (row %u): bad table entry", row->name, i);
        for (unsigned k = 0; k < row->nfields; k++) {
            const A64DecodeField *f = &row->fields[k];
            uint32_t bits = (f->width == 32 ? ~0u : (1u << f->width) - 1) << f->pos;

            if (seen & bits)
                ck_abort_msg("%s: field %s overlaps fixed bits or a field",
                             row->name, f->name);
            seen |= bits;
        }
        for (unsigned j = i + 1; j < a64_decode_nrows; j++)
            if (!row->unalloc && strcmp(row->name, a64_decode_rows[j].name) == 0)
                ck_abort_msg("duplicate row name %s", row->name);
    }
}
END_TEST

START_TEST(test_decode_random_words_agree_with_linear_reference)
{
    rng_setup();
    for (int n = 0; n < 1000000; n++)
        check_word(rng32());
}
END_TEST

/* -- Known words ---------------------------------------------------------- */

typedef struct KnownWord {
    uint32_t insn;
    const char *row;
    const char *fields;             /* "name=value ..." */
} KnownWord;

/* One word per row (AdvSIMD class rows SIMD_* apart). */
static const KnownWord known_words[] = {
    { 0x10000068, "ADR",             "immlo=0 immhi=3 rd=8"               },  /* adr x8, .+12 */
    { 0x90000bd0, "ADRP",            "immlo=0 immhi=94 rd=16"             },  /* adrp x16, .page+376 */
    { 0x910003fd, "ADD_imm",         "sf=1 sh=0 imm=0 rn=31 rd=29"        },  /* mov x29, sp */
    { 0x3100041f, "ADDS_imm",        "sf=0 sh=0 imm=1 rn=0 rd=31"         },  /* cmn w0, #0x1 */
    { 0xd1180004, "SUB_imm",         "sf=1 sh=0 imm=1536 rn=0 rd=4"       },  /* sub x4, x0, #0x600 */
    { 0x7100041f, "SUBS_imm",        "sf=0 sh=0 imm=1 rn=0 rd=31"         },  /* cmp w0, #0x1 */
    { 0x121f0019, "AND_imm",         "sf=0 n=0 immr=31 imms=0 rn=0 rd=25" },  /* and w25, w0, #0x2 */
    { 0x321d0280, "ORR_imm",         "sf=0 n=0 immr=29 imms=0 rn=20 rd=0" },  /* orr w0, w20, #0x8 */
    { 0xd2410041, "EOR_imm",         "sf=1 n=1 immr=1 imms=0 rn=2 rd=1"   },  /* eor x1, x2, #0x8000000000000000 */
    { 0xf27d7c3f, "ANDS_imm",        "sf=1 n=1 immr=61 imms=31 rn=1 rd=31" },  /* tst x1, #0x7fffffff8 */
    { 0x92800003, "MOVN",            "sf=1 hw=0 imm=0 rd=3"               },  /* mov x3, #0xffffffffffffffff */
    { 0xd2800002, "MOVZ",            "sf=1 hw=0 imm=0 rd=2"               },  /* mov x2, #0x0 */
    { 0x72a00de1, "MOVK",            "sf=0 hw=1 imm=111 rd=1"             },  /* movk w1, #0x6f, lsl #16 */
    { 0x13087c20, "SBFM",            "sf=0 n=0 immr=8 imms=31 rn=1 rd=0"  },  /* asr w0, w1, #8 */
    { 0x331a6402, "BFM",             "sf=0 n=0 immr=26 imms=25 rn=0 rd=2" },  /* bfi w2, w0, #6, #26 */
    { 0xd343fc3b, "UBFM",            "sf=1 n=1 immr=3 imms=63 rn=1 rd=27" },  /* lsr x27, x1, #3 */
    { 0x93c48002, "EXTR",            "sf=1 n=1 rm=4 imms=32 rn=0 rd=2"    },  /* extr x2, x0, x4, #32 */
    { 0x54000140, "B_cond",          "imm=10 cond=0"                      },  /* b.eq .+40 */
    { 0xd61f0220, "BR",              "rn=17"                              },  /* br x17 */
    { 0xd63f0060, "BLR",             "rn=3"                               },  /* blr x3 */
    { 0xd65f03c0, "RET",             "rn=30"                              },  /* ret */
    { 0xd61f0c3f, "BRAZ",            "m=1 rn=1"                           },  /* brabz x1 */
    { 0xd63f0aff, "BLRAZ",           "m=0 rn=23"                          },  /* blraaz x23 */
    { 0xd65f0bff, "RETA",            "m=0"                                },  /* retaa */
    { 0xd71f0859, "BRA",             "m=0 rn=2 rm=25"                     },  /* braa x2, x25 */
    { 0xd73f0be6, "BLRA",            "m=0 rn=31 rm=6"                     },  /* blraa xzr, x6 */
    { 0x14000003, "B",               "imm=3"                              },  /* b .+12 */
    { 0x94000001, "BL",              "imm=1"                              },  /* bl .+4 */
    { 0x34000060, "CBZ",             "sf=0 imm=3 rt=0"                    },  /* cbz w0, .+12 */
    { 0x35000161, "CBNZ",            "sf=0 imm=11 rt=1"                   },  /* cbnz w1, .+44 */
    { 0x36000121, "TBZ",             "b5=0 b40=0 imm=9 rt=1"              },  /* tbz w1, #0, .+36 */
    { 0x37080780, "TBNZ",            "b5=0 b40=1 imm=60 rt=0"             },  /* tbnz w0, #1, .+240 */
    { 0xd4000001, "SVC",             "imm=0"                              },  /* svc #0x0 */
    { 0xd4037c62, "HVC",             "imm=7139"                           },  /* hvc #0x1be3 */
    { 0xd4164ce3, "SMC",             "imm=45671"                          },  /* smc #0xb267 */
    { 0xd4207d00, "BRK",             "imm=1000"                           },  /* brk #0x3e8 */
    { 0xd44a8c20, "HLT",             "imm=21601"                          },  /* hlt #0x5461 */
    { 0xd503201f, "HINT",            "crm=0 op2=0"                        },  /* nop */
    { 0xd503365f, "CLREX",           "crm=6"                              },  /* clrex #0x6 */
    { 0xd503329f, "DSB",             "crm=2"                              },  /* dsb oshst */
    { 0xd5033bbf, "DMB",             "crm=11"                             },  /* dmb ish */
    { 0xd50335df, "ISB",             "crm=5"                              },  /* isb #0x5 */
    { 0xd50330ff, "SB",              ""                                   },  /* sb */
    { 0xd500401f, "MSR_i",           "op1=0 crm=0 op2=0"                  },  /* cfinv */
    { 0xd50b7423, "SYS",             "op1=3 crn=7 crm=4 op2=1 rt=3"       },  /* dc zva, x3 */
    { 0xd52ab288, "SYSL",            "op1=2 crn=11 crm=2 op2=4 rt=8"      },  /* sysl x8, #2, C11, C2, #4 */
    { 0xd51b4400, "MSR_r",           "o0=1 op1=3 crn=4 crm=4 op2=0 rt=0"  },  /* msr fpcr, x0 */
    { 0xd53bd054, "MRS",             "o0=1 op1=3 crn=13 crm=0 op2=2 rt=20" },  /* mrs x20, tpidr_el0 */
    { 0x88117c41, "STXR",            "size=2 rs=17 rn=2 rt=1"             },  /* stxr w17, w1, [x2] */
    { 0x8811fc41, "STLXR",           "size=2 rs=17 rn=2 rt=1"             },  /* stlxr w17, w1, [x2] */
    { 0x885f7c40, "LDXR",            "size=2 rn=2 rt=0"                   },  /* ldxr w0, [x2] */
    { 0x885ffc40, "LDAXR",           "size=2 rn=2 rt=0"                   },  /* ldaxr w0, [x2] */
    { 0xc8245d36, "STXP",            "sz=1 rs=4 rt2=23 rn=9 rt=22"        },  /* stxp w4, x22, x23, [x9] */
    { 0xc82ac4c1, "STLXP",           "sz=1 rs=10 rt2=17 rn=6 rt=1"        },  /* stlxp w10, x1, x17, [x6] */
    { 0x887a053e, "LDXP",            "sz=0 rt2=1 rn=9 rt=30"              },  /* ldxp w30, w1, [x9] */
    { 0x887d8bc0, "LDAXP",           "sz=0 rt2=2 rn=30 rt=0"              },  /* ldaxp w0, w2, [x30] */
    { 0x083afcd6, "CASP",            "sz=0 a=0 rs=26 r=1 rn=6 rt=22"      },  /* caspl w26, w27, w22, w23, [x6] */
    { 0xc89c49ba, "STLLR",           "size=3 rn=13 rt=26"                 },  /* stllr x26, [x13] */
    { 0x889ffedf, "STLR",            "size=2 rn=22 rt=31"                 },  /* stlr wzr, [x22] */
    { 0x88de3769, "LDLAR",           "size=2 rn=27 rt=9"                  },  /* ldlar w9, [x27] */
    { 0x88dffe62, "LDAR",            "size=2 rn=19 rt=2"                  },  /* ldar w2, [x19] */
    { 0x88a07c41, "CAS",             "size=2 a=0 rs=0 r=0 rn=2 rt=1"      },  /* cas w0, w1, [x2] */
    { 0x5903e171, "LDAPUR_STLUR",    "size=1 opc=0 imm=62 rn=11 rt=17"    },  /* stlurh w17, [x11, #62] */
    { 0xb8200020, "LDADD",           "size=2 a=0 r=0 rs=0 rn=1 rt=0"      },  /* ldadd w0, w0, [x1] */
    { 0xb8201020, "LDCLR",           "size=2 a=0 r=0 rs=0 rn=1 rt=0"      },  /* ldclr w0, w0, [x1] */
    { 0xf8602020, "LDEOR",           "size=3 a=0 r=1 rs=0 rn=1 rt=0"      },  /* ldeorl x0, x0, [x1] */
    { 0xb8203020, "LDSET",           "size=2 a=0 r=0 rs=0 rn=1 rt=0"      },  /* ldset w0, w0, [x1] */
    { 0x387d42bc, "LDSMAX",          "size=0 a=0 r=1 rs=29 rn=21 rt=28"   },  /* ldsmaxlb w29, w28, [x21] */
    { 0x7839504c, "LDSMIN",          "size=1 a=0 r=0 rs=25 rn=2 rt=12"    },  /* ldsminh w25, w12, [x2] */
    { 0xb8e661bf, "LDUMAX",          "size=2 a=1 r=1 rs=6 rn=13 rt=31"    },  /* ldumaxal w6, wzr, [x13] */
    { 0x78af7153, "LDUMIN",          "size=1 a=1 r=0 rs=15 rn=10 rt=19"   },  /* lduminah w15, w19, [x10] */
    { 0xb8208020, "SWP",             "size=2 a=0 r=0 rs=0 rn=1 rt=0"      },  /* swp w0, w0, [x1] */
    { 0xf8bfc206, "LDAPR",           "size=3 rn=16 rt=6"                  },  /* ldapr x6, [x16] */
    { 0x5816dd14, "LDR_lit",         "sf=1 imm=46824 rt=20"               },  /* ldr x20, .+187296 */
    { 0x98a3153e, "LDRSW_lit",       "imm=-190295 rt=30"                  },  /* ldrsw x30, .-761180 */
    { 0xd864e507, "PRFM_lit",        "imm=206632 rt=7"                    },  /* prfm #0x07, .+826528 */
    { 0x5c80fc6a, "LDR_v_lit",       "opc=1 imm=-260125 rt=10"            },  /* ldr d10, .-1040500 */
    { 0x28226b19, "STNP",            "sf=0 imm=-60 rt2=26 rn=24 rt=25"    },  /* stnp w25, w26, [x24, #-240] */
    { 0xa85f4e3a, "LDNP",            "sf=1 imm=62 rt2=19 rn=17 rt=26"     },  /* ldnp x26, x19, [x17, #496] */
    { 0x6c085980, "STNP_v",          "opc=1 imm=16 rt2=22 rn=12 rt=0"     },  /* stnp d0, d22, [x12, #128] */
    { 0x6c4f6832, "LDNP_v",          "opc=1 imm=30 rt2=26 rn=1 rt=18"     },  /* ldnp d18, d26, [x1, #240] */
    { 0xa8812cca, "STP_post",        "sf=1 imm=2 rt2=11 rn=6 rt=10"       },  /* stp x10, x11, [x6], #16 */
    { 0xa8c37bfd, "LDP_post",        "sf=1 imm=6 rt2=30 rn=31 rt=29"      },  /* ldp x29, x30, [sp], #48 */
    { 0x68f6240a, "LDPSW_post",      "imm=-20 rt2=9 rn=0 rt=10"           },  /* ldpsw x10, x9, [x0], #-80 */
    { 0xac812468, "STP_v_post",      "opc=2 imm=2 rt2=9 rn=3 rt=8"        },  /* stp q8, q9, [x3], #32 */
    { 0xacc12468, "LDP_v_post",      "opc=2 imm=2 rt2=9 rn=3 rt=8"        },  /* ldp q8, q9, [x3], #32 */
    { 0xa90153f3, "STP",             "sf=1 imm=2 rt2=20 rn=31 rt=19"      },  /* stp x19, x20, [sp, #16] */
    { 0xa94157f3, "LDP",             "sf=1 imm=2 rt2=21 rn=31 rt=19"      },  /* ldp x19, x21, [sp, #16] */
    { 0x69428803, "LDPSW",           "imm=5 rt2=2 rn=0 rt=3"              },  /* ldpsw x3, x2, [x0, #20] */
    { 0xad000440, "STP_v",           "opc=2 imm=0 rt2=1 rn=2 rt=0"        },  /* stp q0, q1, [x2] */
    { 0xad400460, "LDP_v",           "opc=2 imm=0 rt2=1 rn=3 rt=0"        },  /* ldp q0, q1, [x3] */
    { 0xa9bf7bf0, "STP_pre",         "sf=1 imm=-2 rt2=30 rn=31 rt=16"     },  /* stp x16, x30, [sp, #-16]! */
    { 0xa9c4342c, "LDP_pre",         "sf=1 imm=8 rt2=13 rn=1 rt=12"       },  /* ldp x12, x13, [x1, #64]! */
    { 0x69d3dfef, "LDPSW_pre",       "imm=39 rt2=23 rn=31 rt=15"          },  /* ldpsw x15, x23, [sp, #156]! */
    { 0xadbe0ca2, "STP_v_pre",       "opc=2 imm=-4 rt2=3 rn=5 rt=2"       },  /* stp q2, q3, [x5, #-64]! */
    { 0xadfe0c82, "LDP_v_pre",       "opc=2 imm=-4 rt2=3 rn=4 rt=2"       },  /* ldp q2, q3, [x4, #-64]! */
    { 0xf883934f, "PRFUM",           "imm=57 rn=26 rt=15"                 },  /* prfum #0x0f, [x26, #57] */
    { 0xb81e8374, "LDST_unscaled",   "size=2 opc=0 imm=-24 rn=27 rt=20"   },  /* stur w20, [x27, #-24] */
    { 0x3cdb8080, "LDST_v_unscaled", "size=0 opc=3 imm=-72 rn=4 rt=0"     },  /* ldur q0, [x4, #-72] */
    { 0xf8010413, "LDST_post",       "size=3 opc=0 imm=16 rn=0 rt=19"     },  /* str x19, [x0], #16 */
    { 0x3c810560, "LDST_v_post",     "size=0 opc=2 imm=16 rn=11 rt=0"     },  /* str q0, [x11], #16 */
    { 0xb85f3935, "LDST_unpriv",     "size=2 opc=1 imm=-13 rn=9 rt=21"    },  /* ldtr w21, [x9, #-13] */
    { 0xf8028e7f, "LDST_pre",        "size=3 opc=0 imm=40 rn=19 rt=31"    },  /* str xzr, [x19, #40]! */
    { 0x3cc40c04, "LDST_v_pre",      "size=0 opc=3 imm=64 rn=0 rt=4"      },  /* ldr q4, [x0, #64]! */
    { 0xf8a27b16, "PRFM_reg",        "rm=2 option=3 s=1 rn=24 rt=22"      },  /* prfm #0x16, [x24, x2, lsl #3] */
    { 0xb8226861, "LDST_reg",        "size=2 opc=0 rm=2 option=3 s=0 rn=3 rt=1" },  /* str w1, [x3, x2] */
    { 0x3ca56801, "LDST_v_reg",      "size=0 opc=2 rm=5 option=3 s=0 rn=0 rt=1" },  /* str q1, [x0, x5] */
    { 0xf9800020, "PRFM_imm",        "imm=0 rn=1 rt=0"                    },  /* prfm pldl1keep, [x1] */
    { 0xf947fe11, "LDST_uimm",       "size=3 opc=1 imm=511 rn=16 rt=17"   },  /* ldr x17, [x16, #4088] */
    { 0xfd400801, "LDST_v_uimm",     "size=3 opc=1 imm=2 rn=0 rt=1"       },  /* ldr d1, [x0, #16] */
    { 0x0c0065d2, "ST_mult",         "q=0 opcode=6 size=1 rn=14 rt=18"    },  /* st1 {v18.4h-v20.4h}, [x14] */
    { 0x4c407061, "LD_mult",         "q=1 opcode=7 size=0 rn=3 rt=1"      },  /* ld1 {v1.16b}, [x3] */
    { 0x4c8f4355, "ST_mult_post",    "q=1 rm=15 opcode=4 size=0 rn=26 rt=21" },  /* st3 {v21.16b-v23.16b}, [x26], x15 */
    { 0x4cdf7040, "LD_mult_post",    "q=1 rm=31 opcode=7 size=0 rn=2 rt=0" },  /* ld1 {v0.16b}, [x2], #16 */
    { 0x4d40cc02, "LD_replicate",    "q=1 r=0 opc0=0 size=3 rn=0 rt=2"    },  /* ld1r {v2.2d}, [x0] */
    { 0x0dd6ec81, "LD_replicate_post", "q=0 r=0 rm=22 opc0=1 size=3 rn=4 rt=1" },  /* ld3r {v1.1d-v3.1d}, [x4], x22 */
    { 0x4d2013a4, "ST_single",       "q=1 r=1 opc=0 s=1 size=0 rn=29 rt=4" },  /* st2 {v4.b, v5.b}[12], [x29] */
    { 0x4d6079e0, "LD_single",       "q=1 r=1 opc=3 s=1 size=2 rn=15 rt=0" },  /* ld4 {v0.h-v3.h}[7], [x15] */
    { 0x4dbcb258, "ST_single_post",  "q=1 r=1 rm=28 opc=5 s=1 size=0 rn=18 rt=24" },  /* st4 {v24.s-v27.s}[3], [x18], x28 */
    { 0x0de06a4d, "LD_single_post",  "q=0 r=1 rm=0 opc=3 s=0 size=2 rn=18 rt=13" },  /* ld4 {v13.h-v16.h}[1], [x18], x0 */
    { 0x1ac80867, "UDIV",            "sf=0 rm=8 rn=3 rd=7"                },  /* udiv w7, w3, w8 */
    { 0x1ac10c43, "SDIV",            "sf=0 rm=1 rn=2 rd=3"                },  /* sdiv w3, w2, w1 */
    { 0x9ac22003, "LSLV",            "sf=1 rm=2 rn=0 rd=3"                },  /* lsl x3, x0, x2 */
    { 0x9ac026e4, "LSRV",            "sf=1 rm=0 rn=23 rd=4"               },  /* lsr x4, x23, x0 */
    { 0x1ad82ae0, "ASRV",            "sf=0 rm=24 rn=23 rd=0"              },  /* asr w0, w23, w24 */
    { 0x1ad42c37, "RORV",            "sf=0 rm=20 rn=1 rd=23"              },  /* ror w23, w1, w20 */
    { 0x9ad84cca, "CRC32",           "rm=24 c=0 sz=3 rn=6 rd=10"          },  /* crc32x w10, w6, x24 */
    { 0xdac00083, "RBIT",            "sf=1 rn=4 rd=3"                     },  /* rbit x3, x4 */
    { 0x5ac006a3, "REV16",           "sf=0 rn=21 rd=3"                    },  /* rev16 w3, w21 */
    { 0x5ac00820, "REV32",           "sf=0 rn=1 rd=0"                     },  /* rev w0, w1 */
    { 0xdac00dcd, "REV64",           "rn=14 rd=13"                        },  /* rev x13, x14 */
    { 0x5ac012a0, "CLZ",             "sf=0 rn=21 rd=0"                    },  /* clz w0, w21 */
    { 0x5ac014a3, "CLS",             "sf=0 rn=5 rd=3"                     },  /* cls w3, w5 */
    { 0x0a040003, "AND_r",           "sf=0 shift=0 rm=4 imm=0 rn=0 rd=3"  },  /* and w3, w0, w4 */
    { 0x8a200082, "BIC_r",           "sf=1 shift=0 rm=0 imm=0 rn=4 rd=2"  },  /* bic x2, x4, x0 */
    { 0xaa1503e2, "ORR_r",           "sf=1 shift=0 rm=21 imm=0 rn=31 rd=2" },  /* mov x2, x21 */
    { 0x2a2003f7, "ORN_r",           "sf=0 shift=0 rm=0 imm=0 rn=31 rd=23" },  /* mvn w23, w0 */
    { 0xca020034, "EOR_r",           "sf=1 shift=0 rm=2 imm=0 rn=1 rd=20" },  /* eor x20, x1, x2 */
    { 0xcab3fce5, "EON_r",           "sf=1 shift=2 rm=19 imm=63 rn=7 rd=5" },  /* eon x5, x7, x19, asr #63 */
    { 0x6a00003f, "ANDS_r",          "sf=0 shift=0 rm=0 imm=0 rn=1 rd=31" },  /* tst w1, w0 */
    { 0x6a2002ff, "BICS_r",          "sf=0 shift=0 rm=0 imm=0 rn=23 rd=31" },  /* bics wzr, w23, w0 */
    { 0x8b190002, "ADD_r",           "sf=1 shift=0 rm=25 imm=0 rn=0 rd=2" },  /* add x2, x0, x25 */
    { 0xab180061, "ADDS_r",          "sf=1 shift=0 rm=24 imm=0 rn=3 rd=1" },  /* adds x1, x3, x24 */
    { 0xcb1c0098, "SUB_r",           "sf=1 shift=0 rm=28 imm=0 rn=4 rd=24" },  /* sub x24, x4, x28 */
    { 0xeb14003f, "SUBS_r",          "sf=1 shift=0 rm=20 imm=0 rn=1 rd=31" },  /* cmp x1, x20 */
    { 0x8b33c341, "ADD_ext",         "sf=1 rm=19 option=6 imm=0 rn=26 rd=1" },  /* add x1, x26, w19, sxtw */
    { 0xab38c2a0, "ADDS_ext",        "sf=1 rm=24 option=6 imm=0 rn=21 rd=0" },  /* adds x0, x21, w24, sxtw */
    { 0xcb26c024, "SUB_ext",         "sf=1 rm=6 option=6 imm=0 rn=1 rd=4" },  /* sub x4, x1, w6, sxtw */
    { 0xeb20c27f, "SUBS_ext",        "sf=1 rm=0 option=6 imm=0 rn=19 rd=31" },  /* cmp x19, w0, sxtw */
    { 0x9a030080, "ADC",             "sf=1 rm=3 rn=4 rd=0"                },  /* adc x0, x4, x3 */
    { 0x3a180341, "ADCS",            "sf=0 rm=24 rn=26 rd=1"              },  /* adcs w1, w26, w24 */
    { 0x5a1f002b, "SBC",             "sf=0 rm=31 rn=1 rd=11"              },  /* sbc w11, w1, wzr */
    { 0x7a01018d, "SBCS",            "sf=0 rm=1 rn=12 rd=13"              },  /* sbcs w13, w12, w1 */
    { 0xba110466, "RMIF",            "imm=34 rn=3 mask=6"                 },  /* rmif x3, #34, #6 */
    { 0x3a000b8d, "SETF8",           "rn=28"                              },  /* setf8 w28 */
    { 0x3a004acd, "SETF16",          "rn=22"                              },  /* setf16 w22 */
    { 0xba54200c, "CCMN_r",          "sf=1 rm=20 cond=2 rn=0 nzcv=12"     },  /* ccmn x0, x20, #0xc, cs */
    { 0x7a580324, "CCMP_r",          "sf=0 rm=24 cond=0 rn=25 nzcv=4"     },  /* ccmp w25, w24, #0x4, eq */
    { 0xba419824, "CCMN_imm",        "sf=1 imm=1 cond=9 rn=1 nzcv=4"      },  /* ccmn x1, #0x1, #0x4, ls */
    { 0x7a471a60, "CCMP_imm",        "sf=0 imm=7 cond=1 rn=19 nzcv=0"     },  /* ccmp w19, #0x7, #0x0, ne */
    { 0x9a821066, "CSEL",            "sf=1 rm=2 cond=1 rn=3 rd=6"         },  /* csel x6, x3, x2, ne */
    { 0x1a9f1681, "CSINC",           "sf=0 rm=31 cond=1 rn=20 rd=1"       },  /* csinc w1, w20, wzr, ne */
    { 0xda9f1060, "CSINV",           "sf=1 rm=31 cond=1 rn=3 rd=0"        },  /* csinv x0, x3, xzr, ne */
    { 0x5a8097f3, "CSNEG",           "sf=0 rm=0 cond=9 rn=31 rd=19"       },  /* csneg w19, wzr, w0, ls */
    { 0x1b027c26, "MADD",            "sf=0 rm=2 ra=31 rn=1 rd=6"          },  /* mul w6, w1, w2 */
    { 0x9b04d2c0, "MSUB",            "sf=1 rm=4 ra=20 rn=22 rd=0"         },  /* msub x0, x22, x4, x20 */
    { 0x9b2b7c02, "SMADDL",          "rm=11 ra=31 rn=0 rd=2"              },  /* smull x2, w0, w11 */
    { 0x9b23d797, "SMSUBL",          "rm=3 ra=21 rn=28 rd=23"             },  /* smsubl x23, w28, w3, x21 */
    { 0x9b447c07, "SMULH",           "rm=4 rn=0 rd=7"                     },  /* smulh x7, x0, x4 */
    { 0x9ba57c27, "UMADDL",          "rm=5 ra=31 rn=1 rd=7"               },  /* umull x7, w1, w5 */
    { 0x9ba49442, "UMSUBL",          "rm=4 ra=5 rn=2 rd=2"                },  /* umsubl x2, w2, w4, x5 */
    { 0x9bc67c62, "UMULH",           "rm=6 rn=3 rd=2"                     },  /* umulh x2, x3, x6 */
    { 0x4e0804a2, "DUP_element",     "q=1 imm5=8 rn=5 rd=2"               },  /* dup v2.2d, v5.d[0] */
    { 0x4e080f80, "DUP_general",     "q=1 imm5=8 rn=28 rd=0"              },  /* dup v0.2d, x28 */
    { 0x4e0c1c40, "INS_general",     "imm5=12 rn=2 rd=0"                  },  /* mov v0.s[1], w2 */
    { 0x4e162e74, "SMOV",            "q=1 imm5=22 rn=19 rd=20"            },  /* smov x20, v19.h[5] */
    { 0x0e013c17, "UMOV",            "q=0 imm5=1 rn=0 rd=23"              },  /* umov w23, v0.b[0] */
    { 0x6e180420, "INS_element",     "imm5=24 imm4=0 rn=1 rd=0"           },  /* mov v0.d[1], v1.d[0] */
    { 0x4f000400, "SIMD_modimm",     "q=1 op=0 abc=0 cmode=0 o2=0 defgh=0 rd=0" },  /* movi v0.4s, #0x0 */
    { 0x4f220422, "SSHR_v",          "q=1 immh=4 immb=2 rn=1 rd=2"        },  /* sshr v2.4s, v1.4s, #30 */
    { 0x2f280403, "USHR_v",          "q=0 immh=5 immb=0 rn=0 rd=3"        },  /* ushr v3.2s, v0.2s, #24 */
    { 0x4f425400, "SHL_v",           "q=1 immh=8 immb=2 rn=0 rd=0"        },  /* shl v0.2d, v0.2d, #2 */
    { 0x0f0c8443, "SHRN_v",          "q=0 immh=1 immb=4 rn=2 rd=3"        },  /* shrn v3.8b, v2.8h, #4 */
    { 0x0f20a400, "SSHLL_v",         "q=0 immh=4 immb=0 rn=0 rd=0"        },  /* sxtl v0.2d, v0.2s */
    { 0x2f20a400, "USHLL_v",         "q=0 immh=4 immb=0 rn=0 rd=0"        },  /* uxtl v0.2d, v0.2s */
    { 0x4e251c42, "AND_v",           "q=1 rm=5 rn=2 rd=2"                 },  /* and v2.16b, v2.16b, v5.16b */
    { 0x4e601c40, "BIC_v",           "q=1 rm=0 rn=2 rd=0"                 },  /* bic v0.16b, v2.16b, v0.16b */
    { 0x4ea21c41, "ORR_v",           "q=1 rm=2 rn=2 rd=1"                 },  /* mov v1.16b, v2.16b */
    { 0x4ee01c60, "ORN_v",           "q=1 rm=0 rn=3 rd=0"                 },  /* orn v0.16b, v3.16b, v0.16b */
    { 0x6e231c41, "EOR_v",           "q=1 rm=3 rn=2 rd=1"                 },  /* eor v1.16b, v2.16b, v3.16b */
    { 0x6e7a1d9c, "BSL_v",           "q=1 rm=26 rn=12 rd=28"              },  /* bsl v28.16b, v12.16b, v26.16b */
    { 0x2ea21c20, "BIT_v",           "q=0 rm=2 rn=1 rd=0"                 },  /* bit v0.8b, v1.8b, v2.8b */
    { 0x2ee21c01, "BIF_v",           "q=0 rm=2 rn=0 rd=1"                 },  /* bif v1.8b, v0.8b, v2.8b */
    { 0x0ea53564, "CMGT_v",          "q=0 size=2 rm=5 rn=11 rd=4"         },  /* cmgt v4.2s, v11.2s, v5.2s */
    { 0x0e3e3fa1, "CMGE_v",          "q=0 size=0 rm=30 rn=29 rd=1"        },  /* cmge v1.8b, v29.8b, v30.8b */
    { 0x6eb63524, "CMHI_v",          "q=1 size=2 rm=22 rn=9 rd=4"         },  /* cmhi v4.4s, v9.4s, v22.4s */
    { 0x6e213c62, "CMHS_v",          "q=1 size=0 rm=1 rn=3 rd=2"          },  /* cmhs v2.16b, v3.16b, v1.16b */
    { 0x0e2b64e6, "SMAX_v",          "q=0 size=0 rm=11 rn=7 rd=6"         },  /* smax v6.8b, v7.8b, v11.8b */
    { 0x4e216ccf, "SMIN_v",          "q=1 size=0 rm=1 rn=6 rd=15"         },  /* smin v15.16b, v6.16b, v1.16b */
    { 0x2e7f6770, "UMAX_v",          "q=0 size=1 rm=31 rn=27 rd=16"       },  /* umax v16.4h, v27.4h, v31.4h */
    { 0x6e716cf7, "UMIN_v",          "q=1 size=1 rm=17 rn=7 rd=23"        },  /* umin v23.8h, v7.8h, v17.8h */
    { 0x0ea18400, "ADD_v",           "q=0 size=2 rm=1 rn=0 rd=0"          },  /* add v0.2s, v0.2s, v1.2s */
    { 0x2ea88400, "SUB_v",           "q=0 size=2 rm=8 rn=0 rd=0"          },  /* sub v0.2s, v0.2s, v8.2s */
    { 0x0e2f8c71, "CMTST_v",         "q=0 size=0 rm=15 rn=3 rd=17"        },  /* cmtst v17.8b, v3.8b, v15.8b */
    { 0x6e208c22, "CMEQ_v",          "q=1 size=0 rm=0 rn=1 rd=2"          },  /* cmeq v2.16b, v1.16b, v0.16b */
    { 0x0e6ba471, "SMAXP_v",         "q=0 size=1 rm=11 rn=3 rd=17"        },  /* smaxp v17.4h, v3.4h, v11.4h */
    { 0x4e38adf3, "SMINP_v",         "q=1 size=0 rm=24 rn=15 rd=19"       },  /* sminp v19.16b, v15.16b, v24.16b */
    { 0x6e21a400, "UMAXP_v",         "q=1 size=0 rm=1 rn=0 rd=0"          },  /* umaxp v0.16b, v0.16b, v1.16b */
    { 0x6e22ac20, "UMINP_v",         "q=1 size=0 rm=2 rn=1 rd=0"          },  /* uminp v0.16b, v1.16b, v2.16b */
    { 0x4e22bc20, "ADDP_v",          "q=1 size=0 rm=2 rn=1 rd=0"          },  /* addp v0.16b, v1.16b, v2.16b */
    { 0x0ea00800, "REV64_v",         "q=0 size=2 rn=0 rd=0"               },  /* rev64 v0.2s, v0.2s */
    { 0x4e201b43, "REV16_v",         "q=1 size=0 rn=26 rd=3"              },  /* rev16 v3.16b, v26.16b */
    { 0x2e200821, "REV32_v",         "q=0 size=0 rn=1 rd=1"               },  /* rev32 v1.8b, v1.8b */
    { 0x4ea02b9e, "SADDLP_v",        "q=1 size=2 rn=28 rd=30"             },  /* saddlp v30.2d, v28.4s */
    { 0x2e602ade, "UADDLP_v",        "q=0 size=1 rn=22 rd=30"             },  /* uaddlp v30.2s, v22.4h */
    { 0x0e205800, "CNT_v",           "q=0 rn=0 rd=0"                      },  /* cnt v0.8b, v0.8b */
    { 0x6e205821, "NOT_v",           "q=1 rn=1 rd=1"                      },  /* mvn v1.16b, v1.16b */
    { 0x2e6058ee, "RBIT_v",          "q=0 rn=7 rd=14"                     },  /* rbit v14.8b, v7.8b */
    { 0x0e2089c8, "CMGT0_v",         "q=0 size=0 rn=14 rd=8"              },  /* cmgt v8.8b, v14.8b, #0 */
    { 0x6e20886e, "CMGE0_v",         "q=1 size=0 rn=3 rd=14"              },  /* cmge v14.16b, v3.16b, #0 */
    { 0x4e209801, "CMEQ0_v",         "q=1 size=0 rn=0 rd=1"               },  /* cmeq v1.16b, v0.16b, #0 */
    { 0x6ee09afc, "CMLE0_v",         "q=1 size=3 rn=23 rd=28"             },  /* cmle v28.2d, v23.2d, #0 */
    { 0x4e60ab97, "CMLT0_v",         "q=1 size=1 rn=28 rd=23"             },  /* cmlt v23.8h, v28.8h, #0 */
    { 0x0ea0ba58, "ABS_v",           "q=0 size=2 rn=18 rd=24"             },  /* abs v24.2s, v18.2s */
    { 0x2e20b8e0, "NEG_v",           "q=0 size=0 rn=7 rd=0"               },  /* neg v0.8b, v7.8b */
    { 0x0ea12808, "XTN_v",           "q=0 size=2 rn=0 rd=8"               },  /* xtn v8.2s, v0.2d */
    { 0x0e703b80, "SADDLV",          "q=0 size=1 rn=28 rd=0"              },  /* saddlv s0, v28.4h */
    { 0x6e70387c, "UADDLV",          "q=1 size=1 rn=3 rd=28"              },  /* uaddlv s28, v3.8h */
    { 0x4e30a9db, "SMAXV",           "q=1 size=0 rn=14 rd=27"             },  /* smaxv b27, v14.16b */
    { 0x6eb0a8af, "UMAXV",           "q=1 size=2 rn=5 rd=15"              },  /* umaxv s15, v5.4s */
    { 0x4e71a98a, "SMINV",           "q=1 size=1 rn=12 rd=10"             },  /* sminv h10, v12.8h */
    { 0x6eb1a9dc, "UMINV",           "q=1 size=2 rn=14 rd=28"             },  /* uminv s28, v14.4s */
    { 0x0e31b800, "ADDV",            "q=0 size=0 rn=0 rd=0"               },  /* addv b0, v0.8b */
    { 0x4e841842, "UZP1_v",          "q=1 size=2 rm=4 rn=2 rd=2"          },  /* uzp1 v2.4s, v2.4s, v4.4s */
    { 0x0e502b77, "TRN1_v",          "q=0 size=1 rm=16 rn=27 rd=23"       },  /* trn1 v23.4h, v27.4h, v16.4h */
    { 0x4ec33821, "ZIP1_v",          "q=1 size=3 rm=3 rn=1 rd=1"          },  /* zip1 v1.2d, v1.2d, v3.2d */
    { 0x0e5e5b98, "UZP2_v",          "q=0 size=1 rm=30 rn=28 rd=24"       },  /* uzp2 v24.4h, v28.4h, v30.4h */
    { 0x4ec36b17, "TRN2_v",          "q=1 size=3 rm=3 rn=24 rd=23"        },  /* trn2 v23.2d, v24.2d, v3.2d */
    { 0x0e927931, "ZIP2_v",          "q=0 size=2 rm=18 rn=9 rd=17"        },  /* zip2 v17.2s, v9.2s, v18.2s */
    { 0x6e037840, "EXT_v",           "q=1 rm=3 imm4=15 rn=2 rd=0"         },  /* ext v0.16b, v2.16b, v3.16b, #15 */
    { 0x4e052042, "TBL_v",           "q=1 rm=5 len=1 rn=2 rd=2"           },  /* tbl v2.16b, {v2.16b, v3.16b}, v5.16b */
    { 0x4e131221, "TBX_v",           "q=1 rm=19 len=0 rn=17 rd=1"         },  /* tbx v1.16b, {v17.16b}, v19.16b */
    { 0x5e0e0503, "DUP_element_s",   "imm5=14 rn=8 rd=3"                  },  /* mov h3, v8.h[3] */
    { 0x5ef1b8d1, "ADDP_s",          "size=3 rn=6 rd=17"                  },  /* addp d17, v6.2d */
    { 0x9e02b60b, "SCVTF_fixed",     "sf=1 ftype=0 scale=45 rn=16 rd=11"  },  /* scvtf s11, x16, #19 */
    { 0x1ec392ab, "UCVTF_fixed",     "sf=0 ftype=3 scale=36 rn=21 rd=11"  },  /* ucvtf h11, w21, #28 */
    { 0x1e18c003, "FCVTZS_fixed",    "sf=0 ftype=0 scale=48 rn=0 rd=3"    },  /* fcvtzs w3, s0, #16 */
    { 0x1ed9eb67, "FCVTZU_fixed",    "sf=0 ftype=3 scale=58 rn=27 rd=7"   },  /* fcvtzu w7, h27, #6 */
    { 0x1ee000da, "FCVTNS_int",      "sf=0 ftype=3 rn=6 rd=26"            },  /* fcvtns w26, h6 */
    { 0x1ee100b5, "FCVTNU_int",      "sf=0 ftype=3 rn=5 rd=21"            },  /* fcvtnu w21, h5 */
    { 0x1e620321, "SCVTF_int",       "sf=0 ftype=1 rn=25 rd=1"            },  /* scvtf d1, w25 */
    { 0x9e2302a1, "UCVTF_int",       "sf=1 ftype=0 rn=21 rd=1"            },  /* ucvtf s1, x21 */
    { 0x1e240014, "FCVTAS_int",      "sf=0 ftype=0 rn=0 rd=20"            },  /* fcvtas w20, s0 */
    { 0x9e650133, "FCVTAU_int",      "sf=1 ftype=1 rn=9 rd=19"            },  /* fcvtau x19, d9 */
    { 0x1e680225, "FCVTPS_int",      "sf=0 ftype=1 rn=17 rd=5"            },  /* fcvtps w5, d17 */
    { 0x1e29006c, "FCVTPU_int",      "sf=0 ftype=0 rn=3 rd=12"            },  /* fcvtpu w12, s3 */
    { 0x9ef001f3, "FCVTMS_int",      "sf=1 ftype=3 rn=15 rd=19"           },  /* fcvtms x19, h15 */
    { 0x9ef100e8, "FCVTMU_int",      "sf=1 ftype=3 rn=7 rd=8"             },  /* fcvtmu x8, h7 */
    { 0x9ef80323, "FCVTZS_int",      "sf=1 ftype=3 rn=25 rd=3"            },  /* fcvtzs x3, h25 */
    { 0x1e390264, "FCVTZU_int",      "sf=0 ftype=0 rn=19 rd=4"            },  /* fcvtzu w4, s19 */
    { 0x9e660001, "FMOV_to_gen",     "sf=1 ftype=1 top=0 rn=0 rd=1"       },  /* fmov x1, d0 */
    { 0x9e670040, "FMOV_from_gen",   "sf=1 ftype=1 top=0 rn=2 rd=0"       },  /* fmov d0, x2 */
    { 0x1e7e0026, "FJCVTZS",         "rn=1 rd=6"                          },  /* fjcvtzs w6, d1 */
    { 0x1e604001, "FMOV_s",          "ftype=1 rn=0 rd=1"                  },  /* fmov d1, d0 */
    { 0x1e60c002, "FABS_s",          "ftype=1 rn=0 rd=2"                  },  /* fabs d2, d0 */
    { 0x1e614001, "FNEG_s",          "ftype=1 rn=0 rd=1"                  },  /* fneg d1, d0 */
    { 0x1e61c171, "FSQRT_s",         "ftype=1 rn=11 rd=17"                },  /* fsqrt d17, d11 */
    { 0x1e22c000, "FCVT_s",          "ftype=0 opc=1 rn=0 rd=0"            },  /* fcvt d0, s0 */
    { 0x1ee44132, "FRINTN_s",        "ftype=3 rn=9 rd=18"                 },  /* frintn h18, h9 */
    { 0x1e64c1ff, "FRINTP_s",        "ftype=1 rn=15 rd=31"                },  /* frintp d31, d15 */
    { 0x1e6540ad, "FRINTM_s",        "ftype=1 rn=5 rd=13"                 },  /* frintm d13, d5 */
    { 0x1e65c2f0, "FRINTZ_s",        "ftype=1 rn=23 rd=16"                },  /* frintz d16, d23 */
    { 0x1e66426f, "FRINTA_s",        "ftype=1 rn=19 rd=15"                },  /* frinta d15, d19 */
    { 0x1e2741b3, "FRINTX_s",        "ftype=0 rn=13 rd=19"                },  /* frintx s19, s13 */
    { 0x1e27c0bd, "FRINTI_s",        "ftype=0 rn=5 rd=29"                 },  /* frinti s29, s5 */
    { 0x1e682040, "FCMP",            "ftype=1 rm=8 rn=2 e=0 z=0"          },  /* fcmp d2, d8 */
    { 0x1e6e1001, "FMOV_imm_s",      "ftype=1 imm8=112 rd=1"              },  /* fmov d1, #1.0 */
    { 0x1e611404, "FCCMP",           "ftype=1 rm=1 cond=1 rn=0 e=0 nzcv=4" },  /* fccmp d0, d1, #0x4, ne */
    { 0x1e630824, "FMUL_s",          "ftype=1 rm=3 rn=1 rd=4"             },  /* fmul d4, d1, d3 */
    { 0x1e221820, "FDIV_s",          "ftype=0 rm=2 rn=1 rd=0"             },  /* fdiv s0, s1, s2 */
    { 0x1e222820, "FADD_s",          "ftype=0 rm=2 rn=1 rd=0"             },  /* fadd s0, s1, s2 */
    { 0x1e223820, "FSUB_s",          "ftype=0 rm=2 rn=1 rd=0"             },  /* fsub s0, s1, s2 */
    { 0x1e6d4a23, "FMAX_s",          "ftype=1 rm=13 rn=17 rd=3"           },  /* fmax d3, d17, d13 */
    { 0x1ee459fb, "FMIN_s",          "ftype=3 rm=4 rn=15 rd=27"           },  /* fmin h27, h15, h4 */
    { 0x1eeb6931, "FMAXNM_s",        "ftype=3 rm=11 rn=9 rd=17"           },  /* fmaxnm h17, h9, h11 */
    { 0x1e667b29, "FMINNM_s",        "ftype=1 rm=6 rn=25 rd=9"            },  /* fminnm d9, d25, d6 */
    { 0x1efd8acf, "FNMUL_s",         "ftype=3 rm=29 rn=22 rd=15"          },  /* fnmul h15, h22, h29 */
    { 0x1e600c20, "FCSEL",           "ftype=1 rm=0 cond=0 rn=1 rd=0"      },  /* fcsel d0, d1, d0, eq */
    { 0x1f1a6165, "FMADD",           "ftype=0 rm=26 ra=24 rn=11 rd=5"     },  /* fmadd s5, s11, s26, s24 */
    { 0x1fccdbb4, "FMSUB",           "ftype=3 rm=12 ra=22 rn=29 rd=20"    },  /* fmsub h20, h29, h12, h22 */
    { 0x1f3678d1, "FNMADD",          "ftype=0 rm=22 ra=30 rn=6 rd=17"     },  /* fnmadd s17, s6, s22, s30 */
    { 0x1ffc95dd, "FNMSUB",          "ftype=3 rm=28 ra=5 rn=14 rd=29"     },  /* fnmsub h29, h14, h28, h5 */
    { 0xb1400420, "ADDS_imm",        "sf=1 sh=1 imm=1 rn=1 rd=0"          },  /* adds x0, x1, #0x1, lsl #12 */
    { 0x17ffffff, "B",               "imm=-1"                             },  /* b .-4 */
    { 0xf85f83e0, "LDST_unscaled",   "size=3 opc=1 imm=-8 rn=31 rt=0"     },  /* ldur x0, [sp, #-8] */
    { 0x3d800fe0, "LDST_v_uimm",     "size=0 opc=2 imm=3 rn=31 rt=0"      },  /* str q0, [sp, #48] */
};

START_TEST(test_decode_known_word_gives_row_and_fields)
{
    const KnownWord *k = &known_words[_i];
    A64Args args;
    int r = a64_decode_row(k->insn, &args);
    const A64DecodeRow *row;
    g_auto(GStrv) fields = NULL;

    ck_assert_msg(r >= 0, "0x%08x: no row, expected %s", k->insn, k->row);
    row = &a64_decode_rows[r];
    ck_assert_msg(strcmp(row->name, k->row) == 0, "0x%08x: row %s, expected %s",
                  k->insn, row->name, k->row);
    fields = g_strsplit(k->fields, " ", -1);
    ck_assert_uint_eq(g_strv_length(fields), row->nfields);
    for (unsigned n = 0; n < row->nfields; n++) {
        char name[32];
        int value;

        ck_assert_int_eq(sscanf(fields[n], "%31[^=]=%d", name, &value), 2);
        ck_assert_str_eq(name, row->fields[n].name);
        ck_assert_msg(arg_ints(&args)[n] == value, "0x%08x %s: %s = %d, expected %d",
                      k->insn, row->name, name, arg_ints(&args)[n], value);
    }
}
END_TEST

START_TEST(test_decode_adds_imm_shifted_extracts_sh_and_imm)
{
    A64Args a;

    ck_assert_int_eq(a64_decode_row(0xb1400420, &a), A64_ROW_ADDS_imm);  /* adds x0, x1, #0x1, lsl #12 */
    ck_assert_str_eq(a64_decode_rows[A64_ROW_ADDS_imm].name, "ADDS_imm");
    ck_assert_int_eq(a.ADDS_imm.sf, 1);
    ck_assert_int_eq(a.ADDS_imm.sh, 1);
    ck_assert_int_eq(a.ADDS_imm.imm, 1);
    ck_assert_int_eq(a.ADDS_imm.rn, 1);
    ck_assert_int_eq(a.ADDS_imm.rd, 0);
}
END_TEST

START_TEST(test_decode_signed_fields_are_sign_extended)
{
    A64Args a;

    ck_assert_int_eq(a64_decode_row(0x17ffffff, &a), A64_ROW_B);      /* b .-4 */
    ck_assert_int_eq(a.B.imm, -1);
    ck_assert_int_eq(a64_decode_row(0x15ffffff, &a), A64_ROW_B);      /* b .+0x7fffffc */
    ck_assert_int_eq(a.B.imm, 0x1ffffff);
    ck_assert_int_eq(a64_decode_row(0x16000000, &a), A64_ROW_B);      /* b .-0x8000000 */
    ck_assert_int_eq(a.B.imm, -0x2000000);
    ck_assert_int_eq(a64_decode_row(0xa9bf7bfd, &a), A64_ROW_STP_pre); /* stp x29, x30, [sp, #-16]! */
    ck_assert_int_eq(a.STP_pre.imm, -2);
    ck_assert_int_eq(a64_decode_row(0xf0ffffe0, &a), A64_ROW_ADRP);   /* adrp x0, .page-1 */
    ck_assert_int_eq(a.ADRP.immhi, -1);
    ck_assert_int_eq(a.ADRP.immlo, 3);
}
END_TEST

/* -- Priority groups ------------------------------------------------------ */

START_TEST(test_decode_group_specific_row_wins_over_general)
{
    A64Args a;

    /* PRFM is carved out of LDST_uimm (size 11, opc 10) */
    ck_assert_int_eq(a64_decode_row(0xf9800020, &a), A64_ROW_PRFM_imm);   /* prfm pldl1keep, [x1] */
    ck_assert_int_eq(a64_decode_row(0xf9400020, &a), A64_ROW_LDST_uimm);  /* ldr x0, [x1] */
    /* the modified-immediate encodings are shift-by-immediate with immh = 0 */
    ck_assert_int_eq(a64_decode_row(0x4f000400, &a), A64_ROW_SIMD_modimm); /* movi v0.4s, #0x0 */
    ck_assert_int_eq(a64_decode_row(0x4f080400, &a), A64_ROW_SSHR_v);     /* sshr v0.16b, v0.16b, #8 */
    /* named three-same rows before the class row */
    ck_assert_int_eq(a64_decode_row(0x6e208c00, &a), A64_ROW_CMEQ_v);     /* cmeq v0.16b, v0.16b, v0.16b */
    ck_assert_int_eq(a64_decode_row(0x4e200c00, &a), A64_ROW_SIMD_3same); /* sqadd v0.16b, v0.16b, v0.16b */
    ck_assert_int_eq(a.SIMD_3same.opcode, 1);
}
END_TEST

/* -- Unallocated words ---------------------------------------------------- */

static const uint32_t unallocated_words[] = {
    0x00000000,     /* udf #0 */
    0x0000ffff,     /* udf #65535 */
    0xffffffff,
    0x13401c20,     /* SBFM: sf = 0 with N = 1 */
    0x12400000,     /* AND (immediate): sf = 0 with N = 1 */
    0x52c00000,     /* MOVZ: sf = 0 with hw = 2 */
    0x33800000,     /* bitfield: opc = 11 */
    0x8bc00000,     /* ADD (shifted register): shift = 11 */
    0x0b008000,     /* ADD (shifted register): sf = 0, amount 32 */
    0x8b20f400,     /* ADD (extended register): shift 5 */
    0x5ac00c00,     /* REV (64-bit encoding) with sf = 0 */
    0x1ac04c00,     /* CRC32X with sf = 0 */
    0x9ac04000,     /* CRC32B with sf = 1 */
    0x1a800c00,     /* conditional select: op2 = 11 */
    0xd4000000,     /* exception generation: LL = 00 */
    0xd65f0001,     /* RET with op4 = 00001 */
    0xd61f0801,     /* BRAAZ with Rm = 00001 */
    0xd69f03e0,     /* eret (EL1 only) */
    0x54000010,     /* bc.eq .+0 (FEAT_HBC, not implemented) */
    0xd5200000,     /* mrs x0, s0_0_c0_c0_0: op0 = 00 */
    0xf9c00020,     /* LDR (unsigned immediate): size 11, opc 11 */
    0xb9c00020,     /* LDR (unsigned immediate): size 10, opc 11 */
    0xf8800420,     /* LDR (post-indexed): size 11, opc 10 has no PRFM */
    0xf8620820,     /* LDR (register): option = 000 */
    0x7dc00020,     /* LDR (SIMD&FP): size 01, opc 11 */
    0xec000000,     /* STNP (SIMD&FP): opc = 11 */
    0x69000000,     /* stgp x0, x0, [x0] (MTE) */
    0xd9200800,     /* stg x0, [x0] (MTE) */
    0x4c401000,     /* LD1-4 (multiple structures): opcode 0001 */
    0x0c400c00,     /* LD4 {.1d}: Q = 0 with size = 11 */
    0x0d00c000,     /* load-and-replicate opcode with L = 0 */
    0x88a07800,     /* CAS with Rt2 = 11110 */
    0x0e000400,     /* DUP (element) with imm5 = 00000 */
    0x7f000400,     /* AdvSIMD scalar shift by immediate with immh = 0000 */
    0x0e401400,     /* fadd v0.4h, v0.4h, v0.4h (FEAT_FP16) */
    0x25221ce1,     /* whilelo p1.b, x7, x2 (SVE) */
    0xe400e000,     /* st1b {z0.b}, p0, [x0] (SVE) */
};

START_TEST(test_decode_unallocated_word_gives_minus_one)
{
    uint32_t insn = unallocated_words[_i];
    A64Args args;
    int r = a64_decode_row(insn, &args);

    ck_assert_msg(r == -1, "0x%08x decodes as %s", insn, r >= 0 ? a64_decode_rows[r].name : "-");
}
END_TEST

static Suite *a64_decode_suite(void)
{
    Suite *s = suite_create("a64-decode");
    TCase *tc = tcase_create("table");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_decode_row_match_word_decodes_to_itself_or_earlier_group_row);
    tcase_add_test(tc, test_decode_row_random_fillings_decode_to_a_satisfied_row);
    tcase_add_test(tc, test_decode_row_table_fields_fit_the_free_bits);
    tcase_add_test(tc, test_decode_group_rows_share_their_group_with_another_row);
    tcase_add_test(tc, test_decode_rows_outside_groups_overlap_nothing);
    tcase_add_test(tc, test_decode_random_words_agree_with_linear_reference);
    suite_add_tcase(s, tc);

    tc = tcase_create("words");
    tcase_add_loop_test(tc, test_decode_known_word_gives_row_and_fields,
                        0, G_N_ELEMENTS(known_words));
    tcase_add_test(tc, test_decode_adds_imm_shifted_extracts_sh_and_imm);
    tcase_add_test(tc, test_decode_signed_fields_are_sign_extended);
    tcase_add_test(tc, test_decode_group_specific_row_wins_over_general);
    tcase_add_loop_test(tc, test_decode_unallocated_word_gives_minus_one,
                        0, G_N_ELEMENTS(unallocated_words));
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(a64_decode_suite)
