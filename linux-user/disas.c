// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * disas.c: AArch64 disassembly through capstone (see disas.h).
 *
 * One capstone handle per thread, opened on first use. Words capstone does
 * not know are shown as ".word 0x...", as a disassembler would.
 */
#include "disas.h"
#include "tcg/translator.h"

#include <capstone/capstone.h>
#include <glib.h>

static __thread csh disas_handle;
static __thread bool disas_ready;

static bool disas_open(void)
{
    if (!disas_ready) {
        disas_ready = cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &disas_handle) == CS_ERR_OK;
    }
    return disas_ready;
}

void disas_guest_insn(uint64_t pc, uint32_t insn, char *buf, size_t size)
{
    uint8_t bytes[4] = { insn, insn >> 8, insn >> 16, insn >> 24 };
    cs_insn *ci = NULL;

    if (disas_open() && cs_disasm(disas_handle, bytes, 4, pc, 1, &ci) == 1) {
        g_snprintf(buf, size, "%-8s %s", ci->mnemonic, ci->op_str);
        cs_free(ci, 1);
        return;
    }
    g_snprintf(buf, size, "%-8s 0x%08x", ".word", insn);
}

void disas_guest_block(FILE *out, uint64_t pc, unsigned count)
{
    char text[160];

    for (unsigned i = 0; i < count; i++, pc += 4) {
        uint32_t insn = translator_fetch_ok(pc, 4) ? translator_ldl(pc) : 0;
        disas_guest_insn(pc, insn, text, sizeof(text));
        fprintf(out, "0x%08" PRIx64 ":  %08x  %s\n", pc, insn, text);
    }
}
