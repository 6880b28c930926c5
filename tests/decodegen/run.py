#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""run.py: golden tests for target-arm/decodegen.py (meson suite 'decodegen').

    run.py --decodegen PATH [--cc "CC ARGS"] [--update] FILE.decode...

err_*.decode must make the generator fail, and its stderr must contain the
text of the file's `# error: TEXT` lines (FILE and LINE placeholders expand
to the file name and to the number of the line marked `# <- here`).

ok_*.decode must generate; the three outputs, concatenated, must equal
ok_*.ref (--update rewrites it: review the diff).  With --cc, the outputs are
compiled with a harness built from the file's `# expect WORD ROW f=v ...`
lines (`# expect WORD -` for no row): a64_decode_row() must return ROW with
those field values, and a64_decode() must call trans_ROW (or return false).
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile


def generate(decodegen, src, outdir):
    outs = [os.path.join(outdir, n) for n in
            ("out.h", "out.c.inc", "out-dispatch.c.inc")]
    proc = subprocess.run([sys.executable, decodegen, src,
                           "--header", outs[0], "--decoder", outs[1],
                           "--dispatch", outs[2]],
                          capture_output=True, text=True)
    return proc, outs


def check_err(args, src, text):
    name = os.path.basename(src)
    here = [i for i, l in enumerate(text.splitlines(), 1) if "# <- here" in l]
    wanted = [m.group(1).strip() for m in re.finditer(r"#\s*error:(.*)", text)]
    if not wanted:
        return ["%s: no '# error:' line" % name]
    with tempfile.TemporaryDirectory() as tmp:
        proc, _ = generate(args.decodegen, src, tmp)
    fails = []
    if proc.returncode != 1:
        fails.append("%s: exit status %d, expected 1" % (name, proc.returncode))
    for w in wanted:
        w = w.replace("FILE", name)
        if here:
            w = w.replace("LINE", str(here[0]))
        if w not in proc.stderr:
            fails.append("%s: stderr lacks %r; got:\n%s"
                         % (name, w, proc.stderr))
    return fails


def harness(header, text):
    """C source checking the `# expect` lines of a .decode file."""
    rows = re.findall(r"^bool trans_(\w+)\(DisasContext", header, re.M)
    c = ["#include <stdbool.h>", "#include <stddef.h>", "#include <stdint.h>",
         "#include <stdio.h>", "#include <string.h>", '#include "out.h"',
         "struct DisasContext { const char *called; };",
         '#include "out.c.inc"']
    for r in rows:
        c.append("bool trans_%s(DisasContext *s, arg_%s *a)\n"
                 "{\n    (void)a;\n    s->called = \"%s\";\n    return true;\n}"
                 % (r, r, r))
    c += ['#include "out-dispatch.c.inc"', "", "static int fails;",
          "#define CHECK(cond, ...) do { if (!(cond)) { fails++; "
          "printf(__VA_ARGS__); printf(\"\\n\"); } } while (0)",
          "", "int main(void)", "{", "    A64Args args;", "    DisasContext ctx;",
          "    int r;", ""]
    n = 0
    for m in re.finditer(r"#\s*expect\s+(\S+)\s+(\S+)(.*)", text):
        word, row, rest = m.group(1), m.group(2), m.group(3).split("#")[0]
        n += 1
        c.append("    r = a64_decode_row(%su, &args);" % word)
        c.append("    ctx.called = NULL;")
        if row == "-":
            c.append('    CHECK(r == -1, "%s: row %%d (%%s), expected none", r, '
                     'r >= 0 ? a64_decode_rows[r].name : "-");' % word)
            c.append('    CHECK(!a64_decode(&ctx, %su), "%s: a64_decode '
                     'returned true");' % (word, word))
            continue
        c.append('    CHECK(r >= 0 && strcmp(a64_decode_rows[r].name, "%s") == 0,'
                 ' "%s: row %%s, expected %s", r >= 0 ? a64_decode_rows[r].name'
                 ' : "none");' % (row, word, row))
        c.append("    if (r >= 0 && strcmp(a64_decode_rows[r].name, \"%s\") == 0) {"
                 % row)
        for fv in rest.split():
            f, v = fv.split("=")
            c.append('        CHECK(args.%s.%s == %s, "%s: %s.%s = %%d, expected '
                     '%s", args.%s.%s);' % (row, f, v, word, row, f, v, row, f))
        c.append("    }")
        c.append('    CHECK(a64_decode(&ctx, %su) && ctx.called && '
                 'strcmp(ctx.called, "%s") == 0, "%s: a64_decode did not call '
                 'trans_%s");' % (word, row, word, row))
    c += ['    printf("%%d expectations, %%d failures\\n", %d, fails);' % n,
          "    return fails != 0 || %d == 0;" % n, "}", ""]
    return "\n".join(c)


def check_ok(args, src, text):
    name = os.path.basename(src)
    ref = src[:-len(".decode")] + ".ref"
    fails = []
    with tempfile.TemporaryDirectory() as tmp:
        proc, outs = generate(args.decodegen, src, tmp)
        if proc.returncode != 0:
            return ["%s: generator failed:\n%s" % (name, proc.stderr)]
        got = ""
        for path in outs:
            with open(path, encoding="utf-8") as f:
                got += "==== %s ====\n%s" % (os.path.basename(path), f.read())
        if args.update:
            with open(ref, "w", encoding="utf-8") as f:
                f.write(got)
        try:
            with open(ref, encoding="utf-8") as f:
                want = f.read()
        except OSError:
            want = ""
        if got != want:
            diff = difflib.unified_diff(want.splitlines(True),
                                        got.splitlines(True),
                                        os.path.basename(ref), "generated")
            fails.append("%s: output differs from %s (run.py --update to "
                         "accept):\n%s" % (name, os.path.basename(ref),
                                           "".join(diff)))
        if args.cc:
            with open(outs[0], encoding="utf-8") as f:
                c = harness(f.read(), text)
            with open(os.path.join(tmp, "harness.c"), "w") as f:
                f.write(c)
            exe = os.path.join(tmp, "harness")
            cc = shlex.split(args.cc) + [
                "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-Wshadow",
                "-Wmissing-prototypes", "-Wstrict-prototypes", "-Wswitch",
                "-I", tmp, os.path.join(tmp, "harness.c"), "-o", exe]
            proc = subprocess.run(cc, capture_output=True, text=True)
            if proc.returncode != 0:
                return fails + ["%s: harness does not compile:\n%s"
                                % (name, proc.stderr)]
            proc = subprocess.run([exe], capture_output=True, text=True)
            sys.stdout.write("%s: %s" % (name, proc.stdout))
            if proc.returncode != 0:
                fails.append("%s: expectations failed" % name)
    return fails


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--decodegen", required=True)
    ap.add_argument("--cc", help="C compiler command for the harness")
    ap.add_argument("--update", action="store_true",
                    help="rewrite the .ref files of ok_* inputs")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    fails = []
    for src in args.files:
        with open(src, encoding="utf-8") as f:
            text = f.read()
        base = os.path.basename(src)
        if base.startswith("err_"):
            fails += check_err(args, src, text)
        elif base.startswith("ok_"):
            fails += check_ok(args, src, text)
        else:
            fails.append("%s: name must start with ok_ or err_" % base)
    for f in fails:
        print("FAIL: " + f)
    if not fails:
        print("PASS: %d file(s)" % len(args.files))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
