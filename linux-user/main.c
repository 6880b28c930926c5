// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * main.c: arm-uemu's startup phases.
 *
 *   1. components registered themselves before main (module.h);
 *   2. their log items and options are collected, then the whole command
 *      line (and the QEMU_* environment twins) is parsed;
 *   3. the guest address space is reserved and plugins are loaded, in
 *      command-line order, before anything of the guest exists;
 *   4. the guest ELF (and its interpreter) is mapped, the stack built;
 *   5. the cpu loop runs the guest until it exits; its status is ours,
 *      after the plugins' atexit callbacks.
 *
 * Every user error travels here as one GError and is printed as one line.
 */
#include "cpu-loop.h"
#include "cpu-select.h"
#include "elfload.h"
#include "error.h"
#include "guest-args.h"
#include "log.h"
#include "mmap.h"
#include "module.h"
#include "options.h"
#include "procfs.h"
#include "stack.h"
#include "plugin-api/loader.h"
#include "plugin-api/plugin.h"
#include "syscall/syscall.h"
#include "uemu-config.h"

#include <stdio.h>
#include <stdlib.h>

/* One line naming the problem; usage errors add the hint to -h. */
static int fail(GError *err)
{
    fprintf(stderr, "arm-uemu: %s\n", err->message);
    if (err->domain == UEMU_ERROR && err->code == UEMU_ERROR_USAGE) {
        fprintf(stderr, "Try 'arm-uemu -h' for more information.\n");
    }
    g_error_free(err);
    return EXIT_FAILURE;
}

static bool load_guest(char **guest_argv, GuestProgram *prog, GError **err)
{
    extern char **environ;
    g_auto(GStrv) argv = guest_argv_build(guest_argv);
    g_auto(GStrv) envp = guest_envp_build(environ);

    if (!elf_load_program(guest_argv[0], prog, err)) {
        return false;
    }
    prog->hwcap = arm_cpu_model_selected()->hwcap;
    prog->hwcap2 = arm_cpu_model_selected()->hwcap2;
    if (!stack_build(prog, argv, envp, guest_argv[0], err)) {
        return false;
    }
    if (elf_log_page_enabled()) {
        elf_log_page(prog, log_stream());
    }
    return true;
}

int main(int argc, char **argv)
{
    GError *err = NULL;
    OptionsAction action;
    GuestProgram prog = { 0 };
    int first, status;

    module_call_init(MODULE_INIT_TCG_BACKEND);
    module_call_init(MODULE_INIT_LOG);
    module_call_init(MODULE_INIT_OPTIONS);
    first = options_parse(argc, argv, &action, &err);
    if (first < 0) {
        return fail(err);
    }
    switch (action) {
    case OPTIONS_HELP:
        options_print_help(stdout);
        return EXIT_SUCCESS;
    case OPTIONS_VERSION:
        printf("arm-uemu version " UEMU_VERSION "\n");
        return EXIT_SUCCESS;
    case OPTIONS_DONE:
        return EXIT_SUCCESS;
    case OPTIONS_RUN:
        break;
    }

    if (!log_open(&err) || !guest_space_init(&err) || !plugin_load_all(&err) ||
        !load_guest(argv + first, &prog, &err)) {
        return fail(err);
    }

    syscall_set_exe_path(prog.exe.path);
    procfs_set_program(&prog);
    plugin_set_guest_program(&prog);
    status = cpu_loop_run(cpu_loop_start(prog.entry, prog.start_stack));
    plugin_atexit();
    elf_program_free(&prog);
    fflush(NULL);
    return status;
}
