// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * a64-decode.c: the pure A64 decoder, compiled from generated code.
 *
 * decodegen.py turns a64.decode into the row table a64_decode_rows[] and
 * a64_decode_row(), which maps an instruction word to its row and fields
 * without side effects; both land here, so unit tests and the instruction
 * fuzzer can use them without the translator.  The dispatcher a64_decode(),
 * which calls the trans_NAME handlers, is generated into
 * a64-decode-dispatch.c.inc and included by translate.c, where the handlers
 * live.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "target-arm/a64-decode.h"
#include "target-arm/a64-decode.c.inc"
