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
#include "tlsx_parse.h"
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

/* A field's registration, for the names of its values; NULL when prefix
 * is NULL or no such field exists.  Not a wanted field. */
static const header_field_info *names_of(const char *prefix, const char *name)
{
    if (!prefix)
        return NULL;
    char *abbrev = g_strconcat(prefix, ".", name, NULL);
    const header_field_info *hfi = proto_registrar_get_byname(abbrev);
    g_free(abbrev);
    return hfi;
}

/* TLS's fields or their DTLS twins (the same names under dtls.).  Every
 * wanted field costs a little in every frame, and one whose value is bytes
 * is copied wherever it is: so the plugin asks only for the items that
 * show where Wireshark put the records and messages it assembled and
 * decrypted, and for the few small values that only Wireshark knows
 * (whether a message was read or is encrypted or a fragment, and a record's
 * content type once decrypted), and reads the rest from the messages' own
 * bytes (core/tlsx_parse.h). */
static void lookup_family(GArray *all, tlsexplain_wire_fields *f, gboolean dtls)
{
    const char *both = dtls ? "dtls" : "tls";
    const char *tls = dtls ? NULL : "tls";
    f->dtls = dtls;
    f->handshake = ids(all, both, "handshake");
    f->handshake_type = ids(all, both, "handshake.type");
    f->ccs = ids(all, both, "change_cipher_spec");
    f->alert = ids(all, both, "alert_message");
    f->content_type = ids(all, both, "record.content_type");
    f->opaque_type = ids(all, tls, "record.opaque_type");
    f->quic_packet_type = ids(all, NULL, "long.packet_type");
    f->quic_connection = ids(all, NULL, "connection.number");
    f->quic_short = ids(all, NULL, "short");
    f->cipher_names = names_of(both, "handshake.ciphersuite");
    f->group_names = names_of("tls", "handshake.extensions_key_share_group");
    f->curve_names = names_of(both, "handshake.server_named_curve");
    f->alert_level_names = names_of(both, "alert_message.level");
    f->alert_desc_names = names_of(both, "alert_message.desc");
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

/* A record's content type at an opaque type's place (TLS 1.3, decrypted). */
static gboolean content_type_at(const tlsexplain_wire_fields *f, proto_tree *tree,
                                const field_info *opaque)
{
    for (guint i = 0; i < f->content_type->len; i++) {
        const GPtrArray *a =
            proto_get_finfo_ptr_array(tree, g_array_index(f->content_type, int, i));
        for (guint j = 0; a && j < a->len; j++) {
            const field_info *t = (const field_info *)a->pdata[j];
            if (t->ds_tvb == opaque->ds_tvb && t->start == opaque->start)
                return TRUE;
        }
    }
    return FALSE;
}

gboolean tlsexplain_wire_has_app_data(const tlsexplain_wire_fields *f, proto_tree *tree)
{
    for (guint i = 0; i < f->content_type->len; i++) {
        const GPtrArray *a =
            proto_get_finfo_ptr_array(tree, g_array_index(f->content_type, int, i));
        for (guint j = 0; a && j < a->len; j++) {
            if (tlsexplain_finfo_uint((const field_info *)a->pdata[j]) == TLSX_CT_APPLICATION_DATA)
                return TRUE;
        }
    }
    for (guint i = 0; i < f->opaque_type->len; i++) {
        const GPtrArray *a = proto_get_finfo_ptr_array(tree, g_array_index(f->opaque_type, int, i));
        for (guint j = 0; a && j < a->len; j++) {
            if (!content_type_at(f, tree, (const field_info *)a->pdata[j]))
                return TRUE;
        }
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

/* The bytes of an item that Wireshark has (a length may claim more), from
 * its start; NULL when there are none. */
static const guint8 *item_bytes(const field_info *fi, size_t *n)
{
    if (fi->length <= 0)
        return NULL;
    const gint avail = tvb_captured_length_remaining(fi->ds_tvb, fi->start);
    const gint len = MIN(fi->length, avail);
    if (len <= 0)
        return NULL;
    *n = (size_t)len;
    return tvb_get_ptr(fi->ds_tvb, fi->start, len);
}

/* Wireshark's name of a value of a field, e.g. "TLS_AES_128_GCM_SHA256". */
static const char *value_name(const header_field_info *hfi, guint32 v)
{
    if (!hfi || !hfi->strings)
        return NULL;
    if (hfi->display & BASE_EXT_STRING)
        return try_val_to_str_ext(v, (value_string_ext *)hfi->strings);
    if ((hfi->display & (BASE_RANGE_STRING | BASE_VAL64_STRING)) ||
        FIELD_DISPLAY(hfi->display) == BASE_CUSTOM)
        return NULL;
    return try_val_to_str(v, (const value_string *)hfi->strings);
}

/* A name from the wire, escaped (tlsx_escape_name()) from its own bytes:
 * safe to print anywhere.  Every report shows this copy. */
static const char *slice_name(packet_info *pinfo, const guint8 *msg, tlsx_slice s)
{
    if (!s.length)
        return NULL;
    char *text = (char *)wmem_alloc(pinfo->pool, TLSX_NAME_SIZE);
    tlsx_escape_name(text, msg + s.offset, s.length);
    return text;
}

/* The Client Hello's ALPN protocols, comma-separated, escaped. */
static const char *offered_protocols(packet_info *pinfo, const guint8 *msg, tlsx_slice list)
{
    GString *all = NULL;
    size_t pos = 0;
    tlsx_slice one;
    while (tlsx_parse_alpn_next(msg + list.offset, list.length, &pos, &one)) {
        one.offset += list.offset;
        const char *name = slice_name(pinfo, msg, one);
        if (!all)
            all = g_string_new(name);
        else
            g_string_append_printf(all, ",%s", name);
    }
    if (!all)
        return NULL;
    char *out = wmem_strdup(pinfo->pool, all->str);
    g_string_free(all, TRUE);
    return out;
}

/* The signature scheme of the server's key exchange or CertificateVerify,
 * from the message's bytes (curl 8's closing line names it). */
static void read_scheme(const guint8 *msg, size_t n, tlsexplain_wire_names *names)
{
    guint16 scheme;
    if (tlsx_curl_read_scheme(msg, n, &scheme)) {
        names->has_scheme = TRUE;
        names->scheme = scheme;
    }
}

/* The leaf certificate's DER bytes, from the message Wireshark assembled
 * (and decrypted, in TLS 1.3); they stay valid while the frame is read. */
static void read_leaf(const guint8 *msg, size_t n, tlsexplain_wire_names *names)
{
    const uint8_t *der;
    size_t len;
    if (!names->cert && tlsx_x509_leaf(msg, n, &der, &len)) {
        names->cert = der;
        names->cert_len = len;
    }
}

/* Reads what the summary needs from a hello or key exchange, from the
 * message's bytes as Wireshark assembled (and decrypted) them; other
 * messages need nothing but their type. */
static void read_hello(pending *p, const tlsexplain_wire_fields *f, const field_info *hs,
                       packet_info *pinfo, tlsexplain_wire_names *names)
{
    const guint8 type = p->ev.hs_type;
    if (type != TLSX_HS_CLIENT_HELLO && type != TLSX_HS_SERVER_HELLO &&
        type != TLSX_HS_SERVER_KEY_EXCHANGE && type != TLSX_HS_ENCRYPTED_EXTENSIONS &&
        type != TLSX_HS_CERTIFICATE && type != TLSX_HS_CERTIFICATE_VERIFY)
        return;
    size_t n;
    const guint8 *msg = item_bytes(hs, &n);
    if (!msg)
        return;
    /* The server's come first: the record keeps the first of each. */
    if (type == TLSX_HS_CERTIFICATE) {
        read_leaf(msg, n, names);
        tlsx_certificate_info ci;
        if (tlsx_parse_certificate(msg, n, f->dtls, &ci)) {
            p->ev.cert_count = (guint8)MIN(ci.count, 255);
            p->ev.cert_stapled = ci.stapled;
        }
        return;
    }
    if (type == TLSX_HS_CERTIFICATE_VERIFY || type == TLSX_HS_SERVER_KEY_EXCHANGE)
        read_scheme(msg, n, names); /* whatever the key exchange's shape */
    if (type == TLSX_HS_CERTIFICATE_VERIFY)
        return;
    tlsx_parsed m;
    tlsx_parse_message(msg, n, f->dtls, &m);
    if (!m.read || m.hs_type != type)
        return;
    switch (type) {
    case TLSX_HS_CLIENT_HELLO:
        p->ev.version = m.version;
        p->ev.session_id = m.session_id_hash;
        p->ev.hello = m.hello;
        if (!names->sni)
            names->sni = slice_name(pinfo, msg, m.server_name);
        if (!names->alpn_offered)
            names->alpn_offered = offered_protocols(pinfo, msg, m.alpn_list);
        break;
    case TLSX_HS_SERVER_HELLO:
        p->ev.version = m.version;
        p->ev.session_id = m.session_id_hash;
        p->ev.hrr = m.hrr;
        p->ev.hello = m.hello;
        if (m.hrr) {
            p->ev.group = m.group;
            break;
        }
        if (m.has_cipher) {
            p->ev.cipher = m.cipher;
            names->cipher = value_name(f->cipher_names, m.cipher);
        }
        if (m.group) {
            p->ev.group = m.group;
            names->group = value_name(f->group_names, m.group);
        }
        p->ev.psk = m.psk_selected;
        if (m.alpn.length)
            names->alpn = slice_name(pinfo, msg, m.alpn);
        break;
    case TLSX_HS_SERVER_KEY_EXCHANGE:
        if (m.group) {
            p->ev.group = m.group;
            names->group = value_name(f->curve_names, m.group);
        }
        break;
    case TLSX_HS_ENCRYPTED_EXTENSIONS:
        p->ev.hello = m.hello;
        if (m.alpn.length)
            names->alpn = slice_name(pinfo, msg, m.alpn);
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
    p->ev.wire_bytes = p->ev.length;
    return p;
}

/* DTLS: the message's sequence number, and whether it is only a fragment,
 * from its header.  Every fragment shows its message's type; Wireshark
 * reassembles them. */
static void read_dtls(pending *p, const field_info *hs)
{
    size_t n;
    const guint8 *msg = item_bytes(hs, &n);
    tlsx_hs_header h;
    if (!msg || !tlsx_parse_hs_header(msg, n, TRUE, &h))
        return;
    p->ev.has_seq = true;
    p->ev.msg_seq = h.msg_seq;
    p->ev.partial = h.frag_length < h.length;
}

static void add_handshakes(pending_list *out, const tlsexplain_wire_fields *f, proto_tree *tree,
                           packet_info *pinfo, items list, source *srcs, guint nsrc,
                           tlsexplain_wire_names *names)
{
    const items types = finfos(pinfo, tree, f->handshake_type);
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
            p->ev.wire_bytes = 0; /* its fragments count the bytes */
        }
        prev_key = p->key;
        prev_decrypted = p->ev.decrypted;
        if (typed) {
            p->ev.hs_type = type;
            if (f->dtls)
                read_dtls(p, fi);
            read_hello(p, f, fi, pinfo, names);
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
            p->ev.wire_bytes = p->ev.length = ccs_record_length(list.v[i]);
    }
}

/* Alert records: level and description unless the record is encrypted.
 * TLS reads the two bytes of a record of two bytes, in the clear or
 * decrypted; DTLS reads the first two bytes of any alert record, and calls
 * them an encrypted alert unless it has names for both. */
static void add_alerts(pending_list *out, const tlsexplain_wire_fields *f, items list, source *srcs,
                       guint nsrc)
{
    for (guint i = 0; i < list.len; i++) {
        const field_info *fi = list.v[i];
        source src = find_source(srcs, nsrc, fi->ds_tvb);
        pending *p = add_pending(out, &src, fi, TLSX_EV_ALERT);
        size_t n;
        const guint8 *bytes = item_bytes(fi, &n);
        guint8 level, desc;
        if (!bytes || (gint)n != fi->length || !tlsx_parse_alert(bytes, n, &level, &desc))
            continue;
        if (f->dtls &&
            (!value_name(f->alert_level_names, level) || !value_name(f->alert_desc_names, desc)))
            continue;
        p->ev.alert_level = level;
        p->ev.alert_desc = desc;
    }
}

/* Application data records, told by their content type: Wireshark shows
 * one content type per record (for a TLS 1.3 record it decrypted, the
 * inner type), and for a TLS 1.3 record it did not decrypt an opaque type,
 * application data.  The event's place is the record's, its length the
 * record's payload. */
typedef struct {
    items types, opaque;
} content_types;

static gboolean typed_at(const content_types *ct, const field_info *opaque)
{
    for (guint i = 0; i < ct->types.len; i++) {
        const field_info *t = ct->types.v[i];
        if (t->ds_tvb == opaque->ds_tvb && t->start == opaque->start)
            return TRUE;
    }
    return FALSE;
}

static void add_app_data_record(pending_list *out, const field_info *fi, gboolean dtls,
                                source *srcs, guint nsrc)
{
    source src = find_source(srcs, nsrc, fi->ds_tvb);
    pending *p = add_pending(out, &src, fi, TLSX_EV_APP_DATA);
    const gint header = dtls ? 13 : 5;
    tlsx_record_header r;
    p->ev.length = 0;
    if (tvb_bytes_exist(fi->ds_tvb, fi->start, header) &&
        tlsx_parse_record(tvb_get_ptr(fi->ds_tvb, fi->start, header), (size_t)header, dtls, &r))
        p->ev.length = r.length;
    p->ev.wire_bytes = p->ev.length;
}

static guint add_app_data(pending_list *out, const content_types *ct, gboolean dtls, source *srcs,
                          guint nsrc)
{
    guint added = 0;
    for (guint i = 0; i < ct->types.len; i++) {
        if (tlsexplain_finfo_uint(ct->types.v[i]) != TLSX_CT_APPLICATION_DATA)
            continue;
        added++;
        if (out)
            add_app_data_record(out, ct->types.v[i], dtls, srcs, nsrc);
    }
    for (guint i = 0; i < ct->opaque.len; i++) {
        if (typed_at(ct, ct->opaque.v[i]))
            continue;
        added++;
        if (out)
            add_app_data_record(out, ct->opaque.v[i], dtls, srcs, nsrc);
    }
    return added;
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

/* A renegotiation seen with the keys of the old epoch only: its records up
 * to the ChangeCipherSpec are decrypted, and the ChangeCipherSpec and the
 * Finished after it stay on the frame's own bytes, since the new keys are
 * unknown.  Those came after everything that was decrypted: an encrypted
 * ChangeCipherSpec or an undecrypted handshake record on the frame's bytes
 * goes after the frame's decrypted records, in its order. */
static void place_after_decrypted(pending_list *pend)
{
    gboolean decrypted = FALSE;
    for (guint i = 0; i < pend->len && !decrypted; i++)
        decrypted = pend->v[i].key.kind == SRC_DECRYPTED;
    if (!decrypted)
        return;
    for (guint i = 0; i < pend->len; i++) {
        pending *p = &pend->v[i];
        if (p->key.kind == SRC_FRAME && (p->ev.kind == TLSX_EV_OPAQUE_HANDSHAKE ||
                                         (p->ev.kind == TLSX_EV_CCS && p->ev.length > 1))) {
            p->key.kind = SRC_DECRYPTED;
            p->key.pos = G_MAXINT;
        }
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
    const content_types ct = {finfos(pinfo, tree, f->content_type),
                              finfos(pinfo, tree, f->opaque_type)};
    const guint app_len = add_app_data(NULL, &ct, f->dtls, NULL, 0);
    const items alerts = records->alert;
    const items quic = finfos(pinfo, tree, f->quic_packet_type);
    const items shorts = finfos(pinfo, tree, f->quic_short);
    const guint total = hs.len + ccs.len + app_len + alerts.len + quic.len + (shorts.len ? 1 : 0);
    if (total == 0)
        return NULL;

    source *srcs;
    guint nsrc = list_sources(pinfo, &srcs);
    pending_list pend = {wmem_alloc_array(pinfo->pool, pending, total), 0};
    if (hs.len)
        add_handshakes(&pend, f, tree, pinfo, hs, srcs, nsrc, names);
    if (alerts.len)
        add_alerts(&pend, f, alerts, srcs, nsrc);
    add_records(&pend, ccs, TLSX_EV_CCS, srcs, nsrc);
    if (app_len)
        add_app_data(&pend, &ct, f->dtls, srcs, nsrc);
    if (quic.len || shorts.len)
        add_quic_packets(&pend, quic, shorts);
    if (pend.len == 0)
        return NULL;

    place_renegotiation_ccs(&pend);
    place_after_decrypted(&pend);
    sort_pending(&pend);

    tlsx_event *ev = wmem_alloc_array(pinfo->pool, tlsx_event, pend.len);
    for (guint i = 0; i < pend.len; i++)
        ev[i] = pend.v[i].ev;
    *count = pend.len;
    return ev;
}
