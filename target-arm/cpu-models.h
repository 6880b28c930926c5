// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu-models.h: what the guest is told about its CPU (-cpu NAME).
 *
 * A model is the identity and feature view that Linux gives user space: the
 * MIDR and ID registers as the kernel's MRS emulation shows them, CTR_EL0,
 * DCZID_EL0 and the AT_HWCAP/AT_HWCAP2 bits. "max" advertises exactly what
 * arm-uemu implements; the named models reproduce qemu-aarch64's view of the
 * same name, so glibc picks the same string-function variants under both.
 */
#ifndef UEMU_TARGET_ARM_CPU_MODELS_H
#define UEMU_TARGET_ARM_CPU_MODELS_H

#include <stdint.h>

typedef struct ArmCpuModel {
    const char *name;
    uint64_t midr, revidr, mpidr;
    uint64_t id_aa64pfr0, id_aa64pfr1;
    uint64_t id_aa64isar0, id_aa64isar1, id_aa64isar2;
    uint64_t id_aa64mmfr0, id_aa64mmfr1, id_aa64mmfr2;
    uint64_t id_aa64dfr0, id_aa64zfr0, id_aa64smfr0;
    uint64_t ctr, dczid;
    uint64_t hwcap, hwcap2;
} ArmCpuModel;

/* arm_cpu_model_find: the model named @name, or NULL. */
const ArmCpuModel *arm_cpu_model_find(const char *name);

/* arm_cpu_model_default: "max". */
const ArmCpuModel *arm_cpu_model_default(void);

/* arm_cpu_models: the NULL-name-terminated table (for -cpu help). */
extern const ArmCpuModel arm_cpu_models[];

#endif /* UEMU_TARGET_ARM_CPU_MODELS_H */
