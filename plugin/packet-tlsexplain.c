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

#include <stdio.h>

#include <epan/conversation.h>
#include <epan/expert.h>
#include <epan/prefs.h>
#include <epan/tap.h>
#include <wsutil/str_util.h>

#include "tlsexplain.h"
#include "tlsx_alert.h"
#include "tlsx_explain.h"
#include "tlsx_wire.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;
WS_DLL_PUBLIC void plugin_register(void);
TLSX_PLUGIN_DESCRIBE_DISSECTOR()

#define PROTO_NAME "TLS Handshake Explainer"

static int proto_tlsexplain = -1;
static int tlsexplain_tap = -1;
static tlsx_wire_protos protos;
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

/* Fields of Wireshark's TLS and DTLS dissectors that the plugin reads (TLS's
 * also in QUIC, with two QUIC fields).  All of them are rare (handshake,
 * ChangeCipherSpec and alert records), but tls.app_data, which is needed to
 * see an encrypted TLS 1.3 handshake without keys. */
static tlsx_wire_fields tls_fields, dtls_fields, quic_fields;

enum { LANG_EN, LANG_ZH, LANG_BOTH };
static gint pref_language = LANG_BOTH;
static tlsx_pref_bool pref_info_column = TRUE;
static guint pref_slow_ms = 200;

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

static const value_string alert_level_vals[] = {
    {0, "Encrypted"},
    {TLSX_ALERT_WARNING, "Warning"},
    {TLSX_ALERT_FATAL, "Fatal"},
    {0, NULL},
};

/* One connection: the model, who the client and server are, and its
 * current handshake. */
typedef struct {
    tlsx_handshake hs;
    address client;
    struct endpoint *server; /* QUIC only: its client may change addresses */
    tlsx_record *current;
    struct plaintext *plain; /* a protocol that upgrades to TLS ran before the handshake */
    guint32 client_port;
    tlsx_time syn;
    tlsx_baseline tcp;
    guint8 client_known;
    guint8 tcp_looked_up;    /* tcp and syn are read at the first TLS frame */
    guint8 reading_app_data; /* counted in conns_reading_app_data */
} conn_state;

struct endpoint {
    address addr;
    guint32 port;
};

/* The last plaintext frame each way of a protocol that upgrades to TLS
 * (packet-tlsexplain-starttls.c): the client's is its upgrade command. */
struct plaintext {
    gint8 proto; /* its number in packet-tlsexplain-starttls.c */
    address addr[2];
    guint32 port[2];
    guint32 frame[2];
};

static guint32 next_handshake_id;

/* Connections whose next application data record matters
 * (tlsx_handshake_reads_app_data()): while there are none, a frame of
 * application data only needs no connection lookup.  Most frames of a
 * capture are such frames. */
static guint conns_reading_app_data;

static void count_reading_app_data(conn_state *cs)
{
    const guint8 reading = tlsx_handshake_reads_app_data(&cs->hs);
    if (reading != cs->reading_app_data) {
        conns_reading_app_data += reading ? 1 : (guint)-1;
        cs->reading_app_data = reading;
    }
}

/* QUIC connections by Wireshark's number: one connection may change its
 * UDP addresses (migration), and several may share them. */
static wmem_map_t *quic_conns;

/* The fields read from TLS, DTLS and QUIC, looked up at handoff. */
static GArray *wanted_fields;

/* Wanted fields make Wireshark build a tree for every frame and fill them
 * in: they are asked for only while the protocol is enabled, as TRANSUM
 * does, so that disabling it (Enabled Protocols, --disable-protocol) makes
 * it cost nothing.  Wireshark frees the array it is given. */
static void want_fields(void)
{
    GArray *copy = NULL;
    if (proto_is_protocol_enabled(find_protocol_by_id(proto_tlsexplain)))
        copy = g_array_append_vals(g_array_sized_new(FALSE, FALSE, sizeof(int), wanted_fields->len),
                                   wanted_fields->data, wanted_fields->len);
    set_postdissector_wanted_hfids(tlsexplain_handle, copy);
}

static void tlsexplain_cleanup(void)
{
    set_postdissector_wanted_hfids(tlsexplain_handle, NULL);
}

static void tlsexplain_init(void)
{
    want_fields();
    next_handshake_id = 0;
    conns_reading_app_data = 0;
    tlsexplain_store_init();
}

static conn_state *new_conn(int transport)
{
    conn_state *cs = wmem_new0(wmem_file_scope(), conn_state);
    cs->hs.transport = (uint8_t)transport;
    /* A change of preference dissects the file anew, from its init. */
    cs->hs.slow_ms = pref_slow_ms;
    return cs;
}

/* The frame's connection: its conversation, or for QUIC its QUIC
 * connection; created when create is set, else NULL when unknown. */
static conn_state *lookup_conn(packet_info *pinfo, proto_tree *tree, int transport, gboolean create)
{
    guint32 number;
    if (transport == TLSX_TRANSPORT_QUIC &&
        tlsx_wire_quic_connection(&quic_fields, tree, &number)) {
        gpointer key = GUINT_TO_POINTER(number + 1);
        conn_state *cs = (conn_state *)wmem_map_lookup(quic_conns, key);
        if (!cs && create) {
            cs = new_conn(transport);
            wmem_map_insert(quic_conns, key, cs);
        }
        return cs;
    }
    conversation_t *conv =
        create ? find_or_create_conversation(pinfo) : find_conversation_pinfo(pinfo, 0);
    if (!conv)
        return NULL;
    conn_state *cs = (conn_state *)conversation_get_proto_data(conv, proto_tlsexplain);
    if (!cs && create) {
        cs = new_conn(transport);
        conversation_add_proto_data(conv, proto_tlsexplain, cs);
    }
    return cs;
}

static void set_endpoint(address *addr, guint32 *port, const address *from, guint32 from_port)
{
    free_address_wmem(wmem_file_scope(), addr);
    copy_address_wmem(wmem_file_scope(), addr, from);
    *port = from_port;
}

/* The client is the sender when sender is set, else the receiver. */
static void set_client(conn_state *cs, packet_info *pinfo, gboolean sender)
{
    set_endpoint(&cs->client, &cs->client_port, sender ? &pinfo->src : &pinfo->dst,
                 sender ? pinfo->srcport : pinfo->destport);
    if (cs->hs.transport == TLSX_TRANSPORT_QUIC) {
        if (!cs->server)
            cs->server = wmem_new0(wmem_file_scope(), struct endpoint);
        set_endpoint(&cs->server->addr, &cs->server->port, sender ? &pinfo->dst : &pinfo->src,
                     sender ? pinfo->destport : pinfo->srcport);
    }
    cs->client_known = TRUE;
}

static gboolean is_endpoint(const address *addr, guint32 port, const address *a, guint32 p)
{
    return port == p && addresses_equal(addr, a);
}

/* The sender of a frame, once the client is known. */
static tlsx_side sender_of(const conn_state *cs, packet_info *pinfo)
{
    /* A QUIC client may move to new addresses; its server stays put. */
    if (is_endpoint(&pinfo->src, pinfo->srcport, &cs->client, cs->client_port))
        return TLSX_CLIENT;
    if (!cs->server ||
        is_endpoint(&pinfo->src, pinfo->srcport, &cs->server->addr, cs->server->port))
        return TLSX_SERVER;
    return is_endpoint(&pinfo->dst, pinfo->destport, &cs->server->addr, cs->server->port)
               ? TLSX_CLIENT
               : TLSX_SERVER;
}

/* The sender of this frame, learnt from a Client Hello or, in a capture that
 * starts mid-handshake, from a message only one side sends: the frame's
 * first message with a type, since a frame may start with the end of a
 * message whose type was in an earlier one (a fragment).  Returns FALSE
 * while the sender cannot be told. */
static gboolean frame_side(conn_state *cs, packet_info *pinfo, const tlsx_event *events, guint n,
                           tlsx_side *side)
{
    const tlsx_event *first = &events[0];
    for (guint i = 0; i < n && !cs->client_known; i++) {
        if (events[i].kind == TLSX_EV_HANDSHAKE) {
            first = &events[i];
            break;
        }
    }
    /* The first Client Hello names the client for good: a Client Hello from
     * the other side later is flagged, not believed. */
    if (!cs->client_known && first->kind == TLSX_EV_HANDSHAKE &&
        first->hs_type == TLSX_HS_CLIENT_HELLO)
        set_client(cs, pinfo, TRUE);
    if (!cs->client_known && first->kind == TLSX_EV_HANDSHAKE) {
        int sender = tlsx_sender_of(first->hs_type);
        if (sender == TLSX_CLIENT)
            set_client(cs, pinfo, TRUE);
        else if (sender == TLSX_SERVER)
            set_client(cs, pinfo, FALSE);
    }
    if (!cs->client_known)
        return FALSE;
    *side = sender_of(cs, pinfo);
    return TRUE;
}

/* The upgrade command asked for the first handshake after it. */
static void note_upgraded(conn_state *cs, tlsx_record *rec)
{
    struct plaintext *p = cs->plain;
    if (!p)
        return;
    for (int i = 0; i < 2; i++) {
        if (p->frame[i] && is_endpoint(&p->addr[i], p->port[i], &cs->client, cs->client_port)) {
            rec->upgrade = p->proto;
            rec->upgrade_frame = p->frame[i];
        }
    }
    cs->plain = NULL;
}

/* The record of the handshake a step belongs to, made at its first step. */
static tlsx_record *record_of(conn_state *cs, const tlsx_step *st)
{
    if (!cs->current || cs->current->id != st->handshake) {
        tlsx_record *rec = wmem_new0(wmem_file_scope(), tlsx_record);
        rec->id = st->handshake;
        rec->tcp = &cs->tcp;
        rec->transport = cs->hs.transport;
        rec->upgrade = -1;
        note_upgraded(cs, rec);
        tlsexplain_store_record(rec);
        cs->current = rec;
    }
    return cs->current;
}

/* Server names and protocols, one copy each for the whole file: most
 * handshakes of a capture repeat a few of them. */
static wmem_map_t *interned;

static const char *keep(const char *file_copy, const char *packet_copy)
{
    if (file_copy || !packet_copy)
        return file_copy;
    char *copy = (char *)wmem_map_lookup(interned, packet_copy);
    if (!copy) {
        copy = wmem_strdup(wmem_file_scope(), packet_copy);
        wmem_map_insert(interned, copy, copy);
    }
    return copy;
}

/* Names read in this frame belong to the handshake open in it.  The cipher
 * suite's and group's are Wireshark's own value strings, which live as long
 * as the program: no copy. */
static void keep_names(tlsx_record *rec, const tlsx_wire_names *names)
{
    rec->sni = keep(rec->sni, names->sni);
    rec->alpn = keep(rec->alpn, names->alpn);
    if (!rec->cipher)
        rec->cipher = names->cipher;
    if (!rec->group)
        rec->group = names->group;
}

/* Network and processing times of the step, and the baseline they rest on. */
static void split_step(conn_state *cs, tlsx_frame_step *fst)
{
    tlsx_baseline b;
    tlsx_handshake_split(&cs->hs, &cs->tcp, &fst->st, &b);
    fst->point = (guint8)tlsx_capture_point_of(&b);
    fst->rtt = b.rtt;
    fst->rtt_estimated = b.estimated;
}

static void note_step(conn_state *cs, packet_info *pinfo, tlsx_frame_step *fst,
                      const tlsx_wire_names *names)
{
    if ((fst->st.flags & TLSX_FLAG_ABANDONS) && cs->current)
        cs->current->abandoned = TRUE;
    tlsx_record *rec = record_of(cs, &fst->st);
    fst->rec = rec;
    keep_names(rec, names);
    split_step(cs, fst);
    if (fst->st.step) {
        rec->last_frame = pinfo->num;
        rec->last_step = fst->st.step;
    }
    if (fst->st.ends) {
        tlsx_handshake_summarize(&cs->hs, &rec->ended);
        rec->has_summary = TRUE;
        rec->summary_frame = pinfo->num;
        if (cs->hs.transport != TLSX_TRANSPORT_TCP) {
            /* No connection set-up before the handshake: UDP has none, and
             * QUIC's is this handshake. */
            rec->has_setup = tlsx_time_between(cs->hs.start, cs->hs.end, &rec->setup_time);
            rec->setup_rtts = rec->ended.rtts;
        } else if (cs->tcp.known && tlsx_time_between(cs->syn, cs->hs.end, &rec->setup_time)) {
            rec->has_setup = TRUE;
            rec->setup_rtts = 1 + rec->ended.rtts;
        }
    } else if (!rec->summary_frame) {
        rec->waiting_for = tlsx_handshake_waiting_for(&cs->hs);
    }
}

/* The handshake's time to its first application data, once it is known. */
static void note_time_to_app_data(conn_state *cs)
{
    tlsx_record *rec = cs->current;
    if (rec && rec->id == cs->hs.id && cs->hs.app_data_seen && !rec->has_app_data)
        rec->has_app_data =
            tlsx_time_between(cs->hs.start, cs->hs.app_data_at, &rec->time_to_app_data);
}

static tlsx_time time_of(packet_info *pinfo)
{
    tlsx_time t = {(int64_t)pinfo->abs_ts.secs, pinfo->abs_ts.nsecs};
    return t;
}

/* A frame of application data only, after the handshake: all it tells is
 * when its sender last sent a record (where the other side's next wait
 * starts), so it is fed as one event, without putting records in order.
 * Most frames of a capture are such frames. */
static void note_late_app_data(conn_state *cs, packet_info *pinfo, const tlsx_wire_fields *fields,
                               proto_tree *tree)
{
    if (!cs->client_known || !tlsx_wire_has_app_data(fields, tree))
        return;
    tlsx_event ev;
    tlsx_step st;
    memset(&ev, 0, sizeof ev);
    ev.kind = TLSX_EV_APP_DATA;
    ev.side = sender_of(cs, pinfo);
    ev.ts = time_of(pinfo);
    tlsx_handshake_feed(&cs->hs, &next_handshake_id, &ev, &st); /* never a step */
    note_time_to_app_data(cs);
}

/* First pass: the frame's steps, or NULL when it has none. */
static tlsx_frame *explain_frame(packet_info *pinfo, proto_tree *tree, int transport)
{
    conn_state *cs;
    const tlsx_wire_fields *fields = transport == TLSX_TRANSPORT_DTLS   ? &dtls_fields
                                     : transport == TLSX_TRANSPORT_QUIC ? &quic_fields
                                                                        : &tls_fields;
    tlsx_wire_records records;
    if (tlsx_wire_find_records(fields, pinfo, tree, &records)) {
        cs = lookup_conn(pinfo, tree, transport, TRUE);
    } else {
        /* Most TLS frames: application data only. */
        if (conns_reading_app_data == 0)
            return NULL;
        cs = lookup_conn(pinfo, tree, transport, FALSE);
        if (!cs || !tlsx_handshake_reads_app_data(&cs->hs))
            return NULL;
        if (transport != TLSX_TRANSPORT_QUIC && !tlsx_handshake_open(&cs->hs)) {
            note_late_app_data(cs, pinfo, fields, tree);
            return NULL;
        }
    }

    guint n;
    tlsx_wire_names names;
    tlsx_event *events = tlsx_wire_collect(fields, &records, pinfo, tree, &n, &names);
    if (n == 0)
        return NULL;

    tlsx_side side;
    if (!frame_side(cs, pinfo, events, n, &side))
        return NULL;
    if (!cs->tcp_looked_up) {
        cs->tcp_looked_up = TRUE;
        if (transport == TLSX_TRANSPORT_TCP)
            tlsexplain_tcp_baseline(pinfo, &cs->tcp, &cs->syn);
    }

    tlsx_frame_step *steps = wmem_alloc_array(pinfo->pool, tlsx_frame_step, n);
    guint count = 0;
    for (guint i = 0; i < n; i++) {
        events[i].side = side;
        /* QUIC decrypts its Initial packets without a key log: only what
         * comes after the hellos tells that the keys were there. */
        if (transport == TLSX_TRANSPORT_QUIC && events[i].kind == TLSX_EV_HANDSHAKE)
            events[i].decrypted = events[i].hs_type != TLSX_HS_CLIENT_HELLO &&
                                  events[i].hs_type != TLSX_HS_SERVER_HELLO;
        events[i].ts = time_of(pinfo);
        if (tlsx_handshake_feed(&cs->hs, &next_handshake_id, &events[i], &steps[count].st))
            note_step(cs, pinfo, &steps[count++], &names);
    }
    count_reading_app_data(cs);
    note_time_to_app_data(cs);
    if (count == 0)
        return NULL;

    tlsx_frame *fs =
        (tlsx_frame *)wmem_alloc(pinfo->pool, sizeof(tlsx_frame) + count * sizeof(tlsx_frame_step));
    fs->count = count;
    fs->first_pass = TRUE;
    memcpy(fs->steps, steps, count * sizeof(tlsx_frame_step));
    tlsexplain_store_frame(pinfo, fs);
    return fs;
}

static nstime_t to_nstime(tlsx_time t)
{
    nstime_t ns;
    ns.secs = (time_t)t.secs;
    ns.nsecs = t.nsecs;
    return ns;
}

static proto_item *add_time(proto_tree *tree, tvbuff_t *tvb, int hf, tlsx_time t)
{
    nstime_t ns = to_nstime(t);
    proto_item *pi = proto_tree_add_time(tree, hf, tvb, 0, 0, &ns);
    proto_item_set_generated(pi);
    return pi;
}

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
    if (!tlsx_tree_visible(tree) || strlen(text) < ITEM_LABEL_LENGTH - 40)
        return;
    tlsexplain_add_lines(proto_item_add_subtree(pi, ett_explanation), tvb, ett_explanation, text,
                         is_static);
}

static const char *direction_of(const tlsx_step *st)
{
    return st->side == TLSX_CLIENT ? "OUT" : "IN";
}

/* The step's explanation; an alert's says what an alert of its level does,
 * then what its description means.  A handshake's first step also says
 * what upgraded the connection to TLS, or what carries the handshake. */
static const char *explanation(packet_info *pinfo, const tlsx_frame_step *fst, tlsx_lang lang,
                               gboolean *is_static)
{
    /* Chinese puts no space between sentences. */
    const char *join = lang == TLSX_LANG_ZH ? "" : " ";
    const tlsx_step *st = &fst->st;
    const char *text = tlsx_explain(lang, (tlsx_explain_key)st->explain);
    *is_static = FALSE; /* until proven otherwise below */
    if (st->kind == TLSX_STEP_ALERT && st->alert_level)
        text =
            wmem_strconcat(pinfo->pool, text, join, tlsx_alert_explain(lang, st->alert_desc), NULL);
    else if (st->step != 1 || (fst->rec->upgrade < 0 && fst->rec->transport == TLSX_TRANSPORT_TCP))
        *is_static = TRUE;
    if (st->step != 1)
        return text;
    const int upgrade = tlsexplain_starttls_explain_key(fst->rec->upgrade);
    if (upgrade >= 0)
        text = wmem_strconcat(pinfo->pool, tlsx_explain(lang, (tlsx_explain_key)upgrade), join,
                              text, NULL);
    if (fst->rec->transport == TLSX_TRANSPORT_DTLS)
        text =
            wmem_strconcat(pinfo->pool, text, join, tlsx_explain(lang, TLSX_EX_CONTEXT_DTLS), NULL);
    else if (fst->rec->transport == TLSX_TRANSPORT_QUIC)
        text =
            wmem_strconcat(pinfo->pool, text, join, tlsx_explain(lang, TLSX_EX_CONTEXT_QUIC), NULL);
    return text;
}

static gboolean has_extra_rtt(const tlsx_record *rec)
{
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    return s && s->complete &&
           s->rtts > tlsx_rtts_needed(s->version, s->variant, s->resumed, s->cookie);
}

/* A handshake that took more round trips than its kind needs. */
static void add_extra_rtt_info(packet_info *pinfo, proto_item *sti, const tlsx_record *rec)
{
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    const uint32_t needed = tlsx_rtts_needed(s->version, s->variant, s->resumed, s->cookie);
    if (!has_extra_rtt(rec))
        return;
    if (s->hrr)
        expert_add_info_format(
            pinfo, sti, &ei_extra_rtt,
            "%u round trips where %u would do: the server answered the first Client Hello with a "
            "HelloRetryRequest, since none of the client's key shares was of a group it accepts; "
            "a client that offers %s first saves a round trip",
            s->rtts, needed, rec->group ? rec->group : "the server's group");
    else
        expert_add_info_format(pinfo, sti, &ei_extra_rtt,
                               "%u round trips where this kind of handshake needs %u", s->rtts,
                               needed);
}

/* Whether the step ended its handshake with an alert. */
static gboolean alert_ended(const tlsx_step *st)
{
    return st->kind == TLSX_STEP_ALERT && st->step && st->ends;
}

/* Only once the whole capture has been read is it known that nothing came
 * after the step: the last step of a handshake that never ended. */
static gboolean last_of_unfinished(packet_info *pinfo, const tlsx_frame_step *fst)
{
    const tlsx_record *rec = fst->rec;
    return PINFO_FD_VISITED(pinfo) && !rec->summary_frame && !rec->abandoned && fst->st.step &&
           fst->st.step == rec->last_step && rec->last_frame == pinfo->num;
}

/* Whether the summary of the step's handshake is shown with it: at the step
 * that ended the handshake, unless a later one overturned that end. */
static gboolean shows_summary(packet_info *pinfo, const tlsx_frame_step *fst)
{
    return fst->st.ends && fst->rec->has_summary && fst->rec->summary_frame == pinfo->num;
}

/* Whether a step has something for Expert Information: what
 * add_expert_infos() adds something for. */
static gboolean has_expert_info(packet_info *pinfo, const tlsx_frame_step *fst)
{
    const tlsx_step *st = &fst->st;
    return st->flags || st->time_backwards || alert_ended(st) || last_of_unfinished(pinfo, fst) ||
           (shows_summary(pinfo, fst) && has_extra_rtt(fst->rec));
}

/* Adds the step's expert infos to sti, or to none when there is no tree:
 * Expert Information and tshark -z expert dissect without one. */
static void add_expert_infos(packet_info *pinfo, proto_item *sti, const tlsx_frame_step *fst)
{
    const tlsx_step *st = &fst->st;
    const char *name = tlsx_step_name(st);

    if (st->flags & TLSX_FLAG_ABANDONS)
        expert_add_info_format(pinfo, sti, &ei_unexpected,
                               "A new Client Hello while handshake %u was still open: that "
                               "handshake was abandoned and handshake %u starts",
                               st->handshake - 1, st->handshake);
    if (st->flags & TLSX_FLAG_WRONG_SIDE)
        expert_add_info_format(pinfo, sti, &ei_unexpected,
                               "Unexpected message: %s sent by the %s, which never sends it", name,
                               st->side == TLSX_CLIENT ? "client" : "server");
    else if (st->flags & TLSX_FLAG_UNEXPECTED)
        expert_add_info_format(pinfo, sti, &ei_unexpected,
                               "Unexpected message: %s does not belong here in this handshake "
                               "(out of order, or not part of this kind of handshake)",
                               name);
    if (st->flags & TLSX_FLAG_MISSING)
        expert_add_info_format(pinfo, sti, &ei_missing,
                               "%s came, but the %s this handshake requires before it never came",
                               name, tlsx_sequence_msg_name(st->missing));
    if (st->flags & TLSX_FLAG_DUPLICATE)
        expert_add_info_format(pinfo, sti, &ei_duplicate,
                               "%s repeats a message this handshake already had (retransmission "
                               "or duplicated frame): not counted as a step",
                               name);
    if (st->flags & TLSX_FLAG_MID_CAPTURE)
        expert_add_info(pinfo, sti, &ei_mid_capture);
    if (alert_ended(st)) {
        const char *alert_name =
            tlsx_alert_name(st->alert_desc) ? tlsx_alert_name(st->alert_desc) : "Unknown";
        const char *level = st->alert_level == TLSX_ALERT_FATAL ? "Fatal" : "Warning";
        if (st->flags & TLSX_FLAG_OVERTURNS)
            expert_add_info_format(pinfo, sti, &ei_alert,
                                   "%s alert %s (%u) ended handshake %u: the %s refused the "
                                   "handshake after the %s's Finished, before sending anything "
                                   "else",
                                   level, alert_name, st->alert_desc, st->handshake,
                                   st->side == TLSX_CLIENT ? "client" : "server",
                                   st->side == TLSX_CLIENT ? "server" : "client");
        else if (st->alert_level)
            expert_add_info_format(pinfo, sti, &ei_alert, "%s alert %s (%u) ended handshake %u",
                                   level, alert_name, st->alert_desc, st->handshake);
        else
            expert_add_info_format(pinfo, sti, &ei_alert,
                                   "Encrypted alert ended handshake %u (its description needs "
                                   "the key log)",
                                   st->handshake);
    }
    const tlsx_record *rec = fst->rec;
    if (last_of_unfinished(pinfo, fst)) {
        if (rec->waiting_for != TLSX_MSG_NONE)
            expert_add_info_format(pinfo, sti, &ei_incomplete,
                                   "Handshake %u never completed: the capture holds nothing after "
                                   "this step (the %s was still to come)",
                                   st->handshake, tlsx_sequence_msg_name(rec->waiting_for));
        else
            expert_add_info_format(pinfo, sti, &ei_incomplete,
                                   "Handshake %u never completed: the capture holds nothing after "
                                   "this step",
                                   st->handshake);
    }
    if (st->time_backwards)
        expert_add_info(pinfo, sti, &ei_time_backwards);
    if (st->flags & TLSX_FLAG_SLOW) {
        char wait[TLSX_TIME_TEXT_SIZE], network[TLSX_TIME_TEXT_SIZE], spent[TLSX_TIME_TEXT_SIZE];
        expert_add_info_format(pinfo, sti, &ei_slow,
                               "Slow: %s since the %s's last message, over tlsexplain.slow_ms (%u "
                               "ms): %s of network round trip and %s the %s spent",
                               tlsexplain_ms_text(wait, st->since_peer),
                               st->side == TLSX_CLIENT ? "server" : "client", pref_slow_ms,
                               tlsexplain_ms_text(network, st->network),
                               tlsexplain_ms_text(spent, st->processing),
                               st->side == TLSX_CLIENT ? "client" : "server");
    }
    if (shows_summary(pinfo, fst))
        add_extra_rtt_info(pinfo, sti, rec);
}

static void show_step(proto_tree *top, tvbuff_t *tvb, packet_info *pinfo,
                      const tlsx_frame_step *fst)
{
    const tlsx_step *st = &fst->st;
    const char *name = tlsx_step_name(st);
    proto_item *sti;
    proto_tree *t;

    /* "Step 2: Server Hello [IN]", put together without a format. */
    char label[96];
    tlsx_text text;
    tlsx_text_init(&text, label, sizeof label);
    if (st->step) {
        tlsx_text_add(&text, "Step ");
        tlsx_text_add_uint(&text, st->step);
        tlsx_text_add(&text, ": ");
    } else {
        tlsx_text_add(&text, st->flags & TLSX_FLAG_DUPLICATE ? "Repeated: " : "Post-handshake: ");
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
    gboolean has_curl = st->kind == TLSX_STEP_ALERT
                            ? tlsx_curl_alert_line(curl, sizeof curl, st->alert_level,
                                                   st->alert_desc, (tlsx_side)st->side, st->version)
                            : tlsx_curl_line(curl, sizeof curl, (tlsx_step_kind)st->kind,
                                             st->hs_type, (tlsx_side)st->side, st->version);
    if (has_curl)
        add_string(t, tvb, hf_curl, curl, FALSE);

    if (st->step == 1 && fst->rec->upgrade >= 0) {
        add_string(t, tvb, hf_starttls, tlsexplain_starttls_label(fst->rec->upgrade), FALSE);
        proto_item_set_generated(
            proto_tree_add_uint(t, hf_starttls_frame, tvb, 0, 0, fst->rec->upgrade_frame));
    }
    gboolean is_static;
    const char *zh = explanation(pinfo, fst, TLSX_LANG_ZH, &is_static);
    add_explanation(t, tvb, hf_explain_zh, zh, is_static, pref_language == LANG_EN);
    const char *en = explanation(pinfo, fst, TLSX_LANG_EN, &is_static);
    add_explanation(t, tvb, hf_explain_en, en, is_static, pref_language == LANG_ZH);

    add_time(t, tvb, hf_since_prev, st->since_prev);
    if (st->has_since_peer)
        add_time(t, tvb, hf_since_peer, st->since_peer);
    add_time(t, tvb, hf_since_start, st->since_start);
    if (st->has_split) {
        const char *note = tlsexplain_estimate_note(st->split_estimated, fst->rec->transport);
        proto_item *pi = add_time(t, tvb, hf_network, st->network);
        tlsexplain_append_note(pi, note);
        pi = add_time(t, tvb, hf_processing, st->processing);
        tlsexplain_append_note(pi, note);
        tlsexplain_add_baseline(t, tvb, (tlsx_capture_point)fst->point, fst->rtt,
                                tlsexplain_estimate_note(fst->rtt_estimated, fst->rec->transport));
    }
    proto_item_set_generated(proto_tree_add_boolean(t, hf_encrypted, tvb, 0, 0, st->encrypted));
    if (fst->rec->summary_frame)
        proto_item_set_generated(
            proto_tree_add_uint(t, hf_summary_frame, tvb, 0, 0, fst->rec->summary_frame));

    add_expert_infos(pinfo, sti, fst);
}

/* "+0.101 s" for waits of a millisecond or more, "+0.000087 s" below. */
static void append_info(packet_info *pinfo, const tlsx_step *st)
{
    const char *name = tlsx_step_name(st);
    const char *dir = direction_of(st);
    char num[24];

    if (st->step)
        snprintf(num, sizeof num, pref_language == LANG_ZH ? "第%u步" : "Step %u", st->step);
    else if (st->flags & TLSX_FLAG_DUPLICATE)
        g_strlcpy(num, pref_language == LANG_ZH ? "重复" : "Repeated", sizeof num);
    else
        g_strlcpy(num, pref_language == LANG_ZH ? "握手后" : "Post-handshake", sizeof num);

    if (!st->has_since_peer) {
        col_append_fstr(pinfo->cinfo, COL_INFO, " [%s %s %s]", num, dir, name);
        return;
    }
    char wait[TLSX_TIME_TEXT_SIZE];
    const gboolean ms = st->since_peer.secs != 0 || st->since_peer.nsecs >= 1000000;
    col_append_fstr(pinfo->cinfo, COL_INFO, " [%s %s %s +%s s]", num, dir, name,
                    tlsexplain_time_text(wait, st->since_peer, 0, ms ? 3 : 6));
}

static gboolean frame_has_expert_info(packet_info *pinfo, const tlsx_frame *fs)
{
    for (guint i = 0; i < fs->count; i++) {
        if (has_expert_info(pinfo, &fs->steps[i]))
            return TRUE;
    }
    return FALSE;
}

static void show_frame(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const tlsx_frame *fs)
{
    if (pref_info_column && pinfo->cinfo) {
        for (guint i = 0; i < fs->count; i++)
            append_info(pinfo, &fs->steps[i].st);
    }
    /* No tree (the Expert Information dialog, tshark -2's second pass without
     * -V): the expert infos all the same, on no item. */
    if (!tree) {
        for (guint i = 0; i < fs->count; i++)
            add_expert_infos(pinfo, NULL, &fs->steps[i]);
        return;
    }
    /* tshark -q, or a filter on other fields: the tree is built but shows
     * nothing of ours, so build nothing but what expert infos need (a filter
     * may ask for them). */
    if (!proto_field_is_referenced(tree, proto_tlsexplain) && !frame_has_expert_info(pinfo, fs))
        return;
    proto_item *ti = proto_tree_add_item(tree, proto_tlsexplain, tvb, 0, 0, ENC_NA);
    /* The whole label at once: appending would build the default one first. */
    proto_item_set_text(ti, PROTO_NAME ": %u message%s", fs->count, plurality(fs->count, "", "s"));
    proto_tree *top = proto_item_add_subtree(ti, ett_tlsexplain);
    for (guint i = 0; i < fs->count; i++) {
        show_step(top, tvb, pinfo, &fs->steps[i]);
        if (shows_summary(pinfo, &fs->steps[i]))
            tlsexplain_summary_show(top, tvb, fs->steps[i].rec);
    }
}

/* What the frame's layers say: whether it has TLS or DTLS, what carries
 * it, and which upgrade command (STARTTLS) its protocol may hold. */
typedef struct {
    gboolean tls, quic;
    int transport;
    int upgrade_proto; /* tlsexplain_starttls_proto_index(), -1 none */
} frame_layers;

/* Every frame's layers are read: one bit per protocol id marks those that
 * matter, so that the others cost a bit test. */
static guint8 *layer_marks;
static guint layer_marks_bits;

static void mark_layer(int proto)
{
    if (proto >= 0 && (guint)proto < layer_marks_bits)
        layer_marks[proto >> 3] |= (guint8)(1u << (proto & 7));
}

static gboolean is_marked(int proto)
{
    return proto >= 0 && (guint)proto < layer_marks_bits &&
           (layer_marks[proto >> 3] & (1u << (proto & 7)));
}

static void read_layers(packet_info *pinfo, frame_layers *l)
{
    gboolean dtls = FALSE;
    l->tls = l->quic = FALSE;
    l->upgrade_proto = -1;
    for (wmem_list_frame_t *f = wmem_list_head(pinfo->layers); f; f = wmem_list_frame_next(f)) {
        const int proto = GPOINTER_TO_INT(wmem_list_frame_data(f));
        if (!is_marked(proto))
            continue;
        if (proto == protos.tls)
            l->tls = TRUE;
        else if (proto == protos.dtls)
            dtls = TRUE;
        else if (proto == protos.quic)
            l->quic = TRUE;
        else if (l->upgrade_proto < 0)
            l->upgrade_proto = tlsexplain_starttls_proto_index(proto);
    }
    l->tls |= dtls;
    l->transport = l->quic ? TLSX_TRANSPORT_QUIC : dtls ? TLSX_TRANSPORT_DTLS : TLSX_TRANSPORT_TCP;
}

/* A plaintext frame of a protocol that may upgrade its connection to TLS:
 * the last one each way is kept until a handshake follows. */
static void note_plaintext(packet_info *pinfo, proto_tree *tree, int proto_index)
{
    conn_state *cs = lookup_conn(pinfo, tree, TLSX_TRANSPORT_TCP, TRUE);
    if (cs->hs.id)
        return; /* TLS already: this is decrypted application data */
    struct plaintext *p = cs->plain;
    if (!p) {
        p = cs->plain = wmem_new0(wmem_file_scope(), struct plaintext);
        p->proto = (gint8)proto_index;
    }
    int i = 0;
    if (p->frame[0] && !is_endpoint(&p->addr[0], p->port[0], &pinfo->src, pinfo->srcport))
        i = 1;
    if (!p->frame[i])
        set_endpoint(&p->addr[i], &p->port[i], &pinfo->src, pinfo->srcport);
    p->frame[i] = pinfo->num;
}

static int dissect_tlsexplain(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    tlsx_frame *fs;

    if (PINFO_FD_VISITED(pinfo)) {
        fs = tlsexplain_stored_frame(pinfo);
    } else {
        frame_layers l;
        read_layers(pinfo, &l);
        if (!l.tls && !l.quic) {
            if (l.upgrade_proto >= 0)
                note_plaintext(pinfo, tree, l.upgrade_proto);
            return 0;
        }
        fs = explain_frame(pinfo, tree, l.transport);
    }
    if (!fs)
        return 0;
    show_frame(tvb, pinfo, tree, fs);
    if (have_tap_listener(tlsexplain_tap))
        tap_queue_packet(tlsexplain_tap, pinfo, fs);
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

    proto_tlsexplain = proto_register_protocol(PROTO_NAME, "TLS Explainer", "tlsexplain");
    proto_register_field_array(proto_tlsexplain, hf, array_length(hf));
    tlsexplain_summary_register(proto_tlsexplain);
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
    prefs_register_uint_preference(module, "slow_ms", "Slow step threshold (ms)",
                                   "A step whose wait since the peer's last message is longer is "
                                   "flagged in Expert Information, with its network and "
                                   "processing parts",
                                   10, &pref_slow_ms);

    quic_conns =
        wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_direct_hash, g_direct_equal);
    interned =
        wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_str_hash, g_str_equal);
    tlsexplain_handle = create_dissector_handle(dissect_tlsexplain, proto_tlsexplain);
    register_postdissector(tlsexplain_handle);
    tlsexplain_tap = register_tap("tlsexplain");
    register_init_routine(tlsexplain_init);
    register_cleanup_routine(tlsexplain_cleanup);
    tlsexplain_stats_register();
    tlsexplain_trace_register();
    tlsexplain_flow_register(proto_tlsexplain);
}

static void proto_reg_handoff_tlsexplain(void)
{
    tlsx_wire_lookup_protos(&protos);
    wanted_fields = tlsx_wire_lookup_fields(&tls_fields, &dtls_fields, &quic_fields);
    tlsexplain_starttls_lookup();
    int marked[16], n = 0;
    marked[n++] = protos.tls;
    marked[n++] = protos.dtls;
    marked[n++] = protos.quic;
    for (int i = 0; i < tlsexplain_starttls_count() && n < (int)G_N_ELEMENTS(marked); i++)
        marked[n++] = tlsexplain_starttls_proto(i);
    for (int i = 0; i < n; i++)
        layer_marks_bits = MAX(layer_marks_bits, (guint)MAX(marked[i], 0) + 1);
    layer_marks = wmem_alloc0_array(wmem_epan_scope(), guint8, layer_marks_bits / 8 + 1);
    for (int i = 0; i < n; i++)
        mark_layer(marked[i]);
}

void plugin_register(void)
{
    static proto_plugin plug;

    plug.register_protoinfo = proto_register_tlsexplain;
    plug.register_handoff = proto_reg_handoff_tlsexplain;
    proto_register_plugin(&plug);
}
