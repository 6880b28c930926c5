// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * howvec.c: a histogram of executed instructions by AArch64 encoding class
 * ("how vectorised is this code?").
 *
 *     arm-uemu -d plugin -plugin libhowvec.so[,inline=on][,verbose=on]
 *              [,count=CLASS]...[,count=!CLASS]... ./a.out
 *
 * Each instruction word is matched against the class table below, first
 * match wins; its class counter goes up each time it runs (a callback, or an
 * inline addition with inline=on). Arguments and output are those of QEMU's
 * contrib/plugins/howvec.c:
 *
 *   verbose=BOOL   list classes with no hits too
 *   count=OPT      count the instructions of class OPT one by one (by
 *                  instruction word) instead of as a class
 *   count=!OPT     do not count class OPT at all
 *
 *     Instruction Classes:
 *     Class:   PCrel addr            <TAB>(1520 hits)
 *     Class:   Cond Branch (imm)     <TAB>counted individually
 *     Class:     NOP                 <TAB>not counted
 *     Individual Instructions:
 *     Instr: b.ne #0x401f30          <TAB>(815 hits)<TAB>(op=0x54ffff81/  Cond Branch (imm))
 *
 * The individual list appears only with two or more distinct instructions,
 * holds at most 50 rows, most hits first (ties by instruction word; QEMU
 * leaves them unordered), and, as in QEMU, never shows the last one.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define HOWVEC_LIMIT 50

typedef enum {
    HOWVEC_CLASS,                   /* one counter for the class */
    HOWVEC_INDIVIDUAL,              /* one counter per instruction word */
    HOWVEC_NONE,                    /* not counted */
} HowvecMode;

/* A row of the class table: matches when (word & mask) == pattern. */
typedef struct {
    const char *name;               /* leading spaces show the hierarchy */
    const char *opt;                /* the count= name */
    uint32_t mask;
    uint32_t pattern;
    HowvecMode mode;                /* default; count= changes the copy */
} InsnClassDef;

/* A class at run time. */
typedef struct {
    const InsnClassDef *def;
    HowvecMode mode;
    qemu_plugin_u64 count;
} InsnClass;

/* count=OPT: one instruction word, its text and hits. */
typedef struct {
    uint32_t opcode;
    char *disas;
    const InsnClass *cls;
    qemu_plugin_u64 count;
} InsnRecord;

/*
 * The A64 encoding classes, as QEMU's table has them (names, option names,
 * mask/pattern and order are its interface): the ARM ARM's top-level groups
 * (op0, bits 28:25) and some of their subgroups. Order matters: a precise
 * match must come before the looser one that contains it.
 */
static const InsnClassDef aarch64_classes[] = {
    /*  name                    opt        mask        pattern     mode */
    /* Reserved */
    { "  UDEF",                 "udef",    0xffff0000, 0x00000000, HOWVEC_NONE },
    { "  SVE",                  "sve",     0x1e000000, 0x04000000, HOWVEC_CLASS },
    { "Reserved",               "res",     0x1e000000, 0x00000000, HOWVEC_CLASS },
    /* Data processing (immediate) */
    { "  PCrel addr",           "pcrel",   0x1f000000, 0x10000000, HOWVEC_CLASS },
    { "  Add/Sub (imm,tags)",   "asit",    0x1f800000, 0x11800000, HOWVEC_CLASS },
    { "  Add/Sub (imm)",        "asi",     0x1f000000, 0x11000000, HOWVEC_CLASS },
    { "  Logical (imm)",        "logi",    0x1f800000, 0x12000000, HOWVEC_CLASS },
    { "  Move Wide (imm)",      "movwi",   0x1f800000, 0x12800000, HOWVEC_CLASS },
    { "  Bitfield",             "bitf",    0x1f800000, 0x13000000, HOWVEC_CLASS },
    { "  Extract",              "extr",    0x1f800000, 0x13800000, HOWVEC_CLASS },
    { "Data Proc Imm",          "dpri",    0x1c000000, 0x10000000, HOWVEC_CLASS },
    /* Branches, exception generation and system instructions */
    { "  Cond Branch (imm)",    "cndb",    0xfe000000, 0x54000000, HOWVEC_CLASS },
    { "  Exception Gen",        "excp",    0xff000000, 0xd4000000, HOWVEC_CLASS },
    { "    NOP",                "nop",     0xffffffff, 0xd503201f, HOWVEC_NONE },
    { "  Hints",                "hint",    0xfffff000, 0xd5032000, HOWVEC_CLASS },
    { "  Barriers",             "barr",    0xfffff000, 0xd5033000, HOWVEC_CLASS },
    { "  PSTATE",               "psta",    0xfff8f000, 0xd5004000, HOWVEC_CLASS },
    { "  System Insn",          "sins",    0xffd80000, 0xd5080000, HOWVEC_CLASS },
    { "  System Reg",           "sreg",    0xffd00000, 0xd5100000, HOWVEC_CLASS },
    { "  Branch (reg)",         "breg",    0xfe000000, 0xd6000000, HOWVEC_CLASS },
    { "  Branch (imm)",         "bimm",    0x7c000000, 0x14000000, HOWVEC_CLASS },
    { "  Cmp & Branch",         "cmpb",    0x7e000000, 0x34000000, HOWVEC_CLASS },
    { "  Tst & Branch",         "tstb",    0x7e000000, 0x36000000, HOWVEC_CLASS },
    { "Branches",               "branch",  0x1c000000, 0x14000000, HOWVEC_CLASS },
    /* Loads and stores */
    { "  AdvSimd ldstmult",     "advlsm",  0xbfbf0000, 0x0c000000, HOWVEC_CLASS },
    { "  AdvSimd ldstmult++",   "advlsmp", 0xbfb00000, 0x0c800000, HOWVEC_CLASS },
    { "  AdvSimd ldst",         "advlss",  0xbf9f0000, 0x0d000000, HOWVEC_CLASS },
    { "  AdvSimd ldst++",       "advlssp", 0xbf800000, 0x0d800000, HOWVEC_CLASS },
    { "  ldst excl",            "ldstx",   0x3f000000, 0x08000000, HOWVEC_CLASS },
    { "    Prefetch",           "prfm",    0xff000000, 0xd8000000, HOWVEC_CLASS },
    { "  Load Reg (lit)",       "ldlit",   0x1b000000, 0x18000000, HOWVEC_CLASS },
    { "  ldst noalloc pair",    "ldstnap", 0x3b800000, 0x28000000, HOWVEC_CLASS },
    { "  ldst pair",            "ldstp",   0x38000000, 0x28000000, HOWVEC_CLASS },
    { "  ldst reg",             "ldstr",   0x3b200000, 0x38000000, HOWVEC_CLASS },
    { "  Atomic ldst",          "atomic",  0x3b200c00, 0x38200000, HOWVEC_CLASS },
    { "  ldst reg (reg off)",   "ldstro",  0x3b200b00, 0x38200800, HOWVEC_CLASS },
    { "  ldst reg (pac)",       "ldstpa",  0x3b200200, 0x38200800, HOWVEC_CLASS },
    { "  ldst reg (imm)",       "ldsti",   0x3b000000, 0x39000000, HOWVEC_CLASS },
    { "Loads & Stores",         "ldst",    0x0a000000, 0x08000000, HOWVEC_CLASS },
    /* Data processing (register), scalar FP and Advanced SIMD */
    { "Data Proc Reg",          "dprr",    0x0e000000, 0x0a000000, HOWVEC_CLASS },
    { "Scalar FP ",             "fpsimd",  0x0e000000, 0x0e000000, HOWVEC_CLASS },
    /* Everything else (the table's catch-all) */
    { "Unclassified",           "unclas",  0x00000000, 0x00000000, HOWVEC_CLASS },
};

/* Any other target: every instruction counted individually, as QEMU. */
static const InsnClassDef default_classes[] = {
    { "Unclassified",           "unclas",  0x00000000, 0x00000000, HOWVEC_INDIVIDUAL },
};

static InsnClass *classes;          /* one per row of the chosen table */
static size_t n_classes;
static bool use_inline;
static bool verbose;
static GHashTable *records;         /* opcode -> InsnRecord *, under lock */
static GMutex records_lock;

static qemu_plugin_u64 howvec_new_counter(void)
{
    return qemu_plugin_scoreboard_u64(qemu_plugin_scoreboard_new(sizeof(uint64_t)));
}

/* -- Translation -------------------------------------------------------- */

/* The counter an instruction adds to, or NULL if it is not counted. */
static qemu_plugin_u64 *howvec_counter(struct qemu_plugin_insn *insn)
{
    uint32_t opcode = 0;
    InsnClass *cls = &classes[n_classes - 1];
    InsnRecord *rec;

    qemu_plugin_insn_data(insn, &opcode, sizeof(opcode));
    for (size_t i = 0; i < n_classes; i++) {
        if ((opcode & classes[i].def->mask) == classes[i].def->pattern) {
            cls = &classes[i];
            break;
        }
    }

    switch (cls->mode) {
    case HOWVEC_NONE:
        return NULL;
    case HOWVEC_CLASS:
        return &cls->count;
    case HOWVEC_INDIVIDUAL:
        break;
    }
    g_mutex_lock(&records_lock);
    rec = g_hash_table_lookup(records, GUINT_TO_POINTER(opcode));
    if (!rec) {
        rec = g_new0(InsnRecord, 1);
        rec->opcode = opcode;
        rec->disas = qemu_plugin_insn_disas(insn);
        rec->cls = cls;
        rec->count = howvec_new_counter();
        g_hash_table_insert(records, GUINT_TO_POINTER(opcode), rec);
    }
    g_mutex_unlock(&records_lock);
    return &rec->count;
}

static void howvec_exec(unsigned int vcpu_index, void *userdata)
{
    qemu_plugin_u64_add(*(qemu_plugin_u64 *)userdata, vcpu_index, 1);
}

static void howvec_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        qemu_plugin_u64 *counter = howvec_counter(insn);

        if (!counter) {
            continue;
        }
        if (use_inline) {
            qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
                insn, QEMU_PLUGIN_INLINE_ADD_U64, *counter, 1);
        } else {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, howvec_exec,
                                                   QEMU_PLUGIN_CB_NO_REGS,
                                                   counter);
        }
    }
}

/* -- Summary ------------------------------------------------------------ */

static gint howvec_by_hits(gconstpointer p, gconstpointer q)
{
    const InsnRecord *a = p, *b = q;
    uint64_t ha = qemu_plugin_u64_sum(a->count);
    uint64_t hb = qemu_plugin_u64_sum(b->count);

    if (ha != hb) {
        return ha > hb ? -1 : 1;
    }
    return a->opcode < b->opcode ? -1 : a->opcode > b->opcode;
}

static void howvec_exit(void *userdata)
{
    g_autoptr(GString) out = g_string_new("Instruction Classes:\n");
    GList *all;
    int rows = 0;

    for (size_t i = 0; i < n_classes; i++) {
        const InsnClass *c = &classes[i];
        uint64_t hits;

        switch (c->mode) {
        case HOWVEC_CLASS:
            hits = qemu_plugin_u64_sum(c->count);
            if (hits || verbose) {
                g_string_append_printf(out, "Class: %-24s\t(%" PRId64 " hits)\n",
                                       c->def->name, hits);
            }
            break;
        case HOWVEC_INDIVIDUAL:
            g_string_append_printf(out, "Class: %-24s\tcounted individually\n",
                                   c->def->name);
            break;
        case HOWVEC_NONE:
            g_string_append_printf(out, "Class: %-24s\tnot counted\n",
                                   c->def->name);
            break;
        }
    }

    all = g_list_sort(g_hash_table_get_values(records), howvec_by_hits);
    if (all && all->next) {
        g_string_append(out, "Individual Instructions:\n");
    }
    /* As QEMU: the last record of the sorted list is never printed. */
    for (GList *l = all; l && l->next && rows < HOWVEC_LIMIT;
         l = l->next, rows++) {
        const InsnRecord *r = l->data;

        g_string_append_printf(out, "Instr: %-24s\t(%" PRId64 " hits)"
                               "\t(op=0x%08x/%s)\n", r->disas,
                               qemu_plugin_u64_sum(r->count), r->opcode,
                               r->cls ? r->cls->def->name : "un-categorised");
    }
    g_list_free(all);
    qemu_plugin_outs(out->str);
}

/* -- Installation ------------------------------------------------------- */

/* count=OPT or count=!OPT; an unknown class name is ignored, as in QEMU. */
static void howvec_set_mode(const char *value)
{
    HowvecMode mode = HOWVEC_INDIVIDUAL;

    if (!value) {
        return;
    }
    if (*value == '!') {
        mode = HOWVEC_NONE;
        value++;
    }
    for (size_t i = 0; i < n_classes; i++) {
        if (!strcmp(value, classes[i].def->opt)) {
            classes[i].mode = mode;
            return;
        }
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    const InsnClassDef *table = default_classes;

    n_classes = G_N_ELEMENTS(default_classes);
    if (!strcmp(info->target_name, "aarch64")) {
        table = aarch64_classes;
        n_classes = G_N_ELEMENTS(aarch64_classes);
    }
    classes = g_new0(InsnClass, n_classes);
    for (size_t i = 0; i < n_classes; i++) {
        classes[i].def = &table[i];
        classes[i].mode = table[i].mode;
    }

    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", -1);
        bool *flag;

        if (!g_strcmp0(kv[0], "count")) {
            howvec_set_mode(kv[1]);
            continue;
        } else if (!g_strcmp0(kv[0], "inline")) {
            flag = &use_inline;
        } else if (!g_strcmp0(kv[0], "verbose")) {
            flag = &verbose;
        } else {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
        if (!qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
            return -1;
        }
    }

    for (size_t i = 0; i < n_classes; i++) {
        classes[i].count = howvec_new_counter();
    }
    records = g_hash_table_new(NULL, NULL);
    qemu_plugin_register_vcpu_tb_trans_cb(id, howvec_tb_trans, NULL);
    qemu_plugin_register_atexit_cb(id, howvec_exit, NULL);
    return 0;
}
