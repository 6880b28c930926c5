// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-conv-net.c: the structures of the socket, poll/epoll and time
 * syscalls: the one that differs (struct epoll_event, conv-poll.c), the
 * ones passed through unchanged (msghdr, mmsghdr, cmsghdr, sigevent, timex,
 * itimerspec, pollfd), and epoll/ppoll end to end through syscall_do().
 *
 * The arm64 facts were printed once by a program built with
 * aarch64-linux-gnu-gcc -static against /usr/aarch64-linux-gnu/include
 * (<sys/epoll.h>, whose struct epoll_event is packed only for __x86_64__,
 * <sys/socket.h>, <signal.h>, <sys/timex.h>) and run under qemu-aarch64;
 * they are embedded here so the test needs no cross compiler. The host
 * side of each passed-through struct is checked against the host's own
 * headers, which is what makes passing it through right.
 */
#include "syscall-harness.h"
#include "syscall/conv.h"

#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timex.h>
#include <unistd.h>

/* -- Layouts --------------------------------------------------------------- */

/* aarch64: sizeof(struct epoll_event) = 16, events at 0 (4 bytes), data at 8 (8). */
START_TEST(test_guest_epoll_event_matches_arm64_layout)
{
    ck_assert_uint_eq(sizeof(GuestEpollEvent), 16);
    ck_assert_uint_eq(offsetof(GuestEpollEvent, events), 0);
    ck_assert_uint_eq(sizeof(((GuestEpollEvent *)0)->events), 4);
    ck_assert_uint_eq(offsetof(GuestEpollEvent, data), 8);
    ck_assert_uint_eq(sizeof(((GuestEpollEvent *)0)->data), 8);
    /* ...and the host's is the packed x86-64 one: this is why we convert. */
    ck_assert_uint_eq(sizeof(struct epoll_event), 12);
    ck_assert_uint_eq(offsetof(struct epoll_event, data), 4);
}
END_TEST

/*
 * aarch64: msghdr 56 (name 0, namelen 8, iov 16, iovlen 24, control 32,
 * controllen 40, flags 48); mmsghdr 64 (msg_len 56); cmsghdr 16 (level 8,
 * type 12), CMSG_ALIGN 8; sigevent 64 (signo 8, notify 12, tid 16); timex
 * 208; pollfd 8; itimerspec 32; itimerval 32; fd_set 128.
 */
START_TEST(test_passed_through_structs_match_arm64_layout)
{
    ck_assert_uint_eq(sizeof(struct msghdr), 56);
    ck_assert_uint_eq(offsetof(struct msghdr, msg_namelen), 8);
    ck_assert_uint_eq(offsetof(struct msghdr, msg_iov), 16);
    ck_assert_uint_eq(offsetof(struct msghdr, msg_iovlen), 24);
    ck_assert_uint_eq(offsetof(struct msghdr, msg_control), 32);
    ck_assert_uint_eq(offsetof(struct msghdr, msg_controllen), 40);
    ck_assert_uint_eq(offsetof(struct msghdr, msg_flags), 48);
    ck_assert_uint_eq(sizeof(struct mmsghdr), 64);
    ck_assert_uint_eq(offsetof(struct mmsghdr, msg_len), 56);
    ck_assert_uint_eq(sizeof(struct cmsghdr), 16);
    ck_assert_uint_eq(offsetof(struct cmsghdr, cmsg_level), 8);
    ck_assert_uint_eq(offsetof(struct cmsghdr, cmsg_type), 12);
    ck_assert_uint_eq(CMSG_ALIGN(1), 8);
    ck_assert_uint_eq(sizeof(struct sigevent), 64);
    ck_assert_uint_eq(offsetof(struct sigevent, sigev_signo), 8);
    ck_assert_uint_eq(offsetof(struct sigevent, sigev_notify), 12);
    ck_assert_uint_eq(sizeof(struct timex), 208);
    ck_assert_uint_eq(sizeof(struct pollfd), 8);
    ck_assert_uint_eq(sizeof(struct itimerspec), 32);
    ck_assert_uint_eq(sizeof(struct itimerval), 32);
    ck_assert_uint_eq(sizeof(fd_set), 128);
}
END_TEST

/* The socket and message constants arm64 and the host share (asm-generic). */
START_TEST(test_socket_constants_are_the_generic_ones)
{
    ck_assert_int_eq(SOCK_NONBLOCK, 04000);
    ck_assert_int_eq(SOCK_CLOEXEC, 02000000);
    ck_assert_int_eq(SOL_SOCKET, 1);
    ck_assert_int_eq(SO_REUSEADDR, 2);
    ck_assert_int_eq(SO_PASSCRED, 16);
    ck_assert_int_eq(SO_PEERCRED, 17);
    ck_assert_int_eq(SO_RCVTIMEO, 20);
    ck_assert_int_eq(SO_SNDTIMEO, 21);
    ck_assert_int_eq(SCM_RIGHTS, 1);
    ck_assert_int_eq(SCM_CREDENTIALS, 2);
    ck_assert_int_eq(MSG_DONTWAIT, 0x40);
    ck_assert_int_eq(MSG_NOSIGNAL, 0x4000);
    ck_assert_int_eq(MSG_CMSG_CLOEXEC, 0x40000000);
    ck_assert_uint_eq((uint32_t)EPOLLET, 0x80000000u);
    ck_assert_int_eq(EPOLLONESHOT, 0x40000000);
}
END_TEST

/* -- Conversions ------------------------------------------------------------------ */

START_TEST(test_conv_epoll_event_round_trips_events_and_u64)
{
    GuestEpollEvent g = { .events = EPOLLIN | EPOLLET, .pad = 0xdead,
                          .data = 0x1122334455667788ULL }, back;
    struct epoll_event h;

    memset(&h, 0, sizeof(h));
    conv_epoll_event_from_guest(&h, &g);
    ck_assert_uint_eq(h.events, EPOLLIN | EPOLLET);
    ck_assert_uint_eq(h.data.u64, 0x1122334455667788ULL);
    memset(&back, 0xa5, sizeof(back));
    conv_epoll_event_to_guest(&back, &h);
    ck_assert_uint_eq(back.events, EPOLLIN | EPOLLET);
    ck_assert_uint_eq(back.pad, 0);
    ck_assert_uint_eq(back.data, 0x1122334455667788ULL);
}
END_TEST

/* -- End to end through syscall_do ------------------------------------------------ */

/* Two pipes in an epoll set; the guest's 16-byte events come back with their u64s. */
START_TEST(test_epoll_pwait_fills_guest_events_at_arm64_stride)
{
    int p[2][2];
    int64_t ep = SYS(AARCH64_NR_epoll_create1, 0);
    GuestEpollEvent ev, out[4];

    ck_assert_int_ge(ep, 0);
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(pipe(p[i]), 0);
        ev = (GuestEpollEvent){ .events = EPOLLIN, .data = 0xabcdef0012345600ULL + i };
        ck_assert_int_eq(SYS(AARCH64_NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[i][0],
                             put(0, &ev, sizeof(ev))), 0);
        ck_assert_int_eq(write(p[i][1], "x", 1), 1);
    }
    memset(out, 0xee, sizeof(out));
    put(64, out, sizeof(out));
    ck_assert_int_eq(SYS(AARCH64_NR_epoll_pwait, ep, scratch + 64, 4, 1000, 0, 8), 2);
    ck_assert_int_eq(uaccess_read(out, scratch + 64, sizeof(out)), 0);
    ck_assert_uint_eq(out[0].events, EPOLLIN);
    ck_assert_uint_eq(out[1].events, EPOLLIN);
    ck_assert_uint_eq(out[0].data ^ out[1].data, 1);
    ck_assert_uint_eq(out[0].data & ~1ULL, 0xabcdef0012345600ULL);
    ck_assert_uint_eq(out[2].events, 0xeeeeeeee);   /* untouched past the count */
}
END_TEST

START_TEST(test_epoll_bad_pointers_and_sizes_are_refused)
{
    int64_t ep = SYS(AARCH64_NR_epoll_create1, 0);
    int p[2];

    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], BAD_ADDR), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_epoll_pwait, ep, BAD_ADDR, 4, 0, 0, 8), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_epoll_pwait, ep, ro_page, 4, 0, 0, 8), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_epoll_pwait, ep, scratch, 0, 0, 0, 8), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_epoll_pwait, ep, scratch, 4, 0, scratch + 512, 4), -EINVAL);
}
END_TEST

START_TEST(test_ppoll_checks_sigsetsize_and_writes_time_left)
{
    int p[2];
    struct pollfd pf;
    struct timespec ts = { 0, 1000000 }, left;
    uint64_t mask = 0;

    ck_assert_int_eq(pipe(p), 0);
    pf = (struct pollfd){ p[0], POLLIN, 0 };
    GuestAddr fds = put(0, &pf, sizeof(pf));
    GuestAddr tsa = put(64, &ts, sizeof(ts));
    GuestAddr ma = put(128, &mask, sizeof(mask));
    ck_assert_int_eq(SYS(AARCH64_NR_ppoll, fds, 1, tsa, ma, 4), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_ppoll, fds, 1, tsa, ma, 8), 0);
    ck_assert_int_eq(uaccess_read(&left, tsa, sizeof(left)), 0);
    ck_assert_int_eq(left.tv_sec | left.tv_nsec, 0);
    ck_assert_int_eq(SYS(AARCH64_NR_ppoll, BAD_ADDR, 1, 0, 0, 8), -EFAULT);
    ck_assert_int_eq(write(p[1], "x", 1), 1);
    ck_assert_int_eq(SYS(AARCH64_NR_ppoll, fds, 1, 0, 0, 8), 1);
    ck_assert_int_eq(uaccess_read(&pf, fds, sizeof(pf)), 0);
    ck_assert_int_eq(pf.revents, POLLIN);
}
END_TEST

static Suite *conv_net_suite(void)
{
    Suite *s = suite_create("conv-net");
    TCase *tc = tcase_create("layouts");
    TCase *sys = tcase_create("syscalls");

    tcase_add_test(tc, test_guest_epoll_event_matches_arm64_layout);
    tcase_add_test(tc, test_passed_through_structs_match_arm64_layout);
    tcase_add_test(tc, test_socket_constants_are_the_generic_ones);
    tcase_add_test(tc, test_conv_epoll_event_round_trips_events_and_u64);
    suite_add_tcase(s, tc);
    tcase_add_checked_fixture(sys, harness_setup, harness_teardown);
    tcase_add_test(sys, test_epoll_pwait_fills_guest_events_at_arm64_stride);
    tcase_add_test(sys, test_epoll_bad_pointers_and_sizes_are_refused);
    tcase_add_test(sys, test_ppoll_checks_sigsetsize_and_writes_time_left);
    suite_add_tcase(s, sys);
    return s;
}

UNIT_TEST_MAIN(conv_net_suite)
