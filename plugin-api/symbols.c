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
 * ld.so have none), chosen exactly as QEMU chooses (see "Symbol tables"
 * below: function symbols only, size 0 never matches, QEMU's choice among
 * aliases). Loaded on first use.
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

/*
 * QEMU's rule, reproduced step by step so that aliases (several symbols at
 * one address, e.g. glibc's __libc_start_main and __libc_start_main_impl)
 * resolve to the same name as under qemu-aarch64 (linux-user/elfload.c,
 * load_symbols and lookup_symbolxx; same in 7.2 and 10.x):
 *
 *  1. one table per ELF image (the executable, the interpreter), from its
 *     first SHT_SYMTAB section; the interpreter's is searched first (QEMU
 *     prepends each image's table as it loads it);
 *  2. only STT_FUNC symbols with a section (not UNDEF, not >= LORESERVE)
 *     are kept, and the filter packs the array by moving the LAST entry
 *     into the place of each dropped one (so the order is not the file's);
 *  3. the result is sorted by address only, with glibc's qsort, which is a
 *     stable merge sort (Debian 12's glibc 2.36; GLib's sort is stable too);
 *  4. lookup is glibc's bsearch (midpoint (l + u) / 2) with "addr in
 *     [value, value + size)": a symbol of size 0 never matches, and among
 *     aliases the one the bisection meets first wins. A symbol with an
 *     empty name found this way means "none here" and the next table is
 *     searched.
 */
typedef struct Sym {
    uint64_t start, size;
    const char *name;             /* interned; "" for unnamed */
} Sym;

static GPtrArray *sym_tables;     /* GArray of Sym per image, search order */

static gint sym_cmp(gconstpointer a, gconstpointer b)
{
    const Sym *x = a, *y = b;

    return x->start < y->start ? -1 : x->start > y->start;
}

/* The image's table as QEMU builds it (steps 1-3), or NULL. */
static GArray *syms_load_file(const char *path, uint64_t bias)
{
    int fd = path ? open(path, O_RDONLY) : -1;
    GArray *syms = NULL;
    Elf *e;
    Elf_Scn *scn = NULL;

    if (fd < 0) {
        return NULL;
    }
    e = elf_begin(fd, ELF_C_READ, NULL);
    while (e && !syms && (scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        Elf_Data *data;
        size_t n;

        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB) {
            continue;
        }
        syms = g_array_new(FALSE, FALSE, sizeof(Sym));
        if (!sh.sh_entsize || !(data = elf_getdata(scn, NULL))) {
            break;
        }
        /* All entries in file order, then QEMU's packing filter. */
        n = sh.sh_size / sh.sh_entsize;
        g_autofree GElf_Sym *all = g_new0(GElf_Sym, n + 1);
        for (size_t i = 0; i < n; i++) {
            if (!gelf_getsym(data, (int)i, &all[i])) {
                n = i;
                break;
            }
        }
        for (size_t i = 0; i < n;) {
            const GElf_Sym *s = &all[i];

            if (s->st_shndx == SHN_UNDEF || s->st_shndx >= SHN_LORESERVE ||
                GELF_ST_TYPE(s->st_info) != STT_FUNC) {
                if (i < --n) {
                    all[i] = all[n];
                }
            } else {
                const char *name = elf_strptr(e, sh.sh_link, s->st_name);
                Sym sym = { s->st_value + bias, s->st_size,
                            g_intern_string(name ? name : "") };
                g_array_append_val(syms, sym);
                i++;
            }
        }
        g_array_sort(syms, sym_cmp);
    }
    if (e) {
        elf_end(e);
    }
    close(fd);
    return syms;
}

static void syms_init(void)
{
    static GMutex init_lock;

    g_mutex_lock(&init_lock);
    if (!sym_tables) {
        GPtrArray *all = g_ptr_array_new();
        GArray *t;

        if (elf_version(EV_CURRENT) != EV_NONE && plugin_program.valid) {
            t = syms_load_file(plugin_program.interp_path,
                               plugin_program.interp_bias);
            if (t) {
                g_ptr_array_add(all, t);
            }
            t = syms_load_file(plugin_program.exe_path,
                               plugin_program.exe_bias);
            if (t) {
                g_ptr_array_add(all, t);
            }
        }
        sym_tables = all;
    }
    g_mutex_unlock(&init_lock);
}

/* glibc's bsearch over @t with QEMU's symfind comparison (step 4). */
static const Sym *syms_bsearch(GArray *t, uint64_t addr)
{
    size_t l = 0, u = t->len;

    while (l < u) {
        size_t idx = (l + u) / 2;
        const Sym *s = &g_array_index(t, Sym, idx);

        if (addr < s->start) {
            u = idx;
        } else if (addr >= s->start + s->size) {
            l = idx + 1;
        } else {
            return s;
        }
    }
    return NULL;
}

const char *plugin_symbol_lookup(uint64_t addr)
{
    syms_init();
    for (guint i = 0; i < sym_tables->len; i++) {
        const Sym *s = syms_bsearch(g_ptr_array_index(sym_tables, i), addr);

        if (s && s->name[0]) {
            return s->name;
        }
    }
    return NULL;
}
