// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * error.h: the GError domain for user-facing errors.
 *
 * Bad input from the user (options, ELF files, plugins) travels up to main as
 * one GError; main prints its message on one line and exits 1. Errors the
 * guest causes never use this: they become errno values or guest signals.
 */
#ifndef UEMU_ERROR_H
#define UEMU_ERROR_H

#include <glib.h>

#define UEMU_ERROR uemu_error_quark()

typedef enum UemuErrorCode {
    UEMU_ERROR_USAGE,           /* bad command line: main adds the -h hint */
    UEMU_ERROR_ELF,             /* the guest binary or its interpreter */
    UEMU_ERROR_MEMORY,          /* the guest address space */
    UEMU_ERROR_PLUGIN,          /* a plugin that cannot be loaded */
    UEMU_ERROR_UNSUPPORTED,     /* a request for what is not implemented yet */
} UemuErrorCode;

GQuark uemu_error_quark(void);

#endif /* UEMU_ERROR_H */
