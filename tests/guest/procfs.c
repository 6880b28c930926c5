// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * procfs.c: /proc describes the guest, not the emulator: /proc/self/exe,
 * maps, auxv, cmdline, stat, the /proc/<pid>/ spelling, fd links, cpuinfo.
 *
 *     procfs-static            the checks qemu-aarch64 7.2 passes as well
 *     procfs-static strict     also what only arm-uemu gets right (run by
 *                              tests/unit/test-procfs.c)
 *
 * Output is the section summaries only (no addresses, pids or paths), so it
 * is the same under both emulators. Checks that qemu-aarch64 7.2 fails are
 * either strict-only or silent: they print only when they fail. Without
 * "strict", an x86 /proc/cpuinfo (qemu 7.2 passes the host's file through)
 * is tolerated.
 */
#include "guest-check.h"

#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int strict;
static char exe_real[PATH_MAX];

/* A silent check: counts and prints only when it fails. */
#define QUIET_CHECK(cond, ...) \
    do { if (!(cond)) CHECK(1, 0, __VA_ARGS__); } while (0)

/* The whole file, NUL-terminated; *len its size. NULL if it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t r;

    if (fd < 0) {
        free(buf);
        return NULL;
    }
    while ((r = read(fd, buf + n, cap - n - 1)) > 0) {
        n += (size_t)r;
        if (cap - n < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    close(fd);
    buf[n] = 0;
    if (len) {
        *len = n;
    }
    return buf;
}

/* -- /proc/self/exe ------------------------------------------------------------ */

static void test_exe(void)
{
    char link[PATH_MAX + 1], small[8], path[64];
    unsigned char ehdr[20];
    struct stat a, b;
    ssize_t n;
    int fd;

    check_section("exe");
    n = readlink("/proc/self/exe", link, sizeof(link) - 1);
    link[n > 0 ? n : 0] = 0;
    CHECK(strlen(exe_real), n, "readlink length");
    CHECK(0, strcmp(link, exe_real), "readlink equals realpath(argv[0])");

    /* Truncated at bufsiz, no NUL written: the byte after stays as it was. */
    memset(small, 'X', sizeof(small));
    CHECK(4, readlink("/proc/self/exe", small, 4), "readlink bufsiz 4");
    CHECK(0, memcmp(small, exe_real, 4) || small[4] != 'X', "truncated, no NUL");

    snprintf(path, sizeof(path), "/proc/%d/exe", (int)getpid());
    n = readlink(path, link, sizeof(link) - 1);
    link[n > 0 ? n : 0] = 0;
    CHECK(0, strcmp(link, exe_real), "readlink /proc/<pid>/exe");

    fd = open("/proc/self/exe", O_RDONLY);
    CHECK(1, fd >= 0, "open /proc/self/exe");
    CHECK(sizeof(ehdr), read(fd, ehdr, sizeof(ehdr)), "read the ELF header");
    CHECK(0, memcmp(ehdr, ELFMAG, SELFMAG), "ELF magic");
    CHECK(EM_AARCH64, ehdr[18] | ehdr[19] << 8, "e_machine");
    /* The fd link passes through to the host: it names the file opened. */
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    n = readlink(path, link, sizeof(link) - 1);
    link[n > 0 ? n : 0] = 0;
    CHECK(0, strcmp(link, exe_real), "readlink /proc/self/fd/N");
    close(fd);
    CHECK(0, access("/proc/self/exe", R_OK), "access(R_OK)");

    if (strict) {
        /* stat follows the link to the guest binary (qemu 7.2 stats itself). */
        CHECK(0, stat("/proc/self/exe", &a), "stat /proc/self/exe");
        CHECK(0, stat(exe_real, &b), "stat the binary");
        CHECK(b.st_ino, a.st_ino, "same inode");
        n = readlink("/proc/thread-self/exe", link, sizeof(link) - 1);
        link[n > 0 ? n : 0] = 0;
        CHECK(0, strcmp(link, exe_real), "readlink /proc/thread-self/exe");
        CHECK(-1, open("/proc/self/exe", O_WRONLY), "open for writing fails");
    }
}

/* -- /proc/self/maps ------------------------------------------------------------ */

static void test_maps(void)
{
    int local = 0;
    unsigned long text = (unsigned long)&test_maps, stack = (unsigned long)&local;
    char *maps = slurp("/proc/self/maps", NULL), *save = NULL;
    int lines = 0, bad = 0, text_ok = 0, stack_ok = 0;

    check_section("maps");
    CHECK(1, maps != NULL, "open /proc/self/maps");
    if (!maps) {
        return;
    }
    for (char *l = strtok_r(maps, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        unsigned long lo, hi, off, ino;
        unsigned maj, min;
        char perm[5];
        int name = 0;

        lines++;
        if (sscanf(l, "%lx-%lx %4s %lx %x:%x %lu %n", &lo, &hi, perm, &off,
                   &maj, &min, &ino, &name) != 7 || lo >= hi) {
            bad++;
            continue;
        }
        if (lo <= text && text < hi && !strcmp(perm, "r-xp") && name &&
            !strcmp(l + name, exe_real)) {
            text_ok++;
        }
        if (lo <= stack && stack < hi && name && !strcmp(l + name, "[stack]")) {
            stack_ok++;
        }
    }
    CHECK(1, lines > 3, "several lines");
    CHECK(0, bad, "lines that do not parse");
    CHECK(1, text_ok, "our code: r-xp with the binary's path");
    CHECK(1, stack_ok, "a local variable in [stack]");
    free(maps);

    if (strict) {
        size_t len;
        char *smaps = slurp("/proc/self/smaps", &len);

        CHECK(1, smaps && strstr(smaps, "\nSize:") && strstr(smaps, "\nVmFlags: "),
              "smaps has Size and VmFlags");
        CHECK(1, smaps && strstr(smaps, "[stack]") && !strstr(smaps, "x86"),
              "smaps describes the guest");
        free(smaps);
    }
}

/* -- /proc/self/auxv ------------------------------------------------------------- */

static void test_auxv(void)
{
    size_t len;
    unsigned long *v = (unsigned long *)slurp("/proc/self/auxv", &len);
    unsigned long pagesz = 0, entry = 0, hwcap = 0;
    size_t n = len / (2 * sizeof(unsigned long));

    check_section("auxv");
    CHECK(1, v != NULL, "open /proc/self/auxv");
    if (!v) {
        return;
    }
    CHECK(0, len % 16, "whole pairs");
    for (size_t i = 0; i < n; i++) {
        pagesz = v[2 * i] == AT_PAGESZ ? v[2 * i + 1] : pagesz;
        entry = v[2 * i] == AT_ENTRY ? v[2 * i + 1] : entry;
        hwcap = v[2 * i] == AT_HWCAP ? v[2 * i + 1] : hwcap;
    }
    CHECK(1, n > 0 && v[2 * (n - 1)] == AT_NULL, "ends with AT_NULL");
    CHECK(4096, pagesz, "AT_PAGESZ");
    CHECK(getauxval(AT_ENTRY), entry, "AT_ENTRY");
    CHECK(getauxval(AT_HWCAP), hwcap, "AT_HWCAP");
    free(v);
}

/* -- /proc/self/cmdline ---------------------------------------------------------- */

static void test_cmdline(int argc, char **argv)
{
    size_t len, want = 0;
    char *c = slurp("/proc/self/cmdline", &len), *p, path[64];
    int same = 1;

    check_section("cmdline");
    CHECK(1, c != NULL, "open /proc/self/cmdline");
    if (!c) {
        return;
    }
    p = c;
    for (int i = 0; i < argc; i++) {
        want += strlen(argv[i]) + 1;
        same &= p < c + len && !strcmp(p, argv[i]);
        p += strlen(p) + 1;
    }
    CHECK(want, len, "length: the argv strings and their NULs");
    CHECK(1, same, "argv, NUL-separated");

    /* /proc/<our pid>/ is /proc/self/. */
    snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)getpid());
    free(p = slurp(path, &want));
    CHECK(len, want, "/proc/<pid>/cmdline");
    free(c);
}

/* -- /proc/self/stat -------------------------------------------------------------- */

static void test_stat(char **argv)
{
    char *s = slurp("/proc/self/stat", NULL), *close, *f, *save = NULL;
    unsigned long field[64] = { 0 };
    int pid = 0, nf = 3;

    check_section("stat");
    CHECK(1, s != NULL, "open /proc/self/stat");
    if (!s) {
        return;
    }
    close = strrchr(s, ')');
    CHECK(1, sscanf(s, "%d (", &pid) == 1 && close, "pid (comm) parses");
    CHECK(getpid(), pid, "pid field");
    for (f = strtok_r(close + 2, " \n", &save); f && nf < 64;
         f = strtok_r(NULL, " \n", &save), nf++) {
        field[nf] = strtoul(f, NULL, 10);
    }
    CHECK(1, nf > 28, "at least 28 fields");
    CHECK(getppid(), field[4], "ppid field");
    /* startstack (28) is the initial sp, where argc sits just below argv. */
    CHECK((unsigned long)argv - 8, field[28], "startstack: &argc");
    if (strict) {
        const char *base = strrchr(exe_real, '/') + 1;

        size_t blen = strlen(base) > 15 ? 15 : strlen(base);

        char name[16] = "";

        CHECK(0, strncmp(strchr(s, '(') + 1, base, blen), "comm: the program's name");
        CHECK(0, prctl(PR_GET_NAME, name), "prctl(PR_GET_NAME)");
        CHECK(0, strncmp(name, base, blen), "PR_GET_NAME: the program's name");
        CHECK(1, nf > 51, "all 52 fields");
        CHECK(1, field[26] <= (unsigned long)&test_stat && (unsigned long)&test_stat < field[27],
              "startcode <= our code < endcode");
        CHECK((unsigned long)argv[0], field[48], "arg_start");
    }
    free(s);
}

/* -- /proc/cpuinfo ------------------------------------------------------------------ */

/* AT_HWCAP bits 0..11 by name, as Features prints them. */
static const char *const hwcap_names[] = {
    "fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32",
    "atomics", "fphp", "asimdhp", "cpuid",
};

static int has_word(const char *line, const char *w)
{
    size_t n = strlen(w);

    for (const char *p = strstr(line, w); p; p = strstr(p + 1, w)) {
        if (p[-1] == ' ' && (p[n] == ' ' || p[n] == '\n' || !p[n])) {
            return 1;
        }
    }
    return 0;
}

static void test_cpuinfo(void)
{
    char *c = slurp("/proc/cpuinfo", NULL), *feat, *eol;
    unsigned long hwcap = getauxval(AT_HWCAP);

    check_section("cpuinfo");
    /* qemu-aarch64 7.2 shows the host's x86 file: tolerated unless strict. */
    if (!c || (!strict && strstr(c, "vendor_id"))) {
        free(c);
        return;
    }
    QUIET_CHECK(strstr(c, "\nCPU architecture: 8\n"), "cpuinfo: CPU architecture: 8");
    QUIET_CHECK(!strncmp(c, "processor\t: 0\n", 14), "cpuinfo: starts with processor 0");
    feat = strstr(c, "\nFeatures\t: ");
    QUIET_CHECK(feat, "cpuinfo: a Features line");
    if (feat && (eol = strchr(feat + 1, '\n'))) {
        *eol = 0;
        for (unsigned b = 0; b < ARRAY_LEN(hwcap_names); b++) {
            QUIET_CHECK(!(hwcap >> b & 1) == !has_word(feat, hwcap_names[b]),
                        "cpuinfo: Features '%s' agrees with AT_HWCAP", hwcap_names[b]);
        }
    }
    free(c);
}

int main(int argc, char **argv)
{
    strict = argc > 1 && !strcmp(argv[1], "strict");
    if (!realpath(argv[0], exe_real)) {
        printf("realpath(argv[0]) failed\n");
        return 1;
    }
    test_exe();
    test_maps();
    test_auxv();
    test_cmdline(argc, argv);
    test_stat(argv);
    test_cpuinfo();
    return check_exit();
}
