/* tlsx_parse.c: see tlsx_parse.h.
 *
 * Every read goes through a cursor that knows where its bytes end; a read
 * past the end marks the cursor bad and returns zeros, and a vector's length
 * that runs past the end of what holds it marks the whole message truncated.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_parse.h"

#include <string.h>

#include "tlsx_message.h"

typedef struct {
    const uint8_t *p;
    size_t n, off;
    bool bad;
} cursor;

static cursor make_cursor(const uint8_t *p, size_t n)
{
    cursor c = {p, n, 0, false};
    return c;
}

static size_t left(const cursor *c)
{
    return c->bad ? 0 : c->n - c->off;
}

static bool need(cursor *c, size_t k)
{
    if (c->bad || c->n - c->off < k) {
        c->bad = true;
        return false;
    }
    return true;
}

static uint8_t get8(cursor *c)
{
    if (!need(c, 1))
        return 0;
    return c->p[c->off++];
}

static uint16_t get16(cursor *c)
{
    if (!need(c, 2))
        return 0;
    const uint16_t v = (uint16_t)((c->p[c->off] << 8) | c->p[c->off + 1]);
    c->off += 2;
    return v;
}

static uint32_t get24(cursor *c)
{
    if (!need(c, 3))
        return 0;
    const uint32_t v =
        ((uint32_t)c->p[c->off] << 16) | ((uint32_t)c->p[c->off + 1] << 8) | c->p[c->off + 2];
    c->off += 3;
    return v;
}

static const uint8_t *skip(cursor *c, size_t k)
{
    if (!need(c, k))
        return NULL;
    const uint8_t *at = c->p + c->off;
    c->off += k;
    return at;
}

/* A vector: its length in len_bytes (1 or 2) bytes, then its bytes, read
 * as a cursor of its own. */
static cursor vector(cursor *c, int len_bytes)
{
    const size_t len = len_bytes == 1 ? get8(c) : get16(c);
    const uint8_t *at = skip(c, len);
    cursor v = make_cursor(at, at ? len : 0);
    v.bad = at == NULL;
    return v;
}

bool tlsx_is_grease(uint16_t v)
{
    return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

bool tlsx_parse_record(const uint8_t *p, size_t n, bool dtls, tlsx_record_header *out)
{
    memset(out, 0, sizeof *out);
    cursor c = make_cursor(p, n);
    out->content_type = get8(&c);
    out->version = get16(&c);
    if (dtls) {
        out->epoch = get16(&c);
        const uint16_t hi = get16(&c);
        const uint32_t lo = (uint32_t)get16(&c) << 16;
        out->seq = ((uint64_t)hi << 32) | lo | get16(&c);
    }
    out->length = get16(&c);
    if (c.bad) {
        memset(out, 0, sizeof *out);
        return false;
    }
    out->header = (uint8_t)c.off;
    out->complete = left(&c) >= out->length;
    return true;
}

bool tlsx_parse_hs_header(const uint8_t *p, size_t n, bool dtls, tlsx_hs_header *out)
{
    memset(out, 0, sizeof *out);
    cursor c = make_cursor(p, n);
    out->type = get8(&c);
    out->length = get24(&c);
    if (dtls) {
        out->msg_seq = get16(&c);
        out->frag_offset = get24(&c);
        out->frag_length = get24(&c);
    } else {
        out->frag_length = out->length;
    }
    if (c.bad) {
        memset(out, 0, sizeof *out);
        return false;
    }
    out->header = (uint8_t)c.off;
    out->complete =
        out->frag_offset == 0 && out->frag_length == out->length && left(&c) >= out->length;
    return true;
}

/* RFC 8446 4.1.3: a HelloRetryRequest is a Server Hello with this random. */
static const uint8_t hrr_random[32] = {
    0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
    0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
};

/* Extension types (IANA TLS ExtensionType Values). */
enum {
    EXT_SERVER_NAME = 0,
    EXT_STATUS_REQUEST = 5,
    EXT_SUPPORTED_GROUPS = 10,
    EXT_ALPN = 16,
    EXT_ENCRYPT_THEN_MAC = 22,
    EXT_EXTENDED_MASTER_SECRET = 23,
    EXT_COMPRESS_CERTIFICATE = 27,
    EXT_SESSION_TICKET = 35,
    EXT_PRE_SHARED_KEY = 41,
    EXT_EARLY_DATA = 42,
    EXT_SUPPORTED_VERSIONS = 43,
    EXT_COOKIE = 44,
    EXT_PSK_KEY_EXCHANGE_MODES = 45,
    EXT_KEY_SHARE = 51,
    EXT_ECH_OUTER_EXTENSIONS = 0xfd00,
    EXT_ECH = 0xfe0d,
    EXT_RENEGOTIATION_INFO = 0xff01,
};

static uint32_t ext_bit(uint16_t type)
{
    switch (type) {
    case EXT_SERVER_NAME:
        return TLSX_EXT_SERVER_NAME;
    case EXT_STATUS_REQUEST:
        return TLSX_EXT_STATUS_REQUEST;
    case EXT_SUPPORTED_GROUPS:
        return TLSX_EXT_SUPPORTED_GROUPS;
    case EXT_ALPN:
        return TLSX_EXT_ALPN;
    case EXT_ENCRYPT_THEN_MAC:
        return TLSX_EXT_ENCRYPT_THEN_MAC;
    case EXT_EXTENDED_MASTER_SECRET:
        return TLSX_EXT_EXTENDED_MASTER_SECRET;
    case EXT_COMPRESS_CERTIFICATE:
        return TLSX_EXT_COMPRESS_CERTIFICATE;
    case EXT_SESSION_TICKET:
        return TLSX_EXT_SESSION_TICKET;
    case EXT_PRE_SHARED_KEY:
        return TLSX_EXT_PRE_SHARED_KEY;
    case EXT_EARLY_DATA:
        return TLSX_EXT_EARLY_DATA;
    case EXT_SUPPORTED_VERSIONS:
        return TLSX_EXT_SUPPORTED_VERSIONS;
    case EXT_COOKIE:
        return TLSX_EXT_COOKIE;
    case EXT_PSK_KEY_EXCHANGE_MODES:
        return TLSX_EXT_PSK_KEY_EXCHANGE_MODES;
    case EXT_KEY_SHARE:
        return TLSX_EXT_KEY_SHARE;
    case EXT_RENEGOTIATION_INFO:
        return TLSX_EXT_RENEGOTIATION_INFO;
    case EXT_ECH:
        return TLSX_EXT_ECH;
    case EXT_ECH_OUTER_EXTENSIONS:
        return TLSX_EXT_ECH_OUTER_EXTENSIONS;
    default:
        return 0;
    }
}

/* The reading of one message: the buffer the slices point into. */
typedef struct {
    const uint8_t *base;
    tlsx_parsed *out;
} reader;

static tlsx_slice slice_of(const reader *r, const cursor *c, size_t len)
{
    tlsx_slice s = {(uint32_t)(c->p + c->off - r->base), (uint32_t)len};
    return s;
}

static void add_group(tlsx_hello *h, uint16_t group)
{
    if (tlsx_is_grease(group) || h->key_share_count >= TLSX_HELLO_GROUPS_MAX)
        return;
    h->key_share[h->key_share_count++] = group;
}

static void offer_version(tlsx_parsed *m, uint16_t v)
{
    if (tlsx_version_rank(v) > tlsx_version_rank(m->supported_version))
        m->supported_version = v;
}

/* server_name: a list of (type, name); the first entry's name. */
static void read_server_name(reader *r, cursor *e)
{
    cursor list = vector(e, 2);
    if (left(&list) == 0)
        return;
    get8(&list);
    const size_t len = get16(&list);
    if (need(&list, len) && len > 0)
        r->out->server_name = slice_of(r, &list, len);
    else
        e->bad = true;
}

/* ALPN: a list of protocol names; the first one, and where the list is. */
static void read_alpn(reader *r, cursor *e)
{
    cursor list = vector(e, 2);
    if (left(&list) == 0)
        return;
    r->out->alpn_list = slice_of(r, &list, left(&list));
    const size_t len = get8(&list);
    if (need(&list, len) && len > 0)
        r->out->alpn = slice_of(r, &list, len);
    else
        e->bad = true;
}

static void read_key_share(reader *r, cursor *e, uint8_t hs_type)
{
    tlsx_hello *h = &r->out->hello;
    if (hs_type == TLSX_HS_CLIENT_HELLO) {
        cursor list = vector(e, 2);
        while (left(&list) > 0) {
            const uint16_t group = get16(&list);
            vector(&list, 2);
            if (list.bad)
                break;
            add_group(h, group);
        }
        e->bad |= list.bad;
    } else if (r->out->hrr) {
        r->out->group = get16(e);
        if (!e->bad)
            add_group(h, r->out->group);
    } else {
        const uint16_t group = get16(e);
        if (e->bad)
            return;
        r->out->group = group;
        add_group(h, group);
        vector(e, 2); /* key_exchange */
    }
}

static void read_pre_shared_key(reader *r, cursor *e, uint8_t hs_type)
{
    if (hs_type != TLSX_HS_CLIENT_HELLO) {
        r->out->psk_identity = get16(e);
        r->out->psk_selected = !e->bad;
        return;
    }
    cursor ids = vector(e, 2);
    unsigned count = 0;
    while (left(&ids) > 0) {
        vector(&ids, 2);
        skip(&ids, 4); /* obfuscated_ticket_age */
        if (ids.bad)
            break;
        count++;
    }
    e->bad |= ids.bad;
    r->out->hello.psk_identities = (uint8_t)(count > 255 ? 255 : count);
}

static void read_supported_versions(reader *r, cursor *e, uint8_t hs_type)
{
    if (hs_type != TLSX_HS_CLIENT_HELLO) {
        const uint16_t v = get16(e);
        if (!e->bad)
            offer_version(r->out, v);
        return;
    }
    cursor list = vector(e, 1);
    while (left(&list) >= 2)
        offer_version(r->out, get16(&list));
    e->bad |= list.bad || left(&list) != 0;
}

static void read_psk_modes(reader *r, cursor *e)
{
    cursor list = vector(e, 1);
    while (left(&list) > 0) {
        const uint8_t mode = get8(&list);
        if (mode == 0)
            r->out->hello.psk_modes |= TLSX_PSK_MODE_KE;
        else if (mode == 1)
            r->out->hello.psk_modes |= TLSX_PSK_MODE_DHE_KE;
    }
    e->bad |= list.bad;
}

static void read_ech(reader *r, cursor *e, uint8_t hs_type)
{
    if (hs_type != TLSX_HS_CLIENT_HELLO) {
        r->out->hello.ech = TLSX_ECH_SERVER;
        return;
    }
    const uint8_t type = get8(e);
    if (e->bad)
        return;
    r->out->hello.ech = type == 0 ? TLSX_ECH_OUTER : type == 1 ? TLSX_ECH_INNER : TLSX_ECH_NONE;
}

/* One extension's data, e, for a message of type hs_type. */
static void read_extension(reader *r, uint16_t type, cursor *e, uint8_t hs_type)
{
    switch (type) {
    case EXT_SERVER_NAME:
        if (hs_type == TLSX_HS_CLIENT_HELLO)
            read_server_name(r, e);
        break;
    case EXT_ALPN:
        read_alpn(r, e);
        break;
    case EXT_KEY_SHARE:
        read_key_share(r, e, hs_type);
        break;
    case EXT_PRE_SHARED_KEY:
        read_pre_shared_key(r, e, hs_type);
        break;
    case EXT_SUPPORTED_VERSIONS:
        read_supported_versions(r, e, hs_type);
        break;
    case EXT_PSK_KEY_EXCHANGE_MODES:
        read_psk_modes(r, e);
        break;
    case EXT_ECH:
        read_ech(r, e, hs_type);
        break;
    case EXT_SESSION_TICKET:
        if (hs_type == TLSX_HS_CLIENT_HELLO)
            r->out->hello.session_ticket_data = left(e) > 0;
        break;
    default:
        break;
    }
}

/* The extensions block, if the message has one (a hello may end before
 * it). */
static bool read_extensions(reader *r, cursor *c, uint8_t hs_type)
{
    if (left(c) == 0)
        return !c->bad;
    cursor list = vector(c, 2);
    if (list.bad)
        return false;
    while (left(&list) > 0) {
        const uint16_t type = get16(&list);
        cursor e = vector(&list, 2);
        if (list.bad)
            return false;
        r->out->hello.extensions |= ext_bit(type);
        read_extension(r, type, &e, hs_type);
        if (e.bad)
            return false;
    }
    return true;
}

static uint32_t fnv1a(const uint8_t *p, size_t n)
{
    if (n == 0)
        return 0;
    uint32_t x = 2166136261u;
    for (size_t i = 0; i < n; i++)
        x = (x ^ p[i]) * 16777619u;
    return x ? x : 1;
}

static bool read_session_id(reader *r, cursor *c)
{
    cursor sid = vector(c, 1);
    if (sid.bad)
        return false;
    r->out->hello.session_id_length = (uint8_t)sid.n;
    r->out->session_id_hash = fnv1a(sid.p, sid.n);
    return true;
}

static bool read_client_hello(reader *r, cursor *c, bool dtls)
{
    tlsx_parsed *m = r->out;
    m->legacy_version = get16(c);
    skip(c, 32);
    if (c->bad || !read_session_id(r, c))
        return false;
    if (dtls)
        vector(c, 1); /* cookie */
    cursor suites = vector(c, 2);
    if (c->bad)
        return false;
    while (left(&suites) >= 2) {
        const uint16_t s = get16(&suites);
        if (!tlsx_is_grease(s) && m->cipher_count < UINT16_MAX)
            m->cipher_count++;
    }
    cursor methods = vector(c, 1);
    if (c->bad)
        return false;
    m->compression = (uint8_t)methods.n;
    return read_extensions(r, c, TLSX_HS_CLIENT_HELLO);
}

static bool read_server_hello(reader *r, cursor *c)
{
    tlsx_parsed *m = r->out;
    m->legacy_version = get16(c);
    const uint8_t *random = skip(c, 32);
    if (c->bad)
        return false;
    m->hrr = memcmp(random, hrr_random, sizeof hrr_random) == 0;
    if (!read_session_id(r, c))
        return false;
    const uint16_t cipher = get16(c);
    if (c->bad)
        return false;
    m->cipher = cipher;
    m->has_cipher = true;
    m->compression = get8(c);
    if (c->bad)
        return false;
    return read_extensions(r, c, TLSX_HS_SERVER_HELLO);
}

/* ServerKeyExchange: the named curve of ECDHE parameters (RFC 8422 5.4).
 * The message does not say its key exchange (the suite does), so the curve
 * is read only when the whole body has the shape of ECDHE parameters:
 * curve type 3, the curve, the point, then nothing (anonymous) or one
 * signature (with or without its algorithm) that ends the body. */
/* ECParameters (named_curve) and the public point, then what follows them
 * must be exactly a signature (ECDHE_ECDSA, ECDHE_RSA: with or without its
 * scheme) or nothing (anonymous ECDH, ECDHE_PSK): the curve of a message of
 * any other shape is not taken. */
static bool read_ec_params(cursor *c, bool signature_allowed, uint16_t *curve)
{
    if (get8(c) != 3)
        return false;
    *curve = get16(c);
    vector(c, 1);
    if (c->bad)
        return false;
    const size_t rest = left(c);
    if (rest == 0)
        return true;
    if (!signature_allowed)
        return false;
    if (rest >= 2) {
        cursor sig = *c;
        vector(&sig, 2);
        if (!sig.bad && left(&sig) == 0)
            return true;
    }
    if (rest >= 4) {
        cursor sig = *c;
        get16(&sig);
        vector(&sig, 2);
        if (!sig.bad && left(&sig) == 0)
            return true;
    }
    return false;
}

static void read_server_key_exchange(reader *r, cursor *c)
{
    uint16_t curve;
    cursor ecdhe = *c;
    if (read_ec_params(&ecdhe, true, &curve)) {
        r->out->group = curve;
        return;
    }
    /* ECDHE_PSK (RFC 5489): the PSK identity hint first, then the curve and
     * the point, unsigned. */
    cursor psk = *c;
    vector(&psk, 2);
    if (!psk.bad && read_ec_params(&psk, false, &curve))
        r->out->group = curve;
}

static void finish(tlsx_parsed *m)
{
    m->version = m->supported_version ? m->supported_version : m->legacy_version;
}

void tlsx_parse_body(uint8_t type, const uint8_t *body, size_t n, bool dtls, tlsx_parsed *out)
{
    memset(out, 0, sizeof *out);
    out->hs_type = type;
    reader r = {body, out};
    cursor c = make_cursor(body, n);
    bool ok = true;
    switch (type) {
    case TLSX_HS_CLIENT_HELLO:
        ok = read_client_hello(&r, &c, dtls);
        break;
    case TLSX_HS_SERVER_HELLO:
        ok = read_server_hello(&r, &c);
        break;
    case TLSX_HS_HELLO_VERIFY_REQUEST:
        out->legacy_version = get16(&c);
        vector(&c, 1);
        ok = !c.bad;
        break;
    case TLSX_HS_ENCRYPTED_EXTENSIONS:
        /* Unlike a hello's, its list is never left out. */
        ok = n >= 2 && read_extensions(&r, &c, TLSX_HS_ENCRYPTED_EXTENSIONS);
        break;
    case TLSX_HS_SERVER_KEY_EXCHANGE:
        read_server_key_exchange(&r, &c);
        break;
    default:
        return;
    }
    out->read = true;
    out->truncated = !ok;
    finish(out);
}

void tlsx_parse_message(const uint8_t *msg, size_t n, bool dtls, tlsx_parsed *out)
{
    tlsx_hs_header h;
    if (!tlsx_parse_hs_header(msg, n, dtls, &h)) {
        memset(out, 0, sizeof *out);
        out->truncated = true;
        return;
    }
    if (!h.complete) {
        memset(out, 0, sizeof *out);
        out->hs_type = h.type;
        out->truncated = n - h.header < h.frag_length;
        return;
    }
    tlsx_parse_body(h.type, msg + h.header, h.length, dtls, out);
    /* Slices are relative to msg. */
    if (out->server_name.length)
        out->server_name.offset += h.header;
    if (out->alpn.length)
        out->alpn.offset += h.header;
    if (out->alpn_list.length)
        out->alpn_list.offset += h.header;
}

bool tlsx_parse_alpn_next(const uint8_t *list, size_t n, size_t *pos, tlsx_slice *one)
{
    if (*pos >= n)
        return false;
    const size_t len = list[*pos];
    if (len == 0 || len > n - *pos - 1)
        return false;
    one->offset = (uint32_t)(*pos + 1);
    one->length = (uint32_t)len;
    *pos += 1 + len;
    return true;
}

bool tlsx_parse_alert(const uint8_t *p, size_t n, uint8_t *level, uint8_t *desc)
{
    if (n != 2)
        return false;
    *level = p[0];
    *desc = p[1];
    return true;
}

/* The certificate_list of a Certificate body (c at its 3-byte length), TLS
 * 1.3's entries with their extensions when tls13: false unless its length
 * fills the rest of the body exactly and every entry fits. */
static bool read_certificate_list(cursor c, bool tls13, tlsx_certificate_info *out)
{
    const uint32_t len = get24(&c);
    if (c.bad || len != left(&c))
        return false;
    unsigned count = 0;
    bool stapled = false;
    while (left(&c) > 0) {
        const uint32_t cert = get24(&c);
        if (!skip(&c, cert) || cert == 0)
            return false;
        if (tls13) {
            cursor ext = vector(&c, 2);
            if (ext.bad)
                return false;
            while (count == 0 && left(&ext) >= 4) {
                const uint16_t type = get16(&ext);
                const cursor data = vector(&ext, 2);
                if (data.bad)
                    return false;
                if (type == 5 && left(&data) > 0) /* status_request: an OCSP response */
                    stapled = true;
            }
        }
        count++;
    }
    out->count = count;
    out->stapled = stapled;
    return true;
}

bool tlsx_parse_certificate(const uint8_t *msg, size_t n, bool dtls, tlsx_certificate_info *out)
{
    memset(out, 0, sizeof *out);
    tlsx_hs_header h;
    if (!tlsx_parse_hs_header(msg, n, dtls, &h) || !h.complete || h.type != 11)
        return false;
    const cursor body = make_cursor(msg + h.header, h.length);
    /* TLS <= 1.2: the list alone; TLS 1.3: a request context first, and
     * extensions in every entry.  Only one of the two shapes fits. */
    if (read_certificate_list(body, false, out))
        return true;
    cursor c = body;
    const cursor context = vector(&c, 1);
    if (context.bad)
        return false;
    if (read_certificate_list(c, true, out)) {
        out->tls13 = true;
        return true;
    }
    memset(out, 0, sizeof *out);
    return false;
}
