// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-strace-net.c: -d strace text of the socket and timer calls, byte
 * for byte, in the formats qemu-aarch64 7.2 prints (observed with
 * `qemu-aarch64 -strace` on static AArch64 programs; see
 * syscall/strace-net.c for sample lines).
 */
#include "strace-capture.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>


START_TEST(test_strace_socket_names_domain_type_flags_protocol)
{
    int64_t a = SYS(AARCH64_NR_socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int64_t b = SYS(AARCH64_NR_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    int64_t c = SYS(AARCH64_NR_socket, AF_INET6, SOCK_DGRAM, IPPROTO_UDP);

    SYS(AARCH64_NR_socket, 99, 77, 5);
    ck_assert_log("socket(PF_INET,SOCK_STREAM|SOCK_NONBLOCK,IPPROTO_IP) = %" PRId64 "\n"
                  "socket(PF_NETLINK,SOCK_RAW|SOCK_CLOEXEC,NETLINK_ROUTE) = %" PRId64 "\n"
                  "socket(10,SOCK_DGRAM,IPPROTO_UDP) = %" PRId64 "\n"
                  "socket(99,,5) = -1 errno=22 (Invalid argument)\n", a, b, c);
}
END_TEST

START_TEST(test_strace_bind_prints_each_address_family_then_length)
{
    struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(80),
                              .sin_addr.s_addr = htonl(0x7f000001) };
    struct sockaddr_un un = { .sun_family = AF_UNIX, .sun_path = "/x/y" };
    struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = 7, .nl_groups = 3 };
    struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(1234) };

    SYS(AARCH64_NR_bind, 999, put(0, &in, sizeof(in)), sizeof(in));
    SYS(AARCH64_NR_bind, 999, put(0, &un, sizeof(un)), sizeof(un));
    SYS(AARCH64_NR_bind, 999, put(0, &nl, sizeof(nl)), sizeof(nl));
    SYS(AARCH64_NR_bind, 999, put(0, &in6, sizeof(in6)), sizeof(in6));
    SYS(AARCH64_NR_bind, 999, BAD_ADDR, 16);
    ck_assert_log("bind(999,{sin_family=AF_INET,sin_port=htons(80),sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 errno=9 (Bad file descriptor)\n"
                  "bind(999,{sun_family=AF_UNIX,sun_path=\"/x/y\"}, 110) = -1 errno=9 (Bad file descriptor)\n"
                  "bind(999,{nl_family=AF_NETLINK,nl_pid=7,nl_groups=3}, 12) = -1 errno=9 (Bad file descriptor)\n"
                  "bind(999,{sa_family=10, sa_data={04, d2, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00}}, 28) = -1 errno=9 (Bad file descriptor)\n"
                  "bind(999,0x000000003fff0000,, 16) = -1 errno=14 (Bad address)\n");
}
END_TEST

START_TEST(test_strace_itimers_print_values_and_old_value)
{
    struct itimerval v = { { 0, 0 }, { 100, 0 } }, got;

    SYS(AARCH64_NR_setitimer, ITIMER_PROF, put(0, &v, sizeof(v)), scratch + 64);
    memset(&v, 0, sizeof(v));
    SYS(AARCH64_NR_setitimer, ITIMER_PROF, put(0, &v, sizeof(v)), 0);
    SYS(AARCH64_NR_getitimer, ITIMER_PROF, scratch + 128);
    get(&got, scratch + 128, sizeof(got));
    SYS(AARCH64_NR_getitimer, 99, scratch + 128);
    ck_assert_log("setitimer(ITIMER_PROF,{it_interval={tv_sec = 0,tv_usec = 0},it_value={tv_sec = 100,tv_usec = 0},},0x%016" PRIx64 ") = 0 (old_value = {it_interval={tv_sec = 0,tv_usec = 0},it_value={tv_sec = 0,tv_usec = 0},})\n"
                  "setitimer(ITIMER_PROF,{it_interval={tv_sec = 0,tv_usec = 0},it_value={tv_sec = 0,tv_usec = 0},},NULL) = 0 (old_value = NULL)\n"
                  "getitimer(ITIMER_PROF,0x%016" PRIx64 ") = 0 ({it_interval={tv_sec = 0,tv_usec = 0},it_value={tv_sec = 0,tv_usec = 0},})\n"
                  "getitimer(0x63,0x%016" PRIx64 ") = -1 errno=22 (Invalid argument)\n",
                  scratch + 64, scratch + 128, scratch + 128);
    (void)got;
}
END_TEST

static Suite *strace_net_suite(void)
{
    Suite *s = suite_create("strace-net");
    TCase *tc = tcase_create("lines");

    tcase_add_checked_fixture(tc, strace_setup, harness_teardown);
    tcase_add_test(tc, test_strace_socket_names_domain_type_flags_protocol);
    tcase_add_test(tc, test_strace_bind_prints_each_address_family_then_length);
    tcase_add_test(tc, test_strace_itimers_print_values_and_old_value);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(strace_net_suite)
