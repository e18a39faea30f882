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

static void add_explanation(proto_tree *tree, tvbuff_t *tvb, int hf, const char *text,
                            gboolean is_static, gboolean hidden)
{
    proto_item *pi = proto_tree_add_string(tree, hf, tvb, 0, 0, text);
    proto_item_set_generated(pi);
    if (hidden) {
        proto_item_set_hidden(pi);
        return;
    }
    /* Tree labels are cut at ITEM_LABEL_LENGTH bytes, a few dozen Chinese
     * characters: the full explanation is also given as lines under its
     * field, so that it can be read in the GUI and in tshark -V. */
    if (!tlsexplain_tree_visible(tree) || strlen(text) < ITEM_LABEL_LENGTH - 40)
        return;
    tlsexplain_add_lines(proto_item_add_subtree(pi, ett_explanation), tvb, ett_explanation, text,
                         is_static);
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
 * joined: Chinese puts no space between sentences.  A table's text alone is
 * returned as it is, which tlsexplain_add_lines() knows it by. */
static const char *explanation_text(packet_info *pinfo, const tlsx_explanation *e, tlsx_lang lang)
{
    const char *text = part_text(&e->parts[0], lang);
    for (unsigned i = 1; i < e->count; i++)
        text = wmem_strconcat(pinfo->pool, text, lang == TLSX_LANG_ZH ? "" : " ",
                              part_text(&e->parts[i], lang), NULL);
    return text;
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

static void show_step(proto_tree *top, tvbuff_t *tvb, packet_info *pinfo,
                      const tlsexplain_frame_step *fst)
{
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

    proto_item_set_generated(proto_tree_add_uint(t, hf_handshake, tvb, 0, 0, st->handshake));
    if (st->step) {
        proto_item_set_generated(proto_tree_add_uint(t, hf_step, tvb, 0, 0, st->step));
        proto_item_set_generated(proto_tree_add_uint(t, hf_flight, tvb, 0, 0, st->flight));
    }
    add_string(t, tvb, hf_direction, direction_of(st), FALSE);
    add_string(t, tvb, hf_message, name, FALSE);
    tlsexplain_infer_show(t, tvb, sti, st);
    if (st->kind == TLSX_STEP_HANDSHAKE)
        proto_item_set_generated(proto_tree_add_uint(t, hf_handshake_type, tvb, 0, 0, st->hs_type));
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
    tlsx_explanation_of(st, fst->rec->transport, tlsexplain_starttls_explain_key(fst->rec->upgrade),
                        &e);
    add_explanation(t, tvb, hf_explain_zh, explanation_text(pinfo, &e, TLSX_LANG_ZH), e.is_static,
                    tlsexplain_prefs.language == TLSEXPLAIN_LANG_EN);
    add_explanation(t, tvb, hf_explain_en, explanation_text(pinfo, &e, TLSX_LANG_EN), e.is_static,
                    tlsexplain_prefs.language == TLSEXPLAIN_LANG_ZH);

    tlsexplain_add_time(t, tvb, hf_since_prev, st->since_prev);
    if (st->has_since_peer)
        tlsexplain_add_time(t, tvb, hf_since_peer, st->since_peer);
    tlsexplain_add_time(t, tvb, hf_since_start, st->since_start);
    if (st->has_split) {
        const char *note = tlsexplain_estimate_note(st->split_estimated, fst->rec->transport);
        proto_item *pi = tlsexplain_add_time(t, tvb, hf_network, st->network);
        tlsexplain_append_note(pi, note);
        pi = tlsexplain_add_time(t, tvb, hf_processing, st->processing);
        tlsexplain_append_note(pi, note);
        tlsexplain_add_baseline(t, tvb, (tlsx_capture_point)fst->point, fst->rtt,
                                tlsexplain_estimate_note(fst->rtt_estimated, fst->rec->transport));
    }
    proto_item_set_generated(proto_tree_add_boolean(t, hf_encrypted, tvb, 0, 0, st->encrypted));
    if (fst->rec->facts.summary_frame)
        proto_item_set_generated(
            proto_tree_add_uint(t, hf_summary_frame, tvb, 0, 0, fst->rec->facts.summary_frame));

    add_expert_infos(pinfo, sti, fst);
}

/* "+0.101 s" for waits of a millisecond or more, "+0.000087 s" below. */
static void append_info(packet_info *pinfo, const tlsx_step *st)
{
    const char *name = tlsx_step_name(st);
    const char *dir = direction_of(st);
    char num[24];

    if (st->step)
        snprintf(num, sizeof num,
                 tlsexplain_prefs.language == TLSEXPLAIN_LANG_ZH ? "第%u步" : "Step %u", st->step);
    else if (st->flags & TLSX_FLAG_DUPLICATE)
        g_strlcpy(num, tlsexplain_prefs.language == TLSEXPLAIN_LANG_ZH ? "重复" : "Repeated",
                  sizeof num);
    else
        g_strlcpy(num,
                  tlsexplain_prefs.language == TLSEXPLAIN_LANG_ZH ? "握手后" : "Post-handshake",
                  sizeof num);

    if (!st->has_since_peer) {
        col_append_fstr(pinfo->cinfo, COL_INFO, " [%s %s %s]", num, dir, name);
        return;
    }
    char wait[TLSX_TIME_TEXT_SIZE];
    const gboolean ms = tlsx_time_cmp(st->since_peer, tlsx_time_from_ms(1)) >= 0;
    col_append_fstr(pinfo->cinfo, COL_INFO, " [%s %s %s +%s s]", num, dir, name,
                    tlsexplain_time_text(wait, st->since_peer, 0, ms ? 3 : 6));
}

/* Whether a step of the frame has an expert info: a verdict. */
static gboolean frame_has_expert_info(packet_info *pinfo, const tlsexplain_frame *fs)
{
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    for (guint i = 0; i < fs->count; i++) {
        if (verdicts_of(pinfo, &fs->steps[i], v))
            return TRUE;
        if (shows_summary(pinfo, &fs->steps[i]) && tlsexplain_cert_warns(fs->steps[i].rec))
            return TRUE;
    }
    return FALSE;
}

void tlsexplain_show_frame(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
                           const tlsexplain_frame *fs)
{
    if (tlsexplain_prefs.info_column && pinfo->cinfo) {
        for (guint i = 0; i < fs->count; i++)
            append_info(pinfo, &fs->steps[i].st);
    }
    /* No tree (the Expert Information dialog, tshark -2's second pass without
     * -V): the expert infos all the same, on no item. */
    if (!tree) {
        for (guint i = 0; i < fs->count; i++) {
            add_expert_infos(pinfo, NULL, &fs->steps[i]);
            if (shows_summary(pinfo, &fs->steps[i]))
                tlsexplain_cert_expert_infos(pinfo, fs->steps[i].rec);
        }
        return;
    }
    /* tshark -q, or a filter on other fields: the tree is built but shows
     * nothing of ours, so build nothing but what expert infos need (a filter
     * may ask for them). */
    if (!proto_field_is_referenced(tree, proto_tlsexplain) && !frame_has_expert_info(pinfo, fs))
        return;
    proto_item *ti = proto_tree_add_item(tree, proto_tlsexplain, tvb, 0, 0, ENC_NA);
    /* The whole label at once: appending would build the default one first. */
    proto_item_set_text(ti, TLSEXPLAIN_PROTO_NAME ": %u message%s", fs->count,
                        plurality(fs->count, "", "s"));
    proto_tree *top = proto_item_add_subtree(ti, ett_tlsexplain);
    for (guint i = 0; i < fs->count; i++) {
        show_step(top, tvb, pinfo, &fs->steps[i]);
        if (shows_summary(pinfo, &fs->steps[i]))
            tlsexplain_summary_show(top, tvb, pinfo, fs->steps[i].rec);
    }
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
    static gint *ett[] = {&ett_tlsexplain, &ett_step, &ett_explanation};
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
