// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strings-simd.c: the glibc string functions that algorithms.c does not
 * reach, against byte loops, on every alignment of a 16-byte chunk and
 * lengths across the 16/32/64-byte steps of the AdvSIMD implementations.
 *
 * glibc's AArch64 strnlen, strrchr, strchrnul, memchr, memrchr, rawmemchr,
 * strncmp, strcpy, stpcpy, memmove and memset work on whole vectors with
 * CMEQ, UMAXP/ADDP, SHRN, BIT/BIF, ORR, DUP, TBL and friends, then locate
 * the byte from a syndrome mask (FMOV to a general register, RBIT, CLZ):
 * a wrong lane anywhere shows up as a wrong offset here. The references
 * read through volatile pointers so that the compiler keeps them as byte
 * loops and neither vectorises them nor turns them into library calls.
 * Strings also end right before a PROT_NONE page, where reading one vector
 * too far faults.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest-check.h"

/* Called through volatile pointers: no inlining, no constant folding. */
static size_t (*volatile f_strnlen)(const char *, size_t) = strnlen;
static char *(*volatile f_strrchr)(const char *, int) = strrchr;
static char *(*volatile f_strchrnul)(const char *, int) = strchrnul;
static void *(*volatile f_memchr)(const void *, int, size_t) = memchr;
static void *(*volatile f_memrchr)(const void *, int, size_t) = memrchr;
static void *(*volatile f_rawmemchr)(const void *, int) = rawmemchr;
static int (*volatile f_strncmp)(const char *, const char *, size_t) = strncmp;
static char *(*volatile f_strcpy)(char *, const char *) = strcpy;
static char *(*volatile f_stpcpy)(char *, const char *) = stpcpy;
static void *(*volatile f_memmove)(void *, const void *, size_t) = memmove;
static void *(*volatile f_memset)(void *, int, size_t) = memset;

#define BUF 512

static uint32_t lcg = 4242;

static uint32_t lcg_next(void)
{
    lcg = lcg * 1664525u + 1013904223u;
    return lcg >> 8;
}

/* Offset of @p from @base, or -1 for NULL. */
static long off_of(const void *p, const void *base)
{
    return p ? (const char *)p - (const char *)base : -1;
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

/* -- Byte-loop references ------------------------------------------------ */

static long ref_strnlen(const volatile char *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return (long)n;
}

static long ref_memchr(const volatile char *s, int c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == (char)c)
            return (long)i;
    return -1;
}

static long ref_memrchr(const volatile char *s, int c, size_t n)
{
    for (size_t i = n; i-- > 0;)
        if (s[i] == (char)c)
            return (long)i;
    return -1;
}

static long ref_strrchr(const volatile char *s, int c)
{
    long last = -1, i = 0;

    for (;; i++) {
        if (s[i] == (char)c)
            last = i;
        if (!s[i])
            return last;
    }
}

static int ref_strncmp(const volatile char *a, const volatile char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x != y)
            return x < y ? -1 : 1;
        if (!x)
            return 0;
    }
    return 0;
}

/* Fill @s[0..len) with random non-zero bytes avoiding @avoid, then NUL. */
static void fill(char *s, int len, int avoid)
{
    for (int i = 0; i < len; i++) {
        char c;
        do
            c = (char)(lcg_next() & 0xff);
        while (!c || c == (char)avoid);
        s[i] = c;
    }
    s[len] = 0;
}

/* -- Searches ------------------------------------------------------------ */

static void test_search(void)
{
    static char buf[BUF] __attribute__((aligned(64)));

    check_section("search");
    for (int al = 0; al < 16; al++) {
        for (int len = 0; len < 100; len += (len < 40 ? 1 : 7)) {
            char *s = buf + al;
            fill(s, len, 'x');
            /* plant the byte at one or two places (or nowhere) */
            int p1 = len ? (int)(lcg_next() % (unsigned)len) : -1;
            int p2 = len ? (int)(lcg_next() % (unsigned)len) : -1;
            if (len && (lcg_next() & 3)) {
                s[p1] = 'x';
                s[p2] = 'x';
            }
            CHECK(ref_strnlen(s, len + 8), f_strnlen(s, len + 8), "strnlen %d %d", al, len);
            for (int max = 0; max <= len; max += 1 + max / 3)
                CHECK(ref_strnlen(s, max), f_strnlen(s, max), "strnlen max %d %d %d", al, len, max);
            CHECK(ref_strrchr(s, 'x'), off_of(f_strrchr(s, 'x'), s), "strrchr %d %d", al, len);
            CHECK(len, off_of(f_strrchr(s, 0), s), "strrchr nul %d %d", al, len);
            long first = ref_memchr(s, 'x', len);
            CHECK(first < 0 ? len : first, off_of(f_strchrnul(s, 'x'), s), "strchrnul %d %d", al, len);
            CHECK(first, off_of(f_memchr(s, 'x', len), s), "memchr %d %d", al, len);
            CHECK(len, off_of(f_rawmemchr(s, 0), s), "rawmemchr nul %d %d", al, len);
            if (first >= 0)
                CHECK(first, off_of(f_rawmemchr(s, 'x'), s), "rawmemchr %d %d", al, len);
            CHECK(ref_memrchr(s, 'x', len), off_of(f_memrchr(s, 'x', len), s), "memrchr %d %d", al, len);
            /* a length that stops short of the byte */
            if (first > 0)
                CHECK(-1, off_of(f_memchr(s, 'x', first), s), "memchr short %d %d", al, len);
            /* bytes with the top bit set, and the length limit within a chunk */
            s[len / 2] = (char)0xc3;
            CHECK(ref_memchr(s, 0xc3, len), off_of(f_memchr(s, 0xc3, len), s), "memchr 0xc3 %d %d", al, len);
        }
    }
}

/* -- Comparison ---------------------------------------------------------- */

static void test_strncmp(void)
{
    static char a[BUF] __attribute__((aligned(64))), b[BUF] __attribute__((aligned(64)));

    check_section("strncmp");
    for (int al = 0; al < 16; al++) {
        for (int bl = 0; bl < 16; bl += 5) {
            for (int len = 0; len < 80; len += (len < 36 ? 1 : 5)) {
                char *x = a + al, *y = b + bl;
                fill(x, len, -1);
                memcpy(y, x, (size_t)len + 1);
                CHECK(0, f_strncmp(x, y, len + 4), "equal %d %d %d", al, bl, len);
                if (!len)
                    continue;
                int k = (int)(lcg_next() % (unsigned)len);
                y[k] = (char)(y[k] ^ (lcg_next() % 2 ? 0x80 : 0x01));
                if (!y[k])
                    y[k] = 1;
                for (size_t n = 0; n <= (size_t)len + 1; n += 1 + n / 4)
                    CHECK(ref_strncmp(x, y, n), sign(f_strncmp(x, y, n)),
                          "differ %d %d %d at %d n %zu", al, bl, len, k, n);
                y[k] = 0;           /* y ends early */
                CHECK(ref_strncmp(x, y, len), sign(f_strncmp(x, y, len)),
                      "short %d %d %d at %d", al, bl, len, k);
            }
        }
    }
}

/* -- Copies -------------------------------------------------------------- */

static void test_copy(void)
{
    static char src[BUF] __attribute__((aligned(64))), dst[BUF] __attribute__((aligned(64)));

    check_section("strcpy-stpcpy");
    for (int sa = 0; sa < 16; sa++) {
        for (int da = 0; da < 16; da += 3) {
            for (int len = 0; len < 90; len += (len < 40 ? 1 : 9)) {
                char *s = src + sa, *d = dst + da;
                fill(s, len, -1);
                memset(dst, '#', sizeof(dst));
                CHECK(0, off_of(f_strcpy(d, s), d), "strcpy ret %d %d %d", sa, da, len);
                int bad = 0;
                for (int i = 0; i <= len; i++)
                    bad += d[i] != s[i];
                bad += dst[da + len + 1] != '#' || (da && dst[da - 1] != '#');
                CHECK(0, bad, "strcpy bytes %d %d %d", sa, da, len);
                memset(dst, '#', sizeof(dst));
                CHECK(len, off_of(f_stpcpy(d, s), d), "stpcpy ret %d %d %d", sa, da, len);
                CHECK('#', dst[da + len + 1], "stpcpy tail %d %d %d", sa, da, len);
                CHECK(0, memcmp(d, s, (size_t)len + 1), "stpcpy bytes %d %d %d", sa, da, len);
            }
        }
    }

    check_section("memmove-memset");
    for (int len = 0; len < 300; len += (len < 70 ? 1 : 17)) {
        for (int delta = -40; delta <= 40; delta += 7) {
            static char ref[BUF];
            int base = 100;
            for (int i = 0; i < BUF; i++)
                src[i] = ref[i] = (char)(i * 13 + len);
            /* overlapping move in either direction: ref by hand */
            char tmp[BUF];
            for (int i = 0; i < len; i++)
                tmp[i] = ref[base + i];
            for (int i = 0; i < len; i++)
                ref[base + delta + i] = tmp[i];
            CHECK(0, off_of(f_memmove(src + base + delta, src + base, len), src + base + delta),
                  "memmove ret %d %d", len, delta);
            CHECK(0, memcmp(src, ref, BUF), "memmove %d %d", len, delta);
        }
        for (int al = 0; al < 16; al += 5) {
            int c = (int)(lcg_next() & 0xff);
            memset(dst, '#', sizeof(dst));
            f_memset(dst + al, c, len);
            int bad = 0;
            for (int i = 0; i < BUF; i++)
                bad += dst[i] != ((i >= al && i < al + len) ? (char)c : '#');
            CHECK(0, bad, "memset %d %d", len, al);
        }
    }
}

/* -- Strings ending at an inaccessible page ------------------------------ */

static void test_page_end(void)
{
    long page = sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    check_section("page-end");
    if (map == MAP_FAILED || mprotect(map + page, page, PROT_NONE) != 0) {
        CHECK(0, 1, "mmap/mprotect failed");
        return;
    }
    char *end = map + page, *dst = map;
    memset(map, 'z', page);
    for (int len = 0; len < 70; len++) {
        char *s = end - len - 1;
        s[len] = 0;
        CHECK(len, f_strnlen(s, len + 100), "strnlen %d", len);
        CHECK(len, off_of(f_strchrnul(s, 'q'), s), "strchrnul %d", len);
        CHECK(len, off_of(f_rawmemchr(s, 0), s), "rawmemchr %d", len);
        CHECK(len ? len - 1 : -1, off_of(f_memrchr(s, 'z', len), s), "memrchr %d", len);
        CHECK(0, f_strncmp(s, s, len + 50), "strncmp %d", len);
        CHECK(len, off_of(f_stpcpy(dst, s), dst), "stpcpy %d", len);
        /* the last bytes of the page, without a terminator in reach */
        CHECK(-1, off_of(f_memchr(end - len, 'q', len), end - len), "memchr tail %d", len);
        CHECK(ref_strnlen(end - len, len), f_strnlen(end - len, len), "strnlen tail %d", len);
        s[len] = 'z';
    }
    munmap(map, 2 * page);
}

int main(void)
{
    test_search();
    test_strncmp();
    test_copy();
    test_page_end();
    return check_exit();
}
