// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-info.c: the HelperInfo descriptor of every row of helpers.def.
 */
#include "helpers.h"

#define HIT_VOID IR_HT_VOID
#define HIT_I32  IR_HT_I32
#define HIT_I64  IR_HT_I64
#define HIT_PTR  IR_HT_PTR
#define HIT_ENV  IR_HT_PTR
#define HIT(t) HIT_##t

#define HELPER_INFO(name_, flags_, ret_, n_, ...)                      \
    const HelperInfo helper_info_##name_ = {                           \
        .name = #name_, .fn = (void *)helper_##name_, .flags = (flags_), \
        .ret = HIT(ret_), .nargs = (n_), .args = { __VA_ARGS__ },      \
    };

#define HELPER0(name, flags, ret) HELPER_INFO(name, flags, ret, 0, IR_HT_VOID)
#define HELPER1(name, flags, ret, a) HELPER_INFO(name, flags, ret, 1, HIT(a))
#define HELPER2(name, flags, ret, a, b) \
    HELPER_INFO(name, flags, ret, 2, HIT(a), HIT(b))
#define HELPER3(name, flags, ret, a, b, c) \
    HELPER_INFO(name, flags, ret, 3, HIT(a), HIT(b), HIT(c))
#define HELPER4(name, flags, ret, a, b, c, d) \
    HELPER_INFO(name, flags, ret, 4, HIT(a), HIT(b), HIT(c), HIT(d))
#define HELPER5(name, flags, ret, a, b, c, d, e) \
    HELPER_INFO(name, flags, ret, 5, HIT(a), HIT(b), HIT(c), HIT(d), HIT(e))
#include "helpers.def"
