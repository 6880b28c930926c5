#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""cases.py: the real-program suite's table of truth.

One Case per test: a program of the arm64 sysroot (its path inside the
sysroot), its arguments, standard input, the data files it needs (generated
in a fresh working directory by FIXTURES, never downloaded) and how its result
is judged:

  - by default arm-uemu and qemu-aarch64 both run it, on the same sysroot,
    and must give the same stdout and exit status (stderr loosely);
  - with expect= (a literal stdout) and status=, arm-uemu alone runs it: for
    cases that execve another AArch64 program (sh -c 'a | b', xargs,
    find -exec, tar -z), which qemu-aarch64 cannot run without binfmt_misc.

KNOWN_FAILURES names the cases that fail today, each with its reason: they
are reported as skipped (exit 77) with the reason printed, so the list stays
honest and shrinks as the work lands; run-real.py --run-known runs them.

    cases.py            print "name timeout" for each case (meson reads it)
"""
import os
import random
import sys

# Slowdown of arm-uemu's interpreter over qemu-aarch64 is 15-30x: timeouts
# are in seconds of arm-uemu time, for a loaded 2-core CI machine.
QUICK = 60
SLOW = 180


class Case:
    def __init__(self, name, prog, args=(), stdin=None, fixtures=(),
                 files=None, env=None, expect=None, status=0,
                 timeout=QUICK):
        self.name = name
        self.prog = prog
        self.args = list(args)
        self.stdin = stdin.encode() if isinstance(stdin, str) else stdin
        self.fixtures = list(fixtures)
        self.files = dict(files or {})
        self.env = dict(env or {})
        self.expect = expect
        self.status = status
        self.timeout = timeout

    @property
    def compare_qemu(self):
        return self.expect is None


# --- Generated data -------------------------------------------------------
# Each fixture writes files into the working directory it is given. All are
# deterministic (fixed seeds, fixed times), so both emulators see the same.

FIXED_TIME = 1000000000  # 2001-09-09 01:46:40 UTC

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet "
         "kilo lima mike november oscar papa quebec romeo sierra tango "
         "uniform victor whiskey xray yankee zulu").split()


def _write(base, name, data, mode=0o644):
    path = os.path.join(base, name)
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)
    os.chmod(path, mode)
    os.utime(path, (FIXED_TIME, FIXED_TIME))


def fx_words(d):
    r = random.Random(5)
    lines = [" ".join(r.choice(WORDS) for _ in range(r.randint(1, 6)))
             for _ in range(400)]
    _write(d, "words.txt", "\n".join(lines) + "\n")


def fx_nums(d):
    r = random.Random(7)
    _write(d, "nums.txt", "".join("%d\n" % r.randint(-5000, 100000)
                               for _ in range(300)))


def fx_csv(d):
    r = random.Random(11)
    rows = ["id,name,city,amount"]
    for i in range(200):
        rows.append("%d,%s,%s,%d.%02d" % (i, r.choice(WORDS), r.choice(WORDS[:6]),
                                          r.randint(0, 999), r.randint(0, 99)))
    _write(d, "data.csv", "\n".join(rows) + "\n")


def fx_blob(d):
    r = random.Random(13)
    # Compressible but not trivial: random words mixed with random bytes.
    parts = []
    for i in range(3000):
        parts.append(r.choice(WORDS).encode() + bytes([r.randrange(256)]))
    _write(d, "blob.bin", b"".join(parts))


def fx_tree(d):
    r = random.Random(17)
    base = d
    for d in ("tree", "tree/src", "tree/src/lib", "tree/doc", "tree/empty"):
        os.makedirs(os.path.join(base, d), exist_ok=True)
    names = ["tree/README", "tree/src/main.c", "tree/src/util.c",
             "tree/src/util.h", "tree/src/lib/a.c", "tree/src/lib/b.c",
             "tree/doc/guide.txt", "tree/doc/notes.md"]
    for i, n in enumerate(names):
        body = "".join("%s %d\n" % (r.choice(WORDS), r.randint(0, 999))
                       for _ in range(5 + 40 * i))
        _write(base, n, body, 0o755 if n.endswith("main.c") else 0o644)
    link = os.path.join(base, "tree/main-link")
    os.symlink("src/main.c", link)
    os.utime(link, (FIXED_TIME, FIXED_TIME), follow_symlinks=False)
    for d in ("tree/src/lib", "tree/src", "tree/doc", "tree/empty", "tree"):
        os.utime(os.path.join(base, d), (FIXED_TIME, FIXED_TIME))


def fx_packed(d):
    """blob.bin compressed by Python's own gzip, bz2 and lzma, and a tar of
    generated members: input for the decompressors and tar -x."""
    import bz2
    import gzip
    import io
    import lzma
    import tarfile
    fx_blob(d)
    with open(os.path.join(d, "blob.bin"), "rb") as f:
        blob = f.read()
    _write(d, "blob.gz", gzip.compress(blob, mtime=0))
    _write(d, "blob.bz2", bz2.compress(blob))
    _write(d, "blob.xz", lzma.compress(blob))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for i, name in enumerate(["pkg/", "pkg/a.txt", "pkg/sub/",
                                  "pkg/sub/b.bin", "pkg/link"]):
            info = tarfile.TarInfo(name.rstrip("/"))
            info.mtime, info.uid, info.gid = FIXED_TIME, 0, 0
            info.uname = info.gname = "root"
            data = b""
            if name.endswith("/"):
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            elif name.endswith("link"):
                info.type, info.linkname = tarfile.SYMTYPE, "a.txt"
            else:
                data = blob[:1000 * (i + 1)]
                info.size, info.mode = len(data), 0o640
            t.addfile(info, io.BytesIO(data))
    _write(d, "pkg.tar", buf.getvalue())
    _write(d, "pkg.tar.gz", gzip.compress(buf.getvalue(), mtime=0))
    _write(d, "pkg.tar.xz", lzma.compress(buf.getvalue()))


FIXTURES = {
    "words": fx_words, "nums": fx_nums, "csv": fx_csv, "blob": fx_blob,
    "tree": fx_tree, "packed": fx_packed,
}

# --- The cases --------------------------------------------------------------

BB = "/bin/busybox"                       # busybox-static: a static binary
BBD = "/usr/local/bin/busybox-dynamic"    # Debian's busybox: dynamic
CASES = []


def case(*a, **k):
    CASES.append(Case(*a, **k))


# busybox-static applets (static binary).
case("bb-echo", BB, ["echo", "hello", "world"])
case("bb-ls", BB, ["ls", "-la", "tree"], fixtures=["tree"])
case("bb-cat", BB, ["cat", "words.txt"], fixtures=["words"])
case("bb-sort-uniq", BB, ["sh", "-c", "sort words.txt > s; uniq -d s | wc -l; "
                              "sort -u words.txt | tail -n 1"],
     fixtures=["words"], expect="24\nzulu tango charlie\n")
case("bb-sort", BB, ["sort", "-r", "words.txt"], fixtures=["words"])
case("bb-sort-n", BB, ["sort", "-n", "nums.txt"], fixtures=["nums"])
case("bb-uniq", BB, ["uniq", "-c"], stdin="a\na\nb\nc\nc\nc\n")
case("bb-wc", BB, ["wc", "words.txt", "nums.txt"], fixtures=["words", "nums"])
case("bb-sed", BB, ["sed", "-e", "s/\\(a[a-z]*\\)/<\\1>/g", "-e", "/zulu/d",
                    "words.txt"], fixtures=["words"])
case("bb-awk", BB, ["awk", "-F,", "NR>1 {s[$3]+=$4; n[$3]++} END "
                    "{for (k in s) printf \"%s %d %.2f\\n\", k, n[k], s[k]}",
                    "data.csv"], fixtures=["csv"])
case("bb-awk-sum", BB, ["awk", "-F,", "NR>1 {s+=$4} END {printf \"%.2f %d\\n\", s, NR}",
                        "data.csv"], fixtures=["csv"])
case("bb-grep", BB, ["grep", "-n", "-E", "^(alpha|zulu) ", "words.txt"],
     fixtures=["words"])
case("bb-grep-miss", BB, ["grep", "nomatch", "words.txt"], fixtures=["words"],
     status=1)
case("bb-tr", BB, ["tr", "a-z", "A-Z"], stdin="hello, arm world\n")
case("bb-cut", BB, ["cut", "-d,", "-f2,4", "data.csv"], fixtures=["csv"])
case("bb-head-tail", BB, ["head", "-n", "7", "words.txt"], fixtures=["words"])
case("bb-tail", BB, ["tail", "-c", "100", "words.txt"], fixtures=["words"])
case("bb-md5sum", BB, ["md5sum", "words.txt", "blob.bin"],
     fixtures=["words", "blob"])
case("bb-sha256sum", BB, ["sha256sum", "blob.bin"], fixtures=["blob"])
case("bb-tar", BB, ["tar", "-cf", "-", "tree/src"], fixtures=["tree"])
case("bb-tar-tv", BB, ["sh", "-c", "tar -cf t.tar tree/src/lib/a.c tree/doc/notes.md "
                           "&& tar -tvf t.tar"],
     fixtures=["tree"],
     expect="-rw-r--r-- root/root      1659 2001-09-09 01:46:40 tree/src/lib/a.c\n"
            "-rw-r--r-- root/root      2940 2001-09-09 01:46:40 tree/doc/notes.md\n")
case("bb-gzip", BB, ["gzip", "-9", "-c", "words.txt"], fixtures=["words"])
case("bb-gunzip", BB, ["sh", "-c",
                       "gzip -c blob.bin > b.gz && gunzip -c b.gz | md5sum"],
     fixtures=["blob"], expect="0c009225310fe84e7e8d0a44d40d8a90  -\n")
case("bb-find", BB, ["find", "tree", "-name", "*.c"], fixtures=["tree"])
case("bb-find-type", BB, ["find", "tree", "-type", "d"], fixtures=["tree"])
case("bb-expr", BB, ["expr", "12345", "*", "6789"])
case("bb-expr-false", BB, ["expr", "0", "+", "0"], status=1)
case("bb-seq", BB, ["seq", "-s", ",", "3", "7", "60"])
case("bb-printf", BB, ["printf", "%05d|%-6s|%x|%o|%.3f\\n", "42", "ab", "255",
                       "8", "3.14159"])
case("bb-date", BB, ["date", "-u", "-d", "@0"])
case("bb-od", BB, ["od", "-A", "x", "-t", "x1", "-N", "96", "blob.bin"],
     fixtures=["blob"])
case("bb-sh-builtins", BB, ["sh", "-c",
                            "i=0; while [ $i -lt 5 ]; do echo $((i*i)); "
                            "i=$((i+1)); done; set -- a b c; echo $# $2"])
case("bb-false", BB, ["false"], status=1)
case("bb-dynamic-sort", BBD, ["sort", "words.txt"], fixtures=["words"])
case("bb-dynamic-md5sum", BBD, ["md5sum", "blob.bin"], fixtures=["blob"])
# busybox cases that fork and execve (qemu-aarch64 cannot run the children).
case("bb-sh-pipeline", BB, ["sh", "-c", "seq 1 100 | grep 7 | wc -l"],
     expect="19\n")
case("bb-sh-subshell", BB, ["sh", "-c", "x=$(echo abc | tr a-c A-C); echo $x"],
     expect="ABC\n")
case("bb-xargs", BB, ["sh", "-c", "seq 1 5 | xargs -n 2 echo"],
     expect="1 2\n3 4\n5\n")
case("bb-find-exec", BB, ["find", "tree/src/lib", "-name", "b.c", "-exec",
                          "/bin/busybox", "wc", "-l", "{}", ";"],
     fixtures=["tree"], expect="205 tree/src/lib/b.c\n")

# coreutils (dynamic).
case("cu-ls-la", "/bin/ls", ["-la", "--time-style=+%F %T", "tree", "tree/src"],
     fixtures=["tree"])
case("cu-ls-R", "/bin/ls", ["-R", "tree"], fixtures=["tree"])
case("cu-sort-n", "/usr/bin/sort", ["-n", "nums.txt"], fixtures=["nums"])
case("cu-sort-k", "/usr/bin/sort", ["-t,", "-k3,3", "-k4,4gr", "data.csv"],
     fixtures=["csv"])
case("cu-sha256sum", "/usr/bin/sha256sum", ["words.txt", "blob.bin"],
     fixtures=["words", "blob"])
case("cu-base64", "/usr/bin/base64", ["blob.bin"], fixtures=["blob"])
case("cu-base64-d", "/usr/bin/base64", ["-d"], stdin="aGVsbG8sIHdvcmxkIQo=\n")
case("cu-tr", "/usr/bin/tr", ["-s", "a-z", "A-Z"], stdin="aabbcc hello\n")
case("cu-wc", "/usr/bin/wc", ["words.txt", "blob.bin"],
     fixtures=["words", "blob"])
case("cu-seq", "/usr/bin/seq", ["-w", "0", "7", "100"])
case("cu-factor", "/usr/bin/factor", ["1", "97", "1001", "600851475143",
                                      "18446744073709551557"])
case("cu-printf", "/usr/bin/printf", ["%s=%d %e %g\\n", "x", "-7", "1234.5",
                                      "0.0001"])
case("cu-stat", "/usr/bin/stat", ["-c", "%n %s %a %F %Y", "tree/README",
                                  "tree/src", "tree/main-link"],
     fixtures=["tree"])
case("cu-du", "/usr/bin/du", ["-a", "--apparent-size", "-b", "tree"],
     fixtures=["tree"])
case("cu-dd", "/bin/dd", ["if=blob.bin", "bs=1000", "skip=3", "count=5",
                          "status=none"], fixtures=["blob"])
case("cu-split", "/bin/sh", ["-c", "split -l 100 -d words.txt part- && wc -l part-*"],
     fixtures=["words"], expect=" 100 part-00\n 100 part-01\n 100 part-02\n"
     " 100 part-03\n 400 total\n")
case("cu-split-nofork", "/usr/bin/split", ["-n", "3", "blob.bin", "p-"],
     fixtures=["blob"])
case("cu-cat-n", "/bin/cat", ["-n", "-A", "words.txt"], fixtures=["words"])
case("cu-date", "/bin/date", ["-u", "-d", "@1234567890", "+%Y-%m-%d %H:%M:%S %A %j"])
case("cu-false", "/bin/false", [], status=1)
case("cu-sort-missing", "/usr/bin/sort", ["no-such-file"], status=2)

# grep, sed, gawk, diff, find.
case("grep-E", "/bin/grep", ["-c", "-E", "(echo|golf) [a-m]+", "words.txt"],
     fixtures=["words"])
case("grep-P", "/bin/grep", ["-o", "-P", "\\b(\\w)\\w*\\1\\b", "words.txt"],
     fixtures=["words"])
case("grep-r", "/bin/grep", ["-rn", "--include=*.c", "zulu", "tree"],
     fixtures=["tree"])
case("sed-E", "/bin/sed", ["-E", "s/([a-z]+) ([a-z]+)/\\2 \\1/; 5~7!d",
                           "words.txt"], fixtures=["words"])
case("sed-i", "/bin/sh", ["-c", "sed -i 's/a/A/g' words.txt && /bin/sed -n '1,5p' words.txt"],
     fixtures=["words"],
     expect="indiA xrAy limA zulu whiskey\n"
            "uniform quebec AlphA oscAr yAnkee hotel\n"
            "brAvo foxtrot deltA limA pApA hotel\n"
            "romeo deltA sierrA hotel\n"
            "xrAy\n")
case("gawk-report", "/usr/bin/gawk", [
    "-F,", "NR>1 {s[$3]+=$4; n[$3]++} END {PROCINFO[\"sorted_in\"]=\"@ind_str_asc\"; "
    "for (k in s) printf \"%-8s %3d %10.2f\\n\", k, n[k], s[k]}", "data.csv"],
    fixtures=["csv"])
case("gawk-funcs", "/usr/bin/gawk", [
    "function fib(n) { return n < 2 ? n : fib(n-1) + fib(n-2) } "
    "BEGIN { print fib(20); print toupper(substr(\"emulator\", 2, 4)); "
    "print sprintf(\"%x %o %c\", 255, 8, 65); n = split(\"a:b:c\", a, \":\"); "
    "print n, a[3]; print length(\"hello\"), index(\"hello\", \"ll\"); "
    "print 2^53 + 1, int(-3.7), sqrt(2), exp(1), atan2(1, 1) * 4 }"])
case("mawk", "/usr/bin/mawk", ["{ w += NF; c += length($0) + 1 } END { print NR, w, c }",
                               "words.txt"], fixtures=["words"])
case("diff", "/usr/bin/diff", ["-u", "tree/src/util.c", "tree/src/util.h"],
     fixtures=["tree"], status=1)
case("cmp", "/usr/bin/cmp", ["tree/src/util.c", "tree/src/util.h"],
     fixtures=["tree"], status=1)
case("find", "/usr/bin/find", ["tree", "-newer", "tree/README", "-o", "-size",
                               "+1k", "-printf", "%p %s %y\\n"],
     fixtures=["tree"])
case("find-xargs", "/bin/sh", ["-c", "find tree -name '*.c' | sort | xargs wc -c"],
     fixtures=["tree"],
     expect="1659 tree/src/lib/a.c\n"
            "2068 tree/src/lib/b.c\n"
            " 451 tree/src/main.c\n"
            " 852 tree/src/util.c\n"
            "5030 total\n")

# tar with the compressors.
case("gzip-roundtrip", "/bin/gzip", ["-c", "blob.bin"], fixtures=["blob"])
case("bzip2", "/bin/bzip2", ["-c", "blob.bin"], fixtures=["blob"])
case("xz", "/usr/bin/xz", ["-c", "-T1", "blob.bin"], fixtures=["blob"])
case("zstd", "/usr/bin/zstd", ["-c", "-q", "-T1", "blob.bin"], fixtures=["blob"])
case("tar-c", "/bin/tar", ["--sort=name", "--owner=0", "--group=0",
                           "--numeric-owner", "-cf", "-", "tree"],
     fixtures=["tree"])
case("tar-tv", "/bin/tar", ["--sort=name", "-cvf", "t.tar", "tree"],
     fixtures=["tree"])
# zstd's default asynchronous I/O needs threads: the case "zstd" has it.
for comp, flag in (("gzip", "-z"), ("bzip2", "-j"), ("xz", "-J"),
                   ("zstd", "-I 'zstd --no-asyncio'")):
    case("tar-%s" % comp, "/bin/sh", ["-c",
         "tar --sort=name %s -cf t.tar tree && mkdir out && "
         "tar %s -xf t.tar -C out && tar %s -tf t.tar | wc -l && "
         "diff -r tree out/tree && echo same" % (flag, flag, flag)],
         fixtures=["tree"], expect="14\nsame\n", timeout=SLOW)

# sqlite3, lua, perl, bash, python3.
SQL = """create table t(id integer primary key, name text, n real);
with recursive c(x) as (select 1 union all select x+1 from c where x < 500)
insert into t(name, n) select 'row' || x, x * 1.5 from c;
create index i on t(name);
select count(*), sum(n), avg(n), max(name) from t;
select name, n from t where id % 97 = 0 order by n desc;
update t set n = n * 2 where id < 10;
delete from t where id > 400;
select group_concat(id) from (select id from t where name like 'row1_' order by id);
select count(*), total(n) from t;
"""
case("sqlite3-mem", "/usr/bin/sqlite3", [":memory:"], stdin=SQL, timeout=SLOW)
case("sqlite3-file", "/usr/bin/sqlite3", ["test.db"], stdin=SQL +
     "vacuum;\npragma integrity_check;\n", timeout=SLOW)
case("lua-e", "/usr/bin/lua5.4", ["-e", """
local t = {}
for i = 1, 2000 do t[i] = (i * 7919) % 1009 end
table.sort(t)
local s = 0 for _, v in ipairs(t) do s = s + v end
print(s, t[1], t[#t], #t)
print(string.format("%5.2f %d %s %q", math.pi, 7 // 2, tostring(1e15), "a\\nb"))
local w = {} for k in ("the quick brown fox jumps"):gmatch("%a+") do w[#w+1] = k:upper() end
print(table.concat(w, "-"))
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print(fib(22), 2^53, math.maxinteger, 10 / 4, 3 % -2)
local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end)
print(co(), co(), co())
"""])
case("lua-file", "/usr/bin/lua5.4", ["count.lua", "words.txt"],
     fixtures=["words"], files={"count.lua": """
local counts = {}
for line in io.lines(arg[1]) do
  for w in line:gmatch("%S+") do counts[w] = (counts[w] or 0) + 1 end
end
local keys = {}
for k in pairs(counts) do keys[#keys+1] = k end
table.sort(keys, function(a, b) return counts[a] > counts[b] or
  (counts[a] == counts[b] and a < b) end)
for i = 1, 5 do print(keys[i], counts[keys[i]]) end
os.exit(3)
"""}, status=3)
case("perl-e", "/usr/bin/perl", ["-e", r"""
my %h; my @w = qw(pear apple fig banana cherry apple fig fig);
$h{$_}++ for @w;
print join(",", map { "$_=$h{$_}" } sort { $h{$b} <=> $h{$a} || $a cmp $b } keys %h), "\n";
my $s = "2024-01-15 and 1999-12-31";
while ($s =~ /(\d{4})-(\d\d)-(\d\d)/g) { printf "%s/%s/%s\n", $3, $2, $1 }
printf "%08.3f|%-5s|%x|%e\n", 3.14159, "ab", 48879, 12345.678;
my @n = sort { $a <=> $b } map { ($_ * 37) % 101 } 1..20; print "@n\n";
(my $t = "Hello World") =~ tr/a-zA-Z/n-za-mN-ZA-M/; print "$t\n";
print scalar(reverse("emulator")), " ", uc("abc"), " ", length("four"), "\n";
my $r = { list => [1, 2, 3], name => "x" }; print scalar(@{$r->{list}}), $r->{name}, "\n";
print 2**40, " ", int(7/2), " ", 7 % 3, " ", sprintf("%.10g", 1/3), "\n";
"""])
case("perl-file", "/usr/bin/perl", ["-ne", "print if /^(\\w+) \\1\\b/; END { print \"$.\\n\" }",
                                    "words.txt"], fixtures=["words"])
case("bash-script", "/bin/bash", ["script.sh"], files={"script.sh": r"""
set -e
fact() { local n=$1; if (( n <= 1 )); then echo 1; else echo $(( n * $(fact $((n-1))) )); fi; }
declare -A color=([apple]=red [banana]=yellow [grape]=purple)
for k in $(printf '%s\n' "${!color[@]}" | sort); do echo "$k is ${color[$k]}"; done
arr=(one two three four); echo "${#arr[@]} ${arr[2]} ${arr[@]:1:2}"
s="Hello, World"; echo "${s,,} ${s^^} ${s/World/ARM} ${#s} ${s:7}"
cat <<EOF
here-doc: $((6 * 7)) $(echo nested)
EOF
echo $(( 2**32 + 5 % 3 )) $(( -7 / 2 )) $(( 0x1f | 0100 ))
[[ "abc123" =~ ^([a-z]+)([0-9]+)$ ]] && echo "${BASH_REMATCH[2]}-${BASH_REMATCH[1]}"
case "$s" in H*) echo starts-with-H ;; esac
i=0; while read -r line; do i=$((i+1)); done < script.sh; echo "lines $i"
printf '%s|%5s|%-3d|\n' a b 7
exit 4
"""}, status=4,
     expect="apple is red\n"
            "banana is yellow\n"
            "grape is purple\n"
            "4 three two three\n"
            "hello, world HELLO, WORLD Hello, ARM 12 World\n"
            "here-doc: 42 nested\n"
            "4294967298 -3 95\n"
            "123-abc\n"
            "starts-with-H\n"
            "lines 15\n"
            "a|    b|7  |\n")
case("bash-pipeline", "/bin/bash", ["-c",
     "set -o pipefail; sort words.txt | uniq -c | sort -rn | sed -n 1,3p; "
     "echo ${PIPESTATUS[@]}"], fixtures=["words"],
     expect="      7 sierra\n      6 kilo\n      6 delta\n0 0 0 0\n")
case("bash-fact", "/bin/bash", ["-c", "f() { (( $1 <= 1 )) && echo 1 || "
                                "echo $(( $1 * $(f $(( $1 - 1 ))) )); }; f 10"],
     expect="3628800\n")
PY = r"""
import json, re, hashlib, math, zlib, itertools, collections
data = {"b": [1, 2, {"c": None}], "a": "\u00e9t\u00e9", "n": 1.5e300}
s = json.dumps(data, sort_keys=True); print(s, json.loads(s) == data)
print(re.findall(r"(\w)(\d+)", "a1 b22 c333"), re.sub(r"\s+", "_", " x  y z "))
print(hashlib.sha256(b"arm-uemu").hexdigest(), hashlib.md5(b"").hexdigest())
print(math.factorial(30), math.sqrt(2), math.pi * 1e10, math.gcd(1071, 462))
print(sorted(["pear", "Apple", "fig"], key=str.lower), sorted({3: 1, 1: 2}))
def gen(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b
print(list(gen(15)), sum(itertools.islice(gen(1000), 100, 101)))
z = zlib.compress(b"abc" * 1000); print(len(z), zlib.crc32(zlib.decompress(z)))
print(collections.Counter("mississippi").most_common(2), 2 ** 100, 10 / 3, -7 // 2)
print("%08.3f|%-5s|%x" % (3.14159, "ab", 48879), f"{12345.678:,.1f}")
"""
case("python3-c", "/usr/bin/python3.11", ["-c", PY], timeout=SLOW)
case("python3-S-c", "/usr/bin/python3.11", ["-S", "-c",
     "import sys; print(sys.version_info[:2], sorted(set('hello')), "
     "sum(i * i for i in range(1000)), 'abc'.upper(), 1 << 70)"],
     timeout=SLOW)
case("python3-script", "/usr/bin/python3.11", ["wc.py", "words.txt", "data.csv"],
     fixtures=["words", "csv"], timeout=SLOW, files={"wc.py": """
import sys, os, csv
for name in sys.argv[1:]:
    with open(name) as f:
        text = f.read()
    print(name, os.path.getsize(name), len(text.split()), text.count("\\n"))
with open("data.csv") as f:
    rows = list(csv.DictReader(f))
print(len(rows), round(sum(float(r["amount"]) for r in rows), 2))
sys.exit(5)
"""}, status=5)
case("jq", "/usr/bin/jq", ["-c", "[.[] | select(.n > 2) | {k: .k, sq: (.n * .n)}] | sort_by(-.sq)"],
     stdin='[{"k":"a","n":1},{"k":"b","n":3},{"k":"c","n":5},{"k":"d","n":2.5}]')
case("file", "/usr/bin/file", ["-b", "words.txt", "blob.bin", "tree",
                               "/bin/busybox"], fixtures=["words", "blob", "tree"])

# More coverage per program: cheap cases (the interpreter is a few times
# slower than qemu-aarch64 here, not tens).
case("bb-uname", BB, ["uname", "-m"])
case("bb-sed-hold", BB, ["sed", "-n", "1!G;h;$p", "nums.txt"], fixtures=["nums"])
case("bb-grep-vwic", BB, ["grep", "-v", "-w", "-i", "-c", "ALPHA", "words.txt"],
     fixtures=["words"])
case("bb-gunzip-file", BB, ["gunzip", "-c", "blob.gz"], fixtures=["packed"])
case("bb-bunzip2", BB, ["bunzip2", "-c", "blob.bz2"], fixtures=["packed"])
case("bb-unxz", BB, ["unxz", "-c", "blob.xz"], fixtures=["packed"])
case("bb-tar-x", BB, ["tar", "-xvf", "pkg.tar"], fixtures=["packed"])
case("bb-tar-tzvf", BB, ["tar", "-tzvf", "pkg.tar.gz"], fixtures=["packed"])
case("bb-cpio-like", BB, ["sh", "-c", "mkdir -p a/b && echo x > a/b/f && "
                          "cp -r a c && mv c d && ls -R d && rm -r a d && ls"],
     expect="d:\nb\n\nd/b:\nf\n")
case("bb-readlink-exe", BB, ["readlink", "/proc/self/exe"])
# The environment's order is not compared: qemu-aarch64 reverses it.
case("bb-environ", BB, ["awk", "BEGIN {print ENVIRON[\"FOO\"] \"|\" ENVIRON[\"HOME\"] "
                           "\"|\" ENVIRON[\"TZ\"]}"], env={"FOO": "bar baz"})
case("bb-dynamic-awk", BBD, ["awk", "{n[$1]++} END {for (w in n) print w, n[w]}",
                             "words.txt"], fixtures=["words"])
case("bb-dynamic-sh", BBD, ["sh", "-c", "for i in 1 2 3; do echo $i; done; "
                            "echo ${#PATH} $((7 << 3))"])
case("dash-builtins", "/bin/dash", ["-c", "x=5; while [ $x -gt 0 ]; do "
                                    "printf '%d ' $x; x=$((x-1)); done; echo; "
                                    "case abc in a*) echo yes;; esac; "
                                    "read a b; echo \"$b/$a\"; exit 7"],
     stdin="first second\n", status=7)
case("cu-uname", "/bin/uname", ["-m", "-s"])
case("cu-id", "/usr/bin/id", ["-u"])
case("gawk-environ", "/usr/bin/gawk", ["BEGIN {PROCINFO[\"sorted_in\"] = \"@ind_str_asc\"; "
                                       "for (k in ENVIRON) print k \"=\" ENVIRON[k]}"],
     env={"FOO": "bar"})
case("cu-cmdline", "/usr/bin/od", ["-c", "/proc/self/cmdline"])
case("cu-pwd-realpath", "/usr/bin/realpath", ["-e", "--relative-to=tree/src",
                                              "tree/main-link", "tree/doc"],
     fixtures=["tree"])
case("cu-files", "/bin/mkdir", ["-p", "-v", "x/y/z"])
case("cu-touch", "/bin/touch", ["-d", "2001-02-03 04:05:06", "t"])
case("cu-cp-r", "/bin/cp", ["-rv", "tree", "copy"], fixtures=["tree"])
case("cu-ln-readlink", "/bin/ln", ["-sv", "tree/README", "r"], fixtures=["tree"])
case("cu-truncate", "/usr/bin/truncate", ["-s", "1234", "blob.bin"],
     fixtures=["blob"])
case("cu-rm-r", "/bin/rm", ["-rv", "tree/src"], fixtures=["tree"])
case("cu-chmod", "/bin/chmod", ["-v", "-R", "go-rwx", "tree/doc"],
     fixtures=["tree"])
case("cu-text", "/bin/sh", ["-c", "tac words.txt | nl | tail -3; "
                            "head -20 words.txt | fold -w 9 | sort -u | head -4; "
                            "paste -d: nums.txt nums.txt | tail -2; cksum words.txt; "
                            "seq 6 | shuf --random-source=words.txt | tsort | tr '\\n' ' '"],
     fixtures=["words", "nums"],
     expect="   398\tbravo foxtrot delta lima papa hotel\n"
            "   399\tuniform quebec alpha oscar yankee hotel\n"
            "   400\tindia xray lima zulu whiskey\n"
            " hotel\n"
            " juliet\n"
            " romeo\n"
            "a\n"
            "90814:90814\n"
            "-1202:-1202\n"
            "1887402078 8474 words.txt\n"
            "4 5 6 1 2 3 ")
case("cu-join", "/usr/bin/join", ["-t,", "-1", "1", "-2", "1", "a.csv", "b.csv"],
     files={"a.csv": "1,x\n2,y\n4,z\n", "b.csv": "1,one\n3,three\n4,four\n"})
case("cu-numfmt", "/usr/bin/numfmt", ["--to=iec-i", "--suffix=B", "1023",
                                      "1048576", "123456789"])
case("cu-sleep", "/bin/sleep", ["0.2"])
case("cu-sha512", "/usr/bin/sha512sum", ["blob.bin"], fixtures=["blob"])
case("cu-b2sum", "/usr/bin/b2sum", ["blob.bin"], fixtures=["blob"])
case("cu-shuf", "/usr/bin/shuf", ["--random-source=blob.bin", "-i", "1-20"],
     fixtures=["blob"])
case("cu-csplit", "/usr/bin/csplit", ["-f", "cs", "nums.txt", "/^-/", "{3}"],
     fixtures=["nums"])
case("gzip-d", "/bin/gzip", ["-dc", "blob.gz"], fixtures=["packed"])
case("bzip2-d", "/bin/bzip2", ["-dc", "blob.bz2"], fixtures=["packed"])
case("xz-d", "/usr/bin/xz", ["-dc", "blob.xz"], fixtures=["packed"])
case("xz-l", "/usr/bin/xz", ["-lv", "blob.xz"], fixtures=["packed"])
case("zstd-single", "/usr/bin/zstd", ["-c", "-q", "--single-thread",
                                      "--no-asyncio", "-19",
                                      "blob.bin"], fixtures=["blob"])
case("tar-xv", "/bin/tar", ["-xvf", "pkg.tar"], fixtures=["packed"])
case("tar-tv-gz", "/bin/tar", ["-tvzf", "pkg.tar.gz"], fixtures=["packed"])
case("tar-xJ", "/bin/sh", ["-c", "tar -xJf pkg.tar.xz && cmp pkg/a.txt "
                           "blob.bin 2>&1; ls -l pkg | wc -l"],
     fixtures=["packed"], expect="cmp: EOF on pkg/a.txt after byte 2000, "
     "in line 2\n4\n", timeout=SLOW)
case("sqlite3-json", "/usr/bin/sqlite3", ["-header", "-column", ":memory:",
     "select json_extract('{\"a\":[1,2,{\"b\":3}]}', '$.a[2].b') as b, "
     "printf('%08.3f', 3.14159) as p, hex(zeroblob(2)) as h, "
     "sum(x) over (order by x) as w from (select 1 as x union select 2) "
     "order by w;"])
case("sqlite3-csv", "/usr/bin/sqlite3", [":memory:", "-cmd", ".import --csv data.csv d",
     "select city, count(*), round(sum(amount), 2) from d group by city order by 1;"],
     fixtures=["csv"])
case("lua-io", "/usr/bin/lua5.4", ["-e", """
local f = assert(io.open("out.txt", "w")) for i = 1, 100 do f:write(i, "\\n") end f:close()
local n = 0 for l in io.lines("out.txt") do n = n + tonumber(l) end print(n)
print(string.pack(">I4", 0x41424344), #string.pack("d", 1.5), ("x"):rep(3, ","))
print(os.time({year=2001, month=9, day=9, hour=1, min=46, sec=40}), os.date("!%Y-%m-%d", 0))
print(pcall(error, "boom"), select("#", 1, nil, 3), math.type(1), math.type(1.0))
print(utf8.char(233, 8364), utf8.len("\\u{e9}x"), string.byte("A"), ("%d"):format(3.0))
"""])
case("perl-posix", "/usr/bin/perl", ["-MPOSIX=floor,ceil,strftime", "-MList::Util=sum,max,first",
     "-e", "print floor(-3.5), ceil(3.2), ' ', sum(1..100), ' ', max(3, 9, 2), ' ', "
     "(first { $_ > 3 } 1..9), ' ', strftime('%Y-%m-%d', gmtime(86400 * 365)), \"\\n\"; "
     "open(my $fh, '<', 'words.txt') or die; my %c; while (<$fh>) { $c{$_}++ for split } "
     "printf \"%d %d\\n\", scalar(keys %c), $.;"], fixtures=["words"])
case("perl-system", "/usr/bin/perl", ["-e", "my $o = `/bin/echo sub`; print \"got $o\"; "
     "system('/bin/true') == 0 or die; print $? >> 8, \"\\n\"; "
     "exit(system('/bin/sh', '-c', 'exit 3') >> 8)"],
     expect="got sub\n0\n", status=3)
case("python3-subprocess", "/usr/bin/python3.11", ["-c",
     "import subprocess; r = subprocess.run(['/bin/echo', 'hi'], capture_output=True); "
     "print(r.returncode, r.stdout); print(subprocess.call(['/bin/false']))"],
     expect="0 b'hi\\n'\n1\n", timeout=SLOW)
case("python3-sqlite", "/usr/bin/python3.11", ["-c",
     "import sqlite3; c = sqlite3.connect(':memory:'); "
     "c.execute('create table t(x)'); c.executemany('insert into t values(?)', "
     "[(i,) for i in range(100)]); print(c.execute('select sum(x), count(*) from t').fetchone())"],
     timeout=SLOW)
case("python3-os", "/usr/bin/python3.11", ["-c",
     "import os, tempfile, pathlib, shutil; d = tempfile.mkdtemp(dir='.'); "
     "p = pathlib.Path(d, 'f.txt'); p.write_text('x' * 1000); "
     "print(sorted(os.listdir(d)), p.stat().st_size, os.path.isdir(d)); "
     "shutil.rmtree(d); print(os.path.exists(d), os.getcwd() == os.environ['PWD'])"],
     timeout=SLOW)
case("python3-modules", "/usr/bin/python3.11", ["-c", r"""
import decimal, random, statistics, struct, unicodedata, bz2, lzma, datetime
import fractions, hashlib, array, cmath
random.seed(3); print(random.random(), random.sample(range(100), 5))
print(decimal.Decimal(1) / decimal.Decimal(7), fractions.Fraction(3, 7) ** 5,
      statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(struct.pack("<dqf", 1.1, -2, 3.3).hex(), unicodedata.name("\u00e9"),
      len(bz2.compress(b"x" * 10000)), len(lzma.compress(b"y" * 10000)))
print(datetime.datetime(2020, 2, 29, 12) + datetime.timedelta(days=400),
      hashlib.sha512(b"a").hexdigest()[:16], hashlib.sha1(b"a").hexdigest()[:8],
      hashlib.blake2b(b"a").hexdigest()[:8], hashlib.sha3_256(b"a").hexdigest()[:8])
print(array.array("d", [1.5, 2.25]).tobytes().hex(), cmath.sqrt(-4),
      float("1e308") * 10, round(2.675, 2), 1e-320, (0.1).hex(), int("9" * 50) // 7)
"""], timeout=SLOW)
case("perl-pack", "/usr/bin/perl", ["-e", r"""
print unpack("H*", pack("d< q< f< n N w", 1.1, -2, 3.3, 513, 65536, 300)), "\n";
printf "%.15g %.3e %g %s %d\n", 0.1 + 0.2, 6.02214076e23, 1e-5, 9**20, -7 / 2;
my @s = sort { $a <=> $b } map { sin($_) * 1000 } 1..10; printf "%.6f ", $_ for @s; print "\n";
print join(",", map { sprintf "%08b", $_ } 5, 255), " ", oct("0x1F"), " ", hex("ff"), "\n";
my $x = "aXbXc"; my @p = split /X/, $x; print scalar(@p), " ", lc("ÀB"), " ", ucfirst("perl"), "\n";
"""])
case("jq-file", "/usr/bin/jq", ["-r", "--arg", "w", "x",
     "to_entries | map(\"\\(.key)=\\(.value | tostring)\") | join(\",\") + $w"],
     stdin='{"b": [1, 2], "a": {"c": null}, "n": 3.5}')
case("file-magic", "/usr/bin/file", ["-b", "--mime", "blob.gz", "blob.xz",
                                     "pkg.tar", "/bin/ls"], fixtures=["packed"])

# Cases that fail today, with the reason; reported as skipped (exit 77).
# Remove a line when its case passes.
KNOWN_FAILURES = {
}

BY_NAME = {c.name: c for c in CASES}
assert len(BY_NAME) == len(CASES), "duplicate case names"
assert all(k in BY_NAME for k in KNOWN_FAILURES), "unknown case in KNOWN_FAILURES"

if __name__ == "__main__":
    for c in CASES:
        # Meson's timeout: the emulators' own limits, qemu-aarch64 included.
        sys.stdout.write("%s %d\n" % (c.name, c.timeout * 2 + 30))
