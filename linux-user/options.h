// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * options.h: the command-line option registry.
 *
 * Every component owns its options: it keeps a table of UemuOption rows and
 * registers it from a MODULE_INIT_OPTIONS function. options_parse() then reads
 * the environment twins (QEMU_LD_PREFIX for -L, ...) and the command line in
 * one pass over all registered rows, exactly as qemu-aarch64 does: the
 * environment first, so the command line wins, and options end at the first
 * argument that does not start with '-' (the guest program) or at "--".
 */
#ifndef UEMU_OPTIONS_H
#define UEMU_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

/*
 * OptionHandler: apply one occurrence of an option. @arg is the argument
 * (NULL for a flag). Returns false with @err set (UEMU_ERROR_USAGE) when the
 * argument is invalid.
 */
typedef bool (*OptionHandler)(const char *arg, GError **err);

typedef struct UemuOption {
    const char *name;       /* without the dash: "L" for -L */
    const char *env;        /* environment twin, or NULL */
    const char *arg;        /* name of the argument in -h, NULL for a flag */
    OptionHandler handler;
    const char *help;       /* one line for -h; NULL: private, not listed */
} UemuOption;

typedef enum OptionsAction {
    OPTIONS_RUN,            /* run the guest program at the returned index */
    OPTIONS_HELP,           /* -h/-help was given: print help, exit 0 */
    OPTIONS_VERSION,        /* -version was given: print version, exit 0 */
    OPTIONS_DONE,           /* a handler answered a query (-d help): exit 0 */
} OptionsAction;

/* options_register: add a table terminated by a row with name == NULL. */
void options_register(const UemuOption *table);

/*
 * options_parse: apply the environment twins, then argv[1..]. On success
 * returns the index in @argv of the guest program (for OPTIONS_RUN) and sets
 * @action. On a usage error returns -1 with @err set (UEMU_ERROR_USAGE).
 */
int options_parse(int argc, char **argv, OptionsAction *action, GError **err);

/*
 * options_finish_early: called by a handler that has fully answered what was
 * asked (-d help, -cpu help); parsing stops and main exits with status 0.
 */
void options_finish_early(void);

/*
 * options_foreach_given: call @fn for each option the last options_parse()
 * applied, in order: the environment twins that were set (registration
 * order, @from_env true, @value the variable's value even for a flag),
 * then the command line's (@value the argument, NULL for a flag). exec.c
 * rebuilds the command line of a re-executed image from it.
 */
typedef void (*OptionsGivenFn)(const UemuOption *o, const char *value,
                               bool from_env, void *opaque);
void options_foreach_given(OptionsGivenFn fn, void *opaque);

/*
 * options_record_given: what options_parse() would record for @argv and the
 * environment @envp, without running any handler (tests). False with @err
 * set on an unknown option or a missing argument.
 */
bool options_record_given(int argc, char **argv, char **envp, GError **err);

/* options_print_help: the usage line and one line per registered option. */
void options_print_help(FILE *out);

/* options_find: the registered row for @name, or NULL (used by tests). */
const UemuOption *options_find(const char *name);

/*
 * options_parse_size: a size with an optional k/M/G/T suffix (binary units,
 * as qemu-aarch64's -s and -R take). Returns false on garbage or overflow.
 */
bool options_parse_size(const char *s, guint64 *out);

#endif /* UEMU_OPTIONS_H */
