// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * algorithms.c: whole algorithms with known answers, and glibc's string code.
 *
 * Sorting (qsort and a hand-written merge sort must agree, checksum known),
 * a hash table of generated strings (FNV-1a and djb2, probe count known),
 * CRC-32 and CRC-32C (table-driven against the published check values, then
 * the ARMv8 CRC32 instructions against the tables; built with
 * -march=armv8-a+crc), SHA-256 against the FIPS 180-2 test vectors, and the
 * string functions on many lengths and alignments against byte loops
 * (glibc's AArch64 versions use SIMD and ifunc selection), including strings
 * that end right at an inaccessible page. The known answers were computed
 * independently (Python's hashlib, zlib and sorted()).
 */
#include <arm_acle.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest-check.h"

static uint32_t lcg = 12345;

static uint32_t lcg_next(void)
{
    lcg = lcg * 1664525u + 1013904223u;
    return lcg;
}

/* -- Sorting ----------------------------------------------------------------- */

#define N_SORT 5000

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void merge_sort(uint32_t *a, uint32_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2, i = 0, j = h, k = 0;
    merge_sort(a, tmp, h);
    merge_sort(a + h, tmp, n - h);
    while (i < h && j < n)
        tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    for (k = 0; k < n; k++)
        a[k] = tmp[k];
}

static void test_sort(void)
{
    static uint32_t a[N_SORT], b[N_SORT], tmp[N_SORT];
    check_section("sort");
    for (int i = 0; i < N_SORT; i++)
        a[i] = b[i] = lcg_next() >> 8;
    qsort(a, N_SORT, sizeof(a[0]), cmp_u32);
    merge_sort(b, tmp, N_SORT);
    unsigned unsorted = 0, differ = 0;
    uint64_t sum = 0;
    for (int i = 0; i < N_SORT; i++) {
        unsorted += i > 0 && a[i - 1] > a[i];
        differ += a[i] != b[i];
        sum += (uint64_t)a[i] * (i + 1);
    }
    CHECK(0, unsorted, "qsort result out of order");
    CHECK(0, differ, "qsort and merge sort differ");
    CHECK(0x00007e9f2f8e6f0a, sum, "sorted checksum");
    CHECK(0x000003df, a[0], "smallest");
    CHECK(0x00fffb25, a[N_SORT - 1], "largest");
}

/* -- Hash table ---------------------------------------------------------------- */

#define N_KEYS 4000
#define TABLE_SIZE 8192             /* power of two, load factor < 0.5 */

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 0x811c9dc5;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 0x01000193;
    return h;
}

static uint32_t djb2(const char *s)
{
    uint32_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (uint8_t)*s;
    return h;
}

static char keys[N_KEYS][24];
static int table[TABLE_SIZE];       /* key index + 1, 0 = empty */

/* Returns the slot of @s, or of the empty slot where it would go. */
static unsigned table_find(const char *s, unsigned *probes)
{
    unsigned i = fnv1a(s) & (TABLE_SIZE - 1);
    while (table[i] && strcmp(keys[table[i] - 1], s) != 0) {
        i = (i + 1) & (TABLE_SIZE - 1);
        (*probes)++;
    }
    return i;
}

static void test_hash_table(void)
{
    check_section("hash-table");
    CHECK(0x811c9dc5, fnv1a(""), "fnv1a(\"\")");
    CHECK(0xe40c292c, fnv1a("a"), "fnv1a(\"a\")");
    CHECK(0xbf9cf968, fnv1a("foobar"), "fnv1a(\"foobar\")");
    CHECK(5381, djb2(""), "djb2(\"\")");
    CHECK(177670, djb2("a"), "djb2(\"a\")");

    unsigned probes = 0, found = 0, wrong = 0;
    uint32_t djb_sum = 0;
    for (int i = 0; i < N_KEYS; i++) {
        snprintf(keys[i], sizeof(keys[i]), "key-%d-%08x", i, lcg_next());
        djb_sum += djb2(keys[i]);
        table[table_find(keys[i], &probes)] = i + 1;
    }
    CHECK(0xb5fee66a, djb_sum, "djb2 sum of the keys");
    CHECK(1883, probes, "insert probes");
    for (int i = 0; i < N_KEYS; i++) {
        char k[24];
        memcpy(k, keys[i], sizeof(k));  /* a copy: found by content */
        int slot = table[table_find(k, &probes)];
        found += slot != 0;
        wrong += slot != 0 && slot != i + 1;
        k[0] = 'K';                 /* the same string, not in the table */
        found += table[table_find(k, &probes)] != 0;
    }
    CHECK(N_KEYS, found, "keys found");
    CHECK(0, wrong, "keys mapped to the wrong entry");
}

/* -- CRC-32 and CRC-32C ---------------------------------------------------------- */

static uint32_t crc_table[256], crc32c_table[256];

static void crc_make_table(uint32_t *t, uint32_t poly)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? poly ^ (c >> 1) : c >> 1;
        t[n] = c;
    }
}

/* The raw (un-inverted) update, as the CRC32 instructions compute it. */
static uint32_t crc_update(const uint32_t *t, uint32_t c, const uint8_t *p, size_t n)
{
    while (n--)
        c = t[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c;
}

/* The same with the instructions: doublewords, then a word, halfword, byte. */
#define DEF_HW_CRC(name, d, w, h, b)                                        \
    static uint32_t name(uint32_t c, const uint8_t *p, size_t n)            \
    {                                                                       \
        uint64_t x;                                                         \
        uint32_t y;                                                         \
        uint16_t z;                                                         \
        for (; n >= 8; n -= 8, p += 8)                                      \
            memcpy(&x, p, 8), c = d(c, x);                                  \
        if (n >= 4)                                                         \
            memcpy(&y, p, 4), c = w(c, y), n -= 4, p += 4;                  \
        if (n >= 2)                                                         \
            memcpy(&z, p, 2), c = h(c, z), n -= 2, p += 2;                  \
        if (n)                                                              \
            c = b(c, *p);                                                   \
        return c;                                                           \
    }
DEF_HW_CRC(hw_crc32, __crc32d, __crc32w, __crc32h, __crc32b)
DEF_HW_CRC(hw_crc32c, __crc32cd, __crc32cw, __crc32ch, __crc32cb)

static void test_crc(void)
{
    static const uint8_t check_str[] = "123456789";
    uint8_t buf[320];
    check_section("crc32");
    crc_make_table(crc_table, 0xedb88320);
    crc_make_table(crc32c_table, 0x82f63b78);
    CHECK(0xcbf43926, ~crc_update(crc_table, ~0u, check_str, 9), "crc32 check value");
    CHECK(0xe3069283, ~crc_update(crc32c_table, ~0u, check_str, 9), "crc32c check value");
    CHECK(0xcbf43926, ~hw_crc32(~0u, check_str, 9), "crc32 insns check value");
    CHECK(0xe3069283, ~hw_crc32c(~0u, check_str, 9), "crc32c insns check value");
    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = (uint8_t)lcg_next();
    for (size_t off = 0; off < 8; off++) {
        for (size_t n = 0; n + off <= sizeof(buf); n += 1 + n / 8) {
            CHECK(crc_update(crc_table, ~0u, buf + off, n), hw_crc32(~0u, buf + off, n),
                  "crc32 insns at +%zu len %zu", off, n);
            CHECK(crc_update(crc32c_table, 0, buf + off, n), hw_crc32c(0, buf + off, n),
                  "crc32c insns at +%zu len %zu", off, n);
        }
    }
}

/* -- SHA-256 (FIPS 180-2) ---------------------------------------------------- */

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

typedef struct {
    uint32_t h[8];
    uint8_t block[64];
    uint64_t len;
} Sha256;

static uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha_block(Sha256 *s)
{
    uint32_t w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)s->block[4 * i] << 24 | s->block[4 * i + 1] << 16 |
               s->block[4 * i + 2] << 8 | s->block[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, s->h, sizeof(v));
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = v[7] + (ror32(v[4], 6) ^ ror32(v[4], 11) ^ ror32(v[4], 25)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + sha_k[i] + w[i];
        uint32_t t2 = (ror32(v[0], 2) ^ ror32(v[0], 13) ^ ror32(v[0], 22)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof(v[0]));
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        s->h[i] += v[i];
}

static void sha_init(Sha256 *s)
{
    static const uint32_t h0[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(s->h, h0, sizeof(h0));
    s->len = 0;
}

static void sha_update(Sha256 *s, const void *data, size_t n)
{
    const uint8_t *p = data;
    while (n--) {
        s->block[s->len++ % 64] = *p++;
        if (s->len % 64 == 0)
            sha_block(s);
    }
}

/* Finish and print the digest as hex into @hex (65 bytes). */
static void sha_final(Sha256 *s, char *hex)
{
    uint64_t bits = s->len * 8;
    uint8_t pad = 0x80;
    sha_update(s, &pad, 1);
    pad = 0;
    while (s->len % 64 != 56)
        sha_update(s, &pad, 1);
    for (int i = 7; i >= 0; i--) {
        pad = (uint8_t)(bits >> (8 * i));
        sha_update(s, &pad, 1);
    }
    for (int i = 0; i < 8; i++)
        snprintf(hex + 8 * i, 9, "%08x", s->h[i]);
}

static void check_sha(const char *want, const char *got, const char *what)
{
    check_section_count++;
    if (strcmp(want, got) == 0)
        return;
    printf("%s: %s: expected %s, got %s\n", check_section_name, what, want, got);
    check_section_failed++;
    check_total_failed++;
}

static void test_sha256(void)
{
    Sha256 s;
    char hex[65];
    check_section("sha256");
    sha_init(&s);
    sha_update(&s, "abc", 3);
    sha_final(&s, hex);
    check_sha("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex, "\"abc\"");
    sha_init(&s);
    sha_final(&s, hex);
    check_sha("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex, "\"\"");
    sha_init(&s);
    sha_update(&s, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56);
    sha_final(&s, hex);
    check_sha("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", hex,
              "56-byte message");
    sha_init(&s);
    char a[1000];
    memset(a, 'a', sizeof(a));
    for (int i = 0; i < 1000; i++)
        sha_update(&s, a, sizeof(a));
    sha_final(&s, hex);
    check_sha("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex,
              "one million 'a'");
}

/* -- String functions ------------------------------------------------------------ */

/* Called through volatile pointers so that glibc's versions really run. */
static size_t (*volatile f_strlen)(const char *) = strlen;
static void *(*volatile f_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile f_memmove)(void *, const void *, size_t) = memmove;
static void *(*volatile f_memset)(void *, int, size_t) = memset;
static void *(*volatile f_memchr)(const void *, int, size_t) = memchr;
static char *(*volatile f_strchr)(const char *, int) = strchr;
static char *(*volatile f_strrchr)(const char *, int) = strrchr;
static int (*volatile f_memcmp)(const void *, const void *, size_t) = memcmp;
static int (*volatile f_strcmp)(const char *, const char *) = strcmp;

static int sign(int x) { return (x > 0) - (x < 0); }

/* A pointer result as an offset from @base, -1 for NULL: no addresses printed. */
static long off_of(const void *p, const void *base)
{
    return p ? (long)((const char *)p - (const char *)base) : -1;
}

static uint8_t src[640] __attribute__((aligned(64)));
static uint8_t dst[640] __attribute__((aligned(64)));

static void test_strlen_strchr(void)
{
    char *s = (char *)src;
    check_section("strlen-strchr");
    for (int al = 0; al < 32; al++) {
        for (int len = 0; len < 300; len += 1 + len / 16) {
            for (int i = 0; i < 600; i++)
                s[i] = (char)('A' + (i * 7) % 50);
            s[al + len] = 0;
            size_t n = 0;
            while (s[al + n])
                n++;
            CHECK(n, f_strlen(s + al), "strlen align %d len %d", al, len);
            /* The last 'A'+k before the end, and a character that is absent. */
            char c = len ? s[al + len - 1] : 'x';
            long first = -1, last = -1;
            for (int i = 0; i < len; i++) {
                if (s[al + i] == c && first < 0)
                    first = i;
                if (s[al + i] == c)
                    last = i;
            }
            CHECK(first, off_of(f_strchr(s + al, c), s + al), "strchr align %d len %d", al, len);
            CHECK(last, off_of(f_strrchr(s + al, c), s + al), "strrchr align %d len %d", al, len);
            CHECK(-1, off_of(f_strchr(s + al, '~'), s + al), "strchr absent %d %d", al, len);
            CHECK(len, off_of(f_strchr(s + al, 0), s + al), "strchr nul %d %d", al, len);
            CHECK(first, off_of(f_memchr(s + al, c, len), s + al), "memchr %d %d", al, len);
        }
    }
}

static void test_memcpy_memset(void)
{
    check_section("memcpy-memset");
    for (size_t i = 0; i < sizeof(src); i++)
        src[i] = (uint8_t)(i * 13 + 1);
    for (int sa = 0; sa < 16; sa += 3) {
        for (int da = 0; da < 16; da++) {
            for (int len = 0; len < 520; len += 1 + len / 8) {
                memset(dst, 0xee, sizeof(dst));
                f_memcpy(dst + da, src + sa, len);
                unsigned bad = 0;
                for (int i = 0; i < (int)sizeof(dst); i++) {
                    uint8_t want = i >= da && i < da + len ? src[sa + i - da] : 0xee;
                    bad += dst[i] != want;
                }
                CHECK(0, bad, "memcpy src+%d dst+%d len %d: bytes wrong", sa, da, len);
            }
        }
    }
    for (int da = 0; da < 16; da++) {
        for (int len = 0; len < 520; len += 1 + len / 8) {
            memset(dst, 0xee, sizeof(dst));
            f_memset(dst + da, da == 0 ? 0 : 0x5a, len);
            unsigned bad = 0;
            for (int i = 0; i < (int)sizeof(dst); i++) {
                uint8_t want = i >= da && i < da + len ? (da == 0 ? 0 : 0x5a) : 0xee;
                bad += dst[i] != want;
            }
            CHECK(0, bad, "memset dst+%d len %d: bytes wrong", da, len);
        }
    }
    /* Overlapping moves in both directions. */
    for (int shift = -17; shift <= 17; shift += 2) {
        for (int len = 0; len < 300; len += 7) {
            for (int i = 0; i < 640; i++)
                dst[i] = (uint8_t)i;
            f_memmove(dst + 100 + shift, dst + 100, len);
            unsigned bad = 0;
            for (int i = 0; i < 640; i++) {
                int j = i - (100 + shift);
                uint8_t want = j >= 0 && j < len ? (uint8_t)(100 + j) : (uint8_t)i;
                bad += dst[i] != want;
            }
            CHECK(0, bad, "memmove shift %d len %d: bytes wrong", shift, len);
        }
    }
}

static void test_compare(void)
{
    check_section("memcmp-strcmp");
    for (int al = 0; al < 16; al += 5) {
        for (int len = 1; len < 300; len += 1 + len / 8) {
            for (int i = 0; i < len + 1; i++)
                src[i] = dst[al + i] = (uint8_t)(0x41 + i % 26);
            src[len] = dst[al + len] = 0;
            CHECK(0, f_memcmp(src, dst + al, len), "memcmp equal %d %d", al, len);
            CHECK(0, f_strcmp((char *)src, (char *)dst + al), "strcmp equal %d %d", al, len);
            /* Unsigned byte order: 0x80 sorts after 0x7f. */
            for (int k = 0; k < len; k += 1 + len / 4) {
                uint8_t saved = dst[al + k];
                src[k] = 0x7f;
                dst[al + k] = 0x80;
                CHECK(-1, sign(f_memcmp(src, dst + al, len)), "memcmp <  %d %d at %d", al, len, k);
                CHECK(1, sign(f_memcmp(dst + al, src, len)), "memcmp >  %d %d at %d", al, len, k);
                CHECK(-1, sign(f_strcmp((char *)src, (char *)dst + al)),
                      "strcmp < %d %d at %d", al, len, k);
                src[k] = dst[al + k] = saved;
            }
            CHECK(1, sign(f_strcmp((char *)src, "")), "strcmp > \"\" %d", len);
        }
    }
}

/* Strings that end at the last byte before a PROT_NONE page. */
static void test_page_end(void)
{
    check_section("page-end");
    long page = sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED || mprotect(map + page, page, PROT_NONE) != 0) {
        CHECK(0, 1, "mmap/mprotect failed");
        return;
    }
    char *end = map + page;
    memset(map, 'z', page);
    for (int len = 0; len < 80; len++) {
        char *s = end - len - 1;
        s[len] = 0;
        CHECK(len, f_strlen(s), "strlen at page end len %d", len);
        CHECK(len ? 0 : -1, off_of(f_strchr(s, 'z'), s), "strchr at page end len %d", len);
        CHECK(len ? len - 1 : -1, off_of(f_strrchr(s, 'z'), s), "strrchr at page end len %d", len);
        CHECK(-1, off_of(f_memchr(s, 'q', len + 1), s), "memchr at page end len %d", len);
        CHECK(0, f_memcmp(s, end - len - 1, len + 1), "memcmp at page end len %d", len);
        CHECK(0, f_strcmp(s, s), "strcmp at page end len %d", len);
        s[len] = 'z';
    }
    munmap(map, 2 * page);
}

int main(void)
{
    test_sort();
    test_hash_table();
    test_crc();
    test_sha256();
    test_strlen_strchr();
    test_memcpy_memset();
    test_compare();
    test_page_end();
    return check_exit();
}
