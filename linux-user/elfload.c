// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * elfload.c: map a validated AArch64 ELF (and its interpreter) into the
 * guest space.
 *
 * Second stage of the loader, after elf-check.c has vetted the headers.
 * Each image is placed as Linux's load_elf_binary() places it:
 *   1. reserve the whole page span of its PT_LOAD rows at once (PROT_NONE):
 *      ET_EXEC at its link address; a PIE main program at ELF_ET_DYN_BASE,
 *      where qemu-aarch64 puts it; an interpreter wherever guest_mmap()
 *      finds room (top-down), aligned to its largest p_align;
 *   2. map each segment over the reservation: file pages (MAP_PRIVATE, so
 *      /proc/self/maps shows the file and offset), the rest of the last
 *      file page zeroed when the segment has a bss, anonymous pages for the
 *      remaining bss; then give it its final R/W/X from p_flags;
 *   3. return the pages between segments to the reservation.
 * The main program's end fixes the brk start (guest_brk_init()); the
 * interpreter's entry, if any, is where the guest starts.
 */
#include "elfload.h"
#include "elf-check.h"
#include "error.h"
#include "log.h"
#include "module.h"
#include "path.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* qemu-aarch64 (and Linux's mmap base for 39-bit VA) put a PIE here. */
#define ELF_ET_DYN_BASE     0x5500000000ULL

#define RESERVE_FLAGS       (MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)

/* -- Reservation ---------------------------------------------------------- */

/*
 * Anywhere in the space, top-down, aligned to @align: over-reserve by
 * align - page and give back the slack on both sides. Falls back to page
 * alignment when the padded request cannot fit.
 */
static int64_t reserve_anywhere(uint64_t span, uint64_t align)
{
    uint64_t slack = align - GUEST_PAGE_SIZE;

    if (slack && slack < guest_space_size && span <= guest_space_size - slack) {
        int64_t r = guest_mmap(0, span + slack, PROT_NONE, RESERVE_FLAGS, -1, 0);

        if (r >= 0) {
            GuestAddr a = ((GuestAddr)r + align - 1) & ~(align - 1);
            GuestAddr end = (GuestAddr)r + span + slack;

            if (a > (GuestAddr)r) {
                guest_munmap(r, a - r);
            }
            if (end > a + span) {
                guest_munmap(a + span, end - (a + span));
            }
            return (int64_t)a;
        }
    }
    return guest_mmap(0, span, PROT_NONE, RESERVE_FLAGS, -1, 0);
}

/* Reserve the image's span; *@bias is what to add to its p_vaddr values. */
static bool elf_reserve(const ElfFile *ef, bool is_main, GuestAddr *bias,
                        GError **err)
{
    uint64_t span = ef->hi - ef->lo;
    int64_t r;

    if (ef->ehdr.e_type == ET_EXEC) {
        r = guest_mmap(ef->lo, span, PROT_NONE,
                       RESERVE_FLAGS | MAP_FIXED_NOREPLACE, -1, 0);
        if (r < 0) {
            return elf_error(err, ef->path, "cannot map 0x%" PRIx64 "-0x%"
                             PRIx64 ": %s", ef->lo, ef->hi, g_strerror(-r));
        }
        *bias = 0;
        return true;
    }
    r = -ENOMEM;
    if (is_main) {
        r = guest_mmap(ELF_ET_DYN_BASE, span, PROT_NONE,
                       RESERVE_FLAGS | MAP_FIXED_NOREPLACE, -1, 0);
    }
    if (r < 0) {
        r = reserve_anywhere(span, ef->align);
    }
    if (r < 0) {
        return elf_error(err, ef->path, "cannot reserve 0x%" PRIx64
                         " bytes of guest memory: %s", span, g_strerror(-r));
    }
    *bias = (GuestAddr)r - ef->lo;
    return true;
}

/* -- Segments ------------------------------------------------------------- */

static int elf_prot(uint32_t p_flags)
{
    return (p_flags & PF_R ? PROT_READ : 0) |
           (p_flags & PF_W ? PROT_WRITE : 0) |
           (p_flags & PF_X ? PROT_EXEC : 0);
}

/* The file pages of a segment, writable until its final mprotect. */
static int64_t map_file_part(const ElfFile *ef, const Elf64_Phdr *ph,
                             GuestAddr start, GuestAddr end, GuestAddr v)
{
    int64_t r = guest_mmap(start, end - start, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_FIXED, ef->fd,
                           ph->p_offset - (v - start));

    if (r >= 0) {
        guest_mmap_set_vma_info(start, end, 0, ef->real_path);
        /*
         * With a bss, the rest of the last file page belongs to it and must
         * read as zero (Linux's padzero()); without one it keeps the file
         * bytes, as Linux leaves them.
         */
        if (ph->p_memsz > ph->p_filesz) {
            GuestAddr fend = v + ph->p_filesz;
            memset(g2h(fend), 0, end - fend);
        }
    }
    return r;
}

static bool elf_map_segment(const ElfFile *ef, unsigned i, GuestAddr bias,
                            GError **err)
{
    const Elf64_Phdr *ph = &ef->phdr[i];
    GuestAddr v = ph->p_vaddr + bias;
    GuestAddr start = v & GUEST_PAGE_MASK;
    GuestAddr file_end = ph->p_filesz ? GUEST_PAGE_ALIGN(v + ph->p_filesz)
                                      : start;
    GuestAddr mem_end = GUEST_PAGE_ALIGN(v + ph->p_memsz);
    int64_t r = 0;

    if (file_end > start) {
        r = map_file_part(ef, ph, start, file_end, v);
    }
    if (r >= 0 && mem_end > file_end) {
        r = guest_mmap(file_end, mem_end - file_end, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    }
    if (r >= 0) {
        r = guest_mprotect(start, mem_end - start, elf_prot(ph->p_flags));
    }
    if (r < 0) {
        return elf_error(err, ef->path, "segment %u: cannot map at 0x%" PRIx64
                         ": %s", i, v, g_strerror((int)-r));
    }
    return true;
}

/*
 * Map every segment into the reservation, then unmap the holes between
 * them (Linux maps the segments one by one and leaves no mapping there).
 * On failure the whole reservation goes.
 */
static bool elf_map_segments(const ElfFile *ef, GuestAddr bias, GError **err)
{
    GuestAddr cur = ef->lo + bias;

    for (unsigned i = 0; i < ef->ehdr.e_phnum; i++) {
        const Elf64_Phdr *ph = &ef->phdr[i];
        GuestAddr start, end;

        if (!elf_load_segment(ph)) {
            continue;
        }
        if (!elf_map_segment(ef, i, bias, err)) {
            guest_munmap(ef->lo + bias, ef->hi - ef->lo);
            return false;
        }
        start = (ph->p_vaddr + bias) & GUEST_PAGE_MASK;
        end = GUEST_PAGE_ALIGN(ph->p_vaddr + bias + ph->p_memsz);
        if (start > cur) {
            guest_munmap(cur, start - cur);
        }
        cur = MAX(cur, end);
    }
    return true;
}

/* -- Image description ---------------------------------------------------- */

/*
 * start/end of code and data as Linux's load_elf_binary() computes them:
 * code from the executable rows, start_data at the highest row, end_data at
 * the highest file end, end_bss at the highest memory end. Without an
 * executable row (Linux leaves garbage there) code is empty at the lowest.
 */
static void elf_fill_image(const ElfFile *ef, GuestAddr bias, ElfImage *img)
{
    GuestAddr start_code = UINT64_MAX, end_code = 0;
    GuestAddr start_data = 0, end_data = 0, end_bss = 0;

    for (unsigned i = 0; i < ef->ehdr.e_phnum; i++) {
        const Elf64_Phdr *ph = &ef->phdr[i];
        GuestAddr fend = ph->p_vaddr + ph->p_filesz;

        if (!elf_load_segment(ph)) {
            continue;
        }
        if (ph->p_flags & PF_X) {
            start_code = MIN(start_code, ph->p_vaddr);
            end_code = MAX(end_code, fend);
        }
        start_data = MAX(start_data, ph->p_vaddr);
        end_data = MAX(end_data, fend);
        end_bss = MAX(end_bss, ph->p_vaddr + ph->p_memsz);
    }
    if (start_code == UINT64_MAX) {
        start_code = end_code = ef->lo;
    }
    img->load_bias = bias;
    img->entry = ef->ehdr.e_entry + bias;
    img->phdr = ef->phdr_vaddr ? ef->phdr_vaddr + bias : 0;
    img->phnum = ef->ehdr.e_phnum;
    img->phentsize = ef->ehdr.e_phentsize;
    img->start_code = start_code + bias;
    img->end_code = end_code + bias;
    img->start_data = start_data + bias;
    img->end_data = end_data + bias;
    img->end_bss = end_bss + bias;
    img->map_start = ef->lo + bias;
    img->map_end = ef->hi + bias;
    img->is_dyn = ef->ehdr.e_type == ET_DYN;
}

/* Validate, reserve, map one image; hands back its PT_INTERP if asked. */
static bool elf_load_image(const char *path, bool is_main, ElfImage *img,
                           char **interp, GError **err)
{
    ElfFile ef;
    GuestAddr bias = 0;
    bool ok;

    if (!elf_file_open(&ef, path, interp != NULL, err)) {
        return false;
    }
    ok = elf_reserve(&ef, is_main, &bias, err) &&
         elf_map_segments(&ef, bias, err);
    if (ok) {
        memset(img, 0, sizeof(*img));
        elf_fill_image(&ef, bias, img);
        img->path = g_strdup(path);
        if (interp) {
            *interp = g_steal_pointer(&ef.interp);
        }
    }
    elf_file_close(&ef);
    return ok;
}

static void elf_unmap_image(const ElfImage *img)
{
    guest_munmap(img->map_start, img->map_end - img->map_start);
}

/* -- The program ---------------------------------------------------------- */

/*
 * The interpreter, looked up under -L first. A missing one is the usual
 * mistake with dynamic binaries, so its message says what to do.
 */
static bool elf_load_interp(GuestProgram *prog, GError **err)
{
    g_autofree char *host = path_lookup(prog->interp_name);

    if (access(host, F_OK) != 0 && (errno == ENOENT || errno == ENOTDIR)) {
        if (path_prefix()) {
            return elf_error(err, prog->exe.path, "interpreter %s not found "
                             "(looked in -L prefix %s and on the host)",
                             prog->interp_name, path_prefix());
        }
        return elf_error(err, prog->exe.path, "interpreter %s not found "
                         "(use -L to give a sysroot)", prog->interp_name);
    }
    if (!elf_load_image(host, false, &prog->interp, NULL, err)) {
        return false;
    }
    prog->has_interp = true;
    return true;
}

bool elf_load_program(const char *path, GuestProgram *prog, GError **err)
{
    memset(&prog->exe, 0, sizeof(prog->exe));
    memset(&prog->interp, 0, sizeof(prog->interp));
    prog->has_interp = false;
    prog->interp_name = NULL;

    if (!elf_load_image(path, true, &prog->exe, &prog->interp_name, err)) {
        return false;
    }
    if (prog->interp_name && !elf_load_interp(prog, err)) {
        elf_unmap_image(&prog->exe);
        elf_program_free(prog);
        return false;
    }
    prog->entry = prog->has_interp ? prog->interp.entry : prog->exe.entry;
    /* Linux: mm->start_brk = ELF_PAGEALIGN(elf_brk) of the main program. */
    guest_brk_init(GUEST_PAGE_ALIGN(prog->exe.end_bss));
    return true;
}

void elf_program_free(GuestProgram *prog)
{
    g_clear_pointer(&prog->exe.path, g_free);
    g_clear_pointer(&prog->interp.path, g_free);
    g_clear_pointer(&prog->interp_name, g_free);
    prog->has_interp = false;
}

/* -- -d page -------------------------------------------------------------- */

static LogMask log_page;

static void elfload_register_log(void)
{
    log_page = log_item_register("page",
                                 "dump pages at beginning of user mode emulation");
}
module_init(elfload_register_log, MODULE_INIT_LOG);

bool elf_log_page_enabled(void)
{
    return log_enabled(log_page);
}

void elf_log_page(const GuestProgram *prog, FILE *out)
{
    const struct {
        const char *name;
        GuestAddr value;
    } rows[] = {
        /* qemu-aarch64's order */
        { "start_brk",   guest_brk_start() },
        { "end_code",    prog->exe.end_code },
        { "start_code",  prog->exe.start_code },
        { "start_data",  prog->exe.start_data },
        { "end_data",    prog->exe.end_data },
        { "start_stack", prog->start_stack },
        { "brk",         guest_brk(0) },
        { "entry",       prog->entry },
        { "argv_start",  prog->argv_start },
        { "env_start",   prog->env_start },
        { "auxv_start",  prog->auxv_start },
    };

    fprintf(out, "guest_base  0x%" PRIxPTR "\n", guest_base);
    fprintf(out, "page layout changed following binary load\n");
    guest_map_dump(out);
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        fprintf(out, "%-12s0x%016" PRIx64 "\n", rows[i].name, rows[i].value);
    }
}
