// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * elf-check.c: validation of a guest ELF file before anything is mapped.
 *
 * First stage of the loader (see elf-check.h): the ELF header, then the
 * program header table, then each PT_LOAD row and PT_INTERP. The checks
 * follow what Linux's load_elf_binary() refuses, plus the invariants the
 * mapping code needs; every failure is one message naming the file, so a
 * user who runs the wrong file learns why at once ("is an x86-64 ELF, not
 * AArch64"). The headers are read with pread() into <elf.h> structures:
 * only little-endian ELF64 passes, the host is little-endian, so no byte
 * swapping is needed. (libelf is not used here: elfutils' elf_begin()
 * also rejects files whose section headers are bad, which Linux ignores.)
 */
#include "elf-check.h"
#include "error.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_STATIC_ASSERT(G_BYTE_ORDER == G_LITTLE_ENDIAN);

/* Linux refuses program header tables larger than this (load_elf_phdrs). */
#define ELF_MAX_PHDR_BYTES  65536

bool elf_error(GError **err, const char *path, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *reason = NULL;

    va_start(ap, fmt);
    reason = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(err, UEMU_ERROR, UEMU_ERROR_ELF, "%s: %s", path, reason);
    return false;
}

/* -- ELF header ----------------------------------------------------------- */

/* Machines people most often run by mistake, named as in their manuals. */
static const struct {
    uint16_t machine;
    const char *name;           /* with its article, for "is <name> ELF" */
} machine_names[] = {
    /* machine       name */
    { EM_386,       "an i386" },
    { EM_X86_64,    "an x86-64" },
    { EM_ARM,       "a 32-bit ARM" },
    { EM_RISCV,     "a RISC-V" },
    { EM_PPC,       "a PowerPC" },
    { EM_PPC64,     "a PowerPC64" },
    { EM_S390,      "an s390x" },
    { EM_MIPS,      "a MIPS" },
    { EM_SPARCV9,   "a SPARC64" },
    { EM_IA_64,     "an IA-64" },
    { EM_LOONGARCH, "a LoongArch" },
};

static bool check_machine(const ElfFile *ef, GError **err)
{
    uint16_t m = ef->ehdr.e_machine;

    if (m == EM_AARCH64) {
        return true;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(machine_names); i++) {
        if (machine_names[i].machine == m) {
            return elf_error(err, ef->path, "is %s ELF, not AArch64",
                             machine_names[i].name);
        }
    }
    return elf_error(err, ef->path, "is an ELF for machine %u, not AArch64", m);
}

static bool check_type(const ElfFile *ef, GError **err)
{
    switch (ef->ehdr.e_type) {
    case ET_EXEC:
    case ET_DYN:
        return true;
    case ET_REL:
        return elf_error(err, ef->path,
                         "not an executable (ET_REL: a relocatable object)");
    case ET_CORE:
        return elf_error(err, ef->path,
                         "not an executable (ET_CORE: a core dump)");
    default:
        return elf_error(err, ef->path, "not an executable (e_type %u)",
                         ef->ehdr.e_type);
    }
}

/* e_ident: the magic, then 64-bit and little-endian before anything else. */
static bool check_ident(const ElfFile *ef, size_t got, GError **err)
{
    const unsigned char *id = ef->ehdr.e_ident;

    if (got < SELFMAG || memcmp(id, ELFMAG, SELFMAG) != 0) {
        return elf_error(err, ef->path, "not an ELF file");
    }
    if (got < EI_NIDENT) {
        return elf_error(err, ef->path, "truncated ELF header");
    }
    if (id[EI_CLASS] == ELFCLASS32) {
        return elf_error(err, ef->path,
                         "is a 32-bit ELF; AArch64 programs are 64-bit");
    }
    if (id[EI_CLASS] != ELFCLASS64) {
        return elf_error(err, ef->path, "invalid ELF class %u", id[EI_CLASS]);
    }
    if (id[EI_DATA] == ELFDATA2MSB) {
        return elf_error(err, ef->path,
                         "is a big-endian ELF; AArch64 Linux programs are "
                         "little-endian");
    }
    if (id[EI_DATA] != ELFDATA2LSB) {
        return elf_error(err, ef->path, "invalid ELF data encoding %u",
                         id[EI_DATA]);
    }
    if (got < sizeof(Elf64_Ehdr)) {
        return elf_error(err, ef->path, "truncated ELF header");
    }
    return true;
}

static bool read_ehdr(ElfFile *ef, GError **err)
{
    ssize_t got = pread(ef->fd, &ef->ehdr, sizeof(ef->ehdr), 0);

    if (got < 0) {
        return elf_error(err, ef->path, "cannot read: %s", g_strerror(errno));
    }
    return check_ident(ef, (size_t)got, err) && check_machine(ef, err) &&
           check_type(ef, err);
}

/* -- Program header table ------------------------------------------------- */

static bool read_phdrs(ElfFile *ef, GError **err)
{
    const Elf64_Ehdr *eh = &ef->ehdr;
    uint64_t bytes = (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr);

    if (eh->e_phentsize != sizeof(Elf64_Phdr)) {
        return elf_error(err, ef->path,
                         "unsupported program header size %u (expected %zu)",
                         eh->e_phentsize, sizeof(Elf64_Phdr));
    }
    if (bytes > ELF_MAX_PHDR_BYTES) {
        return elf_error(err, ef->path, "too many program headers (%u)",
                         eh->e_phnum);
    }
    if (eh->e_phoff > ef->size || bytes > ef->size - eh->e_phoff) {
        return elf_error(err, ef->path, "truncated program headers");
    }
    ef->phdr = g_malloc0(bytes ? bytes : 1);
    if (pread(ef->fd, ef->phdr, bytes, eh->e_phoff) != (ssize_t)bytes) {
        return elf_error(err, ef->path, "truncated program headers");
    }
    return true;
}

/* -- PT_LOAD rows --------------------------------------------------------- */

/* One row on its own: file range, sizes, address range, page congruence. */
static bool check_load(const ElfFile *ef, unsigned i, GError **err)
{
    const Elf64_Phdr *ph = &ef->phdr[i];
    uint64_t vaddr = ph->p_vaddr, memsz = ph->p_memsz;

    /* A segment with nothing from the file (all bss) may name any offset:
     * linkers put it past the end of the file, and Linux accepts that. */
    if (ph->p_filesz &&
        (ph->p_offset > ef->size || ph->p_filesz > ef->size - ph->p_offset)) {
        return elf_error(err, ef->path,
                         "segment %u: file range 0x%" PRIx64 "+0x%" PRIx64
                         " is outside the file (0x%" PRIx64 " bytes)",
                         i, ph->p_offset, ph->p_filesz, ef->size);
    }
    if (ph->p_filesz > memsz) {
        return elf_error(err, ef->path,
                         "segment %u: p_filesz 0x%" PRIx64
                         " is larger than p_memsz 0x%" PRIx64,
                         i, ph->p_filesz, memsz);
    }
    /* The end, rounded up to a page, must still be representable. */
    if (vaddr > (UINT64_MAX & GUEST_PAGE_MASK) ||
        memsz > (UINT64_MAX & GUEST_PAGE_MASK) - vaddr) {
        return elf_error(err, ef->path,
                         "segment %u: address range 0x%" PRIx64 "+0x%" PRIx64
                         " overflows", i, vaddr, memsz);
    }
    if ((vaddr ^ ph->p_offset) & (GUEST_PAGE_SIZE - 1)) {
        return elf_error(err, ef->path,
                         "segment %u: p_vaddr 0x%" PRIx64 " and p_offset 0x%"
                         PRIx64 " differ modulo the page size", i, vaddr,
                         ph->p_offset);
    }
    if (ef->ehdr.e_type == ET_EXEC &&
        !guest_range_in_space(vaddr & GUEST_PAGE_MASK,
                              GUEST_PAGE_ALIGN(vaddr + memsz) -
                              (vaddr & GUEST_PAGE_MASK))) {
        return elf_error(err, ef->path,
                         "segment %u: 0x%" PRIx64 "-0x%" PRIx64 " is outside "
                         "the guest address space (0x0-0x%" PRIx64 ")",
                         i, vaddr, vaddr + memsz, guest_space_size);
    }
    return true;
}

static void note_align(ElfFile *ef, uint64_t align)
{
    /* As Linux's maximum_alignment(): only powers of two count. */
    if (align > ef->align && (align & (align - 1)) == 0) {
        ef->align = align;
    }
}

/*
 * All rows: each valid, in ascending order without overlap (the ELF spec
 * requires PT_LOAD rows sorted by p_vaddr; Linux sizes the ET_DYN mapping
 * from the first and last), at least one; then the span they cover.
 */
static bool check_loads(ElfFile *ef, GError **err)
{
    int prev = -1;
    GuestAddr prev_end = 0;

    ef->align = GUEST_PAGE_SIZE;
    for (unsigned i = 0; i < ef->ehdr.e_phnum; i++) {
        const Elf64_Phdr *ph = &ef->phdr[i];

        if (!elf_load_segment(ph)) {
            continue;
        }
        if (!check_load(ef, i, err)) {
            return false;
        }
        if (prev >= 0 && ph->p_vaddr < prev_end) {
            return elf_error(err, ef->path, "segments %d and %u overlap or are "
                             "not in ascending address order", prev, i);
        }
        if (prev < 0) {
            ef->lo = ph->p_vaddr & GUEST_PAGE_MASK;
        }
        prev = (int)i;
        prev_end = ph->p_vaddr + ph->p_memsz;
        note_align(ef, ph->p_align);
    }
    if (prev < 0) {
        return elf_error(err, ef->path, "no loadable segment (PT_LOAD)");
    }
    ef->hi = GUEST_PAGE_ALIGN(prev_end);
    if (ef->hi - ef->lo > guest_space_size) {
        return elf_error(err, ef->path,
                         "segments span 0x%" PRIx64 " bytes, more than the "
                         "guest address space (0x%" PRIx64 ")",
                         ef->hi - ef->lo, guest_space_size);
    }
    return true;
}

/*
 * AT_PHDR: PT_PHDR when present, else the PT_LOAD whose file bytes contain
 * the table (as Linux computes phdr_addr); 0 when the table is not mapped.
 */
static void find_phdr_vaddr(ElfFile *ef)
{
    uint64_t off = ef->ehdr.e_phoff;

    for (unsigned i = 0; i < ef->ehdr.e_phnum; i++) {
        if (ef->phdr[i].p_type == PT_PHDR) {
            ef->phdr_vaddr = ef->phdr[i].p_vaddr;
            return;
        }
    }
    for (unsigned i = 0; i < ef->ehdr.e_phnum; i++) {
        const Elf64_Phdr *ph = &ef->phdr[i];

        if (elf_load_segment(ph) && ph->p_offset <= off &&
            off - ph->p_offset < ph->p_filesz) {
            ef->phdr_vaddr = off - ph->p_offset + ph->p_vaddr;
            return;
        }
    }
}

/* -- PT_INTERP ------------------------------------------------------------ */

/* The first PT_INTERP names the interpreter; Linux bounds it by PATH_MAX. */
static bool read_interp(ElfFile *ef, const Elf64_Phdr *ph, GError **err)
{
    char *s;

    if (ph->p_filesz > PATH_MAX) {
        return elf_error(err, ef->path, "PT_INTERP is too long (%" PRIu64
                         " bytes)", ph->p_filesz);
    }
    if (ph->p_filesz < 2) {
        return elf_error(err, ef->path, "PT_INTERP is empty");
    }
    /* A segment with nothing from the file (all bss) may name any offset:
     * linkers put it past the end of the file, and Linux accepts that. */
    if (ph->p_filesz &&
        (ph->p_offset > ef->size || ph->p_filesz > ef->size - ph->p_offset)) {
        return elf_error(err, ef->path, "PT_INTERP is outside the file");
    }
    s = g_malloc(ph->p_filesz);
    if (pread(ef->fd, s, ph->p_filesz, ph->p_offset) != (ssize_t)ph->p_filesz) {
        g_free(s);
        return elf_error(err, ef->path, "PT_INTERP is outside the file");
    }
    ef->interp = s;
    if (s[ph->p_filesz - 1] != '\0') {
        return elf_error(err, ef->path, "PT_INTERP is not NUL-terminated");
    }
    if (s[0] == '\0') {
        return elf_error(err, ef->path, "PT_INTERP is empty");
    }
    return true;
}

static bool check_interp(ElfFile *ef, GError **err)
{
    for (unsigned i = 0; i < ef->ehdr.e_phnum; i++) {
        if (ef->phdr[i].p_type == PT_INTERP) {
            return read_interp(ef, &ef->phdr[i], err);
        }
    }
    return true;
}

/* -- Opening -------------------------------------------------------------- */

/*
 * stat() before open(): a FIFO or a device named by a PT_INTERP must be
 * refused without opening it (opening a FIFO blocks). Linux: EACCES.
 */
static bool open_regular(ElfFile *ef, GError **err)
{
    struct stat st;

    if (stat(ef->path, &st) != 0) {
        return elf_error(err, ef->path, "cannot open: %s", g_strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return elf_error(err, ef->path, "not a regular file");
    }
    ef->fd = open(ef->path, O_RDONLY | O_CLOEXEC);
    if (ef->fd < 0) {
        return elf_error(err, ef->path, "cannot open: %s", g_strerror(errno));
    }
    if (fstat(ef->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return elf_error(err, ef->path, "not a regular file");
    }
    ef->size = (uint64_t)st.st_size;
    ef->real_path = realpath(ef->path, NULL);
    if (!ef->real_path) {
        ef->real_path = strdup(ef->path);
    }
    return true;
}

bool elf_file_open(ElfFile *ef, const char *path, bool want_interp,
                   GError **err)
{
    memset(ef, 0, sizeof(*ef));
    ef->path = path;
    ef->fd = -1;
    if (open_regular(ef, err) && read_ehdr(ef, err) && read_phdrs(ef, err) &&
        check_loads(ef, err) && (!want_interp || check_interp(ef, err))) {
        find_phdr_vaddr(ef);
        return true;
    }
    elf_file_close(ef);
    return false;
}

void elf_file_close(ElfFile *ef)
{
    if (ef->fd >= 0) {
        close(ef->fd);
        ef->fd = -1;
    }
    g_clear_pointer(&ef->real_path, free);
    g_clear_pointer(&ef->phdr, g_free);
    g_clear_pointer(&ef->interp, g_free);
}
