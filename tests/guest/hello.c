// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * hello.c: the smallest real program: glibc start-up, stdio, exit status.
 * Prints one line and exits with the status given as argv[1] (default 0),
 * so a runner can check both the output and exit-status passing.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    printf("Hello from AArch64!\n");
    return argc > 1 ? atoi(argv[1]) : 0;
}
