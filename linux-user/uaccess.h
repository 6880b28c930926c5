// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * uaccess.h: checked copies between host memory and guest memory.
 *
 * Syscall handlers never dereference a guest pointer directly: they go
 * through these, which check the guest map first and answer -EFAULT for a
 * pointer the kernel would refuse. The emulator never faults on a guest's
 * bad pointer.
 */
#ifndef UEMU_UACCESS_H
#define UEMU_UACCESS_H

#include "mmap.h"

#include <stddef.h>
#include <sys/types.h>

/* uaccess_read: copy @n bytes from guest @src to @dst; 0 or -EFAULT. */
int uaccess_read(void *dst, GuestAddr src, size_t n);

/* uaccess_write: copy @n bytes from @src to guest @dst; 0 or -EFAULT. */
int uaccess_write(GuestAddr dst, const void *src, size_t n);

/* uaccess_clear: zero @n guest bytes at @dst; 0 or -EFAULT. */
int uaccess_clear(GuestAddr dst, size_t n);

/*
 * uaccess_strnlen: length of the NUL-terminated guest string at @src, looking
 * at most @max bytes; -EFAULT if it runs into unreadable memory first,
 * -ENAMETOOLONG if no NUL within @max.
 */
ssize_t uaccess_strnlen(GuestAddr src, size_t max);

/*
 * uaccess_strdup: a g_malloc'd copy of the guest string at @src, whose NUL
 * must lie within the first @max bytes as for uaccess_strnlen (pass PATH_MAX
 * for a path, as Linux's getname); NULL with *@errnum set to -EFAULT or
 * -ENAMETOOLONG.
 */
char *uaccess_strdup(GuestAddr src, size_t max, int *errnum);

/*
 * uaccess_host_ptr: a host pointer to @n guest bytes at @a if all of them are
 * mapped with @prot, else NULL. For zero-copy read(2)/write(2) buffers.
 */
void *uaccess_host_ptr(GuestAddr a, size_t n, int prot);

#endif /* UEMU_UACCESS_H */
