// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sieve.c: benchmark, integer-heavy: the sieve of Eratosthenes.
 *
 *   sieve [ROUNDS]     (default 4 rounds up to 8 million)
 *
 * Tight loops of byte stores with a stride and a compare-and-branch per
 * element: branch-heavy code with short blocks.  Prints the prime count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT 8000000

static unsigned char composite[LIMIT + 1];

static int sieve(int limit)
{
    int count = 0;

    memset(composite, 0, (size_t)limit + 1);
    for (int i = 2; i <= limit; i++) {
        if (composite[i])
            continue;
        count++;
        for (long j = (long)i * i; j <= limit; j += i)
            composite[j] = 1;
    }
    return count;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 4;
    long total = 0;

    for (int r = 0; r < rounds; r++)
        total += sieve(LIMIT - r);      /* not loop-invariant */
    printf("sieve: %d rounds, %ld primes in total\n", rounds, total);
    return 0;
}
