// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * symbols.c: what qemu_plugin_insn_disas and qemu_plugin_insn_symbol say.
 *
 * Disassembly is capstone's, printed the way QEMU's capstone path prints it
 * for plugins: mnemonic, one space, operands ("ldr x1, [sp]"; "nop " keeps
 * its space). Debian's QEMU 7.2 links the same capstone 4, so the texts
 * match. A word capstone cannot decode is shown as capstone's SKIPDATA
 * form (".byte 0x.., ..."), as QEMU's disassembler loop does.
 *
 * Symbols come from the .symtab of the guest executable and of its ELF
 * interpreter (as QEMU's linux-user loads them; libraries mapped later by
 * ld.so have none): function and object symbols with a name and a section,
 * found by address. A symbol of size 0 covers one byte. Loaded on first use.
 */
/* capstone's arm.h names an enum constant ARM_REG_SP, which target-arm's
 * cpu.h defines as a macro: capstone must come first. */
#include <capstone/capstone.h>

#include "plugin.h"
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <unistd.h>

/* -- Disassembly ------------------------------------------------------------ */

static __thread csh cs_handle;
static __thread bool cs_ready;

char *plugin_disas(uint64_t pc, const uint8_t bytes[4])
{
    cs_insn *ci = NULL;
    char *text;

    if (!cs_ready) {
        if (cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &cs_handle) != CS_ERR_OK) {
            return g_strdup("");
        }
        cs_option(cs_handle, CS_OPT_SKIPDATA, CS_OPT_ON);
        cs_ready = true;
    }
    if (cs_disasm(cs_handle, bytes, 4, pc, 1, &ci) != 1) {
        return g_strdup("");
    }
    text = g_strdup_printf("%s %s", ci->mnemonic, ci->op_str);
    cs_free(ci, 1);
    return text;
}

/* -- Symbol tables -------------------------------------------------------------- */

typedef struct Sym {
    uint64_t start, size;
    const char *name;             /* interned */
} Sym;

static GArray *syms;              /* Sym, sorted by start */

static gint sym_cmp(gconstpointer a, gconstpointer b)
{
    const Sym *x = a, *y = b;

    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    /* Aliases: a deterministic choice, the larger first, then by name. */
    if (x->size != y->size) {
        return x->size > y->size ? -1 : 1;
    }
    return g_strcmp0(x->name, y->name);
}

static void syms_load_file(const char *path, uint64_t bias)
{
    int fd = path ? open(path, O_RDONLY) : -1;
    Elf *e;
    Elf_Scn *scn = NULL;

    if (fd < 0) {
        return;
    }
    e = elf_begin(fd, ELF_C_READ, NULL);
    while (e && (scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        Elf_Data *data;

        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB ||
            !sh.sh_entsize || !(data = elf_getdata(scn, NULL))) {
            continue;
        }
        for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
            GElf_Sym s;
            const char *name;
            int type;

            if (!gelf_getsym(data, (int)i, &s)) {
                break;
            }
            type = GELF_ST_TYPE(s.st_info);
            if (s.st_shndx == SHN_UNDEF || s.st_shndx >= SHN_LORESERVE ||
                (type != STT_FUNC && type != STT_OBJECT)) {
                continue;
            }
            name = elf_strptr(e, sh.sh_link, s.st_name);
            if (name && *name) {
                Sym sym = { s.st_value + bias, s.st_size, g_intern_string(name) };
                g_array_append_val(syms, sym);
            }
        }
    }
    if (e) {
        elf_end(e);
    }
    close(fd);
}

static void syms_init(void)
{
    static GMutex init_lock;

    g_mutex_lock(&init_lock);
    if (!syms) {
        GArray *all = g_array_new(FALSE, FALSE, sizeof(Sym));

        syms = all;
        if (elf_version(EV_CURRENT) != EV_NONE && plugin_program.valid) {
            syms_load_file(plugin_program.exe_path, plugin_program.exe_bias);
            syms_load_file(plugin_program.interp_path,
                           plugin_program.interp_bias);
        }
        g_array_sort(syms, sym_cmp);
    }
    g_mutex_unlock(&init_lock);
}

const char *plugin_symbol_lookup(uint64_t addr)
{
    guint lo = 0, hi;

    syms_init();
    hi = syms->len;
    /* The first symbol starting after addr; containing ones come before. */
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(syms, Sym, mid).start <= addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    /* Walk back over a few candidates: nested and zero-size symbols. */
    for (guint i = lo, steps = 0; i > 0 && steps < 64; i--, steps++) {
        const Sym *s = &g_array_index(syms, Sym, i - 1);

        if (addr < s->start + MAX(s->size, 1)) {
            /* prefer the first of equal starts (sym_cmp order) */
            while (i > 1 && g_array_index(syms, Sym, i - 2).start == s->start &&
                   addr < s->start + MAX(g_array_index(syms, Sym, i - 2).size, 1)) {
                s = &g_array_index(syms, Sym, --i - 1);
            }
            return s->name;
        }
    }
    return NULL;
}
