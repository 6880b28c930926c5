// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strings.c: benchmark, string-heavy: libc string functions on many
 * short and medium strings.
 *
 *   strings [ROUNDS]   (default 6 rounds over 100000 strings)
 *
 * strlen, memchr, strchr, memcpy and strcmp are glibc's AdvSIMD variants
 * on AArch64 (chosen by ifunc from HWCAP), so this measures how the
 * emulator runs vector code and libc's dispatch, not the compiler's loops.
 * Prints a checksum of everything computed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NSTRINGS 100000
#define MAXLEN   200

static char *strs[NSTRINGS];
static char copy[MAXLEN + 1];

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 6;
    uint32_t x = 12345;
    uint64_t sum = 0;
    char *arena = malloc((size_t)NSTRINGS * (MAXLEN + 1));

    if (!arena)
        return 1;
    for (int i = 0; i < NSTRINGS; i++) {
        int len;

        x = x * 1103515245u + 12345u;   /* fixed input, no libc rand */
        len = 1 + (int)((x >> 8) % MAXLEN);
        strs[i] = arena + (size_t)i * (MAXLEN + 1);
        for (int k = 0; k < len; k++) {
            x = x * 1103515245u + 12345u;
            strs[i][k] = (char)('a' + (x >> 16) % 26);
        }
        strs[i][len] = '\0';
    }
    for (int r = 0; r < rounds; r++) {
        char c = (char)('a' + r % 26);

        for (int i = 0; i < NSTRINGS; i++) {
            size_t len = strlen(strs[i]);
            const char *m = memchr(strs[i], c, len);
            const char *s = strchr(strs[i], 'z');

            memcpy(copy, strs[i], len + 1);
            sum += len + (m ? (uintptr_t)(m - strs[i]) : 7) +
                   (s ? (uintptr_t)(s - strs[i]) : 3);
            sum += (unsigned)(strcmp(copy, strs[(i + 1) % NSTRINGS]) > 0);
        }
    }
    printf("strings: %d rounds, checksum %llu\n", rounds,
           (unsigned long long)sum);
    free(arena);
    return 0;
}
