// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * crc32.c: benchmark, integer-heavy: table-driven CRC-32 over a buffer.
 *
 *   crc32 [PASSES]     (default 40 passes over 1 MiB)
 *
 * One load, a shift, an xor and a dependent table load per byte: what an
 * emulator's code for plain integer loops and memory accesses costs.  The
 * CRC instructions are not used (-O2 without +crc), so the program runs
 * the same on every AArch64 and on x86-64.  Prints a checksum, which
 * run-bench.py compares between runs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define BUF_SIZE (1u << 20)

static uint32_t table[256];
static uint8_t buf[BUF_SIZE];

static void make_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;

        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    while (n--)
        crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

int main(int argc, char **argv)
{
    int passes = argc > 1 ? atoi(argv[1]) : 40;
    uint64_t x = 0x9e3779b97f4a7c15ull;
    uint32_t crc = 0;

    make_table();
    for (size_t i = 0; i < BUF_SIZE; i++) {
        x ^= x << 13;       /* xorshift64: fixed input, no libc rand */
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = (uint8_t)x;
    }
    for (int p = 0; p < passes; p++)
        crc = crc32_update(crc, buf, BUF_SIZE) ^ (uint32_t)p;
    printf("crc32: %d passes, crc %08x\n", passes, crc);
    return 0;
}
