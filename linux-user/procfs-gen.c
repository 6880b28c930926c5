// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * procfs-gen.c: the emulated /proc files, each a generator registered with
 * procfs_register() (procfs.h), and the formatters they share with the
 * unit tests (tests/unit/test-procfs.c).
 *
 * Formats are the arm64 kernel's, field for field, so that parsers written
 * against a real machine work: maps/smaps from fs/proc/task_mmu.c, cpuinfo
 * from arch/arm64/kernel/cpuinfo.c, stat from fs/proc/array.c. Where
 * qemu-aarch64 7.2 differs (it passes /proc/cpuinfo and smaps through from
 * the x86-64 host, pads maps addresses differently and zeroes most of stat)
 * we follow the kernel.
 */
#include "procfs.h"
#include "cpu-select.h"
#include "module.h"
#include "uaccess.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* -- maps and smaps ---------------------------------------------------------- */

/* Resident guest pages of @v, by mincore() on their host pages; 0 if unknown. */
static uint64_t vma_rss_bytes(const GuestVma *v)
{
    uint64_t pages = (v->end - v->start) / GUEST_PAGE_SIZE, rss = 0;
    g_autofree unsigned char *vec = NULL;

    if (!guest_base || !v->prot || !guest_range_in_space(v->start, v->end - v->start)) {
        return 0;
    }
    vec = g_malloc(pages);
    if (mincore(g2h(v->start), v->end - v->start, vec) < 0) {
        return 0;
    }
    for (uint64_t i = 0; i < pages; i++) {
        rss += vec[i] & 1;
    }
    return rss * GUEST_PAGE_SIZE;
}

/* One "Name:   %8lu kB" line, as the kernel's SEQ_PUT_DEC() writes it. */
static void smaps_kb(GString *out, const char *name, uint64_t bytes)
{
    g_string_append_printf(out, "%-16s%8" PRIu64 " kB\n", name, bytes >> 10);
}

static void smaps_fields(GString *out, const GuestVma *v)
{
    static const char *const zero[] = {
        "KSM:", "LazyFree:", "AnonHugePages:", "ShmemPmdMapped:",
        "FilePmdMapped:", "Shared_Hugetlb:", "Private_Hugetlb:", "Swap:",
        "SwapPss:", "Locked:",
    };
    uint64_t rss = vma_rss_bytes(v);
    bool shared = v->flags & GUEST_VMA_SHARED, dirty = v->prot & PROT_WRITE;

    smaps_kb(out, "Size:", v->end - v->start);
    smaps_kb(out, "KernelPageSize:", GUEST_PAGE_SIZE);
    smaps_kb(out, "MMUPageSize:", GUEST_PAGE_SIZE);
    smaps_kb(out, "Rss:", rss);
    smaps_kb(out, "Pss:", rss);
    smaps_kb(out, "Pss_Dirty:", dirty ? rss : 0);
    smaps_kb(out, "Shared_Clean:", shared && !dirty ? rss : 0);
    smaps_kb(out, "Shared_Dirty:", shared && dirty ? rss : 0);
    smaps_kb(out, "Private_Clean:", !shared && !dirty ? rss : 0);
    smaps_kb(out, "Private_Dirty:", !shared && dirty ? rss : 0);
    smaps_kb(out, "Referenced:", rss);
    smaps_kb(out, "Anonymous:", (v->flags & GUEST_VMA_ANON) && !shared ? rss : 0);
    for (size_t i = 0; i < G_N_ELEMENTS(zero); i++) {
        smaps_kb(out, zero[i], 0);
    }
    g_string_append_printf(out, "%-16s%8d\n", "THPeligible:", 0);
    /* VmFlags in the kernel's bit order: rd wr ex sh mr mw me ms gd ac. */
    g_string_append(out, "VmFlags: ");
    g_string_append(out, v->prot & PROT_READ ? "rd " : "");
    g_string_append(out, v->prot & PROT_WRITE ? "wr " : "");
    g_string_append(out, v->prot & PROT_EXEC ? "ex " : "");
    g_string_append(out, shared ? "sh mr mw me ms " : "mr mw me ");
    g_string_append(out, v->flags & GUEST_VMA_STACK ? "gd " : "");
    g_string_append(out, !shared && (v->prot & PROT_WRITE) ? "ac " : "");
    g_string_append_c(out, '\n');
}

void procfs_format_maps(GString *out, const GuestVma *vma, size_t n, bool smaps)
{
    for (size_t i = 0; i < n; i++) {
        const GuestVma *v = &vma[i];
        const char *name = v->flags & GUEST_VMA_STACK ? "[stack]"
                         : v->flags & GUEST_VMA_HEAP ? "[heap]"
                         : (v->flags & GUEST_VMA_ANON) ? NULL : v->path;
        bool file = !(v->flags & GUEST_VMA_ANON) && v->path;
        struct stat st = { 0 };
        gsize line = out->len;

        if (file && stat(v->path, &st) < 0) {
            memset(&st, 0, sizeof(st));
        }
        /* show_map_vma(): the header, then the name padded to column 73. */
        g_string_append_printf(out, "%08" PRIx64 "-%08" PRIx64 " %c%c%c%c %08" PRIx64
                               " %02x:%02x %" PRIu64 " ",
                               v->start, v->end,
                               v->prot & PROT_READ ? 'r' : '-',
                               v->prot & PROT_WRITE ? 'w' : '-',
                               v->prot & PROT_EXEC ? 'x' : '-',
                               v->flags & GUEST_VMA_SHARED ? 's' : 'p',
                               file ? v->offset : 0,
                               file ? major(st.st_dev) : 0,
                               file ? minor(st.st_dev) : 0,
                               file ? (uint64_t)st.st_ino : 0);
        if (name) {
            while (out->len - line < 72) {
                g_string_append_c(out, ' ');
            }
            g_string_append_c(out, ' ');
            g_string_append(out, name);
        }
        g_string_append_c(out, '\n');
        if (smaps) {
            smaps_fields(out, v);
        }
    }
}

static bool collect_vma(const GuestVma *v, void *opaque)
{
    g_array_append_vals(opaque, v, 1);
    return true;
}

static GArray *guest_vmas(void)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(GuestVma));

    guest_vma_foreach(collect_vma, a);
    return a;
}

static bool gen_maps_common(GString *out, bool smaps)
{
    g_autoptr(GArray) v = guest_vmas();

    procfs_format_maps(out, (GuestVma *)(void *)v->data, v->len, smaps);
    return true;
}

static bool gen_maps(GString *out)
{
    return gen_maps_common(out, false);
}

static bool gen_smaps(GString *out)
{
    return gen_maps_common(out, true);
}

/* -- cpuinfo ------------------------------------------------------------------- */

/*
 * hwcap_str[] of arch/arm64/kernel/cpuinfo.c, by bit: AT_HWCAP bits first,
 * then AT_HWCAP2 (the kernel numbers them 64 + bit), which is the order
 * Features lists them in. Names per asm/hwcap.h.
 */
static const char *const hwcap_names[32] = {
    "fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32",
    "atomics", "fphp", "asimdhp", "cpuid", "asimdrdm", "jscvt", "fcma", "lrcpc",
    "dcpop", "sha3", "sm3", "sm4", "asimddp", "sha512", "sve", "asimdfhm",
    "dit", "uscat", "ilrcpc", "flagm", "ssbs", "sb", "paca", "pacg",
};

static const char *const hwcap2_names[64] = {
    "dcpodp", "sve2", "sveaes", "svepmull", "svebitperm", "svesha3", "svesm4",
    "flagm2", "frint", "svei8mm", "svef32mm", "svef64mm", "svebf16", "i8mm",
    "bf16", "dgh", "rng", "bti", "mte", "ecv", "afp", "rpres", "mte3", "sme",
    "smei16i64", "smef64f64", "smei8i32", "smef16f32", "smeb16f32",
    "smef32f32", "smefa64", "wfxt", "ebf16", "sveebf16", "cssc", "rprfm",
    "sve2p1", "sme2", "sme2p1", "smei16i32", "smebi32i32", "smeb16b16",
    "smef16f16", "mops", "hbc", "sveb16b16", "lrcpc3", "lse128", "fpmr", "lut",
    "faminmax", "f8cvt", "f8fma", "f8dp4", "f8dp2", "f8e4m3", "f8e5m2",
    "smelutv2", "smef8f16", "smef8f32", "smesf8fma", "smesf8dp4", "smesf8dp2",
    "poe",
};

void procfs_hwcap_names(GString *out, uint64_t hwcap, uint64_t hwcap2)
{
    const char *sep = "";

    for (unsigned b = 0; b < G_N_ELEMENTS(hwcap_names); b++) {
        if (hwcap & (1ULL << b)) {
            g_string_append_printf(out, "%s%s", sep, hwcap_names[b]);
            sep = " ";
        }
    }
    for (unsigned b = 0; b < G_N_ELEMENTS(hwcap2_names); b++) {
        if (hwcap2 & (1ULL << b)) {
            g_string_append_printf(out, "%s%s", sep, hwcap2_names[b]);
            sep = " ";
        }
    }
}

/*
 * BogoMIPS on arm64 comes from the generic timer: loops_per_jiffy is
 * timer_rate / HZ, printed as lpj / (500000 / HZ), i.e. 2 * rate in MHz.
 * CNTFRQ_EL0 reads 62.5 MHz here (target-arm/trans-system.c).
 */
#define PROCFS_TIMER_HZ     62500000u

void procfs_format_cpuinfo(GString *out, const ArmCpuModel *m, unsigned ncpus)
{
    unsigned centi = (unsigned)((PROCFS_TIMER_HZ * 2ULL) / 10000);

    for (unsigned cpu = 0; cpu < ncpus; cpu++) {
        g_string_append_printf(out, "processor\t: %u\n", cpu);
        g_string_append_printf(out, "BogoMIPS\t: %u.%02u\n", centi / 100, centi % 100);
        g_string_append(out, "Features\t: ");
        procfs_hwcap_names(out, m->hwcap, m->hwcap2);
        /* MIDR_EL1: implementer [31:24], variant [23:20], part [15:4], revision [3:0]. */
        g_string_append_printf(out, "\nCPU implementer\t: 0x%02x\n",
                               (unsigned)(m->midr >> 24) & 0xff);
        g_string_append(out, "CPU architecture: 8\n");
        g_string_append_printf(out, "CPU variant\t: 0x%x\n", (unsigned)(m->midr >> 20) & 0xf);
        g_string_append_printf(out, "CPU part\t: 0x%03x\n", (unsigned)(m->midr >> 4) & 0xfff);
        g_string_append_printf(out, "CPU revision\t: %u\n\n", (unsigned)m->midr & 0xf);
    }
}

static bool gen_cpuinfo(GString *out)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    procfs_format_cpuinfo(out, arm_cpu_model_selected(), n > 0 ? (unsigned)n : 1);
    return true;
}

/* -- stat, status, comm ------------------------------------------------------- */

/* Fields of /proc/PID/stat (proc(5), 1-based) that describe the guest. */
enum {
    STAT_COMM = 2, STAT_VSIZE = 23, STAT_STARTCODE = 26, STAT_ENDCODE,
    STAT_STARTSTACK, STAT_KSTKESP, STAT_KSTKEIP, STAT_SIGNAL, STAT_BLOCKED,
    STAT_SIGIGNORE, STAT_SIGCATCH, STAT_START_DATA = 45, STAT_END_DATA,
    STAT_START_BRK, STAT_ARG_START, STAT_ARG_END, STAT_ENV_START, STAT_ENV_END,
};

bool procfs_format_stat(GString *out, const char *host_line,
                        const ProcfsProgram *p, const char *comm,
                        uint64_t vsize, GuestAddr start_brk)
{
    const char *close = strrchr(host_line, ')');
    const char *sp = strchr(host_line, ' ');
    g_autofree char *rest = NULL;
    g_auto(GStrv) f = NULL;
    /* Guest values by field; the signal fields read 0 (the host's would be
     * the emulator's own handlers), as do kstkesp/kstkeip for a live task. */
    uint64_t guest[STAT_ENV_END + 1] = {
        [STAT_VSIZE] = vsize,
        [STAT_STARTCODE] = p->start_code, [STAT_ENDCODE] = p->end_code,
        [STAT_STARTSTACK] = p->start_stack,
        [STAT_START_DATA] = p->start_data, [STAT_END_DATA] = p->end_data,
        [STAT_START_BRK] = start_brk,
        [STAT_ARG_START] = p->arg_start, [STAT_ARG_END] = p->arg_end,
        [STAT_ENV_START] = p->env_start, [STAT_ENV_END] = p->env_end,
    };

    if (!close || !sp || sp > close || close[1] != ' ') {
        return false;
    }
    rest = g_strstrip(g_strdup(close + 2));
    f = g_strsplit(rest, " ", -1);
    g_string_append_len(out, host_line, sp - host_line);
    g_string_append_printf(out, " (%s)", comm);
    for (int i = 0; f[i]; i++) {
        int field = i + 3;
        bool ours = field == STAT_VSIZE ||
                    (field >= STAT_STARTCODE && field <= STAT_SIGCATCH) ||
                    (field >= STAT_START_DATA && field <= STAT_ENV_END);

        if (ours) {
            g_string_append_printf(out, " %" PRIu64, guest[field]);
        } else {
            g_string_append_printf(out, " %s", f[i]);
        }
    }
    g_string_append_c(out, '\n');
    return true;
}

static uint64_t guest_vsize(void)
{
    g_autoptr(GArray) v = guest_vmas();
    uint64_t sum = 0;

    for (guint i = 0; i < v->len; i++) {
        const GuestVma *m = &g_array_index(v, GuestVma, i);
        sum += m->end - m->start;
    }
    return sum;
}

static bool gen_stat(GString *out)
{
    g_autofree char *host = NULL;
    char comm[16];

    if (!g_file_get_contents("/proc/self/stat", &host, NULL, NULL)) {
        return false;
    }
    procfs_comm(comm);
    return procfs_format_stat(out, host, procfs_program(), comm, guest_vsize(),
                              guest_brk_start());
}

/* The host's status with the guest's name; the rest is the process's own. */
static bool gen_status(GString *out)
{
    g_autofree char *host = NULL;
    char comm[16];
    const char *nl;

    if (!g_file_get_contents("/proc/self/status", &host, NULL, NULL)) {
        return false;
    }
    procfs_comm(comm);
    nl = g_str_has_prefix(host, "Name:") ? strchr(host, '\n') : NULL;
    g_string_append_printf(out, "Name:\t%s", comm);
    g_string_append(out, nl ? nl : "\n");
    if (!nl) {
        g_string_append(out, host);
    }
    return true;
}

static bool gen_comm(GString *out)
{
    char comm[16];

    procfs_comm(comm);
    g_string_append_printf(out, "%s\n", comm);
    return true;
}

/* -- cmdline, environ, auxv ------------------------------------------------------ */

/*
 * Read live from guest memory, as the kernel does (get_mm_cmdline()), so a
 * guest that rewrites its argv strings (setproctitle) sees the change.
 */
static bool append_guest_range(GString *out, GuestAddr start, GuestAddr end)
{
    gsize at = out->len;

    if (end <= start) {
        return true;
    }
    g_string_set_size(out, at + (end - start));
    if (uaccess_read(out->str + at, start, end - start)) {
        g_string_truncate(out, at);
    }
    return true;
}

static bool gen_cmdline(GString *out)
{
    const ProcfsProgram *p = procfs_program();

    return append_guest_range(out, p->arg_start, p->arg_end);
}

static bool gen_environ(GString *out)
{
    const ProcfsProgram *p = procfs_program();

    return append_guest_range(out, p->env_start, p->env_end);
}

static bool gen_auxv(GString *out)
{
    const ProcfsProgram *p = procfs_program();

    g_string_append_len(out, (const char *)p->auxv, p->auxv_words * sizeof(uint64_t));
    return true;
}

/* -- Registration ---------------------------------------------------------------- */

static void procfs_register_files(void)
{
    procfs_register("/proc/self/maps", gen_maps);
    procfs_register("/proc/self/smaps", gen_smaps);
    procfs_register("/proc/self/stat", gen_stat);
    procfs_register("/proc/self/status", gen_status);
    procfs_register_rw("/proc/self/comm", gen_comm);
    procfs_register("/proc/self/cmdline", gen_cmdline);
    procfs_register("/proc/self/environ", gen_environ);
    procfs_register("/proc/self/auxv", gen_auxv);
    procfs_register("/proc/cpuinfo", gen_cpuinfo);
}
module_init(procfs_register_files, MODULE_INIT_PROCFS);
