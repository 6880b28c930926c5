// SPDX-License-Identifier: GPL-2.0-or-later
/* error.c: the GError domain of user-facing errors (see error.h). */
#include "error.h"

G_DEFINE_QUARK(arm-uemu-error-quark, uemu_error)
