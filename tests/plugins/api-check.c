// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * api-check.c: one plugin per API version (built 7 times, as
 * libapi-v1.so .. libapi-v7.so, with -DQEMU_PLUGIN_API_VERSION=N) that calls
 * every function its dialect declares and checks each answer against what
 * QEMU's linux-user gives (fact sheet) and against the guest itself: insn
 * bytes against guest memory, the pc register against the instruction being
 * executed, a store's value against memory after it, inline counts against
 * callback counts, register rights against the callback's flags.
 *
 *     arm-uemu -d plugin -plugin libapi-v3.so,k=v,flag=on prog
 *
 * At exit it prints "api-vN: OK, <n> checks" or "api-vN: FAILED ..." after
 * one "api-vN: FAIL <line>: <check>" line per failed check (all through
 * qemu_plugin_outs, so run with -d plugin). Arguments: k=v and flag=on are
 * checked as given; reset=on makes the plugin reset itself after a while
 * (its reset callback registers everything again); expect_flush=on checks
 * that a flush callback ran (another plugin's reset flushes).
 */
#include <qemu-plugin.h>
#include <glib.h>
#include <inttypes.h>
#include <string.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define V QEMU_PLUGIN_VERSION

/* -- Checks ------------------------------------------------------------------ */

static unsigned checks, failures;

static void check_at(bool ok, int line, const char *what)
{
    checks++;
    if (!ok && failures++ < 50) {
        g_autofree char *s = g_strdup_printf("api-v%d: FAIL %d: %s\n", V,
                                             line, what);
        qemu_plugin_outs(s);
    }
}
#define CHECK(cond) check_at((cond), __LINE__, #cond)

/* A check run on the hot path: only its first few evaluations count. */
#define CHECK_SOME(counter, cond) \
    do { if ((counter) < 200) { CHECK(cond); } } while (0)

/* -- State ------------------------------------------------------------------------ */

#define MAGIC ((void *)0x5eed)

static qemu_plugin_id_t self;
static bool opt_reset, opt_expect_flush, did_reset;
static uint64_t entry, start_code, end_code;
#if V >= 2
static uint64_t first_pc;                   /* pc at vcpu_init */
#endif
static uint32_t entry_word;                 /* the bytes at the entry point */
static bool entry_word_ok;

/* Counters touched by callbacks (one vCPU: plain counters suffice). */
static uint64_t n_tb_cb, n_insn_cb, n_mem_cb, n_syscall, n_sysret;
static uint64_t n_flush, n_idle, n_init, n_exit, n_discon;
static uint64_t n_tb_trans, n_write_syscalls, n_exit_group;
#if V >= 2
static uint64_t n_noregs_checks, n_pc_checks;
#endif
#if V >= 4
static uint64_t n_mem_value_checks;
#endif
#if V >= 6
static uint64_t n_filter;
#endif
static int64_t last_syscall = -1;

#if V == 1
static uint64_t tb_inline, insn_inline, mem_inline;     /* raw pointers */
#else
static struct qemu_plugin_scoreboard *score;
typedef struct {
    uint64_t tb, insn, mem, cond_insn, store_slot;
} Counts;
static qemu_plugin_u64 sb_tb, sb_insn, sb_mem, sb_cond_insn, sb_store;
#endif

#if V >= 2
static struct qemu_plugin_register *reg_pc, *reg_sp, *reg_x0, *reg_cpsr;
#endif

static void register_static(void);
#if V <= 6
static void after_reset(qemu_plugin_id_t id);
#else
static void after_reset(void *userdata);
#endif

/* -- Registers (version 2+) --------------------------------------------------------- */

#if V >= 2
/* read_register: byte count (<= 5) or true (6+); @n = expected size. */
static bool read_ok(int rc, int n)
{
#if V <= 5
    return rc == n;
#else
    return rc == 1 && n > 0;
#endif
}

static bool read_failed(int rc)
{
#if V <= 5
    return rc == -1;
#else
    return rc == 0;
#endif
}

static uint64_t read_u64(struct qemu_plugin_register *r, int *rc)
{
    g_autoptr(GByteArray) buf = g_byte_array_new();
    uint64_t v = 0;

    *rc = qemu_plugin_read_register(r, buf);
    memcpy(&v, buf->data, MIN(buf->len, sizeof(v)));
    return v;
}

static void check_register_list(void)
{
    g_autoptr(GArray) regs = qemu_plugin_get_registers();
    static const char *const want[] = {
        "x0", "x29", "x30", "sp", "pc", "cpsr", "v0", "v31", "fpsr", "fpcr",
    };
    int found = 0;

    CHECK(regs != NULL && regs->len >= 70);
    CHECK(g_array_get_element_size(regs) == sizeof(qemu_plugin_reg_descriptor));
    for (guint i = 0; regs && i < regs->len; i++) {
        qemu_plugin_reg_descriptor *d =
            &g_array_index(regs, qemu_plugin_reg_descriptor, i);

        for (size_t w = 0; w < G_N_ELEMENTS(want); w++) {
            found += !strcmp(d->name, want[w]);
        }
        if (!strcmp(d->name, "pc")) {
            reg_pc = d->handle;
            CHECK(!strcmp(d->feature, "org.gnu.gdb.aarch64.core"));
#if V >= 6
            CHECK(d->is_readonly);
#endif
        } else if (!strcmp(d->name, "sp")) {
            reg_sp = d->handle;
        } else if (!strcmp(d->name, "x0")) {
            reg_x0 = d->handle;
#if V >= 6
            CHECK(!d->is_readonly);
#endif
        } else if (!strcmp(d->name, "cpsr")) {
            reg_cpsr = d->handle;
        } else if (!strcmp(d->name, "v3")) {
            g_autoptr(GByteArray) buf = g_byte_array_new();
            CHECK(read_ok(qemu_plugin_read_register(d->handle, buf), 16));
            CHECK(buf->len == 16);
        }
    }
    CHECK(found == (int)G_N_ELEMENTS(want));
    CHECK(reg_pc && reg_sp && reg_x0 && reg_cpsr);
}
#endif

/* -- vCPU events ------------------------------------------------------------------------ */

static void vcpu_for_each_cb(
#if V <= 6
    qemu_plugin_id_t id, unsigned int vcpu_index
#else
    unsigned int vcpu_index, void *userdata
#endif
    )
{
#if V <= 6
    CHECK(id == self);
#else
    CHECK(userdata == MAGIC);
#endif
    CHECK(vcpu_index == 0);
    n_init += 100;
}

static void vcpu_init(
#if V <= 6
    qemu_plugin_id_t id, unsigned int vcpu_index
#else
    unsigned int vcpu_index, void *userdata
#endif
    )
{
    g_autofree char *path = (char *)qemu_plugin_path_to_binary();

#if V <= 6
    CHECK(id == self);
#else
    CHECK(userdata == MAGIC);
#endif
    n_init++;
    CHECK(vcpu_index == 0);
    CHECK(path != NULL && strlen(path) > 0);
    entry = qemu_plugin_entry_code();
    start_code = qemu_plugin_start_code();
    end_code = qemu_plugin_end_code();
    CHECK(start_code <= entry && entry < end_code);
#if V == 1
    CHECK(qemu_plugin_n_vcpus() == -1);
    CHECK(qemu_plugin_n_max_vcpus() == -1);
#else
    CHECK(qemu_plugin_num_vcpus() == 1);
    check_register_list();
    {
        int rc;
        /* the entry point, or the ELF interpreter's: the first block */
        first_pc = read_u64(reg_pc, &rc);
        CHECK(read_ok(rc, 8) && first_pc != 0);
        uint64_t sp = read_u64(reg_sp, &rc);
        CHECK(read_ok(rc, 8) && sp != 0 && (sp & 15) == 0);
        read_u64(reg_cpsr, &rc);
        CHECK(read_ok(rc, 4));
    }
#endif
#if V >= 4
    {
        g_autoptr(GByteArray) mem = g_byte_array_new();
        CHECK(qemu_plugin_read_memory_vaddr(entry, mem, 4) && mem->len == 4);
        memcpy(&entry_word, mem->data, 4);
        entry_word_ok = true;
        CHECK(!qemu_plugin_read_memory_vaddr(entry, mem, 0));
        CHECK(!qemu_plugin_read_memory_vaddr(0, mem, 4));
    }
#endif
#if V >= 5
    {
        /* Write x0 and the code at the entry back with their own values:
         * the register needs RW rights (vcpu_init has them), the code
         * page is read-only to the guest (the debug path writes anyway). */
        g_autoptr(GByteArray) buf = g_byte_array_new();
        g_autoptr(GByteArray) empty = g_byte_array_new();
        int rc;
        uint64_t hw = 0;

        CHECK(read_ok(qemu_plugin_read_register(reg_x0, buf), 8));
#if V == 5
        CHECK(qemu_plugin_write_register(reg_x0, buf) == 8);
        CHECK(qemu_plugin_write_register(reg_pc, buf) == -1);
        CHECK(qemu_plugin_write_register(reg_x0, empty) == -1);
#else
        CHECK(qemu_plugin_write_register(reg_x0, buf));
        CHECK(!qemu_plugin_write_register(reg_pc, buf));
        CHECK(!qemu_plugin_write_register(reg_x0, empty));
#endif
        read_u64(reg_x0, &rc);
        CHECK(read_ok(rc, 8));
        g_byte_array_set_size(buf, 0);
        g_byte_array_append(buf, (const guint8 *)&entry_word, 4);
        CHECK(qemu_plugin_write_memory_vaddr(entry, buf));
        CHECK(!qemu_plugin_write_memory_vaddr(entry, empty));
        CHECK(!qemu_plugin_write_memory_vaddr(0, buf));
        CHECK(qemu_plugin_read_memory_hwaddr(entry, buf, 4) ==
              QEMU_PLUGIN_HWADDR_OPERATION_ERROR);
        CHECK(qemu_plugin_write_memory_hwaddr(entry, buf) ==
              QEMU_PLUGIN_HWADDR_OPERATION_ERROR);
        CHECK(!qemu_plugin_translate_vaddr(entry, &hw));
    }
#endif
#if V <= 6
    qemu_plugin_vcpu_for_each(self, vcpu_for_each_cb);
#else
    qemu_plugin_vcpu_for_each(self, vcpu_for_each_cb, MAGIC);
#endif
}

#if V <= 6
static void vcpu_idle(qemu_plugin_id_t id, unsigned int vcpu_index)
#else
static void vcpu_idle(unsigned int vcpu_index, void *userdata)
#endif
{
    n_idle++;               /* never in user mode */
}

#if V <= 6
static void vcpu_exit(qemu_plugin_id_t id, unsigned int vcpu_index)
#else
static void vcpu_exit(unsigned int vcpu_index, void *userdata)
#endif
{
    n_exit++;               /* single-threaded guest: never */
}

#if V >= 5
#if V <= 6
static void vcpu_discon(qemu_plugin_id_t id, unsigned int vcpu_index,
                        enum qemu_plugin_discon_type type, uint64_t from_pc,
                        uint64_t to_pc)
#else
static void vcpu_discon(unsigned int vcpu_index,
                        enum qemu_plugin_discon_type type, uint64_t from_pc,
                        uint64_t to_pc, void *userdata)
#endif
{
    n_discon++;             /* never in user mode */
}
#endif

/* -- Execution-time callbacks --------------------------------------------------- */

/* Registered with QEMU_PLUGIN_CB_NO_REGS: register reads must fail. */
static void tb_exec(unsigned int vcpu_index, void *userdata)
{
    n_tb_cb++;
    CHECK_SOME(n_tb_cb, vcpu_index == 0);
#if V >= 2
    if (n_noregs_checks++ < 20) {
        g_autoptr(GByteArray) buf = g_byte_array_new();
        CHECK(read_failed(qemu_plugin_read_register(reg_x0, buf)));
    }
#endif
}

/* Registered with QEMU_PLUGIN_CB_R_REGS, userdata = the insn's vaddr. */
static void insn_exec(unsigned int vcpu_index, void *userdata)
{
    n_insn_cb++;
#if V >= 2
    if (n_pc_checks++ < 200) {
        int rc;
        uint64_t pc = read_u64(reg_pc, &rc);
        CHECK(read_ok(rc, 8) && pc == (uint64_t)(uintptr_t)userdata);
#if V >= 5
        g_autoptr(GByteArray) buf = g_byte_array_new();
        g_byte_array_set_size(buf, 8);
#if V == 5
        CHECK(qemu_plugin_write_register(reg_x0, buf) == -1);
#else
        CHECK(!qemu_plugin_write_register(reg_x0, buf));
#endif
#endif
    }
    /* a STORE_U64 registered before this callback stored the vaddr */
    CHECK_SOME(n_insn_cb, qemu_plugin_u64_get(sb_store, vcpu_index) ==
                          (uint64_t)(uintptr_t)userdata);
#endif
    if (opt_reset && !did_reset && n_insn_cb == 5000) {
        did_reset = true;
#if V <= 6
        qemu_plugin_reset(self, after_reset);
#else
        qemu_plugin_reset(self, after_reset, MAGIC);
#endif
    }
}

#if V >= 3
/* Conditional: runs when the vCPU's cond_insn counter reaches 100. */
static void insn_cond(unsigned int vcpu_index, void *userdata)
{
    CHECK_SOME(n_insn_cb, qemu_plugin_u64_get(sb_cond_insn, vcpu_index) == 100);
    qemu_plugin_u64_set(sb_cond_insn, vcpu_index, 0);
}
#endif

static void mem_access(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                       uint64_t vaddr, void *userdata)
{
    unsigned shift = qemu_plugin_mem_size_shift(info);
    struct qemu_plugin_hwaddr *hw = qemu_plugin_get_hwaddr(info, vaddr);

    n_mem_cb++;
    CHECK_SOME(n_mem_cb, shift <= 4);
    CHECK_SOME(n_mem_cb, !qemu_plugin_mem_is_big_endian(info));
    CHECK_SOME(n_mem_cb, hw == NULL);
    CHECK_SOME(n_mem_cb, !qemu_plugin_hwaddr_is_io(hw));
    CHECK_SOME(n_mem_cb, qemu_plugin_hwaddr_phys_addr(hw) == 0);
    CHECK_SOME(n_mem_cb, !strcmp(qemu_plugin_hwaddr_device_name(hw), "Invalid"));
    if (qemu_plugin_mem_is_store(info)) {
        CHECK_SOME(n_mem_cb, !qemu_plugin_mem_is_sign_extended(info));
    }
#if V >= 3
    {
        qemu_plugin_mem_value v = qemu_plugin_mem_get_value(info);
        CHECK_SOME(n_mem_cb, (unsigned)v.type == MIN(shift, 4u));
#if V >= 4
        /* A store's value is what memory holds right after it (one
         * thread: nothing else writes in between). Not so for a load: an
         * atomic read-modify-write reports its read after its write. */
        if (qemu_plugin_mem_is_store(info) && shift <= 3 &&
            n_mem_value_checks++ < 2000) {
            g_autoptr(GByteArray) mem = g_byte_array_new();
            uint64_t m = 0, x = 0;

            CHECK(qemu_plugin_read_memory_vaddr(vaddr, mem, 1u << shift));
            memcpy(&m, mem->data, 1u << shift);
            switch (v.type) {
            case QEMU_PLUGIN_MEM_VALUE_U8:  x = v.data.u8; break;
            case QEMU_PLUGIN_MEM_VALUE_U16: x = v.data.u16; break;
            case QEMU_PLUGIN_MEM_VALUE_U32: x = v.data.u32; break;
            default:                        x = v.data.u64; break;
            }
            CHECK(m == x);
        }
#endif
    }
#endif
}

/* -- Translation ------------------------------------------------------------------------- */

static void check_insn(struct qemu_plugin_tb *tb, size_t i,
                       struct qemu_plugin_insn *insn)
{
    uint64_t va = qemu_plugin_insn_vaddr(insn);
    uint32_t word = 0;
    g_autofree char *dis = qemu_plugin_insn_disas(insn);
    const void *haddr = qemu_plugin_insn_haddr(insn);

    CHECK(va == qemu_plugin_tb_vaddr(tb) + 4 * i);
    CHECK(qemu_plugin_insn_size(insn) == 4);
#if V <= 2
    {
        const void *p = qemu_plugin_insn_data(insn);
        CHECK(p != NULL);
        if (p) {
            memcpy(&word, p, 4);
        }
    }
#else
    {
        uint8_t two[2] = { 0 };
        CHECK(qemu_plugin_insn_data(insn, &word, sizeof(word)) == 4);
        CHECK(qemu_plugin_insn_data(insn, two, 2) == 2 &&
              !memcmp(two, &word, 2));
    }
#endif
    CHECK(haddr != NULL && !memcmp(haddr, &word, 4));
    CHECK(dis != NULL && dis[0] != '\0' && strchr(dis, ' ') != NULL);
    if (va == entry && entry_word_ok) {
        CHECK(word == entry_word);
    }
    if (va == entry) {
        const char *sym = qemu_plugin_insn_symbol(insn);
        CHECK(sym != NULL && !strcmp(sym, "_start"));
    }
    if (word == 0xd503201f) {           /* nop: QEMU's capstone text */
        CHECK(!strcmp(dis, "nop "));
    }
}

static void tb_trans(
#if V <= 6
    qemu_plugin_id_t id, struct qemu_plugin_tb *tb
#else
    struct qemu_plugin_tb *tb, void *userdata
#endif
    )
{
    size_t n = qemu_plugin_tb_n_insns(tb);

#if V <= 6
    CHECK_SOME(n_tb_trans, id == self);
#else
    CHECK_SOME(n_tb_trans, userdata == MAGIC);
#endif
#if V >= 2
    if (n_tb_trans == 0) {
        CHECK(qemu_plugin_tb_vaddr(tb) == first_pc);
    }
#endif
    n_tb_trans++;
    CHECK(n >= 1);
    CHECK(qemu_plugin_tb_get_insn(tb, n) == NULL);
    CHECK(qemu_plugin_tb_vaddr(tb) ==
          qemu_plugin_insn_vaddr(qemu_plugin_tb_get_insn(tb, 0)));

    qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS,
                                         NULL);
#if V == 1
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64,
                                             &tb_inline, 1);
#else
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
        tb, QEMU_PLUGIN_INLINE_ADD_U64, sb_tb, 1);
#endif
#if V >= 3
    /* NEVER registers nothing; ALWAYS is a plain callback. */
    qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, tb_exec,
                                              QEMU_PLUGIN_CB_NO_REGS,
                                              QEMU_PLUGIN_COND_NEVER, sb_tb,
                                              0, NULL);
#endif
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        void *va = (void *)(uintptr_t)qemu_plugin_insn_vaddr(insn);

        check_insn(tb, i, insn);
#if V >= 2
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, sb_insn, 1);
#if V >= 3
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_STORE_U64, sb_store, (uint64_t)(uintptr_t)va);
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, sb_cond_insn, 1);
        qemu_plugin_register_vcpu_insn_exec_cond_cb(
            insn, insn_cond, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_GE,
            sb_cond_insn, 100, NULL);
#else
        /* version 2 has no STORE: add the vaddr to a zeroed slot */
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, sb_store, (uint64_t)(uintptr_t)va);
#endif
#else
        qemu_plugin_register_vcpu_insn_exec_inline(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, &insn_inline, 1);
#endif
        qemu_plugin_register_vcpu_insn_exec_cb(insn, insn_exec,
                                               QEMU_PLUGIN_CB_R_REGS, va);
#if V == 2
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, sb_store,
            -(uint64_t)(uintptr_t)va);
#endif
        qemu_plugin_register_vcpu_mem_cb(insn, mem_access,
                                         QEMU_PLUGIN_CB_R_REGS,
                                         QEMU_PLUGIN_MEM_RW, NULL);
#if V == 1
        qemu_plugin_register_vcpu_mem_inline(insn, QEMU_PLUGIN_MEM_RW,
                                             QEMU_PLUGIN_INLINE_ADD_U64,
                                             &mem_inline, 1);
#else
        qemu_plugin_register_vcpu_mem_inline_per_vcpu(
            insn, QEMU_PLUGIN_MEM_RW, QEMU_PLUGIN_INLINE_ADD_U64, sb_mem, 1);
#endif
    }
}

/* -- Syscalls ------------------------------------------------------------------------------ */

static void syscall_entry(
#if V <= 6
    qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num, uint64_t a1,
    uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6,
    uint64_t a7, uint64_t a8
#else
    unsigned int vcpu_index, int64_t num, uint64_t a1, uint64_t a2,
    uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7,
    uint64_t a8, void *userdata
#endif
    )
{
#if V <= 6
    CHECK_SOME(n_syscall, id == self);
#else
    CHECK_SOME(n_syscall, userdata == MAGIC);
#endif
    n_syscall++;
    CHECK_SOME(n_syscall, a7 == 0 && a8 == 0);
    last_syscall = num;
    n_exit_group += num == 94;
    if (num == 64 && a1 == 1) {         /* write(1, ...) */
        n_write_syscalls++;
#if V >= 4
        {
            g_autoptr(GByteArray) buf = g_byte_array_new();
            CHECK(qemu_plugin_read_memory_vaddr(a2, buf, a3));
        }
#endif
    }
}

static void syscall_return(
#if V <= 6
    qemu_plugin_id_t id, unsigned int vcpu_idx, int64_t num, int64_t ret
#else
    unsigned int vcpu_idx, int64_t num, int64_t ret, void *userdata
#endif
    )
{
    n_sysret++;
    CHECK_SOME(n_sysret, num == last_syscall);
    CHECK(num != 94 && num != 93);      /* exit_group, exit never return */
}

#if V >= 6
static bool syscall_filter(
#if V == 6
    qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num, uint64_t a1,
    uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6,
    uint64_t a7, uint64_t a8, uint64_t *sysret
#else
    unsigned int vcpu_index, int64_t num, uint64_t a1, uint64_t a2,
    uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7,
    uint64_t a8, int64_t *sysret, void *userdata
#endif
    )
{
    n_filter++;
    CHECK_SOME(n_filter, num == last_syscall && sysret != NULL);
    return false;
}
#endif

/* -- Flush, reset, exit -------------------------------------------------------------------- */

#if V <= 6
static void flush_cb(qemu_plugin_id_t id)
#else
static void flush_cb(void *userdata)
#endif
{
    n_flush++;
}

#if V <= 6
static void at_exit(qemu_plugin_id_t id, void *userdata)
#else
static void at_exit(void *userdata)
#endif
{
    g_autofree char *s = NULL;
    g_autofree char *path = (char *)qemu_plugin_path_to_binary();
    uint64_t tb_in, insn_in, mem_in;

#if V <= 6
    CHECK(id == self);
#endif
    CHECK(userdata == MAGIC);
    CHECK(path != NULL);
    CHECK(n_init == 101);               /* vcpu_init + vcpu_for_each */
    CHECK(n_idle == 0 && n_exit == 0 && n_discon == 0);
    CHECK(n_tb_trans > 0 && n_tb_cb > 0 && n_insn_cb >= n_tb_cb);
    CHECK(n_mem_cb > 0);
    CHECK(n_write_syscalls > 0);
    CHECK(n_syscall == n_sysret + n_exit_group);
#if V >= 6
    CHECK(n_filter == n_syscall);
#endif
    CHECK(!opt_expect_flush || n_flush > 0);
    CHECK(!opt_reset || did_reset);
#if V == 1
    tb_in = tb_inline;
    insn_in = insn_inline;
    mem_in = mem_inline;
#else
    CHECK(qemu_plugin_num_vcpus() == 1);
    {
        /* no register context at exit */
        g_autoptr(GByteArray) buf = g_byte_array_new();
        CHECK(read_failed(qemu_plugin_read_register(reg_x0, buf)));
    }
    tb_in = qemu_plugin_u64_sum(sb_tb);
    insn_in = qemu_plugin_u64_sum(sb_insn);
    mem_in = qemu_plugin_u64_sum(sb_mem);
    CHECK(qemu_plugin_u64_get(sb_tb, 0) == tb_in);
    CHECK(((Counts *)qemu_plugin_scoreboard_find(score, 0))->insn == insn_in);
#endif
    CHECK(tb_in == n_tb_cb);
    CHECK(insn_in == n_insn_cb);
    CHECK(mem_in == n_mem_cb);
    if (failures) {
        s = g_strdup_printf("api-v%d: FAILED %u of %u checks\n", V, failures,
                            checks);
    } else {
        s = g_strdup_printf("api-v%d: OK, %u checks (%" PRIu64 " insns, %"
                            PRIu64 " mem)\n", V, checks, n_insn_cb, n_mem_cb);
    }
    qemu_plugin_outs(s);
#if V >= 2
    qemu_plugin_scoreboard_free(score);
#endif
}

/* -- Registration -------------------------------------------------------------------------- */

static void register_static(void)
{
#if V <= 6
    qemu_plugin_register_vcpu_init_cb(self, vcpu_init);
    qemu_plugin_register_vcpu_exit_cb(self, vcpu_exit);
    qemu_plugin_register_vcpu_idle_cb(self, vcpu_idle);
    qemu_plugin_register_vcpu_resume_cb(self, vcpu_idle);
    qemu_plugin_register_vcpu_tb_trans_cb(self, tb_trans);
    qemu_plugin_register_vcpu_syscall_cb(self, syscall_entry);
    qemu_plugin_register_vcpu_syscall_ret_cb(self, syscall_return);
    qemu_plugin_register_flush_cb(self, flush_cb);
#if V >= 5
    qemu_plugin_register_vcpu_discon_cb(self, QEMU_PLUGIN_DISCON_ALL,
                                        vcpu_discon);
#endif
#if V >= 6
    qemu_plugin_register_vcpu_syscall_filter_cb(self, syscall_filter);
#endif
#else
    qemu_plugin_register_vcpu_init_cb(self, vcpu_init, MAGIC);
    qemu_plugin_register_vcpu_exit_cb(self, vcpu_exit, MAGIC);
    qemu_plugin_register_vcpu_idle_cb(self, vcpu_idle, MAGIC);
    qemu_plugin_register_vcpu_resume_cb(self, vcpu_idle, MAGIC);
    qemu_plugin_register_vcpu_tb_trans_cb(self, tb_trans, MAGIC);
    qemu_plugin_register_vcpu_syscall_cb(self, syscall_entry, MAGIC);
    qemu_plugin_register_vcpu_syscall_ret_cb(self, syscall_return, MAGIC);
    qemu_plugin_register_flush_cb(self, flush_cb, MAGIC);
    qemu_plugin_register_vcpu_discon_cb(self, QEMU_PLUGIN_DISCON_ALL,
                                        vcpu_discon, MAGIC);
    qemu_plugin_register_vcpu_syscall_filter_cb(self, syscall_filter, MAGIC);
#endif
    qemu_plugin_register_atexit_cb(self, at_exit, MAGIC);
}

/*
 * After a reset every callback is gone (the translations too, so tb_trans
 * runs again for every block): register them again. The counters keep
 * going, so exit's inline == callback checks cover the reset.
 */
#if V <= 6
static void after_reset(qemu_plugin_id_t id)
#else
static void after_reset(void *userdata)
#endif
{
#if V >= 7
    CHECK(userdata == MAGIC);
#else
    CHECK(id == self);
#endif
    register_static();
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    bool b = false;

    self = id;
    CHECK(!strcmp(info->target_name, "aarch64"));
    CHECK(info->version.min == 1 && info->version.cur == 7);
    CHECK(!info->system_emulation);
    CHECK(info->system.smp_vcpus == 0 && info->system.max_vcpus == 0);
    CHECK(qemu_plugin_bool_parse("x", "on", &b) && b);
    CHECK(qemu_plugin_bool_parse("x", "no", &b) && !b);
    CHECK(qemu_plugin_bool_parse("x", "true", &b) && b);
    CHECK(!qemu_plugin_bool_parse("x", "On", &b));
    CHECK(!qemu_plugin_bool_parse("x", "1", &b));
    CHECK(!qemu_plugin_bool_parse("x", NULL, &b));
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);

        CHECK(kv[1] != NULL);
        if (!kv[1]) {
            continue;
        }
        if (!strcmp(kv[0], "k")) {
            CHECK(!strcmp(kv[1], "v"));
        } else if (!strcmp(kv[0], "flag")) {
            CHECK(qemu_plugin_bool_parse(kv[0], kv[1], &b) && b);
        } else if (!strcmp(kv[0], "reset")) {
            CHECK(qemu_plugin_bool_parse(kv[0], kv[1], &opt_reset));
        } else if (!strcmp(kv[0], "expect_flush")) {
            CHECK(qemu_plugin_bool_parse(kv[0], kv[1], &opt_expect_flush));
        } else {
            CHECK(!"unknown argument");
        }
    }
#if V >= 2
    CHECK(qemu_plugin_num_vcpus() == 0);
    score = qemu_plugin_scoreboard_new(sizeof(Counts));
    sb_tb = qemu_plugin_scoreboard_u64_in_struct(score, Counts, tb);
    sb_insn = qemu_plugin_scoreboard_u64_in_struct(score, Counts, insn);
    sb_mem = qemu_plugin_scoreboard_u64_in_struct(score, Counts, mem);
    sb_cond_insn = qemu_plugin_scoreboard_u64_in_struct(score, Counts, cond_insn);
    sb_store = qemu_plugin_scoreboard_u64_in_struct(score, Counts, store_slot);
#endif
#if V >= 3
    CHECK(qemu_plugin_request_time_control() == NULL);
    qemu_plugin_update_ns(NULL, 1000);
#endif
    register_static();
    return 0;
}
