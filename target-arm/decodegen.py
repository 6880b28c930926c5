#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""decodegen.py: turn a .decode file into a C instruction decoder.

Build tool for target-arm (meson custom_target); stdlib only, Python 3.9+.
The input format is described at the top of target-arm/a64.decode and in
docs/internals/decoder.md.  From the rows we generate three files:

  HEADER    one arg_NAME typedef per row (shared struct per distinct field
            list, so families can share one code generator), a trans_NAME
            prototype per row, the union of all args, the row table type and
            the prototypes of the decoder and dispatcher;
  DECODER   (.c.inc) the row table and PREFIX_decode_row(): a decision tree of
            switches on chosen opcode bits, then mask/match tests in file
            order inside each leaf, which jump to one field extractor per row;
  DISPATCH  (.c.inc) PREFIX_decode(): decode, then call the row's trans_.

Rows may overlap only inside a priority group `{ ... }`, where the first
matching row in file order wins; every other overlap is an error naming both
rows.  Errors are printed as FILE:LINE: error: MESSAGE and exit with status 1.
"""

import argparse
import re
import sys

UNALLOC = "UNALLOC"          # row name of an unallocated carve-out
LEAF_MAX = 4                 # rows a leaf may test linearly before we split
SWITCH_MAX_BITS = 5          # widest switch the tree builder emits
DUP_WEIGHT = 1.0             # cost of copying rows into several cases
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(s?)([0-9]+)$")
BITS = re.compile(r"[01.\-]+$")
C_KEYWORDS = set("""auto break case char const continue default do double else
    enum extern float for goto if inline int long register restrict return
    short signed sizeof static struct switch typedef union unsigned void
    volatile while bool""".split())


class DecodeError(Exception):
    """A problem with the input; carries the list of formatted messages."""


class Field:
    def __init__(self, name, pos, width, signed):
        self.name, self.pos, self.width, self.signed = name, pos, width, signed

    def c_extract(self, prefix, var="insn"):
        if self.signed:
            return "%s_sextract(%s, %d, %d)" % (prefix, var, self.pos,
                                                self.width)
        if self.pos + self.width == 32:
            return "(int)(%s >> %d)" % (var, self.pos)
        return "(int)((%s >> %d) & 0x%x)" % (var, self.pos,
                                            (1 << self.width) - 1)


class Row:
    def __init__(self, name, line, mask, match, fields, cls, group):
        self.name, self.line = name, line
        self.mask, self.match = mask, match
        self.fields, self.cls, self.group = fields, cls, group
        self.index = -1

    @property
    def unalloc(self):
        return self.name == UNALLOC

    def where(self):
        return "%s (line %d)" % (self.name, self.line)


# -- Parsing ------------------------------------------------------------------

def parse_row(name, tokens, err):
    """Return (mask, match, fields) of one row, or None after err()."""
    mask = match = 0
    fields = []
    pos = 32
    for tok in tokens:
        m = FIELD.match(tok)
        if BITS.match(tok):
            for ch in tok:
                pos -= 1
                if ch in "01" and pos >= 0:
                    mask |= 1 << pos
                    match |= int(ch) << pos
        elif m:
            fname, signed, width = m.group(1), m.group(2) == "s", int(m.group(3))
            if width < 1 or width > 32:
                return err("field '%s' has width %d, must be 1..32"
                           % (fname, width))
            if fname in C_KEYWORDS:
                return err("field name '%s' is a C keyword" % fname)
            if any(f.name == fname for f in fields):
                return err("duplicate field '%s' in row %s" % (fname, name))
            pos -= width
            fields.append(Field(fname, pos, width, signed))
        else:
            return err("unknown token '%s' in row %s (expected 0, 1, ., -, "
                       "name:WIDTH or name:sWIDTH)" % (tok, name))
    if pos != 0:
        return err("row %s has %d bits, expected 32" % (name, 32 - pos))
    if name == UNALLOC and fields:
        return err("%s row cannot have fields" % UNALLOC)
    return mask, match, fields


def parse(path, text):
    rows, errors = [], []
    cls = None
    group = None          # (number, line) of the open priority group
    ngroups = 0
    group_rows = {}
    names = {}

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue

        def err(msg, lineno=lineno):
            errors.append("%s:%d: error: %s" % (path, lineno, msg))
            return None

        toks = line.split()
        if toks[0] == "{":
            if len(toks) > 1:
                err("'{' must be alone on its line")
            elif group:
                err("nested priority group (group opened at line %d)"
                    % group[1])
            else:
                ngroups += 1
                group = (ngroups, lineno)
                group_rows[ngroups] = []
        elif toks[0] == "}":
            if len(toks) > 1:
                err("'}' must be alone on its line")
            elif not group:
                err("'}' without an open priority group")
            else:
                if len(group_rows[group[0]]) < 2:
                    err("priority group opened at line %d has fewer than two "
                        "rows" % group[1])
                group = None
        elif toks[0].startswith("@"):
            if toks[0] != "@class":
                err("unknown directive '%s'" % toks[0])
            elif len(toks) != 2 or not IDENT.match(toks[1]):
                err("@class needs one identifier")
            else:
                cls = toks[1]
        else:
            name = toks[0]
            if not IDENT.match(name):
                err("bad row name '%s'" % name)
                continue
            if name != UNALLOC and name in names:
                err("duplicate row name %s (first defined at line %d)"
                    % (name, names[name]))
                continue
            if cls is None:
                err("row %s before any @class directive" % name)
                continue
            parsed = parse_row(name, toks[1:], err)
            if parsed is None:
                continue
            names[name] = lineno
            row = Row(name, lineno, parsed[0], parsed[1], parsed[2], cls,
                      group[0] if group else 0)
            if group:
                group_rows[group[0]].append(row)
            rows.append(row)
    if group:
        errors.append("%s:%d: error: priority group is never closed"
                      % (path, group[1]))
    if not errors:
        errors += check_overlaps(path, rows)
    if errors:
        raise DecodeError(errors)
    for i, row in enumerate(rows):
        row.index = i
    return rows


def overlap(a, b):
    """Two rows overlap iff they agree on every bit both of them fix."""
    return (a.mask & b.mask & (a.match ^ b.match)) == 0


def check_overlaps(path, rows):
    errors = []
    partners = {id(r): 0 for r in rows}
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if not overlap(a, b):
                continue
            if a.group and a.group == b.group:
                partners[id(a)] += 1
                partners[id(b)] += 1
                # b is dead if every word matching b also matches a.
                if (a.mask & ~b.mask) == 0 and ((a.match ^ b.match) & a.mask) == 0:
                    errors.append("%s:%d: error: row %s can never match: %s "
                                  "earlier in its priority group matches "
                                  "every word it matches"
                                  % (path, b.line, b.name, a.where()))
                continue
            errors.append("%s:%d: error: rows %s and %s overlap (both match "
                          "0x%08x); put them in one priority group { }"
                          % (path, b.line, a.where(), b.where(),
                             a.match | b.match))
    for r in rows:
        if r.unalloc and not r.group:
            errors.append("%s:%d: error: %s row outside a priority group "
                          "carves out nothing" % (path, r.line, UNALLOC))
        elif r.group and not partners[id(r)]:
            errors.append("%s:%d: error: row %s overlaps no other row of its "
                          "priority group; move it out of the group"
                          % (path, r.line, r.name))
    return errors


# -- Decision tree ------------------------------------------------------------

def partition(rows, bits):
    """Split rows by the values of `bits` (bits[0] is the most significant bit
    of the case value); a row that does not fix a bit goes to every case of
    it.  File order is kept inside each case."""
    n = len(bits)
    cases = {}
    for r in rows:
        base, free = 0, []
        for k, b in enumerate(bits):
            if (r.mask >> b) & 1:
                base |= ((r.match >> b) & 1) << (n - 1 - k)
            else:
                free.append(n - 1 - k)
        for combo in range(1 << len(free)):
            v = base
            for j, shift in enumerate(free):
                v |= ((combo >> j) & 1) << shift
            cases.setdefault(v, []).append(r)
    return cases


def choose_bits(rows, used):
    """Greedily pick up to SWITCH_MAX_BITS bits to switch on.  A pick must
    shrink the score: the largest case, inflated by the share of duplicated
    rows (a row that does not fix a bit is copied into both of its cases),
    which trades lookup length against code size.  Ties go to the higher bit,
    so the output is deterministic."""
    cand = [b for b in range(31, -1, -1)
            if not (used >> b) & 1 and any((r.mask >> b) & 1 for r in rows)]

    def score(cases):
        biggest = max(len(c) for c in cases.values())
        total = sum(len(c) for c in cases.values())
        dup = (total - len(rows)) / len(rows)
        return (biggest * (1 + DUP_WEIGHT * dup), total)

    chosen = []
    best = score({0: rows})
    while len(chosen) < SWITCH_MAX_BITS:
        pick = None
        for b in cand:
            if b not in chosen:
                sc = score(partition(rows, chosen + [b]))
                if pick is None or sc < pick[0]:
                    pick = (sc, b)
        if pick is None or pick[0] >= best:
            break
        best = pick[0]
        chosen.append(pick[1])
    return sorted(chosen, reverse=True)


def index_expr(bits):
    """C expression packing `bits` (descending) into a small integer: runs of
    adjacent bits are extracted together."""
    runs, k = [], len(bits)
    i = 0
    while i < len(bits):
        j = i
        while j + 1 < len(bits) and bits[j + 1] == bits[j] - 1:
            j += 1
        lo, width = bits[j], j - i + 1
        k -= width
        runs.append((lo, width, k))
        i = j + 1
    parts = []
    for lo, width, dst in runs:
        e = "((insn >> %d) & 0x%x)" % (lo, (1 << width) - 1)
        parts.append("(%s << %d)" % (e, dst) if dst else e)
    return " | ".join(parts)


def gen_leaf(rows, ind, out, used_rows):
    """Mask/match tests in file order; a hit jumps to the row's extractor
    (shared by every leaf the row was copied into)."""
    for r in rows:
        out.append("%sif ((insn & 0x%08xu) == 0x%08xu) %s   /* %s */\n"
                   % (ind, r.mask, r.match,
                      "return -1;" if r.unalloc else "goto row%d;" % r.index,
                      r.name))
        used_rows.add(r.index)
        if r.mask == 0:
            break
    out.append("%sreturn -1;\n" % ind)


def gen_tree(rows, used, ind, out, used_rows):
    bits = choose_bits(rows, used) if len(rows) > LEAF_MAX else []
    if not bits:
        gen_leaf(rows, ind, out, used_rows)
        return
    for b in bits:
        used |= 1 << b
    out.append("%sswitch (%s) {   /* bits %s */\n"
               % (ind, index_expr(bits), ",".join(map(str, bits))))
    for v, sub in sorted(partition(rows, bits).items()):
        out.append("%scase 0x%x:\n" % (ind, v))
        gen_tree(sub, used, ind + "    ", out, used_rows)
    out.append("%sdefault:\n%s    return -1;\n%s}\n" % (ind, ind, ind))


def gen_extractors(rows, prefix, out, used_rows):
    P = prefix.upper()
    for r in rows:
        if r.unalloc or r.index not in used_rows:
            continue
        out.append("row%d:   /* %s, line %d */\n" % (r.index, r.name, r.line))
        for f in r.fields:
            out.append("    args->%s.%s = %s;\n"
                       % (r.name, f.name, f.c_extract(prefix)))
        out.append("    return %s_ROW_%s;\n" % (P, r.name))


# -- Output -------------------------------------------------------------------

def banner(src, what):
    return ("/* %s: generated by target-arm/decodegen.py from %s.\n"
            " * Do not edit: change the .decode file instead. */\n"
            % (what, src))


def gen_header(rows, src, prefix, out_name):
    P = prefix.upper()
    guard = re.sub(r"[^A-Za-z0-9]", "_", out_name).upper()
    o = [banner(src, out_name)]
    o.append("#ifndef %s\n#define %s\n\n#include <stdbool.h>\n"
             "#include <stdint.h>\n\n" % (guard, guard))
    o.append("typedef struct DisasContext DisasContext;\n\n")
    o.append("/* -- Argument structs ----------------------------------------"
             "---------- */\n\n/* One struct per distinct field list (names "
             "and signedness), named after\n * its first row: rows of one "
             "family share a type and so can share one\n * code generator. "
             "Every row gets its arg_NAME typedef. */\n")
    structs = {}
    real = [r for r in rows if not r.unalloc]
    for r in real:
        key = tuple((f.name, f.signed) for f in r.fields)
        if key in structs:
            continue
        structs[key] = "%s_args_%s" % (prefix, r.name)
        o.append("struct %s {\n" % structs[key])
        for f in r.fields:
            o.append("    int %s;%s\n" % (f.name, "   /* signed */"
                                           if f.signed else ""))
        if not r.fields:
            o.append("    char unused;\n")
        o.append("};\n")
    o.append("\n")
    width = max([len(r.name) for r in real] + [1])
    for r in real:
        key = tuple((f.name, f.signed) for f in r.fields)
        o.append("typedef struct %s arg_%s;\n" % (structs[key], r.name))
    o.append("\n/* Row numbers: index into %s_decode_rows[]. */\nenum {\n"
             % prefix)
    for r in real:
        o.append("    %s_ROW_%-*s = %d,\n" % (P, width, r.name, r.index))
    o.append("    %s_DECODE_NROWS%s = %d\n};\n\n" % (P, " " * (width - 8),
                                                   len(rows)))
    o.append("typedef union %sArgs {\n" % P)
    for r in real:
        o.append("    arg_%-*s %s;\n" % (width, r.name, r.name))
    o.append("} %sArgs;\n\n" % P)
    o.append("""/* -- Row table -------------------------------------------------------- */

/* One field of a row: bits [pos, pos + width) of the word. */
typedef struct %(P)sDecodeField {
    const char *name;
    uint8_t pos, width;
    bool sign;                  /* sign-extended (name:sWIDTH) */
} %(P)sDecodeField;

/*
 * One row of the .decode file, in file order.  A word matches when
 * (word & mask) == match.  Rows of the same priority group (group != 0)
 * may overlap, the first one wins; rows named UNALLOC (unalloc = true)
 * carve unallocated encodings out of the rows after them in their group.
 */
typedef struct %(P)sDecodeRow {
    const char *name;
    uint32_t mask, match;
    const char *cls;            /* @class, for the instruction fuzzer */
    uint16_t group;             /* priority group number, 0 = none */
    bool unalloc;
    uint8_t nfields;
    const %(P)sDecodeField *fields;
} %(P)sDecodeRow;

extern const %(P)sDecodeRow %(p)s_decode_rows[];
extern const unsigned %(p)s_decode_nrows;

/*
 * %(p)s_decode_row: find the row that @insn belongs to and fill the
 * matching member of @args.  Returns the row index, or -1 when the word is
 * unallocated (no row, or an UNALLOC row).  Pure: no side effects.
 */
int %(p)s_decode_row(uint32_t insn, %(P)sArgs *args);

/*
 * %(p)s_decode: decode @insn and call its trans_NAME handler.  Returns false
 * when no row matches or the handler returns false (the caller then raises
 * an unallocated-encoding exception).
 */
bool %(p)s_decode(DisasContext *s, uint32_t insn);

/* -- Handlers: one per row, defined by the translator ------------------ */

""" % {"P": P, "p": prefix})
    for r in real:
        o.append("bool trans_%s(DisasContext *s, arg_%s *a);\n"
                 % (r.name, r.name))
    o.append("\n#endif /* %s */\n" % guard)
    return "".join(o)


def gen_decoder(rows, src, prefix, out_name):
    P = prefix.upper()
    o = [banner(src, out_name)]
    o.append("\n/* -- Row table %s */\n\n" % ("-" * 53))
    for r in rows:
        if r.fields:
            o.append("static const %sDecodeField %s_fields_row%d[] = {\n"
                     % (P, prefix, r.index))
            for f in r.fields:
                o.append('    { "%s", %d, %d, %s },\n'
                         % (f.name, f.pos, f.width,
                            "true" if f.signed else "false"))
            o.append("};\n")
    o.append("\nconst %sDecodeRow %s_decode_rows[] = {\n" % (P, prefix))
    for r in rows:
        flds = ("%s_fields_row%d" % (prefix, r.index)) if r.fields else "NULL"
        o.append('    { "%s", 0x%08x, 0x%08x, "%s", %d, %s, %d, %s },'
                 '   /* line %d */\n'
                 % (r.name, r.mask, r.match, r.cls, r.group,
                    "true" if r.unalloc else "false", len(r.fields), flds,
                    r.line))
    o.append("};\n\nconst unsigned %s_decode_nrows = %d;\n\n"
             % (prefix, len(rows)))
    o.append("/* -- Decision tree %s */\n\n" % ("-" * 49))
    o.append("static inline int %s_sextract(uint32_t v, int pos, int width)\n"
             "{\n    return (int32_t)(v << (32 - pos - width)) >> (32 - width);"
             "\n}\n\n" % prefix)
    o.append("int %s_decode_row(uint32_t insn, %sArgs *args)\n{\n"
             % (prefix, P))
    body, used_rows = [], set()
    gen_tree(rows, 0, "    ", body, used_rows)
    gen_extractors(rows, prefix, body, used_rows)
    o.append("".join(body))
    o.append("}\n")
    return "".join(o)


def gen_dispatch(rows, src, prefix, out_name):
    P = prefix.upper()
    o = [banner(src, out_name)]
    o.append("\nbool %s_decode(DisasContext *s, uint32_t insn)\n{\n"
             "    %sArgs args;\n\n"
             "    switch (%s_decode_row(insn, &args)) {\n" % (prefix, P, prefix))
    for r in rows:
        if not r.unalloc:
            o.append("    case %s_ROW_%s:\n        return trans_%s(s, &args.%s);\n"
                     % (P, r.name, r.name, r.name))
    o.append("    default:\n        return false;\n    }\n}\n")
    return "".join(o)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("--prefix", default="a64",
                    help="C name prefix (default a64)")
    ap.add_argument("--header", help="write the header here")
    ap.add_argument("--decoder", help="write the row table and decoder here")
    ap.add_argument("--dispatch", help="write the trans_ dispatcher here")
    args = ap.parse_args(argv)
    try:
        with open(args.input, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        print("%s: error: %s" % (args.input, e.strerror), file=sys.stderr)
        return 1
    src = args.input.replace("\\", "/").split("/")[-1]
    try:
        rows = parse(src, text)
    except DecodeError as e:
        for msg in e.args[0]:
            print(msg, file=sys.stderr)
        return 1
    outputs = [(args.header, gen_header), (args.decoder, gen_decoder),
               (args.dispatch, gen_dispatch)]
    for path, fn in outputs:
        if path:
            name = path.replace("\\", "/").split("/")[-1]
            with open(path, "w", encoding="utf-8") as f:
                f.write(fn(rows, src, args.prefix, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
