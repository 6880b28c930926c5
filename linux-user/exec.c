// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * exec.c: execve(2) for the guest (see exec.h): look at the file as the
 * kernel does, then either re-execute arm-uemu on it or hand it to the host.
 *
 * Before the process image is replaced (exec_prepare), the image that goes
 * away is finished as if it exited: the plugins' atexit callbacks run, so
 * every plugin instance that was installed gets its atexit exactly once, and
 * the counts of the image are not lost (QEMU drops them: its execve never
 * runs atexit). The re-executed arm-uemu loads the plugins again and they
 * see only the new image. To keep that honest, everything that can make the
 * exec fail in the ordinary ways (ENOENT, EACCES, ENOEXEC, ELOOP) is decided
 * before that point; what the host execve can still refuse afterwards
 * (ENOMEM, ETXTBSY, a foreign ELF the kernel cannot run) is returned to the
 * guest, which then goes on without plugins.
 *
 * The host process state the new image inherits is made the guest's:
 * signals the guest ignores stay ignored, the others are default, the
 * blocked mask is the guest's; our log file does not leak into the program.
 */
#include "exec.h"
#include "log.h"
#include "module.h"
#include "options.h"
#include "path.h"
#include "plugin-api/plugin.h"
#include "syscall/syscall.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <glib.h>

/* Linux's limits: BINPRM_BUF_SIZE and the depth of #! nesting it follows. */
#define EXEC_HEADER_SIZE    256
#define EXEC_MAX_NESTING    4

/* -- This run's command line ------------------------------------------------------- */

static int startup_argc;
static char **startup_argv;             /* the host's argv of arm-uemu */
static char *startup_cwd;               /* relative option paths are from here */
static bool exec_native;                /* -exec-native */

void exec_set_startup_args(int argc, char **argv)
{
    g_strfreev(startup_argv);
    startup_argc = argc;
    startup_argv = g_new0(char *, argc + 1);
    for (int i = 0; i < argc; i++) {
        startup_argv[i] = g_strdup(argv[i]);
    }
    g_free(startup_cwd);
    startup_cwd = g_get_current_dir();
}

/* glibc calls ELF constructors with main's arguments. */
__attribute__((constructor))
static void exec_record_startup(int argc, char **argv)
{
    if (argc > 0 && argv) {
        exec_set_startup_args(argc, argv);
    }
}

static bool opt_exec_native(const char *arg, GError **err)
{
    exec_native = true;
    return true;
}

static const UemuOption exec_options[] = {
    { "exec-native", "UEMU_EXEC_NATIVE", NULL, opt_exec_native,
      "execve runs every program on the host (no re-executing arm-uemu)" },
    { NULL },
};

static void exec_register_options(void)
{
    options_register(exec_options);
}
module_init(exec_register_options, MODULE_INIT_OPTIONS);

bool exec_emulation_enabled(void)
{
    return !exec_native;
}

/*
 * Options that describe the first image only: argv[0], its environment, gdb;
 * and -log-append, which exec_build_emulator_argv adds itself.
 */
static bool exec_option_dropped(const char *name)
{
    return !strcmp(name, "0") || !strcmp(name, "E") || !strcmp(name, "U") ||
           !strcmp(name, "g") || !strcmp(name, "log-append");
}

/* @path made absolute from the start-up directory (the guest may have moved). */
static char *absolute_from_startup(const char *path)
{
    if (!*path || g_path_is_absolute(path)) {
        return g_strdup(path);
    }
    return g_build_filename(startup_cwd ? startup_cwd : ".", path, NULL);
}

/*
 * The argument of -L, -D and -plugin, with a relative path made absolute.
 * A -plugin path is "file=PATH,..." or "PATH,..."; a bare name (no '/') is
 * searched for in the install directory by the loader, so it stays.
 */
static char *option_arg_for_child(const char *name, const char *arg)
{
    if (!strcmp(name, "L") || !strcmp(name, "D")) {
        return absolute_from_startup(arg);
    }
    if (!strcmp(name, "plugin")) {
        const char *file = g_str_has_prefix(arg, "file=") ? arg + 5 : arg;
        size_t len = strcspn(file, ",");
        g_autofree char *path = g_strndup(file, len);
        g_autofree char *abs = NULL;

        if (!strchr(path, '/')) {
            return g_strdup(arg);
        }
        abs = absolute_from_startup(path);
        return g_strdup_printf("%.*s%s%s", (int)(file - arg), arg, abs, file + len);
    }
    return g_strdup(arg);
}

static void add_option(GPtrArray *out, const UemuOption *o, const char *arg)
{
    g_ptr_array_add(out, g_strdup_printf("-%s", o->name));
    if (o->arg) {
        g_ptr_array_add(out, option_arg_for_child(o->name, arg ? arg : ""));
    }
}

typedef struct ChildArgs {
    GPtrArray *out;             /* the argv being built */
    char *const *new_env;       /* the environment the new image gets */
} ChildArgs;

/*
 * One option of this run (options_foreach_given): the command line's are
 * carried, an environment twin only when the new environment does not
 * carry the same value itself.
 */
static void add_given_option(const UemuOption *o, const char *value,
                             bool from_env, void *opaque)
{
    ChildArgs *ca = opaque;

    if (exec_option_dropped(o->name)) {
        return;
    }
    if (from_env) {
        const char *now = g_environ_getenv((char **)ca->new_env, o->env);

        if (now && !strcmp(now, value)) {
            return;
        }
    }
    add_option(ca->out, o, value);
}

char **exec_build_emulator_argv(const char *host_prog, char *const *argv,
                                char *const *envp)
{
    char *empty_env[] = { NULL };
    ChildArgs ca = { g_ptr_array_new(), envp ? envp : empty_env };

    g_ptr_array_add(ca.out, g_strdup(startup_argc > 0 ? startup_argv[0] : "arm-uemu"));
    options_foreach_given(add_given_option, &ca);
    if (log_file_given()) {
        g_ptr_array_add(ca.out, g_strdup("-log-append"));  /* log.c: log_open */
    }
    g_ptr_array_add(ca.out, g_strdup("-0"));
    g_ptr_array_add(ca.out, g_strdup(argv && argv[0] ? argv[0] : ""));
    g_ptr_array_add(ca.out, g_strdup("--"));
    g_ptr_array_add(ca.out, g_strdup(host_prog));
    for (int k = 1; argv && argv[0] && argv[k]; k++) {
        g_ptr_array_add(ca.out, g_strdup(argv[k]));
    }
    g_ptr_array_add(ca.out, NULL);
    return (char **)g_ptr_array_free(ca.out, FALSE);
}

/* -- Looking at the file ------------------------------------------------------------ */

typedef struct ExecPlan {
    bool emulate;               /* re-execute arm-uemu on host_prog */
    char *host_prog;            /* the AArch64 ELF (host path) */
} ExecPlan;

/* The host path of a guest path: -L first for absolute paths (path.c). */
static char *exec_host_path(const char *path)
{
    return path_lookup(path);
}

/*
 * What the kernel checks before it reads a file: it exists, is a regular
 * file, and may be executed. Returns 0 or -errno.
 */
static int exec_check_file(const char *host)
{
    struct stat st;

    if (stat(host, &st) < 0) {
        return -errno;
    }
    if (!S_ISREG(st.st_mode)) {
        return -EACCES;
    }
    if (access(host, X_OK) < 0) {
        return -errno;
    }
    return 0;
}

/* Read the first bytes; 0 bytes (and no error) when the file is execute-only. */
static ssize_t exec_read_header(const char *host, char *buf, size_t size)
{
    int fd = open(host, O_RDONLY | O_CLOEXEC);
    ssize_t n;

    if (fd < 0) {
        return errno == EACCES ? 0 : -errno;
    }
    do {
        n = pread(fd, buf, size, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        n = -errno;
    }
    close(fd);
    return n;
}

/*
 * Split a "#!" line as Linux does: the interpreter is the first word, the
 * optional argument is the rest of the line with the blanks around it
 * removed. Returns false when there is no interpreter name.
 */
static bool exec_parse_shebang(const char *buf, size_t n, char **interp, char **arg)
{
    g_autofree char *line = g_strndup(buf + 2, n - 2);
    char *p, *end;

    line[strcspn(line, "\n")] = '\0';
    p = line + strspn(line, " \t");
    end = p + strcspn(p, " \t");
    if (end == p) {
        return false;
    }
    *interp = g_strndup(p, end - p);
    p = end + strspn(end, " \t");
    g_strchomp(p);
    *arg = *p ? g_strdup(p) : NULL;
    return true;
}

/*
 * Decide how to run @path (@host after -L) with the guest argv @argv
 * (GPtrArray of char *, owned by the caller). Fills @plan for an AArch64
 * target; returns 0, or -errno as the kernel would fail.
 */
static int exec_classify(const char *path, const char *host, GPtrArray *argv,
                         int depth, ExecPlan *plan)
{
    char buf[EXEC_HEADER_SIZE];
    ssize_t n;
    int r;

    if ((r = exec_check_file(host)) < 0) {
        return r;
    }
    n = exec_read_header(host, buf, sizeof(buf));
    if (n < 0) {
        return (int)n;
    }
    if (n == 0 && access(host, R_OK) < 0) {
        plan->emulate = false;          /* execute-only: the host decides */
        return 0;
    }
    if (n >= SELFMAG && !memcmp(buf, ELFMAG, SELFMAG)) {
        const Elf64_Ehdr *eh = (const Elf64_Ehdr *)buf;

        plan->emulate = (size_t)n >= sizeof(Elf64_Ehdr) &&
                        eh->e_ident[EI_CLASS] == ELFCLASS64 &&
                        eh->e_ident[EI_DATA] == ELFDATA2LSB &&
                        eh->e_machine == EM_AARCH64;
        if (plan->emulate) {
            plan->host_prog = g_strdup(host);
        }
        return 0;
    }
    if (n >= 2 && buf[0] == '#' && buf[1] == '!') {
        g_autofree char *interp = NULL, *arg = NULL, *interp_host = NULL;

        if (depth >= EXEC_MAX_NESTING) {
            return -ELOOP;
        }
        if (!exec_parse_shebang(buf, (size_t)n, &interp, &arg)) {
            return -ENOEXEC;
        }
        /* argv becomes: interp [arg] path argv[1..] */
        if (argv->len > 0) {
            g_free(g_ptr_array_steal_index(argv, 0));
        }
        g_ptr_array_insert(argv, 0, g_strdup(path));
        if (arg) {
            g_ptr_array_insert(argv, 0, g_strdup(arg));
        }
        g_ptr_array_insert(argv, 0, g_strdup(interp));
        interp_host = exec_host_path(interp);
        return exec_classify(interp, interp_host, argv, depth + 1, plan);
    }
    return -ENOEXEC;
}

/* -- Replacing the image --------------------------------------------------------------- */

/* The host signal state, kept to put back when the host execve fails. */
typedef struct ExecSignals {
    struct sigaction act[GUEST_NSIG + 1];
    uint64_t mask;
} ExecSignals;

/* The host signal state a new image inherits, made the guest's. */
static void exec_set_signals(ExecSignals *saved)
{
    uint64_t mask = syscall_thread_sigmask();
    struct sigaction sa;

    syscall(SYS_rt_sigprocmask, SIG_SETMASK, NULL, &saved->mask, sizeof(saved->mask));
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        GuestSigaction ga;

        if (sig == SIGKILL || sig == SIGSTOP) {
            continue;
        }
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = syscall_sigaction_get(sig, &ga) && ga.handler == 1
                        ? SIG_IGN : SIG_DFL;
        /* glibc refuses its own 32 and 33: they keep what they have */
        if (sigaction(sig, &sa, &saved->act[sig]) < 0) {
            saved->act[sig].sa_handler = NULL;
            saved->act[sig].sa_flags = -1;
        }
    }
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, NULL, sizeof(mask));
}

static void exec_restore_signals(const ExecSignals *saved)
{
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        if (sig != SIGKILL && sig != SIGSTOP && saved->act[sig].sa_flags != -1) {
            sigaction(sig, &saved->act[sig], NULL);
        }
    }
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &saved->mask, NULL, sizeof(saved->mask));
}

/*
 * The point of no return: the old image is finished (plugins' atexit, our
 * buffered output), and our own files must not leak into the new image.
 */
static void exec_prepare(ExecSignals *saved)
{
    FILE *log = log_stream();

    plugin_atexit();
    fflush(NULL);
    if (log != stderr && log != stdout) {
        fcntl(fileno(log), F_SETFD, FD_CLOEXEC);
    }
    exec_set_signals(saved);
}

/* The host execve failed: the emulator goes on, with its own signal handlers. */
static int64_t exec_failed(const ExecSignals *saved)
{
    int e = errno;

    exec_restore_signals(saved);
    syscall_log_unimp("execve failed after the old image was finished: %s",
                      strerror(e));
    return -e;
}

int64_t exec_program(const char *path, char *const *argv, char *const *envp)
{
    g_autofree char *host = exec_host_path(path);
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func(g_free);
    ExecPlan plan = { 0 };
    ExecSignals saved;
    int r;

    for (int i = 0; argv && argv[i]; i++) {
        g_ptr_array_add(args, g_strdup(argv[i]));
    }
    r = exec_classify(path, host, args, 0, &plan);
    if (r < 0) {
        return r;
    }
    if (plan.emulate && exec_emulation_enabled()) {
        g_auto(GStrv) host_argv = NULL;

        if (g_str_has_prefix(plan.host_prog, "/proc/self/fd/")) {
            /* execveat on a descriptor: the new arm-uemu opens the file by
             * name, and the descriptor may be close-on-exec. */
            char *real = realpath(plan.host_prog, NULL);

            if (real) {
                g_free(plan.host_prog);
                plan.host_prog = g_strdup(real);
                free(real);
            }
        }
        g_ptr_array_add(args, NULL);
        host_argv = exec_build_emulator_argv(plan.host_prog,
                                             (char *const *)args->pdata, envp);
        g_free(plan.host_prog);
        exec_prepare(&saved);
        execve("/proc/self/exe", host_argv, envp);
        return exec_failed(&saved);
    }
    g_free(plan.host_prog);
    exec_prepare(&saved);
    execve(host, argv, envp);
    return exec_failed(&saved);
}
