/* packet-tlsexplain-advice.c: the advice of a handshake (core/tlsx_advice.h),
 * decided in the first pass when the handshake ends and kept with its record,
 * then shown by every pass on the frame that ended it: one expert info per
 * advice, and a summary item per advice with its figures under it.
 *
 * The first pass also keeps what the core cannot see from one connection:
 * which earlier handshakes of a client with a server left a way to resume
 * (keyed by client address, server address and port, and server name), and
 * the frames of OCSP each address sent.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <epan/expert.h>
#include <epan/to_str.h>

#include "tlsx_advice_text.h"
#include "tlsx_group.h"
#include "tlsx_text.h"

G_STATIC_ASSERT(TLSX_ADVICE_KINDS == TLSX_ADVICE_TEXT_KINDS);

static int hf_advice = -1;
static int hf_flight_bytes = -1;
static int hf_sent_before = -1;
static int hf_cert_bytes = -1;
static int hf_cert_count = -1;
static int hf_pause = -1;
static int hf_rtt = -1;
static int hf_rtts = -1;
static int hf_earlier = -1;
static int hf_earlier_frame = -1;
static int hf_ocsp_frame = -1;
static int hf_group = -1;
static int hf_version = -1;
static int hf_offered = -1;
static int hf_cipher = -1;
static int hf_ocsp_for = -1;
static int hf_ocsp_for_handshake = -1;
static int ett_advice = -1;
static int ett_advice_text = -1;
static expert_field ei_advice[TLSX_ADVICE_KINDS] = {EI_INIT, EI_INIT, EI_INIT, EI_INIT,
                                                    EI_INIT, EI_INIT, EI_INIT, EI_INIT,
                                                    EI_INIT, EI_INIT, EI_INIT};
static expert_field ei_ocsp_for = EI_INIT;
/* The note twin of a cost that can be no round trip (no_resumption in TLS
 * 1.3): a warning only where a round trip was lost. */
static expert_field ei_no_resumption_no_rtt = EI_INIT;

static expert_field *ei_of(const tlsx_advice *a)
{
    if (a->kind == TLSX_ADVICE_NO_RESUMPTION && !a->rtts)
        return &ei_no_resumption_no_rtt;
    return &ei_advice[a->kind];
}

/* An earlier handshake that left a ticket or session ID, once it completed
 * and had it (available: the later of the two frames). */
typedef struct {
    guint32 id, resume_frame, available;
} resumable;

static wmem_map_t *resumables;  /* resume_key -> wmem_array_t of resumable, in frame order */
static wmem_map_t *ocsp_frames; /* sender's address -> wmem_array_t of guint32 */

/* The most recent handshake each client address ended, and whether it
 * ended with no_staple and an OCSP request of that client is still to be
 * linked to it (only the first one after it is). */
typedef struct {
    guint32 id, frame;
    gboolean waits;
} last_handshake;

/* An OCSP request linked to the handshake before it: its number and the
 * frame of its summary. */
typedef struct {
    guint32 id, frame;
} ocsp_link;

static wmem_map_t *last_ended; /* client's address -> last_handshake */
static wmem_map_t *ocsp_links; /* frame number -> ocsp_link, decided in the first pass */

/* What a client resumes with: the same server, port and name.  Looked up
 * with the frame's own addresses, kept with copies of them. */
typedef struct {
    address client, server;
    guint32 port;
    const char *sni; /* "" for none */
} resume_key;

static guint resume_key_hash(gconstpointer k)
{
    const resume_key *key = (const resume_key *)k;
    return add_address_to_hash(add_address_to_hash(g_str_hash(key->sni) ^ key->port, &key->client),
                               &key->server);
}

static gboolean resume_key_equal(gconstpointer a, gconstpointer b)
{
    const resume_key *x = (const resume_key *)a, *y = (const resume_key *)b;
    return x->port == y->port && addresses_equal(&x->client, &y->client) &&
           addresses_equal(&x->server, &y->server) && strcmp(x->sni, y->sni) == 0;
}

static resume_key *keep_resume_key(const resume_key *k)
{
    resume_key *kept = wmem_new(wmem_file_scope(), resume_key);
    copy_address_wmem(wmem_file_scope(), &kept->client, &k->client);
    copy_address_wmem(wmem_file_scope(), &kept->server, &k->server);
    kept->port = k->port;
    kept->sni = wmem_strdup(wmem_file_scope(), k->sni);
    return kept;
}

static guint address_hash(gconstpointer a)
{
    return add_address_to_hash(0, (const address *)a);
}

static gboolean address_equal(gconstpointer a, gconstpointer b)
{
    return addresses_equal((const address *)a, (const address *)b);
}

static address *keep_address(const address *a)
{
    address *kept = wmem_new(wmem_file_scope(), address);
    copy_address_wmem(wmem_file_scope(), kept, a);
    return kept;
}

void tlsexplain_advice_note_ocsp(packet_info *pinfo)
{
    const address *a = &pinfo->src;
    wmem_array_t *frames = (wmem_array_t *)wmem_map_lookup(ocsp_frames, a);
    if (!frames) {
        frames = wmem_array_new(wmem_file_scope(), sizeof(guint32));
        wmem_map_insert(ocsp_frames, keep_address(a), frames);
    }
    wmem_array_append_one(frames, pinfo->num);
    /* The first OCSP frame its sender sent after a handshake of its own
     * that ended with no_staple: a request (the responder's answer comes
     * from another address, and after it). */
    last_handshake *last = (last_handshake *)wmem_map_lookup(last_ended, a);
    if (last && last->waits && last->frame < pinfo->num) {
        last->waits = FALSE;
        ocsp_link *link = wmem_new(wmem_file_scope(), ocsp_link);
        link->id = last->id;
        link->frame = last->frame;
        wmem_map_insert(ocsp_links, GUINT_TO_POINTER(pinfo->num), link);
    }
}

/* The last OCSP frame the client sent after first and before last. */
static guint32 ocsp_between(const address *client, guint32 first, guint32 last)
{
    wmem_array_t *frames = (wmem_array_t *)wmem_map_lookup(ocsp_frames, client);
    for (guint i = frames ? wmem_array_get_count(frames) : 0; i > 0; i--) {
        const guint32 f = *(const guint32 *)wmem_array_index(frames, i - 1);
        if (f > first && f < last)
            return f;
    }
    return 0;
}

/* The latest earlier handshake of the key that could be resumed before
 * frame. */
static const resumable *resumable_before(const resume_key *key, guint32 id, guint32 frame)
{
    wmem_array_t *list = (wmem_array_t *)wmem_map_lookup(resumables, key);
    for (guint i = list ? wmem_array_get_count(list) : 0; i > 0; i--) {
        const resumable *r = (const resumable *)wmem_array_index(list, i - 1);
        if (r->id != id && r->available < frame)
            return r;
    }
    return NULL;
}

/* What the congestion window decision rests on (tlsx_advice_stall()): the
 * same when the glue tells the model and when it gives the advice. */
static void stall_input(tlsx_advice_input *in, const tlsx_summary *s, const tlsx_handshake *hs,
                        const tlsexplain_record *rec, const tlsexplain_tcp_flight *tcp)
{
    memset(in, 0, sizeof *in);
    in->summary = s;
    in->facts = &hs->advice;
    in->client_hello_seen = hs->client_hello_seen && !hs->mid_capture;
    if (rec && rec->tcp)
        in->tcp = *rec->tcp;
    if (tcp && tcp->known) {
        in->tcp_flight = TRUE;
        in->tcp_flight_bytes = tcp->bytes;
        in->tcp_sent_before = tcp->sent_before;
        in->tcp_pause = tcp->pause;
        in->tcp_pause_frame = tcp->pause_frame;
        in->tcp_acked = tcp->acked;
    }
}

gboolean tlsexplain_advice_stalled(const tlsx_handshake *hs, const tlsexplain_record *rec,
                                   const tlsexplain_tcp_flight *tcp)
{
    tlsx_summary s;
    tlsx_handshake_summarize(hs, &s);
    tlsx_advice_input in;
    stall_input(&in, &s, hs, rec, tcp);
    tlsx_advice a;
    return tlsx_advice_stall(&in, &a);
}

void tlsexplain_advice_note_step(packet_info *pinfo, tlsexplain_advice_conn *ac,
                                 const tlsx_handshake *hs, tlsexplain_record *rec,
                                 const tlsx_step *st, const address *client, const address *server,
                                 guint32 server_port, const tlsexplain_tcp_flight *tcp)
{
    if (ac->id != rec->id) {
        ac->id = rec->id;
        ac->first_frame = pinfo->num;
        ac->resume_frame = 0;
        ac->registered = FALSE;
    }
    if (hs->id != rec->id)
        return;
    if (!ac->resume_frame && (hs->advice.bits & (TLSX_AF_SERVER_ID | TLSX_AF_TICKET)))
        ac->resume_frame = pinfo->num;
    const resume_key key = {*client, *server, server_port, rec->sni ? rec->sni : ""};
    if (st->ends) {
        const tlsx_summary *s = tlsexplain_summary_of(rec);
        tlsx_advice_input in;
        stall_input(&in, s, hs, rec, tcp);
        in.end_frame = pinfo->num;
        const resumable *r = resumable_before(&key, rec->id, ac->first_frame);
        if (r) {
            in.earlier = r->id;
            in.earlier_frame = r->resume_frame;
        }
        in.ocsp_frame = ocsp_between(client, ac->first_frame, pinfo->num);
        tlsx_advice_list list;
        tlsx_advise(&in, &list);
        rec->advice = NULL;
        if (list.count) {
            tlsx_advice_list *kept = wmem_new(wmem_file_scope(), tlsx_advice_list);
            *kept = list;
            rec->advice = kept;
        }
        /* The client's next OCSP request is linked to this handshake when
         * its server did not staple and none was seen before its end. */
        last_handshake *last = (last_handshake *)wmem_map_lookup(last_ended, client);
        if (!last) {
            last = wmem_new(wmem_file_scope(), last_handshake);
            wmem_map_insert(last_ended, keep_address(client), last);
        }
        last->id = rec->id;
        last->frame = pinfo->num;
        last->waits = FALSE;
        for (guint i = 0; i < list.count; i++) {
            if (list.item[i].kind == TLSX_ADVICE_NO_STAPLE && !list.item[i].ocsp_frame)
                last->waits = TRUE;
        }
    }
    if (hs->complete && ac->resume_frame && !ac->registered) {
        ac->registered = TRUE;
        wmem_array_t *list = (wmem_array_t *)wmem_map_lookup(resumables, &key);
        if (!list) {
            list = wmem_array_new(wmem_file_scope(), sizeof(resumable));
            wmem_map_insert(resumables, keep_resume_key(&key), list);
        }
        const resumable r = {rec->id, ac->resume_frame, pinfo->num};
        wmem_array_append_one(list, r);
    }
}

/* Rendering. */

static const char *version_text(guint16 v)
{
    return tlsx_version_name(v);
}

/* v in decimal, as "%u" prints it, without a format. */
static void append_uint(GString *out, unsigned v)
{
    char buf[16];
    tlsx_text text;
    tlsx_text_init(&text, buf, sizeof buf);
    tlsx_text_add_uint(&text, v);
    g_string_append(out, buf);
}

/* A text of the advice in the label language (its finding, or its
 * sentence when whole), its tokens filled. */
static void fill_text(GString *out, const tlsx_advice *a, const tlsexplain_record *rec,
                      gboolean whole)
{
    const tlsx_lang lang = tlsexplain_label_lang();
    const guint8 variant = tlsx_advice_variant(a);
    const char *p = whole ? tlsx_advice_sentence(lang, a->kind, variant)
                          : tlsx_advice_finding(lang, a->kind, variant);
    char buf[TLSX_TIME_TEXT_SIZE];
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!open || !close) {
            g_string_append(out, p);
            break;
        }
        g_string_append_len(out, p, open - p);
        const gsize len = (gsize)(close - open - 1);
        const char *name = open + 1;
#define IS(n) (len == strlen(n) && strncmp(name, n, len) == 0)
        if (IS("flight_bytes"))
            append_uint(out, a->flight_bytes);
        else if (IS("sent_before"))
            append_uint(out, a->sent_before);
        else if (IS("cert_bytes"))
            append_uint(out, a->cert_bytes);
        else if (IS("cert_count"))
            append_uint(out, a->cert_count);
        else if (IS("pause"))
            g_string_append(out, tlsexplain_ms_text(buf, a->pause));
        else if (IS("rtt"))
            g_string_append(out, tlsexplain_ms_text(buf, a->rtt));
        else if (IS("rtts"))
            append_uint(out, a->rtts);
        else if (IS("earlier"))
            append_uint(out, a->earlier);
        else if (IS("earlier_frame"))
            append_uint(out, a->earlier_frame);
        else if (IS("ocsp_frame"))
            append_uint(out, a->ocsp_frame);
        else if (IS("frame"))
            append_uint(out, a->frame);
        else if (IS("group"))
            g_string_append(out, rec->group ? rec->group : tlsx_group_name(a->group));
        else if (IS("version"))
            g_string_append(out, version_text(a->version));
        else if (IS("offered"))
            g_string_append(out, version_text(a->offered));
        else if (IS("cipher")) {
            if (rec->cipher)
                g_string_append(out, rec->cipher);
            else
                g_string_append_printf(out, "0x%04x", a->cipher);
        }
#undef IS
        p = close + 1;
    }
}

gboolean tlsexplain_advice_has(const tlsexplain_record *rec, guint8 kind)
{
    for (guint i = 0; rec->advice && i < rec->advice->count; i++) {
        if (rec->advice->item[i].kind == kind)
            return TRUE;
    }
    return FALSE;
}

static void add_uint(proto_tree *t, tvbuff_t *tvb, int hf, guint32 v)
{
    proto_item_set_generated(proto_tree_add_uint(t, hf, tvb, 0, 0, v));
}

static void add_figures(proto_tree *t, tvbuff_t *tvb, const tlsx_advice *a,
                        const tlsexplain_record *rec)
{
    add_uint(t, tvb, hf_rtts, a->rtts);
    switch ((tlsx_advice_kind)a->kind) {
    case TLSX_ADVICE_CWND:
        add_uint(t, tvb, hf_flight_bytes, a->flight_bytes);
        add_uint(t, tvb, hf_sent_before, a->sent_before);
        if (a->cert_bytes)
            add_uint(t, tvb, hf_cert_bytes, a->cert_bytes);
        if (a->cert_count)
            add_uint(t, tvb, hf_cert_count, a->cert_count);
        tlsexplain_add_time(t, tvb, hf_pause, a->pause);
        tlsexplain_add_time(t, tvb, hf_rtt, a->rtt);
        break;
    case TLSX_ADVICE_NO_RESUMPTION:
        add_uint(t, tvb, hf_earlier, a->earlier);
        add_uint(t, tvb, hf_earlier_frame, a->earlier_frame);
        break;
    case TLSX_ADVICE_TLS12_NOT_13:
        add_uint(t, tvb, hf_offered, a->offered);
        add_uint(t, tvb, hf_version, a->version);
        break;
    case TLSX_ADVICE_HRR:
        if (a->group) {
            proto_item *pi = proto_tree_add_uint(t, hf_group, tvb, 0, 0, a->group);
            proto_item_set_generated(pi);
            proto_item_append_text(pi, " (%s)",
                                   rec->group ? rec->group : tlsx_group_name(a->group));
        }
        break;
    case TLSX_ADVICE_NO_STAPLE:
        if (a->ocsp_frame)
            add_uint(t, tvb, hf_ocsp_frame, a->ocsp_frame);
        break;
    case TLSX_ADVICE_RSA_KEYX:
    case TLSX_ADVICE_CBC_NO_ETM:
        add_uint(t, tvb, hf_cipher, a->cipher);
        break;
    case TLSX_ADVICE_OLD_VERSION:
        add_uint(t, tvb, hf_version, a->version);
        break;
    default:
        break;
    }
}

void tlsexplain_advice_show(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo,
                            const tlsexplain_record *rec)
{
    if (!rec->advice)
        return;
    const tlsx_lang lang = tlsexplain_label_lang();
    GString *text = g_string_new(NULL);
    for (guint i = 0; i < rec->advice->count; i++) {
        const tlsx_advice *a = &rec->advice->item[i];
        proto_item *pi = proto_tree_add_string_format(
            tree, hf_advice, tvb, 0, 0, tlsx_advice_kind_name(a->kind), "%s%s (%s)",
            tlsx_advice_heading(lang), tlsx_advice_label(lang, a->kind),
            tlsx_advice_kind_name(a->kind));
        proto_item_set_generated(pi);
        g_string_truncate(text, 0);
        fill_text(text, a, rec, FALSE);
        expert_add_info_format(pinfo, pi, ei_of(a), "%s", text->str);
        proto_tree *t = proto_item_add_subtree(pi, ett_advice);
        g_string_truncate(text, 0);
        fill_text(text, a, rec, TRUE);
        tlsexplain_add_lines(t, tvb, ett_advice_text, text->str, FALSE);
        add_figures(t, tvb, a, rec);
    }
    g_string_free(text, TRUE);
}

/* Whether an expert info on no item is read: only the expert tap (tshark
 * -z expert, Analyze -> Expert Information) reads its text; without it
 * Wireshark keeps nothing of it but its severity (the Expert column, the
 * frame's highest), which the info's registration gives as well. */
static gboolean expert_text_read(void)
{
    static int expert_tap = -2;
    if (expert_tap == -2)
        expert_tap = find_tap_id("expert");
    return expert_tap <= 0 || have_tap_listener(expert_tap);
}

void tlsexplain_advice_expert_infos(packet_info *pinfo, const tlsexplain_record *rec)
{
    if (!rec->advice)
        return;
    if (!expert_text_read()) {
        for (guint i = 0; i < rec->advice->count; i++)
            expert_add_info(pinfo, NULL, ei_of(&rec->advice->item[i]));
        return;
    }
    GString *text = g_string_new(NULL);
    for (guint i = 0; i < rec->advice->count; i++) {
        const tlsx_advice *a = &rec->advice->item[i];
        g_string_truncate(text, 0);
        fill_text(text, a, rec, FALSE);
        expert_add_info_format(pinfo, NULL, ei_of(a), "%s", text->str);
    }
    g_string_free(text, TRUE);
}

gboolean tlsexplain_advice_show_ocsp(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo, int proto)
{
    if (!wmem_map_size(ocsp_links))
        return FALSE;
    const ocsp_link *link =
        (const ocsp_link *)wmem_map_lookup(ocsp_links, GUINT_TO_POINTER(pinfo->num));
    if (!link)
        return FALSE;
    const tlsx_lang lang = tlsexplain_label_lang();
    proto_item *pi = NULL;
    if (tree) {
        proto_item *ti = proto_tree_add_item(tree, proto, tvb, 0, 0, ENC_NA);
        proto_tree *t = proto_item_add_subtree(ti, ett_advice);
        pi = proto_tree_add_uint(t, hf_ocsp_for, tvb, 0, 0, link->frame);
        proto_item_set_generated(pi);
        add_uint(t, tvb, hf_ocsp_for_handshake, link->id);
    }
    GString *text = g_string_new(NULL);
    const char *p = tlsx_advice_ocsp_for(lang);
    /* {handshake} and {frame}, in the order the language puts them. */
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!open || !close) {
            g_string_append(text, p);
            break;
        }
        g_string_append_len(text, p, open - p);
        if (strncmp(open, "{handshake}", 11) == 0)
            g_string_append_printf(text, "%u", link->id);
        else if (strncmp(open, "{frame}", 7) == 0)
            g_string_append_printf(text, "%u", link->frame);
        p = close + 1;
    }
    expert_add_info_format(pinfo, pi, &ei_ocsp_for, "%s", text->str);
    g_string_free(text, TRUE);
    return TRUE;
}

void tlsexplain_advice_register(int proto)
{
    static hf_register_info hf[] = {
        {&hf_advice,
         {"Advice", "tlsexplain.summary.advice", FT_STRING, BASE_NONE, NULL, 0x0,
          "What would have made the handshake faster or safer, as the capture proves it: its kind "
          "(cwnd, no_resumption, tls12_not_13, hrr, early_rejected, no_staple, false_start, "
          "early_accepted, rsa_keyx, cbc_no_etm, old_version)",
          HFILL}},
        {&hf_flight_bytes,
         {"Server's first flight (bytes)", "tlsexplain.advice.flight_bytes", FT_UINT32, BASE_DEC,
          NULL, 0x0,
          "Bytes of the TLS records and messages of the server's first flight (Server Hello up to "
          "Server Hello Done or its Finished)",
          HFILL}},
        {&hf_sent_before,
         {"Sent before the pause (bytes)", "tlsexplain.advice.sent_before", FT_UINT32, BASE_DEC,
          NULL, 0x0, "Of the flight's bytes, those whose records came before its longest pause",
          HFILL}},
        {&hf_cert_bytes,
         {"Certificate message (bytes)", "tlsexplain.advice.cert_bytes", FT_UINT32, BASE_DEC, NULL,
          0x0, "The server's Certificate message's length", HFILL}},
        {&hf_cert_count,
         {"Certificates", "tlsexplain.advice.cert_count", FT_UINT32, BASE_DEC, NULL, 0x0,
          "Certificates in the server's Certificate message", HFILL}},
        {&hf_pause,
         {"Pause", "tlsexplain.advice.pause", FT_RELATIVE_TIME, BASE_NONE, NULL, 0x0,
          "The longest pause inside the server's first flight", HFILL}},
        {&hf_rtt,
         {"Round trip", "tlsexplain.advice.rtt", FT_RELATIVE_TIME, BASE_NONE, NULL, 0x0,
          "The TCP handshake's round trip the pause is compared with", HFILL}},
        {&hf_rtts,
         {"Round trips", "tlsexplain.advice.rtts", FT_UINT32, BASE_DEC, NULL, 0x0,
          "Round trips the advice cost or saved (0 for a security note)", HFILL}},
        {&hf_earlier,
         {"Earlier handshake", "tlsexplain.advice.earlier", FT_UINT32, BASE_DEC, NULL, 0x0,
          "The earlier handshake of this client with this server that left a ticket or session ID",
          HFILL}},
        {&hf_earlier_frame,
         {"Ticket or session ID in frame", "tlsexplain.advice.earlier_frame", FT_FRAMENUM,
          BASE_NONE, NULL, 0x0, "Where the earlier handshake got its ticket or session ID", HFILL}},
        {&hf_ocsp_frame,
         {"Client's OCSP request in frame", "tlsexplain.advice.ocsp_frame", FT_FRAMENUM, BASE_NONE,
          NULL, 0x0, "An OCSP request the client sent before the handshake ended", HFILL}},
        {&hf_group,
         {"Group asked for", "tlsexplain.advice.group", FT_UINT16, BASE_HEX, NULL, 0x0,
          "The group of the HelloRetryRequest: the client should offer it first", HFILL}},
        {&hf_version,
         {"Version", "tlsexplain.advice.version", FT_UINT16, BASE_HEX, NULL, 0x0,
          "The version the server chose", HFILL}},
        {&hf_offered,
         {"Version offered", "tlsexplain.advice.offered", FT_UINT16, BASE_HEX, NULL, 0x0,
          "The highest version the client offered", HFILL}},
        {&hf_cipher,
         {"Cipher suite", "tlsexplain.advice.cipher", FT_UINT16, BASE_HEX, NULL, 0x0,
          "The suite the server chose", HFILL}},
        {&hf_ocsp_for,
         {"OCSP request after the handshake of frame", "tlsexplain.advice.ocsp_for", FT_FRAMENUM,
          BASE_NONE, NULL, 0x0,
          "On the first OCSP request a client sent after a handshake of its own whose server did "
          "not staple its certificate's status (no_staple): the frame of that handshake's summary",
          HFILL}},
        {&hf_ocsp_for_handshake,
         {"Of handshake", "tlsexplain.advice.ocsp_for_handshake", FT_UINT32, BASE_DEC, NULL, 0x0,
          "That handshake's number (tlsexplain.handshake)", HFILL}},
    };
    static gint *ett[] = {&ett_advice, &ett_advice_text};
    proto_register_field_array(proto, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));

    /* Severities, as Wireshark's own dissectors use them: a round trip lost
     * is a warning in the sequence group (as TCP's window-full and zero-window
     * ones are), an advice that costs no round trip a note (no_resumption's
     * twin .no_rtt where it cost none); a round trip saved
     * is chat (the protocol runs as meant); a weakness is a warning in the
     * security group.  The summaries are the English labels; the text of each
     * expert info is its finding, in the label language. */
    static ei_register_info ei[] = {
        {&ei_advice[TLSX_ADVICE_CWND],
         {"tlsexplain.advice.cwnd", PI_SEQUENCE, PI_WARN,
          "Server's first flight over the congestion window", EXPFILL}},
        {&ei_advice[TLSX_ADVICE_NO_RESUMPTION],
         {"tlsexplain.advice.no_resumption", PI_SEQUENCE, PI_WARN, "No session resumption",
          EXPFILL}},
        {&ei_advice[TLSX_ADVICE_TLS12_NOT_13],
         {"tlsexplain.advice.tls12_not_13", PI_SEQUENCE, PI_WARN,
          "TLS 1.2 where the client offered TLS 1.3", EXPFILL}},
        {&ei_advice[TLSX_ADVICE_HRR],
         {"tlsexplain.advice.hrr", PI_SEQUENCE, PI_WARN, "HelloRetryRequest", EXPFILL}},
        {&ei_advice[TLSX_ADVICE_EARLY_REJECTED],
         {"tlsexplain.advice.early_rejected", PI_SEQUENCE, PI_NOTE, "0-RTT data rejected",
          EXPFILL}},
        {&ei_advice[TLSX_ADVICE_NO_STAPLE],
         {"tlsexplain.advice.no_staple", PI_SEQUENCE, PI_NOTE, "No OCSP stapling", EXPFILL}},
        {&ei_advice[TLSX_ADVICE_FALSE_START],
         {"tlsexplain.advice.false_start", PI_SEQUENCE, PI_CHAT, "TLS False Start", EXPFILL}},
        {&ei_advice[TLSX_ADVICE_EARLY_ACCEPTED],
         {"tlsexplain.advice.early_accepted", PI_SEQUENCE, PI_CHAT, "0-RTT data accepted",
          EXPFILL}},
        {&ei_advice[TLSX_ADVICE_RSA_KEYX],
         {"tlsexplain.advice.rsa_keyx", PI_SECURITY, PI_WARN, "RSA key exchange", EXPFILL}},
        {&ei_advice[TLSX_ADVICE_CBC_NO_ETM],
         {"tlsexplain.advice.cbc_no_etm", PI_SECURITY, PI_WARN,
          "CBC suite without encrypt-then-MAC", EXPFILL}},
        {&ei_advice[TLSX_ADVICE_OLD_VERSION],
         {"tlsexplain.advice.old_version", PI_SECURITY, PI_WARN, "Old protocol version", EXPFILL}},
    };
    G_STATIC_ASSERT(G_N_ELEMENTS(ei) == TLSX_ADVICE_KINDS);
    static ei_register_info ei_more[] = {
        {&ei_no_resumption_no_rtt,
         {"tlsexplain.advice.no_resumption.no_rtt", PI_SEQUENCE, PI_NOTE,
          "No session resumption (no round trip lost)", EXPFILL}},
        {&ei_ocsp_for,
         {"tlsexplain.advice.ocsp_request", PI_SEQUENCE, PI_NOTE,
          "OCSP request after a handshake without stapling", EXPFILL}},
    };
    expert_module_t *m = expert_register_protocol(proto);
    expert_register_field_array(m, ei, array_length(ei));
    expert_register_field_array(m, ei_more, array_length(ei_more));
}

void tlsexplain_advice_init(void)
{
}

void tlsexplain_advice_register_maps(void)
{
    resumables = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), resume_key_hash,
                                        resume_key_equal);
    ocsp_frames =
        wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), address_hash, address_equal);
    last_ended =
        wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), address_hash, address_equal);
    ocsp_links =
        wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_direct_hash, g_direct_equal);
}
