// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-int.c: integer helpers of helpers.def, for operations the IR has
 * no op for.
 *
 * CRC32{B,H,W,X} and CRC32C{B,H,W,X} (trans-dp-reg.c): the ARM ARM
 * computes BitReverse(Poly32Mod2(BitReverse(acc):Zeros(size) EOR
 * BitReverse(val):Zeros(32), poly)), which is the usual bit-reflected CRC
 * (least significant bit first) with no initial or final inversion:
 *
 *     crc32(~0u, "a", 1) ^ ~0u == zlib's crc32(0, "a", 1)
 */
#include "helpers.h"

/* The reflected forms of 0x04C11DB7 (CRC-32) and 0x1EDC6F41 (CRC-32C). */
#define CRC32_POLY_REFLECTED  0xedb88320u
#define CRC32C_POLY_REFLECTED 0x82f63b78u

static uint64_t crc32_reflected(uint32_t crc, uint64_t val, unsigned bytes,
                                uint32_t poly)
{
    for (unsigned i = 0; i < bytes; i++) {
        crc ^= (uint8_t)(val >> (8 * i));
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (poly & -(crc & 1));
        }
    }
    return crc;
}

uint64_t helper_crc32(uint64_t acc, uint64_t val, uint64_t bytes)
{
    return crc32_reflected(acc, val, bytes, CRC32_POLY_REFLECTED);
}

uint64_t helper_crc32c(uint64_t acc, uint64_t val, uint64_t bytes)
{
    return crc32_reflected(acc, val, bytes, CRC32C_POLY_REFLECTED);
}
