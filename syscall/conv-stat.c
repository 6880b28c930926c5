// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * conv-stat.c: the host's struct stat (x86-64 layout) into the guest's
 * (asm-generic, 128 bytes), for fstat and newfstatat (see conv.h).
 */
#include "conv.h"

#include <errno.h>
#include <string.h>

_Static_assert(sizeof(GuestStat) == 128, "GuestStat must match asm-generic/stat.h");

int conv_stat_to_guest(const struct stat *h, GuestStat *g)
{
    memset(g, 0, sizeof(*g));
    g->nlink = (uint32_t)h->st_nlink;
    if (g->nlink != h->st_nlink) {
        return -EOVERFLOW;          /* as cp_new_stat(): never a wrapped count */
    }
    g->dev = h->st_dev;
    g->ino = h->st_ino;
    g->mode = h->st_mode;
    g->uid = h->st_uid;
    g->gid = h->st_gid;
    g->rdev = h->st_rdev;
    g->size = h->st_size;
    g->blksize = (int32_t)h->st_blksize;
    g->blocks = h->st_blocks;
    g->atime_sec = h->st_atim.tv_sec;
    g->atime_nsec = (uint64_t)h->st_atim.tv_nsec;
    g->mtime_sec = h->st_mtim.tv_sec;
    g->mtime_nsec = (uint64_t)h->st_mtim.tv_nsec;
    g->ctime_sec = h->st_ctim.tv_sec;
    g->ctime_nsec = (uint64_t)h->st_ctim.tv_nsec;
    return 0;
}
