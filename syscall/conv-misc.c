// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * conv-misc.c: small guest <-> host conversions: open flags and iovec
 * arrays (see conv.h).
 */
#include "conv.h"
#include "linux-user/uaccess.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>

/* -- Open flags ----------------------------------------------------------- */

/*
 * The four O_* bits whose values differ (arm64 asm/fcntl.h against the
 * asm-generic values that x86-64 uses). glibc defines O_LARGEFILE as 0 on
 * x86-64, so the host's kernel value is written out.
 */
#define HOST_O_LARGEFILE 0100000
_Static_assert(O_DIRECTORY == 0200000 && O_NOFOLLOW == 0400000 &&
               O_DIRECT == 040000, "host is expected to use the x86-64 O_* values");

static const struct {
    int guest;
    int host;
} open_flag_map[] = {
    { 040000,  O_DIRECTORY },
    { 0100000, O_NOFOLLOW },
    { 0200000, O_DIRECT },
    { 0400000, HOST_O_LARGEFILE },
};

#define OPEN_FLAGS_MAPPED (040000 | 0100000 | 0200000 | 0400000)

int conv_open_flags_from_guest(int guest_flags)
{
    int host = guest_flags & ~OPEN_FLAGS_MAPPED;

    for (size_t i = 0; i < G_N_ELEMENTS(open_flag_map); i++) {
        if (guest_flags & open_flag_map[i].guest) {
            host |= open_flag_map[i].host;
        }
    }
    return host;
}

int conv_open_flags_to_guest(int host_flags)
{
    int guest = host_flags & ~OPEN_FLAGS_MAPPED;

    for (size_t i = 0; i < G_N_ELEMENTS(open_flag_map); i++) {
        if (host_flags & open_flag_map[i].host) {
            guest |= open_flag_map[i].guest;
        }
    }
    return guest;
}

/* -- iovec ----------------------------------------------------------------- */

/* The guest's struct iovec: two 64-bit words, as the host's. */
typedef struct GuestIovec {
    uint64_t base;
    uint64_t len;
} GuestIovec;

_Static_assert(sizeof(GuestIovec) == sizeof(struct iovec), "iovec layouts differ");

int conv_iovec_from_guest(struct iovec *out, GuestAddr vec, uint64_t cnt,
                          int prot)
{
    GuestIovec g[GUEST_IOV_MAX];
    uint64_t total = 0;

    if (cnt > GUEST_IOV_MAX) {
        return -EINVAL;
    }
    if (uaccess_read(g, vec, cnt * sizeof(g[0]))) {
        return -EFAULT;
    }
    for (uint64_t i = 0; i < cnt; i++) {
        /* The kernel refuses a total that does not fit ssize_t. */
        if (g[i].len > (uint64_t)SSIZE_MAX - total) {
            return -EINVAL;
        }
        total += g[i].len;
        out[i].iov_len = g[i].len;
        out[i].iov_base = uaccess_host_ptr(g[i].base, g[i].len, prot);
        if (!out[i].iov_base && g[i].len) {
            return -EFAULT;
        }
    }
    return 0;
}
