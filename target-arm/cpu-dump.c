// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu-dump.c: the -d cpu register dump, in qemu-aarch64's layout, so that
 * traces of the two emulators can be compared line by line.
 */
#include "cpu.h"

#include <inttypes.h>
#include <stdio.h>

void arm_cpu_dump(const CPUARMState *env, FILE *out)
{
    uint32_t nzcv = arm_cpu_get_nzcv(env);

    fprintf(out, " PC=%016" PRIx64 " ", env->pc);
    for (int i = 0; i < 31; i++) {
        fprintf(out, "X%02d=%016" PRIx64 "%s", i, env->xregs[i],
                i % 3 == 1 ? "\n" : " ");
    }
    fprintf(out, " SP=%016" PRIx64 "\n", env->xregs[ARM_REG_SP]);
    fprintf(out, "PSTATE=%08x %c%c%c%c EL0t\n", nzcv,
            nzcv & (1u << 31) ? 'N' : '-', nzcv & (1u << 30) ? 'Z' : '-',
            nzcv & (1u << 29) ? 'C' : '-', nzcv & (1u << 28) ? 'V' : '-');
}
