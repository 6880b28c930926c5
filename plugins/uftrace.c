// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * uftrace.c: record function entries and exits in uftrace's data format, by
 * following the frame-pointer chain (x29), so `uftrace replay` and
 * `uftrace tui` can show the guest's calls.
 *
 *     arm-uemu -plugin libuftrace.so[,trace-privilege-level=on] ./a.out
 *     uftrace replay --data=uftrace.data
 *
 * As QEMU's contrib/plugins/uftrace.c, files go to ./uftrace.data/: info
 * (binary header and text sections), task.txt (one session and task per
 * trace), sid-0.map (address map) and one ID.dat per trace, where ID =
 * (vCPU + 1) * 100 [+ privilege level]. Each .dat record is 16 bytes:
 * timestamp (ns), then type | 5 << 3 | depth << 6 | pc << 16 (type 0 entry,
 * 1 exit).
 *
 * How calls are seen: the first instruction of each block, and each
 * instruction after one that names x29, gets a callback that reads x29.
 * Unchanged: same function. Equal to the caller's: a return. Otherwise, if
 * the word at x29 (the saved frame pointer) is the current frame: a call.
 * Anything else (longjmp, a new thread, the first instruction) unwinds the
 * whole frame chain and restarts the stack. Code without frame pointers is
 * attributed to its caller.
 *
 * trace-privilege-level=BOOL keeps one trace per exception level and
 * security state; a user-mode guest only ever runs at NS-EL0.
 *
 * Differences from QEMU's plugin, all in user mode or bug fixes:
 * - sid-0.map: QEMU copies the emulator's own /proc/self/maps, which equals
 *   the guest's map only when QEMU runs the guest at host address 0; we
 *   write the guest executable's text range and path (what uftrace needs
 *   for symbols) and the [stack] end marker. Shared libraries are not
 *   listed: the plugin API cannot enumerate guest mappings.
 * - A return is recorded at the depth of the function left (QEMU records
 *   one less than the matching entry on this path).
 * - Unwinding pairs each caller frame with the return address saved in the
 *   frame below it (QEMU reads the caller's own saved address, one frame
 *   too far).
 * - Without SCR_EL3 the security state is non-secure (QEMU reads the missing
 *   register and aborts with trace-privilege-level=on).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define UFTRACE_DIR          "./uftrace.data"
#define UFTRACE_FLUSH_BYTES  (32 << 20)     /* write a trace out past this */
#define UFTRACE_ID_SCALE     100            /* trace id = (vcpu+1)*100 + level */
#define UFTRACE_MAX_UNWIND   1024
#define UFTRACE_RECORD_MAGIC 5

/* Exception level and security state, in QEMU's numbering (3 per EL). */
enum {
    UFTRACE_S_EL0, UFTRACE_NS_EL0, UFTRACE_R_EL0,
    UFTRACE_S_EL1, UFTRACE_NS_EL1, UFTRACE_R_EL1,
    UFTRACE_S_EL2, UFTRACE_NS_EL2, UFTRACE_R_EL2,
    UFTRACE_EL3,
    UFTRACE_LEVELS,
};

static const char *const level_names[UFTRACE_LEVELS] = {
    "S-EL0", "NS-EL0", "R-EL0", "S-EL1", "NS-EL1", "R-EL1",
    "S-EL2", "NS-EL2", "R-EL2", "EL3",
};

enum { UFTRACE_ENTRY = 0, UFTRACE_EXIT = 1 };

typedef struct {
    uint64_t timestamp;
    uint64_t data;
} UftraceRecord;

typedef struct {
    uint64_t pc;                    /* an address inside the function */
    uint64_t fp;                    /* its frame pointer */
} Frame;

/* One output trace: a task for uftrace. */
typedef struct {
    uint32_t id;
    char *name;
    char *path;
    GArray *records;                /* UftraceRecord, not yet written */
} Trace;

/* Per vCPU (scoreboard entry). */
typedef struct {
    GArray *stack;                  /* Frame, outermost first */
    GPtrArray *traces;              /* Trace *, one per level (or one) */
    Trace *trace;                   /* the current level's */
    unsigned int level;
    GByteArray *buf;
    struct qemu_plugin_register *reg_fp;
    struct qemu_plugin_register *reg_cpsr;
    struct qemu_plugin_register *reg_scr_el3;   /* may be NULL */
} UftraceCpu;

static struct qemu_plugin_scoreboard *cpus;
static bool per_level;

/* -- Trace files -------------------------------------------------------- */

static uint64_t uftrace_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

static void trace_flush(Trace *t, const char *mode)
{
    FILE *f = fopen(t->path, mode);

    if (!f) {
        fprintf(stderr, "uftrace plugin: cannot write %s: %s\n", t->path,
                g_strerror(errno));
    } else {
        if (t->records->len) {
            fwrite(t->records->data, sizeof(UftraceRecord), t->records->len, f);
        }
        fclose(f);
    }
    g_array_set_size(t->records, 0);
}

static Trace *trace_new(uint32_t id, char *name)
{
    Trace *t = g_new0(Trace, 1);

    t->id = id;
    t->name = name;
    t->path = g_strdup_printf(UFTRACE_DIR "/%" PRIu32 ".dat", id);
    t->records = g_array_new(FALSE, FALSE, sizeof(UftraceRecord));
    trace_flush(t, "wb");           /* create or truncate */
    return t;
}

/* Same arithmetic as uftrace's libmcount (and QEMU): fields are added. */
static void trace_add(Trace *t, uint64_t when, int type, uint64_t pc,
                      uint64_t depth)
{
    UftraceRecord r = {
        .timestamp = when,
        .data = type + ((uint64_t)UFTRACE_RECORD_MAGIC << 3) + (depth << 6) +
                (pc << 16),
    };

    g_array_append_val(t->records, r);
    if (t->records->len * sizeof(r) > UFTRACE_FLUSH_BYTES) {
        trace_flush(t, "ab");
    }
}

/* Enter every frame of the stack, outermost first, or exit them all. */
static void trace_enter_all(UftraceCpu *c, uint64_t when)
{
    for (guint d = 1; d <= c->stack->len; d++) {
        trace_add(c->trace, when, UFTRACE_ENTRY,
                  g_array_index(c->stack, Frame, d - 1).pc, d);
    }
}

static void trace_exit_all(UftraceCpu *c, uint64_t when)
{
    for (guint d = c->stack->len; d > 0; d--) {
        trace_add(c->trace, when, UFTRACE_EXIT,
                  g_array_index(c->stack, Frame, d - 1).pc, d);
    }
    g_array_set_size(c->stack, 0);
}

/* -- Guest state -------------------------------------------------------- */

static uint64_t uftrace_read_reg(UftraceCpu *c, struct qemu_plugin_register *r)
{
    uint64_t v = 0;

    g_byte_array_set_size(c->buf, 0);
    if (r && qemu_plugin_read_register(r, c->buf)) {
        memcpy(&v, c->buf->data, MIN(c->buf->len, sizeof(v)));
    }
    return v;
}

/* A guest doubleword, or 0 if unreadable. */
static uint64_t uftrace_read_mem(UftraceCpu *c, uint64_t addr)
{
    uint64_t v = 0;

    if (addr && qemu_plugin_read_memory_vaddr(addr, c->buf, sizeof(v))) {
        memcpy(&v, c->buf->data, sizeof(v));
    }
    return v;
}

static unsigned int uftrace_level(UftraceCpu *c)
{
    unsigned int el = (uftrace_read_reg(c, c->reg_cpsr) >> 2) & 3;
    uint64_t scr;

    if (el == 3) {
        return UFTRACE_EL3;
    }
    if (!c->reg_scr_el3) {
        return el * 3 + UFTRACE_NS_EL0;
    }
    scr = uftrace_read_reg(c, c->reg_scr_el3);
    /* SCR_EL3.NSE (bit 62) and NS (bit 0): 00 secure, 01 non-secure,
     * 11 realm (10 is reserved; counted as secure). */
    switch ((scr >> 61 & 2) | (scr & 1)) {
    case 1:
        return el * 3 + UFTRACE_NS_EL0;
    case 3:
        return el * 3 + UFTRACE_R_EL0;
    default:
        return el * 3 + UFTRACE_S_EL0;
    }
}

/*
 * Rebuild the stack from the frame-record chain: each record at fp holds
 * the caller's fp and the return address into the caller. Stops at a zero
 * or repeated fp, or at UFTRACE_MAX_UNWIND frames.
 */
static void uftrace_unwind(UftraceCpu *c, uint64_t fp, uint64_t pc)
{
    Frame frames[UFTRACE_MAX_UNWIND];
    size_t n = 0;

    while (n < UFTRACE_MAX_UNWIND) {
        for (size_t i = 0; i < n; i++) {
            if (frames[i].fp == fp) {
                goto done;
            }
        }
        frames[n++] = (Frame){ .pc = pc, .fp = fp };
        if (!fp) {
            break;
        }
        pc = uftrace_read_mem(c, fp + 8);
        fp = uftrace_read_mem(c, fp);
        if (!fp || !pc) {
            break;
        }
    }
done:
    while (n) {
        g_array_append_val(c->stack, frames[--n]);
    }
}

/* -- Callbacks ---------------------------------------------------------- */

static void uftrace_track_level(unsigned int vcpu_index, void *userdata)
{
    UftraceCpu *c = qemu_plugin_scoreboard_find(cpus, vcpu_index);
    unsigned int level;
    uint64_t when;

    if (!c->reg_fp || (level = uftrace_level(c)) == c->level) {
        return;
    }
    when = uftrace_now_ns();
    trace_exit_all(c, when);
    c->level = level;
    c->trace = g_ptr_array_index(c->traces, level);
    uftrace_unwind(c, uftrace_read_reg(c, c->reg_fp), (uintptr_t)userdata);
    trace_enter_all(c, when);
}

static void uftrace_track_calls(unsigned int vcpu_index, void *userdata)
{
    UftraceCpu *c = qemu_plugin_scoreboard_find(cpus, vcpu_index);
    uint64_t pc = (uintptr_t)userdata;
    uint64_t fp, when;
    Frame top = { 0 }, caller = { 0 };
    guint depth;

    if (!c->reg_fp) {
        return;
    }
    fp = uftrace_read_reg(c, c->reg_fp);
    depth = c->stack->len;
    when = uftrace_now_ns();
    if (!fp && !depth) {
        /* No frame pointer yet (start-up code): just this function. */
        g_array_append_val(c->stack, ((Frame){ .pc = pc, .fp = fp }));
        trace_add(c->trace, when, UFTRACE_ENTRY, pc, 1);
        return;
    }
    if (depth >= 1) {
        top = g_array_index(c->stack, Frame, depth - 1);
    }
    if (depth >= 2) {
        caller = g_array_index(c->stack, Frame, depth - 2);
    }
    if (fp == top.fp) {
        return;                                     /* same function */
    }
    if (fp == caller.fp) {                          /* return */
        trace_add(c->trace, when, UFTRACE_EXIT, top.pc, depth);
        g_array_set_size(c->stack, depth - 1);
        return;
    }
    if ((fp ? uftrace_read_mem(c, fp) : 0) == top.fp) {     /* call */
        g_array_append_val(c->stack, ((Frame){ .pc = pc, .fp = fp }));
        trace_add(c->trace, when, UFTRACE_ENTRY, pc, depth + 1);
        return;
    }
    trace_exit_all(c, when);                        /* discontinuity */
    uftrace_unwind(c, fp, pc);
    trace_enter_all(c, when);
}

/*
 * Callbacks run before their instruction, so the effect of an instruction
 * on x29 is seen by the next one: instrument each block's first instruction
 * (the previous block may have ended with such an instruction) and each
 * one following an instruction whose operands name x29.
 */
static void uftrace_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    size_t n = qemu_plugin_tb_n_insns(tb);
    bool instrument = true;

    if (per_level) {
        qemu_plugin_register_vcpu_tb_exec_cb(
            tb, uftrace_track_level, QEMU_PLUGIN_CB_R_REGS,
            (void *)(uintptr_t)qemu_plugin_tb_vaddr(tb));
    }
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        g_autofree char *disas = qemu_plugin_insn_disas(insn);

        if (instrument) {
            qemu_plugin_register_vcpu_insn_exec_cb(
                insn, uftrace_track_calls, QEMU_PLUGIN_CB_R_REGS,
                (void *)(uintptr_t)qemu_plugin_insn_vaddr(insn));
        }
        /* The leading space keeps addresses like #0x29 from matching. */
        instrument = disas && strstr(disas, " x29");
    }
}

static struct qemu_plugin_register *uftrace_find_reg(GArray *regs,
                                                     const char *name)
{
    for (guint i = 0; regs && i < regs->len; i++) {
        qemu_plugin_reg_descriptor *rd =
            &g_array_index(regs, qemu_plugin_reg_descriptor, i);

        if (!strcmp(rd->name, name)) {
            return rd->handle;
        }
    }
    return NULL;
}

static void uftrace_vcpu_init(unsigned int vcpu_index, void *userdata)
{
    UftraceCpu *c = qemu_plugin_scoreboard_find(cpus, vcpu_index);
    g_autoptr(GArray) regs = qemu_plugin_get_registers();
    uint32_t id = (vcpu_index + 1) * UFTRACE_ID_SCALE;

    c->stack = g_array_new(FALSE, FALSE, sizeof(Frame));
    c->traces = g_ptr_array_new();
    c->buf = g_byte_array_new();
    c->reg_fp = uftrace_find_reg(regs, "x29");
    c->reg_cpsr = uftrace_find_reg(regs, "cpsr");
    c->reg_scr_el3 = uftrace_find_reg(regs, "SCR_EL3");
    if (!c->reg_fp || !c->reg_cpsr) {
        fprintf(stderr, "uftrace plugin: frame pointer register (x29) is not "
                "available. Please use an AArch64 cpu (or -cpu max).\n");
    }

    if (per_level) {
        for (unsigned int l = 0; l < UFTRACE_LEVELS; l++) {
            g_ptr_array_add(c->traces, trace_new(id + l, g_strdup_printf(
                "cpu%u %s", vcpu_index, level_names[l])));
        }
    } else {
        g_ptr_array_add(c->traces,
                        trace_new(id, g_strdup_printf("cpu%u", vcpu_index)));
    }
    c->level = per_level ? UFTRACE_NS_EL0 : 0;
    if (per_level && c->reg_cpsr) {
        c->level = uftrace_level(c);
    }
    c->trace = g_ptr_array_index(c->traces, c->level);
}

/* -- Metadata files at exit --------------------------------------------- */

static void uftrace_write_map(void)
{
    FILE *f = fopen(UFTRACE_DIR "/sid-0.map", "w");
    g_autofree char *path = (char *)qemu_plugin_path_to_binary();

    if (!f) {
        return;
    }
    if (path) {
        fprintf(f, "%012" PRIx64 "-%012" PRIx64 " r-xp 00000000 00:00 0 %s\n",
                qemu_plugin_start_code(), qemu_plugin_end_code(), path);
    }
    fprintf(f, "ffffffffffff-ffffffffffff rw-p 00000000 00:00 0 [stack]\n");
    fclose(f);
}

static void uftrace_write_task(GPtrArray *traces)
{
    FILE *f = fopen(UFTRACE_DIR "/task.txt", "w");

    if (!f) {
        return;
    }
    for (guint i = 0; i < traces->len; i++) {
        const Trace *t = g_ptr_array_index(traces, i);

        fprintf(f, "SESS timestamp=0.0 pid=%" PRIu32 " sid=0 exename=\"%s\"\n",
                t->id, t->name);
        fprintf(f, "TASK timestamp=0.0 tid=%" PRIu32 " pid=%" PRIu32 "\n",
                t->id, t->id);
    }
    fclose(f);
}

/*
 * info: uftrace's 40-byte file header (magic "Ftrace!", version 4, header
 * size, little endian, 64-bit, feature and info masks, max stack depth),
 * then the info sections as "key:value" lines, mostly left empty.
 */
static void uftrace_write_info(GPtrArray *traces)
{
    static const uint8_t header[40] = {
        'F', 't', 'r', 'a', 'c', 'e', '!', 0,   /* magic */
        4, 0, 0, 0,                             /* version */
        40, 0,                                  /* header size */
        1,                                      /* little endian */
        2,                                      /* ELFCLASS64 */
        0x63, 0x12, 0, 0, 0, 0, 0, 0,           /* features */
        0xff, 0x7b, 0, 0, 0, 0, 0, 0,           /* info sections */
        0x00, 0x04, 0, 0, 0, 0, 0, 0,           /* max stack 1024, unused */
    };
    static const char *const before_tasks[] = {
        "exename:", "build_id:0000000000000000000000000000000000000000",
        "exit_status:", "cmdline:", "cpuinfo:lines=2", "cpuinfo:nr_cpus=",
        "cpuinfo:desc=", "meminfo:", "osinfo:lines=3", "osinfo:kernel=",
        "osinfo:hostname=", "osinfo:distro=", "taskinfo:lines=2",
    };
    static const char *const after_tasks[] = {
        "usageinfo:lines=6", "usageinfo:systime=", "usageinfo:usrtime=",
        "usageinfo:ctxsw=", "usageinfo:maxrss=", "usageinfo:pagefault=",
        "usageinfo:iops=", "loadinfo:", "record_date:", "elapsed_time:",
        "pattern_type:regex", "uftrace_version:", "utc_offset:",
    };
    FILE *f = fopen(UFTRACE_DIR "/info", "wb");

    if (!f) {
        return;
    }
    fwrite(header, sizeof(header), 1, f);
    for (size_t i = 0; i < G_N_ELEMENTS(before_tasks); i++) {
        fprintf(f, "%s\n", before_tasks[i]);
    }
    fprintf(f, "taskinfo:nr_tid=%u\ntaskinfo:tids=", traces->len);
    for (guint i = 0; i < traces->len; i++) {
        const Trace *t = g_ptr_array_index(traces, i);

        fprintf(f, "%s%" PRIu32, i ? "," : "", t->id);
    }
    fputc('\n', f);
    for (size_t i = 0; i < G_N_ELEMENTS(after_tasks); i++) {
        fprintf(f, "%s\n", after_tasks[i]);
    }
    fclose(f);
}

static void uftrace_exit(void *userdata)
{
    g_autoptr(GPtrArray) traces = g_ptr_array_new();

    for (int i = 0; i < qemu_plugin_num_vcpus(); i++) {
        UftraceCpu *c = qemu_plugin_scoreboard_find(cpus, i);

        for (guint j = 0; c->traces && j < c->traces->len; j++) {
            Trace *t = g_ptr_array_index(c->traces, j);

            trace_flush(t, "ab");
            g_ptr_array_add(traces, t);
        }
    }
    uftrace_write_map();
    uftrace_write_info(traces);
    uftrace_write_task(traces);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);

        if (g_strcmp0(kv[0], "trace-privilege-level")) {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
        if (!qemu_plugin_bool_parse(kv[0], kv[1], &per_level)) {
            fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
            return -1;
        }
    }
    if (strcmp(info->target_name, "aarch64")) {
        fprintf(stderr, "plugin uftrace: %s target is not supported\n",
                info->target_name);
        return 1;
    }
    if (g_mkdir_with_parents(UFTRACE_DIR, 0777)) {
        fprintf(stderr, "uftrace plugin: cannot create %s: %s\n", UFTRACE_DIR,
                g_strerror(errno));
        return 1;
    }

    cpus = qemu_plugin_scoreboard_new(sizeof(UftraceCpu));
    qemu_plugin_register_vcpu_init_cb(id, uftrace_vcpu_init, NULL);
    qemu_plugin_register_vcpu_tb_trans_cb(id, uftrace_tb_trans, NULL);
    qemu_plugin_register_atexit_cb(id, uftrace_exit, NULL);
    return 0;
}
