// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-xattr.c: extended attributes: set/get/list/remove, each on a path
 * (following symlinks), an lpath (not following) and an fd.
 *
 * The attribute name is copied as the kernel copies it (at most
 * XATTR_NAME_MAX bytes, else ERANGE), values and lists through a bounce
 * buffer of at most XATTR_SIZE_MAX bytes (64 KiB), so the host kernel's
 * answer (ENODATA, ERANGE for a small buffer, ENOTSUP on a file system
 * without xattrs) reaches the guest unchanged and a bad buffer gives
 * -EFAULT. The l* forms use lgetxattr etc. on the host; the *xattrat
 * variants of Linux 6.13 have numbers after 450 and no row yet.
 */
#include "syscall.h"
#include "linux-user/uaccess.h"

#include <string.h>
#include <sys/xattr.h>

#define GUEST_XATTR_NAME_MAX 255
#define GUEST_XATTR_SIZE_MAX 65536
#define GUEST_XATTR_LIST_MAX 65536

/* Which object the call names: a path, a path whose final symlink is not followed, or an fd. */
typedef enum XattrTarget {
    XATTR_PATH,
    XATTR_LPATH,
    XATTR_FD,
} XattrTarget;

typedef struct XattrObj {
    XattrTarget kind;
    int fd;
    char *path;                 /* g_malloc'd; NULL for XATTR_FD */
} XattrObj;

/* Argument 0 as the object; @lookup says whether -L may redirect it. */
static int64_t xattr_obj(SyscallCall *c, XattrTarget kind, bool lookup, XattrObj *o)
{
    int64_t err = 0;

    o->kind = kind;
    o->path = NULL;
    o->fd = -1;
    if (kind == XATTR_FD) {
        o->fd = arg_int(c, 0);
        return 0;
    }
    o->path = syscall_get_path(c->arg[0], lookup, &err);
    return o->path ? 0 : err;
}

/* The attribute name: ERANGE when empty or longer than XATTR_NAME_MAX. */
static char *xattr_name(GuestAddr a, int64_t *err)
{
    int e = -EFAULT;
    char *name = uaccess_strdup(a, GUEST_XATTR_NAME_MAX + 1, &e);

    if (!name) {
        *err = e == -ENAMETOOLONG ? -ERANGE : e;
        return NULL;
    }
    if (!name[0]) {
        g_free(name);
        *err = -ERANGE;
        return NULL;
    }
    return name;
}

/* -- set -------------------------------------------------------------------- */

static int64_t do_setxattr(SyscallCall *c, XattrTarget kind)
{
    XattrObj o;
    int64_t err = xattr_obj(c, kind, false, &o);
    g_autofree char *path = o.path;
    g_autofree char *name = NULL;
    g_autofree void *value = NULL;
    size_t size = c->arg[3];
    int flags = arg_int(c, 4);

    if (err) {
        return err;
    }
    name = xattr_name(c->arg[1], &err);
    if (!name) {
        return err;
    }
    if (size > GUEST_XATTR_SIZE_MAX) {
        return -E2BIG;
    }
    value = g_malloc(size ? size : 1);
    if (size && uaccess_read(value, c->arg[2], size)) {
        return -EFAULT;
    }
    switch (kind) {
    case XATTR_PATH:
        return host_ret(setxattr(path, name, value, size, flags));
    case XATTR_LPATH:
        return host_ret(lsetxattr(path, name, value, size, flags));
    case XATTR_FD:
        return host_ret(fsetxattr(o.fd, name, value, size, flags));
    }
    g_assert_not_reached();
}

int64_t sys_setxattr(SyscallCall *c)  { return do_setxattr(c, XATTR_PATH); }
int64_t sys_lsetxattr(SyscallCall *c) { return do_setxattr(c, XATTR_LPATH); }
int64_t sys_fsetxattr(SyscallCall *c) { return do_setxattr(c, XATTR_FD); }

/* -- get --------------------------------------------------------------------- */

/* A size of 0 asks for the value's size; the buffer is not touched then. */
static int64_t do_getxattr(SyscallCall *c, XattrTarget kind)
{
    XattrObj o;
    int64_t err = xattr_obj(c, kind, true, &o);
    g_autofree char *path = o.path;
    g_autofree char *name = NULL;
    g_autofree void *value = NULL;
    size_t size = MIN(c->arg[3], (uint64_t)GUEST_XATTR_SIZE_MAX);
    ssize_t ret = -1;

    if (err) {
        return err;
    }
    name = xattr_name(c->arg[1], &err);
    if (!name) {
        return err;
    }
    value = g_malloc(size ? size : 1);
    switch (kind) {
    case XATTR_PATH:
        ret = getxattr(path, name, size ? value : NULL, size);
        break;
    case XATTR_LPATH:
        ret = lgetxattr(path, name, size ? value : NULL, size);
        break;
    case XATTR_FD:
        ret = fgetxattr(o.fd, name, size ? value : NULL, size);
        break;
    }
    if (ret < 0) {
        return -errno;
    }
    if (size && uaccess_write(c->arg[2], value, (size_t)ret)) {
        return -EFAULT;
    }
    return ret;
}

int64_t sys_getxattr(SyscallCall *c)  { return do_getxattr(c, XATTR_PATH); }
int64_t sys_lgetxattr(SyscallCall *c) { return do_getxattr(c, XATTR_LPATH); }
int64_t sys_fgetxattr(SyscallCall *c) { return do_getxattr(c, XATTR_FD); }

/* -- list ---------------------------------------------------------------------- */

static int64_t do_listxattr(SyscallCall *c, XattrTarget kind)
{
    XattrObj o;
    int64_t err = xattr_obj(c, kind, true, &o);
    g_autofree char *path = o.path;
    g_autofree char *list = NULL;
    size_t size = MIN(c->arg[2], (uint64_t)GUEST_XATTR_LIST_MAX);
    ssize_t ret = -1;

    if (err) {
        return err;
    }
    list = g_malloc(size ? size : 1);
    switch (kind) {
    case XATTR_PATH:
        ret = listxattr(path, size ? list : NULL, size);
        break;
    case XATTR_LPATH:
        ret = llistxattr(path, size ? list : NULL, size);
        break;
    case XATTR_FD:
        ret = flistxattr(o.fd, size ? list : NULL, size);
        break;
    }
    if (ret < 0) {
        return -errno;
    }
    if (size && uaccess_write(c->arg[1], list, (size_t)ret)) {
        return -EFAULT;
    }
    return ret;
}

int64_t sys_listxattr(SyscallCall *c)  { return do_listxattr(c, XATTR_PATH); }
int64_t sys_llistxattr(SyscallCall *c) { return do_listxattr(c, XATTR_LPATH); }
int64_t sys_flistxattr(SyscallCall *c) { return do_listxattr(c, XATTR_FD); }

/* -- remove ---------------------------------------------------------------------- */

static int64_t do_removexattr(SyscallCall *c, XattrTarget kind)
{
    XattrObj o;
    int64_t err = xattr_obj(c, kind, false, &o);
    g_autofree char *path = o.path;
    g_autofree char *name = NULL;

    if (err) {
        return err;
    }
    name = xattr_name(c->arg[1], &err);
    if (!name) {
        return err;
    }
    switch (kind) {
    case XATTR_PATH:
        return host_ret(removexattr(path, name));
    case XATTR_LPATH:
        return host_ret(lremovexattr(path, name));
    case XATTR_FD:
        return host_ret(fremovexattr(o.fd, name));
    }
    g_assert_not_reached();
}

int64_t sys_removexattr(SyscallCall *c)  { return do_removexattr(c, XATTR_PATH); }
int64_t sys_lremovexattr(SyscallCall *c) { return do_removexattr(c, XATTR_LPATH); }
int64_t sys_fremovexattr(SyscallCall *c) { return do_removexattr(c, XATTR_FD); }
