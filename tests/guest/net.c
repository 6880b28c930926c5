// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * net.c: sockets and I/O multiplexing, single-threaded (no fork, no
 * threads): AF_UNIX stream pairs with SCM_RIGHTS and SCM_CREDENTIALS, TCP
 * and UDP over loopback, AF_UNIX datagrams, sendmmsg/recvmmsg, socket
 * options, ppoll/pselect6 readiness and timeouts, their signal masks
 * (a blocked signal let through for the wait, as with pselect's classic
 * use, runs its handler and the old mask comes back), epoll with data.u64
 * values that must survive the arm64 <-> x86-64 struct epoll_event
 * conversion, eventfd counters, and -EFAULT for bad pointers.
 *
 * The output holds no ports, pids or addresses, so it compares byte for
 * byte with qemu-aarch64's.
 */
#define _GNU_SOURCE
#include "guest-check.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define BAD_PTR ((void *)8)     /* never mapped */

/* raw: a syscall's kernel result, -errno included, with no libc in between. */
static long raw_ret(long r)
{
    return r == -1 ? -errno : r;
}

/* -- AF_UNIX stream: SCM_RIGHTS and SCM_CREDENTIALS -------------------------- */

static void test_unix_rights(void)
{
    int sv[2], pfd[2];
    char byte = 'x', buf[16];
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    struct iovec iov = { &byte, 1 };
    struct msghdr msg = { 0 };
    struct cmsghdr *cm;
    int got_fd = -1;

    check_section("unix-rights");
    CHECK(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), "socketpair");
    CHECK(FD_CLOEXEC, fcntl(sv[0], F_GETFD), "SOCK_CLOEXEC reaches the fd");
    CHECK(0, pipe(pfd), "pipe");

    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl.buf;
    msg.msg_controllen = sizeof(ctl.buf);
    cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &pfd[0], sizeof(int));
    CHECK(1, sendmsg(sv[0], &msg, 0), "sendmsg with SCM_RIGHTS");

    memset(&msg, 0, sizeof(msg));
    memset(ctl.buf, 0, sizeof(ctl.buf));
    byte = 0;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctl.buf;
    msg.msg_controllen = sizeof(ctl.buf);
    CHECK(1, recvmsg(sv[1], &msg, MSG_CMSG_CLOEXEC), "recvmsg");
    CHECK('x', byte, "data byte");
    CHECK(CMSG_SPACE(sizeof(int)), msg.msg_controllen, "msg_controllen written back");
    CHECK(0, msg.msg_flags & ~MSG_CMSG_CLOEXEC, "msg_flags");
    cm = CMSG_FIRSTHDR(&msg);
    if (CHECK(1, cm != NULL, "a control message")) {
        CHECK(SOL_SOCKET, cm->cmsg_level, "cmsg_level");
        CHECK(SCM_RIGHTS, cm->cmsg_type, "cmsg_type");
        CHECK(CMSG_LEN(sizeof(int)), cm->cmsg_len, "cmsg_len");
        memcpy(&got_fd, CMSG_DATA(cm), sizeof(int));
    }
    CHECK(1, got_fd >= 0 && got_fd != pfd[0], "a new fd arrived");
    CHECK(FD_CLOEXEC, fcntl(got_fd, F_GETFD), "MSG_CMSG_CLOEXEC");
    CHECK(5, write(pfd[1], "pipe!", 5), "write into the pipe");
    CHECK(5, read(got_fd, buf, sizeof(buf)), "read through the passed fd");
    CHECK(0, memcmp(buf, "pipe!", 5), "passed fd reads the pipe");

    /*
     * (A control buffer too small for the fd gives MSG_CTRUNC on Linux, but
     * qemu-aarch64 receives into a buffer of twice the size and misses it.)
     */

    /* SCM_CREDENTIALS: the kernel fills in our own pid/uid/gid. */
    int on = 1;
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(struct ucred))];
    } cctl;
    CHECK(0, setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)), "SO_PASSCRED");
    byte = 'z';
    msg.msg_control = NULL;
    msg.msg_controllen = 0;
    CHECK(1, sendmsg(sv[0], &msg, 0), "sendmsg for credentials");
    msg.msg_control = cctl.buf;
    msg.msg_controllen = sizeof(cctl.buf);
    CHECK(1, recvmsg(sv[1], &msg, 0), "recvmsg with credentials");
    cm = CMSG_FIRSTHDR(&msg);
    if (CHECK(1, cm != NULL, "a credentials message")) {
        struct ucred cr;

        CHECK(SCM_CREDENTIALS, cm->cmsg_type, "cmsg_type");
        memcpy(&cr, CMSG_DATA(cm), sizeof(cr));
        CHECK(getpid(), cr.pid, "pid");
        CHECK(getuid(), cr.uid, "uid");
        CHECK(getgid(), cr.gid, "gid");
    }

    /* SO_PEERCRED through getsockopt: a struct ucred out, length back. */
    struct ucred pc;
    socklen_t len = sizeof(pc);
    CHECK(0, getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &pc, &len), "SO_PEERCRED");
    CHECK(sizeof(pc), len, "SO_PEERCRED length");
    CHECK(getpid(), pc.pid, "SO_PEERCRED pid");

    close(got_fd);
    close(pfd[0]);
    close(pfd[1]);
    close(sv[0]);
    close(sv[1]);
}

/* -- TCP over loopback --------------------------------------------------------- */

static void test_tcp(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET }, peer, me;
    socklen_t len;
    int ls, cs, as, on = 1, val;
    char buf[64];

    check_section("tcp");
    ls = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(1, ls >= 0, "socket");
    CHECK(0, setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)), "SO_REUSEADDR");
    len = sizeof(val);
    CHECK(0, getsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &val, &len), "get SO_REUSEADDR");
    CHECK(1, val, "SO_REUSEADDR value");
    len = sizeof(val);
    CHECK(0, getsockopt(ls, SOL_SOCKET, SO_TYPE, &val, &len), "SO_TYPE");
    CHECK(SOCK_STREAM, val, "SO_TYPE value");
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    CHECK(0, bind(ls, (struct sockaddr *)&a, sizeof(a)), "bind port 0");
    CHECK(0, listen(ls, 4), "listen");
    len = sizeof(a);
    CHECK(0, getsockname(ls, (struct sockaddr *)&a, &len), "getsockname");
    CHECK(sizeof(a), len, "getsockname length");
    CHECK(AF_INET, a.sin_family, "family");
    CHECK(1, a.sin_port != 0, "a port was chosen");

    cs = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    CHECK(O_NONBLOCK, fcntl(cs, F_GETFL) & O_NONBLOCK, "SOCK_NONBLOCK");
    int r = connect(cs, (struct sockaddr *)&a, sizeof(a));
    CHECK(1, r == 0 || errno == EINPROGRESS, "non-blocking connect");
    struct pollfd pfd = { cs, POLLOUT, 0 };
    CHECK(1, poll(&pfd, 1, 5000), "poll for the connection");
    CHECK(POLLOUT, pfd.revents & (POLLOUT | POLLERR), "connected");
    len = sizeof(val);
    CHECK(0, getsockopt(cs, SOL_SOCKET, SO_ERROR, &val, &len), "SO_ERROR");
    CHECK(0, val, "no connect error");

    len = sizeof(peer);
    as = accept4(ls, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
    CHECK(1, as >= 0, "accept4");
    CHECK(FD_CLOEXEC, fcntl(as, F_GETFD), "accept4 SOCK_CLOEXEC");
    CHECK(sizeof(peer), len, "accept4 address length");
    len = sizeof(me);
    CHECK(0, getsockname(cs, (struct sockaddr *)&me, &len), "client getsockname");
    CHECK(me.sin_port, peer.sin_port, "accept4 names the client's port");
    len = sizeof(peer);
    CHECK(0, getpeername(cs, (struct sockaddr *)&peer, &len), "getpeername");
    CHECK(a.sin_port, peer.sin_port, "peer is the listener's port");
    CHECK(htonl(INADDR_LOOPBACK), peer.sin_addr.s_addr, "peer address");

    /* A short address buffer: truncated, full length reported. */
    char small[4];
    len = sizeof(small);
    CHECK(0, getpeername(cs, (struct sockaddr *)small, &len), "getpeername, short buffer");
    CHECK(sizeof(struct sockaddr_in), len, "full length reported");

    CHECK(0, setsockopt(cs, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)), "TCP_NODELAY");
    struct timeval tv = { 2, 500000 }, tv2;
    CHECK(0, setsockopt(as, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), "SO_RCVTIMEO");
    len = sizeof(tv2);
    CHECK(0, getsockopt(as, SOL_SOCKET, SO_RCVTIMEO, &tv2, &len), "get SO_RCVTIMEO");
    CHECK(2, tv2.tv_sec, "SO_RCVTIMEO seconds");
    CHECK(500000, tv2.tv_usec, "SO_RCVTIMEO microseconds");

    CHECK(11, send(cs, "hello, tcp!", 11, 0), "send");
    CHECK(11, recv(as, buf, sizeof(buf), MSG_WAITALL & 0), "recv");
    CHECK(0, memcmp(buf, "hello, tcp!", 11), "data");
    CHECK(5, write(as, "reply", 5), "write back");
    pfd.events = POLLIN;
    CHECK(1, poll(&pfd, 1, 5000), "poll for the reply");
    CHECK(5, read(cs, buf, sizeof(buf)), "read reply");
    CHECK(-EAGAIN, raw_ret(recv(cs, buf, sizeof(buf), 0)), "non-blocking recv, nothing there");
    CHECK(0, shutdown(cs, SHUT_WR), "shutdown SHUT_WR");
    CHECK(0, recv(as, buf, sizeof(buf), 0), "end of stream after shutdown");
    CHECK(-EINVAL, raw_ret(shutdown(as, 42)), "shutdown, bad how");
    close(as);
    close(cs);
    close(ls);
}

/* -- UDP and AF_UNIX datagrams -------------------------------------------------- */

static void test_udp(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET }, b, from;
    socklen_t len;
    int s1, s2;
    char buf[64];

    check_section("udp");
    s1 = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    s2 = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(0, bind(s1, (struct sockaddr *)&a, sizeof(a)), "bind s1");
    b = a;
    CHECK(0, bind(s2, (struct sockaddr *)&b, sizeof(b)), "bind s2");
    len = sizeof(a);
    getsockname(s1, (struct sockaddr *)&a, &len);
    len = sizeof(b);
    getsockname(s2, (struct sockaddr *)&b, &len);
    CHECK(-EAGAIN, raw_ret(recvfrom(s2, buf, sizeof(buf), 0, NULL, NULL)), "nothing yet");
    CHECK(9, sendto(s1, "datagram1", 9, 0, (struct sockaddr *)&b, sizeof(b)), "sendto");
    CHECK(3, sendto(s1, "two", 3, 0, (struct sockaddr *)&b, sizeof(b)), "sendto 2");
    struct pollfd p = { s2, POLLIN, 0 };
    CHECK(1, poll(&p, 1, 5000), "poll");
    memset(&from, 0, sizeof(from));
    len = sizeof(from);
    CHECK(9, recvfrom(s2, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len), "recvfrom");
    CHECK(0, memcmp(buf, "datagram1", 9), "data");
    CHECK(sizeof(from), len, "from length");
    CHECK(a.sin_port, from.sin_port, "from port is the sender's");
    CHECK(3, recv(s2, buf, 2, MSG_TRUNC), "MSG_TRUNC: the datagram's real length");
    CHECK(-EINVAL, raw_ret(sendto(s1, "x", 1, 0, (struct sockaddr *)&b, 200)), "address too long");

    /* sendmmsg/recvmmsg: three datagrams in one call each. */
    char out[3][8] = { "one", "two!", "three" }, in[3][8];
    struct iovec oi[3], ii[3];
    struct mmsghdr om[3], im[3];
    struct sockaddr_in names[3];
    memset(om, 0, sizeof(om));
    memset(im, 0, sizeof(im));
    for (int i = 0; i < 3; i++) {
        oi[i].iov_base = out[i];
        oi[i].iov_len = strlen(out[i]);
        om[i].msg_hdr.msg_iov = &oi[i];
        om[i].msg_hdr.msg_iovlen = 1;
        om[i].msg_hdr.msg_name = &b;
        om[i].msg_hdr.msg_namelen = sizeof(b);
        ii[i].iov_base = in[i];
        ii[i].iov_len = sizeof(in[i]);
        im[i].msg_hdr.msg_iov = &ii[i];
        im[i].msg_hdr.msg_iovlen = 1;
        im[i].msg_hdr.msg_name = &names[i];
        im[i].msg_hdr.msg_namelen = sizeof(names[i]);
    }
    CHECK(3, sendmmsg(s1, om, 3, 0), "sendmmsg");
    for (int i = 0; i < 3; i++)
        CHECK(strlen(out[i]), om[i].msg_len, "sendmmsg msg_len[%d]", i);
    poll(&p, 1, 5000);
    struct timespec to = { 1, 0 };
    CHECK(3, recvmmsg(s2, im, 3, MSG_WAITFORONE, &to), "recvmmsg");
    for (int i = 0; i < 3; i++) {
        CHECK(strlen(out[i]), im[i].msg_len, "recvmmsg msg_len[%d]", i);
        CHECK(0, memcmp(in[i], out[i], strlen(out[i])), "recvmmsg data[%d]", i);
        CHECK(sizeof(names[i]), im[i].msg_hdr.msg_namelen, "recvmmsg namelen[%d]", i);
        CHECK(a.sin_port, names[i].sin_port, "recvmmsg name[%d]", i);
    }
    close(s1);
    close(s2);

    /* AF_UNIX datagrams: boundaries kept, an abstract name, sendmsg with a name. */
    check_section("unix-dgram");
    int sv[2];
    CHECK(0, socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), "socketpair SOCK_DGRAM");
    CHECK(4, send(sv[0], "abcd", 4, 0), "send 1");
    CHECK(2, send(sv[0], "ef", 2, 0), "send 2");
    CHECK(4, recv(sv[1], buf, sizeof(buf), 0), "first datagram whole");
    CHECK(2, recv(sv[1], buf, sizeof(buf), 0), "second datagram whole");
    close(sv[0]);
    close(sv[1]);

    struct sockaddr_un un = { .sun_family = AF_UNIX }, un_from;
    int us = socket(AF_UNIX, SOCK_DGRAM, 0), uc = socket(AF_UNIX, SOCK_DGRAM, 0);
    snprintf(un.sun_path + 1, sizeof(un.sun_path) - 1, "uemu-net-%d", (int)getpid());
    socklen_t ulen = offsetof(struct sockaddr_un, sun_path) + 1 + strlen(un.sun_path + 1);
    CHECK(0, bind(us, (struct sockaddr *)&un, ulen), "bind abstract name");
    struct iovec iov = { "via sendmsg", 11 };
    struct msghdr m = { .msg_name = &un, .msg_namelen = ulen, .msg_iov = &iov, .msg_iovlen = 1 };
    CHECK(11, sendmsg(uc, &m, 0), "sendmsg to a name");
    len = sizeof(un_from);
    CHECK(11, recvfrom(us, buf, sizeof(buf), 0, (struct sockaddr *)&un_from, &len), "recvfrom");
    CHECK(0, memcmp(buf, "via sendmsg", 11), "data");
    CHECK(0, len, "unbound sender: no address");
    close(us);
    close(uc);
}

/* -- ppoll and pselect6 ------------------------------------------------------------- */

static long elapsed_ms(const struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void test_poll_select(void)
{
    int p[2];
    struct timespec t0, to;
    sigset_t mask;

    check_section("ppoll");
    pipe(p);
    struct pollfd f[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
    to = (struct timespec){ 0, 0 };
    CHECK(1, ppoll(f, 2, &to, NULL), "only the write end is ready");
    CHECK(0, f[0].revents, "read end not ready");
    CHECK(POLLOUT, f[1].revents, "write end ready");
    clock_gettime(CLOCK_MONOTONIC, &t0);
    to = (struct timespec){ 0, 50 * 1000000 };
    CHECK(0, ppoll(f, 1, &to, NULL), "timeout");
    CHECK(1, elapsed_ms(&t0) >= 45, "ppoll waited");
    /* (Linux writes the time left, 0, back; qemu-aarch64 does not.) */
    write(p[1], "r", 1);
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    to = (struct timespec){ 5, 0 };
    CHECK(1, ppoll(f, 1, &to, &mask), "readable, with a sigmask");
    CHECK(POLLIN, f[0].revents, "POLLIN");
    CHECK(1, to.tv_sec <= 5 && to.tv_sec >= 3, "time left written back");
    CHECK(-EINVAL, raw_ret(syscall(SYS_ppoll, f, 1, NULL, &mask, 4)), "sigsetsize 4");
    CHECK(-EFAULT, raw_ret(syscall(SYS_ppoll, BAD_PTR, 1, &to, NULL, 8)), "bad fds");
    CHECK(-EFAULT, raw_ret(syscall(SYS_ppoll, f, 1, BAD_PTR, NULL, 8)), "bad timeout");
    struct pollfd nf = { -1, POLLIN, 0 };
    CHECK(0, poll(&nf, 1, 0), "negative fd ignored");

    check_section("pselect6");
    fd_set r, w;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(p[0], &r);
    FD_SET(p[1], &w);
    to = (struct timespec){ 1, 0 };
    CHECK(2, pselect(p[1] + 1, &r, &w, NULL, &to, &mask), "both ready");
    CHECK(1, FD_ISSET(p[0], &r), "read set");
    CHECK(1, FD_ISSET(p[1], &w), "write set");
    char c;
    read(p[0], &c, 1);
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    to = (struct timespec){ 0, 40 * 1000000 };
    CHECK(0, pselect(p[0] + 1, &r, NULL, NULL, &to, NULL), "timeout");
    CHECK(0, FD_ISSET(p[0], &r), "set cleared");
    CHECK(1, elapsed_ms(&t0) >= 35, "pselect waited");
    struct { const void *ss; size_t len; } sa = { &mask, 4 };
    FD_SET(p[0], &r);
    to = (struct timespec){ 0, 0 };
    CHECK(-EINVAL, raw_ret(syscall(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &to, &sa)),
          "sigset size 4");
    CHECK(-EFAULT, raw_ret(syscall(SYS_pselect6, p[0] + 1, BAD_PTR, NULL, NULL, &to, NULL)),
          "bad fd_set");
    CHECK(-EFAULT, raw_ret(syscall(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &to, BAD_PTR)),
          "bad sigset pair");
    CHECK(-EINVAL, raw_ret(syscall(SYS_pselect6, -1, NULL, NULL, NULL, &to, NULL)),
          "negative nfds");
    close(p[0]);
    close(p[1]);
}

/* -- epoll and eventfd ------------------------------------------------------------ */

static void test_epoll(void)
{
    int ep, p[3][2], efd;
    struct epoll_event ev, out[8];
    uint64_t v;

    check_section("epoll");
    ep = epoll_create1(EPOLL_CLOEXEC);
    CHECK(1, ep >= 0, "epoll_create1");
    CHECK(FD_CLOEXEC, fcntl(ep, F_GETFD), "EPOLL_CLOEXEC");
    for (int i = 0; i < 3; i++) {
        pipe(p[i]);
        ev.events = EPOLLIN;
        ev.data.u64 = 0x1122334455667700ULL + (uint64_t)i;
        CHECK(0, epoll_ctl(ep, EPOLL_CTL_ADD, p[i][0], &ev), "add pipe %d", i);
    }
    CHECK(-EEXIST, raw_ret(epoll_ctl(ep, EPOLL_CTL_ADD, p[0][0], &ev)), "add twice");
    CHECK(0, epoll_wait(ep, out, 8, 0), "nothing ready");
    write(p[2][1], "a", 1);
    write(p[0][1], "b", 1);
    memset(out, 0xaa, sizeof(out));
    int n = epoll_wait(ep, out, 8, 1000);
    CHECK(2, n, "two ready");
    uint64_t seen = 0;
    for (int i = 0; i < n && i < 8; i++) {
        CHECK(EPOLLIN, out[i].events, "events[%d]", i);
        CHECK(1, out[i].data.u64 == 0x1122334455667700ULL ||
                 out[i].data.u64 == 0x1122334455667702ULL, "data.u64[%d] round-trips", i);
        seen |= 1ULL << (out[i].data.u64 & 0xff);
    }
    CHECK(5, seen, "pipes 0 and 2 reported");
    CHECK(1, epoll_wait(ep, out, 1, 0), "maxevents 1: one at a time");

    ev.events = EPOLLIN | EPOLLET;
    ev.data.u64 = 0xfedcba9876543210ULL;
    CHECK(0, epoll_ctl(ep, EPOLL_CTL_MOD, p[2][0], &ev), "mod");
    CHECK(0, epoll_ctl(ep, EPOLL_CTL_DEL, p[0][0], NULL), "del, NULL event");
    n = epoll_pwait(ep, out, 8, 100, NULL);
    CHECK(1, n, "edge-triggered: reported once");
    CHECK(0xfedcba9876543210ULL, out[0].data.u64, "modified data.u64");
    CHECK(0, epoll_wait(ep, out, 8, 0), "edge already consumed");

    /*
     * epoll_pwait2 (Linux 5.11) is newer than some qemu-aarch64 versions:
     * where the emulator answers ENOSYS the checks pass vacuously, so the
     * output is the same either way.
     */
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct timespec to = { 0, 30 * 1000000 };
    sigset_t mask;
    sigemptyset(&mask);
    long r = raw_ret(syscall(SYS_epoll_pwait2, ep, out, 8, &to, &mask, 8));
    bool have = r != -ENOSYS;
    CHECK(0, have ? r : 0, "epoll_pwait2 timeout");
    CHECK(1, have ? elapsed_ms(&t0) >= 25 : 1, "epoll_pwait2 waited");
    write(p[1][1], "c", 1);
    r = raw_ret(syscall(SYS_epoll_pwait2, ep, out, 8, NULL, NULL, 8));
    CHECK(1, have ? r : 1, "epoll_pwait2 ready");
    CHECK(0x1122334455667701ULL, have ? out[0].data.u64 : 0x1122334455667701ULL,
          "epoll_pwait2 data.u64");
    CHECK(0, epoll_ctl(ep, EPOLL_CTL_DEL, p[1][0], NULL), "del pipe 1");

    CHECK(-EINVAL, raw_ret(epoll_wait(ep, out, 0, 0)), "maxevents 0");
    CHECK(-EFAULT, raw_ret(syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0][0], BAD_PTR)),
          "bad event");
    CHECK(-EFAULT, raw_ret(syscall(SYS_epoll_pwait, ep, BAD_PTR, 8, 0, NULL, 8)), "bad events");
    CHECK(-EINVAL, raw_ret(syscall(SYS_epoll_pwait, ep, out, 8, 0, &mask, 16)), "sigsetsize 16");

    check_section("eventfd");
    efd = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
    CHECK(1, efd >= 0, "eventfd");
    v = 4;
    CHECK(8, write(efd, &v, 8), "add 4");
    CHECK(8, read(efd, &v, 8), "read");
    CHECK(7, v, "counter 3+4");
    CHECK(-EAGAIN, raw_ret(read(efd, &v, 8)), "empty: EAGAIN");
    ev.events = EPOLLIN;
    ev.data.u64 = 0xeeeeeeee00000001ULL;
    epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev);
    v = 1;
    write(efd, &v, 8);
    CHECK(1, epoll_wait(ep, out, 8, 1000), "eventfd through epoll");
    CHECK(0xeeeeeeee00000001ULL, out[0].data.u64, "eventfd data.u64");
    close(efd);
    efd = eventfd(2, EFD_SEMAPHORE);
    CHECK(8, read(efd, &v, 8), "semaphore read");
    CHECK(1, v, "semaphore gives 1");
    close(efd);
    for (int i = 0; i < 3; i++) {
        close(p[i][0]);
        close(p[i][1]);
    }
    close(ep);
}

/* -- Wait masks: the signal a wait lets through runs its handler ------------------ */

static volatile int handler_hits;
static sigset_t handler_mask;

static void count_signal(int sig)
{
    (void)sig;
    handler_hits++;
    sigprocmask(SIG_BLOCK, NULL, &handler_mask);
}

static void test_wait_sigmask(void)
{
    struct sigaction sa = { 0 }, old_usr1, old_alrm;
    sigset_t blocked, empty, cur, saved;
    struct timespec to = { 5, 0 };
    struct itimerval soon = { { 0, 0 }, { 0, 100000 } };
    int p[2];

    check_section("wait-sigmask");
    sa.sa_handler = count_signal;
    sigaction(SIGUSR1, &sa, &old_usr1);
    sigaction(SIGALRM, &sa, &old_alrm);
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigaddset(&blocked, SIGALRM);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &blocked, &saved);
    pipe(p);

    /* Pending before the call: ppoll with it unblocked ends at once. */
    kill(getpid(), SIGUSR1);
    CHECK(0, handler_hits, "blocked: no handler yet");
    struct pollfd f = { p[0], POLLIN, 0 };
    CHECK(-EINTR, raw_ret(ppoll(&f, 1, &to, &empty)), "ppoll: EINTR");
    CHECK(1, handler_hits, "ppoll: handler ran");
    CHECK(0, sigismember(&handler_mask, SIGALRM), "handler ran under the ppoll mask");
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK(1, sigismember(&cur, SIGUSR1), "ppoll: old mask back");

    /* Arriving during the wait: a timer's SIGALRM. */
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    setitimer(ITIMER_REAL, &soon, NULL);
    CHECK(-EINTR, raw_ret(pselect(p[0] + 1, &rs, NULL, NULL, &to, &empty)), "pselect: EINTR");
    CHECK(2, handler_hits, "pselect: handler ran");
    sigprocmask(SIG_BLOCK, NULL, &cur);
    CHECK(1, sigismember(&cur, SIGALRM), "pselect: old mask back");

    int ep = epoll_create1(0);
    struct epoll_event ev = { EPOLLIN, { .u64 = 1 } };
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    setitimer(ITIMER_REAL, &soon, NULL);
    CHECK(-EINTR, raw_ret(epoll_pwait(ep, &ev, 1, 5000, &empty)), "epoll_pwait: EINTR");
    CHECK(3, handler_hits, "epoll_pwait: handler ran");

    /* A mask that keeps the signal blocked: the wait times out, the signal waits. */
    kill(getpid(), SIGUSR1);
    to = (struct timespec){ 0, 50 * 1000000 };
    CHECK(0, ppoll(&f, 1, &to, &blocked), "still blocked: timeout");
    CHECK(3, handler_hits, "no handler");
    sigprocmask(SIG_SETMASK, &saved, NULL);
    CHECK(4, handler_hits, "handler once unblocked");

    sigaction(SIGUSR1, &old_usr1, NULL);
    sigaction(SIGALRM, &old_alrm, NULL);
    close(ep);
    close(p[0]);
    close(p[1]);
}

/* -- Bad pointers ----------------------------------------------------------------- */

static void test_efault(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0), sv[2];
    socklen_t len = 16;
    int val;

    check_section("efault");
    CHECK(-EFAULT, raw_ret(syscall(SYS_bind, s, BAD_PTR, 16)), "bind");
    CHECK(-EFAULT, raw_ret(syscall(SYS_connect, s, BAD_PTR, 16)), "connect");
    CHECK(-EFAULT, raw_ret(syscall(SYS_getsockname, s, BAD_PTR, &len)), "getsockname addr");
    CHECK(-EFAULT, raw_ret(syscall(SYS_getsockname, s, &val, BAD_PTR)), "getsockname len");
    CHECK(-EFAULT, raw_ret(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, BAD_PTR)),
          "socketpair");
    CHECK(-EFAULT, raw_ret(syscall(SYS_sendto, s, BAD_PTR, 4, 0, NULL, 0)), "sendto buffer");
    CHECK(-EFAULT, raw_ret(syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, BAD_PTR, 4)),
          "setsockopt");
    CHECK(-EFAULT, raw_ret(syscall(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &val, BAD_PTR)),
          "getsockopt len");
    CHECK(-EFAULT, raw_ret(syscall(SYS_sendmsg, s, BAD_PTR, 0)), "sendmsg header");
    CHECK(-EFAULT, raw_ret(syscall(SYS_recvmsg, s, BAD_PTR, 0)), "recvmsg header");
    CHECK(-EINVAL, raw_ret(syscall(SYS_bind, s, &val, -1)), "bind negative length");
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    struct iovec iov = { BAD_PTR, 4 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    CHECK(-EFAULT, raw_ret(syscall(SYS_sendmsg, sv[0], &m, 0)), "sendmsg iovec buffer");
    iov.iov_base = &val;
    m.msg_iov = BAD_PTR;
    CHECK(-EFAULT, raw_ret(syscall(SYS_sendmsg, sv[0], &m, 0)), "sendmsg iovec array");
    close(sv[0]);
    close(sv[1]);
    close(s);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_unix_rights();
    test_tcp();
    test_udp();
    test_poll_select();
    test_epoll();
    test_wait_sigmask();
    test_efault();
    return check_exit();
}
