// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * faults.c: a guest that dies of the fault its argument names, so the runner
 * can check that the emulator turns each into the guest's default signal
 * action (and never crashes itself):
 *   segv-read   load from an unmapped address      -> SIGSEGV
 *   segv-write  store to a read-only page          -> SIGSEGV
 *   segv-exec   jump to an unmapped address        -> SIGSEGV
 *   ill         an unallocated encoding (udf #0)   -> SIGILL
 *   trap        brk #3                             -> SIGTRAP
 *   bus-pc      branch to a misaligned pc          -> SIGBUS
 * Without an argument it exits 0.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const int read_only_word = 42;
/* Addresses the compiler cannot see through, so it warns about nothing. */
static volatile uintptr_t unmapped_data = 16, unmapped_code = 0x10000;

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";

    if (!strcmp(what, "segv-read")) {
        return *(volatile int *)unmapped_data;
    }
    if (!strcmp(what, "segv-write")) {
        *(volatile int *)&read_only_word = 1;
    }
    if (!strcmp(what, "segv-exec")) {
        ((void (*)(void))unmapped_code)();
    }
    if (!strcmp(what, "ill")) {
        __asm__ volatile(".inst 0x00000000");
    }
    if (!strcmp(what, "trap")) {
        __asm__ volatile("brk #3");
    }
    if (!strcmp(what, "bus-pc")) {
        __asm__ volatile("adr x16, 1f\n add x16, x16, #2\n br x16\n 1: nop"
                         ::: "x16");
    }
    printf("%s\n", *what ? "survived" : "no fault asked");
    return *what ? 1 : 0;
}
