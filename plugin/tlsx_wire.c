/* tlsx_wire.c: see tlsx_wire.h.
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
#include "tlsx_wire.h"

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
    int index;
} source;

typedef struct {
    int kind;
    int index;
    int start;
    int sub;
} order_key;

typedef struct {
    order_key key;
    tlsx_event ev;
} pending;

static GArray *ids_by_name(GArray *all, const char *abbrev)
{
    GArray *ids = g_array_new(FALSE, FALSE, sizeof(int));
    tlsx_append_hfids_by_name(ids, abbrev);
    g_array_append_vals(all, ids->data, ids->len);
    return ids;
}

GArray *tlsx_wire_lookup_fields(tlsx_wire_fields *f)
{
    GArray *all = g_array_new(FALSE, FALSE, sizeof(int));
    f->handshake = ids_by_name(all, "tls.handshake");
    f->handshake_type = ids_by_name(all, "tls.handshake.type");
    f->ccs = ids_by_name(all, "tls.change_cipher_spec");
    f->app_data = ids_by_name(all, "tls.app_data");
    f->version = ids_by_name(all, "tls.handshake.version");
    f->supported_version = ids_by_name(all, "tls.handshake.extensions.supported_version");
    return all;
}

gboolean tlsx_wire_frame_has_tls(packet_info *pinfo, int proto_tls)
{
    for (wmem_list_frame_t *f = wmem_list_head(pinfo->layers); f; f = wmem_list_frame_next(f)) {
        if (GPOINTER_TO_INT(wmem_list_frame_data(f)) == proto_tls)
            return TRUE;
    }
    return FALSE;
}

static gboolean any_finfo(proto_tree *tree, const GArray *ids)
{
    for (guint i = 0; i < ids->len; i++) {
        GPtrArray *a = proto_get_finfo_ptr_array(tree, g_array_index(ids, int, i));
        if (a && a->len)
            return TRUE;
    }
    return FALSE;
}

gboolean tlsx_wire_has_handshake_records(const tlsx_wire_fields *f, proto_tree *tree)
{
    return any_finfo(tree, f->handshake) || any_finfo(tree, f->ccs);
}

/* Every field_info of the fields in ids, as one array in pinfo->pool. */
static GPtrArray *finfos(proto_tree *tree, const GArray *ids)
{
    GPtrArray *out = NULL;
    for (guint i = 0; i < ids->len; i++) {
        GPtrArray *a = proto_get_finfo_ptr_array(tree, g_array_index(ids, int, i));
        if (!a || a->len == 0)
            continue;
        if (ids->len == 1)
            return a;
        if (!out)
            out = g_ptr_array_new_full(a->len, NULL);
        for (guint j = 0; j < a->len; j++)
            g_ptr_array_add(out, g_ptr_array_index(a, j));
    }
    return out;
}

static void free_finfos(GPtrArray *a, const GArray *ids)
{
    if (a && ids->len > 1)
        g_ptr_array_free(a, TRUE);
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
        s[i].index = (int)i;
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
            if (tlsx_data_source_has_prefix(s[i].ds, "Decrypted"))
                s[i].kind = SRC_DECRYPTED;
            else if (tlsx_data_source_has_prefix(s[i].ds, "Reassembled TLS"))
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
    order_key k = {src->kind, src->index, fi->start, 0};
    return k;
}

static int compare_keys(const order_key *a, const order_key *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->index != b->index)
        return a->index < b->index ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->sub != b->sub)
        return a->sub < b->sub ? -1 : 1;
    return 0;
}

/* The handshake type at the very start of a tls.handshake item, if any. */
static gboolean type_at(const GPtrArray *types, const field_info *hs, guint8 *type)
{
    for (guint i = 0; types && i < types->len; i++) {
        const field_info *t = (const field_info *)g_ptr_array_index(types, i);
        if (t->ds_tvb == hs->ds_tvb && t->start == hs->start) {
            *type = (guint8)tlsx_finfo_uint(t);
            return TRUE;
        }
    }
    return FALSE;
}

/* For a Client Hello the highest version offered, for a Server Hello the one
 * selected: supported_versions when present, else the legacy version field. */
static guint16 hello_version(const GPtrArray *versions, const GPtrArray *supported,
                             const field_info *hs)
{
    guint best = 0;
    for (guint i = 0; supported && i < supported->len; i++) {
        const field_info *v = (const field_info *)g_ptr_array_index(supported, i);
        guint val = tlsx_finfo_uint(v);
        if (v->ds_tvb == hs->ds_tvb && v->start >= hs->start && v->start < hs->start + hs->length &&
            tlsx_version_rank((guint16)val) > tlsx_version_rank((guint16)best))
            best = val;
    }
    if (best)
        return (guint16)best;
    for (guint i = 0; versions && i < versions->len; i++) {
        const field_info *v = (const field_info *)g_ptr_array_index(versions, i);
        if (v->ds_tvb == hs->ds_tvb && v->start >= hs->start && v->start < hs->start + hs->length)
            return (guint16)tlsx_finfo_uint(v);
    }
    return 0;
}

static void add_records(GArray *out, const GPtrArray *items, tlsx_event_kind kind, source *srcs,
                        guint nsrc)
{
    for (guint i = 0; items && i < items->len; i++) {
        const field_info *fi = (const field_info *)g_ptr_array_index(items, i);
        source src = find_source(srcs, nsrc, fi->ds_tvb);
        pending p;
        memset(&p, 0, sizeof p);
        p.key = key_of(&src, fi);
        p.ev.kind = kind;
        p.ev.decrypted = src.kind == SRC_DECRYPTED;
        g_array_append_val(out, p);
    }
}

static void add_handshakes(GArray *out, const tlsx_wire_fields *f, proto_tree *tree,
                           const GPtrArray *items, source *srcs, guint nsrc)
{
    GPtrArray *types = finfos(tree, f->handshake_type);
    GPtrArray *versions = finfos(tree, f->version);
    GPtrArray *supported = finfos(tree, f->supported_version);
    order_key prev_key = {SRC_TCP_REASSEMBLED, 0, 0, 0};
    gboolean prev_decrypted = FALSE;

    for (guint i = 0; i < items->len; i++) {
        const field_info *fi = (const field_info *)g_ptr_array_index(items, i);
        source src = find_source(srcs, nsrc, fi->ds_tvb);
        pending p;
        memset(&p, 0, sizeof p);
        if (src.kind == SRC_HS_REASSEMBLED) {
            p.key = prev_key;
            p.key.sub++;
            p.ev.decrypted = prev_decrypted;
        } else {
            p.key = key_of(&src, fi);
            p.ev.decrypted = src.kind == SRC_DECRYPTED;
        }
        prev_key = p.key;
        prev_decrypted = p.ev.decrypted;

        guint8 type;
        if (type_at(types, fi, &type)) {
            p.ev.kind = TLSX_EV_HANDSHAKE;
            p.ev.hs_type = type;
            if (type == TLSX_HS_CLIENT_HELLO || type == TLSX_HS_SERVER_HELLO)
                p.ev.version = hello_version(versions, supported, fi);
        } else if (src.kind == SRC_DECRYPTED || src.kind == SRC_HS_REASSEMBLED) {
            continue; /* a fragment of a message that shows up whole elsewhere */
        } else {
            p.ev.kind = TLSX_EV_OPAQUE_HANDSHAKE;
        }
        g_array_append_val(out, p);
    }
    free_finfos(types, f->handshake_type);
    free_finfos(versions, f->version);
    free_finfos(supported, f->supported_version);
}

static gint compare_pending(gconstpointer a, gconstpointer b)
{
    return compare_keys(&((const pending *)a)->key, &((const pending *)b)->key);
}

tlsx_event *tlsx_wire_collect(const tlsx_wire_fields *f, packet_info *pinfo, proto_tree *tree,
                              guint *count)
{
    *count = 0;
    GPtrArray *hs = finfos(tree, f->handshake);
    GPtrArray *ccs = finfos(tree, f->ccs);
    GPtrArray *app = finfos(tree, f->app_data);
    if (!hs && !ccs && !app)
        return NULL;

    source *srcs;
    guint nsrc = list_sources(pinfo, &srcs);
    GArray *pend = g_array_new(FALSE, FALSE, sizeof(pending));
    if (hs)
        add_handshakes(pend, f, tree, hs, srcs, nsrc);
    add_records(pend, ccs, TLSX_EV_CCS, srcs, nsrc);
    add_records(pend, app, TLSX_EV_APP_DATA, srcs, nsrc);
    free_finfos(hs, f->handshake);
    free_finfos(ccs, f->ccs);
    free_finfos(app, f->app_data);

    /* g_array_sort is not stable; the keys are unique per item, so it
     * need not be. */
    g_array_sort(pend, compare_pending);

    tlsx_event *ev = NULL;
    if (pend->len) {
        ev = wmem_alloc_array(pinfo->pool, tlsx_event, pend->len);
        for (guint i = 0; i < pend->len; i++)
            ev[i] = g_array_index(pend, pending, i).ev;
        *count = pend->len;
    }
    g_array_free(pend, TRUE);
    return ev;
}
