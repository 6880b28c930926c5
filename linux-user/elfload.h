// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * elfload.h: validate and map AArch64 ELF executables into the guest space.
 *
 * elf_load_program() maps the program, and for a dynamic one its PT_INTERP
 * interpreter (found under the -L prefix, see path.h), and reports in a
 * GuestProgram everything the stack builder, -d page, /proc and plugins need.
 * Any defect of the file is one UEMU_ERROR_ELF error naming the file and the
 * reason; nothing is left mapped after a failure.
 */
#ifndef UEMU_ELFLOAD_H
#define UEMU_ELFLOAD_H

#include "mmap.h"

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

/* One ELF file as mapped. Addresses are guest addresses, bias included. */
typedef struct ElfImage {
    char *path;                 /* host path it was read from */
    GuestAddr load_bias;        /* 0 for ET_EXEC */
    GuestAddr entry;
    GuestAddr phdr;             /* guest address of the program headers */
    uint16_t phnum;
    uint16_t phentsize;
    GuestAddr start_code, end_code;
    GuestAddr start_data, end_data;
    GuestAddr end_bss;          /* highest address of any segment */
    GuestAddr map_start, map_end; /* page span reserved for the image */
    bool is_dyn;                /* ET_DYN (PIE or shared object) */
} ElfImage;

typedef struct GuestProgram {
    ElfImage exe;
    ElfImage interp;            /* valid iff has_interp */
    bool has_interp;
    char *interp_name;          /* PT_INTERP as written in the file, or NULL */
    GuestAddr entry;            /* where the first instruction runs */

    /* Filled by the stack builder (stack.h). */
    GuestAddr stack_limit;      /* lowest address of the stack mapping */
    GuestAddr start_stack;      /* initial sp: points at argc */
    GuestAddr argv_start, env_start, auxv_start;
    uint64_t hwcap, hwcap2;     /* AT_HWCAP/AT_HWCAP2, set by the caller */
} GuestProgram;

/*
 * elf_load_program: load @path (and its interpreter). On failure returns false
 * with @err set and nothing mapped.
 */
bool elf_load_program(const char *path, GuestProgram *prog, GError **err);

/* elf_program_free: free the strings of @prog (not the guest mappings). */
void elf_program_free(GuestProgram *prog);

/* elf_log_page_enabled: -d page was asked for. */
bool elf_log_page_enabled(void);

/* elf_log_page: the -d page report of a loaded program, as qemu-aarch64 prints it. */
void elf_log_page(const GuestProgram *prog, FILE *out);

#endif /* UEMU_ELFLOAD_H */
