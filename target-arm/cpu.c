// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu.c: reset and the NZCV view of the split flags (see cpu.h).
 */
#include "cpu.h"

#include <string.h>

void arm_cpu_reset(CPUARMState *env, const ArmCpuModel *model)
{
    void *opaque = env->opaque;

    memset(env, 0, sizeof(*env));
    env->opaque = opaque;
    env->model = model;
    env->excl_addr = UINT64_MAX;
    env->ZF = 1;                /* Z clear: all flags start clear */
}

uint32_t arm_cpu_get_nzcv(const CPUARMState *env)
{
    return (uint32_t)((int64_t)env->NF < 0) << 31 |
           (uint32_t)(env->ZF == 0) << 30 |
           (uint32_t)(env->CF & 1) << 29 |
           (uint32_t)((int64_t)env->VF < 0) << 28;
}

void arm_cpu_set_nzcv(CPUARMState *env, uint32_t nzcv)
{
    env->NF = (nzcv & (1u << 31)) ? UINT64_MAX : 0;
    env->ZF = (nzcv & (1u << 30)) ? 0 : 1;
    env->CF = (nzcv >> 29) & 1;
    env->VF = (nzcv & (1u << 28)) ? UINT64_MAX : 0;
}
