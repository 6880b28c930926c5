// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * exec.h: execve(2) for the guest, without binfmt_misc.
 *
 * The guest asks to run a file. Like the kernel, we look at its first bytes:
 *
 *   an AArch64 ELF                     re-execute arm-uemu on it, with the
 *                                      options of this run (-L, -cpu,
 *                                      -plugin, -d, -D, -strace, ...) and
 *                                      -0 carrying the guest's argv[0]
 *   "#!interp [arg]" whose interpreter  the same, on the interpreter, with the
 *   (through -L) is an AArch64 ELF     argv the kernel would build
 *   any other ELF, or a script whose   host execve(2): a native program runs
 *   interpreter is native              natively
 *   anything else                      -ENOEXEC, as the kernel answers
 *
 * -exec-native (UEMU_EXEC_NATIVE) turns re-execution off: every program is
 * handed to the host's execve, as qemu-aarch64 does (an AArch64 program
 * then needs binfmt_misc).
 *
 *     int64_t r = exec_program(guest_path, argv, envp);   // returns only on failure
 */
#ifndef UEMU_EXEC_H
#define UEMU_EXEC_H

#include <stdbool.h>
#include <stdint.h>

/*
 * exec_program: replace this process by the program at @path (the guest's
 * path, before the -L lookup; or a host path such as /proc/self/fd/3/name
 * that execveat built) with @argv and @envp (NULL-terminated; @argv may be
 * empty). On success it does not return. On failure it returns -errno as
 * the kernel would (ENOENT, EACCES, ENOEXEC, ELOOP, ...) and the process
 * goes on unchanged, unless the failure came from the host's execve after
 * the point of no return (see exec_prepare in exec.c).
 */
int64_t exec_program(const char *path, char *const *argv, char *const *envp);

/* exec_emulation_enabled: false under -exec-native. */
bool exec_emulation_enabled(void);

/*
 * exec_build_emulator_argv: the host argv that re-executes arm-uemu on
 * @host_prog with the guest argv @argv: this run's argv[0], the options in
 * force (those from environment twins missing from @envp, then the command
 * line's, without -0, -E, -U and -g), "-0 argv[0]", "--", @host_prog and
 * @argv[1..]; and -log-append when a -D file is in use, so that the new
 * image adds to the log instead of truncating it. Exposed for the unit
 * test. Free with g_strfreev.
 */
char **exec_build_emulator_argv(const char *host_prog, char *const *argv,
                                char *const *envp);

/*
 * exec_set_startup_args: what the constructor records from the host's argv
 * at start-up (argv[0], and the working directory relative option paths
 * are resolved from); tests call it to set their own. The options
 * themselves come from options_foreach_given() (options.h).
 */
void exec_set_startup_args(int argc, char **argv);

#endif /* UEMU_EXEC_H */
