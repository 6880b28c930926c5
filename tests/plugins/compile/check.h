// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * check.h: compile-time checks shared by the header compile tests.
 *
 * The tests in this folder are compiled, never run: a layout or enum value
 * that differs from QEMU's fails the build of the test, in C and in C++.
 */
#ifndef TESTS_PLUGINS_COMPILE_CHECK_H
#define TESTS_PLUGINS_COMPILE_CHECK_H

#ifdef __cplusplus
#define STATIC_CHECK(cond) static_assert(cond, #cond)
#else
#define STATIC_CHECK(cond) _Static_assert(cond, #cond)
#endif

/* The checks every dialect shares: qemu_info_t and the version-1 enums. */
#define CHECK_COMMON_LAYOUT()                                              \
    STATIC_CHECK(sizeof(qemu_plugin_id_t) == 8);                           \
    STATIC_CHECK(sizeof(qemu_plugin_meminfo_t) == 4);                      \
    STATIC_CHECK(sizeof(qemu_info_t) == 32);                               \
    STATIC_CHECK(offsetof(qemu_info_t, version.min) == 8);                 \
    STATIC_CHECK(offsetof(qemu_info_t, version.cur) == 12);                \
    STATIC_CHECK(offsetof(qemu_info_t, system_emulation) == 16);           \
    STATIC_CHECK(offsetof(qemu_info_t, system.smp_vcpus) == 20);           \
    STATIC_CHECK(offsetof(qemu_info_t, system.max_vcpus) == 24);           \
    STATIC_CHECK(QEMU_PLUGIN_CB_NO_REGS == 0);                             \
    STATIC_CHECK(QEMU_PLUGIN_CB_R_REGS == 1);                              \
    STATIC_CHECK(QEMU_PLUGIN_CB_RW_REGS == 2);                             \
    STATIC_CHECK(QEMU_PLUGIN_MEM_R == 1);                                  \
    STATIC_CHECK(QEMU_PLUGIN_MEM_W == 2);                                  \
    STATIC_CHECK(QEMU_PLUGIN_MEM_RW == 3);                                 \
    STATIC_CHECK(QEMU_PLUGIN_INLINE_ADD_U64 == 0)

#endif /* TESTS_PLUGINS_COMPILE_CHECK_H */
