// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helpers.h: prototypes and call descriptors of the helpers in helpers.def.
 *
 *     IRTemp *r = tmp64(s);
 *     ir_gen_callv(s->ir, &helper_info_crc32, r, acc, val, bytes);
 */
#ifndef UEMU_TARGET_ARM_HELPERS_H
#define UEMU_TARGET_ARM_HELPERS_H

#include "cpu.h"
#include "tcg/helper.h"

#define HELPER_CTYPE_VOID void
#define HELPER_CTYPE_I32  uint32_t
#define HELPER_CTYPE_I64  uint64_t
#define HELPER_CTYPE_PTR  void *
#define HELPER_CTYPE_ENV  CPUARMState *
#define HT(t) HELPER_CTYPE_##t

#define HELPER0(name, flags, ret) \
    HT(ret) helper_##name(void); extern const HelperInfo helper_info_##name;
#define HELPER1(name, flags, ret, a) \
    HT(ret) helper_##name(HT(a)); extern const HelperInfo helper_info_##name;
#define HELPER2(name, flags, ret, a, b) \
    HT(ret) helper_##name(HT(a), HT(b)); extern const HelperInfo helper_info_##name;
#define HELPER3(name, flags, ret, a, b, c) \
    HT(ret) helper_##name(HT(a), HT(b), HT(c)); \
    extern const HelperInfo helper_info_##name;
#define HELPER4(name, flags, ret, a, b, c, d) \
    HT(ret) helper_##name(HT(a), HT(b), HT(c), HT(d)); \
    extern const HelperInfo helper_info_##name;
#define HELPER5(name, flags, ret, a, b, c, d, e) \
    HT(ret) helper_##name(HT(a), HT(b), HT(c), HT(d), HT(e)); \
    extern const HelperInfo helper_info_##name;
#include "helpers.def"
#undef HELPER0
#undef HELPER1
#undef HELPER2
#undef HELPER3
#undef HELPER4
#undef HELPER5
#undef HT

#endif /* UEMU_TARGET_ARM_HELPERS_H */
