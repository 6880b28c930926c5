// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * unit.h: the common frame of our Check unit tests.
 *
 * A test file defines its suite function and ends with UNIT_TEST_MAIN(fn);
 * the runner prints Check's summary line and exits non-zero on any failure.
 * UNIT_BUILD_PATH/UNIT_SOURCE_PATH locate build outputs (guest programs) and
 * source files given relative to the tree roots meson passes in.
 */
#ifndef UEMU_UNIT_H
#define UEMU_UNIT_H

#include <check.h>
#include <stdlib.h>
#include <glib.h>

static inline char *unit_path(const char *root_env, const char *rel)
{
    const char *root = g_getenv(root_env);

    return g_build_filename(root ? root : ".", rel, NULL);
}

#define UNIT_BUILD_PATH(rel)  unit_path("UEMU_BUILD_ROOT", rel)
#define UNIT_SOURCE_PATH(rel) unit_path("UEMU_SOURCE_ROOT", rel)

#define UNIT_TEST_MAIN(suite_fn)                                    \
    int main(void)                                                  \
    {                                                               \
        SRunner *sr = srunner_create(suite_fn());                   \
        int failed;                                                 \
        srunner_run_all(sr, CK_NORMAL);                             \
        failed = srunner_ntests_failed(sr);                         \
        srunner_free(sr);                                           \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;                \
    }

#endif /* UEMU_UNIT_H */
