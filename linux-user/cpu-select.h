// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu-select.h: -cpu NAME (QEMU_CPU): which CPU model the guest sees.
 */
#ifndef UEMU_CPU_SELECT_H
#define UEMU_CPU_SELECT_H

#include "target-arm/cpu-models.h"

/* arm_cpu_model_selected: the -cpu model, "max" by default. */
const ArmCpuModel *arm_cpu_model_selected(void);

#endif /* UEMU_CPU_SELECT_H */
