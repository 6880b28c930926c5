// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * guest-aliases.c: an AArch64 guest program whose executed functions have
 * aliases (several function symbols at one address, global and local), for
 * plugin-symbols-vs-qemu: qemu_plugin_insn_symbol must pick QEMU's name.
 * Exits 0 and prints "13 7".
 */
#include <stdio.h>

__attribute__((noinline)) int impl_a(int x)
{
    return x * 3 + 1;
}
int alias_a1(int) __attribute__((alias("impl_a")));
int alias_a2(int) __attribute__((alias("impl_a")));

__attribute__((noinline)) static int impl_b(int x)
{
    return x ^ 5;
}
int zalias_b(int) __attribute__((alias("impl_b")));

int main(void)
{
    printf("%d %d\n", alias_a1(4), zalias_b(2));
    return 0;
}
