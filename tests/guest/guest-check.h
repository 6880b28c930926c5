// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * guest-check.h: the check helpers every self-checking guest program uses.
 *
 * A program groups its checks into sections. CHECK() compares one 64-bit
 * value with its expected value; a mismatch prints
 *     <section>: <what>: expected 0x..., got 0x...
 * Each section ends with one summary line ("<section>: N checks ok" or
 * "... N FAILED"), and check_exit() turns the failure count into the exit
 * status. Output holds no addresses or times, so a runner can compare stdout
 * between emulators byte for byte.
 */
#ifndef GUEST_CHECK_H
#define GUEST_CHECK_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

static const char *check_section_name = "main";
static unsigned check_section_count, check_section_failed;
static unsigned check_total_failed;

/* check_end_section: print the summary line of the current section. */
static inline void check_end_section(void)
{
    if (check_section_count == 0)
        return;
    if (check_section_failed)
        printf("%s: %u checks, %u FAILED\n", check_section_name,
               check_section_count, check_section_failed);
    else
        printf("%s: %u checks ok\n", check_section_name, check_section_count);
    check_section_count = check_section_failed = 0;
}

/* check_section: close the current section (if any) and start @name. */
static inline void check_section(const char *name)
{
    check_end_section();
    check_section_name = name;
}

/* check_u64: one comparison; @what is a printf format naming the case. */
__attribute__((format(printf, 3, 4)))
static inline int check_u64(uint64_t expected, uint64_t got, const char *what, ...)
{
    check_section_count++;
    if (expected == got)
        return 1;
    check_section_failed++;
    check_total_failed++;
    va_list ap;
    va_start(ap, what);
    printf("%s: ", check_section_name);
    vprintf(what, ap);
    va_end(ap);
    printf(": expected 0x%" PRIx64 ", got 0x%" PRIx64 "\n", expected, got);
    return 0;
}

#define CHECK(expected, got, ...) \
    check_u64((uint64_t)(expected), (uint64_t)(got), __VA_ARGS__)

/* check_exit: close the last section; the value main() returns. */
static inline int check_exit(void)
{
    check_end_section();
    if (check_total_failed) {
        printf("%u checks FAILED\n", check_total_failed);
        return 1;
    }
    return 0;
}

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif /* GUEST_CHECK_H */
