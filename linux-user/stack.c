// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * stack.c: the initial guest stack, laid out as Linux/arm64 does at execve.
 *
 * After the ELF loader, before the first instruction: map the stack (-s,
 * QEMU_STACK_SIZE) with a PROT_NONE guard page below it, then write, from
 * the top down, exactly what fs/exec.c and create_elf_tables() in
 * fs/binfmt_elf.c write:
 *
 *   top - 8        8 zero bytes (exec's first word)
 *                  AT_EXECFN string, then the envp strings, then the argv
 *                  strings (so argv[0] is the lowest)
 *   & ~15          "aarch64" (AT_PLATFORM), 16 bytes AT_RANDOM
 *   & ~15, low     sp -> argc, argv[] NULL, envp[] NULL, auxv pairs, AT_NULL
 *
 * sp is chosen so that it is 16-byte aligned with the auxv ending just
 * below the random bytes, as STACK_ROUND() does; the padding lies between
 * them. The whole block is built in host memory and written once.
 */
#include "stack.h"
#include "error.h"
#include "module.h"
#include "options.h"
#include "uaccess.h"

#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#define STACK_DEFAULT_SIZE  (8 * 1024 * 1024)
#define STACK_GUARD_SIZE    GUEST_PAGE_SIZE

/* Linux: one string at most 32 pages (MAX_ARG_STRLEN); all strings and
 * their pointers at most a quarter of the stack and 6 MiB (_STK_LIM / 4 * 3). */
#define STACK_MAX_ARG_STRLEN    (32 * 4096)
#define STACK_MAX_ARGS_BYTES    (6 * 1024 * 1024)

#define STACK_PLATFORM      "aarch64"

/* Host buffer bound: strings and pointers, AT_EXECFN, platform, random,
 * auxv and alignment slack. */
#define STACK_MAX_BLOCK     (STACK_MAX_ARGS_BYTES + STACK_MAX_ARG_STRLEN + 4096)

/*
 * AT_MINSIGSTKSZ: arm64's minsigstksz_setup() gives sigframe_size() + 16
 * (frame record) + 16 (alignment). Without SVE/SME the records (fpsimd 528,
 * esr 16, terminator 16) fit in __reserved[], so sigframe_size() is
 * sizeof(struct rt_sigframe) = 128 (siginfo) + 4560 (ucontext) = 4688.
 */
#define STACK_MINSIGSTKSZ   (4688 + 16 + 16)

#define STACK_AUXV_MAX      24

static uint64_t stack_size = STACK_DEFAULT_SIZE;
static bool stack_seeded;
static uint64_t stack_seed;

/* -- Options -------------------------------------------------------------- */

static bool opt_stack_size(const char *arg, GError **err)
{
    guint64 v;

    if (!options_parse_size(arg, &v) || v == 0 ||
        v > G_MAXUINT64 - GUEST_PAGE_SIZE) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "invalid stack size '%s'", arg);
        return false;
    }
    stack_size = GUEST_PAGE_ALIGN(v);
    return true;
}

static bool opt_seed(const char *arg, GError **err)
{
    char *end;
    guint64 v;

    errno = 0;
    v = g_ascii_strtoull(arg, &end, 0);
    if (!g_ascii_isdigit(*arg) || *end || errno) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "invalid seed '%s'", arg);
        return false;
    }
    stack_seeded = true;
    stack_seed = v;
    return true;
}

static const UemuOption stack_options[] = {
    { "s",    "QEMU_STACK_SIZE", "size", opt_stack_size,
      "set the stack size to 'size' bytes" },
    { "seed", "QEMU_RAND_SEED",  "seed", opt_seed,
      "Seed for pseudo-random number generator" },
    { .name = NULL },
};

void stack_reset_options(void)
{
    stack_size = STACK_DEFAULT_SIZE;
    stack_seeded = false;
    stack_seed = 0;
}

static void stack_register_options(void)
{
    options_register(stack_options);
}
module_init(stack_register_options, MODULE_INIT_OPTIONS);

/* -- AT_RANDOM ------------------------------------------------------------ */

/* From getrandom(), or repeatable from -seed: a GRand seeded with it. */
static void stack_random_bytes(uint8_t out[16])
{
    if (stack_seeded) {
        guint32 seed[2] = { (guint32)stack_seed, (guint32)(stack_seed >> 32) };
        GRand *r = g_rand_new_with_seed_array(seed, 2);

        for (int i = 0; i < 16; i += 4) {
            guint32 w = g_rand_int(r);
            memcpy(out + i, &w, 4);
        }
        g_rand_free(r);
        return;
    }
    if (getrandom(out, 16, 0) != 16) {
        for (int i = 0; i < 16; i++) {
            out[i] = (uint8_t)g_random_int();
        }
    }
}

/* -- Layout --------------------------------------------------------------- */

/* The block [sp, top) as built in host memory before the one copy out. */
typedef struct StackImage {
    GuestAddr top;              /* end of the stack mapping */
    GuestAddr sp;               /* lowest address written */
    GuestAddr p;                /* allocation cursor, moving down */
    uint8_t *buf;               /* host copy of [top - size, top) */
    uint64_t size;              /* at most the stack size */
    uint64_t strings;           /* bytes of all strings (stack_check_args) */
} StackImage;

static void *stack_at(StackImage *s, GuestAddr a)
{
    return s->buf + (a - (s->top - s->size));
}

/* Push @len bytes of @data; returns their guest address. */
static GuestAddr stack_push(StackImage *s, const void *data, size_t len)
{
    s->p -= len;
    memcpy(stack_at(s, s->p), data, len);
    return s->p;
}

static void stack_put_word(StackImage *s, GuestAddr a, uint64_t v)
{
    memcpy(stack_at(s, a), &v, sizeof(v));
}

static bool stack_too_big(GError **err)
{
    g_set_error(err, UEMU_ERROR, UEMU_ERROR_MEMORY, "argument list too long");
    return false;
}

/*
 * E2BIG as Linux's execve gives it (copy_strings/get_arg_page): any string
 * over MAX_ARG_STRLEN, or strings plus pointers over the limit. Sets
 * *@strings to the bytes of all strings, AT_EXECFN included.
 */
static bool stack_check_args(char **argv, char **envp, const char *execfn,
                             uint64_t *strings, GError **err)
{
    uint64_t limit = MIN(stack_size / 4, STACK_MAX_ARGS_BYTES);
    uint64_t total = 0;
    char **lists[] = { argv, envp };

    *strings = strlen(execfn) + 1;
    if (*strings > STACK_MAX_ARG_STRLEN) {
        return stack_too_big(err);
    }
    for (int l = 0; l < 2; l++) {
        for (char **v = lists[l]; *v; v++) {
            size_t len = strlen(*v) + 1;

            total += len + sizeof(uint64_t);
            *strings += len;
            if (len > STACK_MAX_ARG_STRLEN || total > limit) {
                return stack_too_big(err);
            }
        }
    }
    return true;
}

/* Strings go in reverse so that they read in order upwards; fills @addr. */
static void stack_push_strings(StackImage *s, char **v, guint n, GuestAddr *addr)
{
    for (guint i = n; i-- > 0;) {
        addr[i] = stack_push(s, v[i], strlen(v[i]) + 1);
    }
}

typedef struct AuxEntry {
    uint64_t type, value;
} AuxEntry;

/* The arm64 kernel's order: ARCH_DLINFO, then create_elf_tables(). */
static unsigned stack_auxv(const GuestProgram *prog, GuestAddr random,
                           GuestAddr execfn, GuestAddr platform, AuxEntry *aux)
{
    const AuxEntry rows[] = {
        /* AT_SYSINFO_EHDR is left out: there is no vdso. */
        { AT_MINSIGSTKSZ, STACK_MINSIGSTKSZ },
        { AT_HWCAP,       prog->hwcap },
        { AT_PAGESZ,      GUEST_PAGE_SIZE },
        { AT_CLKTCK,      100 },
        { AT_PHDR,        prog->exe.phdr },
        { AT_PHENT,       prog->exe.phentsize },
        { AT_PHNUM,       prog->exe.phnum },
        { AT_BASE,        prog->has_interp ? prog->interp.load_bias : 0 },
        { AT_FLAGS,       0 },
        { AT_ENTRY,       prog->exe.entry },
        { AT_UID,         getuid() },
        { AT_EUID,        geteuid() },
        { AT_GID,         getgid() },
        { AT_EGID,        getegid() },
        { AT_SECURE,      0 },
        { AT_RANDOM,      random },
        { AT_HWCAP2,      prog->hwcap2 },
        { AT_EXECFN,      execfn },
        { AT_PLATFORM,    platform },
        { AT_NULL,        0 },
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(rows) <= STACK_AUXV_MAX);
    memcpy(aux, rows, sizeof(rows));
    return G_N_ELEMENTS(rows);
}

/* The guest addresses of the strings, filled as they are pushed. */
typedef struct StackPtrs {
    guint argc, envc;
    GuestAddr *argv, *envp;     /* argc and envc entries */
} StackPtrs;

/* A NULL-terminated pointer array at @a; returns the address after it. */
static GuestAddr stack_put_array(StackImage *s, GuestAddr a,
                                 const GuestAddr *v, guint n)
{
    for (guint i = 0; i < n; i++, a += 8) {
        stack_put_word(s, a, v[i]);
    }
    stack_put_word(s, a, 0);
    return a + 8;
}

/* The block at sp: argc, argv[] NULL, envp[] NULL, the auxv pairs. */
static void stack_put_tables(StackImage *s, GuestProgram *prog,
                             const StackPtrs *ptrs, const AuxEntry *aux,
                             unsigned naux)
{
    GuestAddr a = s->sp;

    stack_put_word(s, a, ptrs->argc);
    prog->argv_start = a + 8;
    prog->env_start = stack_put_array(s, prog->argv_start, ptrs->argv,
                                      ptrs->argc);
    prog->auxv_start = stack_put_array(s, prog->env_start, ptrs->envp,
                                       ptrs->envc);
    a = prog->auxv_start;
    for (unsigned i = 0; i < naux; i++, a += 16) {
        stack_put_word(s, a, aux[i].type);
        stack_put_word(s, a + 8, aux[i].value);
    }
}

/* Lay everything out below s->top; false if it does not fit the stack. */
static bool stack_layout(StackImage *s, GuestProgram *prog, char **argv,
                         char **envp, const char *execfn)
{
    static const uint64_t zero;
    guint argc = g_strv_length(argv), envc = g_strv_length(envp);
    g_autofree GuestAddr *argp = g_new0(GuestAddr, argc + 1);
    g_autofree GuestAddr *envpp = g_new0(GuestAddr, envc + 1);
    StackPtrs ptrs = { .argc = argc, .envc = envc, .argv = argp, .envp = envpp };
    GuestAddr execfn_addr, platform, random;
    AuxEntry aux[STACK_AUXV_MAX];
    uint8_t rnd[16];
    unsigned naux;
    uint64_t words;

    /* The zero word, the strings, alignment, platform and random bytes. */
    if (s->strings + 8 + 15 + sizeof(STACK_PLATFORM) + 16 > s->size) {
        return false;
    }
    s->p = s->top;
    stack_push(s, &zero, sizeof(zero));
    execfn_addr = stack_push(s, execfn, strlen(execfn) + 1);
    stack_push_strings(s, envp, ptrs.envc, ptrs.envp);
    stack_push_strings(s, argv, ptrs.argc, ptrs.argv);
    s->p &= ~(GuestAddr)15;                 /* arch_align_stack() */
    platform = stack_push(s, STACK_PLATFORM, sizeof(STACK_PLATFORM));
    stack_random_bytes(rnd);
    random = stack_push(s, rnd, sizeof(rnd));

    naux = stack_auxv(prog, random, execfn_addr, platform, aux);
    words = 1 + (ptrs.argc + 1) + (ptrs.envc + 1) + 2 * (uint64_t)naux;
    if (words * 8 + 15 > s->p - (s->top - s->size)) {
        return false;
    }
    s->sp = (s->p - words * 8) & ~(GuestAddr)15;   /* STACK_ROUND() */
    stack_put_tables(s, prog, &ptrs, aux, naux);
    prog->start_stack = s->sp;
    return true;
}

/* -- Mapping -------------------------------------------------------------- */

/*
 * The stack and its guard page; returns the lowest usable address. The
 * hint asks for the top of the space, where Linux puts the stack; if that
 * is taken, any room will do.
 */
static bool stack_map(GuestAddr *limit, GError **err)
{
    uint64_t len = stack_size + STACK_GUARD_SIZE;
    GuestAddr hint = len < guest_space_size ? guest_space_size - len : 0;
    int64_t r = guest_mmap(hint, len, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (r < 0) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_MEMORY,
                    "cannot map a stack of 0x%" PRIx64 " bytes: %s",
                    stack_size, g_strerror((int)-r));
        return false;
    }
    guest_mprotect(r, STACK_GUARD_SIZE, PROT_NONE);
    *limit = (GuestAddr)r + STACK_GUARD_SIZE;
    guest_mmap_set_vma_info(*limit, *limit + stack_size,
                            GUEST_VMA_STACK | GUEST_VMA_ANON, NULL);
    return true;
}

bool stack_build(GuestProgram *prog, char **argv, char **envp,
                 const char *execfn, GError **err)
{
    StackImage s = { .size = MIN(stack_size, STACK_MAX_BLOCK) };
    GuestAddr limit;
    bool ok;
    int rc;

    if (!stack_check_args(argv, envp, execfn, &s.strings, err) ||
        !stack_map(&limit, err)) {
        return false;
    }
    s.top = limit + stack_size;
    s.buf = g_malloc(s.size);
    ok = stack_layout(&s, prog, argv, envp, execfn);
    rc = ok ? uaccess_write(s.sp, stack_at(&s, s.sp), s.top - s.sp) : 0;
    g_free(s.buf);
    if (!ok || rc) {
        guest_munmap(limit - STACK_GUARD_SIZE, stack_size + STACK_GUARD_SIZE);
        if (rc) {
            g_set_error(err, UEMU_ERROR, UEMU_ERROR_MEMORY,
                        "cannot write the initial stack: %s", g_strerror(-rc));
            return false;
        }
        return stack_too_big(err);
    }
    prog->stack_limit = limit;
    return true;
}
