/* packet-tlsexplain-wire.c: see packet-tlsexplain-wire.h.
 *
 * Wire order within one frame, which always holds the records of one sender:
 *  - bytes reassembled from earlier TCP segments end this frame's first
 *    bytes, so they come before the frame's own records;
 *  - a sender switches to encryption once and never back, so everything
 *    read from a decrypted record comes after every plaintext record, and
 *    decrypted records come in the order they were decrypted;
 *  - a handshake message reassembled from several records comes where its
 *    last fragment is, which is the tls.handshake item added just before it
 *    (Wireshark adds tls.handshake items in dissection order);
 *  - within one buffer, offsets give the order.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "packet-tlsexplain-wire.h"

#include "tlsx_curl.h"
#include "tlsx_text.h"

enum {
    SRC_TCP_REASSEMBLED, /* and any other plaintext buffer */
    SRC_FRAME,
    SRC_DECRYPTED,
    SRC_HS_REASSEMBLED, /* "Reassembled TLS Handshake" */
    SRC_UNKNOWN,        /* not looked at yet */
};

typedef struct {
    const struct data_source *ds;
    tvbuff_t *tvb;
    int kind;
    int pos; /* its place in pinfo->data_src, from 0 */
} source;

typedef struct {
    int kind;
    int pos; /* the source's */
    int start;
    int sub;
} order_key;

typedef struct {
    order_key key;
    tlsx_event ev;
} pending;

/* The ids of the field prefix.name, added to all too; an empty array when
 * prefix is NULL or no such field exists. */
static GArray *ids(GArray *all, const char *prefix, const char *name)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(int));
    if (prefix) {
        char *abbrev = g_strconcat(prefix, ".", name, NULL);
        tlsexplain_append_hfids_by_name(a, abbrev);
        g_free(abbrev);
    }
    g_array_append_vals(all, a->data, a->len);
    return a;
}

/* TLS's fields or their DTLS twins (the same names under dtls.).  TLS 1.3's
 * fields are TLS's only: Wireshark 4.0 has no DTLS 1.3.  Every wanted field
 * costs a little in every frame, so DTLS asks for no more than it needs. */
static void lookup_family(GArray *all, tlsexplain_wire_fields *f, gboolean dtls)
{
    const char *both = dtls ? "dtls" : "tls";
    const char *tls = dtls ? NULL : "tls";
    const char *only_dtls = dtls ? "dtls" : NULL;
    f->handshake = ids(all, both, "handshake");
    f->handshake_type = ids(all, both, "handshake.type");
    f->ccs = ids(all, both, "change_cipher_spec");
    f->app_data = ids(all, both, "app_data");
    f->version = ids(all, both, "handshake.version");
    f->supported_version = ids(all, tls, "handshake.extensions.supported_version");
    f->alert = ids(all, both, "alert_message");
    f->alert_level = ids(all, both, "alert_message.level");
    f->alert_desc = ids(all, both, "alert_message.desc");
    f->random = ids(all, tls, "handshake.random");
    f->session_id = ids(all, both, "handshake.session_id");
    f->cipher = ids(all, both, "handshake.ciphersuite");
    f->group = ids(all, tls, "handshake.extensions_key_share_group");
    f->selected_group = ids(all, tls, "handshake.extensions_key_share_selected_group");
    f->named_curve = ids(all, both, "handshake.server_named_curve");
    f->psk_selected = ids(all, tls, "handshake.extensions.psk.identity.selected");
    f->server_name = ids(all, both, "handshake.extensions_server_name");
    f->alpn = ids(all, both, "handshake.extensions_alpn_str");
    f->msg_seq = ids(all, only_dtls, "handshake.message_seq");
    f->frag_length = ids(all, only_dtls, "handshake.fragment_length");
    f->msg_length = ids(all, only_dtls, "handshake.length");
    f->quic_packet_type = ids(all, NULL, "long.packet_type");
    f->quic_connection = ids(all, NULL, "connection.number");
    f->quic_short = ids(all, NULL, "short");
}

GArray *tlsexplain_wire_lookup_fields(tlsexplain_wire_fields *tls, tlsexplain_wire_fields *dtls,
                                      tlsexplain_wire_fields *quic)
{
    GArray *all = g_array_new(FALSE, FALSE, sizeof(int));
    lookup_family(all, tls, FALSE);
    lookup_family(all, dtls, TRUE);
    /* QUIC: TLS's fields, and its own, which TLS over TCP never looks up. */
    *quic = *tls;
    quic->quic_packet_type = ids(all, "quic", "long.packet_type");
    quic->quic_connection = ids(all, "quic", "connection.number");
    quic->quic_short = ids(all, "quic", "short");
    return all;
}

void tlsexplain_wire_lookup_protos(tlsexplain_wire_protos *p)
{
    p->tls = proto_get_id_by_filter_name("tls");
    p->dtls = proto_get_id_by_filter_name("dtls");
    p->quic = proto_get_id_by_filter_name("quic");
}

/* Every field_info of the fields in ids.  Most fields have one registration
 * and most frames items of one of them only: those are Wireshark's own array,
 * not copied; others are merged in pinfo->pool. */
typedef tlsexplain_wire_items items;

static items finfos(packet_info *pinfo, proto_tree *tree, const GArray *ids)
{
    items out = {NULL, 0};
    GPtrArray *found[4];
    guint n = 0, total = 0;
    for (guint i = 0; i < ids->len; i++) {
        GPtrArray *a = proto_get_finfo_ptr_array(tree, g_array_index(ids, int, i));
        if (!a || a->len == 0)
            continue;
        if (n == G_N_ELEMENTS(found))
            break;
        found[n++] = a;
        total += a->len;
    }
    if (n == 1) {
        out.v = (const field_info *const *)found[0]->pdata;
        out.len = found[0]->len;
    } else if (n > 1) {
        const field_info **v = wmem_alloc_array(pinfo->pool, const field_info *, total);
        for (guint i = 0; i < n; i++) {
            memcpy(v + out.len, found[i]->pdata, found[i]->len * sizeof *v);
            out.len += found[i]->len;
        }
        out.v = v;
    }
    return out;
}

gboolean tlsexplain_wire_find_records(const tlsexplain_wire_fields *f, packet_info *pinfo,
                                      proto_tree *tree, tlsexplain_wire_records *r)
{
    r->handshake = finfos(pinfo, tree, f->handshake);
    r->ccs = finfos(pinfo, tree, f->ccs);
    r->alert = finfos(pinfo, tree, f->alert);
    return r->handshake.len || r->ccs.len || r->alert.len;
}

gboolean tlsexplain_wire_has_app_data(const tlsexplain_wire_fields *f, proto_tree *tree)
{
    for (guint i = 0; i < f->app_data->len; i++) {
        const GPtrArray *a = proto_get_finfo_ptr_array(tree, g_array_index(f->app_data, int, i));
        if (a && a->len)
            return TRUE;
    }
    return FALSE;
}

/* The frame's data sources, classified lazily: most frames only ever ask
 * for the frame itself, and naming a source allocates. */
static guint list_sources(packet_info *pinfo, source **out)
{
    guint n = g_slist_length(pinfo->data_src);
    source *s = wmem_alloc_array(pinfo->pool, source, n ? n : 1);
    guint i = 0;
    for (GSList *l = pinfo->data_src; l; l = l->next, i++) {
        s[i].ds = (const struct data_source *)l->data;
        s[i].tvb = get_data_source_tvb(s[i].ds);
        s[i].pos = (int)i;
        s[i].kind = i == 0 ? SRC_FRAME : SRC_UNKNOWN;
    }
    *out = s;
    return n;
}

static source find_source(source *s, guint n, tvbuff_t *tvb)
{
    for (guint i = 0; i < n; i++) {
        if (s[i].tvb != tvb)
            continue;
        if (s[i].kind == SRC_UNKNOWN) {
            if (tlsexplain_data_source_has_prefix(s[i].ds, "Decrypted"))
                s[i].kind = SRC_DECRYPTED;
            else if (tlsexplain_data_source_has_prefix(s[i].ds, "Reassembled TLS"))
                s[i].kind = SRC_HS_REASSEMBLED;
            else
                s[i].kind = SRC_TCP_REASSEMBLED;
        }
        return s[i];
    }
    source frame = {NULL, tvb, SRC_FRAME, 0};
    return frame;
}

static order_key key_of(const source *src, const field_info *fi)
{
    order_key k = {src->kind, src->pos, fi->start, 0};
    return k;
}

static int compare_keys(const order_key *a, const order_key *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->sub != b->sub)
        return a->sub < b->sub ? -1 : 1;
    return 0;
}

/* The handshake type at the very start of a tls.handshake item, if any. */
static gboolean type_at(items types, const field_info *hs, guint8 *type)
{
    for (guint i = 0; i < types.len; i++) {
        const field_info *t = types.v[i];
        if (t->ds_tvb == hs->ds_tvb && t->start == hs->start) {
            *type = (guint8)tlsexplain_finfo_uint(t);
            return TRUE;
        }
    }
    return FALSE;
}

/* Whether an item lies inside a message (same buffer, within its bytes). */
static gboolean inside(const field_info *v, const field_info *msg)
{
    return v->ds_tvb == msg->ds_tvb && v->start >= msg->start &&
           v->start < msg->start + msg->length;
}

static const field_info *first_inside(items list, const field_info *msg)
{
    for (guint i = 0; i < list.len; i++) {
        const field_info *v = list.v[i];
        if (inside(v, msg))
            return v;
    }
    return NULL;
}

/* The fields of hellos and key exchanges, each looked up at most once per
 * frame and only when a message needs it. */
enum {
    HF_VERSION,
    HF_SUPPORTED,
    HF_RANDOM,
    HF_SESSION_ID,
    HF_CIPHER,
    HF_GROUP,
    HF_SELECTED_GROUP,
    HF_NAMED_CURVE,
    HF_PSK,
    HF_SERVER_NAME,
    HF_ALPN,
    HF_COUNT
};

typedef struct {
    const tlsexplain_wire_fields *f;
    packet_info *pinfo;
    proto_tree *tree;
    guint loaded; /* bit per HF_* */
    items v[HF_COUNT];
} hello_fields;

static items hello_field(hello_fields *h, int which)
{
    if (!(h->loaded & (1u << which))) {
        const GArray *const ids[HF_COUNT] = {
            h->f->version,        h->f->supported_version,
            h->f->random,         h->f->session_id,
            h->f->cipher,         h->f->group,
            h->f->selected_group, h->f->named_curve,
            h->f->psk_selected,   h->f->server_name,
            h->f->alpn,
        };
        h->v[which] = finfos(h->pinfo, h->tree, ids[which]);
        h->loaded |= 1u << which;
    }
    return h->v[which];
}

static const field_info *first_of(hello_fields *h, int which, const field_info *msg)
{
    return first_inside(hello_field(h, which), msg);
}

/* For a Client Hello the highest version offered, for a Server Hello the one
 * selected: supported_versions when present, else the legacy version field. */
static guint16 hello_version(hello_fields *h, const field_info *hs)
{
    guint best = 0;
    const items supported = hello_field(h, HF_SUPPORTED);
    for (guint i = 0; i < supported.len; i++) {
        const field_info *v = supported.v[i];
        guint val = tlsexplain_finfo_uint(v);
        if (inside(v, hs) && tlsx_version_rank((guint16)val) > tlsx_version_rank((guint16)best))
            best = val;
    }
    if (best)
        return (guint16)best;
    const field_info *v = first_of(h, HF_VERSION, hs);
    return v ? (guint16)tlsexplain_finfo_uint(v) : 0;
}

/* RFC 8446 4.1.3: a HelloRetryRequest is a Server Hello with this random. */
static const guint8 hrr_random[32] = {
    0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
    0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
};

static gboolean is_hrr(hello_fields *h, const field_info *hs)
{
    const field_info *r = first_of(h, HF_RANDOM, hs);
    return r && r->length == (gint)sizeof hrr_random &&
           tvb_memeql(r->ds_tvb, r->start, hrr_random, sizeof hrr_random) == 0;
}

/* FNV-1a of the session ID; 0 only for an empty one. */
static guint32 session_id_hash(hello_fields *h, const field_info *hs)
{
    const field_info *sid = first_of(h, HF_SESSION_ID, hs);
    if (!sid || sid->length <= 0 || !tvb_bytes_exist(sid->ds_tvb, sid->start, sid->length))
        return 0;
    const guint8 *bytes = tvb_get_ptr(sid->ds_tvb, sid->start, sid->length);
    guint32 x = 2166136261u;
    for (gint i = 0; i < sid->length; i++)
        x = (x ^ bytes[i]) * 16777619u;
    return x ? x : 1;
}

/* Wireshark's name of a field's value, e.g. "TLS_AES_128_GCM_SHA256". */
static const char *value_name(const field_info *fi)
{
    const header_field_info *hfi = fi->hfinfo;
    if (!hfi->strings)
        return NULL;
    guint32 v = tlsexplain_finfo_uint(fi);
    if (hfi->display & BASE_EXT_STRING)
        return try_val_to_str_ext(v, (value_string_ext *)hfi->strings);
    if ((hfi->display & (BASE_RANGE_STRING | BASE_VAL64_STRING)) ||
        FIELD_DISPLAY(hfi->display) == BASE_CUSTOM)
        return NULL;
    return try_val_to_str(v, (const value_string *)hfi->strings);
}

/* A name from the wire, escaped (tlsx_escape_name()) from the field's own
 * bytes: the string Wireshark made of them ends at a NUL and has already
 * replaced every byte that is not ASCII.  Every report shows this copy. */
static const char *string_value(packet_info *pinfo, const field_info *fi)
{
    if (!fi || fi->length <= 0 || !tvb_bytes_exist(fi->ds_tvb, fi->start, fi->length))
        return NULL;
    char *text = (char *)wmem_alloc(pinfo->pool, TLSX_NAME_SIZE);
    tlsx_escape_name(text, tvb_get_ptr(fi->ds_tvb, fi->start, fi->length), (size_t)fi->length);
    return text;
}

/* The Client Hello's ALPN protocols, comma-separated, escaped. */
static const char *offered_protocols(hello_fields *h, const field_info *hs, packet_info *pinfo)
{
    GString *all = NULL;
    const items list = hello_field(h, HF_ALPN);
    for (guint i = 0; i < list.len; i++) {
        const char *one = inside(list.v[i], hs) ? string_value(pinfo, list.v[i]) : NULL;
        if (!one)
            continue;
        if (!all)
            all = g_string_new(one);
        else
            g_string_append_printf(all, ",%s", one);
    }
    if (!all)
        return NULL;
    char *out = wmem_strdup(pinfo->pool, all->str);
    g_string_free(all, TRUE);
    return out;
}

/* The signature scheme of the server's key exchange or CertificateVerify,
 * from the message's bytes (curl 8's closing line names it). */
static void read_scheme(const field_info *hs, tlsexplain_wire_names *names)
{
    if (hs->length <= 0 || !tvb_bytes_exist(hs->ds_tvb, hs->start, hs->length))
        return;
    guint16 scheme;
    if (tlsx_curl_read_scheme(tvb_get_ptr(hs->ds_tvb, hs->start, hs->length), (size_t)hs->length,
                              &scheme)) {
        names->has_scheme = TRUE;
        names->scheme = scheme;
    }
}

/* The leaf certificate's DER bytes, from the message Wireshark assembled
 * (and decrypted, in TLS 1.3); they stay valid while the frame is read. */
static void read_leaf(const field_info *hs, tlsexplain_wire_names *names)
{
    if (names->cert || hs->length <= 0 || !tvb_bytes_exist(hs->ds_tvb, hs->start, hs->length))
        return;
    const uint8_t *der;
    size_t len;
    if (tlsx_x509_leaf(tvb_get_ptr(hs->ds_tvb, hs->start, hs->length), (size_t)hs->length, &der,
                       &len)) {
        names->cert = der;
        names->cert_len = len;
    }
}

/* Reads what the summary needs from a hello or key exchange; other
 * messages need nothing but their type. */
static void read_hello(pending *p, hello_fields *h, const field_info *hs, packet_info *pinfo,
                       tlsexplain_wire_names *names)
{
    const field_info *v;
    switch (p->ev.hs_type) {
    case TLSX_HS_CLIENT_HELLO:
        p->ev.version = hello_version(h, hs);
        p->ev.session_id = session_id_hash(h, hs);
        if (!names->sni)
            names->sni = string_value(pinfo, first_of(h, HF_SERVER_NAME, hs));
        if (!names->alpn_offered)
            names->alpn_offered = offered_protocols(h, hs, pinfo);
        break;
    case TLSX_HS_SERVER_HELLO:
        p->ev.version = hello_version(h, hs);
        p->ev.session_id = session_id_hash(h, hs);
        p->ev.hrr = is_hrr(h, hs);
        if (p->ev.hrr) {
            if ((v = first_of(h, HF_SELECTED_GROUP, hs)) != NULL)
                p->ev.group = (guint16)tlsexplain_finfo_uint(v);
            break;
        }
        if ((v = first_of(h, HF_CIPHER, hs)) != NULL) {
            p->ev.cipher = (guint16)tlsexplain_finfo_uint(v);
            names->cipher = value_name(v);
        }
        if ((v = first_of(h, HF_GROUP, hs)) != NULL) {
            p->ev.group = (guint16)tlsexplain_finfo_uint(v);
            names->group = value_name(v);
        }
        p->ev.psk = first_of(h, HF_PSK, hs) != NULL;
        if ((v = first_of(h, HF_ALPN, hs)) != NULL)
            names->alpn = string_value(pinfo, v);
        break;
    case TLSX_HS_SERVER_KEY_EXCHANGE:
        if ((v = first_of(h, HF_NAMED_CURVE, hs)) != NULL) {
            p->ev.group = (guint16)tlsexplain_finfo_uint(v);
            names->group = value_name(v);
        }
        read_scheme(hs, names);
        break;
    case TLSX_HS_CERTIFICATE_VERIFY:
        read_scheme(hs, names); /* the server's comes first: the record keeps the first */
        break;
    case TLSX_HS_CERTIFICATE:
        read_leaf(hs, names); /* the server's comes first too */
        break;
    case TLSX_HS_ENCRYPTED_EXTENSIONS:
        if ((v = first_of(h, HF_ALPN, hs)) != NULL)
            names->alpn = string_value(pinfo, v);
        break;
    default:
        break;
    }
}

/* The frame's events, before they are put in wire order. */
typedef struct {
    pending *v;
    guint len;
} pending_list;

static pending *add_pending(pending_list *out, const source *src, const field_info *fi,
                            tlsx_event_kind kind)
{
    pending *p = &out->v[out->len++];
    memset(p, 0, sizeof *p);
    p->key = key_of(src, fi);
    p->ev.kind = kind;
    p->ev.decrypted = src->kind == SRC_DECRYPTED;
    p->ev.length = fi->length > 0 ? (guint32)fi->length : 0;
    return p;
}

/* DTLS: the message's sequence number, and whether it is only a fragment.
 * Every fragment shows its message's type; Wireshark reassembles them. */
typedef struct {
    items seq, frag_length, length;
} dtls_fields;

static void read_dtls(pending *p, const dtls_fields *d, const field_info *hs)
{
    const field_info *seq = first_inside(d->seq, hs);
    if (!seq)
        return;
    p->ev.has_seq = true;
    p->ev.msg_seq = (guint16)tlsexplain_finfo_uint(seq);
    const field_info *frag_length = first_inside(d->frag_length, hs);
    const field_info *length = first_inside(d->length, hs);
    if (frag_length && length)
        p->ev.partial = tlsexplain_finfo_uint(frag_length) < tlsexplain_finfo_uint(length);
}

static void add_handshakes(pending_list *out, const tlsexplain_wire_fields *f, proto_tree *tree,
                           packet_info *pinfo, items list, source *srcs, guint nsrc,
                           tlsexplain_wire_names *names)
{
    hello_fields h;
    memset(&h, 0, sizeof h);
    h.f = f;
    h.pinfo = pinfo;
    h.tree = tree;
    const items types = finfos(pinfo, tree, f->handshake_type);
    dtls_fields d = {finfos(pinfo, tree, f->msg_seq), {NULL, 0}, {NULL, 0}};
    if (d.seq.len) {
        d.frag_length = finfos(pinfo, tree, f->frag_length);
        d.length = finfos(pinfo, tree, f->msg_length);
    }
    order_key prev_key = {SRC_TCP_REASSEMBLED, 0, 0, 0};
    gboolean prev_decrypted = FALSE;

    for (guint i = 0; i < list.len; i++) {
        const field_info *fi = list.v[i];
        source src = find_source(srcs, nsrc, fi->ds_tvb);
        guint8 type;
        const gboolean typed = type_at(types, fi, &type);
        if (!typed && (src.kind == SRC_DECRYPTED || src.kind == SRC_HS_REASSEMBLED))
            continue; /* a fragment of a message that shows up whole elsewhere */

        pending *p =
            add_pending(out, &src, fi, typed ? TLSX_EV_HANDSHAKE : TLSX_EV_OPAQUE_HANDSHAKE);
        if (src.kind == SRC_HS_REASSEMBLED) {
            /* Where its last fragment was: right after the item before it. */
            p->key = prev_key;
            p->key.sub++;
            p->ev.decrypted = prev_decrypted;
        }
        prev_key = p->key;
        prev_decrypted = p->ev.decrypted;
        if (typed) {
            p->ev.hs_type = type;
            if (d.seq.len)
                read_dtls(p, &d, fi);
            read_hello(p, &h, fi, pinfo, names);
        }
    }
}

/* The length of a ChangeCipherSpec's record, from the record header just
 * before the message Wireshark shows: 1 in the clear, more when the record
 * is encrypted (a renegotiation). */
static guint32 ccs_record_length(const field_info *fi)
{
    if (fi->start < 2 || !tvb_bytes_exist(fi->ds_tvb, fi->start - 2, 2))
        return 1;
    return tvb_get_ntohs(fi->ds_tvb, fi->start - 2);
}

static void add_records(pending_list *out, items list, tlsx_event_kind kind, source *srcs,
                        guint nsrc)
{
    for (guint i = 0; i < list.len; i++) {
        source src = find_source(srcs, nsrc, list.v[i]->ds_tvb);
        pending *p = add_pending(out, &src, list.v[i], kind);
        if (kind == TLSX_EV_CCS)
            p->ev.length = ccs_record_length(list.v[i]);
    }
}

/* Alert records: level and description unless the record is encrypted. */
static void add_alerts(pending_list *out, const tlsexplain_wire_fields *f, packet_info *pinfo,
                       proto_tree *tree, items list, source *srcs, guint nsrc)
{
    const items levels = finfos(pinfo, tree, f->alert_level);
    const items descs = finfos(pinfo, tree, f->alert_desc);
    for (guint i = 0; i < list.len; i++) {
        const field_info *fi = list.v[i];
        source src = find_source(srcs, nsrc, fi->ds_tvb);
        pending *p = add_pending(out, &src, fi, TLSX_EV_ALERT);
        const field_info *level = first_inside(levels, fi);
        const field_info *desc = first_inside(descs, fi);
        if (level && desc) {
            p->ev.alert_level = (guint8)tlsexplain_finfo_uint(level);
            p->ev.alert_desc = (guint8)tlsexplain_finfo_uint(desc);
        }
    }
}

/* In a renegotiation every record is encrypted, but Wireshark shows an
 * encrypted ChangeCipherSpec on the frame's own bytes while the messages
 * around it are in buffers of their own.  A sender's only message after its
 * ChangeCipherSpec is its Finished: the CCS goes right before it. */
static void place_renegotiation_ccs(pending_list *pend)
{
    const order_key *finished = NULL;
    for (guint i = 0; i < pend->len; i++) {
        const pending *p = &pend->v[i];
        if (p->ev.kind == TLSX_EV_HANDSHAKE && p->ev.decrypted &&
            p->ev.hs_type == TLSX_HS_FINISHED && (!finished || compare_keys(&p->key, finished) < 0))
            finished = &p->key;
    }
    if (!finished)
        return;
    const order_key before = {finished->kind, finished->pos, finished->start, finished->sub - 1};
    for (guint i = 0; i < pend->len; i++) {
        pending *p = &pend->v[i];
        if (p->ev.kind == TLSX_EV_CCS && p->ev.length > 1)
            p->key = before;
    }
}

/* QUIC's 0-RTT packets (early data), the Handshake packets that Wireshark
 * could not decrypt (no key log) and the first 1-RTT packet of a datagram:
 * they follow the Initial packets of their datagram (1-RTT packets come
 * last), so they go after everything read from the frame, in their order. */
#define QUIC_0RTT_PACKET 1
#define QUIC_HANDSHAKE_PACKET 2

static pending *add_quic(pending_list *out, const field_info *fi, tlsx_event_kind kind)
{
    pending *p = &out->v[out->len++];
    memset(p, 0, sizeof *p);
    p->key.kind = SRC_UNKNOWN;
    p->key.start = fi->start;
    p->ev.kind = kind;
    return p;
}

static void add_quic_packets(pending_list *out, items types, items shorts)
{
    for (guint i = 0; i < types.len; i++) {
        const field_info *fi = types.v[i];
        const guint32 type = tlsexplain_finfo_uint(fi);
        if (type == QUIC_0RTT_PACKET)
            add_quic(out, fi, TLSX_EV_QUIC_0RTT);
        else if (type == QUIC_HANDSHAKE_PACKET)
            add_quic(out, fi, TLSX_EV_QUIC_HANDSHAKE)->ev.with_1rtt = shorts.len > 0;
    }
    if (shorts.len)
        add_quic(out, shorts.v[0], TLSX_EV_QUIC_1RTT);
}

gboolean tlsexplain_wire_quic_connection(const tlsexplain_wire_fields *f, proto_tree *tree,
                                         guint32 *number)
{
    for (guint i = 0; i < f->quic_connection->len; i++) {
        GPtrArray *a = proto_get_finfo_ptr_array(tree, g_array_index(f->quic_connection, int, i));
        if (a && a->len) {
            *number = tlsexplain_finfo_uint((const field_info *)a->pdata[0]);
            return TRUE;
        }
    }
    return FALSE;
}

/* A frame holds a handful of events, mostly in order already: an insertion
 * sort beats qsort's set-up.  The keys are unique per item. */
static void sort_pending(pending_list *pend)
{
    for (guint i = 1; i < pend->len; i++) {
        if (compare_keys(&pend->v[i - 1].key, &pend->v[i].key) <= 0)
            continue;
        const pending tmp = pend->v[i];
        guint j = i;
        while (j > 0 && compare_keys(&pend->v[j - 1].key, &tmp.key) > 0) {
            pend->v[j] = pend->v[j - 1];
            j--;
        }
        pend->v[j] = tmp;
    }
}

tlsx_event *tlsexplain_wire_collect(const tlsexplain_wire_fields *f,
                                    const tlsexplain_wire_records *records, packet_info *pinfo,
                                    proto_tree *tree, guint *count, tlsexplain_wire_names *names)
{
    *count = 0;
    memset(names, 0, sizeof *names);
    const items hs = records->handshake;
    const items ccs = records->ccs;
    const items app = finfos(pinfo, tree, f->app_data);
    const items alerts = records->alert;
    const items quic = finfos(pinfo, tree, f->quic_packet_type);
    const items shorts = finfos(pinfo, tree, f->quic_short);
    const guint total = hs.len + ccs.len + app.len + alerts.len + quic.len + (shorts.len ? 1 : 0);
    if (total == 0)
        return NULL;

    source *srcs;
    guint nsrc = list_sources(pinfo, &srcs);
    pending_list pend = {wmem_alloc_array(pinfo->pool, pending, total), 0};
    if (hs.len)
        add_handshakes(&pend, f, tree, pinfo, hs, srcs, nsrc, names);
    if (alerts.len)
        add_alerts(&pend, f, pinfo, tree, alerts, srcs, nsrc);
    add_records(&pend, ccs, TLSX_EV_CCS, srcs, nsrc);
    add_records(&pend, app, TLSX_EV_APP_DATA, srcs, nsrc);
    if (quic.len || shorts.len)
        add_quic_packets(&pend, quic, shorts);
    if (pend.len == 0)
        return NULL;

    place_renegotiation_ccs(&pend);
    sort_pending(&pend);

    tlsx_event *ev = wmem_alloc_array(pinfo->pool, tlsx_event, pend.len);
    for (guint i = 0; i < pend.len; i++)
        ev[i] = pend.v[i].ev;
    *count = pend.len;
    return ev;
}
