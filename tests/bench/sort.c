// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sort.c: benchmark: qsort of random integers.
 *
 *   sort [ROUNDS]      (default 2 rounds of 500000 elements)
 *
 * glibc's qsort calls the comparison through a function pointer for every
 * step, so this measures calls, returns and indirect branches (the block
 * lookup an emulator does for each) as much as the data movement.
 * Prints a checksum of the sorted arrays.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 500000

static uint32_t a[N];

static int cmp_u32(const void *p, const void *q)
{
    uint32_t x = *(const uint32_t *)p, y = *(const uint32_t *)q;

    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 2;
    uint64_t s = 88172645463325252ull, sum = 0;

    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < N; i++) {
            s ^= s << 13;       /* xorshift64: fixed input, no libc rand */
            s ^= s >> 7;
            s ^= s << 17;
            a[i] = (uint32_t)s;
        }
        qsort(a, N, sizeof(a[0]), cmp_u32);
        for (int i = 0; i < N; i += 997)
            sum = sum * 31 + a[i];
    }
    printf("sort: %d rounds, checksum %llu\n", rounds, (unsigned long long)sum);
    return 0;
}
