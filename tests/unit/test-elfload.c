// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-elfload.c: the ELF loader on handmade, corrupt and real files.
 *
 * Handmade files come from a small builder (TestElf): a minimal AArch64
 * ET_EXEC with one PT_LOAD, which each case then corrupts in one way and
 * writes into a temporary directory. Every error is checked by its exact
 * message, and after every failure the guest space must be empty. The
 * real guest programs (tests/guest) check the layout of a static binary and
 * of a dynamic one with its interpreter under -L.
 */
#include "unit.h"
#include "linux-user/elfload.h"
#include "linux-user/error.h"
#include "linux-user/mmap.h"
#include "linux-user/path.h"

#include <elf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEST_SPACE      (1ULL << 40)
#define TEST_BASE       0x400000ULL     /* link address of the handmade files */
#define TEST_FILE_SIZE  0x300           /* their size */
#define TEST_ENTRY      (TEST_BASE + 0x180)
#define TEST_INTERP_OFF 0x200           /* where a PT_INTERP string goes */
#define TEST_FILL       0xaa            /* every byte not a header */
#define TEST_MAX_PH     4

static char *tmpdir;
static GuestProgram prog;
static GError *err;

/* -- Builder -------------------------------------------------------------- */

typedef struct TestElf {
    Elf64_Ehdr eh;
    Elf64_Phdr ph[TEST_MAX_PH];
    size_t size;                /* bytes written */
    const char *interp;         /* bytes at TEST_INTERP_OFF, or NULL */
    size_t interp_len;
} TestElf;

/* A PT_LOAD R+X of the whole file at TEST_BASE, entry inside it. */
static void te_init(TestElf *t)
{
    memset(t, 0, sizeof(*t));
    memcpy(t->eh.e_ident, ELFMAG, SELFMAG);
    t->eh.e_ident[EI_CLASS] = ELFCLASS64;
    t->eh.e_ident[EI_DATA] = ELFDATA2LSB;
    t->eh.e_ident[EI_VERSION] = EV_CURRENT;
    t->eh.e_type = ET_EXEC;
    t->eh.e_machine = EM_AARCH64;
    t->eh.e_version = EV_CURRENT;
    t->eh.e_entry = TEST_ENTRY;
    t->eh.e_phoff = sizeof(Elf64_Ehdr);
    t->eh.e_ehsize = sizeof(Elf64_Ehdr);
    t->eh.e_phentsize = sizeof(Elf64_Phdr);
    t->eh.e_phnum = 1;
    t->ph[0] = (Elf64_Phdr) {
        .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
        .p_vaddr = TEST_BASE, .p_paddr = TEST_BASE,
        .p_filesz = TEST_FILE_SIZE, .p_memsz = TEST_FILE_SIZE,
        .p_align = 0x1000,
    };
    t->size = TEST_FILE_SIZE;
}

static Elf64_Phdr *te_add(TestElf *t, uint32_t type, uint64_t off,
                          uint64_t vaddr, uint64_t filesz, uint64_t memsz,
                          uint32_t flags)
{
    Elf64_Phdr *ph;

    ck_assert_uint_lt(t->eh.e_phnum, TEST_MAX_PH);
    ph = &t->ph[t->eh.e_phnum++];
    *ph = (Elf64_Phdr) {
        .p_type = type, .p_flags = flags, .p_offset = off, .p_vaddr = vaddr,
        .p_paddr = vaddr, .p_filesz = filesz, .p_memsz = memsz,
        .p_align = 0x1000,
    };
    return ph;
}

/* PT_INTERP of @len bytes of @s (the NUL counts if @len includes it). */
static void te_interp(TestElf *t, const char *s, size_t len)
{
    t->interp = s;
    t->interp_len = len;
    te_add(t, PT_INTERP, TEST_INTERP_OFF, TEST_BASE + TEST_INTERP_OFF, len,
           len, PF_R);
}

/* The file as bytes: TEST_FILL, then the headers and PT_INTERP over it. */
static char *te_write(const TestElf *t, const char *name)
{
    g_autofree guint8 *buf = g_malloc(MAX(t->size, 0x1000));
    char *path = g_build_filename(tmpdir, name, NULL);
    size_t phbytes = MIN(t->eh.e_phnum * sizeof(Elf64_Phdr), sizeof(t->ph));

    memset(buf, TEST_FILL, MAX(t->size, 0x1000));
    memcpy(buf, &t->eh, sizeof(t->eh));
    if (t->eh.e_phoff <= 0x1000 - phbytes) {    /* else it is past the end */
        memcpy(buf + t->eh.e_phoff, t->ph, phbytes);
    }
    if (t->interp) {
        memcpy(buf + TEST_INTERP_OFF, t->interp, t->interp_len);
    }
    ck_assert(g_file_set_contents(path, (char *)buf, (gssize)t->size, NULL));
    return path;
}

/* -- Guest-space queries -------------------------------------------------- */

typedef struct VmaQuery {
    GuestAddr addr;
    GuestVma vma;
    bool found;
    unsigned count;
} VmaQuery;

static bool query_cb(const GuestVma *v, void *opaque)
{
    VmaQuery *q = opaque;

    q->count++;
    if (v->start <= q->addr && q->addr < v->end) {
        q->vma = *v;
        q->found = true;
    }
    return true;
}

static VmaQuery vma_query(GuestAddr a)
{
    VmaQuery q = { .addr = a };

    guest_vma_foreach(query_cb, &q);
    return q;
}

static void assert_vma(GuestAddr a, GuestAddr start, GuestAddr end, int prot)
{
    VmaQuery q = vma_query(a);

    ck_assert_msg(q.found, "no VMA at 0x%" G_GINT64_MODIFIER "x", a);
    ck_assert_uint_eq(q.vma.start, start);
    ck_assert_uint_eq(q.vma.end, end);
    ck_assert_int_eq(q.vma.prot, prot);
}

static void assert_space_empty(void)
{
    ck_assert_uint_eq(vma_query(0).count, 0);
}

/* The load fails with exactly "<file>: <reason>" and maps nothing. */
static void assert_load_error(const char *path, const char *file,
                              const char *reason)
{
    g_autofree char *want = g_strdup_printf("%s: %s", file, reason);

    ck_assert(!elf_load_program(path, &prog, &err));
    ck_assert_ptr_nonnull(err);
    ck_assert(g_error_matches(err, UEMU_ERROR, UEMU_ERROR_ELF));
    ck_assert_str_eq(err->message, want);
    assert_space_empty();
}

/* -- Fixture -------------------------------------------------------------- */

static void rm_rf(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *p = g_build_filename(path, name, NULL);
        if (g_file_test(p, G_FILE_TEST_IS_DIR)) {
            rm_rf(p);
        } else {
            unlink(p);
        }
    }
    if (d) {
        g_dir_close(d);
    }
    rmdir(path);
}

/*
 * The directory is an unchecked fixture: made before a TCase's tests and
 * removed after them in the runner, so a failing test leaves nothing behind.
 */
static void setup_tmpdir(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-elfload-XXXXXX", NULL);
    char *real;

    ck_assert_ptr_nonnull(dir);
    real = realpath(dir, NULL);         /* VMAs carry canonical paths */
    tmpdir = g_strdup(real);
    free(real);
}

static void teardown_tmpdir(void)
{
    rm_rf(tmpdir);
    g_clear_pointer(&tmpdir, g_free);
}

static void setup(void)
{
    GError *e = NULL;

    ck_assert_msg(guest_space_init_at(0, TEST_SPACE, &e), "%s",
                  e ? e->message : "");
    path_set_prefix(NULL);
    memset(&prog, 0, sizeof(prog));
    err = NULL;
}

static void teardown(void)
{
    elf_program_free(&prog);
    g_clear_error(&err);
    guest_space_destroy();
    path_set_prefix(NULL);
}

static TCase *elfload_tcase(Suite *s, const char *name)
{
    TCase *tc = tcase_create(name);

    tcase_add_unchecked_fixture(tc, setup_tmpdir, teardown_tmpdir);
    tcase_add_checked_fixture(tc, setup, teardown);
    suite_add_tcase(s, tc);
    return tc;
}

/* -- Corrupt headers: one mutation, one message --------------------------- */

static void m_not_elf(TestElf *t)       { t->eh.e_ident[EI_MAG1] = 'X'; }
static void m_short_ident(TestElf *t)   { t->size = 10; }
static void m_short_header(TestElf *t)  { t->size = 40; }
static void m_class32(TestElf *t)       { t->eh.e_ident[EI_CLASS] = ELFCLASS32; }
static void m_class_bad(TestElf *t)     { t->eh.e_ident[EI_CLASS] = 7; }
static void m_big_endian(TestElf *t)    { t->eh.e_ident[EI_DATA] = ELFDATA2MSB; }
static void m_data_bad(TestElf *t)      { t->eh.e_ident[EI_DATA] = 9; }
static void m_x86_64(TestElf *t)        { t->eh.e_machine = EM_X86_64; }
static void m_arm32(TestElf *t)         { t->eh.e_machine = EM_ARM; }
static void m_riscv(TestElf *t)         { t->eh.e_machine = EM_RISCV; }
static void m_machine_odd(TestElf *t)   { t->eh.e_machine = 0x1234; }
static void m_et_rel(TestElf *t)        { t->eh.e_type = ET_REL; }
static void m_et_core(TestElf *t)       { t->eh.e_type = ET_CORE; }
static void m_et_odd(TestElf *t)        { t->eh.e_type = 0x42; }
static void m_phentsize(TestElf *t)     { t->eh.e_phentsize = 32; }
static void m_phnum_huge(TestElf *t)    { t->eh.e_phnum = 2000; }
static void m_phoff_past(TestElf *t)    { t->eh.e_phoff = TEST_FILE_SIZE - 16; }
static void m_phoff_huge(TestElf *t)    { t->eh.e_phoff = UINT64_MAX - 8; }
static void m_no_load(TestElf *t)       { t->ph[0].p_type = PT_NOTE; }
static void m_only_empty_load(TestElf *t)
{
    t->ph[0].p_filesz = t->ph[0].p_memsz = 0;
}
static void m_filesz_past(TestElf *t)
{
    t->ph[0].p_filesz = t->ph[0].p_memsz = 0x400;
}
static void m_offset_huge(TestElf *t)
{
    t->ph[0].p_offset = UINT64_MAX & ~0xfffULL;
}
static void m_filesz_gt_memsz(TestElf *t) { t->ph[0].p_memsz = 0x100; }
static void m_addr_overflow(TestElf *t)
{
    t->ph[0].p_vaddr = 0xfffffffffffff000ULL;
    t->ph[0].p_memsz = 0x2000;
}
static void m_outside_space(TestElf *t) { t->ph[0].p_vaddr = TEST_SPACE; }
static void m_incongruent(TestElf *t)   { t->ph[0].p_vaddr = TEST_BASE + 0x10; }
static void m_overlap(TestElf *t)
{
    te_add(t, PT_LOAD, 0x100, TEST_BASE + 0x100, 0x10, 0x10, PF_R | PF_W);
}
static void m_unsorted(TestElf *t)
{
    te_add(t, PT_LOAD, 0, TEST_BASE - 0x100000, 0x10, 0x10, PF_R);
}
static void m_dyn_too_big(TestElf *t)
{
    t->eh.e_type = ET_DYN;
    t->ph[0].p_vaddr = 0;
    t->ph[0].p_memsz = 2 * TEST_SPACE;
}
static void m_interp_unterminated(TestElf *t) { te_interp(t, "/lib/ld.so", 10); }
static void m_interp_empty(TestElf *t)        { te_interp(t, "", 1); }
static void m_interp_nul_nul(TestElf *t)      { te_interp(t, "\0", 2); }
static void m_interp_too_long(TestElf *t)
{
    te_interp(t, NULL, 0);
    t->ph[1].p_filesz = PATH_MAX + 1;
}
static void m_interp_past(TestElf *t)
{
    te_interp(t, NULL, 0);
    t->ph[1].p_offset = TEST_FILE_SIZE - 4;
    t->ph[1].p_filesz = 16;
}

typedef struct BadCase {
    const char *name;
    void (*mutate)(TestElf *t);
    const char *reason;
} BadCase;

static const BadCase bad_cases[] = {
    /* name              mutation             message after "<path>: " */
    { "not-elf",         m_not_elf,           "not an ELF file" },
    { "short-ident",     m_short_ident,       "truncated ELF header" },
    { "short-header",    m_short_header,      "truncated ELF header" },
    { "class32",         m_class32,           "is a 32-bit ELF; AArch64 programs are 64-bit" },
    { "class-bad",       m_class_bad,         "invalid ELF class 7" },
    { "big-endian",      m_big_endian,        "is a big-endian ELF; AArch64 Linux programs are little-endian" },
    { "data-bad",        m_data_bad,          "invalid ELF data encoding 9" },
    { "x86-64",          m_x86_64,            "is an x86-64 ELF, not AArch64" },
    { "arm32",           m_arm32,             "is a 32-bit ARM ELF, not AArch64" },
    { "riscv",           m_riscv,             "is a RISC-V ELF, not AArch64" },
    { "machine-odd",     m_machine_odd,       "is an ELF for machine 4660, not AArch64" },
    { "et-rel",          m_et_rel,            "not an executable (ET_REL: a relocatable object)" },
    { "et-core",         m_et_core,           "not an executable (ET_CORE: a core dump)" },
    { "et-odd",          m_et_odd,            "not an executable (e_type 66)" },
    { "phentsize",       m_phentsize,         "unsupported program header size 32 (expected 56)" },
    { "phnum-huge",      m_phnum_huge,        "too many program headers (2000)" },
    { "phoff-past",      m_phoff_past,        "truncated program headers" },
    { "phoff-huge",      m_phoff_huge,        "truncated program headers" },
    { "no-load",         m_no_load,           "no loadable segment (PT_LOAD)" },
    { "only-empty-load", m_only_empty_load,   "no loadable segment (PT_LOAD)" },
    { "filesz-past",     m_filesz_past,       "segment 0: file range 0x0+0x400 is outside the file (0x300 bytes)" },
    { "offset-huge",     m_offset_huge,       "segment 0: file range 0xfffffffffffff000+0x300 is outside the file (0x300 bytes)" },
    { "filesz-gt-memsz", m_filesz_gt_memsz,   "segment 0: p_filesz 0x300 is larger than p_memsz 0x100" },
    { "addr-overflow",   m_addr_overflow,     "segment 0: address range 0xfffffffffffff000+0x2000 overflows" },
    { "outside-space",   m_outside_space,     "segment 0: 0x10000000000-0x10000000300 is outside the guest address space (0x0-0x10000000000)" },
    { "incongruent",     m_incongruent,       "segment 0: p_vaddr 0x400010 and p_offset 0x0 differ modulo the page size" },
    { "overlap",         m_overlap,           "segments 0 and 1 overlap or are not in ascending address order" },
    { "unsorted",        m_unsorted,          "segments 0 and 1 overlap or are not in ascending address order" },
    { "dyn-too-big",     m_dyn_too_big,       "segments span 0x20000000000 bytes, more than the guest address space (0x10000000000)" },
    { "interp-unterm",   m_interp_unterminated, "PT_INTERP is not NUL-terminated" },
    { "interp-empty",    m_interp_empty,      "PT_INTERP is empty" },
    { "interp-nul-nul",  m_interp_nul_nul,    "PT_INTERP is empty" },
    { "interp-too-long", m_interp_too_long,   "PT_INTERP is too long (4097 bytes)" },
    { "interp-past",     m_interp_past,       "PT_INTERP is outside the file" },
};

START_TEST(test_elf_load_corrupt_file_fails_with_exact_message_and_maps_nothing)
{
    const BadCase *c = &bad_cases[_i];
    g_autofree char *path = NULL;
    TestElf t;

    te_init(&t);
    c->mutate(&t);
    path = te_write(&t, c->name);
    assert_load_error(path, path, c->reason);
}
END_TEST

/* -- Files that are not there or not files -------------------------------- */

START_TEST(test_elf_load_missing_file_fails_with_strerror)
{
    g_autofree char *path = g_build_filename(tmpdir, "nothing", NULL);

    assert_load_error(path, path, "cannot open: No such file or directory");
}
END_TEST

START_TEST(test_elf_load_directory_fails_as_not_regular)
{
    assert_load_error(tmpdir, tmpdir, "not a regular file");
}
END_TEST

START_TEST(test_elf_load_unreadable_file_fails_with_strerror)
{
    g_autofree char *path = NULL;
    TestElf t;

    if (geteuid() == 0) {
        return;                 /* root reads anything */
    }
    te_init(&t);
    path = te_write(&t, "unreadable");
    chmod(path, 0);
    assert_load_error(path, path, "cannot open: Permission denied");
}
END_TEST

/* -- A valid handmade program --------------------------------------------- */

/* Code at TEST_BASE; data at +0x1280 with 0x40 file bytes, bss to +0x3280. */
static char *write_two_segment_exec(void)
{
    TestElf t;

    te_init(&t);
    te_add(&t, PT_LOAD, 0x280, TEST_BASE + 0x1280, 0x40, 0x2000, PF_R | PF_W);
    return te_write(&t, "two-seg");
}

START_TEST(test_elf_load_exec_maps_segments_at_link_address_with_prot)
{
    g_autofree char *path = write_two_segment_exec();

    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    assert_vma(TEST_BASE, TEST_BASE, TEST_BASE + 0x1000, PROT_READ | PROT_EXEC);
    /* As in Linux's maps: the file page, then the anonymous rest of the bss. */
    assert_vma(TEST_BASE + 0x1000, TEST_BASE + 0x1000, TEST_BASE + 0x2000,
               PROT_READ | PROT_WRITE);
    assert_vma(TEST_BASE + 0x2000, TEST_BASE + 0x2000, TEST_BASE + 0x4000,
               PROT_READ | PROT_WRITE);
    ck_assert_uint_eq(vma_query(0).count, 3);
    ck_assert_str_eq(vma_query(TEST_BASE).vma.path, path);
    ck_assert_str_eq(vma_query(TEST_BASE + 0x1000).vma.path, path);
    ck_assert_uint_eq(vma_query(TEST_BASE + 0x1000).vma.offset, 0);
    ck_assert_ptr_null(vma_query(TEST_BASE + 0x2000).vma.path);
    ck_assert(vma_query(TEST_BASE + 0x2000).vma.flags & GUEST_VMA_ANON);
}
END_TEST

START_TEST(test_elf_load_exec_copies_file_bytes_and_zeroes_bss_page_tail)
{
    g_autofree char *path = write_two_segment_exec();
    const guint8 *mem;

    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert_int_eq(memcmp(g2h(TEST_BASE), ELFMAG, SELFMAG), 0);
    mem = g2h(TEST_BASE + 0x1280);
    for (unsigned i = 0; i < 0x40; i++) {
        ck_assert_uint_eq(mem[i], TEST_FILL);
    }
    /* The file goes on past p_filesz in that page: it must read as zero. */
    for (GuestAddr a = TEST_BASE + 0x12c0; a < TEST_BASE + 0x4000; a++) {
        ck_assert_msg(*(guint8 *)g2h(a) == 0, "bss byte at 0x%"
                      G_GINT64_MODIFIER "x not zero", a);
    }
}
END_TEST

/* ld places an all-bss segment's p_offset past the end of the file. */
START_TEST(test_elf_load_bss_only_segment_with_offset_past_eof_loads_zeroed)
{
    g_autofree char *path = NULL;
    TestElf t;

    te_init(&t);
    te_add(&t, PT_LOAD, 0x2000, TEST_BASE + 0x10000, 0,
           0x3000, PF_R | PF_W);
    path = te_write(&t, "bss-only");
    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    assert_vma(TEST_BASE + 0x10000, TEST_BASE + 0x10000, TEST_BASE + 0x13000,
               PROT_READ | PROT_WRITE);
    ck_assert_uint_eq(*(guint8 *)g2h(TEST_BASE + 0x12fff), 0);
}
END_TEST

START_TEST(test_elf_load_exec_fills_linux_code_data_bounds_and_brk)
{
    g_autofree char *path = write_two_segment_exec();

    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert_uint_eq(prog.exe.load_bias, 0);
    ck_assert_uint_eq(prog.exe.entry, TEST_ENTRY);
    ck_assert_uint_eq(prog.entry, TEST_ENTRY);
    ck_assert_uint_eq(prog.exe.start_code, TEST_BASE);
    ck_assert_uint_eq(prog.exe.end_code, TEST_BASE + TEST_FILE_SIZE);
    ck_assert_uint_eq(prog.exe.start_data, TEST_BASE + 0x1280);
    ck_assert_uint_eq(prog.exe.end_data, TEST_BASE + 0x12c0);
    ck_assert_uint_eq(prog.exe.end_bss, TEST_BASE + 0x3280);
    ck_assert_uint_eq(guest_brk_start(), TEST_BASE + 0x4000);
    ck_assert_uint_eq(prog.exe.phdr, TEST_BASE + sizeof(Elf64_Ehdr));
    ck_assert_uint_eq(prog.exe.phnum, 2);
    ck_assert_uint_eq(prog.exe.phentsize, sizeof(Elf64_Phdr));
    ck_assert(!prog.exe.is_dyn);
    ck_assert(!prog.has_interp);
    ck_assert_ptr_null(prog.interp_name);
    ck_assert_str_eq(prog.exe.path, path);
}
END_TEST

START_TEST(test_elf_load_exec_unmaps_gap_between_segments)
{
    TestElf t;
    g_autofree char *path = NULL;

    te_init(&t);
    te_add(&t, PT_LOAD, 0x280, TEST_BASE + 0x10280, 0x40, 0x40, PF_R | PF_W);
    path = te_write(&t, "gap");
    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert(!vma_query(TEST_BASE + 0x1000).found);
    ck_assert(!vma_query(TEST_BASE + 0xf000).found);
    assert_vma(TEST_BASE + 0x10000, TEST_BASE + 0x10000, TEST_BASE + 0x11000,
               PROT_READ | PROT_WRITE);
}
END_TEST

START_TEST(test_elf_load_pt_phdr_gives_phdr_address)
{
    TestElf t;
    g_autofree char *path = NULL;

    te_init(&t);
    te_add(&t, PT_PHDR, 0x40, TEST_BASE + 0x40, 0x70, 0x70, PF_R);
    t.ph[1].p_vaddr = TEST_BASE + 0x48;     /* differs from the PT_LOAD rule */
    path = te_write(&t, "pt-phdr");
    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert_uint_eq(prog.exe.phdr, TEST_BASE + 0x48);
}
END_TEST

START_TEST(test_elf_load_exec_address_taken_fails_and_keeps_other_mapping)
{
    g_autofree char *path = write_two_segment_exec();
    g_autofree char *want = NULL;

    ck_assert_int_eq(guest_mmap(TEST_BASE + 0x2000, 0x1000, PROT_READ,
                                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
                     (int64_t)(TEST_BASE + 0x2000));
    ck_assert(!elf_load_program(path, &prog, &err));
    want = g_strdup_printf("%s: cannot map 0x400000-0x404000: File exists", path);
    ck_assert_str_eq(err->message, want);
    ck_assert_uint_eq(vma_query(0).count, 1);
}
END_TEST

START_TEST(test_elf_load_pie_main_program_goes_to_0x5500000000)
{
    TestElf t;
    g_autofree char *path = NULL;

    te_init(&t);
    t.eh.e_type = ET_DYN;
    t.eh.e_entry = 0x180;
    t.ph[0].p_vaddr = 0;
    path = te_write(&t, "pie");
    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert(prog.exe.is_dyn);
    ck_assert_uint_eq(prog.exe.load_bias, 0x5500000000ULL);
    ck_assert_uint_eq(prog.entry, 0x5500000180ULL);
    assert_vma(0x5500000000ULL, 0x5500000000ULL, 0x5500001000ULL,
               PROT_READ | PROT_EXEC);
}
END_TEST

START_TEST(test_elf_load_pie_base_taken_loads_elsewhere)
{
    TestElf t;
    g_autofree char *path = NULL;

    ck_assert_int_ge(guest_mmap(0x5500000000ULL, 0x1000, PROT_READ,
                                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), 0);
    te_init(&t);
    t.eh.e_type = ET_DYN;
    t.ph[0].p_vaddr = 0;
    path = te_write(&t, "pie2");
    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert_uint_ne(prog.exe.load_bias, 0x5500000000ULL);
    ck_assert_uint_eq(prog.exe.load_bias & 0xfff, 0);
}
END_TEST

/* -- PT_INTERP ------------------------------------------------------------ */

/* A valid ET_DYN interpreter at tmpdir/lib/ld-test.so, 64 KiB aligned. */
static char *write_interp(void)
{
    g_autofree char *lib = g_build_filename(tmpdir, "lib", NULL);
    TestElf t;

    mkdir(lib, 0755);
    te_init(&t);
    t.eh.e_type = ET_DYN;
    t.eh.e_entry = 0x100;
    t.ph[0].p_vaddr = 0;
    t.ph[0].p_align = 0x10000;
    return te_write(&t, "lib/ld-test.so");
}

START_TEST(test_elf_load_interp_under_prefix_is_loaded_and_entered)
{
    static const char name[] = "/lib/ld-test.so";
    g_autofree char *interp = write_interp();
    g_autofree char *path = NULL;
    TestElf t;

    te_init(&t);
    te_interp(&t, name, sizeof(name));
    path = te_write(&t, "with-interp");
    path_set_prefix(tmpdir);
    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert(prog.has_interp);
    ck_assert_str_eq(prog.interp_name, name);
    ck_assert_str_eq(prog.interp.path, interp);
    ck_assert_uint_ne(prog.interp.load_bias, 0);
    ck_assert_uint_eq(prog.interp.load_bias % 0x10000, 0);
    ck_assert_uint_eq(prog.interp.entry, prog.interp.load_bias + 0x100);
    ck_assert_uint_eq(prog.entry, prog.interp.entry);
    ck_assert_uint_eq(prog.exe.entry, TEST_ENTRY);
    ck_assert_str_eq(vma_query(prog.interp.load_bias).vma.path, interp);
    /* brk follows the program, not the interpreter. */
    ck_assert_uint_eq(guest_brk_start(), TEST_BASE + 0x1000);
}
END_TEST

START_TEST(test_elf_load_interp_missing_without_prefix_suggests_l)
{
    static const char name[] = "/nonexistent/ld-test.so";
    g_autofree char *path = NULL;
    TestElf t;

    te_init(&t);
    te_interp(&t, name, sizeof(name));
    path = te_write(&t, "no-interp");
    assert_load_error(path, path, "interpreter /nonexistent/ld-test.so not "
                      "found (use -L to give a sysroot)");
}
END_TEST

START_TEST(test_elf_load_interp_missing_with_prefix_names_prefix)
{
    static const char name[] = "/nonexistent/ld-test.so";
    g_autofree char *path = NULL, *reason = NULL;
    TestElf t;

    te_init(&t);
    te_interp(&t, name, sizeof(name));
    path = te_write(&t, "no-interp");
    path_set_prefix(tmpdir);
    reason = g_strdup_printf("interpreter /nonexistent/ld-test.so not found "
                             "(looked in -L prefix %s and on the host)", tmpdir);
    assert_load_error(path, path, reason);
}
END_TEST

START_TEST(test_elf_load_bad_interp_names_interp_and_unmaps_program)
{
    g_autofree char *interp = g_build_filename(tmpdir, "not-ld.so", NULL);
    g_autofree char *path = NULL;
    TestElf t;

    ck_assert(g_file_set_contents(interp, "#!/bin/sh\n", -1, NULL));
    te_init(&t);
    te_interp(&t, interp, strlen(interp) + 1);
    path = te_write(&t, "bad-interp");
    assert_load_error(path, interp, "not an ELF file");
}
END_TEST

START_TEST(test_elf_load_interp_wrong_machine_names_interp)
{
    g_autofree char *interp = NULL;
    g_autofree char *path = NULL;
    TestElf t;

    te_init(&t);
    t.eh.e_machine = EM_X86_64;
    interp = te_write(&t, "x86-ld.so");
    te_init(&t);
    te_interp(&t, interp, strlen(interp) + 1);
    path = te_write(&t, "x86-interp");
    assert_load_error(path, interp, "is an x86-64 ELF, not AArch64");
}
END_TEST

/* -- Real guest programs -------------------------------------------------- */

START_TEST(test_elf_load_hello_static_maps_rx_and_rw_at_0x400000)
{
    g_autofree char *path = UNIT_BUILD_PATH("tests/guest/hello-static");
    VmaQuery q;

    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert(!prog.has_interp);
    ck_assert_uint_eq(prog.exe.start_code, 0x400000);
    q = vma_query(0x400000);
    ck_assert(q.found);
    ck_assert_uint_eq(q.vma.start, 0x400000);
    ck_assert_int_eq(q.vma.prot, PROT_READ | PROT_EXEC);
    ck_assert(g_str_has_suffix(q.vma.path, "/tests/guest/hello-static"));
    q = vma_query(prog.exe.start_data);
    ck_assert(q.found);
    ck_assert_int_eq(q.vma.prot, PROT_READ | PROT_WRITE);
    ck_assert_uint_ge(prog.entry, prog.exe.start_code);
    ck_assert_uint_lt(prog.entry, prog.exe.end_code);
    ck_assert_uint_eq(guest_brk_start(), GUEST_PAGE_ALIGN(prog.exe.end_bss));
    ck_assert_uint_eq(*(uint32_t *)g2h(prog.exe.phdr), PT_LOAD);
}
END_TEST

START_TEST(test_elf_load_hello_dynamic_with_prefix_loads_interpreter)
{
    g_autofree char *path = UNIT_BUILD_PATH("tests/guest/hello-dynamic");

    path_set_prefix("/usr/aarch64-linux-gnu");
    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    ck_assert(prog.has_interp);
    ck_assert_str_eq(prog.interp_name, "/lib/ld-linux-aarch64.so.1");
    ck_assert_str_eq(prog.interp.path,
                     "/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1");
    ck_assert(prog.exe.is_dyn);
    ck_assert_uint_eq(prog.exe.load_bias, 0x5500000000ULL);
    ck_assert_uint_ne(prog.interp.load_bias, 0);
    ck_assert_uint_eq(prog.entry, prog.interp.entry);
    ck_assert_uint_ne(prog.entry, prog.exe.entry);
    ck_assert_int_eq(vma_query(prog.interp.entry).vma.prot,
                     PROT_READ | PROT_EXEC);
}
END_TEST

START_TEST(test_elf_load_hello_dynamic_without_prefix_fails_missing_interp)
{
    g_autofree char *path = UNIT_BUILD_PATH("tests/guest/hello-dynamic");

    assert_load_error(path, path, "interpreter /lib/ld-linux-aarch64.so.1 "
                      "not found (use -L to give a sysroot)");
}
END_TEST

/* -- -d page -------------------------------------------------------------- */

START_TEST(test_elf_log_page_prints_qemu_format)
{
    g_autofree char *path = write_two_segment_exec();
    g_autofree char *text = NULL;
    g_autofree char *base = NULL;
    size_t len;
    FILE *out = open_memstream(&text, &len);

    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    prog.start_stack = 0x5500800710ULL;
    elf_log_page(&prog, out);
    fclose(out);
    base = g_strdup_printf("guest_base  0x%" G_GINT64_MODIFIER "x\n",
                           (guint64)guest_base);
    ck_assert(g_str_has_prefix(text, base));
    ck_assert_ptr_nonnull(strstr(text,
        "page layout changed following binary load\n"
        "start            end              size             prot\n"
        "0000000000400000-0000000000401000 0000000000001000 r-x\n"
        "0000000000401000-0000000000404000 0000000000003000 rw-\n"
        "start_brk   0x0000000000404000\n"
        "end_code    0x0000000000400300\n"
        "start_code  0x0000000000400000\n"
        "start_data  0x0000000000401280\n"
        "end_data    0x00000000004012c0\n"
        "start_stack 0x0000005500800710\n"
        "brk         0x0000000000404000\n"
        "entry       0x0000000000400180\n"
        "argv_start  0x0000000000000000\n"
        "env_start   0x0000000000000000\n"
        "auxv_start  0x0000000000000000\n"));
}
END_TEST

static Suite *elfload_suite(void)
{
    Suite *s = suite_create("elfload");
    TCase *tc = elfload_tcase(s, "corrupt");

    tcase_add_loop_test(tc,
        test_elf_load_corrupt_file_fails_with_exact_message_and_maps_nothing,
        0, G_N_ELEMENTS(bad_cases));
    tcase_add_test(tc, test_elf_load_missing_file_fails_with_strerror);
    tcase_add_test(tc, test_elf_load_directory_fails_as_not_regular);
    tcase_add_test(tc, test_elf_load_unreadable_file_fails_with_strerror);

    tc = elfload_tcase(s, "handmade");
    tcase_add_test(tc, test_elf_load_exec_maps_segments_at_link_address_with_prot);
    tcase_add_test(tc, test_elf_load_exec_copies_file_bytes_and_zeroes_bss_page_tail);
    tcase_add_test(tc, test_elf_load_bss_only_segment_with_offset_past_eof_loads_zeroed);
    tcase_add_test(tc, test_elf_load_exec_fills_linux_code_data_bounds_and_brk);
    tcase_add_test(tc, test_elf_load_exec_unmaps_gap_between_segments);
    tcase_add_test(tc, test_elf_load_pt_phdr_gives_phdr_address);
    tcase_add_test(tc, test_elf_load_exec_address_taken_fails_and_keeps_other_mapping);
    tcase_add_test(tc, test_elf_load_pie_main_program_goes_to_0x5500000000);
    tcase_add_test(tc, test_elf_load_pie_base_taken_loads_elsewhere);
    tcase_add_test(tc, test_elf_log_page_prints_qemu_format);

    tc = elfload_tcase(s, "interp");
    tcase_add_test(tc, test_elf_load_interp_under_prefix_is_loaded_and_entered);
    tcase_add_test(tc, test_elf_load_interp_missing_without_prefix_suggests_l);
    tcase_add_test(tc, test_elf_load_interp_missing_with_prefix_names_prefix);
    tcase_add_test(tc, test_elf_load_bad_interp_names_interp_and_unmaps_program);
    tcase_add_test(tc, test_elf_load_interp_wrong_machine_names_interp);

    tc = elfload_tcase(s, "guest-programs");
    tcase_add_test(tc, test_elf_load_hello_static_maps_rx_and_rw_at_0x400000);
    tcase_add_test(tc, test_elf_load_hello_dynamic_with_prefix_loads_interpreter);
    tcase_add_test(tc, test_elf_load_hello_dynamic_without_prefix_fails_missing_interp);
    return s;
}

UNIT_TEST_MAIN(elfload_suite)
