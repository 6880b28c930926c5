// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-socket.c: sockets: socket, socketpair, bind, listen, accept(4),
 * connect, get{sock,peer}name, sendto/recvfrom, {set,get}sockopt, shutdown,
 * and the message forms sendmsg/recvmsg/sendmmsg/recvmmsg.
 *
 * Everything here has the same layout and values on the two 64-bit ABIs
 * (checked against the arm64 headers; tests/unit/test-conv-net.c keeps the
 * facts): socket types and their SOCK_NONBLOCK/SOCK_CLOEXEC bits (the O_*
 * values, which agree), sockaddr_{un,in,in6,nl}, the SOL_SOCKET options
 * (both use asm-generic/socket.h), MSG_* flags, struct msghdr (56 bytes),
 * struct mmsghdr (64), struct cmsghdr (16, CMSG_ALIGN 8), SCM_RIGHTS and
 * SCM_CREDENTIALS with struct ucred. So buffers, addresses and control
 * messages are handed to the host in place; only the pointers inside a
 * msghdr (and the iovec array it points at) need translating, and the
 * fields the kernel writes back (msg_namelen, msg_controllen, msg_flags,
 * msg_len) are copied out. Guest fds are host fds, so SCM_RIGHTS needs
 * nothing either.
 */
#include "syscall.h"
#include "conv.h"
#include "linux-user/uaccess.h"

#include <limits.h>
#include <linux/filter.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

_Static_assert(sizeof(struct msghdr) == 56 && offsetof(struct msghdr, msg_flags) == 48 &&
               sizeof(struct mmsghdr) == 64 && sizeof(struct cmsghdr) == 16,
               "msghdr layouts differ from arm64's");
_Static_assert(SOCK_NONBLOCK == 04000 && SOCK_CLOEXEC == 02000000 && SOL_SOCKET == 1 &&
               SO_RCVTIMEO == 20 && SCM_RIGHTS == 1 && SCM_CREDENTIALS == 2,
               "host socket constants differ from the generic ones");

#define SOCKADDR_MAX    ((int)sizeof(struct sockaddr_storage))     /* 128 */

/* -- Socket addresses ------------------------------------------------------ */

/*
 * addr_in: the guest address @a of @len bytes copied into @ss, for bind,
 * connect, sendto. 0, or -EINVAL for a length the kernel refuses, -EFAULT.
 */
static int addr_in(struct sockaddr_storage *ss, GuestAddr a, int len)
{
    if (len < 0 || len > SOCKADDR_MAX) {
        return -EINVAL;
    }
    return uaccess_read(ss, a, (size_t)len) ? -EFAULT : 0;
}

/* addr_len_in: the guest's *@lenp for an address the call fills in. */
static int addr_len_in(GuestAddr lenp, socklen_t *len)
{
    int32_t v;

    if (uaccess_read(&v, lenp, sizeof(v))) {
        return -EFAULT;
    }
    if (v < 0) {
        return -EINVAL;
    }
    *len = (socklen_t)v;
    return 0;
}

/*
 * addr_out: after a call filled @ss with @host_len bytes, copy as much as
 * the guest's buffer (@guest_len bytes) holds and store the full length,
 * as the kernel's move_addr_to_user() does.
 */
static int addr_out(GuestAddr a, GuestAddr lenp, socklen_t guest_len,
                    const struct sockaddr_storage *ss, socklen_t host_len)
{
    size_t n = MIN(guest_len, host_len);
    int32_t v = (int32_t)host_len;

    if (n && uaccess_write(a, ss, n)) {
        return -EFAULT;
    }
    return uaccess_write(lenp, &v, sizeof(v)) ? -EFAULT : 0;
}

/* -- Creating and connecting ------------------------------------------------- */

int64_t sys_socket(SyscallCall *c)
{
    return host_ret(socket(arg_int(c, 0), arg_int(c, 1), arg_int(c, 2)));
}

int64_t sys_socketpair(SyscallCall *c)
{
    int sv[2];

    if (socketpair(arg_int(c, 0), arg_int(c, 1), arg_int(c, 2), sv) < 0) {
        return -errno;
    }
    return syscall_give_fd_pair(c->arg[3], sv);
}

int64_t sys_bind(SyscallCall *c)
{
    struct sockaddr_storage ss;
    int err = addr_in(&ss, c->arg[1], arg_int(c, 2));

    return err ? err : host_ret(bind(arg_int(c, 0), (struct sockaddr *)&ss,
                                     (socklen_t)arg_int(c, 2)));
}

int64_t sys_connect(SyscallCall *c)
{
    struct sockaddr_storage ss;
    int err = addr_in(&ss, c->arg[1], arg_int(c, 2));

    return err ? err : host_ret(connect(arg_int(c, 0), (struct sockaddr *)&ss,
                                        (socklen_t)arg_int(c, 2)));
}

int64_t sys_listen(SyscallCall *c)
{
    return host_ret(listen(arg_int(c, 0), arg_int(c, 1)));
}

int64_t sys_shutdown(SyscallCall *c)
{
    return host_ret(shutdown(arg_int(c, 0), arg_int(c, 1)));
}

/* accept and accept4: the peer's address is optional. */
static int64_t do_accept(SyscallCall *c, int flags)
{
    struct sockaddr_storage ss;
    socklen_t guest_len = 0, host_len = sizeof(ss);
    int fd, err;

    if (c->arg[1]) {
        err = addr_len_in(c->arg[2], &guest_len);
        if (err) {
            return err;
        }
    }
    fd = accept4(arg_int(c, 0), c->arg[1] ? (struct sockaddr *)&ss : NULL,
                 c->arg[1] ? &host_len : NULL, flags);
    if (fd < 0) {
        return -errno;
    }
    if (c->arg[1] && addr_out(c->arg[1], c->arg[2], guest_len, &ss, host_len)) {
        close(fd);
        return -EFAULT;
    }
    return fd;
}

int64_t sys_accept(SyscallCall *c)
{
    return do_accept(c, 0);
}

int64_t sys_accept4(SyscallCall *c)
{
    return do_accept(c, arg_int(c, 3));
}

/* getsockname, getpeername: int (*)(int, struct sockaddr *, socklen_t *). */
static int64_t get_name(SyscallCall *c, bool peer)
{
    struct sockaddr_storage ss;
    socklen_t guest_len, host_len = sizeof(ss);
    int err = addr_len_in(c->arg[2], &guest_len);
    int r;

    if (err) {
        return err;
    }
    r = peer ? getpeername(arg_int(c, 0), (struct sockaddr *)&ss, &host_len)
             : getsockname(arg_int(c, 0), (struct sockaddr *)&ss, &host_len);
    if (r < 0) {
        return -errno;
    }
    return addr_out(c->arg[1], c->arg[2], guest_len, &ss, host_len);
}

int64_t sys_getsockname(SyscallCall *c)
{
    return get_name(c, false);
}

int64_t sys_getpeername(SyscallCall *c)
{
    return get_name(c, true);
}

/* -- Data ---------------------------------------------------------------------- */

int64_t sys_sendto(SyscallCall *c)
{
    struct sockaddr_storage ss;
    const void *buf = uaccess_host_ptr(c->arg[1], c->arg[2], PROT_READ);
    int alen = arg_int(c, 5);

    if (!buf) {
        return -EFAULT;
    }
    if (c->arg[4]) {
        int err = addr_in(&ss, c->arg[4], alen);

        if (err) {
            return err;
        }
    }
    return host_ret(sendto(arg_int(c, 0), buf, c->arg[2], arg_int(c, 3),
                           c->arg[4] ? (struct sockaddr *)&ss : NULL,
                           c->arg[4] ? (socklen_t)alen : 0));
}

int64_t sys_recvfrom(SyscallCall *c)
{
    struct sockaddr_storage ss;
    socklen_t guest_len = 0, host_len = sizeof(ss);
    void *buf = uaccess_host_ptr(c->arg[1], c->arg[2], PROT_WRITE);
    bool want_addr = c->arg[4] != 0;
    ssize_t r;

    if (!buf) {
        return -EFAULT;
    }
    if (want_addr) {
        int err = addr_len_in(c->arg[5], &guest_len);

        if (err) {
            return err;
        }
    }
    r = recvfrom(arg_int(c, 0), buf, c->arg[2], arg_int(c, 3),
                 want_addr ? (struct sockaddr *)&ss : NULL,
                 want_addr ? &host_len : NULL);
    if (r < 0) {
        return -errno;
    }
    /* A socket with no source address to give (a stream) reports length 0. */
    if (want_addr && addr_out(c->arg[4], c->arg[5], guest_len, &ss, host_len)) {
        return -EFAULT;
    }
    return r;
}

/* -- Options -------------------------------------------------------------------- */

/* The classic BPF program of SO_ATTACH_FILTER holds a pointer: translate it. */
typedef struct GuestSockFprog {
    uint16_t len;
    uint16_t pad[3];
    uint64_t filter;
} GuestSockFprog;

_Static_assert(sizeof(GuestSockFprog) == sizeof(struct sock_fprog),
               "struct sock_fprog differs from arm64's");

static int64_t attach_filter(SyscallCall *c, int level, int name, int len)
{
    GuestSockFprog g;
    struct sock_fprog h;

    if (len < (int)sizeof(g)) {
        return -EINVAL;
    }
    if (uaccess_read(&g, c->arg[3], sizeof(g))) {
        return -EFAULT;
    }
    h.len = g.len;
    h.filter = uaccess_host_ptr(g.filter, (size_t)g.len * sizeof(struct sock_filter),
                                PROT_READ);
    if (!h.filter) {
        return -EFAULT;
    }
    return host_ret(setsockopt(arg_int(c, 0), level, name, &h, sizeof(h)));
}

int64_t sys_setsockopt(SyscallCall *c)
{
    int level = arg_int(c, 1), name = arg_int(c, 2), len = arg_int(c, 4);
    const void *val;

    if (len < 0) {
        return -EINVAL;
    }
    if (level == SOL_SOCKET &&
        (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF)) {
        return attach_filter(c, level, name, len);
    }
    val = uaccess_host_ptr(c->arg[3], (size_t)len, PROT_READ);
    if (!val) {
        return -EFAULT;
    }
    return host_ret(setsockopt(arg_int(c, 0), level, name, val, (socklen_t)len));
}

int64_t sys_getsockopt(SyscallCall *c)
{
    socklen_t len;
    int err = addr_len_in(c->arg[4], &len);
    int32_t out;
    void *val;

    if (err) {
        return err;
    }
    val = uaccess_host_ptr(c->arg[3], len, PROT_WRITE);
    if (!val) {
        return -EFAULT;
    }
    if (getsockopt(arg_int(c, 0), arg_int(c, 1), arg_int(c, 2), val, &len) < 0) {
        return -errno;
    }
    out = (int32_t)len;
    return uaccess_write(c->arg[4], &out, sizeof(out)) ? -EFAULT : 0;
}

/* -- Messages ------------------------------------------------------------------ */

/*
 * One guest msghdr made usable by the host: its name, iovec array and
 * control buffer point into guest memory (checked for the access the
 * kernel makes), the iovec array is ours.
 */
typedef struct HostMsg {
    struct msghdr h;
    struct iovec *iov;          /* g_malloc'd */
} HostMsg;

/* Where the kernel writes back into a guest msghdr. */
#define MSG_OFF_NAMELEN     offsetof(struct msghdr, msg_namelen)
#define MSG_OFF_CONTROLLEN  offsetof(struct msghdr, msg_controllen)
#define MSG_OFF_FLAGS       offsetof(struct msghdr, msg_flags)

/*
 * msg_in: read the guest msghdr at @a into @m for a send (@send) or a
 * receive; 0, or the kernel's error for it (-EFAULT, -EMSGSIZE for too many
 * iovecs, -EINVAL for a negative name length, -ENOBUFS for a huge control
 * length).
 */
static int msg_in(HostMsg *m, GuestAddr a, bool send)
{
    struct msghdr g;            /* the same layout: its pointers are guest addresses */
    int prot = send ? PROT_READ : PROT_WRITE;
    int err;

    m->iov = NULL;
    if (uaccess_read(&g, a, sizeof(g))) {
        return -EFAULT;
    }
    memset(&m->h, 0, sizeof(m->h));
    if (g.msg_iovlen > GUEST_IOV_MAX) {
        return -EMSGSIZE;
    }
    if (g.msg_name) {
        if ((int)g.msg_namelen < 0) {
            return -EINVAL;
        }
        if (g.msg_namelen > SOCKADDR_MAX) {
            g.msg_namelen = SOCKADDR_MAX;   /* the kernel clamps it, both ways */
        }
        m->h.msg_name = uaccess_host_ptr((GuestAddr)(uintptr_t)g.msg_name,
                                         g.msg_namelen, prot);
        if (!m->h.msg_name) {
            return -EFAULT;
        }
        m->h.msg_namelen = g.msg_namelen;
    }
    m->iov = g_new(struct iovec, MAX(g.msg_iovlen, 1));
    err = conv_iovec_from_guest(m->iov, (GuestAddr)(uintptr_t)g.msg_iov,
                                g.msg_iovlen, prot);
    if (err) {
        return err;
    }
    m->h.msg_iov = m->iov;
    m->h.msg_iovlen = g.msg_iovlen;
    if (g.msg_controllen > INT_MAX) {
        return -ENOBUFS;
    }
    /*
     * A NULL control buffer stays NULL whatever its length: the host kernel
     * then faults only if it has a control message to store, as the guest's
     * would.
     */
    if (g.msg_controllen && g.msg_control) {
        m->h.msg_control = uaccess_host_ptr((GuestAddr)(uintptr_t)g.msg_control,
                                            g.msg_controllen, prot);
        if (!m->h.msg_control) {
            return -EFAULT;
        }
    }
    m->h.msg_controllen = g.msg_controllen;
    m->h.msg_flags = 0;
    return 0;
}

/*
 * msg_out: after a receive, what the kernel stores: the address length
 * (only if an address was asked for), the control length used, the flags.
 */
static int msg_out(const HostMsg *m, GuestAddr a)
{
    uint32_t namelen = m->h.msg_namelen;
    uint64_t controllen = m->h.msg_controllen;
    int32_t flags = m->h.msg_flags;

    if ((m->h.msg_name &&
         uaccess_write(a + MSG_OFF_NAMELEN, &namelen, sizeof(namelen))) ||
        uaccess_write(a + MSG_OFF_CONTROLLEN, &controllen, sizeof(controllen)) ||
        uaccess_write(a + MSG_OFF_FLAGS, &flags, sizeof(flags))) {
        return -EFAULT;
    }
    return 0;
}

int64_t sys_sendmsg(SyscallCall *c)
{
    HostMsg m;
    int err = msg_in(&m, c->arg[1], true);
    int64_t ret = err ? err : host_ret(sendmsg(arg_int(c, 0), &m.h, arg_int(c, 2)));

    g_free(m.iov);
    return ret;
}

int64_t sys_recvmsg(SyscallCall *c)
{
    HostMsg m;
    int err = msg_in(&m, c->arg[1], false);
    int64_t ret = err ? err : host_ret(recvmsg(arg_int(c, 0), &m.h, arg_int(c, 2)));

    if (ret >= 0 && msg_out(&m, c->arg[1])) {
        ret = -EFAULT;
    }
    g_free(m.iov);
    return ret;
}

/*
 * The vector forms: up to UIO_MAXIOV messages per call (sendmmsg clamps to
 * that as the kernel does; recvmmsg is clamped likewise, which only means a
 * short count). Each message's msg_len is stored after the call.
 */
#define MMSG_MAX        GUEST_IOV_MAX
#define MMSG_SIZE       sizeof(struct mmsghdr)
#define MMSG_OFF_LEN    offsetof(struct mmsghdr, msg_len)

static int64_t do_mmsg(SyscallCall *c, bool send, struct timespec *timeout)
{
    unsigned vlen = MIN((unsigned)arg_int(c, 2), MMSG_MAX);
    GuestAddr vec = c->arg[1];
    g_autofree struct mmsghdr *hv = g_new0(struct mmsghdr, MAX(vlen, 1));
    g_autofree HostMsg *msgs = g_new0(HostMsg, MAX(vlen, 1));
    int64_t ret = 0;

    for (unsigned i = 0; i < vlen && !ret; i++) {
        ret = msg_in(&msgs[i], vec + i * MMSG_SIZE, send);
        hv[i].msg_hdr = msgs[i].h;
    }
    if (!ret) {
        ret = send ? host_ret(sendmmsg(arg_int(c, 0), hv, vlen, arg_int(c, 3)))
                   : host_ret(syscall(SYS_recvmmsg, arg_int(c, 0), hv, vlen,
                                      arg_int(c, 3), timeout));
    }
    for (int64_t i = 0; i < ret; i++) {
        uint32_t len = hv[i].msg_len;

        msgs[i].h = hv[i].msg_hdr;
        if ((!send && msg_out(&msgs[i], vec + i * MMSG_SIZE)) ||
            uaccess_write(vec + i * MMSG_SIZE + MMSG_OFF_LEN, &len, sizeof(len))) {
            ret = i ? i : -EFAULT;
            break;
        }
    }
    for (unsigned i = 0; i < vlen; i++) {
        g_free(msgs[i].iov);
    }
    return ret;
}

int64_t sys_sendmmsg(SyscallCall *c)
{
    return do_mmsg(c, true, NULL);
}

/* recvmmsg's timeout is read before and the time left written back after. */
int64_t sys_recvmmsg(SyscallCall *c)
{
    struct timespec ts;
    int64_t ret;

    if (c->arg[4] && uaccess_read(&ts, c->arg[4], sizeof(ts))) {
        return -EFAULT;
    }
    ret = do_mmsg(c, false, c->arg[4] ? &ts : NULL);
    if (ret >= 0 && c->arg[4] && uaccess_write(c->arg[4], &ts, sizeof(ts))) {
        return -EFAULT;
    }
    return ret;
}
