// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * execlog.c: log every executed instruction with its memory accesses and,
 * optionally, the registers it changed.
 *
 *     arm-uemu -d plugin -plugin libexeclog.so[,ifilter=PREFIX]...
 *              [,afilter=HEXADDR]...[,reg=GLOB]...[,rdisas=on] ./a.out
 *
 * Arguments and output are those of QEMU's contrib/plugins/execlog.c. One
 * line per executed instruction:
 *
 *     0, 0x400580, 0xd280001d, "movz x29, #0"
 *     0, 0x4005a4, 0xf81f0fe1, "str x1, [sp, #-0x10]!", store, 0x7fffb5a0
 *     0, 0x4005c0, 0x91000421, "add x1, x1, #1", x1 -> 0x0000000000000002
 *
 * vCPU, address, the instruction word, its disassembly; then ", load" or
 * ", store" and the guest virtual address of each access (a physical address
 * and device name in system emulation); then, for each register matched by
 * reg=, ", name -> 0xVALUE" if the instruction changed it (most significant
 * byte first). A line is printed when the vCPU starts its next instruction,
 * and at exit for the last one.
 *
 *   ifilter=PREFIX  only instructions whose disassembly starts with PREFIX
 *   afilter=HEX     only the instruction at that address
 *   reg=GLOB        watch registers whose gdb name, or its lower-case form,
 *                   matches GLOB (g_pattern syntax: * and ?)
 *   rdisas=BOOL     check registers only after instructions whose operands
 *                   name a watched register (faster, trusts the disassembly)
 *
 * A register matched by two patterns is watched once (QEMU's plugin watches
 * it twice and prints its change twice).
 *
 * Written for the default API (version 7). The test suite also builds it
 * with -DQEMU_PLUGIN_API_VERSION=1, the only version QEMU 7.2 loads, to
 * compare traces with qemu-aarch64; that build has no reg= or rdisas=
 * (registers arrived in version 2).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define EXECLOG_HAS_REGISTERS (QEMU_PLUGIN_VERSION >= 2)

#if EXECLOG_HAS_REGISTERS
/* A watched register of one vCPU: its last value and a scratch buffer. */
typedef struct {
    struct qemu_plugin_register *handle;
    const char *name;               /* lower case, interned */
    GByteArray *last;
    GByteArray *now;
} WatchedReg;
#endif

/* Per vCPU: the pending line and the watched registers. */
typedef struct {
    GString *line;                  /* empty until the first instruction */
    GPtrArray *regs;                /* WatchedReg *, or NULL */
} ExeclogCpu;

static GPtrArray *ifilters;         /* char *, or NULL */
static GArray *afilters;            /* uint64_t, or NULL */
#if EXECLOG_HAS_REGISTERS
static GPtrArray *reg_patterns;     /* char *, or NULL */
static bool disas_assist;
static GPtrArray *watched_names;    /* rdisas: names of watched registers */
static GMutex watched_names_lock;
#endif

/* -- Per-vCPU state ----------------------------------------------------- */

#if EXECLOG_HAS_REGISTERS
static struct qemu_plugin_scoreboard *cpus;     /* ExeclogCpu */

static ExeclogCpu *execlog_cpu(unsigned int vcpu_index)
{
    ExeclogCpu *c = qemu_plugin_scoreboard_find(cpus, vcpu_index);

    if (!c->line) {
        c->line = g_string_new(NULL);
    }
    return c;
}

static unsigned int execlog_num_cpus(void)
{
    return qemu_plugin_num_vcpus();
}
#else
/* Version 1 has no scoreboards: an array of stable pointers, grown under
 * a lock as vCPUs show up. */
static GPtrArray *cpus;             /* ExeclogCpu * */
static GMutex cpus_lock;

static ExeclogCpu *execlog_cpu(unsigned int vcpu_index)
{
    ExeclogCpu *c;

    g_mutex_lock(&cpus_lock);
    while (cpus->len <= vcpu_index) {
        c = g_new0(ExeclogCpu, 1);
        c->line = g_string_new(NULL);
        g_ptr_array_add(cpus, c);
    }
    c = g_ptr_array_index(cpus, vcpu_index);
    g_mutex_unlock(&cpus_lock);
    return c;
}

static unsigned int execlog_num_cpus(void)
{
    return cpus->len;
}
#endif

/* Print the pending line of @c, if any, and forget it. */
static void execlog_flush(ExeclogCpu *c)
{
    if (c->line->len) {
        g_string_append_c(c->line, '\n');
        qemu_plugin_outs(c->line->str);
        g_string_truncate(c->line, 0);
    }
}

/* -- Registers (version 2+) --------------------------------------------- */

#if EXECLOG_HAS_REGISTERS
/* Append ", name -> 0xVALUE" for each watched register that changed. */
static void execlog_check_regs(ExeclogCpu *c)
{
    for (guint i = 0; c->regs && i < c->regs->len; i++) {
        WatchedReg *r = g_ptr_array_index(c->regs, i);
        GByteArray *tmp;

        g_byte_array_set_size(r->now, 0);
        if (!qemu_plugin_read_register(r->handle, r->now) ||
            r->now->len != r->last->len ||
            !memcmp(r->now->data, r->last->data, r->now->len)) {
            continue;
        }
        g_string_append_printf(c->line, ", %s -> 0x", r->name);
        for (guint b = r->now->len; b-- > 0;) {
            g_string_append_printf(c->line, "%02x", r->now->data[b]);
        }
        tmp = r->last;
        r->last = r->now;
        r->now = tmp;
    }
}

static bool execlog_reg_wanted(const char *name)
{
    g_autofree char *lower = g_ascii_strdown(name, -1);

    for (guint p = 0; p < reg_patterns->len; p++) {
        const char *pattern = g_ptr_array_index(reg_patterns, p);

        if (g_pattern_match_simple(pattern, name) ||
            g_pattern_match_simple(pattern, lower)) {
            return true;
        }
    }
    return false;
}

static WatchedReg *execlog_watch(const qemu_plugin_reg_descriptor *rd)
{
    g_autofree char *lower = g_ascii_strdown(rd->name, -1);
    WatchedReg *r = g_new0(WatchedReg, 1);

    r->handle = rd->handle;
    r->name = g_intern_string(lower);
    r->last = g_byte_array_new();
    r->now = g_byte_array_new();
    qemu_plugin_read_register(r->handle, r->last);

    if (disas_assist) {
        g_mutex_lock(&watched_names_lock);
        if (!g_ptr_array_find(watched_names, r->name, NULL)) {
            g_ptr_array_add(watched_names, (gpointer)r->name);
        }
        g_mutex_unlock(&watched_names_lock);
    }
    return r;
}

#if QEMU_PLUGIN_VERSION >= 7
static void execlog_vcpu_init(unsigned int vcpu_index, void *userdata)
#else
static void execlog_vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
#endif
{
    ExeclogCpu *c = execlog_cpu(vcpu_index);
    g_autoptr(GArray) all = NULL;

    if (!reg_patterns) {
        return;
    }
    all = qemu_plugin_get_registers();
    for (guint i = 0; all && i < all->len; i++) {
        qemu_plugin_reg_descriptor *rd =
            &g_array_index(all, qemu_plugin_reg_descriptor, i);

        if (execlog_reg_wanted(rd->name)) {
            if (!c->regs) {
                c->regs = g_ptr_array_new();
            }
            g_ptr_array_add(c->regs, execlog_watch(rd));
        }
    }
}

/* rdisas: does the operand text of @disas name a watched register? */
static bool execlog_names_watched_reg(const char *disas)
{
    g_auto(GStrv) parts = g_strsplit_set(disas, " \t", 2);
    bool found = false;

    if (!parts[0] || !parts[1]) {
        return false;
    }
    g_mutex_lock(&watched_names_lock);
    for (guint i = 0; i < watched_names->len && !found; i++) {
        found = strstr(parts[1], g_ptr_array_index(watched_names, i)) != NULL;
    }
    g_mutex_unlock(&watched_names_lock);
    return found;
}
#endif

/* -- Execution ---------------------------------------------------------- */

static void execlog_mem(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                        uint64_t vaddr, void *userdata)
{
    ExeclogCpu *c = execlog_cpu(vcpu_index);
    struct qemu_plugin_hwaddr *hw = qemu_plugin_get_hwaddr(info, vaddr);

    g_string_append(c->line, qemu_plugin_mem_is_store(info) ? ", store"
                                                             : ", load");
    if (hw) {
        g_string_append_printf(c->line, ", 0x%08" PRIx64 ", %s",
                               qemu_plugin_hwaddr_phys_addr(hw),
                               qemu_plugin_hwaddr_device_name(hw));
    } else {
        g_string_append_printf(c->line, ", 0x%08" PRIx64, vaddr);
    }
}

/* Print the previous instruction's line and start this one's. */
static void execlog_insn(unsigned int vcpu_index, void *userdata)
{
    ExeclogCpu *c = execlog_cpu(vcpu_index);

    execlog_flush(c);
    g_string_printf(c->line, "%u, %s", vcpu_index, (const char *)userdata);
}

#if EXECLOG_HAS_REGISTERS
/* The same, after adding the register changes of the previous one. */
static void execlog_insn_regs(unsigned int vcpu_index, void *userdata)
{
    ExeclogCpu *c = execlog_cpu(vcpu_index);

    if (c->line->len) {
        execlog_check_regs(c);
    }
    execlog_insn(vcpu_index, userdata);
}

/* An instruction not logged, run only to finish the previous line. */
static void execlog_insn_regs_only(unsigned int vcpu_index, void *userdata)
{
    ExeclogCpu *c = execlog_cpu(vcpu_index);

    if (c->line->len) {
        execlog_check_regs(c);
    }
    execlog_flush(c);
}
#endif

/* -- Translation -------------------------------------------------------- */

static bool execlog_filter_match(const char *disas, uint64_t vaddr)
{
    for (guint j = 0; ifilters && j < ifilters->len; j++) {
        if (g_str_has_prefix(disas, g_ptr_array_index(ifilters, j))) {
            return true;
        }
    }
    for (guint j = 0; afilters && j < afilters->len; j++) {
        if (g_array_index(afilters, uint64_t, j) == vaddr) {
            return true;
        }
    }
    return false;
}

static uint32_t execlog_insn_word(struct qemu_plugin_insn *insn)
{
    uint32_t word = 0;

#if QEMU_PLUGIN_VERSION >= 3
    qemu_plugin_insn_data(insn, &word, sizeof(word));
#else
    const void *bytes = qemu_plugin_insn_data(insn);

    if (bytes) {
        memcpy(&word, bytes, MIN(sizeof(word), qemu_plugin_insn_size(insn)));
    }
#endif
    return word;
}

/*
 * With filters, an instruction is logged when it matches; register checks
 * then follow QEMU's scheme: a check runs in the callback of the next
 * instruction (it sees the registers after the previous one), either on
 * every instruction, or with rdisas only after instructions whose operands
 * name a watched register.
 */
#if QEMU_PLUGIN_VERSION >= 7
static void execlog_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
#else
static void execlog_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
#endif
{
    bool filtering = ifilters || afilters;
    size_t n = qemu_plugin_tb_n_insns(tb);
#if EXECLOG_HAS_REGISTERS
    bool assist = disas_assist && reg_patterns;
    bool check_regs_this = reg_patterns != NULL;
#endif

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        g_autofree char *disas = qemu_plugin_insn_disas(insn);
        uint64_t vaddr = qemu_plugin_insn_vaddr(insn);
        bool log = !filtering || execlog_filter_match(disas, vaddr);
        qemu_plugin_vcpu_udata_cb_t cb = execlog_insn;
        enum qemu_plugin_cb_flags flags = QEMU_PLUGIN_CB_NO_REGS;
        char *text;

#if EXECLOG_HAS_REGISTERS
        bool check_regs_next = assist && execlog_names_watched_reg(disas);

        log = log || check_regs_next;
        if (check_regs_this) {
            cb = log ? execlog_insn_regs : execlog_insn_regs_only;
            flags = QEMU_PLUGIN_CB_R_REGS;
        }
        if (assist) {
            check_regs_this = check_regs_next;
        }
        if (!log && cb == execlog_insn_regs_only) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, cb, flags, NULL);
        }
#endif
        if (!log) {
            continue;
        }
        /* Kept for the life of the process: the translation may run until
         * exit. */
        text = g_strdup_printf("0x%" PRIx64 ", 0x%" PRIx32 ", \"%s\"", vaddr,
                               execlog_insn_word(insn), disas);
        qemu_plugin_register_vcpu_mem_cb(insn, execlog_mem, QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, NULL);
        qemu_plugin_register_vcpu_insn_exec_cb(insn, cb, flags, text);
    }
}

/* -- Exit and installation ---------------------------------------------- */

#if QEMU_PLUGIN_VERSION >= 7
static void execlog_exit(void *userdata)
#else
static void execlog_exit(qemu_plugin_id_t id, void *userdata)
#endif
{
    for (unsigned int i = 0; i < execlog_num_cpus(); i++) {
        execlog_flush(execlog_cpu(i));
    }
}

static void execlog_add(GPtrArray **list, const char *value)
{
    if (!*list) {
        *list = g_ptr_array_new();
    }
    g_ptr_array_add(*list, g_strdup(value ? value : ""));
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);

        if (!g_strcmp0(kv[0], "ifilter")) {
            execlog_add(&ifilters, kv[1]);
        } else if (!g_strcmp0(kv[0], "afilter")) {
            uint64_t addr = kv[1] ? g_ascii_strtoull(kv[1], NULL, 16) : 0;

            if (!afilters) {
                afilters = g_array_new(FALSE, TRUE, sizeof(uint64_t));
            }
            g_array_append_val(afilters, addr);
#if EXECLOG_HAS_REGISTERS
        } else if (!g_strcmp0(kv[0], "reg")) {
            execlog_add(&reg_patterns, kv[1]);
        } else if (!g_strcmp0(kv[0], "rdisas")) {
            if (!qemu_plugin_bool_parse(kv[0], kv[1], &disas_assist)) {
                fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
                return -1;
            }
            watched_names = g_ptr_array_new();
#endif
        } else {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
    }

#if EXECLOG_HAS_REGISTERS
    cpus = qemu_plugin_scoreboard_new(sizeof(ExeclogCpu));
#if QEMU_PLUGIN_VERSION >= 7
    qemu_plugin_register_vcpu_init_cb(id, execlog_vcpu_init, NULL);
#else
    qemu_plugin_register_vcpu_init_cb(id, execlog_vcpu_init);
#endif
#else
    cpus = g_ptr_array_new();
#endif
#if QEMU_PLUGIN_VERSION >= 7
    qemu_plugin_register_vcpu_tb_trans_cb(id, execlog_tb_trans, NULL);
#else
    qemu_plugin_register_vcpu_tb_trans_cb(id, execlog_tb_trans);
#endif
    qemu_plugin_register_atexit_cb(id, execlog_exit, NULL);
    return 0;
}
