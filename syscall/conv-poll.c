// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * conv-poll.c: the conversion of the I/O multiplexing calls (see conv.h):
 * struct epoll_event, whose x86-64 layout is packed.
 */
#include "conv.h"

#include <sys/epoll.h>

_Static_assert(sizeof(struct epoll_event) == 12, "host epoll_event is not x86-64's packed one");
_Static_assert(sizeof(GuestEpollEvent) == 16, "GuestEpollEvent is not arm64's layout");

void conv_epoll_event_from_guest(struct epoll_event *h, const GuestEpollEvent *g)
{
    h->events = g->events;
    h->data.u64 = g->data;
}

void conv_epoll_event_to_guest(GuestEpollEvent *g, const struct epoll_event *h)
{
    g->events = h->events;
    g->pad = 0;
    g->data = h->data.u64;
}
