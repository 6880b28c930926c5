// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-sys.c: helpers of the system instructions (trans-system.c): the
 * generic timer's counter and instruction cache maintenance.
 *
 * Neither touches the register globals (IR_CALL_NO_RWG in helpers.def).
 */
#include "helpers.h"
#include "tcg/tb-cache.h"

#include <time.h>

/* CNTVCT_EL0 counts from the host's monotonic clock, which like the Arm
 * counter never goes backwards and starts near boot. */
uint64_t helper_host_clock_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/*
 * IC IVAU: the guest says the instructions in [start, start+len) changed.
 * The TB that called us may be among those removed; tb-cache keeps removed
 * TBs alive until the cpu loop's tb_reclaim(), and the caller ends its
 * block right after this call.
 */
void helper_ic_ivau(uint64_t start, uint64_t len)
{
    tb_invalidate_range(start, len);
}
