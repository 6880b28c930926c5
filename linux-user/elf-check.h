// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * elf-check.h: open one ELF file and validate what the loader relies on.
 *
 * Internal to the ELF loader: elf-check.c reads the ELF header and program
 * headers and rejects, with one UEMU_ERROR_ELF error "<path>: <reason>",
 * every file that Linux would refuse to execute or that could make the
 * mapping code (elfload.c) misbehave. Once elf_file_open() has succeeded,
 * the mapping code may trust every PT_LOAD row: file ranges lie inside the
 * file, addresses do not overflow and lie inside the guest space (ET_EXEC),
 * the rows are sorted and disjoint, p_offset and p_vaddr are congruent
 * modulo the page size, and p_filesz <= p_memsz.
 */
#ifndef UEMU_ELF_CHECK_H
#define UEMU_ELF_CHECK_H

#include "mmap.h"

#include <elf.h>
#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

typedef struct ElfFile {
    const char *path;           /* host path, as given: for messages */
    char *real_path;            /* canonical path, for /proc/self/maps */
    int fd;
    uint64_t size;              /* file size in bytes */
    Elf64_Ehdr ehdr;
    Elf64_Phdr *phdr;           /* ehdr.e_phnum rows, g_malloc'd */
    GuestAddr lo, hi;           /* page span of the PT_LOAD segments, unbiased */
    uint64_t align;             /* largest power-of-two PT_LOAD p_align, >= page */
    GuestAddr phdr_vaddr;       /* unbiased address of the phdrs in memory, or 0 */
    char *interp;               /* PT_INTERP string, or NULL */
} ElfFile;

/*
 * elf_file_open: open and validate @path. @want_interp reads and checks
 * PT_INTERP (the interpreter's own PT_INTERP is ignored, as Linux does).
 * On failure returns false with @err set, and @ef needs no close.
 */
bool elf_file_open(ElfFile *ef, const char *path, bool want_interp,
                   GError **err);

/* elf_file_close: close the file and free what elf_file_open allocated. */
void elf_file_close(ElfFile *ef);

/* elf_load_segment: true for a PT_LOAD row that occupies memory. */
static inline bool elf_load_segment(const Elf64_Phdr *ph)
{
    return ph->p_type == PT_LOAD && ph->p_memsz != 0;
}

/* elf_error: set @err to "<path>: <reason>" (UEMU_ERROR_ELF); returns false. */
bool elf_error(GError **err, const char *path, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

#endif /* UEMU_ELF_CHECK_H */
