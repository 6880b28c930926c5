// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu-select.c: the -cpu option over the model table of target-arm.
 *
 * Names are qemu-aarch64's, so `-cpu cortex-a57` means the same guest view
 * under both emulators; `-cpu help` lists them.
 */
#include "cpu-select.h"
#include "error.h"
#include "module.h"
#include "options.h"

#include <stdio.h>
#include <string.h>

static const ArmCpuModel *selected;

const ArmCpuModel *arm_cpu_model_selected(void)
{
    return selected ? selected : arm_cpu_model_default();
}

static bool opt_cpu(const char *arg, GError **err)
{
    if (!strcmp(arg, "help")) {
        printf("Available CPUs:\n");
        for (const ArmCpuModel *m = arm_cpu_models; m->name; m++) {
            printf("  %s\n", m->name);
        }
        options_finish_early();
        return true;
    }
    selected = arm_cpu_model_find(arg);
    if (!selected) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "unknown CPU model '%s' (see '-cpu help')", arg);
        return false;
    }
    return true;
}

static const UemuOption cpu_select_options[] = {
    { "cpu", "QEMU_CPU", "model", opt_cpu, "select CPU (-cpu help for list)" },
    { NULL },
};

static void cpu_select_register_options(void)
{
    options_register(cpu_select_options);
}
module_init(cpu_select_register_options, MODULE_INIT_OPTIONS);
