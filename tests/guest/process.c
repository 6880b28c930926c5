// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * process.c: fork, vfork, posix_spawn, execve, wait4/waitid and the
 * process-wide calls (ids, sessions, prctl, rusage, times, uname, sched).
 *
 * Without arguments it runs every check whose outcome a plain qemu-aarch64
 * (no binfmt_misc) shares with us: children that exit or die of a signal,
 * native programs and #!/bin/sh scripts exec'd, exec errors. With "exec"
 * it checks what only an emulator that re-executes itself can do: execve
 * of an AArch64 program (itself, by argv[0] and by /proc/self/exe, and
 * through a #! script whose interpreter it is), with argv and envp carried
 * across. The "child" and "script" modes are the exec'd images; "replace"
 * (exec in place) and "fork" serve the plugin tests: each image and each
 * child prints its own plugin summary.
 *
 * argv[0] must be the program's path (the test runners give an absolute one).
 */
#define _GNU_SOURCE
#include "guest-check.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static volatile uintptr_t unmapped = 16;

/* Write @text to a new executable file; its path goes to @path. */
static int make_exec_file(char *path, size_t size, const char *name, const char *text)
{
    int fd;

    snprintf(path, size, "/tmp/uemu-process-%d-%s", (int)getpid(), name);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
    if (fd < 0)
        return -1;
    if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
        close(fd);
        return -1;
    }
    return close(fd);
}

/* fork, run @path with @argv in the child, and return the wait status. */
static int fork_exec_wait(const char *path, char *const argv[], char *const envp[])
{
    int status = -1;
    pid_t pid = fork();

    if (pid == 0) {
        execve(path, argv, envp);
        _exit(100 + errno);
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

static void test_fork(void)
{
    int status = 0;
    pid_t pid;
    struct rusage ru;

    check_section("fork");
    pid = fork();
    if (pid == 0)
        _exit(42);
    CHECK(1, pid > 0, "fork returns a pid");
    CHECK(pid, wait4(pid, &status, 0, &ru), "wait4 returns the child");
    CHECK(1, WIFEXITED(status), "child exited");
    CHECK(42, WEXITSTATUS(status), "exit code");
    CHECK(1, ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000, "rusage timeval");
    CHECK(-1, waitpid(-1, &status, WNOHANG), "no child left");
    CHECK(ECHILD, errno, "ECHILD");

    /* The child's memory is a copy. */
    {
        static int shared = 1;

        pid = fork();
        if (pid == 0) {
            shared = 2;
            _exit(shared);
        }
        waitpid(pid, &status, 0);
        CHECK(2, WEXITSTATUS(status), "child saw its write");
        CHECK(1, shared, "parent's copy unchanged");
    }

    /* A child dying of a signal. */
    pid = fork();
    if (pid == 0)
        _exit(*(volatile int *)unmapped);
    CHECK(pid, waitpid(pid, &status, 0), "waitpid");
    CHECK(1, WIFSIGNALED(status), "child killed by a signal");
    CHECK(SIGSEGV, WTERMSIG(status), "by SIGSEGV");

    /* Bad status pointer: EFAULT, and the child is reaped (as Linux does). */
    pid = fork();
    if (pid == 0)
        _exit(9);
    CHECK(-EFAULT, syscall(SYS_wait4, pid, (int *)unmapped, 0, NULL) < 0 ? -errno : 0,
          "wait4 with a bad status pointer");
    CHECK(-1, waitpid(pid, &status, 0), "the child was reaped");
    CHECK(ECHILD, errno, "ECHILD");
}

static void test_waitid(void)
{
    siginfo_t si;
    pid_t pid;

    check_section("waitid");
    pid = fork();
    if (pid == 0)
        _exit(3);
    memset(&si, 0, sizeof(si));
    CHECK(0, waitid(P_PID, pid, &si, WEXITED), "waitid");
    CHECK(SIGCHLD, si.si_signo, "si_signo");
    CHECK(CLD_EXITED, si.si_code, "si_code");
    CHECK(pid, si.si_pid, "si_pid");
    CHECK(3, si.si_status, "si_status");
    CHECK(getuid(), si.si_uid, "si_uid");

    pid = fork();
    if (pid == 0)
        _exit(*(volatile int *)unmapped);
    memset(&si, 0, sizeof(si));
    CHECK(0, waitid(P_ALL, 0, &si, WEXITED), "waitid P_ALL");
    CHECK(CLD_KILLED, si.si_code, "si_code killed");
    CHECK(SIGSEGV, si.si_status, "si_status is the signal");
}

static void test_vfork_spawn(void)
{
    int status = 0;
    pid_t pid;
    char *argv_true[] = { "true", NULL };
    char *argv_sh[] = { "sh", "-c", "exit 6", NULL };
    char *argv_none[] = { "none", NULL };
    int r;

    check_section("vfork");
    pid = vfork();
    if (pid == 0)
        _exit(7);
    CHECK(pid, waitpid(pid, &status, 0), "vfork child waited");
    CHECK(7, WEXITSTATUS(status), "vfork child exit code");

    /* posix_spawn of native programs (glibc: clone(CLONE_VM|CLONE_VFORK)). */
    CHECK(0, posix_spawn(&pid, "/bin/true", NULL, NULL, argv_true, environ), "spawn true");
    CHECK(pid, waitpid(pid, &status, 0), "waitpid spawn");
    CHECK(0, status, "true exits 0");
    CHECK(0, posix_spawnp(&pid, "sh", NULL, NULL, argv_sh, environ), "spawnp sh");
    CHECK(pid, waitpid(pid, &status, 0), "waitpid spawnp");
    CHECK(6, WEXITSTATUS(status), "sh -c 'exit 6'");

    /* A missing program: ENOENT from a real vfork, or (an emulator that
     * cannot share the child's memory) a child that exits 127. */
    r = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, argv_none, environ);
    if (r == 0) {
        waitpid(pid, &status, 0);
        CHECK(127, WEXITSTATUS(status), "spawn of a missing program");
    } else {
        CHECK(ENOENT, r, "spawn of a missing program");
    }
}

static void test_exec_native(void)
{
    char script[128], garbage[128];
    char *argv_sh[] = { "sh", "-c", "exit 4", NULL };
    char *argv_script[] = { script, NULL };
    char *argv_none[] = { "x", NULL };
    int status;

    check_section("execve");
    status = fork_exec_wait("/bin/sh", argv_sh, environ);
    CHECK(1, WIFEXITED(status), "native sh exits");
    CHECK(4, WEXITSTATUS(status), "native sh status");

    CHECK(0, make_exec_file(script, sizeof(script), "script", "#!/bin/sh\nexit 5\n"),
          "write script");
    status = fork_exec_wait(script, argv_script, environ);
    CHECK(5, WEXITSTATUS(status), "#!/bin/sh script status");

    CHECK(0, make_exec_file(garbage, sizeof(garbage), "garbage", "no magic here\n"),
          "write garbage");
    CHECK(-1, execve(garbage, argv_none, environ), "garbage");
    CHECK(ENOEXEC, errno, "ENOEXEC");
    unlink(script);
    unlink(garbage);

    CHECK(-1, execve("/nonexistent/program", argv_none, environ), "missing");
    CHECK(ENOENT, errno, "ENOENT");
    CHECK(-1, execve("/tmp", argv_none, environ), "directory");
    CHECK(EACCES, errno, "EACCES");
    CHECK(-1, execve("/bin/sh/x", argv_none, environ), "through a file");
    CHECK(ENOTDIR, errno, "ENOTDIR");
    CHECK(-1, execve((char *)unmapped, argv_none, environ), "bad path pointer");
    CHECK(EFAULT, errno, "EFAULT path");
    CHECK(-1, execve("/bin/true", (char **)unmapped, environ), "bad argv pointer");
    CHECK(EFAULT, errno, "EFAULT argv");
    {
        static char big[200000];
        char *argv_big[] = { "true", big, NULL };

        memset(big, 'x', sizeof(big) - 1);
        CHECK(-1, execve("/bin/true", argv_big, environ), "an argument over 128 KiB");
        CHECK(E2BIG, errno, "E2BIG");
    }
}

static void test_ids(void)
{
    uid_t r, e, s;
    gid_t gr, ge, gs;
    gid_t groups[256];
    char name[16] = "";
    struct utsname u;
    struct tms t;
    struct rusage ru;
    int n;

    check_section("ids");
    CHECK(0, getresuid(&r, &e, &s), "getresuid");
    CHECK(getuid(), r, "real uid");
    CHECK(geteuid(), e, "effective uid");
    CHECK(0, getresgid(&gr, &ge, &gs), "getresgid");
    CHECK(getgid(), gr, "real gid");
    CHECK(getegid(), ge, "effective gid");
    n = getgroups(256, groups);
    CHECK(1, n >= 0, "getgroups");
    CHECK(n, getgroups(0, NULL), "getgroups count");
    CHECK(0, setuid(getuid()), "setuid to ourselves");
    CHECK(0, setgid(getgid()), "setgid to ourselves");

    check_section("session");
    CHECK(0, setpgid(0, 0), "setpgid");
    CHECK(getpid(), getpgid(0), "getpgid");
    CHECK(getpid(), getpgrp(), "getpgrp");
    CHECK(1, getsid(0) > 0, "getsid");
    CHECK(-1, getpgid(-5), "getpgid(-5)");
    CHECK(ESRCH, errno, "ESRCH");

    check_section("prctl");
    CHECK(0, prctl(PR_SET_NAME, "uemu-process", 0, 0, 0), "PR_SET_NAME");
    CHECK(0, prctl(PR_GET_NAME, name, 0, 0, 0), "PR_GET_NAME");
    CHECK(0, strcmp(name, "uemu-process"), "name round trip");
    CHECK(0, prctl(PR_SET_NAME, "a-very-long-process-name", 0, 0, 0), "long name");
    CHECK(0, prctl(PR_GET_NAME, name, 0, 0, 0), "PR_GET_NAME");
    CHECK(0, strcmp(name, "a-very-long-pro"), "truncated to 15");
    CHECK(1, prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) >= 0, "PR_GET_DUMPABLE");
    CHECK(0, prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0), "PR_SET_PDEATHSIG");
    n = 0;
    CHECK(0, prctl(PR_GET_PDEATHSIG, &n, 0, 0, 0), "PR_GET_PDEATHSIG");
    CHECK(SIGTERM, n, "pdeathsig");
    CHECK(0, prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0), "clear pdeathsig");
    CHECK(-1, prctl(0x7fff1234, 0, 0, 0, 0), "unknown option");
    CHECK(EINVAL, errno, "EINVAL");
    CHECK(-1, prctl(PR_GET_NAME, (char *)unmapped, 0, 0, 0), "bad pointer");
    CHECK(EFAULT, errno, "EFAULT");

    check_section("usage");
    CHECK(0, uname(&u), "uname");
    CHECK(0, strcmp(u.machine, "aarch64"), "machine");
    CHECK(1, times(&t) != (clock_t)-1, "times");
    CHECK(0, getrusage(RUSAGE_SELF, &ru), "getrusage self");
    CHECK(0, getrusage(RUSAGE_CHILDREN, &ru), "getrusage children");
    CHECK(0, personality(0xffffffff) & 0xff, "personality PER_LINUX");

    check_section("sched");
    CHECK(SCHED_OTHER, sched_getscheduler(0), "sched_getscheduler");
    CHECK(99, sched_get_priority_max(SCHED_FIFO), "priority max");
    CHECK(1, sched_get_priority_min(SCHED_FIFO), "priority min");
    errno = 0;
    n = getpriority(PRIO_PROCESS, 0);
    CHECK(1, errno == 0 && n >= -20 && n <= 19, "getpriority");
    CHECK(0, setpriority(PRIO_PROCESS, 0, n), "setpriority to the same");
    {
        struct sched_param p = { 5 };

        CHECK(0, sched_getparam(0, &p), "sched_getparam");
        CHECK(0, p.sched_priority, "priority 0");
    }
}

/* -- Modes that need execve to re-execute the emulator ---------------------------- */

static int mode_child(int argc, char **argv)
{
    const char *v = getenv("UEMU_PROCESS_VAR");

    printf("child: argc=%d", argc);
    for (int i = 1; i < argc; i++)
        printf(" [%s]", argv[i]);
    printf(" var=%s\n", v ? v : "(unset)");
    return argc > 2 ? atoi(argv[2]) : 0;
}

static int mode_exec(const char *self)
{
    char *envp[] = { "UEMU_PROCESS_VAR=carried", NULL };
    char *argv1[] = { (char *)self, "child", "11", "two words", NULL };
    char *argv2[] = { "renamed", "child", "12", NULL };
    char script[128], text[256];
    char *argv3[] = { script, "arg", NULL };
    int status;

    check_section("exec");
    fflush(stdout);
    status = fork_exec_wait(self, argv1, envp);
    CHECK(1, WIFEXITED(status), "exec of ourselves exits");
    CHECK(11, WEXITSTATUS(status), "its status");
    fflush(stdout);
    status = fork_exec_wait("/proc/self/exe", argv2, envp);
    CHECK(12, WEXITSTATUS(status), "exec of /proc/self/exe");

    snprintf(text, sizeof(text), "#!%s script\n", self);
    CHECK(0, make_exec_file(script, sizeof(script), "interp", text), "write script");
    fflush(stdout);
    status = fork_exec_wait(script, argv3, envp);
    CHECK(13, WEXITSTATUS(status), "#! script with an AArch64 interpreter");
    unlink(script);

    /* And in place: this image is replaced; the new one prints and exits 0. */
    check_exit();
    fflush(stdout);
    {
        char *argv4[] = { (char *)self, "child", "0", NULL };

        execve(self, argv4, envp);
    }
    printf("exec in place failed: %s\n", strerror(errno));
    return 1;
}

/* Run as the interpreter of a script: argv = self "script" path "arg". */
static int mode_script(int argc, char **argv)
{
    const char *base = argc > 2 ? strrchr(argv[2], '-') : NULL;

    printf("script: argc=%d [%s] [%s]\n", argc, base ? base + 1 : "?",
           argc > 3 ? argv[3] : "");
    return 13;
}

/*
 * "clone": the raw calls glibc's fork does not make (qemu-aarch64 7.2 has
 * no clone3 and refuses a zero exit signal): clone3 as a fork, and clone
 * with no exit signal, whose child only __WALL (or __WCLONE) waits for.
 */
static int mode_clone(void)
{
    struct {
        uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
        uint64_t stack, stack_size, tls;
    } args = { .exit_signal = SIGCHLD };
    uint32_t ptid = 0;
    int status = -1;
    long pid;

    check_section("clone");
    pid = syscall(SYS_clone3, &args, sizeof(args));
    if (pid == 0)
        _exit(21);
    CHECK(1, pid > 0, "clone3 forks");
    CHECK(pid, waitpid(pid, &status, 0), "waitpid");
    CHECK(21, WEXITSTATUS(status), "clone3 child status");
    CHECK(-1, syscall(SYS_clone3, &args, 16), "clone3 with a short struct");
    CHECK(EINVAL, errno, "EINVAL");

    pid = syscall(SYS_clone, CLONE_PARENT_SETTID, 0, &ptid, 0, 0);
    if (pid == 0)
        _exit(5);
    CHECK(1, pid > 0, "clone without an exit signal");
    CHECK(pid, ptid, "CLONE_PARENT_SETTID");
    CHECK(-1, waitpid(pid, &status, 0), "a plain wait does not see it");
    CHECK(ECHILD, errno, "ECHILD");
    CHECK(pid, waitpid(pid, &status, __WALL), "__WALL does");
    CHECK(5, WEXITSTATUS(status), "its status");

    CHECK(-1, syscall(SYS_clone, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | SIGCHLD,
                      0, 0, 0, 0), "CLONE_THREAD");
    CHECK(ENOSYS, errno, "threads: ENOSYS");
    CHECK(-1, syscall(SYS_clone, CLONE_THREAD, 0, 0, 0, 0), "CLONE_THREAD alone");
    CHECK(EINVAL, errno, "EINVAL");
    return check_exit();
}

/* "replace": exec ourselves in place; "fork": a child that exits 0, waited for. */
static int mode_replace(const char *self)
{
    char *argv[] = { (char *)self, "child", "0", NULL };

    execve(self, argv, environ);
    printf("exec failed: %s\n", strerror(errno));
    return 1;
}

static int mode_fork(void)
{
    int status = -1;
    pid_t pid = fork();

    if (pid == 0)
        _exit(0);
    waitpid(pid, &status, 0);
    printf("fork: child status %d\n", status);
    return status != 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(mode, "child"))
        return mode_child(argc, argv);
    if (!strcmp(mode, "script"))
        return mode_script(argc, argv);
    if (!strcmp(mode, "exec"))
        return mode_exec(argv[0]);
    if (!strcmp(mode, "replace"))
        return mode_replace(argv[0]);
    if (!strcmp(mode, "fork"))
        return mode_fork();
    if (!strcmp(mode, "clone"))
        return mode_clone();
    test_fork();
    test_waitid();
    test_vfork_spawn();
    test_exec_native();
    test_ids();
    return check_exit();
}
