// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strace-capture.h: the -d strace log of syscalls run through
 * syscall-harness.h, captured in memory so a test can compare it byte for
 * byte with what qemu-aarch64 prints.
 *
 *     tcase_add_checked_fixture(tc, strace_setup, harness_teardown);
 *     SYS(AARCH64_NR_close, 99);
 *     ck_assert_log("close(99) = -1 errno=9 (Bad file descriptor)\n");
 */
#ifndef UEMU_STRACE_CAPTURE_H
#define UEMU_STRACE_CAPTURE_H

#include "syscall-harness.h"
#include "linux-user/options.h"

#include <unistd.h>

static char *log_buf;
static size_t log_len;
static FILE *log_f;

static inline void strace_setup(void)
{
    GError *err = NULL;

    harness_setup();
    ck_assert(log_enable("strace", &err));
    log_f = open_memstream(&log_buf, &log_len);
    log_set_stream(log_f);
}

/* The log since the last call, with every "PID " prefix checked and removed. */
static inline char *take_log(void)
{
    g_autofree char *prefix = g_strdup_printf("%d ", (int)getpid());
    GString *s = g_string_new(NULL);
    char *line, *saveptr = NULL;

    fflush(log_f);
    g_autofree char *copy = g_strndup(log_buf, log_len);
    for (line = strtok_r(copy, "\n", &saveptr); line; line = strtok_r(NULL, "\n", &saveptr)) {
        ck_assert_msg(g_str_has_prefix(line, prefix), "no pid prefix: %s", line);
        g_string_append_printf(s, "%s\n", line + strlen(prefix));
    }
    fclose(log_f);
    log_f = open_memstream(&log_buf, &log_len);
    log_set_stream(log_f);
    return g_string_free(s, FALSE);
}

#define ck_assert_log(...)                                          \
    do {                                                            \
        g_autofree char *want_ = g_strdup_printf(__VA_ARGS__);      \
        g_autofree char *got_ = take_log();                         \
        ck_assert_str_eq(got_, want_);                              \
    } while (0)

#endif
