// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu-models.c: the -cpu table (see cpu-models.h).
 *
 * The named rows are what qemu-aarch64 7.2 shows a user-mode program for the
 * same -cpu name (read with MRS under it: the values are the kernel-style
 * sanitised view, so MPIDR is 0x80000000 and most MMFR fields are hidden).
 * Differential tests run both emulators with the same name so glibc's ifunc
 * resolvers pick the same variants.
 *
 * "max" is ours: FP and AdvSIMD (the AArch64 baseline, which glibc assumes),
 * CRC32, LSE atomics and CPUID (MRS of ID registers), and nothing we do not
 * implement. Its ID registers agree with its HWCAPs:
 *   ID_AA64ISAR0: CRC32 [19:16] = 1, Atomic [23:20] = 2.
 *
 * The named models also advertise AES/PMULL/SHA1/SHA2 as qemu does for them;
 * those instructions arrive with the complete FP/AdvSIMD issue.
 */
#include "cpu-models.h"

#include <string.h>

#define HWCAP_FP        (1u << 0)
#define HWCAP_ASIMD     (1u << 1)
#define HWCAP_CRC32     (1u << 7)
#define HWCAP_ATOMICS   (1u << 8)
#define HWCAP_CPUID     (1u << 11)

/* Fields every row shares: the sanitised views Linux gives EL0. */
#define LINUX_EL0_VIEW                                                  \
    .mpidr = 0x80000000, .id_aa64mmfr0 = 0xff000000, .id_aa64dfr0 = 0x6

const ArmCpuModel arm_cpu_models[] = {
    {
        .name = "max", LINUX_EL0_VIEW,
        .midr = 0x000f0510,
        .id_aa64pfr0 = 0x11, .id_aa64isar0 = 0x210000,
        .ctr = 0x8444c004, .dczid = 0x4,
        .hwcap = HWCAP_FP | HWCAP_ASIMD | HWCAP_CRC32 | HWCAP_ATOMICS |
                 HWCAP_CPUID,
    },
    {
        .name = "cortex-a35", LINUX_EL0_VIEW,
        .midr = 0x411fd040, .id_aa64pfr0 = 0x11, .id_aa64isar0 = 0x11120,
        .ctr = 0x84448004, .dczid = 0x4, .hwcap = 0x8fb,
    },
    {
        .name = "cortex-a53", LINUX_EL0_VIEW,
        .midr = 0x410fd034, .id_aa64pfr0 = 0x11, .id_aa64isar0 = 0x11120,
        .ctr = 0x84448004, .dczid = 0x4, .hwcap = 0x8fb,
    },
    {
        .name = "cortex-a57", LINUX_EL0_VIEW,
        .midr = 0x411fd070, .id_aa64pfr0 = 0x11, .id_aa64isar0 = 0x11120,
        .ctr = 0x8444c004, .dczid = 0x4, .hwcap = 0x8fb,
    },
    {
        .name = "cortex-a72", LINUX_EL0_VIEW,
        .midr = 0x410fd083, .id_aa64pfr0 = 0x11, .id_aa64isar0 = 0x11120,
        .ctr = 0x8444c004, .dczid = 0x4, .hwcap = 0x8fb,
    },
    { .name = NULL },
};

const ArmCpuModel *arm_cpu_model_find(const char *name)
{
    for (const ArmCpuModel *m = arm_cpu_models; m->name; m++) {
        if (!strcmp(m->name, name)) {
            return m;
        }
    }
    return NULL;
}

const ArmCpuModel *arm_cpu_model_default(void)
{
    return &arm_cpu_models[0];
}
