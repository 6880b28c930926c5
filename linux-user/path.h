// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * path.h: the -L prefix (QEMU_LD_PREFIX).
 *
 * A dynamic guest's interpreter and libraries live under the prefix; absolute
 * guest paths are tried there first and fall back to the host path, as
 * qemu-aarch64 does.
 */
#ifndef UEMU_PATH_H
#define UEMU_PATH_H

/* path_prefix: the -L prefix, or NULL when none was given. */
const char *path_prefix(void);

/*
 * path_set_prefix: as -L does (tests). NULL, "" and "/" clear it; a
 * relative prefix is made absolute against the current directory.
 */
void path_set_prefix(const char *prefix);

/*
 * path_lookup: for an absolute @guest_path that exists under the prefix, a
 * newly allocated prefix + path; otherwise a copy of @guest_path. Every
 * read-only path lookup of the guest goes through it (open, stat, access,
 * readlink, statfs, the ELF interpreter, execve's program); calls that
 * create or change names use the guest's path as it is.
 */
char *path_lookup(const char *guest_path);

#endif /* UEMU_PATH_H */
