/* packet-tlsexplain-lines.c: an explanation as lines under its field.
 *
 * Tree labels are cut at ITEM_LABEL_LENGTH bytes, a few dozen Chinese
 * characters, and many explanations are longer: the GUI and tshark -V show
 * every one, short or long, as lines of text of one width under its field,
 * whose own label only says what it is.  tshark -T fields builds
 * them too (its tree is a visible one), for every step it prints, so the
 * lines of the explanation tables' texts are worked out once.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

/* Lines are measured in columns, a Chinese character taking two: 100
 * columns are 100 Latin letters or 50 Chinese characters (150 bytes, well
 * within a label). */
#define EXPLAIN_LINE_COLUMNS 100
#define EXPLAIN_MAX_LINES 64

/* The lengths in bytes of a text's lines: each breaks after the last space
 * or CJK comma, full stop or semicolon that fits, preferring the punctuation
 * when it leaves the line at least 3/5 full (Chinese mixes in English words,
 * whose spaces make poor breaks).  A last few columns join the line before
 * rather than stand alone. */
#define EXPLAIN_ORPHAN_COLUMNS 12

/* The character at s, where the next starts, and its columns.  Most
 * explanations are ASCII, one byte and one column a character: no need to
 * decode them (tshark -T fields builds the lines of every step it prints). */
static gunichar char_at(const char *s, const char **next, guint *columns)
{
    if ((guchar)*s < 0x80) {
        *next = s + 1;
        *columns = 1;
        return (guchar)*s;
    }
    const gunichar c = g_utf8_get_char(s);
    *next = g_utf8_next_char(s);
    *columns = g_unichar_iswide(c) ? 2 : 1;
    return c;
}

/* Whether s takes at most limit columns; reads no further than that. */
static gboolean fits_in(const char *s, guint limit)
{
    guint columns = 0;
    while (*s) {
        guint width;
        char_at(s, &s, &width);
        columns += width;
        if (columns > limit)
            return FALSE;
    }
    return TRUE;
}

typedef struct {
    guint count;
    guint16 len[EXPLAIN_MAX_LINES];
} text_lines;

static gboolean is_cjk_break(gunichar c)
{
    return c == 0xFF0C || c == 0x3002 || c == 0xFF1B;
}

static void break_lines(const char *text, text_lines *out)
{
    const char *p = text;
    out->count = 0;
    while (*p && out->count < EXPLAIN_MAX_LINES) {
        const char *end = p, *brk = NULL, *cjk_brk = NULL;
        guint columns = 0, cjk_columns = 0;
        while (*end && columns < EXPLAIN_LINE_COLUMNS) {
            const char *next;
            guint width;
            const gunichar c = char_at(end, &next, &width);
            columns += width;
            if (c == ' ' || is_cjk_break(c))
                brk = next;
            if (is_cjk_break(c)) {
                cjk_brk = next;
                cjk_columns = columns;
            }
            end = next;
        }
        if (*end && fits_in(end, EXPLAIN_ORPHAN_COLUMNS))
            end += strlen(end);
        else if (*end && cjk_brk && cjk_columns >= EXPLAIN_LINE_COLUMNS * 3 / 5)
            end = cjk_brk;
        else if (*end && brk)
            end = brk;
        if (!*end || out->count == EXPLAIN_MAX_LINES - 1)
            end = p + strlen(p); /* the last line takes the rest */
        out->len[out->count++] = (guint16)(end - p);
        p = end;
    }
}

/* Lines of the explanation tables' texts, which live as long as the
 * program: each is broken once, not at every step shown. */
static wmem_map_t *static_lines;

static const text_lines *lines_of(const char *text, gboolean is_static, text_lines *scratch)
{
    if (!is_static) {
        break_lines(text, scratch);
        return scratch;
    }
    if (!static_lines)
        static_lines = wmem_map_new(wmem_epan_scope(), g_direct_hash, g_direct_equal);
    text_lines *l = (text_lines *)wmem_map_lookup(static_lines, text);
    if (!l) {
        l = wmem_new(wmem_epan_scope(), text_lines);
        break_lines(text, l);
        wmem_map_insert(static_lines, text, l);
    }
    return l;
}

void tlsexplain_add_lines(proto_tree *tree, tvbuff_t *tvb, int ett, const char *text,
                          gboolean is_static)
{
    text_lines scratch;
    const text_lines *l = lines_of(text, is_static, &scratch);
    const char *p = text;
    for (guint i = 0; i < l->count; i++) {
        proto_tree_add_subtree_format(tree, tvb, 0, 0, ett, NULL, "%.*s", (int)l->len[i], p);
        p += l->len[i];
    }
}
