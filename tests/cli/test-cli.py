#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-cli.py: arm-uemu as a user meets it: options, usage errors, bad files.

    test-cli.py EMU GUEST_DIR

Every case runs the real executable and checks its exit status and the
exact first line it prints. Bad input must give one line naming the
problem (plus the -h hint for usage errors) and exit 1, never a crash.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

EMU = None
GUEST = None


def run(*args, env=None):
    e = dict(os.environ)
    for k in list(e):
        if k.startswith("QEMU_") or k == "ARM_UEMU_ACCEL":
            del e[k]
    e.update(env or {})
    p = subprocess.run([EMU] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=e, timeout=120)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


class Usage(unittest.TestCase):
    def assert_usage_error(self, args, line, env=None):
        rc, out, err = run(*args, env=env)
        self.assertEqual(rc, 1)
        self.assertEqual(err.splitlines(),
                         ["arm-uemu: " + line,
                          "Try 'arm-uemu -h' for more information."])

    def test_help_lists_options_and_exits_0(self):
        rc, out, err = run("-h")
        self.assertEqual(rc, 0)
        self.assertTrue(out.startswith("usage: arm-uemu [options] program"))
        for opt in ("-L path", "-d item", "-plugin", "-cpu model", "-B address",
                    "-R size", "-E var=value", "-U var", "-0 argv0", "-s size"):
            self.assertIn(opt, out)

    def test_version_exits_0(self):
        rc, out, err = run("-version")
        self.assertEqual(rc, 0)
        self.assertRegex(out, r"^arm-uemu version \d+\.\d+")

    def test_no_program(self):
        self.assert_usage_error([], "no guest program given")

    def test_unknown_option(self):
        self.assert_usage_error(["-bogus", "x"], "unknown option '-bogus'")

    def test_missing_argument(self):
        self.assert_usage_error(["-L"], "option '-L' needs an argument (path)")

    def test_bad_log_item_from_environment(self):
        self.assert_usage_error(
            ["x"], "environment variable QEMU_LOG: unknown log item 'bogus' "
            "(see '-d help')", env={"QEMU_LOG": "bogus"})

    def test_bad_reserved_va(self):
        rc, out, err = run("-R", "lots", "x")
        self.assertEqual(rc, 1)
        self.assertTrue(err.startswith("arm-uemu: option '-R': "), err)

    def test_log_help_lists_page(self):
        rc, out, err = run("-d", "help")
        self.assertEqual(rc, 0)
        self.assertIn("page", out)


class BadFiles(unittest.TestCase):
    def assert_elf_error(self, path, reason, *opts):
        rc, out, err = run(*opts, path)
        self.assertEqual(rc, 1, err)
        self.assertEqual(err.splitlines(), ["arm-uemu: %s: %s" % (path, reason)])

    def test_missing_file(self):
        self.assert_elf_error("/nonexistent/prog",
                              "cannot open: No such file or directory")

    def test_text_file_is_not_elf(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
            f.write("#!/bin/sh\necho hi\n" * 10)
            f.flush()
            self.assert_elf_error(f.name, "not an ELF file")

    def test_host_binary_is_wrong_machine(self):
        self.assert_elf_error("/bin/true", "is an x86-64 ELF, not AArch64")

    def test_truncated_elf(self):
        with open(os.path.join(GUEST, "hello-static"), "rb") as src:
            head = src.read(40)
        with tempfile.NamedTemporaryFile(suffix=".elf") as f:
            f.write(head)
            f.flush()
            self.assert_elf_error(f.name, "truncated ELF header")

    def test_dynamic_without_sysroot_names_interpreter(self):
        path = os.path.join(GUEST, "hello-dynamic")
        rc, out, err = run(path)
        if os.path.exists("/lib/ld-linux-aarch64.so.1"):
            self.skipTest("host has the AArch64 interpreter installed")
        self.assertEqual(rc, 1)
        self.assertIn("interpreter /lib/ld-linux-aarch64.so.1 not found", err)
        self.assertEqual(len(err.splitlines()), 1)

    def test_plugin_loading_reports_plugin_name(self):
        rc, out, err = run("-plugin", "./libnothing.so",
                           os.path.join(GUEST, "hello-static"))
        self.assertEqual(rc, 1)
        self.assertEqual(err, "arm-uemu: Could not load plugin ./libnothing.so: "
                         "./libnothing.so: cannot open shared object file: "
                         "No such file or directory\n")
        self.assertEqual(out, "")

    def test_plugin_bare_name_not_found_anywhere(self):
        # Looked up beside the emulator, in the install directory, then on
        # the library path (never the current directory, as in QEMU).
        rc, out, err = run("-plugin", "libnothing.so,k=v",
                           os.path.join(GUEST, "hello-static"))
        self.assertEqual(rc, 1)
        self.assertEqual(err, "arm-uemu: Could not load plugin libnothing.so: "
                         "libnothing.so: cannot open shared object file: "
                         "No such file or directory\n")
        self.assertEqual(out, "")


class PageLog(unittest.TestCase):
    def test_page_log_prints_map_and_layout(self):
        rc, out, err = run("-d", "page", os.path.join(GUEST, "hello-static"))
        lines = err.splitlines()
        self.assertTrue(lines[0].startswith("guest_base  0x"), lines[0])
        self.assertEqual(lines[1], "page layout changed following binary load")
        self.assertEqual(lines[2], "start            end              size"
                                   "             prot")
        self.assertRegex(lines[3], r"^0000000000400000-[0-9a-f]{16} [0-9a-f]{16} r-x$")
        for field in ("start_brk", "end_code", "start_code", "start_data",
                      "end_data", "start_stack", "brk", "entry", "argv_start",
                      "env_start", "auxv_start"):
            self.assertTrue(any(l.startswith(field + " ") for l in lines), field)

    def test_page_log_to_file_with_D(self):
        with tempfile.TemporaryDirectory() as d:
            log = os.path.join(d, "log")
            run("-d", "page", "-D", log, os.path.join(GUEST, "hello-static"))
            with open(log) as f:
                self.assertIn("page layout changed following binary load",
                              f.read())


class PluginOutput(unittest.TestCase):
    """Without any -d, loading a plugin shows its output (QEMU would need
    -d plugin); a -d list decides alone, as in QEMU."""
    TABLE = re.compile(r"^syscall no\.\s+calls\s+errors$", re.M)

    def test_plain_plugin_run_prints_the_syscall_table(self):
        rc, out, err = run("-plugin", "libsyscalls.so",
                           os.path.join(GUEST, "hello-static"))
        self.assertEqual(rc, 0)
        self.assertEqual(out, "Hello from AArch64!\n")
        self.assertRegex(err, self.TABLE)

    def test_log_list_without_plugin_item_hides_plugin_output(self):
        rc, out, err = run("-d", "page", "-D", os.devnull, "-plugin",
                           "libsyscalls.so", os.path.join(GUEST, "hello-static"))
        self.assertEqual(rc, 0)
        self.assertEqual(err, "")


def signal_lines(text):
    """The -strace lines of signals taken, with what varies run to run hidden."""
    out = []
    for line in text.splitlines():
        if line.startswith("--- "):
            line = re.sub(r"si_pid=\d+", "si_pid=N", line)
            line = re.sub(r"si_([us]time)=\d+", r"si_\1=N", line)
            out.append(line)
    return out


class Strace(unittest.TestCase):
    CASES = [("faults-static", "segv-read"), ("faults-static", "trap"),
             ("signals-static", "sigterm"), ("signals-static", "sigchld")]

    def test_strace_signal_lines_as_qemu_prints_them(self):
        want = {
            "segv-read": ["--- SIGSEGV {si_signo=SIGSEGV, si_code=1, "
                          "si_addr=0x0000000000000010} ---"],
            "sigterm": ["--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, "
                        "si_pid=N, si_uid=%d} ---" % os.getuid()],
        }
        qemu = shutil.which("qemu-aarch64")
        for prog, mode in self.CASES:
            path = os.path.join(GUEST, prog)
            rc, out, err = run("-strace", path, mode)
            got = signal_lines(err)
            self.assertEqual(len(got), 1, err[-2000:])
            if mode in want:
                self.assertEqual(got, want[mode])
            if qemu:
                q = subprocess.run([qemu, "-strace", path, mode],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=120)
                self.assertEqual(got, signal_lines(q.stderr.decode()), mode)

    def test_log_file_keeps_the_lines_of_the_image_before_execve(self):
        with tempfile.TemporaryDirectory() as d:
            log = os.path.join(d, "log")
            with open(log, "w") as f:
                f.write("stale line of an earlier run\n")
            rc, out, err = run("-d", "strace", "-D", log,
                               os.path.join(GUEST, "process-static"), "replace")
            self.assertEqual(rc, 0, err)
            self.assertEqual(out, "child: argc=3 [child] [0] var=(unset)\n")
            with open(log) as f:
                text = f.read()
        self.assertNotIn("stale line", text)     # the first image truncates
        first = text.index(" execve(")           # the first image's lines
        self.assertRegex(text[first:], r"\n\d+ exit_group\(0\)\n$")
        self.assertRegex(text, r"^\d+ ")
        self.assertNotIn("-log-append", text)

    def test_log_append_is_not_listed_in_help(self):
        rc, out, err = run("-h")
        self.assertEqual(rc, 0)
        self.assertNotIn("log-append", out)


if __name__ == "__main__":
    EMU, GUEST = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
