// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strace-net.c: the -d strace argument kinds of the socket and timer
 * calls, in the format qemu-aarch64 7.2 prints (observed with
 * `qemu-aarch64 -strace` on static AArch64 programs):
 *
 *   socket(PF_INET,SOCK_STREAM|SOCK_NONBLOCK,IPPROTO_IP) = 4
 *   socket(10,SOCK_DGRAM|SOCK_CLOEXEC,IPPROTO_UDP) = 3
 *   bind(3,{sin_family=AF_INET,sin_port=htons(0),sin_addr=inet_addr("127.0.0.1")}, 16) = 0
 *   bind(5,{sun_family=AF_UNIX,sun_path="/tmp/sock"}, 110) = 0
 *   bind(4,{nl_family=AF_NETLINK,nl_pid=0,nl_groups=0}, 12) = 0
 *   bind(3,{sa_family=10, sa_data={04, d2, 00, ...}}, 28) = 0
 *   bind(3,0x0000000000000008,, 16) = -1 errno=14 (Bad address)
 *   setitimer(ITIMER_REAL,{it_interval={tv_sec = 0,tv_usec = 0},it_value={...},},NULL) = 0 (old_value = NULL)
 *   getitimer(ITIMER_PROF,0x...) = 0 ({it_interval={tv_sec = 0,tv_usec = 0},it_value={...},})
 *
 * (The odd spacing and the doubled comma are qemu's; we copy them so that
 * logs compare.) Socket families, types and protocols have the same values
 * on arm64 and x86-64; they are written out here as numbers all the same.
 */
#include "strace.h"
#include "linux-user/uaccess.h"

#include <inttypes.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <string.h>

typedef struct NetName {
    const char *name;
    int value;
} NetName;

static const NetName sock_domain_names[] = {
    { "PF_UNIX", 1 }, { "PF_INET", 2 }, { "PF_NETLINK", 16 }, { "PF_PACKET", 17 },
    { NULL, 0 }
};

static const NetName sock_type_names[] = {
    { "SOCK_STREAM", 1 }, { "SOCK_DGRAM", 2 }, { "SOCK_RAW", 3 }, { "SOCK_RDM", 4 },
    { "SOCK_SEQPACKET", 5 }, { "SOCK_PACKET", 10 },
    { NULL, 0 }
};

static const NetName ip_proto_names[] = {
    { "IPPROTO_IP", 0 }, { "IPPROTO_TCP", 6 }, { "IPPROTO_UDP", 17 }, { "IPPROTO_RAW", 255 },
    { NULL, 0 }
};

static const NetName netlink_proto_names[] = {
    { "NETLINK_ROUTE", 0 }, { "NETLINK_UNUSED", 1 }, { "NETLINK_USERSOCK", 2 },
    { "NETLINK_FIREWALL", 3 }, { "NETLINK_SOCK_DIAG", 4 }, { "NETLINK_NFLOG", 5 },
    { "NETLINK_XFRM", 6 }, { "NETLINK_SELINUX", 7 }, { "NETLINK_ISCSI", 8 },
    { "NETLINK_AUDIT", 9 }, { "NETLINK_FIB_LOOKUP", 10 }, { "NETLINK_CONNECTOR", 11 },
    { "NETLINK_NETFILTER", 12 }, { "NETLINK_IP6_FW", 13 }, { "NETLINK_DNRTMSG", 14 },
    { "NETLINK_KOBJECT_UEVENT", 15 }, { "NETLINK_GENERIC", 16 },
    { "NETLINK_SCSITRANSPORT", 18 }, { "NETLINK_ECRYPTFS", 19 }, { "NETLINK_RDMA", 20 },
    { "NETLINK_CRYPTO", 21 },
    { NULL, 0 }
};

static const NetName itimer_names[] = {
    { "ITIMER_REAL", 0 }, { "ITIMER_VIRTUAL", 1 }, { "ITIMER_PROF", 2 },
    { NULL, 0 }
};

static const NetName packet_type_names[] = {
    { "PACKET_HOST", 0 }, { "PACKET_BROADCAST", 1 }, { "PACKET_MULTICAST", 2 },
    { "PACKET_OTHERHOST", 3 }, { "PACKET_OUTGOING", 4 },
    { NULL, 0 }
};

#define GUEST_AF_UNIX       1
#define GUEST_AF_INET       2
#define GUEST_AF_NETLINK    16
#define GUEST_AF_PACKET     17
#define GUEST_SOCK_TYPE_MASK 0xf
#define GUEST_SOCK_CLOEXEC  02000000
#define GUEST_SOCK_NONBLOCK 04000

/* The name of @v in @t, or NULL. */
static const char *net_name(const NetName *t, int v)
{
    for (; t->name; t++) {
        if (t->value == v) {
            return t->name;
        }
    }
    return NULL;
}

static void print_named(GString *s, const NetName *t, int v, const char *fallback_fmt)
{
    const char *n = net_name(t, v);

    if (n) {
        g_string_append(s, n);
    } else {
        g_string_append_printf(s, fallback_fmt, v);
    }
}

/* An unknown type prints as nothing, the flags after it as |NAME, as qemu does. */
static void print_sock_type(GString *s, int type)
{
    const char *n = net_name(sock_type_names, type & GUEST_SOCK_TYPE_MASK);

    g_string_append(s, n ? n : "");
    if (type & GUEST_SOCK_CLOEXEC) {
        g_string_append(s, "|SOCK_CLOEXEC");
    }
    if (type & GUEST_SOCK_NONBLOCK) {
        g_string_append(s, "|SOCK_NONBLOCK");
    }
}

static void print_sock_proto(GString *s, int domain, int proto)
{
    if (domain == GUEST_AF_PACKET) {
        g_string_append_printf(s, "%d", proto);
    } else if (domain == GUEST_AF_NETLINK) {
        print_named(s, netlink_proto_names, proto, "%d");
    } else {
        print_named(s, ip_proto_names, proto, "%d");
    }
}

/*
 * The guest's sockaddr at @a, then ", LEN". @len is the whole register, as
 * qemu prints it (a length of -1 passed as an int shows as 4294967295);
 * like qemu, a struct whose @len bytes are not all readable prints as its
 * pointer.
 */
static void print_sockaddr(GString *s, uint64_t a, int64_t len)
{
    uint8_t b[128];
    size_t n = (size_t)MIN(MAX(len, 16), (int64_t)sizeof(b));
    bool readable = (uint64_t)len <= sizeof(b) ||
                    uaccess_host_ptr(a, (size_t)len, PROT_READ) != NULL;

    memset(b, 0, sizeof(b));
    if (!readable || (uaccess_read(b, a, n) && (n == 16 || uaccess_read(b, a, 16)))) {
        strace_print_pointer(s, a);
        g_string_append_c(s, ',');
    } else {
        uint16_t family = (uint16_t)(b[0] | b[1] << 8);

        switch (family) {
        case GUEST_AF_UNIX:
            g_string_append(s, "{sun_family=AF_UNIX,sun_path=\"");
            for (int64_t i = 0; i < len - 2 && i + 2 < (int64_t)n && b[2 + i]; i++) {
                g_string_append_c(s, (char)b[2 + i]);
            }
            g_string_append(s, "\"}");
            break;
        case GUEST_AF_INET:
            g_string_append_printf(s, "{sin_family=AF_INET,sin_port=htons(%d),"
                                   "sin_addr=inet_addr(\"%d.%d.%d.%d\")}",
                                   b[2] << 8 | b[3], b[4], b[5], b[6], b[7]);
            break;
        case GUEST_AF_NETLINK: {
            uint32_t pid, groups;

            memcpy(&pid, b + 4, 4);
            memcpy(&groups, b + 8, 4);
            g_string_append_printf(s, "{nl_family=AF_NETLINK,nl_pid=%u,nl_groups=%u}",
                                   pid, groups);
            break;
        }
        case GUEST_AF_PACKET: {
            int32_t ifindex;

            memcpy(&ifindex, b + 4, 4);
            g_string_append_printf(s, "{sll_family=AF_PACKET,sll_protocol=htons(0x%04x),"
                                   "if%d,pkttype=", b[2] << 8 | b[3], ifindex);
            print_named(s, packet_type_names, b[10], "%d");
            g_string_append(s, ",sll_addr=");
            for (int i = 0; i < 8; i++) {
                g_string_append_printf(s, "%s%02x", i ? ":" : "", b[12 + i]);
            }
            g_string_append_c(s, '}');
            break;
        }
        default:
            g_string_append_printf(s, "{sa_family=%d, sa_data={", family);
            for (int i = 0; i < 14; i++) {
                g_string_append_printf(s, "%02x%s", b[2 + i], i < 13 ? ", " : "}");
            }
            g_string_append_c(s, '}');
            break;
        }
    }
    g_string_append_printf(s, ", %" PRId64, len);
}

/* struct itimerval: two timevals; an unreadable one prints its two halves' addresses. */
static void print_itimerval(GString *s, uint64_t a)
{
    int64_t v[4];

    if (!a) {
        g_string_append(s, "NULL");
    } else if (uaccess_read(v, a, sizeof(v))) {
        g_string_append_printf(s, "{it_interval=0x%016" PRIx64 ",it_value=0x%016" PRIx64 ",}",
                               a, a + 16);
    } else {
        g_string_append_printf(s, "{it_interval={tv_sec = %" PRId64 ",tv_usec = %" PRId64 "},"
                               "it_value={tv_sec = %" PRId64 ",tv_usec = %" PRId64 "},}",
                               v[0], v[1], v[2], v[3]);
    }
}

bool strace_print_net_arg(GString *s, SyscallArgKind kind, const SyscallCall *c, int i)
{
    uint64_t v = c->arg[i];

    switch (kind) {
    case SC_ARG_SOCK_DOMAIN:
        print_named(s, sock_domain_names, (int)v, "%d");
        return true;
    case SC_ARG_SOCK_TYPE:
        print_sock_type(s, (int)v);
        return true;
    case SC_ARG_SOCK_PROTO:
        print_sock_proto(s, (int)c->arg[0], (int)v);
        return true;
    case SC_ARG_SOCKADDR:
        print_sockaddr(s, v, i < 5 ? (int64_t)c->arg[i + 1] : 0);
        return true;
    case SC_ARG_SOCKLEN:
        return false;
    case SC_ARG_ITIMER:
        print_named(s, itimer_names, (int)v, "%#x");
        return true;
    case SC_ARG_ITIMERVAL:
        print_itimerval(s, v);
        return true;
    case SC_ARG_ITIMERVAL_OUT:
    case SC_ARG_OLD_ITIMERVAL_OUT:
        strace_print_pointer(s, v);
        return true;
    default:
        return false;
    }
}

bool strace_print_net_out(GString *s, SyscallArgKind kind, uint64_t v)
{
    switch (kind) {
    case SC_ARG_ITIMERVAL_OUT:
        print_itimerval(s, v);
        return true;
    case SC_ARG_OLD_ITIMERVAL_OUT:
        g_string_append(s, "old_value = ");
        print_itimerval(s, v);
        return true;
    default:
        return false;
    }
}
