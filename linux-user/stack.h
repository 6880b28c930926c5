// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * stack.h: the initial guest stack, as Linux/AArch64 builds it at execve.
 *
 * From the top: the strings (execfn, argv, envp, platform), 16 AT_RANDOM bytes,
 * then 16-byte aligned: argc, argv[] + NULL, envp[] + NULL, auxv pairs ending
 * with AT_NULL. sp points at argc.
 */
#ifndef UEMU_STACK_H
#define UEMU_STACK_H

#include "elfload.h"

/*
 * stack_build: map the stack (size from -s/QEMU_STACK_SIZE) and lay out
 * @argv (guest argv, argv[0] already chosen), @envp and the auxv for @prog.
 * @execfn is AT_EXECFN (the path as given). Fills the stack fields of @prog.
 */
bool stack_build(GuestProgram *prog, char **argv, char **envp,
                 const char *execfn, GError **err);

/* stack_reset_options: forget -s and -seed (tests). */
void stack_reset_options(void);

#endif /* UEMU_STACK_H */
