// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-plugin.h: the TCG plugin API of arm-uemu, compatible with QEMU's.
 *
 * Plugins written for QEMU compile against this header unchanged and load
 * into arm-uemu: every name, type, enum value, struct layout and prototype
 * is QEMU's (the text is ours; docs/plugins.md is the plugin author's guide).
 *
 *     #include <qemu-plugin.h>
 *     QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;
 *     QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
 *                                                const qemu_info_t *info,
 *                                                int argc, char **argv)
 *     { ... register callbacks, return 0 ... }
 *
 * Choosing an API version. By default this header declares the newest API,
 * version 7 (QEMU 11.1). A plugin written for an older QEMU defines
 * QEMU_PLUGIN_API_VERSION (1..7) before the include, or passes
 * -DQEMU_PLUGIN_API_VERSION=N, and gets exactly that version's dialect:
 * the functions that version had, with that version's signatures, its types
 * and enum values, and QEMU_PLUGIN_VERSION defined to N (so the plugin's
 * qemu_plugin_version tells the emulator which dialect it speaks). Functions
 * added later are not declared; functions removed later are.
 *
 *   ver  QEMU        changes against the version before
 *   1    6.0 - 8.2   (base: the 43 functions of QEMU 7.2)
 *   2    9.0         + <glib.h>, registers, scoreboards, *_inline_per_vcpu,
 *                    num_vcpus; - n_vcpus, n_max_vcpus, raw-pointer inline ops
 *   3    9.1         + conditional callbacks, INLINE_STORE_U64, time control,
 *                    memory values; insn_data copies into a caller buffer
 *   4    9.2         + read_memory_vaddr
 *   5    10.1, 10.2  + memory/register writes, hwaddr access, translate_vaddr,
 *                    discontinuity callbacks (10.2, no version bump)
 *   6    11.0        + set_pc, CB_RW_REGS_PC, syscall filter,
 *                    reg_descriptor.is_readonly; read/write_register -> bool
 *   7    11.1        callbacks lose the plugin id and gain userdata;
 *                    the "simple" callback types are gone
 *
 * The emulator serves all seven dialects at once. Each exported function has
 * QEMU's name (so binaries built against QEMU's headers load too); where two
 * versions give one name different signatures, the emulator reads the
 * calling plugin's qemu_plugin_version (docs/plugins.md, "One symbol, several
 * signatures").
 *
 * QEMU_PLUGIN_API marks every prototype the emulator exports, in every
 * dialect: plugin-api/gen-symbols.py builds the linker's export list from
 * these marks, so each new API prototype needs one.
 */
#ifndef QEMU_QEMU_PLUGIN_H
#define QEMU_QEMU_PLUGIN_H

/* -- API version selection -------------------------------------------- */

#if !defined(QEMU_PLUGIN_API_VERSION)
#define QEMU_PLUGIN_VERSION 7
#elif QEMU_PLUGIN_API_VERSION == 1
#define QEMU_PLUGIN_VERSION 1
#elif QEMU_PLUGIN_API_VERSION == 2
#define QEMU_PLUGIN_VERSION 2
#elif QEMU_PLUGIN_API_VERSION == 3
#define QEMU_PLUGIN_VERSION 3
#elif QEMU_PLUGIN_API_VERSION == 4
#define QEMU_PLUGIN_VERSION 4
#elif QEMU_PLUGIN_API_VERSION == 5
#define QEMU_PLUGIN_VERSION 5
#elif QEMU_PLUGIN_API_VERSION == 6
#define QEMU_PLUGIN_VERSION 6
#elif QEMU_PLUGIN_API_VERSION == 7
#define QEMU_PLUGIN_VERSION 7
#else
#error "QEMU_PLUGIN_API_VERSION must be 1..7 (arm-uemu serves QEMU plugin API versions 1 to 7)"
#endif

/* QEMU's header only gained <glib.h> in version 2; version 1 plugins include
 * it themselves if they use glib. */
#if QEMU_PLUGIN_VERSION >= 2
#include <glib.h>
#endif
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * QEMU_PLUGIN_EXPORT: on the plugin's qemu_plugin_install and
 * qemu_plugin_version, which the emulator looks up. QEMU_PLUGIN_LOCAL: hides a
 * plugin symbol. QEMU_PLUGIN_API: marks a function the emulator exports
 * (empty on ELF hosts; it exists for the export-list generator).
 */
#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))
#define QEMU_PLUGIN_LOCAL  __attribute__((visibility("hidden")))
#define QEMU_PLUGIN_API

/* QEMU added these guards in version 6; we give them to every dialect. */
#ifdef __cplusplus
extern "C" {
#endif

/* -- Plugin identity and entry point ----------------------------------- */

/* Random 64-bit value naming one loaded plugin; passed back on registration. */
typedef uint64_t qemu_plugin_id_t;

/* Set by the plugin to QEMU_PLUGIN_VERSION; the loader accepts 1..7. */
extern QEMU_PLUGIN_EXPORT int qemu_plugin_version;

/*
 * qemu_info_t: what the emulator tells qemu_plugin_install (valid during
 * that call only). arm-uemu: target_name "aarch64", system_emulation false,
 * system left zero. Layout: 32 bytes, version at 8, system_emulation at 16,
 * system.smp_vcpus at 20.
 */
typedef struct qemu_info_t {
    const char *target_name;
    struct {
        int min;
        int cur;
    } version;
    bool system_emulation;
    union {
        struct {
            int smp_vcpus;
            int max_vcpus;
        } system;
    };
} qemu_info_t;

/*
 * qemu_plugin_install: the plugin's entry point, called once after loading
 * with the "name=value" arguments given after -plugin. Non-zero refuses the
 * load.
 */
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv);

/* -- Enumerations -------------------------------------------------------- */

/* What a callback may do with guest registers (enforced since QEMU 10.1). */
enum qemu_plugin_cb_flags {
    QEMU_PLUGIN_CB_NO_REGS    = 0,      /* no register access */
    QEMU_PLUGIN_CB_R_REGS     = 1,      /* read */
    QEMU_PLUGIN_CB_RW_REGS    = 2,      /* read and write */
#if QEMU_PLUGIN_VERSION >= 6
    QEMU_PLUGIN_CB_RW_REGS_PC = 3,      /* read, write, and qemu_plugin_set_pc */
#endif
};

/* Direction of a memory access; used as a bit mask (RW = R | W). */
enum qemu_plugin_mem_rw {
    QEMU_PLUGIN_MEM_R  = 1,
    QEMU_PLUGIN_MEM_W  = 2,
    QEMU_PLUGIN_MEM_RW = 3,
};

/* Inline operations on a 64-bit counter, woven into the code (no call). */
enum qemu_plugin_op {
    QEMU_PLUGIN_INLINE_ADD_U64   = 0,   /* counter += imm */
#if QEMU_PLUGIN_VERSION >= 3
    QEMU_PLUGIN_INLINE_STORE_U64 = 1,   /* counter = imm */
#endif
};

#if QEMU_PLUGIN_VERSION >= 3
/* Condition of a conditional callback: entry <cond> imm, unsigned 64-bit. */
enum qemu_plugin_cond {
    QEMU_PLUGIN_COND_NEVER  = 0,
    QEMU_PLUGIN_COND_ALWAYS = 1,
    QEMU_PLUGIN_COND_EQ     = 2,
    QEMU_PLUGIN_COND_NE     = 3,
    QEMU_PLUGIN_COND_LT     = 4,
    QEMU_PLUGIN_COND_LE     = 5,
    QEMU_PLUGIN_COND_GT     = 6,
    QEMU_PLUGIN_COND_GE     = 7,
};

/* Which member of qemu_plugin_mem_value.data holds the value. */
enum qemu_plugin_mem_value_type {
    QEMU_PLUGIN_MEM_VALUE_U8   = 0,
    QEMU_PLUGIN_MEM_VALUE_U16  = 1,
    QEMU_PLUGIN_MEM_VALUE_U32  = 2,
    QEMU_PLUGIN_MEM_VALUE_U64  = 3,
    QEMU_PLUGIN_MEM_VALUE_U128 = 4,
};
#endif

#if QEMU_PLUGIN_VERSION >= 5
/* Result of the physical-address (system-mode) memory functions. */
enum qemu_plugin_hwaddr_operation_result {
    QEMU_PLUGIN_HWADDR_OPERATION_OK                    = 0,
    QEMU_PLUGIN_HWADDR_OPERATION_ERROR                 = 1,
    QEMU_PLUGIN_HWADDR_OPERATION_DEVICE_ERROR          = 2,
    QEMU_PLUGIN_HWADDR_OPERATION_ACCESS_DENIED         = 3,
    QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS       = 4,
    QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS_SPACE = 5,
};

/* Kinds of control-flow discontinuity; a mask. ALL (-1) makes it signed. */
enum qemu_plugin_discon_type {
    QEMU_PLUGIN_DISCON_INTERRUPT = 1 << 0,
    QEMU_PLUGIN_DISCON_EXCEPTION = 1 << 1,
    QEMU_PLUGIN_DISCON_HOSTCALL  = 1 << 2,
    QEMU_PLUGIN_DISCON_ALL       = -1,
};
#endif

/* -- Handles and value types -------------------------------------------- */

/* Opaque handles, valid only inside the callback that received them. */
struct qemu_plugin_tb;
struct qemu_plugin_insn;
struct qemu_plugin_hwaddr;

/* Describes one memory access to a memory callback; read with qemu_plugin_mem_*. */
typedef uint32_t qemu_plugin_meminfo_t;

#if QEMU_PLUGIN_VERSION >= 2
/* A per-vCPU array of fixed-size entries (see "Scoreboards"). */
struct qemu_plugin_scoreboard;

/* One uint64_t inside each entry of a scoreboard: 16 bytes, passed by value. */
typedef struct {
    struct qemu_plugin_scoreboard *score;
    size_t offset;                      /* byte offset inside an entry */
} qemu_plugin_u64;

/* A register, named by a qemu_plugin_reg_descriptor. */
struct qemu_plugin_register;

/*
 * qemu_plugin_reg_descriptor: one element of qemu_plugin_get_registers().
 * 24 bytes up to version 5, 32 bytes (is_readonly) from version 6. Names are
 * gdb's (x0..x30, sp, pc, cpsr, ...); strings belong to the emulator.
 */
typedef struct {
    struct qemu_plugin_register *handle;
    const char *name;
    const char *feature;                /* gdb feature name, may be NULL */
#if QEMU_PLUGIN_VERSION >= 6
    bool is_readonly;                   /* pc is read-only */
#endif
} qemu_plugin_reg_descriptor;
#endif

#if QEMU_PLUGIN_VERSION >= 3
/* The value a memory access loaded or stored, host byte order; 24 bytes. */
typedef struct {
    enum qemu_plugin_mem_value_type type;
    union {
        uint8_t u8;
        uint16_t u16;
        uint32_t u32;
        uint64_t u64;
        struct {
            uint64_t low;
            uint64_t high;
        } u128;
    } data;
} qemu_plugin_mem_value;
#endif

/* -- Callback types ------------------------------------------------------ */

#if QEMU_PLUGIN_VERSION <= 6
/* Versions 1..6: callbacks of static events receive the plugin id. */
typedef void (*qemu_plugin_simple_cb_t)(qemu_plugin_id_t id);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_simple_cb_t)(qemu_plugin_id_t id,
                                             unsigned int vcpu_index);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index,
                                            void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id,
                                               struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_mem_cb_t)(unsigned int vcpu_index,
                                          qemu_plugin_meminfo_t info,
                                          uint64_t vaddr, void *userdata);
typedef void (*qemu_plugin_vcpu_syscall_cb_t)(qemu_plugin_id_t id,
                                              unsigned int vcpu_index,
                                              int64_t num, uint64_t a1,
                                              uint64_t a2, uint64_t a3,
                                              uint64_t a4, uint64_t a5,
                                              uint64_t a6, uint64_t a7,
                                              uint64_t a8);
typedef void (*qemu_plugin_vcpu_syscall_ret_cb_t)(qemu_plugin_id_t id,
                                                  unsigned int vcpu_idx,
                                                  int64_t num, int64_t ret);
#if QEMU_PLUGIN_VERSION >= 5
typedef void (*qemu_plugin_vcpu_discon_cb_t)(qemu_plugin_id_t id,
                                             unsigned int vcpu_index,
                                             enum qemu_plugin_discon_type type,
                                             uint64_t from_pc, uint64_t to_pc);
#endif
#if QEMU_PLUGIN_VERSION >= 6
/* Return true to skip the syscall; *sysret is then what the guest sees. */
typedef bool (*qemu_plugin_vcpu_syscall_filter_cb_t)(qemu_plugin_id_t id,
                                                     unsigned int vcpu_index,
                                                     int64_t num, uint64_t a1,
                                                     uint64_t a2, uint64_t a3,
                                                     uint64_t a4, uint64_t a5,
                                                     uint64_t a6, uint64_t a7,
                                                     uint64_t a8,
                                                     uint64_t *sysret);
#endif
#else
/* Version 7: no plugin id; every callback gets the userdata it was
 * registered with. */
typedef void (*qemu_plugin_udata_cb_t)(void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index,
                                            void *userdata);
typedef void (*qemu_plugin_vcpu_discon_cb_t)(unsigned int vcpu_index,
                                             enum qemu_plugin_discon_type type,
                                             uint64_t from_pc, uint64_t to_pc,
                                             void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(struct qemu_plugin_tb *tb,
                                               void *userdata);
typedef void (*qemu_plugin_vcpu_mem_cb_t)(unsigned int vcpu_index,
                                          qemu_plugin_meminfo_t info,
                                          uint64_t vaddr, void *userdata);
typedef void (*qemu_plugin_vcpu_syscall_cb_t)(unsigned int vcpu_index,
                                              int64_t num, uint64_t a1,
                                              uint64_t a2, uint64_t a3,
                                              uint64_t a4, uint64_t a5,
                                              uint64_t a6, uint64_t a7,
                                              uint64_t a8, void *userdata);
/* Return true to skip the syscall; *sysret is then what the guest sees. */
typedef bool (*qemu_plugin_vcpu_syscall_filter_cb_t)(unsigned int vcpu_index,
                                                     int64_t num, uint64_t a1,
                                                     uint64_t a2, uint64_t a3,
                                                     uint64_t a4, uint64_t a5,
                                                     uint64_t a6, uint64_t a7,
                                                     uint64_t a8,
                                                     int64_t *sysret,
                                                     void *userdata);
typedef void (*qemu_plugin_vcpu_syscall_ret_cb_t)(unsigned int vcpu_index,
                                                  int64_t num, int64_t ret,
                                                  void *userdata);
#endif

/*
 * Registration rules for static events (everything below that takes an id):
 * one callback per plugin per event; registering again replaces it (and its
 * userdata), NULL removes it; allowed at any time. Several plugins on one
 * event run newest registration first.
 */

/* -- Lifecycle ------------------------------------------------------------ */

/*
 * qemu_plugin_uninstall: unload the plugin at the next safe point. Its
 * callbacks keep firing until @cb (may be NULL) runs; then it is unloaded.
 * Not from qemu_plugin_install: return non-zero there instead.
 * qemu_plugin_reset: the same, but the plugin stays loaded with no callbacks
 * and may register again from @cb.
 */
#if QEMU_PLUGIN_VERSION <= 6
QEMU_PLUGIN_API
void qemu_plugin_uninstall(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb);
QEMU_PLUGIN_API
void qemu_plugin_reset(qemu_plugin_id_t id, qemu_plugin_simple_cb_t cb);
#else
QEMU_PLUGIN_API
void qemu_plugin_uninstall(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb,
                           void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_reset(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb,
                       void *userdata);
#endif

/* -- vCPU events ----------------------------------------------------------- */

/*
 * init: once per guest thread, on that thread, before its first instruction
 * (the ELF is loaded by then). exit: when a guest thread ends, not for the
 * threads alive at exit_group. idle/resume: system emulation only; they never
 * fire in arm-uemu. discon: interrupts/exceptions/host calls selected by the
 * @type mask; never delivered in user mode by QEMU 10.2. vcpu_for_each: call
 * @cb now for every live vCPU.
 */
#if QEMU_PLUGIN_VERSION <= 6
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_init_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_simple_cb_t cb);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_exit_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_simple_cb_t cb);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_idle_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_simple_cb_t cb);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_resume_cb(qemu_plugin_id_t id,
                                         qemu_plugin_vcpu_simple_cb_t cb);
#if QEMU_PLUGIN_VERSION >= 5
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_discon_cb(qemu_plugin_id_t id,
                                         enum qemu_plugin_discon_type type,
                                         qemu_plugin_vcpu_discon_cb_t cb);
#endif
QEMU_PLUGIN_API
void qemu_plugin_vcpu_for_each(qemu_plugin_id_t id,
                               qemu_plugin_vcpu_simple_cb_t cb);
#else
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_init_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_udata_cb_t cb,
                                       void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_exit_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_udata_cb_t cb,
                                       void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_idle_cb(qemu_plugin_id_t id,
                                       qemu_plugin_vcpu_udata_cb_t cb,
                                       void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_resume_cb(qemu_plugin_id_t id,
                                         qemu_plugin_vcpu_udata_cb_t cb,
                                         void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_discon_cb(qemu_plugin_id_t id,
                                         enum qemu_plugin_discon_type type,
                                         qemu_plugin_vcpu_discon_cb_t cb,
                                         void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_vcpu_for_each(qemu_plugin_id_t id,
                               qemu_plugin_vcpu_udata_cb_t cb,
                               void *userdata);
#endif

/* -- Translation time -------------------------------------------------------- */

/*
 * tb_trans: called each time a block is translated (again after a flush or
 * invalidation: never assume one call per address). The tb and insn handles
 * die when it returns; register dynamic callbacks on them from here.
 */
#if QEMU_PLUGIN_VERSION <= 6
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
                                           qemu_plugin_vcpu_tb_trans_cb_t cb);
#else
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
                                           qemu_plugin_vcpu_tb_trans_cb_t cb,
                                           void *userdata);
#endif

/* Number of instructions in @tb; guest virtual address of its first one. */
QEMU_PLUGIN_API
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
QEMU_PLUGIN_API
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);

/* Instruction @idx of @tb, NULL if @idx >= qemu_plugin_tb_n_insns(). */
QEMU_PLUGIN_API
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb,
                                                 size_t idx);

/*
 * qemu_plugin_insn_data: the instruction's bytes as they are in guest memory.
 * Versions 1-2: a pointer valid during the callback. Version 3+: copies
 * min(@len, size) bytes to @dest and returns that count (0 if unreadable).
 */
#if QEMU_PLUGIN_VERSION <= 2
QEMU_PLUGIN_API
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
#else
QEMU_PLUGIN_API
size_t qemu_plugin_insn_data(const struct qemu_plugin_insn *insn,
                             void *dest, size_t len);
#endif

/* Size in bytes (4 on AArch64) and guest virtual address. */
QEMU_PLUGIN_API
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
QEMU_PLUGIN_API
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);

/* Host address of the instruction bytes (user mode), usable as a key. */
QEMU_PLUGIN_API
void *qemu_plugin_insn_haddr(const struct qemu_plugin_insn *insn);

/* Disassembly, "mnemonic operands"; the caller g_free()s it. */
QEMU_PLUGIN_API
char *qemu_plugin_insn_disas(const struct qemu_plugin_insn *insn);

/* Name of the ELF symbol containing the instruction, or NULL; not owned. */
QEMU_PLUGIN_API
const char *qemu_plugin_insn_symbol(const struct qemu_plugin_insn *insn);

/* -- Execution-time instrumentation (register from tb_trans) ----------------- */

/*
 * Block callbacks run each time the block starts, before its first
 * instruction; instruction callbacks run before the instruction. Within one
 * point, callbacks and inline ops run in registration order. @flags states
 * what the callback may do with registers.
 */
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
                                          qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags,
                                          void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
                                            qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags,
                                            void *userdata);

#if QEMU_PLUGIN_VERSION >= 3
/* Conditional callbacks: run only if @entry (this vCPU's) <@cond> @imm. */
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_tb_exec_cond_cb(struct qemu_plugin_tb *tb,
                                               qemu_plugin_vcpu_udata_cb_t cb,
                                               enum qemu_plugin_cb_flags flags,
                                               enum qemu_plugin_cond cond,
                                               qemu_plugin_u64 entry,
                                               uint64_t imm, void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_insn_exec_cond_cb(struct qemu_plugin_insn *insn,
                                                 qemu_plugin_vcpu_udata_cb_t cb,
                                                 enum qemu_plugin_cb_flags flags,
                                                 enum qemu_plugin_cond cond,
                                                 qemu_plugin_u64 entry,
                                                 uint64_t imm, void *userdata);
#endif

#if QEMU_PLUGIN_VERSION <= 1
/* Version 1 inline ops: @op (ADD_U64) applied to the one uint64_t at @ptr,
 * shared by all vCPUs and not atomic. */
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb,
                                              enum qemu_plugin_op op,
                                              void *ptr, uint64_t imm);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn,
                                                enum qemu_plugin_op op,
                                                void *ptr, uint64_t imm);
#else
/* Version 2+ inline ops: @op applied to the executing vCPU's @entry. */
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(struct qemu_plugin_tb *tb,
                                                       enum qemu_plugin_op op,
                                                       qemu_plugin_u64 entry,
                                                       uint64_t imm);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
    struct qemu_plugin_insn *insn, enum qemu_plugin_op op,
    qemu_plugin_u64 entry, uint64_t imm);
#endif

/*
 * Memory callbacks: one call per access of @insn whose direction matches
 * @rw, after the access succeeded, with the access's guest virtual address.
 */
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn,
                                      qemu_plugin_vcpu_mem_cb_t cb,
                                      enum qemu_plugin_cb_flags flags,
                                      enum qemu_plugin_mem_rw rw,
                                      void *userdata);
#if QEMU_PLUGIN_VERSION <= 1
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_mem_inline(struct qemu_plugin_insn *insn,
                                          enum qemu_plugin_mem_rw rw,
                                          enum qemu_plugin_op op, void *ptr,
                                          uint64_t imm);
#else
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_mem_inline_per_vcpu(struct qemu_plugin_insn *insn,
                                                   enum qemu_plugin_mem_rw rw,
                                                   enum qemu_plugin_op op,
                                                   qemu_plugin_u64 entry,
                                                   uint64_t imm);
#endif

/* -- Memory-access queries (inside a memory callback) ----------------------- */

/* log2 of the access size in bytes (0..4). */
QEMU_PLUGIN_API
unsigned int qemu_plugin_mem_size_shift(qemu_plugin_meminfo_t info);
QEMU_PLUGIN_API
bool qemu_plugin_mem_is_sign_extended(qemu_plugin_meminfo_t info);
QEMU_PLUGIN_API
bool qemu_plugin_mem_is_big_endian(qemu_plugin_meminfo_t info);
QEMU_PLUGIN_API
bool qemu_plugin_mem_is_store(qemu_plugin_meminfo_t info);

#if QEMU_PLUGIN_VERSION >= 3
/* The value loaded (before sign extension) or stored, typed by size. */
QEMU_PLUGIN_API
qemu_plugin_mem_value qemu_plugin_mem_get_value(qemu_plugin_meminfo_t info);
#endif

/*
 * Physical-address view of an access. In user mode (arm-uemu) there is none:
 * get_hwaddr is NULL, is_io false, phys_addr 0, device_name "Invalid".
 */
QEMU_PLUGIN_API
struct qemu_plugin_hwaddr *qemu_plugin_get_hwaddr(qemu_plugin_meminfo_t info,
                                                  uint64_t vaddr);
QEMU_PLUGIN_API
bool qemu_plugin_hwaddr_is_io(const struct qemu_plugin_hwaddr *haddr);
QEMU_PLUGIN_API
uint64_t qemu_plugin_hwaddr_phys_addr(const struct qemu_plugin_hwaddr *haddr);
QEMU_PLUGIN_API
const char *qemu_plugin_hwaddr_device_name(const struct qemu_plugin_hwaddr *h);

/* -- Syscalls --------------------------------------------------------------- */

/*
 * syscall: before the syscall, with its number and arguments (x8, x0..x5;
 * a7 = a8 = 0). filter (version 6+): may skip the syscall and supply its
 * result. syscall_ret: with the value returned to the guest (-errno on
 * error); not for exit/exit_group.
 */
#if QEMU_PLUGIN_VERSION <= 6
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_syscall_cb(qemu_plugin_id_t id,
                                          qemu_plugin_vcpu_syscall_cb_t cb);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_syscall_ret_cb(qemu_plugin_id_t id,
                                              qemu_plugin_vcpu_syscall_ret_cb_t cb);
#if QEMU_PLUGIN_VERSION >= 6
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_syscall_filter_cb(qemu_plugin_id_t id,
                                                 qemu_plugin_vcpu_syscall_filter_cb_t cb);
#endif
#else
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_syscall_cb(qemu_plugin_id_t id,
                                          qemu_plugin_vcpu_syscall_cb_t cb,
                                          void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_syscall_ret_cb(qemu_plugin_id_t id,
                                              qemu_plugin_vcpu_syscall_ret_cb_t cb,
                                              void *userdata);
QEMU_PLUGIN_API
void qemu_plugin_register_vcpu_syscall_filter_cb(qemu_plugin_id_t id,
                                                 qemu_plugin_vcpu_syscall_filter_cb_t cb,
                                                 void *userdata);
#endif

/* -- Process events, output, arguments ------------------------------------- */

/*
 * flush: after the whole translation cache was dropped (free per-block data
 * here). atexit: exactly once at process end, after every other callback of
 * every plugin was removed.
 */
#if QEMU_PLUGIN_VERSION <= 6
QEMU_PLUGIN_API
void qemu_plugin_register_flush_cb(qemu_plugin_id_t id,
                                   qemu_plugin_simple_cb_t cb);
#else
QEMU_PLUGIN_API
void qemu_plugin_register_flush_cb(qemu_plugin_id_t id,
                                   qemu_plugin_udata_cb_t cb, void *userdata);
#endif
/* Same prototype in every version; qemu_plugin_udata_cb_t loses its id in 7. */
QEMU_PLUGIN_API
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
                                    qemu_plugin_udata_cb_t cb, void *userdata);

#if QEMU_PLUGIN_VERSION <= 1
/* Version 1: vCPU counts; -1 in user mode. */
QEMU_PLUGIN_API
int qemu_plugin_n_vcpus(void);
QEMU_PLUGIN_API
int qemu_plugin_n_max_vcpus(void);
#else
/* Number of vCPUs started so far (highest vcpu_index + 1); never shrinks. */
QEMU_PLUGIN_API
int qemu_plugin_num_vcpus(void);
#endif

/* Print @string as is (no newline added); shown only with -d plugin. */
QEMU_PLUGIN_API
void qemu_plugin_outs(const char *string);

/*
 * Parse @val as on/yes/true or off/no/false (exact, case-sensitive) into
 * *@ret; false if it is none of them. @name is for messages only.
 */
QEMU_PLUGIN_API
bool qemu_plugin_bool_parse(const char *name, const char *val, bool *ret);

/* -- The guest program (valid once a vCPU runs) ----------------------------- */

/* Path of the guest executable; the caller g_free()s it. */
QEMU_PLUGIN_API
const char *qemu_plugin_path_to_binary(void);
/* Bounds of the main executable's text and its ELF entry point. */
QEMU_PLUGIN_API
uint64_t qemu_plugin_start_code(void);
QEMU_PLUGIN_API
uint64_t qemu_plugin_end_code(void);
QEMU_PLUGIN_API
uint64_t qemu_plugin_entry_code(void);

/* -- Registers (version 2+; from vcpu_init or callbacks) -------------------- */

#if QEMU_PLUGIN_VERSION >= 2
/*
 * qemu_plugin_get_registers: a new GArray of qemu_plugin_reg_descriptor for
 * the current vCPU (the caller frees the array, not the strings).
 */
QEMU_PLUGIN_API
GArray *qemu_plugin_get_registers(void);

/*
 * read_register appends the register's bytes (guest byte order) to @buf;
 * write_register sets the register from @buf. Both need the callback flags
 * to allow it. Versions up to 5 return the byte count or -1; version 6+
 * return success. set_pc (6+) moves the vCPU to @vaddr and does not return;
 * only from callbacks registered with QEMU_PLUGIN_CB_RW_REGS_PC.
 */
#if QEMU_PLUGIN_VERSION <= 5
QEMU_PLUGIN_API
int qemu_plugin_read_register(struct qemu_plugin_register *handle,
                              GByteArray *buf);
#if QEMU_PLUGIN_VERSION >= 5
QEMU_PLUGIN_API
int qemu_plugin_write_register(struct qemu_plugin_register *handle,
                               GByteArray *buf);
#endif
#else
QEMU_PLUGIN_API
bool qemu_plugin_read_register(struct qemu_plugin_register *handle,
                               GByteArray *buf);
QEMU_PLUGIN_API
bool qemu_plugin_write_register(struct qemu_plugin_register *handle,
                                GByteArray *buf);
QEMU_PLUGIN_API
__attribute__((__noreturn__))
void qemu_plugin_set_pc(uint64_t vaddr);
#endif
#endif

/* -- Guest memory (version 4+; from callbacks) ------------------------------ */

#if QEMU_PLUGIN_VERSION >= 4
/* Resize @data to @len and fill it from guest memory at @addr (page
 * protection ignored); false if @len is 0 or a page is unmapped. */
QEMU_PLUGIN_API
bool qemu_plugin_read_memory_vaddr(uint64_t addr, GByteArray *data, size_t len);
#endif

#if QEMU_PLUGIN_VERSION >= 5
/* Write all of @data to guest memory at @addr, even read-only pages. */
QEMU_PLUGIN_API
bool qemu_plugin_write_memory_vaddr(uint64_t addr, GByteArray *data);

/* Physical-address access: system emulation only. arm-uemu answers
 * QEMU_PLUGIN_HWADDR_OPERATION_ERROR and false, as QEMU's user mode does. */
QEMU_PLUGIN_API
enum qemu_plugin_hwaddr_operation_result
qemu_plugin_read_memory_hwaddr(uint64_t addr, GByteArray *data, size_t len);
QEMU_PLUGIN_API
enum qemu_plugin_hwaddr_operation_result
qemu_plugin_write_memory_hwaddr(uint64_t addr, GByteArray *data);
QEMU_PLUGIN_API
bool qemu_plugin_translate_vaddr(uint64_t vaddr, uint64_t *hwaddr);
#endif

/* -- Time control (version 3+; system emulation only) ----------------------- */

#if QEMU_PLUGIN_VERSION >= 3
/* In user mode the handle is NULL and update_ns does nothing. */
QEMU_PLUGIN_API
const void *qemu_plugin_request_time_control(void);
QEMU_PLUGIN_API
void qemu_plugin_update_ns(const void *handle, int64_t time);
#endif

/* -- Scoreboards (version 2+) ------------------------------------------------ */

#if QEMU_PLUGIN_VERSION >= 2
/*
 * A scoreboard holds one zeroed @element_size-byte entry per vCPU index and
 * grows as vCPUs appear, so pointers from _find may move. Nothing here is
 * atomic: each vCPU should touch only its own entry.
 */
QEMU_PLUGIN_API
struct qemu_plugin_scoreboard *qemu_plugin_scoreboard_new(size_t element_size);
QEMU_PLUGIN_API
void qemu_plugin_scoreboard_free(struct qemu_plugin_scoreboard *score);
QEMU_PLUGIN_API
void *qemu_plugin_scoreboard_find(struct qemu_plugin_scoreboard *score,
                                  unsigned int vcpu_index);

/* The uint64_t at @entry's offset in @vcpu_index's entry; sum adds all vCPUs. */
QEMU_PLUGIN_API
void qemu_plugin_u64_add(qemu_plugin_u64 entry, unsigned int vcpu_index,
                         uint64_t added);
QEMU_PLUGIN_API
uint64_t qemu_plugin_u64_get(qemu_plugin_u64 entry, unsigned int vcpu_index);
QEMU_PLUGIN_API
void qemu_plugin_u64_set(qemu_plugin_u64 entry, unsigned int vcpu_index,
                         uint64_t val);
QEMU_PLUGIN_API
uint64_t qemu_plugin_u64_sum(qemu_plugin_u64 entry);

/* A qemu_plugin_u64 for a scoreboard of uint64_t, or for one member of a
 * scoreboard of structs. C++ gets aggregate initialisation instead of C's
 * compound literal. */
#ifdef __cplusplus
#define qemu_plugin_scoreboard_u64(score) \
    (qemu_plugin_u64{(score), 0})
#define qemu_plugin_scoreboard_u64_in_struct(score, type, member) \
    (qemu_plugin_u64{(score), offsetof(type, member)})
#else
#define qemu_plugin_scoreboard_u64(score) \
    (qemu_plugin_u64) { (score), 0 }
#define qemu_plugin_scoreboard_u64_in_struct(score, type, member) \
    (qemu_plugin_u64) { (score), offsetof(type, member) }
#endif
#endif

#ifdef __cplusplus
}
#endif

#endif /* QEMU_QEMU_PLUGIN_H */
