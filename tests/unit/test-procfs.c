// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-procfs.c: the /proc emulation (linux-user/procfs.c, procfs-gen.c):
 * which paths are ours, the formatters on handmade inputs (maps from a VMA
 * list, cpuinfo for a CPU model, stat from a host line), the files of a
 * loaded hello-static through the syscall handlers, and the guest program
 * tests/guest/procfs in its strict mode under arm-uemu.
 */
#include "syscall-harness.h"
#include "linux-user/elfload.h"
#include "linux-user/path.h"
#include "linux-user/procfs.h"
#include "linux-user/stack.h"

#include <elf.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* -- Path matching ---------------------------------------------------------------- */

START_TEST(test_procfs_find_self_spellings_match_same_file)
{
    g_autofree char *pid = g_strdup_printf("/proc/%d/maps", (int)getpid());
    g_autofree char *task = g_strdup_printf("/proc/%d/task/%d/maps", (int)getpid(),
                                            (int)getpid());
    ProcfsGenerator maps = procfs_find("/proc/self/maps");

    ck_assert_ptr_nonnull(maps);
    ck_assert_ptr_eq(procfs_find(pid), maps);
    ck_assert_ptr_eq(procfs_find(task), maps);
    ck_assert_ptr_eq(procfs_find("/proc/thread-self/maps"), maps);
    ck_assert_ptr_ne(procfs_find("/proc/self/smaps"), maps);
}
END_TEST

START_TEST(test_procfs_find_other_paths_are_the_hosts)
{
    g_autofree char *other = g_strdup_printf("/proc/%d/maps", (int)getpid() + 1);

    ck_assert_ptr_null(procfs_find(other));
    ck_assert_ptr_null(procfs_find("/proc/selfish/maps"));
    ck_assert_ptr_null(procfs_find("/proc/self/mapsx"));
    ck_assert_ptr_null(procfs_find("/proc/self/fd/1"));
    ck_assert_ptr_null(procfs_find("/proc/self/cpuinfo"));
    ck_assert_ptr_null(procfs_find("/proc/"));
    ck_assert_ptr_null(procfs_find("/tmp/proc/self/maps"));
    ck_assert_ptr_null(procfs_find("self/maps"));
    ck_assert_ptr_nonnull(procfs_find("/proc/cpuinfo"));
}
END_TEST

/* A -L prefix with a /proc of its own does not hide ours (the handlers pass PREFIX/proc/...). */
START_TEST(test_procfs_find_sees_through_prefix_with_own_proc)
{
    ProcfsGenerator maps = procfs_find("/proc/self/maps");

    path_set_prefix("/sysroot");
    ck_assert_ptr_eq(procfs_find("/sysroot/proc/self/maps"), maps);
    ck_assert_ptr_nonnull(procfs_find("/sysroot/proc/cpuinfo"));
    ck_assert_ptr_null(procfs_find("/sysroot/lib/proc/self/maps"));
    ck_assert_ptr_null(procfs_find("/sysrootproc/self/maps"));
    path_set_prefix(NULL);
    ck_assert_ptr_null(procfs_find("/sysroot/proc/self/maps"));
}
END_TEST

START_TEST(test_procfs_open_before_program_is_set_goes_to_host)
{
    int64_t ret = 12345;

    ck_assert(!procfs_open("/proc/self/maps", O_RDONLY, &ret));
    ck_assert(!procfs_open("/proc/self/exe", O_RDONLY, &ret));
    ck_assert_int_eq(ret, 12345);
}
END_TEST

/* -- maps formatter ----------------------------------------------------------------- */

START_TEST(test_procfs_maps_anonymous_line_has_no_padding)
{
    GuestVma v = { .start = 0x400000, .end = 0x401000, .prot = PROT_READ | PROT_EXEC,
                   .flags = GUEST_VMA_ANON };
    g_autoptr(GString) out = g_string_new(NULL);

    procfs_format_maps(out, &v, 1, false);
    ck_assert_str_eq(out->str, "00400000-00401000 r-xp 00000000 00:00 0 \n");
}
END_TEST

START_TEST(test_procfs_maps_named_lines_pad_name_to_column_73)
{
    GuestVma v[] = {
        { .start = 0x5500000000, .end = 0x5500002000, .prot = PROT_READ | PROT_WRITE,
          .flags = GUEST_VMA_ANON | GUEST_VMA_HEAP },
        { .start = 0x7ff0000000, .end = 0x7ff0800000, .prot = PROT_READ | PROT_WRITE,
          .flags = GUEST_VMA_ANON | GUEST_VMA_STACK },
    };
    g_autoptr(GString) out = g_string_new(NULL);
    g_auto(GStrv) lines = NULL;

    procfs_format_maps(out, v, 2, false);
    lines = g_strsplit(out->str, "\n", -1);
    ck_assert_str_eq(lines[0], "5500000000-5500002000 rw-p 00000000 00:00 0"
                               "                              [heap]");
    ck_assert_int_eq(strstr(lines[1], "[stack]") - lines[1], 73);
    ck_assert_str_eq(lines[2], "");
}
END_TEST

/* A file mapping shows its offset, the file's device and inode, and its name. */
START_TEST(test_procfs_maps_file_line_has_offset_device_inode_path)
{
    g_autofree char *exe = UNIT_BUILD_PATH("tests/guest/hello-static");
    GuestVma v = { .start = 0x410000, .end = 0x412000, .prot = PROT_READ,
                   .flags = GUEST_VMA_SHARED, .offset = 0x10000, .path = exe };
    g_autoptr(GString) out = g_string_new(NULL);
    g_autofree char *head = NULL;
    struct stat st;

    ck_assert_int_eq(stat(exe, &st), 0);
    head = g_strdup_printf("00410000-00412000 r--s 00010000 %02x:%02x %lu ",
                           major(st.st_dev), minor(st.st_dev), (unsigned long)st.st_ino);
    procfs_format_maps(out, &v, 1, false);
    ck_assert(g_str_has_prefix(out->str, head));
    ck_assert_int_eq(strstr(out->str, exe) - out->str, 73);
    ck_assert(g_str_has_suffix(out->str, "\n"));
}
END_TEST

START_TEST(test_procfs_smaps_gives_size_and_vmflags_per_vma)
{
    GuestVma v = { .start = 0x400000, .end = 0x403000, .prot = PROT_READ | PROT_WRITE,
                   .flags = GUEST_VMA_ANON | GUEST_VMA_STACK };
    g_autoptr(GString) out = g_string_new(NULL);

    procfs_format_maps(out, &v, 1, true);
    ck_assert_ptr_nonnull(strstr(out->str, "[stack]\nSize:                 12 kB\n"
                                           "KernelPageSize:        4 kB\n"));
    ck_assert_ptr_nonnull(strstr(out->str, "\nTHPeligible:           0\n"));
    ck_assert(g_str_has_suffix(out->str, "\nVmFlags: rd wr mr mw me gd ac \n"));
}
END_TEST

/* -- cpuinfo ---------------------------------------------------------------------------- */

START_TEST(test_procfs_cpuinfo_block_for_cortex_a57_as_arm64_linux_prints_it)
{
    g_autoptr(GString) out = g_string_new(NULL);

    procfs_format_cpuinfo(out, arm_cpu_model_find("cortex-a57"), 2);
    ck_assert_str_eq(out->str,
        "processor\t: 0\n"
        "BogoMIPS\t: 125.00\n"
        "Features\t: fp asimd aes pmull sha1 sha2 crc32 cpuid\n"
        "CPU implementer\t: 0x41\n"
        "CPU architecture: 8\n"
        "CPU variant\t: 0x1\n"
        "CPU part\t: 0xd07\n"
        "CPU revision\t: 0\n"
        "\n"
        "processor\t: 1\n"
        "BogoMIPS\t: 125.00\n"
        "Features\t: fp asimd aes pmull sha1 sha2 crc32 cpuid\n"
        "CPU implementer\t: 0x41\n"
        "CPU architecture: 8\n"
        "CPU variant\t: 0x1\n"
        "CPU part\t: 0xd07\n"
        "CPU revision\t: 0\n"
        "\n");
}
END_TEST

START_TEST(test_procfs_cpuinfo_features_of_max_are_its_hwcaps)
{
    g_autoptr(GString) out = g_string_new(NULL);

    procfs_format_cpuinfo(out, arm_cpu_model_find("max"), 1);
    ck_assert_ptr_nonnull(strstr(out->str, "\nFeatures\t: fp asimd crc32 atomics cpuid\n"));
}
END_TEST

/* Features lists AT_HWCAP bits, then AT_HWCAP2 bits, each in bit order. */
START_TEST(test_procfs_hwcap_names_hwcap_before_hwcap2_in_bit_order)
{
    g_autoptr(GString) out = g_string_new(NULL);

    procfs_hwcap_names(out, 1ULL << 31 | 1ULL << 0 | 1ULL << 22,
                       1ULL << 17 | 1ULL << 0 | 1ULL << 33);
    ck_assert_str_eq(out->str, "fp sve pacg dcpodp bti sveebf16");
}
END_TEST

/* -- stat ----------------------------------------------------------------------------------- */

/* A host line whose field i (from 3) reads i * 10, comm with ") " inside. */
static char *fake_host_stat(void)
{
    GString *s = g_string_new("4242 (a) b) S");

    for (int i = 4; i <= 52; i++) {
        g_string_append_printf(s, " %d", i * 10);
    }
    g_string_append_c(s, '\n');
    return g_string_free(s, FALSE);
}

START_TEST(test_procfs_stat_guest_fields_replace_host_ones)
{
    g_autofree char *host = fake_host_stat();
    ProcfsProgram p = { .start_code = 0x400000, .end_code = 0x47e000,
                        .start_stack = 0x7ffff000, .start_data = 0x48c000,
                        .end_data = 0x493000, .arg_start = 0x7ffff100,
                        .arg_end = 0x7ffff110, .env_start = 0x7ffff110,
                        .env_end = 0x7ffff200 };
    g_autoptr(GString) out = g_string_new(NULL);
    g_auto(GStrv) f = NULL;

    ck_assert(procfs_format_stat(out, host, &p, "guest", 0x9000, 0x4a0000));
    ck_assert(g_str_has_prefix(out->str, "4242 (guest) S 40 50 "));
    ck_assert(g_str_has_suffix(out->str, " 520\n"));
    f = g_strsplit(strchr(out->str, ')') + 2, " ", -1);    /* f[i] is field i + 3 */
    ck_assert_int_eq(g_strv_length(f), 50);
    ck_assert_str_eq(f[22 - 3], "220");                     /* starttime: host */
    ck_assert_str_eq(f[23 - 3], "36864");                   /* vsize */
    ck_assert_str_eq(f[24 - 3], "240");                     /* rss: host */
    ck_assert_str_eq(f[26 - 3], "4194304");                 /* startcode */
    ck_assert_str_eq(f[27 - 3], "4710400");
    ck_assert_str_eq(f[28 - 3], "2147479552");              /* startstack */
    ck_assert_str_eq(f[29 - 3], "0");
    ck_assert_str_eq(f[34 - 3], "0");                       /* sigcatch */
    ck_assert_str_eq(f[35 - 3], "350");                     /* wchan: host */
    ck_assert_str_eq(f[47 - 3], "4849664");                 /* start_brk */
    ck_assert_str_eq(f[48 - 3], "2147479808");              /* arg_start */
    ck_assert_str_eq(f[51 - 3], "2147480064");              /* env_end */
}
END_TEST

START_TEST(test_procfs_stat_unparsable_host_line_fails)
{
    ProcfsProgram p = { 0 };
    g_autoptr(GString) out = g_string_new(NULL);

    ck_assert(!procfs_format_stat(out, "garbage", &p, "x", 0, 0));
    ck_assert(!procfs_format_stat(out, "1 (x)", &p, "x", 0, 0));
}
END_TEST

/* -- A loaded program, through the syscall handlers ------------------------------------ */

static GuestProgram prog;
static char *test_argv[] = { "hello-static", "one", "two", NULL };
static char *test_envp[] = { "A=1", NULL };

static void program_setup(void)
{
    g_autofree char *exe = UNIT_BUILD_PATH("tests/guest/hello-static");
    GError *err = NULL;

    harness_setup();
    memset(&prog, 0, sizeof(prog));
    ck_assert_msg(elf_load_program(exe, &prog, &err), "%s", err ? err->message : "");
    prog.hwcap = 0x8fb;
    ck_assert_msg(stack_build(&prog, test_argv, test_envp, exe, &err), "%s",
                  err ? err->message : "");
    procfs_set_program(&prog);
}

static void program_teardown(void)
{
    elf_program_free(&prog);
    harness_teardown();
}

/* The whole file the guest gets from openat(@path); its length in *len. */
static char *guest_read_file(const char *path, size_t *len)
{
    int64_t fd = SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, put_str(0, path), O_RDONLY, 0);
    GString *s = g_string_new(NULL);
    char buf[4096];
    ssize_t n;

    ck_assert_msg(fd >= 0, "openat %s: %" PRId64, path, fd);
    while ((n = read((int)fd, buf, sizeof(buf))) > 0) {
        g_string_append_len(s, buf, n);
    }
    close((int)fd);
    *len = s->len;
    return g_string_free(s, FALSE);
}

START_TEST(test_procfs_cmdline_is_guest_argv_nul_separated)
{
    size_t len;
    g_autofree char *c = guest_read_file("/proc/self/cmdline", &len);

    ck_assert_uint_eq(len, sizeof("hello-static\0one\0two"));
    ck_assert_mem_eq(c, "hello-static\0one\0two", len);
}
END_TEST

START_TEST(test_procfs_auxv_is_what_the_stack_holds)
{
    size_t len;
    g_autofree uint64_t *v = (uint64_t *)guest_read_file("/proc/self/auxv", &len);
    g_autofree uint64_t *stack = g_malloc(len);

    ck_assert_uint_gt(len, 32);
    ck_assert_int_eq(uaccess_read(stack, prog.auxv_start, len), 0);
    ck_assert_mem_eq(v, stack, len);
    ck_assert_uint_eq(v[len / 8 - 2], AT_NULL);
}
END_TEST

START_TEST(test_procfs_maps_lists_program_and_stack)
{
    size_t len;
    g_autofree char *m = guest_read_file("/proc/self/maps", &len);
    g_autofree char *text = g_strdup_printf("%08" PRIx64 "-", prog.exe.start_code & GUEST_PAGE_MASK);

    ck_assert_ptr_nonnull(strstr(m, "[stack]\n"));
    ck_assert_ptr_nonnull(strstr(m, "hello-static\n"));
    ck_assert_ptr_nonnull(strstr(m, text));
}
END_TEST

START_TEST(test_procfs_readlink_exe_truncates_without_nul)
{
    const ProcfsProgram *p = procfs_program();
    char buf[8];
    GuestAddr path = put_str(0, "/proc/self/exe");

    ck_assert_ptr_nonnull(p);
    ck_assert(g_path_is_absolute(p->exe));
    ck_assert_int_eq(SYS(AARCH64_NR_readlinkat, GUEST_AT_FDCWD, path, scratch + 512, 4096),
                     strlen(p->exe));
    put(512, "XXXXXXXX", 8);
    ck_assert_int_eq(SYS(AARCH64_NR_readlinkat, GUEST_AT_FDCWD, path, scratch + 512, 3), 3);
    get(buf, scratch + 512, 8);
    ck_assert_mem_eq(buf, p->exe, 3);
    ck_assert_mem_eq(buf + 3, "XXXXX", 5);
}
END_TEST

START_TEST(test_procfs_exe_open_and_stat_reach_the_guest_binary)
{
    const ProcfsProgram *p = procfs_program();
    GuestAddr path = put_str(0, "/proc/self/exe");
    int64_t fd = SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, path, O_RDONLY, 0);
    unsigned char ehdr[20];
    struct stat st;
    uint64_t ino;

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(read((int)fd, ehdr, sizeof(ehdr)), sizeof(ehdr));
    close((int)fd);
    ck_assert_mem_eq(ehdr, ELFMAG, SELFMAG);
    ck_assert_uint_eq(ehdr[18] | ehdr[19] << 8, EM_AARCH64);
    /* newfstatat follows the link to the binary: st_ino is at offset 8 on arm64. */
    ck_assert_int_eq(SYS(AARCH64_NR_newfstatat, GUEST_AT_FDCWD, path, scratch + 1024, 0), 0);
    get(&ino, scratch + 1024 + 8, 8);
    ck_assert_int_eq(stat(p->exe, &st), 0);
    ck_assert_uint_eq(ino, st.st_ino);
    /* statx too: stx_ino is at offset 32 of struct statx. */
    ck_assert_int_eq(SYS(AARCH64_NR_statx, GUEST_AT_FDCWD, path, 0, 0x7ff, scratch + 1024), 0);
    get(&ino, scratch + 1024 + 32, 8);
    ck_assert_uint_eq(ino, st.st_ino);
    ck_assert_int_eq(SYS(AARCH64_NR_faccessat, GUEST_AT_FDCWD, path, X_OK), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, path, O_WRONLY, 0), -ETXTBSY);
}
END_TEST

START_TEST(test_procfs_generated_files_refuse_writing)
{
    GuestAddr path = put_str(0, "/proc/self/maps");

    ck_assert_int_eq(SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, path, O_RDWR, 0), -EACCES);
}
END_TEST

/* comm reads the program's name until the guest renames itself through the host file. */
START_TEST(test_procfs_comm_follows_a_guest_rename)
{
    size_t len;
    g_autofree char *before = guest_read_file("/proc/self/comm", &len);
    g_autofree char *after = NULL;
    int64_t fd;

    ck_assert_str_eq(before, "hello-static\n");
    fd = SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, put_str(0, "/proc/self/comm"), O_WRONLY, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write((int)fd, "renamed", 7), 7);
    close((int)fd);
    after = guest_read_file("/proc/self/comm", &len);
    ck_assert_str_eq(after, "renamed\n");
}
END_TEST

/* -- The guest program, strict, under arm-uemu ------------------------------------------- */

static void run_guest_strict(const char *prog_rel, bool dynamic)
{
    g_autofree char *emu = UNIT_BUILD_PATH("arm-uemu");
    g_autofree char *guest = UNIT_BUILD_PATH(prog_rel);
    g_autofree char *out = NULL, *err = NULL;
    const char *argv[] = { emu, "-L", "/usr/aarch64-linux-gnu", guest, "strict", NULL };
    GError *e = NULL;
    int status = -1;

    if (!dynamic) {
        argv[1] = guest;            /* no -L: argv = emu prog strict */
        argv[2] = "strict";
        argv[3] = NULL;
    }
    ck_assert_msg(g_file_test(emu, G_FILE_TEST_IS_EXECUTABLE), "%s not built", emu);
    ck_assert_msg(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &e), "%s", e ? e->message : "");
    ck_assert_msg(g_spawn_check_wait_status(status, NULL), "%s %s:\n%s%s", guest,
                  "strict failed", out, err);
}

START_TEST(test_procfs_guest_program_strict_static_passes)
{
    run_guest_strict("tests/guest/procfs-static", false);
}
END_TEST

START_TEST(test_procfs_guest_program_strict_dynamic_passes)
{
    run_guest_strict("tests/guest/procfs-dynamic", true);
}
END_TEST

static Suite *procfs_suite(void)
{
    Suite *s = suite_create("procfs");
    TCase *tc = tcase_create("format");
    TCase *prog_tc = tcase_create("program");
    TCase *guest_tc = tcase_create("guest");

    tcase_add_test(tc, test_procfs_find_self_spellings_match_same_file);
    tcase_add_test(tc, test_procfs_find_other_paths_are_the_hosts);
    tcase_add_test(tc, test_procfs_find_sees_through_prefix_with_own_proc);
    tcase_add_test(tc, test_procfs_open_before_program_is_set_goes_to_host);
    tcase_add_test(tc, test_procfs_maps_anonymous_line_has_no_padding);
    tcase_add_test(tc, test_procfs_maps_named_lines_pad_name_to_column_73);
    tcase_add_test(tc, test_procfs_maps_file_line_has_offset_device_inode_path);
    tcase_add_test(tc, test_procfs_smaps_gives_size_and_vmflags_per_vma);
    tcase_add_test(tc, test_procfs_cpuinfo_block_for_cortex_a57_as_arm64_linux_prints_it);
    tcase_add_test(tc, test_procfs_cpuinfo_features_of_max_are_its_hwcaps);
    tcase_add_test(tc, test_procfs_hwcap_names_hwcap_before_hwcap2_in_bit_order);
    tcase_add_test(tc, test_procfs_stat_guest_fields_replace_host_ones);
    tcase_add_test(tc, test_procfs_stat_unparsable_host_line_fails);
    suite_add_tcase(s, tc);

    tcase_add_checked_fixture(prog_tc, program_setup, program_teardown);
    tcase_add_test(prog_tc, test_procfs_cmdline_is_guest_argv_nul_separated);
    tcase_add_test(prog_tc, test_procfs_auxv_is_what_the_stack_holds);
    tcase_add_test(prog_tc, test_procfs_maps_lists_program_and_stack);
    tcase_add_test(prog_tc, test_procfs_readlink_exe_truncates_without_nul);
    tcase_add_test(prog_tc, test_procfs_exe_open_and_stat_reach_the_guest_binary);
    tcase_add_test(prog_tc, test_procfs_generated_files_refuse_writing);
    tcase_add_test(prog_tc, test_procfs_comm_follows_a_guest_rename);
    suite_add_tcase(s, prog_tc);

    tcase_set_timeout(guest_tc, 120);
    tcase_add_test(guest_tc, test_procfs_guest_program_strict_static_passes);
    tcase_add_test(guest_tc, test_procfs_guest_program_strict_dynamic_passes);
    suite_add_tcase(s, guest_tc);
    return s;
}

UNIT_TEST_MAIN(procfs_suite)
