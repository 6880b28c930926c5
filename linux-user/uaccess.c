// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * uaccess.c: checked copies between host and guest memory (see uaccess.h).
 *
 * Each copy first asks the guest map (mmap.c) whether every byte is mapped
 * with the protection the kernel would need: PROT_READ to read, PROT_WRITE
 * to write. Only then is the host mapping at g2h() touched, so a bad guest
 * pointer costs an -EFAULT, never a host fault.
 *
 * The check and the copy are not atomic: another guest thread may unmap the
 * pages in between, and the copy then faults on the reservation's PROT_NONE
 * pages inside the emulator. Linux covers that window with its exception
 * fixup tables; QEMU leaves it open as we do for now. Closing it means
 * teaching fault.c to turn a fault inside these copies into -EFAULT.
 */
#include "uaccess.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

static bool uaccess_ok(GuestAddr a, size_t n, int prot)
{
    return guest_range_in_space(a, n) && guest_access_ok(a, n, prot);
}

int uaccess_read(void *dst, GuestAddr src, size_t n)
{
    if (n == 0) {
        return 0;
    }
    if (!uaccess_ok(src, n, PROT_READ)) {
        return -EFAULT;
    }
    memcpy(dst, g2h(src), n);
    return 0;
}

int uaccess_write(GuestAddr dst, const void *src, size_t n)
{
    if (n == 0) {
        return 0;
    }
    if (!uaccess_ok(dst, n, PROT_WRITE)) {
        return -EFAULT;
    }
    memcpy(g2h(dst), src, n);
    return 0;
}

int uaccess_clear(GuestAddr dst, size_t n)
{
    if (n == 0) {
        return 0;
    }
    if (!uaccess_ok(dst, n, PROT_WRITE)) {
        return -EFAULT;
    }
    memset(g2h(dst), 0, n);
    return 0;
}

/*
 * One page at a time: a string may end just before an unmapped page, and
 * only the pages up to its NUL may be checked and read.
 */
ssize_t uaccess_strnlen(GuestAddr src, size_t max)
{
    size_t done = 0;

    while (done < max) {
        GuestAddr p = src + done;
        size_t chunk = MIN(max - done, GUEST_PAGE_SIZE - (p & ~GUEST_PAGE_MASK));
        const char *nul;

        if (p < src || !uaccess_ok(p, chunk, PROT_READ)) {
            return -EFAULT;
        }
        nul = memchr(g2h(p), 0, chunk);
        if (nul) {
            return (ssize_t)(done + (size_t)(nul - (const char *)g2h(p)));
        }
        done += chunk;
    }
    return -ENAMETOOLONG;
}

char *uaccess_strdup(GuestAddr src, size_t max, int *errnum)
{
    ssize_t len = uaccess_strnlen(src, max);

    if (len < 0) {
        if (errnum) {
            *errnum = (int)len;
        }
        return NULL;
    }
    return g_strndup(g2h(src), (gsize)len);
}

void *uaccess_host_ptr(GuestAddr a, size_t n, int prot)
{
    if (n == 0) {
        return guest_range_in_space(a, 0) ? g2h(a) : NULL;
    }
    return uaccess_ok(a, n, prot) ? g2h(a) : NULL;
}
