// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * guest-args.h: the guest's argv and environment: -0, -E and -U.
 */
#ifndef UEMU_GUEST_ARGS_H
#define UEMU_GUEST_ARGS_H

/*
 * guest_argv_build: a NULL-terminated copy of @argv (the guest program and
 * its arguments) with argv[0] replaced by -0 (QEMU_ARGV0) if given.
 */
char **guest_argv_build(char **argv);

/*
 * guest_envp_build: a NULL-terminated copy of @host_env with the -E
 * (QEMU_SET_ENV) and -U (QEMU_UNSET_ENV) changes applied in order; the last
 * change to a variable wins.
 */
char **guest_envp_build(char **host_env);

/* guest_args_reset: forget -0/-E/-U (tests). */
void guest_args_reset(void);

#endif /* UEMU_GUEST_ARGS_H */
