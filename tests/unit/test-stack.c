// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-stack.c: the initial stack, read back from guest memory.
 *
 * A real static guest program is loaded, the stack built with known argv,
 * envp and AT_EXECFN, and everything the guest's _start will read is
 * checked through uaccess: argc, the pointer arrays and their strings, the
 * 16-byte alignment of sp, the auxv in the arm64 kernel's order with each
 * value, where the strings sit below the top, and the -s/-seed options.
 */
#include "unit.h"
#include "linux-user/elfload.h"
#include "linux-user/error.h"
#include "linux-user/mmap.h"
#include "linux-user/module.h"
#include "linux-user/options.h"
#include "linux-user/path.h"
#include "linux-user/stack.h"
#include "linux-user/uaccess.h"

#include <elf.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define TEST_SPACE      (1ULL << 40)
#define TEST_HWCAP      0x1234ULL
#define TEST_HWCAP2     0x5678ULL
#define TEST_EXECFN     "/path/to/hello-static"

static char *test_argv[] = { "hello", "first", "second arg", NULL };
static char *test_envp[] = { "A=1", "LONGER=two words", NULL };

static GuestProgram prog;
static GError *err;

/* -- Reading guest memory ------------------------------------------------- */

static uint64_t rd64(GuestAddr a)
{
    uint64_t v;

    ck_assert_int_eq(uaccess_read(&v, a, sizeof(v)), 0);
    return v;
}

static char *rdstr(GuestAddr a)
{
    int e = 0;
    char *s = uaccess_strdup(a, 4096, &e);

    ck_assert_msg(s, "no string at 0x%" G_GINT64_MODIFIER "x (%d)", a, e);
    return s;
}

static void assert_str_at(GuestAddr a, const char *want)
{
    g_autofree char *s = rdstr(a);

    ck_assert_str_eq(s, want);
}

/* The value of auxv entry @type, failing if it is not there. */
static uint64_t auxv_get(uint64_t type)
{
    for (GuestAddr a = prog.auxv_start;; a += 16) {
        uint64_t t = rd64(a);

        if (t == type) {
            return rd64(a + 8);
        }
        ck_assert_msg(t != AT_NULL, "auxv has no entry %" G_GINT64_MODIFIER "u",
                      type);
    }
}

typedef struct StackVma {
    GuestAddr addr;
    GuestVma vma;
    bool found;
    unsigned count;
} StackVma;

static bool vma_cb(const GuestVma *v, void *opaque)
{
    StackVma *q = opaque;

    q->count++;
    if (v->start <= q->addr && q->addr < v->end) {
        q->vma = *v;
        q->found = true;
    }
    return true;
}

static StackVma vma_at(GuestAddr a)
{
    StackVma q = { .addr = a };

    guest_vma_foreach(vma_cb, &q);
    return q;
}

static void set_option(const char *name, const char *arg)
{
    const UemuOption *o = options_find(name);

    ck_assert_ptr_nonnull(o);
    ck_assert_msg(o->handler(arg, &err), "-%s %s", name, arg);
}

static void build(void)
{
    ck_assert_msg(stack_build(&prog, test_argv, test_envp, TEST_EXECFN, &err),
                  "%s", err ? err->message : "");
}

/* -- Fixture -------------------------------------------------------------- */

static void load_program(const char *rel)
{
    g_autofree char *path = UNIT_BUILD_PATH(rel);

    ck_assert_msg(elf_load_program(path, &prog, &err), "%s", err->message);
    prog.hwcap = TEST_HWCAP;
    prog.hwcap2 = TEST_HWCAP2;
}

static void setup(void)
{
    GError *e = NULL;

    module_call_init(MODULE_INIT_OPTIONS);
    ck_assert_msg(guest_space_init_at(0, TEST_SPACE, &e), "%s",
                  e ? e->message : "");
    memset(&prog, 0, sizeof(prog));
    err = NULL;
    path_set_prefix(NULL);
    load_program("tests/guest/hello-static");
}

static void teardown(void)
{
    stack_reset_options();
    elf_program_free(&prog);
    g_clear_error(&err);
    guest_space_destroy();
    path_set_prefix(NULL);
}

/* -- argc, argv, envp ----------------------------------------------------- */

START_TEST(test_stack_sp_points_at_argc_then_argv_envp_with_nulls)
{
    GuestAddr a;

    build();
    ck_assert_uint_eq(prog.start_stack % 16, 0);
    ck_assert_uint_eq(rd64(prog.start_stack), 3);
    ck_assert_uint_eq(prog.argv_start, prog.start_stack + 8);
    a = prog.argv_start;
    for (int i = 0; test_argv[i]; i++, a += 8) {
        assert_str_at(rd64(a), test_argv[i]);
    }
    ck_assert_uint_eq(rd64(a), 0);
    ck_assert_uint_eq(prog.env_start, a + 8);
    a = prog.env_start;
    for (int i = 0; test_envp[i]; i++, a += 8) {
        assert_str_at(rd64(a), test_envp[i]);
    }
    ck_assert_uint_eq(rd64(a), 0);
    ck_assert_uint_eq(prog.auxv_start, a + 8);
}
END_TEST

START_TEST(test_stack_empty_envp_gives_lone_null)
{
    char *none[] = { NULL };

    ck_assert(stack_build(&prog, test_argv, none, TEST_EXECFN, &err));
    ck_assert_uint_eq(prog.env_start, prog.argv_start + 4 * 8);
    ck_assert_uint_eq(rd64(prog.env_start), 0);
    ck_assert_uint_eq(prog.auxv_start, prog.env_start + 8);
    ck_assert_uint_eq(prog.start_stack % 16, 0);
}
END_TEST

/* Strings: argv then envp upwards, then AT_EXECFN, then 8 zero bytes at the top. */
START_TEST(test_stack_strings_sit_below_top_in_linux_order)
{
    GuestAddr top, execfn, a;

    build();
    top = prog.stack_limit + 8 * 1024 * 1024;
    ck_assert_uint_eq(rd64(top - 8), 0);
    execfn = auxv_get(AT_EXECFN);
    ck_assert_uint_eq(execfn, top - 8 - sizeof(TEST_EXECFN));
    a = rd64(prog.argv_start);
    for (int i = 0; test_argv[i]; i++) {
        ck_assert_uint_eq(rd64(prog.argv_start + 8 * i), a);
        a += strlen(test_argv[i]) + 1;
    }
    for (int i = 0; test_envp[i]; i++) {
        ck_assert_uint_eq(rd64(prog.env_start + 8 * i), a);
        a += strlen(test_envp[i]) + 1;
    }
    ck_assert_uint_eq(a, execfn);
}
END_TEST

/* Below the strings: aligned to 16, "aarch64", 16 random bytes, padding, auxv. */
START_TEST(test_stack_platform_and_random_sit_below_strings)
{
    GuestAddr platform, random, auxv_end;

    build();
    platform = auxv_get(AT_PLATFORM);
    random = auxv_get(AT_RANDOM);
    ck_assert_uint_eq(platform, (rd64(prog.argv_start) & ~15ULL) - 8);
    ck_assert_uint_eq(random, platform - 16);
    assert_str_at(platform, "aarch64");
    ck_assert(guest_access_ok(random, 16, PROT_READ | PROT_WRITE));
    auxv_end = prog.auxv_start + 20 * 16;
    ck_assert_uint_le(auxv_end, random);
    ck_assert_uint_lt(random - auxv_end, 16);
}
END_TEST

/* -- auxv ----------------------------------------------------------------- */

START_TEST(test_stack_auxv_has_arm64_kernel_order_and_values)
{
    const uint64_t want[][2] = {
        { AT_MINSIGSTKSZ, 4720 },
        { AT_HWCAP,       TEST_HWCAP },
        { AT_PAGESZ,      4096 },
        { AT_CLKTCK,      100 },
        { AT_PHDR,        prog.exe.phdr },
        { AT_PHENT,       sizeof(Elf64_Phdr) },
        { AT_PHNUM,       prog.exe.phnum },
        { AT_BASE,        0 },
        { AT_FLAGS,       0 },
        { AT_ENTRY,       prog.exe.entry },
        { AT_UID,         getuid() },
        { AT_EUID,        geteuid() },
        { AT_GID,         getgid() },
        { AT_EGID,        getegid() },
        { AT_SECURE,      0 },
        { AT_RANDOM,      0 },          /* checked apart */
        { AT_HWCAP2,      TEST_HWCAP2 },
        { AT_EXECFN,      0 },          /* checked apart */
        { AT_PLATFORM,    0 },          /* checked apart */
        { AT_NULL,        0 },
    };

    build();
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        GuestAddr a = prog.auxv_start + 16 * i;
        uint64_t type = want[i][0];

        ck_assert_uint_eq(rd64(a), type);
        if (type != AT_RANDOM && type != AT_EXECFN && type != AT_PLATFORM) {
            ck_assert_uint_eq(rd64(a + 8), want[i][1]);
        }
    }
    assert_str_at(auxv_get(AT_EXECFN), TEST_EXECFN);
    assert_str_at(auxv_get(AT_PLATFORM), "aarch64");
}
END_TEST

START_TEST(test_stack_at_phdr_points_at_program_headers_in_memory)
{
    Elf64_Phdr ph[6];

    build();
    ck_assert_uint_eq(auxv_get(AT_PHNUM), 6);
    ck_assert_int_eq(uaccess_read(ph, auxv_get(AT_PHDR), sizeof(ph)), 0);
    ck_assert_uint_eq(ph[0].p_type, PT_LOAD);
    ck_assert_uint_eq(ph[0].p_vaddr, 0x400000);
    ck_assert_uint_eq(ph[1].p_type, PT_LOAD);
    ck_assert_uint_eq(ph[1].p_vaddr, prog.exe.start_data);
}
END_TEST

START_TEST(test_stack_dynamic_program_has_interp_base_and_program_entry)
{
    elf_program_free(&prog);
    guest_space_destroy();
    ck_assert(guest_space_init_at(0, TEST_SPACE, &err));
    path_set_prefix("/usr/aarch64-linux-gnu");
    load_program("tests/guest/hello-dynamic");
    build();
    ck_assert_uint_eq(auxv_get(AT_BASE), prog.interp.load_bias);
    ck_assert_uint_ne(auxv_get(AT_BASE), 0);
    ck_assert_uint_eq(auxv_get(AT_ENTRY), prog.exe.entry);
    ck_assert_uint_ne(auxv_get(AT_ENTRY), prog.entry);
    ck_assert_uint_eq(auxv_get(AT_PHDR), prog.exe.phdr);
    ck_assert_uint_eq(auxv_get(AT_PHDR), prog.exe.load_bias + 0x40);
}
END_TEST

/* -- The mapping ---------------------------------------------------------- */

START_TEST(test_stack_default_is_8m_stack_vma_with_guard_page_below)
{
    StackVma q;

    build();
    q = vma_at(prog.start_stack);
    ck_assert(q.found);
    ck_assert_uint_eq(q.vma.start, prog.stack_limit);
    ck_assert_uint_eq(q.vma.end - q.vma.start, 8 * 1024 * 1024);
    ck_assert_int_eq(q.vma.prot, PROT_READ | PROT_WRITE);
    ck_assert(q.vma.flags & GUEST_VMA_STACK);
    ck_assert_uint_eq(q.vma.end, guest_space_size);     /* top, as Linux */
    ck_assert(!guest_access_ok(prog.stack_limit - GUEST_PAGE_SIZE, 1, PROT_READ));
    q = vma_at(prog.stack_limit - GUEST_PAGE_SIZE);
    ck_assert(q.found);
    ck_assert_int_eq(q.vma.prot, PROT_NONE);
    ck_assert(!(q.vma.flags & GUEST_VMA_STACK));
    ck_assert_uint_eq(q.vma.end, prog.stack_limit);
}
END_TEST

START_TEST(test_stack_size_option_sets_mapping_size)
{
    StackVma q;

    set_option("s", "1M");
    build();
    q = vma_at(prog.start_stack);
    ck_assert_uint_eq(q.vma.end - q.vma.start, 1024 * 1024);
    ck_assert_uint_eq(q.vma.start, prog.stack_limit);
}
END_TEST

START_TEST(test_stack_size_option_rejects_garbage_and_zero)
{
    const UemuOption *o = options_find("s");

    ck_assert_str_eq(o->env, "QEMU_STACK_SIZE");
    ck_assert_str_eq(o->help, "set the stack size to 'size' bytes");
    ck_assert(!o->handler("12q", &err));
    ck_assert_str_eq(err->message, "invalid stack size '12q'");
    g_clear_error(&err);
    ck_assert(!o->handler("0", &err));
    ck_assert_str_eq(err->message, "invalid stack size '0'");
}
END_TEST

/* -- AT_RANDOM and -seed -------------------------------------------------- */

static void random_bytes(guint8 out[16])
{
    build();
    ck_assert_int_eq(uaccess_read(out, auxv_get(AT_RANDOM), 16), 0);
}

START_TEST(test_stack_seed_makes_random_bytes_repeatable)
{
    guint8 a[16], b[16], c[16];

    set_option("seed", "42");
    random_bytes(a);
    random_bytes(b);
    ck_assert_mem_eq(a, b, 16);
    set_option("seed", "43");
    random_bytes(c);
    ck_assert_int_ne(memcmp(a, c, 16), 0);
}
END_TEST

START_TEST(test_stack_without_seed_random_bytes_differ)
{
    guint8 a[16], b[16];

    random_bytes(a);
    random_bytes(b);
    ck_assert_int_ne(memcmp(a, b, 16), 0);
}
END_TEST

START_TEST(test_stack_seed_option_rejects_non_number)
{
    const UemuOption *o = options_find("seed");

    ck_assert_str_eq(o->env, "QEMU_RAND_SEED");
    ck_assert_str_eq(o->help, "Seed for pseudo-random number generator");
    ck_assert(!o->handler("x1", &err));
    ck_assert_str_eq(err->message, "invalid seed 'x1'");
}
END_TEST

/* -- E2BIG ---------------------------------------------------------------- */

static void assert_too_long(char **argv, char **envp, const char *execfn)
{
    unsigned before = vma_at(0).count;

    ck_assert(!stack_build(&prog, argv, envp, execfn, &err));
    ck_assert(g_error_matches(err, UEMU_ERROR, UEMU_ERROR_MEMORY));
    ck_assert_str_eq(err->message, "argument list too long");
    ck_assert_uint_eq(vma_at(0).count, before);
}

START_TEST(test_stack_string_over_128k_is_argument_list_too_long)
{
    g_autofree char *big = g_strnfill(128 * 1024, 'x');
    char *envp[] = { big, NULL };

    assert_too_long(test_argv, envp, TEST_EXECFN);
}
END_TEST

START_TEST(test_stack_args_over_quarter_stack_are_argument_list_too_long)
{
    g_autofree char *s = g_strnfill(1000, 'y');
    char *argv[32];

    for (int i = 0; i < 31; i++) {
        argv[i] = s;
    }
    argv[31] = NULL;
    set_option("s", "64k");             /* limit: 16 KiB of strings + pointers */
    assert_too_long(argv, test_envp, TEST_EXECFN);
    argv[10] = NULL;                    /* 10 KiB: fits */
    ck_assert(stack_build(&prog, argv, test_envp, TEST_EXECFN, &err));
}
END_TEST

/* AT_EXECFN is outside the quarter-stack limit, but must still fit. */
START_TEST(test_stack_tiny_stack_without_room_is_argument_list_too_long)
{
    g_autofree char *execfn = g_strnfill(8000, 'p');

    set_option("s", "4k");
    assert_too_long(test_argv, test_envp, execfn);
    ck_assert(stack_build(&prog, test_argv, test_envp, TEST_EXECFN, &err));
}
END_TEST

static Suite *stack_suite(void)
{
    Suite *s = suite_create("stack");
    TCase *tc = tcase_create("layout");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_stack_sp_points_at_argc_then_argv_envp_with_nulls);
    tcase_add_test(tc, test_stack_empty_envp_gives_lone_null);
    tcase_add_test(tc, test_stack_strings_sit_below_top_in_linux_order);
    tcase_add_test(tc, test_stack_platform_and_random_sit_below_strings);
    tcase_add_test(tc, test_stack_auxv_has_arm64_kernel_order_and_values);
    tcase_add_test(tc, test_stack_at_phdr_points_at_program_headers_in_memory);
    tcase_add_test(tc, test_stack_dynamic_program_has_interp_base_and_program_entry);
    suite_add_tcase(s, tc);

    tc = tcase_create("mapping");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_stack_default_is_8m_stack_vma_with_guard_page_below);
    tcase_add_test(tc, test_stack_size_option_sets_mapping_size);
    tcase_add_test(tc, test_stack_size_option_rejects_garbage_and_zero);
    suite_add_tcase(s, tc);

    tc = tcase_create("random");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_stack_seed_makes_random_bytes_repeatable);
    tcase_add_test(tc, test_stack_without_seed_random_bytes_differ);
    tcase_add_test(tc, test_stack_seed_option_rejects_non_number);
    suite_add_tcase(s, tc);

    tc = tcase_create("e2big");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_stack_string_over_128k_is_argument_list_too_long);
    tcase_add_test(tc, test_stack_args_over_quarter_stack_are_argument_list_too_long);
    tcase_add_test(tc, test_stack_tiny_stack_without_room_is_argument_list_too_long);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(stack_suite)
