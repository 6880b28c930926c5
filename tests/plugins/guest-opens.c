// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * guest-opens.c: an AArch64 guest program for the plugin-to-plugin tests:
 * a known set of file opens (tests/plugins/meson.build checks what
 * libqpp-opencount.so counts against libsyscalls.so and these lines):
 *
 *     3 x /dev/null (succeed), 2 x /nonexistent/qpp (fail with ENOENT),
 *     1 x a 301-byte path that names /dev/null through "./" steps (the
 *     producer reads it in several pieces), 1 x "." as a directory.
 *
 * Exits 0 when every open behaved as expected.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int check_open(const char *path, int flags, int want_errno)
{
    int fd = openat(AT_FDCWD, path, flags);

    if (want_errno ? (fd >= 0 || errno != want_errno) : fd < 0) {
        printf("open %s: unexpected result %d (errno %d)\n", path, fd, errno);
        return 1;
    }
    if (fd >= 0) {
        close(fd);
    }
    return 0;
}

int main(void)
{
    char longpath[320];
    int bad = 0;

    for (int i = 0; i < 3; i++) {
        bad |= check_open("/dev/null", O_RDONLY, 0);
    }
    for (int i = 0; i < 2; i++) {
        bad |= check_open("/nonexistent/qpp", O_RDONLY, ENOENT);
    }
    strcpy(longpath, "/");
    while (strlen(longpath) < 300 - strlen("dev/null")) {
        strcat(longpath, "./");
    }
    strcat(longpath, "dev/null");
    bad |= check_open(longpath, O_RDONLY, 0);
    bad |= check_open(".", O_RDONLY | O_DIRECTORY, 0);
    printf("opens done\n");
    return bad;
}
