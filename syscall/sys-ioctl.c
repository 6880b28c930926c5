// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-ioctl.c: ioctl(2), driven by ioctls.def.
 *
 * Each listed command has the same number and argument layout on both
 * ABIs, so it passes through: by value, or through a bounce buffer copied
 * from/to the guest with uaccess. An unlisted command answers -ENOTTY, the
 * kernel's "this file does not do that" (qemu-aarch64 answers -ENOSYS,
 * which isatty() and friends do not expect), and is logged once under
 * -d unimp as "Unsupported ioctl: cmd=0x5401".
 */
#include "syscall.h"
#include "conv.h"
#include "linux-user/uaccess.h"

#include <asm/termbits.h>
#include <linux/fs.h>
#include <sys/ioctl.h>

/* struct termios2 (asm-generic/termbits.h): termios plus two speeds, 44 bytes on both. */
typedef struct GuestTermios2 {
    GuestTermios t;
    uint32_t c_ispeed;
    uint32_t c_ospeed;
} GuestTermios2;

_Static_assert(sizeof(GuestTermios2) == 44 && sizeof(struct termios2) == 44,
               "struct termios2 differs from arm64's");

typedef enum IoctlDir {
    IOC_NONE,                   /* no argument */
    IOC_VAL,                    /* an integer by value */
    IOC_R,                      /* the kernel writes a struct to the guest */
    IOC_W,                      /* the kernel reads a struct from the guest */
} IoctlDir;

typedef struct IoctlDesc {
    uint32_t cmd;
    IoctlDir dir;
    uint32_t size;
} IoctlDesc;

#define IOCTL_MAX_SIZE 64

/* Every command: the host's number is the guest's, and its struct fits the bounce buffer. */
#define IOCTL(name, cmd, dir, type)                                             \
    _Static_assert(name == cmd, #name " has another number on the host");       \
    _Static_assert(sizeof(type) <= IOCTL_MAX_SIZE, #type " is too large");
#include "ioctls.def"
#undef IOCTL

static const IoctlDesc ioctl_table[] = {
#define IOCTL(name, cmd, dir, type) { cmd, dir, sizeof(type) },
#include "ioctls.def"
#undef IOCTL
};

static const IoctlDesc *ioctl_find(uint32_t cmd)
{
    for (size_t i = 0; i < G_N_ELEMENTS(ioctl_table); i++) {
        if (ioctl_table[i].cmd == cmd) {
            return &ioctl_table[i];
        }
    }
    return NULL;
}

int64_t sys_ioctl(SyscallCall *c)
{
    int fd = arg_int(c, 0);
    uint32_t cmd = (uint32_t)c->arg[1];
    const IoctlDesc *d = ioctl_find(cmd);
    uint8_t buf[IOCTL_MAX_SIZE];
    int64_t ret;

    if (!d) {
        syscall_log_unimp("Unsupported ioctl: cmd=0x%04x", cmd);
        return -ENOTTY;
    }
    switch (d->dir) {
    case IOC_NONE:
        return host_ret(ioctl(fd, cmd));
    case IOC_VAL:
        return host_ret(ioctl(fd, cmd, (unsigned long)c->arg[2]));
    case IOC_R:
        ret = host_ret(ioctl(fd, cmd, buf));
        if (ret >= 0 && uaccess_write(c->arg[2], buf, d->size)) {
            return -EFAULT;
        }
        return ret;
    case IOC_W:
        if (uaccess_read(buf, c->arg[2], d->size)) {
            return -EFAULT;
        }
        return host_ret(ioctl(fd, cmd, buf));
    }
    g_assert_not_reached();
}
