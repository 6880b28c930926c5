// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * replay.c: run a fuzz corpus through a libFuzzer target without libFuzzer.
 *
 *     fuzz-elfload-replay tests/fuzz/corpus/elfload
 *
 * Linked with one fuzz-*.c target, it feeds every regular file of the
 * directory to LLVMFuzzerTestOneInput() in name order, so the corpus is
 * part of the normal test suite (suite 'fuzz') with any compiler. A crash
 * fails the test; so does an empty or missing corpus, which would
 * otherwise pass silently.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files of @dir, sorted by name; NULL if it cannot be read. */
static GPtrArray *corpus_files(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    GPtrArray *files;
    const char *name;

    if (!d) {
        return NULL;
    }
    files = g_ptr_array_new_with_free_func(g_free);
    while ((name = g_dir_read_name(d))) {
        char *path = g_build_filename(dir, name, NULL);

        if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
            g_ptr_array_add(files, path);
        } else {
            g_free(path);
        }
    }
    g_dir_close(d);
    g_ptr_array_sort(files, compare_names);
    return files;
}

int main(int argc, char **argv)
{
    g_autoptr(GPtrArray) files = NULL;

    if (argc != 2) {
        fprintf(stderr, "usage: %s CORPUS-DIR\n", argv[0]);
        return EXIT_FAILURE;
    }
    files = corpus_files(argv[1]);
    if (!files || files->len == 0) {
        fprintf(stderr, "%s: no corpus files in %s\n", argv[0], argv[1]);
        return EXIT_FAILURE;
    }
    for (guint i = 0; i < files->len; i++) {
        const char *path = g_ptr_array_index(files, i);
        g_autofree char *data = NULL;
        gsize len;

        if (!g_file_get_contents(path, &data, &len, NULL)) {
            fprintf(stderr, "%s: cannot read %s\n", argv[0], path);
            return EXIT_FAILURE;
        }
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    }
    printf("replayed %u inputs from %s\n", files->len, argv[1]);
    return EXIT_SUCCESS;
}
