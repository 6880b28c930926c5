// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fuzz-elfload.c: libFuzzer target for the ELF loader.
 *
 * Each input is written to a memfd and loaded as the guest program, with no
 * -L prefix, into a small guest space reserved once. Whatever the bytes,
 * elf_load_program() must either succeed or fail with one UEMU_ERROR_ELF
 * error; it must never crash, hang or leave mappings behind, which the
 * target checks by counting VMAs after a failure. Between inputs the space
 * is destroyed and reserved again, so every input starts from nothing.
 *
 * Built two ways (tests/fuzz/meson.build): linked with replay.c, which runs
 * the corpus in the normal test suite, and with -fsanitize=fuzzer,address
 * under clang for real fuzzing:
 *     build/tests/fuzz/fuzz-elfload -max_len=4096 /tmp/new tests/fuzz/corpus/elfload
 * (new inputs go to the first directory, so the seed corpus stays as
 * tests/fuzz/make-elf-corpus.py wrote it).
 */
#include "linux-user/elfload.h"
#include "linux-user/error.h"
#include "linux-user/mmap.h"
#include "linux-user/path.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* Room for ET_EXEC images at their usual addresses; PIEs go top-down. */
#define FUZZ_SPACE  (1ULL << 32)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_space_init(void)
{
    GError *err = NULL;

    if (!guest_space_init_at(0, FUZZ_SPACE, &err)) {
        fprintf(stderr, "fuzz-elfload: %s\n", err->message);
        abort();
    }
}

static bool count_vma(const GuestVma *vma, void *opaque)
{
    (*(unsigned *)opaque)++;
    return true;
}

static void fuzz_load(const char *path)
{
    GuestProgram prog = { 0 };
    GError *err = NULL;
    unsigned vmas = 0;

    if (elf_load_program(path, &prog, &err)) {
        elf_program_free(&prog);
        return;
    }
    /* A failure is one ELF error and leaves nothing mapped. */
    if (!err || !g_error_matches(err, UEMU_ERROR, UEMU_ERROR_ELF)) {
        abort();
    }
    g_error_free(err);
    guest_vma_foreach(count_vma, &vmas);
    if (vmas) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool ready;
    g_autofree char *path = NULL;
    int fd;

    if (!ready) {
        path_set_prefix(NULL);
        fuzz_space_init();
        ready = true;
    }
    fd = memfd_create("fuzz-elfload", MFD_CLOEXEC);
    if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
        abort();
    }
    path = g_strdup_printf("/proc/self/fd/%d", fd);
    fuzz_load(path);
    close(fd);
    guest_space_destroy();
    fuzz_space_init();
    return 0;
}
