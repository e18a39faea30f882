/* packet-tlsexplain-tree.c: how a frame's steps are shown: the step
 * subtrees and their fields, the Info column and the expert infos.  What
 * it shows was computed once, in the first pass (packet-tlsexplain-conn.c),
 * and is read back the same on every pass.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <stdio.h>

#include <epan/expert.h>
#include <wsutil/str_util.h>

#include "tlsx_alert.h"
#include "tlsx_explain.h"
#include "tlsx_label.h"

static int hf_handshake = -1;
static int hf_step = -1;
static int hf_direction = -1;
static int hf_message = -1;
static int hf_handshake_type = -1;
static int hf_curl = -1;
static int hf_curl_none = -1;
static int hf_explain_zh = -1;
static int hf_explain_en = -1;
static int hf_since_prev = -1;
static int hf_since_peer = -1;
static int hf_since_start = -1;
static int hf_encrypted = -1;
static int hf_flight = -1;
static int hf_hrr = -1;
static int hf_alert_level = -1;
static int hf_alert_desc = -1;
static int hf_duplicate = -1;
static int hf_summary_frame = -1;
static int hf_network = -1;
static int hf_processing = -1;
static int hf_starttls = -1;
static int hf_starttls_frame = -1;

static gint ett_tlsexplain = -1;
static gint ett_step = -1;
static gint ett_explanation = -1;
static gint ett_timing = -1;

/* The tree's own words, beside the fields' names: the labels of the rows
 * that are not a field's "name: value", one table per label language. */
typedef struct {
    const char *explain_zh;     /* above the Chinese explanation's lines */
    const char *explain_en;     /* above the English explanation's lines */
    const char *same_zh;        /* a Chinese explanation the step above has too */
    const char *same_en;        /* an English explanation the step above has too */
    const char *steps_together; /* a timing shared by the steps of a frame: "steps 2–5" */
} tree_words;

static const tree_words words_en = {
    "Explanation (Chinese)",
    "Explanation (English)",
    "Explanation (Chinese): the same as the step above",
    "Explanation (English): the same as the step above",
    " (steps %u–%u, one frame)",
};

static const tree_words words_zh = {
    "中文解释",
    "英文解释",
    "中文解释：与上一步相同",
    "英文解释：与上一步相同",
    "（第 %u–%u 步，同一帧）",
};

/* The step's own label words are text/tlsx_label.c's; these the tree's. */
static const tree_words *words(void)
{
    return tlsexplain_label_lang() == TLSX_LANG_ZH ? &words_zh : &words_en;
}

static expert_field ei_time_backwards = EI_INIT;
static expert_field ei_unexpected = EI_INIT;
static expert_field ei_missing = EI_INIT;
static expert_field ei_duplicate = EI_INIT;
static expert_field ei_mid_capture = EI_INIT;
static expert_field ei_alert = EI_INIT;
static expert_field ei_incomplete = EI_INIT;
static expert_field ei_slow = EI_INIT;
static expert_field ei_extra_rtt = EI_INIT;

/* Wireshark's names of the handshake types, filled from the message table
 * at registration.  Room for every type, and the {0, NULL} that ends it. */
static value_string handshake_type_vals[TLSX_HS_TYPES + 1];

static void fill_handshake_type_vals(void)
{
    guint8 types[TLSX_HS_TYPES];
    const size_t n = tlsx_message_types(types);
    for (size_t i = 0; i < n; i++) {
        handshake_type_vals[i].value = types[i];
        handshake_type_vals[i].strptr = tlsx_message_name(TLSX_STEP_HANDSHAKE, types[i]);
    }
}

static const value_string alert_level_vals[] = {
    {0, "Encrypted"},
    {TLSX_ALERT_WARNING, "Warning"},
    {TLSX_ALERT_FATAL, "Fatal"},
    {0, NULL},
};

static void add_string(proto_tree *tree, tvbuff_t *tvb, int hf, const char *s, gboolean hidden)
{
    proto_item *pi = proto_tree_add_string(tree, hf, tvb, 0, 0, s);
    proto_item_set_generated(pi);
    if (hidden)
        proto_item_set_hidden(pi);
}

/* The explanation's field, labelled with what it is, and its text under it
 * as lines of one width, whatever its length: tree labels are cut at
 * ITEM_LABEL_LENGTH bytes, a few dozen Chinese characters, so the text is
 * read once, in the lines; a text the step above just gave (previous, or
 * NULL) is not given again.  The field's value is the whole text (filters,
 * tshark -T fields, Copy -> Value). */
static void add_explanation(proto_tree *tree, tvbuff_t *tvb, int hf, const char *label,
                            const char *same_label, const char *text, const char *previous,
                            gboolean is_static, gboolean hidden)
{
    proto_item *pi = proto_tree_add_string(tree, hf, tvb, 0, 0, text);
    proto_item_set_generated(pi);
    if (hidden) {
        proto_item_set_hidden(pi);
        return;
    }
    if (!tlsexplain_tree_visible(tree))
        return;
    if (previous && strcmp(previous, text) == 0) {
        proto_item_set_text(pi, "%s", same_label);
        return;
    }
    proto_item_set_text(pi, "%s", label);
    tlsexplain_add_lines(proto_item_add_subtree(pi, ett_explanation), tvb, ett_explanation, text,
                         is_static);
}

/* Whether step i of the frame has the timing of the step before it, which
 * the tree then shows once: both of one flight of one handshake, in this
 * frame (no time between them), with the same wait and the same split. */
static gboolean same_timing_as_previous(const tlsexplain_frame *fs, guint i)
{
    if (i == 0)
        return FALSE;
    const tlsexplain_frame_step *a = &fs->steps[i - 1], *b = &fs->steps[i];
    const tlsx_step *x = &a->st, *y = &b->st;
    return a->rec == b->rec && x->step && y->step && x->handshake == y->handshake &&
           x->flight == y->flight && tlsx_time_cmp(y->since_prev, tlsx_time_from_ms(0)) == 0 &&
           x->has_since_peer == y->has_since_peer &&
           tlsx_time_cmp(x->since_peer, y->since_peer) == 0 &&
           tlsx_time_cmp(x->since_start, y->since_start) == 0 && x->has_split == y->has_split &&
           (!y->has_split ||
            (x->split_estimated == y->split_estimated &&
             tlsx_time_cmp(x->network, y->network) == 0 &&
             tlsx_time_cmp(x->processing, y->processing) == 0 && a->point == b->point &&
             a->rtt_estimated == b->rtt_estimated && tlsx_time_cmp(a->rtt, b->rtt) == 0));
}

/* The step's times in one collapsed subtree, whose row is the wait since the
 * peer's last message (or, for a first message, the time since the Client
 * Hello).  Steps of a frame that share it show it once, on the first of
 * them, naming them; on the others it is hidden, its fields still there
 * for filters and columns. */
static void add_timing(proto_tree *t, tvbuff_t *tvb, const tlsexplain_frame *fs, guint i)
{
    const tlsexplain_frame_step *fst = &fs->steps[i];
    const tlsx_step *st = &fst->st;
    proto_item *root =
        tlsexplain_add_time(t, tvb, st->has_since_peer ? hf_since_peer : hf_since_start,
                            st->has_since_peer ? st->since_peer : st->since_start);
    proto_tree *tt = proto_item_add_subtree(root, ett_timing);
    if (same_timing_as_previous(fs, i)) {
        proto_item_set_hidden(root);
    } else {
        guint last = i;
        while (last + 1 < fs->count && same_timing_as_previous(fs, last + 1))
            last++;
        if (last > i)
            proto_item_append_text(root, words()->steps_together, st->step,
                                   fs->steps[last].st.step);
    }
    tlsexplain_add_time(tt, tvb, hf_since_prev, st->since_prev);
    if (st->has_since_peer)
        tlsexplain_add_time(tt, tvb, hf_since_start, st->since_start);
    if (st->has_split) {
        const char *note = tlsexplain_estimate_note(st->split_estimated, fst->rec->transport);
        proto_item *pi = tlsexplain_add_time(tt, tvb, hf_network, st->network);
        tlsexplain_append_note(pi, note);
        pi = tlsexplain_add_time(tt, tvb, hf_processing, st->processing);
        tlsexplain_append_note(pi, note);
        tlsexplain_add_baseline(tt, tvb, (tlsx_capture_point)fst->point, fst->rtt,
                                tlsexplain_estimate_note(fst->rtt_estimated, fst->rec->transport));
    }
}

static const char *direction_of(const tlsx_step *st)
{
    return st->side == TLSX_CLIENT ? "OUT" : "IN";
}

static const char *part_text(const tlsx_explain_part *part, tlsx_lang lang)
{
    return part->kind == TLSX_PART_ALERT ? tlsx_alert_explain(lang, part->value)
                                         : tlsx_explain(lang, (tlsx_explain_key)part->value);
}

/* The texts of the explanation's parts (tlsx_explanation_of()) in lang,
 * joined: Chinese puts no space between sentences.  A part without a text
 * (an alert description no table explains: tlsx_alert_explain()) is left
 * out, and the parts after it stay. */
static char *join_parts(wmem_allocator_t *scope, const tlsx_explanation *e, tlsx_lang lang)
{
    const char *texts[TLSX_EXPLAIN_PARTS_MAX];
    size_t lens[TLSX_EXPLAIN_PARTS_MAX], size = 1;
    const size_t sep = lang == TLSX_LANG_ZH ? 0 : 1;
    unsigned n = 0;
    for (unsigned i = 0; i < e->count; i++) {
        const char *t = part_text(&e->parts[i], lang);
        if (!t)
            continue;
        texts[n] = t;
        lens[n] = strlen(t);
        size += lens[n++] + sep;
    }
    char *text = (char *)wmem_alloc(scope, size), *p = text;
    for (unsigned i = 0; i < n; i++) {
        if (i && sep)
            *p++ = ' ';
        memcpy(p, texts[i], lens[i]);
        p += lens[i];
    }
    *p = '\0';
    return text;
}

/* A joined explanation, kept by its parts and language: a capture has a
 * few dozen of them, shown at thousands of steps.  Kept as long as the
 * tables' texts, so that its lines are broken once too
 * (tlsexplain_add_lines()); past JOINED_MAX of them, joined anew each time. */
#define JOINED_MAX 4096

typedef struct {
    guint8 lang;
    guint8 count;
    tlsx_explain_part parts[TLSX_EXPLAIN_PARTS_MAX];
} joined_key;

static guint joined_hash(gconstpointer k)
{
    const joined_key *key = (const joined_key *)k;
    guint h = 2166136261u ^ key->lang ^ ((guint)key->count << 8);
    for (unsigned i = 0; i < key->count; i++)
        h = (h ^ ((guint)key->parts[i].kind << 8 | key->parts[i].value)) * 16777619u;
    return h;
}

static gboolean joined_equal(gconstpointer a, gconstpointer b)
{
    const joined_key *x = (const joined_key *)a, *y = (const joined_key *)b;
    return x->lang == y->lang && x->count == y->count &&
           memcmp(x->parts, y->parts, x->count * sizeof x->parts[0]) == 0;
}

static wmem_map_t *joined;

/* The explanation's text in lang, and whether it lives as long as the
 * program (a table's text alone, or a kept join), which
 * tlsexplain_add_lines() knows it by. */
static const char *explanation_text(packet_info *pinfo, const tlsx_explanation *e, tlsx_lang lang,
                                    gboolean *is_static)
{
    *is_static = TRUE;
    if (e->count == 1)
        return part_text(&e->parts[0], lang);
    joined_key key;
    memset(&key, 0, sizeof key);
    key.lang = (guint8)lang;
    key.count = (guint8)e->count;
    memcpy(key.parts, e->parts, e->count * sizeof e->parts[0]);
    if (!joined)
        joined = wmem_map_new(wmem_epan_scope(), joined_hash, joined_equal);
    const char *text = (const char *)wmem_map_lookup(joined, &key);
    if (text)
        return text;
    if (wmem_map_size(joined) >= JOINED_MAX) {
        *is_static = FALSE;
        return join_parts(pinfo->pool, e, lang);
    }
    joined_key *kept = wmem_new(wmem_epan_scope(), joined_key);
    *kept = key;
    char *made = join_parts(wmem_epan_scope(), e, lang);
    wmem_map_insert(joined, kept, made);
    return made;
}

static void explanation_of(const tlsexplain_frame_step *fst, tlsx_explanation *e)
{
    tlsx_explanation_of(&fst->st, fst->rec->transport,
                        tlsexplain_starttls_explain_key(fst->rec->upgrade), e);
}

/* The verdicts on a step (tlsx_verdicts()).  A frame shown again (tshark's
 * second pass, a click in the GUI) comes after the whole capture was read:
 * only then is it known what never came. */
static unsigned verdicts_of(packet_info *pinfo, const tlsexplain_frame_step *fst, tlsx_verdict *out)
{
    tlsx_reading at;
    at.frame = pinfo->num;
    at.capture_read = PINFO_FD_VISITED(pinfo);
    at.slow_ms = tlsexplain_prefs.slow_ms;
    return tlsx_verdicts(&fst->st, &fst->rec->facts, &at, out);
}

static const char *side_name(guint8 side)
{
    return side == TLSX_CLIENT ? "client" : "server";
}

static const char *peer_name(guint8 side)
{
    return side == TLSX_CLIENT ? "server" : "client";
}

static void add_unexpected_info(packet_info *pinfo, proto_item *sti, const tlsx_step *st,
                                const tlsx_verdict *v)
{
    if (v->why == TLSX_UNEXPECTED_ABANDONS)
        expert_add_info_format(pinfo, sti, &ei_unexpected,
                               "A new Client Hello while handshake %u was still open: that "
                               "handshake was abandoned and handshake %u starts",
                               v->abandoned, v->handshake);
    else if (v->why == TLSX_UNEXPECTED_WRONG_SIDE)
        expert_add_info_format(pinfo, sti, &ei_unexpected,
                               "Unexpected message: %s sent by the %s, which never sends it",
                               tlsx_step_name(st), side_name(v->side));
    else
        expert_add_info_format(pinfo, sti, &ei_unexpected,
                               "Unexpected message: %s does not belong here in this handshake "
                               "(out of order, or not part of this kind of handshake)",
                               tlsx_step_name(st));
}

static void add_alert_info(packet_info *pinfo, proto_item *sti, const tlsx_verdict *v)
{
    const char *alert_name =
        tlsx_alert_name(v->alert_desc) ? tlsx_alert_name(v->alert_desc) : "Unknown";
    const char *level = v->alert_level == TLSX_ALERT_FATAL ? "Fatal" : "Warning";
    if (v->overturned)
        expert_add_info_format(pinfo, sti, &ei_alert,
                               "%s alert %s (%u) ended handshake %u: the %s refused the "
                               "handshake after the %s's Finished, before sending anything "
                               "else",
                               level, alert_name, v->alert_desc, v->handshake, side_name(v->side),
                               peer_name(v->side));
    else if (v->alert_level)
        expert_add_info_format(pinfo, sti, &ei_alert, "%s alert %s (%u) ended handshake %u", level,
                               alert_name, v->alert_desc, v->handshake);
    else
        expert_add_info_format(pinfo, sti, &ei_alert,
                               "Encrypted alert ended handshake %u (its description needs "
                               "the key log)",
                               v->handshake);
}

static void add_incomplete_info(packet_info *pinfo, proto_item *sti, const tlsx_verdict *v)
{
    if (v->message != TLSX_MSG_NONE)
        expert_add_info_format(pinfo, sti, &ei_incomplete,
                               "Handshake %u never completed: the capture holds nothing after "
                               "this step (the %s was still to come)",
                               v->handshake, tlsx_sequence_msg_name(v->message));
    else
        expert_add_info_format(pinfo, sti, &ei_incomplete,
                               "Handshake %u never completed: the capture holds nothing after "
                               "this step",
                               v->handshake);
}

static void add_slow_info(packet_info *pinfo, proto_item *sti, const tlsx_verdict *v)
{
    char wait[TLSX_TIME_TEXT_SIZE], network[TLSX_TIME_TEXT_SIZE], spent[TLSX_TIME_TEXT_SIZE];
    expert_add_info_format(pinfo, sti, &ei_slow,
                           "Slow: %s since the %s's last message, over tlsexplain.slow_ms (%u "
                           "ms): %s of network round trip and %s the %s spent",
                           tlsexplain_ms_text(wait, v->wait), peer_name(v->side), v->slow_ms,
                           tlsexplain_ms_text(network, v->network),
                           tlsexplain_ms_text(spent, v->processing), side_name(v->side));
}

/* The group is named as Wireshark names it, read from the hellos. */
static void add_extra_rtt_info(packet_info *pinfo, proto_item *sti, const tlsexplain_record *rec,
                               const tlsx_verdict *v)
{
    if (v->hrr)
        expert_add_info_format(
            pinfo, sti, &ei_extra_rtt,
            "%u round trips where %u would do: the server answered the first Client Hello with a "
            "HelloRetryRequest, since none of the client's key shares was of a group it accepts; "
            "a client that offers %s first saves a round trip",
            v->rtts, v->needed, rec->group ? rec->group : "the server's group");
    else
        expert_add_info_format(pinfo, sti, &ei_extra_rtt,
                               "%u round trips where this kind of handshake needs %u", v->rtts,
                               v->needed);
}

/* One verdict as its expert info, word for word. */
static void add_expert_info(packet_info *pinfo, proto_item *sti, const tlsexplain_frame_step *fst,
                            const tlsx_verdict *v)
{
    const tlsx_step *st = &fst->st;
    switch ((tlsx_verdict_kind)v->kind) {
    case TLSX_VERDICT_UNEXPECTED:
        add_unexpected_info(pinfo, sti, st, v);
        break;
    case TLSX_VERDICT_MISSING:
        expert_add_info_format(pinfo, sti, &ei_missing,
                               "%s came, but the %s this handshake requires before it never came",
                               tlsx_step_name(st), tlsx_sequence_msg_name(v->message));
        break;
    case TLSX_VERDICT_DUPLICATE:
        expert_add_info_format(pinfo, sti, &ei_duplicate,
                               "%s repeats a message this handshake already had (retransmission "
                               "or duplicated frame): not counted as a step",
                               tlsx_step_name(st));
        break;
    case TLSX_VERDICT_MID_CAPTURE:
        expert_add_info(pinfo, sti, &ei_mid_capture);
        break;
    case TLSX_VERDICT_ALERT_ENDED:
        add_alert_info(pinfo, sti, v);
        break;
    case TLSX_VERDICT_INCOMPLETE:
        add_incomplete_info(pinfo, sti, v);
        break;
    case TLSX_VERDICT_TIME_BACKWARDS:
        expert_add_info(pinfo, sti, &ei_time_backwards);
        break;
    case TLSX_VERDICT_SLOW:
        add_slow_info(pinfo, sti, v);
        break;
    case TLSX_VERDICT_EXTRA_RTT:
        /* A HelloRetryRequest's round trip is its advice's to tell. */
        if (!(v->hrr && tlsexplain_advice_has(fst->rec, TLSX_ADVICE_HRR)))
            add_extra_rtt_info(pinfo, sti, fst->rec, v);
        break;
    }
}

/* Adds the step's expert infos to sti, or to none when there is no tree:
 * Expert Information and tshark -z expert dissect without one. */
static void add_expert_infos(packet_info *pinfo, proto_item *sti, const tlsexplain_frame_step *fst)
{
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    const unsigned n = verdicts_of(pinfo, fst, v);
    for (unsigned i = 0; i < n; i++)
        add_expert_info(pinfo, sti, fst, &v[i]);
}

static gboolean shows_summary(packet_info *pinfo, const tlsexplain_frame_step *fst)
{
    return tlsx_shows_summary(&fst->st, &fst->rec->facts, pinfo->num);
}

/* A generated field that the step's row already says, hidden: it stays for
 * filters and columns. */
static void add_hidden_uint(proto_tree *tree, tvbuff_t *tvb, int hf, guint32 v)
{
    proto_item *pi = proto_tree_add_uint(tree, hf, tvb, 0, 0, v);
    proto_item_set_generated(pi);
    proto_item_set_hidden(pi);
}

/* The step's subtree.  Its row, "Step 2: Server Hello [IN]", says the
 * step's number, message and direction: those, its handshake, flight and
 * type, and whether it was encrypted when it was not, are hidden fields
 * (filters and columns have them); what the step says follows: curl's line,
 * the explanations, the timing.  The row is no field: tshark -T json names
 * a field's subtree after the field, and the steps of a frame would clash. */
static void show_step(proto_tree *top, tvbuff_t *tvb, packet_info *pinfo,
                      const tlsexplain_frame *fs, guint i)
{
    const tlsexplain_frame_step *fst = &fs->steps[i];
    const tlsx_step *st = &fst->st;
    const char *name = tlsx_step_name(st);
    proto_item *sti;
    proto_tree *t;

    /* "Step 2: Server Hello [IN]" ("第 2 步：Server Hello [IN]" in Chinese),
     * put together without a format. */
    const tlsx_lang lang = tlsexplain_label_lang();
    char label[96];
    tlsx_text text;
    tlsx_text_init(&text, label, sizeof label);
    if (st->step) {
        tlsx_text_add(&text, tlsx_label(lang, TLSX_LABEL_STEP_BEFORE));
        tlsx_text_add_uint(&text, st->step);
        tlsx_text_add(&text, tlsx_label(lang, TLSX_LABEL_STEP_AFTER));
    } else {
        tlsx_text_add(&text, tlsx_label(lang, st->flags & TLSX_FLAG_DUPLICATE
                                                  ? TLSX_LABEL_REPEATED
                                                  : TLSX_LABEL_POST_HANDSHAKE));
    }
    tlsx_text_add(&text, name);
    tlsx_text_add(&text, st->side == TLSX_CLIENT ? " [OUT]" : " [IN]");
    t = proto_tree_add_subtree(top, tvb, 0, 0, ett_step, &sti, label);

    add_hidden_uint(t, tvb, hf_handshake, st->handshake);
    if (st->step) {
        add_hidden_uint(t, tvb, hf_step, st->step);
        add_hidden_uint(t, tvb, hf_flight, st->flight);
    }
    add_string(t, tvb, hf_direction, direction_of(st), TRUE);
    add_string(t, tvb, hf_message, name, TRUE);
    tlsexplain_infer_show(t, tvb, sti, st);
    if (st->kind == TLSX_STEP_HANDSHAKE)
        add_hidden_uint(t, tvb, hf_handshake_type, st->hs_type);
    if (st->hrr)
        proto_item_set_generated(proto_tree_add_boolean(t, hf_hrr, tvb, 0, 0, TRUE));
    if (st->kind == TLSX_STEP_ALERT) {
        proto_item_set_generated(
            proto_tree_add_uint(t, hf_alert_level, tvb, 0, 0, st->alert_level));
        if (st->alert_level)
            proto_item_set_generated(
                proto_tree_add_uint(t, hf_alert_desc, tvb, 0, 0, st->alert_desc));
    }
    if (st->flags & TLSX_FLAG_DUPLICATE)
        proto_item_set_generated(proto_tree_add_boolean(t, hf_duplicate, tvb, 0, 0, TRUE));

    char curl[128];
    tlsx_curl_result r = tlsexplain_step_curl(
        curl, sizeof curl, (tlsx_curl_dialect)tlsexplain_prefs.curl_version, st, fst->rec);
    if (r == TLSX_CURL_LINE)
        add_string(t, tvb, hf_curl, curl, FALSE);
    else if (tlsx_curl_none_note(r))
        add_string(t, tvb, hf_curl_none, tlsx_curl_none_note(r), FALSE);

    if (st->step == 1 && fst->rec->upgrade >= 0) {
        add_string(t, tvb, hf_starttls, tlsexplain_starttls_label(fst->rec->upgrade), FALSE);
        proto_item_set_generated(
            proto_tree_add_uint(t, hf_starttls_frame, tvb, 0, 0, fst->rec->upgrade_frame));
    }
    tlsx_explanation e;
    explanation_of(fst, &e);
    /* The step above's texts, when the tree is read: a frame of encrypted
     * messages has the same explanation several times. */
    const char *prev_zh = NULL, *prev_en = NULL;
    gboolean is_static;
    if (i > 0 && tlsexplain_tree_visible(t)) {
        tlsx_explanation pe;
        explanation_of(&fs->steps[i - 1], &pe);
        prev_zh = explanation_text(pinfo, &pe, TLSX_LANG_ZH, &is_static);
        prev_en = explanation_text(pinfo, &pe, TLSX_LANG_EN, &is_static);
    }
    const char *zh = explanation_text(pinfo, &e, TLSX_LANG_ZH, &is_static);
    add_explanation(t, tvb, hf_explain_zh, words()->explain_zh, words()->same_zh, zh, prev_zh,
                    is_static, tlsexplain_prefs.language == TLSEXPLAIN_LANG_EN);
    const char *en = explanation_text(pinfo, &e, TLSX_LANG_EN, &is_static);
    add_explanation(t, tvb, hf_explain_en, words()->explain_en, words()->same_en, en, prev_en,
                    is_static, tlsexplain_prefs.language == TLSEXPLAIN_LANG_ZH);

    add_timing(t, tvb, fs, i);
    proto_item *enc = proto_tree_add_boolean(t, hf_encrypted, tvb, 0, 0, st->encrypted);
    proto_item_set_generated(enc);
    if (!st->encrypted)
        proto_item_set_hidden(enc);
    /* Shown on the frame's first step of the handshake, hidden on the next. */
    if (fst->rec->facts.summary_frame) {
        proto_item *pi =
            proto_tree_add_uint(t, hf_summary_frame, tvb, 0, 0, fst->rec->facts.summary_frame);
        proto_item_set_generated(pi);
        if (i > 0 && fs->steps[i - 1].rec == fst->rec)
            proto_item_set_hidden(pi);
    }

    add_expert_infos(pinfo, sti, fst);
}

/* The Info column's words, in the language of the tlsexplain.language
 * preference (Chinese for zh, English otherwise): "Step 2" or "Steps 2–5"
 * ("第2步", "第2–5步"), put together without a format. */
typedef struct {
    const char *step;           /* before one step's number */
    const char *steps;          /* before a range of them, "2–5" */
    const char *after;          /* after the number or the range */
    const char *repeated;       /* a repeated message, not a step */
    const char *post_handshake; /* a message after the handshake */
} info_words;

static const info_words info_en = {"Step ", "Steps ", "", "Repeated", "Post-handshake"};
static const info_words info_zh = {"第", "第", "步", "重复", "握手后"};

static const info_words *info_words_now(void)
{
    return tlsexplain_prefs.language == TLSEXPLAIN_LANG_ZH ? &info_zh : &info_en;
}

/* The notes are built in a buffer one byte longer than the Info column can
 * hold (COL_MAX_INFO_LEN, its NUL included).  A note shorter than that reads
 * the same whether appended with col_append_str() or col_append_fstr(), and
 * col_append_str() parses no format; a note that fills the buffer, cut there,
 * goes through col_append_fstr("%s"), which cuts it as it cut the whole note
 * before (from 4.2 at a whole UTF-8 character): Wireshark keeps no more than
 * its first COL_MAX_INFO_LEN - 1 bytes, and sees that it was longer.
 * col_append_lstr() with one string is col_append_str() (its
 * documentation says so, and the code agrees from 4.0 on), but in 4.0
 * col_append_str() walks the whole column byte by byte (g_strlcat()) where
 * col_append_lstr() finds its end with strlen(). */
#define NOTE_SIZE (COL_MAX_INFO_LEN + 1)

static void append_note(packet_info *pinfo, const char *note, const tlsx_text *t)
{
    if ((size_t)(t->p - note) < COL_MAX_INFO_LEN)
        col_append_lstr(pinfo->cinfo, COL_INFO, note, COL_ADD_LSTR_TERMINATOR);
    else
        col_append_fstr(pinfo->cinfo, COL_INFO, "%s", note);
}

/* "Step 2", "Steps 2–5", "Repeated", "Post-handshake". */
static void add_steps_label(tlsx_text *t, const tlsx_step *first, const tlsx_step *last)
{
    const info_words *w = info_words_now();
    if (!first->step) {
        tlsx_text_add(t, first->flags & TLSX_FLAG_DUPLICATE ? w->repeated : w->post_handshake);
        return;
    }
    tlsx_text_add(t, first == last ? w->step : w->steps);
    tlsx_text_add_uint(t, first->step);
    if (first != last) {
        tlsx_text_add(t, "–");
        tlsx_text_add_uint(t, last->step);
    }
    tlsx_text_add(t, w->after);
}

/* " +0.101 s" for waits of a millisecond or more, " +0.000087 s" below;
 * nothing without a wait. */
static void add_wait(tlsx_text *t, const tlsx_step *st)
{
    if (!st->has_since_peer)
        return;
    char wait[TLSX_TIME_TEXT_SIZE];
    const gboolean ms = tlsx_time_cmp(st->since_peer, tlsx_time_from_ms(1)) >= 0;
    tlsx_text_add(t, " +");
    tlsx_text_add(t, tlsexplain_time_text(wait, st->since_peer, 0, ms ? 3 : 6));
    tlsx_text_add(t, " s");
}

/* " [Steps 2–5 IN" (the note's head, shared by both forms). */
static void add_note_head(tlsx_text *t, const tlsx_step *first, const tlsx_step *last)
{
    tlsx_text_add(t, " [");
    add_steps_label(t, first, last);
    tlsx_text_add(t, " ");
    tlsx_text_add(t, direction_of(first));
}

/* The long form (tlsexplain.info_long): one note per step, naming it. */
static void append_info(packet_info *pinfo, const tlsx_step *st)
{
    char note[NOTE_SIZE];
    tlsx_text t;
    tlsx_text_init(&t, note, sizeof note);
    add_note_head(&t, st, st);
    tlsx_text_add(&t, " ");
    tlsx_text_add(&t, tlsx_step_name(st));
    add_wait(&t, st);
    tlsx_text_add(&t, "]");
    append_note(pinfo, note, &t);
}

/* Wireshark's Info as it was before the frame's first note, read once: the
 * column only grows, so its first len bytes stay what they were (a text set
 * with col_set_str() is copied into the column's buffer, not changed). */
typedef struct {
    const char *text; /* NULL without the Info column */
    size_t len;
} info_before;

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether the Info item at p (the column's text ends at end) is the name
 * (n bytes), or starts with it and " (", ASCII letters in either case.  What
 * follows the name is checked first, as it rejects most items at once; then
 * the bytes, most often in the same case as the name, and only when they
 * differ letter by letter (an inline loop rather than g_ascii_strncasecmp()). */
static gboolean item_is(const char *p, const char *end, const char *name, size_t n)
{
    if ((size_t)(end - p) < n)
        return FALSE;
    const char *after = p + n;
    if (after != end && *after != ',' && !(*after == ' ' && after + 1 < end && after[1] == '('))
        return FALSE;
    if (memcmp(p, name, n) == 0)
        return TRUE;
    for (size_t k = 0; k < n; k++) {
        if (p[k] != name[k] && ascii_lower(p[k]) != ascii_lower(name[k]))
            return FALSE;
    }
    return TRUE;
}

/* The Info item after the one at p: after the next ", "; NULL after the
 * last. */
static const char *next_item(const char *p, const char *end)
{
    while ((p = memchr(p, ',', (size_t)(end - p))) != NULL) {
        if (p + 1 < end && p[1] == ' ')
            return p + 2;
        p++;
    }
    return NULL;
}

/* Whether Wireshark's Info already names the message: one of its items,
 * separated by ", ", is the name or starts with it and " (" (from 4.2,
 * "Client Hello (SNI=…)"), whatever the case ("Encrypted Handshake
 * Message").  Without the Info column, none is named. */
static gboolean info_names(const info_before *info, const char *name)
{
    if (!info->text)
        return FALSE;
    const size_t n = strlen(name);
    const char *end = info->text + info->len;
    for (const char *p = info->text; p; p = next_item(p, end)) {
        if (item_is(p, end, name, n))
            return TRUE;
    }
    return FALSE;
}

/* Whether step i of the frame goes in the same Info note as the one before:
 * the next step of the same handshake (or, for messages that are no steps,
 * another one of the same kind), from the same side, after the same wait (a
 * flight, or the part of it in this frame). */
static gboolean same_info_note(const tlsexplain_frame *fs, guint i)
{
    const tlsexplain_frame_step *a = &fs->steps[i - 1], *b = &fs->steps[i];
    const tlsx_step *x = &a->st, *y = &b->st;
    const gboolean next =
        x->step ? y->step == x->step + 1
                : !y->step && (x->flags & TLSX_FLAG_DUPLICATE) == (y->flags & TLSX_FLAG_DUPLICATE);
    return a->rec == b->rec && next && x->handshake == y->handshake && x->side == y->side &&
           x->has_since_peer == y->has_since_peer &&
           (!x->has_since_peer || tlsx_time_cmp(x->since_peer, y->since_peer) == 0);
}

/* What a note adds for the messages of steps i to last that Info does not
 * name, runs of one name together: ", 8: Finished", ", 4–7: Encrypted
 * handshake message"; for messages that are no steps, the names alone. */
static void add_unnamed(tlsx_text *t, const tlsexplain_frame *fs, guint i, guint last,
                        const info_before *info)
{
    for (guint k = i; k <= last;) {
        const tlsx_step *st = &fs->steps[k].st;
        const char *name = tlsx_step_name(st);
        guint end = k;
        while (end + 1 <= last && strcmp(tlsx_step_name(&fs->steps[end + 1].st), name) == 0)
            end++;
        if (!info_names(info, name)) {
            tlsx_text_add(t, ", ");
            if (st->step) {
                tlsx_text_add_uint(t, st->step);
                if (end != k) {
                    tlsx_text_add(t, "–");
                    tlsx_text_add_uint(t, fs->steps[end].st.step);
                }
                tlsx_text_add(t, ": ");
            }
            tlsx_text_add(t, name);
        }
        k = end + 1;
    }
}

/* One note per flight (the part of it in this frame): "[Steps 2–5 IN
 * +0.007 s]", naming only the messages Wireshark's Info does not, e.g.
 * "[Steps 6–8 OUT +0.001 s, 8: Finished]" where TLS shows an "Encrypted
 * Handshake Message", or "[Step 1 OUT Client Hello]" over QUIC. */
static void append_flight_notes(packet_info *pinfo, const tlsexplain_frame *fs)
{
    info_before info = {col_get_text(pinfo->cinfo, COL_INFO), 0};
    if (info.text)
        info.len = strlen(info.text);
    char note[NOTE_SIZE];
    guint i = 0;
    while (i < fs->count) {
        guint last = i;
        while (last + 1 < fs->count && same_info_note(fs, last + 1))
            last++;
        const tlsx_step *first = &fs->steps[i].st;
        tlsx_text t;
        tlsx_text_init(&t, note, sizeof note);
        add_note_head(&t, first, &fs->steps[last].st);
        if (i == last) {
            /* One message: named where the long form names it. */
            const char *name = tlsx_step_name(first);
            if (!info_names(&info, name)) {
                tlsx_text_add(&t, " ");
                tlsx_text_add(&t, name);
            }
            add_wait(&t, first);
        } else {
            add_wait(&t, first);
            add_unnamed(&t, fs, i, last, &info);
        }
        tlsx_text_add(&t, "]");
        append_note(pinfo, note, &t);
        i = last + 1;
    }
}

/* Expert infos on no item: what a frame without a tree gets, and one whose
 * tree shows nothing of the plugin's (the items would all be faked). */
static void add_expert_infos_only(packet_info *pinfo, const tlsexplain_frame *fs)
{
    for (guint i = 0; i < fs->count; i++) {
        add_expert_infos(pinfo, NULL, &fs->steps[i]);
        if (shows_summary(pinfo, &fs->steps[i])) {
            tlsexplain_cert_expert_infos(pinfo, fs->steps[i].rec);
            tlsexplain_advice_expert_infos(pinfo, fs->steps[i].rec);
        }
    }
}

/* Whether the tree keeps any of the plugin's items: it is shown, or a
 * filter, column or tap asks for one of its fields (its expert infos'
 * included: they are registered under the plugin) or for an expert info
 * field ("_ws.expert.severity"), which the expert infos would add under
 * the plugin's items.  Otherwise every item would be faked. */
static gboolean tree_keeps_items(proto_tree *tree)
{
    static int proto_expert = -2;
    if (proto_expert == -2)
        proto_expert = proto_get_id_by_filter_name("_ws.expert");
    return proto_field_is_referenced(tree, proto_tlsexplain) ||
           (proto_expert >= 0 && proto_field_is_referenced(tree, proto_expert));
}

void tlsexplain_show_frame(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
                           const tlsexplain_frame *fs)
{
    if (tlsexplain_prefs.info_column && pinfo->cinfo) {
        if (tlsexplain_prefs.info_long) {
            for (guint i = 0; i < fs->count; i++)
                append_info(pinfo, &fs->steps[i].st);
        } else {
            append_flight_notes(pinfo, fs);
        }
    }
    /* No tree (the Expert Information dialog, tshark -2's second pass
     * without -V), or one that keeps nothing of ours (tshark -q, a filter on
     * other fields): the expert infos all the same, on no item, and none of
     * the texts the items would have shown. */
    if (!tree || !tree_keeps_items(tree)) {
        add_expert_infos_only(pinfo, fs);
        return;
    }
    proto_item *ti = proto_tree_add_item(tree, proto_tlsexplain, tvb, 0, 0, ENC_NA);
    /* The whole label at once: appending would build the default one first. */
    proto_item_set_text(ti, TLSEXPLAIN_PROTO_NAME ": %u message%s", fs->count,
                        plurality(fs->count, "", "s"));
    proto_tree *top = proto_item_add_subtree(ti, ett_tlsexplain);
    for (guint i = 0; i < fs->count; i++) {
        show_step(top, tvb, pinfo, fs, i);
        if (shows_summary(pinfo, &fs->steps[i]))
            tlsexplain_summary_show(top, tvb, pinfo, fs->steps[i].rec);
    }
}

/* The explanations are what a step is read for: their lines show when the
 * step is opened, the timing stays closed until asked for.  Wireshark
 * allocates the subtrees' open/closed states after every registration and
 * handoff, so this is done at the first file's start, once: later the user's
 * choice stands. */
void tlsexplain_tree_init(void)
{
    static gboolean done;
    if (done)
        return;
    done = TRUE;
    tree_expanded_set(ett_explanation, TRUE);
}

void tlsexplain_tree_register(int proto)
{
    static hf_register_info hf[] = {
        {&hf_handshake,
         {"Handshake", "tlsexplain.handshake", FT_UINT32, BASE_DEC, NULL, 0x0,
          "Number of the handshake in the capture, from 1 (a connection can hold several)", HFILL}},
        {&hf_step,
         {"Step", "tlsexplain.step", FT_UINT32, BASE_DEC, NULL, 0x0,
          "Position of the message in its handshake, from 1; a Change Cipher Spec counts", HFILL}},
        {&hf_direction,
         {"Direction", "tlsexplain.direction", FT_STRING, BASE_NONE, NULL, 0x0,
          "OUT when the client sent the message, IN when the server did (as curl -v prints it)",
          HFILL}},
        {&hf_message,
         {"Message", "tlsexplain.message", FT_STRING, BASE_NONE, NULL, 0x0,
          "Name of the message, e.g. Client Hello, Server Hello Done, Change Cipher Spec", HFILL}},
        {&hf_handshake_type,
         {"Handshake Type", "tlsexplain.handshake_type", FT_UINT8, BASE_DEC,
          VALS(handshake_type_vals), 0x0,
          "TLS handshake type of the message (absent for a Change Cipher Spec)", HFILL}},
        {&hf_curl,
         {"curl -v line", "tlsexplain.curl", FT_STRING, BASE_NONE, NULL, 0x0,
          "The line curl -v prints for this message", HFILL}},
        {&hf_curl_none,
         {"No curl -v line", "tlsexplain.curl_none", FT_STRING, BASE_NONE, NULL, 0x0,
          "Why curl -v prints no line for this message (tlsexplain.curl is absent)", HFILL}},
        {&hf_explain_zh,
         {"Explanation (Chinese)", "tlsexplain.explain.zh", FT_STRING, BASE_NONE, NULL, 0x0,
          "What the message does, in Chinese, after the reference document", HFILL}},
        {&hf_explain_en,
         {"Explanation (English)", "tlsexplain.explain.en", FT_STRING, BASE_NONE, NULL, 0x0,
          "What the message does, in English", HFILL}},
        {&hf_since_prev,
         {"Time since previous message", "tlsexplain.time.since_prev", FT_RELATIVE_TIME, BASE_NONE,
          NULL, 0x0, "Time since the previous message of this handshake (0 within one frame)",
          HFILL}},
        {&hf_since_peer,
         {"Time since peer's last message", "tlsexplain.time.since_peer", FT_RELATIVE_TIME,
          BASE_NONE, NULL, 0x0,
          "Time since the last message of the other side: the wait between OUT and IN", HFILL}},
        {&hf_since_start,
         {"Time since Client Hello", "tlsexplain.time.since_start", FT_RELATIVE_TIME, BASE_NONE,
          NULL, 0x0, "Time since the first message of this handshake, its Client Hello", HFILL}},
        {&hf_encrypted,
         {"Encrypted", "tlsexplain.encrypted", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
          "The message was seen only as an encrypted record (no key log for it)", HFILL}},
        {&hf_flight,
         {"Flight", "tlsexplain.flight", FT_UINT32, BASE_DEC, NULL, 0x0,
          "Flight of the step, from 1: consecutive messages of one side form a flight", HFILL}},
        {&hf_hrr,
         {"HelloRetryRequest", "tlsexplain.hrr", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
          "This Server Hello is a HelloRetryRequest (its random is the special value of RFC 8446)",
          HFILL}},
        {&hf_alert_level,
         {"Alert level", "tlsexplain.alert.level", FT_UINT8, BASE_DEC, VALS(alert_level_vals), 0x0,
          "Level of the alert: 1 warning, 2 fatal, 0 when it was encrypted", HFILL}},
        {&hf_alert_desc,
         {"Alert description", "tlsexplain.alert.description", FT_UINT8, BASE_DEC,
          VALS(tlsexplain_alert_vals), 0x0, "Description of the alert (RFC 8446 section 6)",
          HFILL}},
        {&hf_duplicate,
         {"Repeated", "tlsexplain.repeated", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
          "The message repeats one this handshake already had (retransmission or duplicated "
          "frame); it is not counted as a step",
          HFILL}},
        {&hf_network,
         {"Network part of the wait", "tlsexplain.time.network", FT_RELATIVE_TIME, BASE_NONE, NULL,
          0x0,
          "The part of time.since_peer explained by the network: the round trip between the "
          "capture point and the other side, from the TCP handshake (SYN to SYN/ACK for the "
          "server, SYN/ACK to ACK for the client), never more than the wait",
          HFILL}},
        {&hf_processing,
         {"Processing part of the wait", "tlsexplain.time.processing", FT_RELATIVE_TIME, BASE_NONE,
          NULL, 0x0,
          "time.since_peer minus time.network: what the other side spent working (at the client, "
          "an IN message's processing is the server's)",
          HFILL}},
        {&hf_starttls,
         {"Upgraded by", "tlsexplain.starttls", FT_STRING, BASE_NONE, NULL, 0x0,
          "The plaintext command that upgraded the connection to TLS before this handshake "
          "(e.g. SMTP STARTTLS, POP3 STLS, FTP AUTH TLS)",
          HFILL}},
        {&hf_starttls_frame,
         {"Upgrade command in frame", "tlsexplain.starttls.frame", FT_FRAMENUM, BASE_NONE,
          FRAMENUM_TYPE(FT_FRAMENUM_REQUEST), 0x0, "The frame of that plaintext command", HFILL}},
        {&hf_summary_frame,
         {"Summary in frame", "tlsexplain.summary_frame", FT_FRAMENUM, BASE_NONE,
          FRAMENUM_TYPE(FT_FRAMENUM_NONE), 0x0,
          "The frame that completed or ended this handshake, where its summary is", HFILL}},
    };
    static gint *ett[] = {&ett_tlsexplain, &ett_step, &ett_explanation, &ett_timing};
    static ei_register_info ei[] = {
        {&ei_time_backwards,
         {"tlsexplain.time_backwards", PI_SEQUENCE, PI_WARN,
          "Time stamp earlier than a previous message of this handshake: times set to 0", EXPFILL}},
        {&ei_unexpected,
         {"tlsexplain.unexpected", PI_SEQUENCE, PI_WARN,
          "Unexpected message: not where this kind of handshake has it", EXPFILL}},
        {&ei_missing,
         {"tlsexplain.missing", PI_SEQUENCE, PI_WARN,
          "A message this handshake requires never came before this one", EXPFILL}},
        {&ei_duplicate,
         {"tlsexplain.duplicate", PI_SEQUENCE, PI_NOTE,
          "Repeats a message of this handshake (retransmission or duplicated frame): not counted",
          EXPFILL}},
        {&ei_mid_capture,
         {"tlsexplain.mid_capture", PI_SEQUENCE, PI_NOTE,
          "The capture starts mid-handshake: no Client Hello seen, steps are numbered from the "
          "first message seen",
          EXPFILL}},
        {&ei_alert,
         {"tlsexplain.alert", PI_RESPONSE_CODE, PI_ERROR, "An alert ended the handshake", EXPFILL}},
        {&ei_slow,
         {"tlsexplain.slow", PI_SEQUENCE, PI_WARN,
          "A step slower than tlsexplain.slow_ms since the peer's last message", EXPFILL}},
        {&ei_extra_rtt,
         {"tlsexplain.extra_rtt", PI_SEQUENCE, PI_WARN,
          "The handshake took more round trips than its kind needs", EXPFILL}},
        {&ei_incomplete,
         {"tlsexplain.incomplete", PI_SEQUENCE, PI_WARN,
          "The handshake never completed: nothing of it follows in the capture", EXPFILL}},
    };

    fill_handshake_type_vals();
    proto_register_field_array(proto, hf, array_length(hf));
    tlsexplain_summary_register(proto);
    proto_register_subtree_array(ett, array_length(ett));
    expert_register_field_array(expert_register_protocol(proto), ei, array_length(ei));
}
