/* packet-tlsexplain.c: TLS Handshake Explainer, the epan glue.
 *
 * A post-dissector.  It reads what Wireshark's TLS dissector already decoded
 * (a few rare fields it asks for), hands the events of each frame to the
 * epan-free handshake model in wire order, stores the resulting steps per
 * frame and shows them.  The first pass computes; every later pass, and every
 * click in the GUI, shows what was stored, so all of them agree.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#define WS_BUILD_DLL
#include "tlsx_compat.h"

#include <epan/conversation.h>
#include <epan/expert.h>
#include <epan/prefs.h>
#include <epan/proto_data.h>
#include <wsutil/str_util.h>

#include "tlsx_explain.h"
#include "tlsx_handshake.h"
#include "tlsx_wire.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;
WS_DLL_PUBLIC void plugin_register(void);
TLSX_PLUGIN_DESCRIBE_DISSECTOR()

static int proto_tlsexplain = -1;
static int proto_tls = -1;
static dissector_handle_t tlsexplain_handle;

static int hf_handshake = -1;
static int hf_step = -1;
static int hf_direction = -1;
static int hf_message = -1;
static int hf_handshake_type = -1;
static int hf_curl = -1;
static int hf_explain_zh = -1;
static int hf_explain_en = -1;
static int hf_since_prev = -1;
static int hf_since_peer = -1;
static int hf_since_start = -1;
static int hf_encrypted = -1;

static gint ett_tlsexplain = -1;
static gint ett_step = -1;
static gint ett_explanation = -1;

static expert_field ei_time_backwards = EI_INIT;

/* Fields of Wireshark's TLS dissector that the plugin reads.  All of them are
 * rare (handshake and ChangeCipherSpec records), but tls.app_data, which is
 * needed to see an encrypted TLS 1.3 handshake without keys. */
static tlsx_wire_fields tls_fields;

enum { LANG_EN, LANG_ZH, LANG_BOTH };
static gint pref_language = LANG_BOTH;
static tlsx_pref_bool pref_info_column = TRUE;

static const enum_val_t language_vals[] = {
    {"en", "English", LANG_EN},
    {"zh", "Chinese", LANG_ZH},
    {"both", "English and Chinese", LANG_BOTH},
    {NULL, NULL, -1},
};

static const value_string handshake_type_vals[] = {
    {TLSX_HS_HELLO_REQUEST, "Hello Request"},
    {TLSX_HS_CLIENT_HELLO, "Client Hello"},
    {TLSX_HS_SERVER_HELLO, "Server Hello"},
    {TLSX_HS_HELLO_VERIFY_REQUEST, "Hello Verify Request"},
    {TLSX_HS_NEW_SESSION_TICKET, "New Session Ticket"},
    {TLSX_HS_END_OF_EARLY_DATA, "End of Early Data"},
    {TLSX_HS_HELLO_RETRY_REQUEST, "Hello Retry Request"},
    {TLSX_HS_ENCRYPTED_EXTENSIONS, "Encrypted Extensions"},
    {TLSX_HS_CERTIFICATE, "Certificate"},
    {TLSX_HS_SERVER_KEY_EXCHANGE, "Server Key Exchange"},
    {TLSX_HS_CERTIFICATE_REQUEST, "Certificate Request"},
    {TLSX_HS_SERVER_HELLO_DONE, "Server Hello Done"},
    {TLSX_HS_CERTIFICATE_VERIFY, "Certificate Verify"},
    {TLSX_HS_CLIENT_KEY_EXCHANGE, "Client Key Exchange"},
    {TLSX_HS_FINISHED, "Finished"},
    {TLSX_HS_CERTIFICATE_URL, "Certificate URL"},
    {TLSX_HS_CERTIFICATE_STATUS, "Certificate Status"},
    {TLSX_HS_SUPPLEMENTAL_DATA, "Supplemental Data"},
    {TLSX_HS_KEY_UPDATE, "Key Update"},
    {TLSX_HS_COMPRESSED_CERTIFICATE, "Compressed Certificate"},
    {TLSX_HS_NEXT_PROTOCOL, "Next Protocol"},
    {TLSX_HS_MESSAGE_HASH, "Message Hash"},
    {0, NULL},
};

/* One connection: the model, and who the client is. */
typedef struct {
    tlsx_handshake hs;
    address client;
    guint32 client_port;
    gboolean client_known;
} conn_state;

/* What the first pass found in a frame. */
typedef struct {
    guint count;
    tlsx_step steps[];
} frame_steps;

static guint32 next_handshake_id;

static void tlsexplain_init(void)
{
    next_handshake_id = 0;
}

static conn_state *find_conn(packet_info *pinfo)
{
    conversation_t *conv = find_conversation_pinfo(pinfo, 0);
    return conv ? (conn_state *)conversation_get_proto_data(conv, proto_tlsexplain) : NULL;
}

static conn_state *get_conn(packet_info *pinfo)
{
    conversation_t *conv = find_or_create_conversation(pinfo);
    conn_state *cs = (conn_state *)conversation_get_proto_data(conv, proto_tlsexplain);
    if (!cs) {
        cs = wmem_new0(wmem_file_scope(), conn_state);
        conversation_add_proto_data(conv, proto_tlsexplain, cs);
    }
    return cs;
}

static void set_client(conn_state *cs, const address *addr, guint32 port)
{
    free_address_wmem(wmem_file_scope(), &cs->client);
    copy_address_wmem(wmem_file_scope(), &cs->client, addr);
    cs->client_port = port;
    cs->client_known = TRUE;
}

/* The sender of this frame, learnt from a Client Hello or, in a capture that
 * starts mid-handshake, from a message only one side sends.  Returns FALSE
 * while the sender cannot be told. */
static gboolean frame_side(conn_state *cs, packet_info *pinfo, const tlsx_event *first,
                           tlsx_side *side)
{
    if (first->kind == TLSX_EV_HANDSHAKE && first->hs_type == TLSX_HS_CLIENT_HELLO)
        set_client(cs, &pinfo->src, pinfo->srcport);
    if (!cs->client_known && first->kind == TLSX_EV_HANDSHAKE) {
        int sender = tlsx_sender_of(first->hs_type);
        if (sender == TLSX_CLIENT)
            set_client(cs, &pinfo->src, pinfo->srcport);
        else if (sender == TLSX_SERVER)
            set_client(cs, &pinfo->dst, pinfo->destport);
    }
    if (!cs->client_known)
        return FALSE;
    *side = addresses_equal(&pinfo->src, &cs->client) && pinfo->srcport == cs->client_port
                ? TLSX_CLIENT
                : TLSX_SERVER;
    return TRUE;
}

/* First pass: the frame's steps, or NULL when it has none. */
static frame_steps *explain_frame(packet_info *pinfo, proto_tree *tree)
{
    conn_state *cs;
    if (tlsx_wire_has_handshake_records(&tls_fields, tree)) {
        cs = get_conn(pinfo);
    } else {
        /* Most TLS frames: application data only. */
        cs = find_conn(pinfo);
        if (!cs || !tlsx_handshake_reads_app_data(&cs->hs))
            return NULL;
    }

    guint n;
    tlsx_event *events = tlsx_wire_collect(&tls_fields, pinfo, tree, &n);
    if (n == 0)
        return NULL;

    tlsx_side side;
    if (!frame_side(cs, pinfo, &events[0], &side))
        return NULL;

    tlsx_step *steps = wmem_alloc_array(pinfo->pool, tlsx_step, n);
    guint count = 0;
    for (guint i = 0; i < n; i++) {
        events[i].side = side;
        events[i].ts.secs = (int64_t)pinfo->abs_ts.secs;
        events[i].ts.nsecs = pinfo->abs_ts.nsecs;
        if (tlsx_handshake_feed(&cs->hs, &next_handshake_id, &events[i], &steps[count]))
            count++;
    }
    if (count == 0)
        return NULL;

    frame_steps *fs = (frame_steps *)wmem_alloc(wmem_file_scope(),
                                                sizeof(frame_steps) + count * sizeof(tlsx_step));
    fs->count = count;
    memcpy(fs->steps, steps, count * sizeof(tlsx_step));
    p_add_proto_data(wmem_file_scope(), pinfo, proto_tlsexplain, 0, fs);
    return fs;
}

static nstime_t to_nstime(tlsx_time t)
{
    nstime_t ns;
    ns.secs = (time_t)t.secs;
    ns.nsecs = t.nsecs;
    return ns;
}

static void add_time(proto_tree *tree, tvbuff_t *tvb, int hf, tlsx_time t)
{
    nstime_t ns = to_nstime(t);
    proto_item_set_generated(proto_tree_add_time(tree, hf, tvb, 0, 0, &ns));
}

static void add_string(proto_tree *tree, tvbuff_t *tvb, int hf, const char *s, gboolean hidden)
{
    proto_item *pi = proto_tree_add_string(tree, hf, tvb, 0, 0, s);
    proto_item_set_generated(pi);
    if (hidden)
        proto_item_set_hidden(pi);
}

/* Tree labels are cut at ITEM_LABEL_LENGTH bytes, a few dozen Chinese
 * characters; the full explanation is also given as lines under its field, so
 * that it can be read in the GUI and in tshark -V. */
#define EXPLAIN_LINE_BYTES 100

static void add_explanation(proto_tree *tree, tvbuff_t *tvb, int hf, const char *text,
                            gboolean hidden)
{
    proto_item *pi = proto_tree_add_string(tree, hf, tvb, 0, 0, text);
    proto_item_set_generated(pi);
    if (hidden) {
        proto_item_set_hidden(pi);
        return;
    }
    if (!tlsx_tree_visible(tree) || strlen(text) < ITEM_LABEL_LENGTH - 40)
        return;
    proto_tree *lines = proto_item_add_subtree(pi, ett_explanation);
    const char *p = text;
    while (*p) {
        /* Break after the last space or CJK comma/full stop that fits. */
        const char *end = p, *brk = NULL;
        while (*end && end - p < EXPLAIN_LINE_BYTES) {
            const char *next = g_utf8_next_char(end);
            gunichar c = g_utf8_get_char(end);
            if (c == ' ' || c == 0xFF0C || c == 0x3002 || c == 0xFF1B)
                brk = next;
            end = next;
        }
        if (*end && brk)
            end = brk;
        proto_tree_add_subtree_format(lines, tvb, 0, 0, ett_explanation, NULL, "%.*s",
                                      (int)(end - p), p);
        p = end;
    }
}

static const char *direction_of(const tlsx_step *st)
{
    return st->side == TLSX_CLIENT ? "OUT" : "IN";
}

static void show_step(proto_tree *top, tvbuff_t *tvb, packet_info *pinfo, const tlsx_step *st)
{
    const char *name = tlsx_message_name((tlsx_step_kind)st->kind, st->hs_type);
    proto_item *sti;
    proto_tree *t;

    if (st->step)
        t = proto_tree_add_subtree_format(top, tvb, 0, 0, ett_step, &sti, "Step %u: %s [%s]",
                                          st->step, name, direction_of(st));
    else
        t = proto_tree_add_subtree_format(top, tvb, 0, 0, ett_step, &sti, "Post-handshake: %s [%s]",
                                          name, direction_of(st));

    proto_item_set_generated(proto_tree_add_uint(t, hf_handshake, tvb, 0, 0, st->handshake));
    if (st->step)
        proto_item_set_generated(proto_tree_add_uint(t, hf_step, tvb, 0, 0, st->step));
    add_string(t, tvb, hf_direction, direction_of(st), FALSE);
    add_string(t, tvb, hf_message, name, FALSE);
    if (st->kind == TLSX_STEP_HANDSHAKE)
        proto_item_set_generated(proto_tree_add_uint(t, hf_handshake_type, tvb, 0, 0, st->hs_type));

    char curl[128];
    if (tlsx_curl_line(curl, sizeof curl, (tlsx_step_kind)st->kind, st->hs_type,
                       (tlsx_side)st->side, st->version))
        add_string(t, tvb, hf_curl, curl, FALSE);

    tlsx_explain_key key = (tlsx_explain_key)st->explain;
    add_explanation(t, tvb, hf_explain_zh, tlsx_explain(TLSX_LANG_ZH, key),
                    pref_language == LANG_EN);
    add_explanation(t, tvb, hf_explain_en, tlsx_explain(TLSX_LANG_EN, key),
                    pref_language == LANG_ZH);

    add_time(t, tvb, hf_since_prev, st->since_prev);
    if (st->has_since_peer)
        add_time(t, tvb, hf_since_peer, st->since_peer);
    add_time(t, tvb, hf_since_start, st->since_start);
    proto_item_set_generated(proto_tree_add_boolean(t, hf_encrypted, tvb, 0, 0, st->encrypted));

    if (st->time_backwards)
        expert_add_info(pinfo, sti, &ei_time_backwards);
}

/* "+0.101 s" for waits of a millisecond or more, "+0.000087 s" below. */
static void append_info(packet_info *pinfo, const tlsx_step *st)
{
    const char *name = tlsx_message_name((tlsx_step_kind)st->kind, st->hs_type);
    const char *dir = direction_of(st);
    char num[24];

    if (st->step)
        g_snprintf(num, sizeof num, pref_language == LANG_ZH ? "第%u步" : "Step %u", st->step);
    else
        g_strlcpy(num, pref_language == LANG_ZH ? "握手后" : "Post-handshake", sizeof num);

    if (!st->has_since_peer) {
        col_append_fstr(pinfo->cinfo, COL_INFO, " [%s %s %s]", num, dir, name);
        return;
    }
    double s = (double)st->since_peer.secs + st->since_peer.nsecs / 1e9;
    col_append_fstr(pinfo->cinfo, COL_INFO,
                    s >= 0.001 ? " [%s %s %s +%.3f s]" : " [%s %s %s +%.6f s]", num, dir, name, s);
}

static void show_frame(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const frame_steps *fs)
{
    if (pref_info_column && pinfo->cinfo) {
        for (guint i = 0; i < fs->count; i++)
            append_info(pinfo, &fs->steps[i]);
    }
    /* tshark -q, or a filter on other fields: the tree is built but shows
     * nothing of ours, so build nothing. */
    if (!tree || !proto_field_is_referenced(tree, proto_tlsexplain))
        return;
    proto_item *ti = proto_tree_add_item(tree, proto_tlsexplain, tvb, 0, 0, ENC_NA);
    proto_item_append_text(ti, ": %u message%s", fs->count, plurality(fs->count, "", "s"));
    proto_tree *top = proto_item_add_subtree(ti, ett_tlsexplain);
    for (guint i = 0; i < fs->count; i++)
        show_step(top, tvb, pinfo, &fs->steps[i]);
}

static int dissect_tlsexplain(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    frame_steps *fs;

    if (PINFO_FD_VISITED(pinfo)) {
        fs = (frame_steps *)p_get_proto_data(wmem_file_scope(), pinfo, proto_tlsexplain, 0);
    } else {
        if (!tlsx_wire_frame_has_tls(pinfo, proto_tls))
            return 0;
        fs = explain_frame(pinfo, tree);
    }
    if (!fs)
        return 0;
    show_frame(tvb, pinfo, tree, fs);
    return tvb_captured_length(tvb);
}

static void proto_register_tlsexplain(void)
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
    };
    static gint *ett[] = {&ett_tlsexplain, &ett_step, &ett_explanation};
    static ei_register_info ei[] = {
        {&ei_time_backwards,
         {"tlsexplain.time_backwards", PI_SEQUENCE, PI_WARN,
          "Time stamp earlier than a previous message of this handshake: times set to 0", EXPFILL}},
    };

    proto_tlsexplain =
        proto_register_protocol("TLS Handshake Explainer", "TLS Explainer", "tlsexplain");
    proto_register_field_array(proto_tlsexplain, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert_register_field_array(expert_register_protocol(proto_tlsexplain), ei, array_length(ei));

    module_t *module = prefs_register_protocol(proto_tlsexplain, NULL);
    prefs_register_enum_preference(module, "language", "Explanation language",
                                   "Which explanation the tree and the Info column show; both "
                                   "explanation fields stay filterable whatever the choice",
                                   &pref_language, language_vals, FALSE);
    prefs_register_bool_preference(module, "info_column", "Show steps in the Info column",
                                   "Append a short note per step to the Info column, e.g. "
                                   "[Step 2 IN Server Hello +0.101 s]",
                                   &pref_info_column);

    tlsexplain_handle = create_dissector_handle(dissect_tlsexplain, proto_tlsexplain);
    register_postdissector(tlsexplain_handle);
    register_init_routine(tlsexplain_init);
}

static void proto_reg_handoff_tlsexplain(void)
{
    proto_tls = proto_get_id_by_filter_name("tls");
    set_postdissector_wanted_hfids(tlsexplain_handle, tlsx_wire_lookup_fields(&tls_fields));
}

void plugin_register(void)
{
    static proto_plugin plug;

    plug.register_protoinfo = proto_register_tlsexplain;
    plug.register_handoff = proto_reg_handoff_tlsexplain;
    proto_register_plugin(&plug);
}
