// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * api.c: the qemu_plugin_* functions the emulator exports (except the
 * register functions, in regs-mem.c). Each one checks its arguments and
 * hands over to core.c, weave.c, scoreboard.c, regs-mem.c or symbols.c.
 *
 * This file sees the header's default dialect, version 7. A function that
 * another version declares with a different signature is defined once with
 * the longest parameter list and reads only what the caller's version
 * passed: functions with an id learn the version from the plugin the id
 * names, the others from the plugin whose callback is running
 * (plugin_current_version()). docs/plugins.md, section 5, lists each case.
 * Functions that only versions 1 (or 0) declare are defined here too, with
 * prototypes of their own.
 */
#include "plugin.h"
#include "qemu-plugin.h"
#include "linux-user/mmap.h"

#include <string.h>

/* The calling plugin's userdata argument: absent (a stale register) before
 * version 7 for functions that gained it in 7. */
static void *udata_v7(const Plugin *p, void *userdata)
{
    return p->version >= 7 ? userdata : NULL;
}

/* -- Lifecycle --------------------------------------------------------------- */

void qemu_plugin_uninstall(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb,
                           void *userdata)
{
    Plugin *p = plugin_by_id(id);

    plugin_request_uninstall(p, (PluginFn)cb, udata_v7(p, userdata));
}

void qemu_plugin_reset(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb,
                       void *userdata)
{
    Plugin *p = plugin_by_id(id);

    plugin_request_reset(p, (PluginFn)cb, udata_v7(p, userdata));
}

/* -- Static events ------------------------------------------------------------- */

static void reg_static(qemu_plugin_id_t id, PluginEvent ev, PluginFn cb,
                       void *userdata)
{
    Plugin *p = plugin_by_id(id);

    plugin_register_cb(p, ev, cb, udata_v7(p, userdata));
}

void qemu_plugin_register_vcpu_init_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_udata_cb_t cb,
                                       void *userdata)
{
    reg_static(id, PLUGIN_EV_VCPU_INIT, (PluginFn)cb, userdata);
}

void qemu_plugin_register_vcpu_exit_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_udata_cb_t cb,
                                       void *userdata)
{
    reg_static(id, PLUGIN_EV_VCPU_EXIT, (PluginFn)cb, userdata);
}

void qemu_plugin_register_vcpu_idle_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_udata_cb_t cb,
                                       void *userdata)
{
    reg_static(id, PLUGIN_EV_VCPU_IDLE, (PluginFn)cb, userdata);
}

void qemu_plugin_register_vcpu_resume_cb(qemu_plugin_id_t id,
                                         qemu_plugin_vcpu_udata_cb_t cb,
                                         void *userdata)
{
    reg_static(id, PLUGIN_EV_VCPU_RESUME, (PluginFn)cb, userdata);
}

/* Registered on each selected kind; user mode never delivers them. */
void qemu_plugin_register_vcpu_discon_cb(qemu_plugin_id_t id,
                                         enum qemu_plugin_discon_type type,
                                         qemu_plugin_vcpu_discon_cb_t cb,
                                         void *userdata)
{
    static const struct { unsigned bit; PluginEvent ev; } kinds[] = {
        { QEMU_PLUGIN_DISCON_INTERRUPT, PLUGIN_EV_DISCON_INTERRUPT },
        { QEMU_PLUGIN_DISCON_EXCEPTION, PLUGIN_EV_DISCON_EXCEPTION },
        { QEMU_PLUGIN_DISCON_HOSTCALL,  PLUGIN_EV_DISCON_HOSTCALL },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++) {
        if ((unsigned)type & kinds[i].bit) {
            reg_static(id, kinds[i].ev, (PluginFn)cb, userdata);
        }
    }
}

void qemu_plugin_vcpu_for_each(qemu_plugin_id_t id,
                               qemu_plugin_vcpu_udata_cb_t cb, void *userdata)
{
    Plugin *p = plugin_by_id(id);

    plugin_vcpu_for_each(p, (PluginFn)cb, udata_v7(p, userdata));
}

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
                                           qemu_plugin_vcpu_tb_trans_cb_t cb,
                                           void *userdata)
{
    reg_static(id, PLUGIN_EV_TB_TRANS, (PluginFn)cb, userdata);
}

void qemu_plugin_register_vcpu_syscall_cb(qemu_plugin_id_t id,
                                          qemu_plugin_vcpu_syscall_cb_t cb,
                                          void *userdata)
{
    reg_static(id, PLUGIN_EV_SYSCALL, (PluginFn)cb, userdata);
}

void qemu_plugin_register_vcpu_syscall_ret_cb(qemu_plugin_id_t id,
                                              qemu_plugin_vcpu_syscall_ret_cb_t cb,
                                              void *userdata)
{
    reg_static(id, PLUGIN_EV_SYSCALL_RET, (PluginFn)cb, userdata);
}

void qemu_plugin_register_vcpu_syscall_filter_cb(qemu_plugin_id_t id,
                                                 qemu_plugin_vcpu_syscall_filter_cb_t cb,
                                                 void *userdata)
{
    reg_static(id, PLUGIN_EV_SYSCALL_FILTER, (PluginFn)cb, userdata);
}

void qemu_plugin_register_flush_cb(qemu_plugin_id_t id,
                                   qemu_plugin_udata_cb_t cb, void *userdata)
{
    reg_static(id, PLUGIN_EV_FLUSH, (PluginFn)cb, userdata);
}

/* atexit took userdata in every version (its callback lost the id in 7). */
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
                                    qemu_plugin_udata_cb_t cb, void *userdata)
{
    plugin_register_cb(plugin_by_id(id), PLUGIN_EV_ATEXIT, (PluginFn)cb,
                       userdata);
}

/* -- Translation-time queries -------------------------------------------------------- */

size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb)
{
    return tb ? tb->n_insns : 0;
}

uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb)
{
    return tb ? tb->vaddr : 0;
}

struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb,
                                                 size_t idx)
{
    return tb && idx < tb->n_insns ? &tb->insns[idx] : NULL;
}

/*
 * Versions 1-2: const void *(insn), a pointer valid during tb_trans; its
 * caller passed no dest/len. Version 3+: copy min(len, size) bytes.
 */
size_t qemu_plugin_insn_data(const struct qemu_plugin_insn *insn, void *dest,
                             size_t len)
{
    size_t n;

    if (plugin_current_version() <= 2) {
        return insn ? (size_t)(uintptr_t)insn->bytes : 0;
    }
    if (!insn || !insn->bytes_ok || !dest) {
        return 0;
    }
    n = MIN(len, insn->size);
    memcpy(dest, insn->bytes, n);
    return n;
}

size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn)
{
    return insn ? insn->size : 0;
}

uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn)
{
    return insn ? insn->vaddr : 0;
}

/* User mode: the host address of the code bytes (guest_base + vaddr). */
void *qemu_plugin_insn_haddr(const struct qemu_plugin_insn *insn)
{
    return insn ? g2h(insn->vaddr) : NULL;
}

char *qemu_plugin_insn_disas(const struct qemu_plugin_insn *insn)
{
    return insn ? plugin_disas(insn->vaddr, insn->bytes) : NULL;
}

const char *qemu_plugin_insn_symbol(const struct qemu_plugin_insn *insn)
{
    return insn ? plugin_symbol_lookup(insn->vaddr) : NULL;
}

/* -- Execution-time instrumentation ---------------------------------------------------- */

/* A plain or conditional callback record, from the running tb_trans. */
static PluginDynCb dyn_cb(PluginFn cb, unsigned flags, unsigned cond,
                          PluginU64Ref entry, uint64_t imm, void *userdata)
{
    return (PluginDynCb){
        .kind = PLUGIN_DYN_CB, .plugin = plugin_ctx.plugin, .fn = cb,
        .udata = userdata, .regs = flags, .cond = cond, .entry = entry,
        .imm = imm, .rw = PLUGIN_MEM_RW,
    };
}

static PluginDynCb dyn_inline(unsigned op, PluginU64Ref entry, uint64_t imm)
{
    return (PluginDynCb){
        .kind = PLUGIN_DYN_INLINE, .plugin = plugin_ctx.plugin, .op = op,
        .entry = entry, .imm = imm, .rw = PLUGIN_MEM_RW,
    };
}

static PluginU64Ref ref_u64(qemu_plugin_u64 e)
{
    return (PluginU64Ref){ .score = e.score, .offset = e.offset };
}

static PluginU64Ref ref_raw(void *ptr)
{
    return (PluginU64Ref){ .raw = ptr };
}

void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
                                          qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags,
                                          void *userdata)
{
    PluginDynCb c = dyn_cb((PluginFn)cb, flags, PLUGIN_COND_ALWAYS,
                           ref_raw(NULL), 0, userdata);

    if (tb) {
        plugin_dyn_add(tb->exec_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
                                            qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags,
                                            void *userdata)
{
    PluginDynCb c = dyn_cb((PluginFn)cb, flags, PLUGIN_COND_ALWAYS,
                           ref_raw(NULL), 0, userdata);

    if (insn) {
        plugin_dyn_add(insn->exec_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_tb_exec_cond_cb(struct qemu_plugin_tb *tb,
                                               qemu_plugin_vcpu_udata_cb_t cb,
                                               enum qemu_plugin_cb_flags flags,
                                               enum qemu_plugin_cond cond,
                                               qemu_plugin_u64 entry,
                                               uint64_t imm, void *userdata)
{
    PluginDynCb c = dyn_cb((PluginFn)cb, flags, cond, ref_u64(entry), imm,
                           userdata);

    if (tb && (entry.score || cond == QEMU_PLUGIN_COND_ALWAYS)) {
        plugin_dyn_add(tb->exec_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_insn_exec_cond_cb(struct qemu_plugin_insn *insn,
                                                 qemu_plugin_vcpu_udata_cb_t cb,
                                                 enum qemu_plugin_cb_flags flags,
                                                 enum qemu_plugin_cond cond,
                                                 qemu_plugin_u64 entry,
                                                 uint64_t imm, void *userdata)
{
    PluginDynCb c = dyn_cb((PluginFn)cb, flags, cond, ref_u64(entry), imm,
                           userdata);

    if (insn && (entry.score || cond == QEMU_PLUGIN_COND_ALWAYS)) {
        plugin_dyn_add(insn->exec_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(struct qemu_plugin_tb *tb,
                                                       enum qemu_plugin_op op,
                                                       qemu_plugin_u64 entry,
                                                       uint64_t imm)
{
    PluginDynCb c = dyn_inline(op, ref_u64(entry), imm);

    if (tb && entry.score) {
        plugin_dyn_add(tb->exec_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
    struct qemu_plugin_insn *insn, enum qemu_plugin_op op,
    qemu_plugin_u64 entry, uint64_t imm)
{
    PluginDynCb c = dyn_inline(op, ref_u64(entry), imm);

    if (insn && entry.score) {
        plugin_dyn_add(insn->exec_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn,
                                      qemu_plugin_vcpu_mem_cb_t cb,
                                      enum qemu_plugin_cb_flags flags,
                                      enum qemu_plugin_mem_rw rw,
                                      void *userdata)
{
    PluginDynCb c = dyn_cb((PluginFn)cb, flags, PLUGIN_COND_ALWAYS,
                           ref_raw(NULL), 0, userdata);

    c.rw = rw & PLUGIN_MEM_RW;
    if (insn && c.rw) {
        plugin_dyn_add(insn->mem_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_mem_inline_per_vcpu(struct qemu_plugin_insn *insn,
                                                   enum qemu_plugin_mem_rw rw,
                                                   enum qemu_plugin_op op,
                                                   qemu_plugin_u64 entry,
                                                   uint64_t imm)
{
    PluginDynCb c = dyn_inline(op, ref_u64(entry), imm);

    c.rw = rw & PLUGIN_MEM_RW;
    if (insn && entry.score && c.rw) {
        plugin_dyn_add(insn->mem_cbs, &c);
    }
}

/* Version 1: inline ops on one shared uint64_t (not per vCPU, not atomic). */
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb,
                                              enum qemu_plugin_op op,
                                              void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn,
                                                enum qemu_plugin_op op,
                                                void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_mem_inline(struct qemu_plugin_insn *insn,
                                          enum qemu_plugin_mem_rw rw,
                                          enum qemu_plugin_op op, void *ptr,
                                          uint64_t imm);

void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb,
                                              enum qemu_plugin_op op,
                                              void *ptr, uint64_t imm)
{
    PluginDynCb c = dyn_inline(op, ref_raw(ptr), imm);

    if (tb && ptr) {
        plugin_dyn_add(tb->exec_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn,
                                                enum qemu_plugin_op op,
                                                void *ptr, uint64_t imm)
{
    PluginDynCb c = dyn_inline(op, ref_raw(ptr), imm);

    if (insn && ptr) {
        plugin_dyn_add(insn->exec_cbs, &c);
    }
}

void qemu_plugin_register_vcpu_mem_inline(struct qemu_plugin_insn *insn,
                                          enum qemu_plugin_mem_rw rw,
                                          enum qemu_plugin_op op, void *ptr,
                                          uint64_t imm)
{
    PluginDynCb c = dyn_inline(op, ref_raw(ptr), imm);

    c.rw = rw & PLUGIN_MEM_RW;
    if (insn && ptr && c.rw) {
        plugin_dyn_add(insn->mem_cbs, &c);
    }
}

/* -- Memory-access queries ---------------------------------------------------------- */

unsigned int qemu_plugin_mem_size_shift(qemu_plugin_meminfo_t info)
{
    return info & PLUGIN_MEMINFO_SHIFT;
}

bool qemu_plugin_mem_is_sign_extended(qemu_plugin_meminfo_t info)
{
    return (info & PLUGIN_MEMINFO_SIGN) != 0;
}

/* AArch64 Linux guests are little-endian. */
bool qemu_plugin_mem_is_big_endian(qemu_plugin_meminfo_t info)
{
    return false;
}

bool qemu_plugin_mem_is_store(qemu_plugin_meminfo_t info)
{
    return (info & PLUGIN_MEMINFO_STORE) != 0;
}

/* The value of the access the running memory callback reports. */
qemu_plugin_mem_value qemu_plugin_mem_get_value(qemu_plugin_meminfo_t info)
{
    qemu_plugin_mem_value v = { 0 };
    uint64_t x = plugin_ctx.mem_value;

    switch (info & PLUGIN_MEMINFO_SHIFT) {
    case 0:
        v.type = QEMU_PLUGIN_MEM_VALUE_U8;
        v.data.u8 = (uint8_t)x;
        break;
    case 1:
        v.type = QEMU_PLUGIN_MEM_VALUE_U16;
        v.data.u16 = (uint16_t)x;
        break;
    case 2:
        v.type = QEMU_PLUGIN_MEM_VALUE_U32;
        v.data.u32 = (uint32_t)x;
        break;
    case 3:
        v.type = QEMU_PLUGIN_MEM_VALUE_U64;
        v.data.u64 = x;
        break;
    default:            /* 128-bit accesses reach plugins as two halves */
        v.type = QEMU_PLUGIN_MEM_VALUE_U128;
        v.data.u128.low = x;
        break;
    }
    return v;
}

/* User mode has no physical view: QEMU's linux-user answers these. */
struct qemu_plugin_hwaddr *qemu_plugin_get_hwaddr(qemu_plugin_meminfo_t info,
                                                  uint64_t vaddr)
{
    return NULL;
}

bool qemu_plugin_hwaddr_is_io(const struct qemu_plugin_hwaddr *haddr)
{
    return false;
}

uint64_t qemu_plugin_hwaddr_phys_addr(const struct qemu_plugin_hwaddr *haddr)
{
    return 0;
}

const char *qemu_plugin_hwaddr_device_name(const struct qemu_plugin_hwaddr *h)
{
    return g_intern_static_string("Invalid");
}

/* -- Process, output, arguments ------------------------------------------------------ */

int qemu_plugin_n_vcpus(void);
int qemu_plugin_n_max_vcpus(void);

/* Version 1 in user mode: -1, as QEMU 7.2's linux-user answers. */
int qemu_plugin_n_vcpus(void)
{
    return -1;
}

int qemu_plugin_n_max_vcpus(void)
{
    return -1;
}

int qemu_plugin_num_vcpus(void)
{
    return plugin_num_vcpus();
}

void qemu_plugin_outs(const char *string)
{
    plugin_outs(string);
}

bool qemu_plugin_bool_parse(const char *name, const char *val, bool *ret)
{
    static const char *const yes[] = { "on", "yes", "true" };
    static const char *const no[] = { "off", "no", "false" };

    if (!name || !val || !ret) {
        return false;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(yes); i++) {
        if (!strcmp(val, yes[i]) || !strcmp(val, no[i])) {
            *ret = !strcmp(val, yes[i]);
            return true;
        }
    }
    return false;
}

const char *qemu_plugin_path_to_binary(void)
{
    return plugin_program.valid ? g_strdup(plugin_program.path) : NULL;
}

uint64_t qemu_plugin_start_code(void)
{
    return plugin_program.start_code;
}

uint64_t qemu_plugin_end_code(void)
{
    return plugin_program.end_code;
}

uint64_t qemu_plugin_entry_code(void)
{
    return plugin_program.entry;
}

/* -- Guest memory ------------------------------------------------------------------- */

bool qemu_plugin_read_memory_vaddr(uint64_t addr, GByteArray *data, size_t len)
{
    if (!data || len == 0) {
        return false;
    }
    g_byte_array_set_size(data, (guint)len);
    return plugin_read_guest(addr, data->data, len);
}

bool qemu_plugin_write_memory_vaddr(uint64_t addr, GByteArray *data)
{
    if (!data || data->len == 0) {
        return false;
    }
    return plugin_write_guest(addr, data->data, data->len);
}

/* Physical addresses are a system-emulation notion. */
enum qemu_plugin_hwaddr_operation_result
qemu_plugin_read_memory_hwaddr(uint64_t addr, GByteArray *data, size_t len)
{
    return QEMU_PLUGIN_HWADDR_OPERATION_ERROR;
}

enum qemu_plugin_hwaddr_operation_result
qemu_plugin_write_memory_hwaddr(uint64_t addr, GByteArray *data)
{
    return QEMU_PLUGIN_HWADDR_OPERATION_ERROR;
}

bool qemu_plugin_translate_vaddr(uint64_t vaddr, uint64_t *hwaddr)
{
    return false;
}

/* -- Time control: system emulation only ------------------------------------------- */

const void *qemu_plugin_request_time_control(void)
{
    return NULL;
}

void qemu_plugin_update_ns(const void *handle, int64_t time)
{
}

/* -- Scoreboards ---------------------------------------------------------------------- */

struct qemu_plugin_scoreboard *qemu_plugin_scoreboard_new(size_t element_size)
{
    return scoreboard_new(element_size);
}

void qemu_plugin_scoreboard_free(struct qemu_plugin_scoreboard *score)
{
    scoreboard_free(score);
}

void *qemu_plugin_scoreboard_find(struct qemu_plugin_scoreboard *score,
                                  unsigned int vcpu_index)
{
    return scoreboard_entry(score, vcpu_index);
}

static uint64_t *u64_at(qemu_plugin_u64 entry, unsigned vcpu)
{
    return (uint64_t *)((char *)scoreboard_entry(entry.score, vcpu) +
                        entry.offset);
}

void qemu_plugin_u64_add(qemu_plugin_u64 entry, unsigned int vcpu_index,
                         uint64_t added)
{
    *u64_at(entry, vcpu_index) += added;
}

uint64_t qemu_plugin_u64_get(qemu_plugin_u64 entry, unsigned int vcpu_index)
{
    return *u64_at(entry, vcpu_index);
}

void qemu_plugin_u64_set(qemu_plugin_u64 entry, unsigned int vcpu_index,
                         uint64_t val)
{
    *u64_at(entry, vcpu_index) = val;
}

uint64_t qemu_plugin_u64_sum(qemu_plugin_u64 entry)
{
    uint64_t sum = 0;

    for (int i = 0; i < plugin_num_vcpus(); i++) {
        sum += *u64_at(entry, (unsigned)i);
    }
    return sum;
}
