// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * drcov.c: block coverage in DynamoRIO's drcov format, for Lighthouse,
 * Cutter or bncov.
 *
 *     arm-uemu -plugin libdrcov.so[,filename=PATH] ./a.out
 *
 * As QEMU's contrib/plugins/drcov.c: the file (default file.drcov.trace) is
 * written at exit, nothing is printed. A text header names one module, the
 * main executable (text bounds, entry point, path):
 *
 *     DRCOV VERSION: 2
 *     DRCOV FLAVOR: drcov-64
 *     Module Table: version 2, count 1
 *     Columns: id, base, end, entry, path
 *     0, 0x400000, 0x488720, 0x400580, /path/to/a.out
 *     BB Table: 1234 bbs
 *
 * then one 8-byte binary record per translated block that ran, in
 * translation order: uint32 start address, uint16 size in bytes, uint16
 * module id (0), host byte order. Like QEMU's, a block translated twice is
 * listed twice, and blocks of other modules (the dynamic loader, libraries)
 * are listed under module 0 with their absolute address truncated to 32
 * bits. Unknown arguments are ignored, as in QEMU.
 *
 * Written for the default API (version 7); the test suite also builds it
 * with -DQEMU_PLUGIN_API_VERSION=1 to run it under QEMU 7.2 and compare.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

typedef struct {
    uint32_t start;
    uint16_t size;
    uint16_t module;
    bool ran;
} DrcovBlock;

static FILE *out;
static GPtrArray *blocks;           /* DrcovBlock *, in translation order */
static GMutex blocks_lock;

static void drcov_exec(unsigned int vcpu_index, void *userdata)
{
    DrcovBlock *b = userdata;

    /* A plain store of true: racing vCPUs all write the same value. */
    __atomic_store_n(&b->ran, true, __ATOMIC_RELAXED);
}

#if QEMU_PLUGIN_VERSION >= 7
static void drcov_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
#else
static void drcov_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
#endif
{
    DrcovBlock *b = g_new0(DrcovBlock, 1);
    size_t n = qemu_plugin_tb_n_insns(tb);

    b->start = qemu_plugin_tb_vaddr(tb);
    for (size_t i = 0; i < n; i++) {
        b->size += qemu_plugin_insn_size(qemu_plugin_tb_get_insn(tb, i));
    }
    g_mutex_lock(&blocks_lock);
    g_ptr_array_add(blocks, b);
    g_mutex_unlock(&blocks_lock);
    qemu_plugin_register_vcpu_tb_exec_cb(tb, drcov_exec, QEMU_PLUGIN_CB_NO_REGS, b);
}

static void drcov_write_u32(uint32_t v)
{
    fwrite(&v, sizeof(v), 1, out);
}

static void drcov_write_u16(uint16_t v)
{
    fwrite(&v, sizeof(v), 1, out);
}

#if QEMU_PLUGIN_VERSION >= 7
static void drcov_exit(void *userdata)
#else
static void drcov_exit(qemu_plugin_id_t id, void *userdata)
#endif
{
    g_autofree char *path = (char *)qemu_plugin_path_to_binary();
    unsigned long ran = 0;

    g_mutex_lock(&blocks_lock);
    for (guint i = 0; i < blocks->len; i++) {
        const DrcovBlock *b = g_ptr_array_index(blocks, i);

        ran += b->ran;
    }
    fputs("DRCOV VERSION: 2\n"
          "DRCOV FLAVOR: drcov-64\n"
          "Module Table: version 2, count 1\n"
          "Columns: id, base, end, entry, path\n", out);
    fprintf(out, "0, 0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64 ", %s\n",
            qemu_plugin_start_code(), qemu_plugin_end_code(),
            qemu_plugin_entry_code(), path ? path : "");
    fprintf(out, "BB Table: %lu bbs\n", ran);
    for (guint i = 0; i < blocks->len; i++) {
        const DrcovBlock *b = g_ptr_array_index(blocks, i);

        if (b->ran) {
            drcov_write_u32(b->start);
            drcov_write_u16(b->size);
            drcov_write_u16(b->module);
        }
    }
    g_ptr_array_set_size(blocks, 0);
    g_mutex_unlock(&blocks_lock);
    fclose(out);
    out = NULL;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    const char *filename = "file.drcov.trace";

    for (int i = 0; i < argc; i++) {
        if (g_str_has_prefix(argv[i], "filename=")) {
            filename = argv[i] + strlen("filename=");
        }
    }
    out = fopen(filename, "wb");
    if (!out) {
        fprintf(stderr, "drcov: cannot open %s: %s\n", filename,
                g_strerror(errno));
        return -1;
    }

    blocks = g_ptr_array_new_with_free_func(g_free);
#if QEMU_PLUGIN_VERSION >= 7
    qemu_plugin_register_vcpu_tb_trans_cb(id, drcov_tb_trans, NULL);
#else
    qemu_plugin_register_vcpu_tb_trans_cb(id, drcov_tb_trans);
#endif
    qemu_plugin_register_atexit_cb(id, drcov_exit, NULL);
    return 0;
}
