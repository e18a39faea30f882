/* test_parse.c: the core's parser on hand-built records and messages.
 *
 * Each message is built byte by byte below, as a client or server would
 * send it; the tests read it whole and check every value, then cut it at
 * every byte and check that the parser says so and reads nothing past the
 * cut (each cut copy is a buffer of exactly its size).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdlib.h>

#include "check.h"
#include "tlsx_parse.h"

/* A message under construction; vectors' lengths are filled when they
 * close. */
typedef struct {
    uint8_t b[2048];
    size_t n;
    size_t open[8];
    int open_bytes[8];
    int depth;
} builder;

static void put8(builder *m, unsigned v)
{
    m->b[m->n++] = (uint8_t)v;
}

static void put16(builder *m, unsigned v)
{
    put8(m, v >> 8);
    put8(m, v);
}

static void put_bytes(builder *m, const void *p, size_t n)
{
    memcpy(m->b + m->n, p, n);
    m->n += n;
}

static void put_fill(builder *m, uint8_t v, size_t n)
{
    memset(m->b + m->n, v, n);
    m->n += n;
}

/* Opens a vector whose length takes len_bytes (1, 2 or 3) bytes. */
static void begin(builder *m, int len_bytes)
{
    m->open[m->depth] = m->n;
    m->open_bytes[m->depth++] = len_bytes;
    m->n += (size_t)len_bytes;
}

static void end(builder *m)
{
    const int k = m->open_bytes[--m->depth];
    const size_t at = m->open[m->depth];
    size_t len = m->n - at - (size_t)k;
    for (int i = k - 1; i >= 0; i--, len >>= 8)
        m->b[at + (size_t)i] = (uint8_t)len;
}

static void begin_ext(builder *m, unsigned type)
{
    put16(m, type);
    begin(m, 2);
}

/* A TLS handshake header around what follows until end(). */
static void begin_message(builder *m, unsigned type)
{
    put8(m, type);
    begin(m, 3);
}

static const uint8_t hrr_random[32] = {
    0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
    0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
};

static bool slice_is(const builder *m, tlsx_slice s, const char *want)
{
    return s.length == strlen(want) && s.offset + s.length <= m->n &&
           memcmp(m->b + s.offset, want, s.length) == 0;
}

/* A browser's TLS 1.3 Client Hello: GREASE in suites, extensions, versions
 * and key shares; two key shares; a PSK with two identities; ECH outer. */
static void client_hello(builder *m)
{
    memset(m, 0, sizeof *m);
    begin_message(m, TLSX_HS_CLIENT_HELLO);
    put16(m, 0x0303);
    put_fill(m, 0x11, 32);
    begin(m, 1);
    put_fill(m, 0x22, 32); /* session ID */
    end(m);
    begin(m, 2);
    put16(m, 0x3a3a); /* GREASE */
    put16(m, 0x1301);
    put16(m, 0x1302);
    put16(m, 0xc02f);
    end(m);
    begin(m, 1);
    put8(m, 0);
    end(m);
    begin(m, 2);          /* extensions */
    begin_ext(m, 0x2a2a); /* GREASE */
    end(m);
    begin_ext(m, 0); /* server_name */
    begin(m, 2);
    put8(m, 0);
    begin(m, 2);
    put_bytes(m, "example.com", 11);
    end(m);
    end(m);
    end(m);
    begin_ext(m, 23); /* extended_master_secret */
    end(m);
    begin_ext(m, 0xff01); /* renegotiation_info */
    begin(m, 1);
    end(m);
    end(m);
    begin_ext(m, 10); /* supported_groups */
    begin(m, 2);
    put16(m, 0x001d);
    end(m);
    end(m);
    begin_ext(m, 35); /* session_ticket, empty */
    end(m);
    begin_ext(m, 16); /* ALPN */
    begin(m, 2);
    begin(m, 1);
    put_bytes(m, "h2", 2);
    end(m);
    begin(m, 1);
    put_bytes(m, "http/1.1", 8);
    end(m);
    end(m);
    end(m);
    begin_ext(m, 5); /* status_request */
    put8(m, 1);
    put16(m, 0);
    put16(m, 0);
    end(m);
    begin_ext(m, 51); /* key_share */
    begin(m, 2);
    put16(m, 0x4a4a); /* GREASE */
    begin(m, 2);
    put8(m, 0);
    end(m);
    put16(m, 0x001d);
    begin(m, 2);
    put_fill(m, 0x33, 32);
    end(m);
    put16(m, 0x0017);
    begin(m, 2);
    put_fill(m, 0x44, 65);
    end(m);
    end(m);
    end(m);
    begin_ext(m, 45); /* psk_key_exchange_modes */
    begin(m, 1);
    put8(m, 1);
    end(m);
    end(m);
    begin_ext(m, 43); /* supported_versions */
    begin(m, 1);
    put16(m, 0x5a5a);
    put16(m, 0x0304);
    put16(m, 0x0303);
    end(m);
    end(m);
    begin_ext(m, 27); /* compress_certificate */
    begin(m, 1);
    put16(m, 2);
    end(m);
    end(m);
    begin_ext(m, 22); /* encrypt_then_mac */
    end(m);
    begin_ext(m, 42); /* early_data */
    end(m);
    begin_ext(m, 44); /* cookie */
    begin(m, 2);
    put_fill(m, 0x55, 7);
    end(m);
    end(m);
    begin_ext(m, 0xfe0d); /* encrypted_client_hello, outer */
    put8(m, 0);
    put16(m, 0x0001);
    put16(m, 0x0001);
    put8(m, 7);
    begin(m, 2);
    put_fill(m, 0x66, 32);
    end(m);
    begin(m, 2);
    put_fill(m, 0x77, 40);
    end(m);
    end(m);
    begin_ext(m, 41); /* pre_shared_key: last */
    begin(m, 2);
    begin(m, 2);
    put_fill(m, 0x88, 20);
    end(m);
    put_fill(m, 0, 4);
    begin(m, 2);
    put_fill(m, 0x99, 9);
    end(m);
    put_fill(m, 0, 4);
    end(m);
    begin(m, 2);
    begin(m, 1);
    put_fill(m, 0xaa, 32);
    end(m);
    begin(m, 1);
    put_fill(m, 0xbb, 32);
    end(m);
    end(m);
    end(m);
    end(m); /* extensions */
    end(m); /* message */
}

static void test_client_hello(void)
{
    builder m;
    client_hello(&m);
    tlsx_parsed p;
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && !p.truncated && !p.hrr);
    CHECK(p.hs_type == TLSX_HS_CLIENT_HELLO);
    CHECK(p.legacy_version == 0x0303);
    CHECK(p.supported_version == 0x0304);
    CHECK(p.version == 0x0304);
    CHECK(p.cipher_count == 3);
    CHECK(p.cipher == 0 && !p.has_cipher);
    CHECK(p.compression == 1);
    CHECK(p.session_id_hash != 0);
    CHECK(p.hello.session_id_length == 32);
    CHECK(slice_is(&m, p.server_name, "example.com"));
    CHECK(slice_is(&m, p.alpn, "h2"));
    /* The whole ALPN list, one protocol at a time: what curl says it offers. */
    const uint8_t *list = m.b + p.alpn_list.offset;
    size_t pos = 0;
    tlsx_slice one;
    CHECK(tlsx_parse_alpn_next(list, p.alpn_list.length, &pos, &one));
    one.offset += p.alpn_list.offset;
    CHECK(slice_is(&m, one, "h2"));
    CHECK(tlsx_parse_alpn_next(list, p.alpn_list.length, &pos, &one));
    one.offset += p.alpn_list.offset;
    CHECK(slice_is(&m, one, "http/1.1"));
    CHECK(!tlsx_parse_alpn_next(list, p.alpn_list.length, &pos, &one));
    /* An entry that claims more bytes than the list has ends it. */
    const uint8_t bad[] = {2, 'h', '2', 9, 'x'};
    pos = 0;
    CHECK(tlsx_parse_alpn_next(bad, sizeof bad, &pos, &one) && one.length == 2);
    CHECK(!tlsx_parse_alpn_next(bad, sizeof bad, &pos, &one));
    CHECK(p.hello.extensions ==
          (TLSX_EXT_SERVER_NAME | TLSX_EXT_EXTENDED_MASTER_SECRET | TLSX_EXT_RENEGOTIATION_INFO |
           TLSX_EXT_SUPPORTED_GROUPS | TLSX_EXT_SESSION_TICKET | TLSX_EXT_ALPN |
           TLSX_EXT_STATUS_REQUEST | TLSX_EXT_KEY_SHARE | TLSX_EXT_PSK_KEY_EXCHANGE_MODES |
           TLSX_EXT_SUPPORTED_VERSIONS | TLSX_EXT_COMPRESS_CERTIFICATE | TLSX_EXT_ENCRYPT_THEN_MAC |
           TLSX_EXT_EARLY_DATA | TLSX_EXT_COOKIE | TLSX_EXT_ECH | TLSX_EXT_PRE_SHARED_KEY));
    CHECK(p.hello.key_share_count == 2);
    CHECK(p.hello.key_share[0] == 0x001d && p.hello.key_share[1] == 0x0017);
    CHECK(p.hello.psk_modes == TLSX_PSK_MODE_DHE_KE);
    CHECK(p.hello.psk_identities == 2);
    CHECK(p.hello.ech == TLSX_ECH_OUTER);
    CHECK(!p.hello.session_ticket_data);
    CHECK(!p.psk_selected);

    /* The same session ID hashes the same; another does not. */
    builder other;
    client_hello(&other);
    other.b[4 + 2 + 32 + 1 + 5] ^= 1;
    tlsx_parsed q;
    tlsx_parse_message(other.b, other.n, false, &q);
    CHECK(q.read && q.session_id_hash != p.session_id_hash);
    tlsx_parse_message(m.b, m.n, false, &q);
    CHECK(q.session_id_hash == p.session_id_hash);
}

/* A TLS 1.2 Client Hello of old: no extensions at all. */
static void test_client_hello_without_extensions(void)
{
    builder m;
    memset(&m, 0, sizeof m);
    begin_message(&m, TLSX_HS_CLIENT_HELLO);
    put16(&m, 0x0301);
    put_fill(&m, 0x11, 32);
    put8(&m, 0);
    begin(&m, 2);
    put16(&m, 0x002f);
    put16(&m, 0x0035);
    end(&m);
    begin(&m, 1);
    put8(&m, 1);
    put8(&m, 0);
    end(&m);
    end(&m);
    tlsx_parsed p;
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && !p.truncated);
    CHECK(p.version == 0x0301 && p.supported_version == 0);
    CHECK(p.session_id_hash == 0 && p.hello.session_id_length == 0);
    CHECK(p.cipher_count == 2 && p.compression == 2);
    CHECK(p.hello.extensions == 0 && p.server_name.length == 0);
}

static void server_hello(builder *m, bool hrr, unsigned group)
{
    memset(m, 0, sizeof *m);
    begin_message(m, TLSX_HS_SERVER_HELLO);
    put16(m, 0x0303);
    if (hrr)
        put_bytes(m, hrr_random, sizeof hrr_random);
    else
        put_fill(m, 0x12, 32);
    begin(m, 1);
    put_fill(m, 0x22, 32);
    end(m);
    put16(m, 0x1302);
    put8(m, 0);
    begin(m, 2);
    begin_ext(m, 43);
    put16(m, 0x0304);
    end(m);
    begin_ext(m, 51);
    put16(m, group);
    if (!hrr) {
        begin(m, 2);
        put_fill(m, 0x33, 32);
        end(m);
    }
    end(m);
    if (hrr) {
        begin_ext(m, 44);
        begin(m, 2);
        put_fill(m, 0x55, 16);
        end(m);
        end(m);
    } else {
        begin_ext(m, 41);
        put16(m, 1);
        end(m);
    }
    end(m);
    end(m);
}

static void test_server_hello(void)
{
    builder m;
    server_hello(&m, false, 0x001d);
    tlsx_parsed p;
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && !p.truncated && !p.hrr);
    CHECK(p.legacy_version == 0x0303 && p.version == 0x0304);
    CHECK(p.cipher == 0x1302 && p.has_cipher && p.compression == 0);
    CHECK(p.group == 0x001d);
    CHECK(p.hello.key_share_count == 1 && p.hello.key_share[0] == 0x001d);
    CHECK(p.psk_selected && p.psk_identity == 1);
    CHECK(p.hello.extensions ==
          (TLSX_EXT_SUPPORTED_VERSIONS | TLSX_EXT_KEY_SHARE | TLSX_EXT_PRE_SHARED_KEY));
    CHECK(p.hello.session_id_length == 32);

    /* The server echoes the client's session ID: the same hash. */
    builder c;
    client_hello(&c);
    tlsx_parsed q;
    tlsx_parse_message(c.b, c.n, false, &q);
    CHECK(q.session_id_hash == p.session_id_hash);
}

static void test_hello_retry_request(void)
{
    builder m;
    server_hello(&m, true, 0x0017);
    tlsx_parsed p;
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && !p.truncated && p.hrr);
    CHECK(p.hs_type == TLSX_HS_SERVER_HELLO);
    CHECK(p.version == 0x0304);
    CHECK(p.group == 0x0017);
    CHECK(p.hello.key_share_count == 1 && p.hello.key_share[0] == 0x0017);
    CHECK(p.hello.extensions & TLSX_EXT_COOKIE);
    CHECK(!p.psk_selected);
}

/* TLS 1.2: ALPN chosen, extended master secret, renegotiation_info. */
static void test_server_hello_tls12(void)
{
    builder m;
    memset(&m, 0, sizeof m);
    begin_message(&m, TLSX_HS_SERVER_HELLO);
    put16(&m, 0x0303);
    put_fill(&m, 0x12, 32);
    begin(&m, 1);
    end(&m);
    put16(&m, 0xc02f);
    put8(&m, 0);
    begin(&m, 2);
    begin_ext(&m, 0xff01);
    begin(&m, 1);
    end(&m);
    end(&m);
    begin_ext(&m, 23);
    end(&m);
    begin_ext(&m, 16);
    begin(&m, 2);
    begin(&m, 1);
    put_bytes(&m, "http/1.1", 8);
    end(&m);
    end(&m);
    end(&m);
    begin_ext(&m, 35);
    end(&m);
    end(&m);
    end(&m);
    tlsx_parsed p;
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && !p.truncated && !p.hrr);
    CHECK(p.version == 0x0303 && p.supported_version == 0);
    CHECK(p.cipher == 0xc02f && p.group == 0);
    CHECK(p.session_id_hash == 0);
    CHECK(slice_is(&m, p.alpn, "http/1.1"));
    CHECK(p.hello.extensions == (TLSX_EXT_RENEGOTIATION_INFO | TLSX_EXT_EXTENDED_MASTER_SECRET |
                                 TLSX_EXT_ALPN | TLSX_EXT_SESSION_TICKET));
}

static void test_encrypted_extensions(void)
{
    builder m;
    memset(&m, 0, sizeof m);
    begin_message(&m, TLSX_HS_ENCRYPTED_EXTENSIONS);
    begin(&m, 2);
    begin_ext(&m, 16);
    begin(&m, 2);
    begin(&m, 1);
    put_bytes(&m, "h2", 2);
    end(&m);
    end(&m);
    end(&m);
    begin_ext(&m, 0xfe0d);
    begin(&m, 2);
    put_fill(&m, 0x10, 20);
    end(&m);
    end(&m);
    begin_ext(&m, 42);
    end(&m);
    end(&m);
    end(&m);
    tlsx_parsed p;
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && !p.truncated);
    CHECK(slice_is(&m, p.alpn, "h2"));
    CHECK(p.hello.ech == TLSX_ECH_SERVER);
    CHECK(p.hello.extensions == (TLSX_EXT_ALPN | TLSX_EXT_ECH | TLSX_EXT_EARLY_DATA));

    /* Empty: a list of no extensions is fine, no list is not. */
    const uint8_t empty[] = {8, 0, 0, 2, 0, 0};
    tlsx_parse_message(empty, sizeof empty, false, &p);
    CHECK(p.read && !p.truncated && p.hello.extensions == 0);
    const uint8_t none[] = {8, 0, 0, 0};
    tlsx_parse_message(none, sizeof none, false, &p);
    CHECK(p.read && p.truncated);
}

static void server_key_exchange(builder *m, unsigned curve_type, bool sig_alg)
{
    memset(m, 0, sizeof *m);
    begin_message(m, TLSX_HS_SERVER_KEY_EXCHANGE);
    put8(m, curve_type);
    put16(m, 0x0017);
    begin(m, 1);
    put_fill(m, 0x04, 65);
    end(m);
    if (sig_alg)
        put16(m, 0x0804);
    begin(m, 2);
    put_fill(m, 0x5c, 256);
    end(m);
    end(m);
}

static void test_server_key_exchange(void)
{
    builder m;
    tlsx_parsed p;
    server_key_exchange(&m, 3, true);
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && p.group == 0x0017);
    server_key_exchange(&m, 3, false); /* TLS 1.0 and 1.1: no algorithm */
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && p.group == 0x0017);
    server_key_exchange(&m, 1, true); /* explicit prime curve: no name */
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.group == 0);

    /* DHE whose prime is 768 bytes (0x0300): its first bytes look like a
     * curve type of 3, but the rest has no ECDHE shape. */
    memset(&m, 0, sizeof m);
    begin_message(&m, TLSX_HS_SERVER_KEY_EXCHANGE);
    begin(&m, 2);
    put_fill(&m, 0xc7, 768);
    end(&m);
    begin(&m, 2);
    put8(&m, 2);
    end(&m);
    begin(&m, 2);
    put_fill(&m, 0x3d, 768);
    end(&m);
    put16(&m, 0x0401);
    begin(&m, 2);
    put_fill(&m, 0x5c, 256);
    end(&m);
    end(&m);
    CHECK(m.b[4] == 3);
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && p.group == 0);

    /* ECDHE_PSK (RFC 5489): an identity hint, then x25519's point, no
     * signature; with a byte more it has no shape the parser knows. */
    for (int extra = 0; extra < 2; extra++) {
        memset(&m, 0, sizeof m);
        begin_message(&m, TLSX_HS_SERVER_KEY_EXCHANGE);
        begin(&m, 2);
        put_fill(&m, 'h', 4);
        end(&m);
        put8(&m, 3);
        put16(&m, 0x001d);
        begin(&m, 1);
        put_fill(&m, 0x42, 32);
        end(&m);
        if (extra)
            put8(&m, 0);
        end(&m);
        tlsx_parse_message(m.b, m.n, false, &p);
        CHECK(p.read && p.group == (extra ? 0 : 0x001d));
    }
}

static void test_dtls(void)
{
    /* A DTLS 1.2 Client Hello with a cookie, in one fragment. */
    builder m;
    memset(&m, 0, sizeof m);
    put8(&m, TLSX_HS_CLIENT_HELLO);
    begin(&m, 3);
    put16(&m, 1); /* message_seq */
    put8(&m, 0);  /* fragment_offset */
    put16(&m, 0);
    begin(&m, 3); /* fragment_length: the same as length */
    const size_t body = m.n;
    put16(&m, 0xfefd);
    put_fill(&m, 0x11, 32);
    put8(&m, 0);
    begin(&m, 1);
    put_fill(&m, 0xcc, 20);
    end(&m);
    begin(&m, 2);
    put16(&m, 0xc02b);
    end(&m);
    begin(&m, 1);
    put8(&m, 0);
    end(&m);
    end(&m);
    const size_t len = m.n - body;
    m.b[1] = (uint8_t)(len >> 16);
    m.b[2] = (uint8_t)(len >> 8);
    m.b[3] = (uint8_t)len;
    m.depth = 0;

    tlsx_hs_header h;
    CHECK(tlsx_parse_hs_header(m.b, m.n, true, &h));
    CHECK(h.header == 12 && h.msg_seq == 1 && h.length == len && h.complete);
    tlsx_parsed p;
    tlsx_parse_message(m.b, m.n, true, &p);
    CHECK(p.read && !p.truncated);
    CHECK(p.version == 0xfefd && p.cipher_count == 1 && p.compression == 1);

    /* The same bytes as a fragment of a longer message: not read. */
    m.b[3] = (uint8_t)(len + 1);
    tlsx_parse_message(m.b, m.n, true, &p);
    CHECK(!p.read && !p.truncated && p.hs_type == TLSX_HS_CLIENT_HELLO);

    /* HelloVerifyRequest. */
    const uint8_t hvr[] = {3, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 5, 0xfe, 0xff, 2, 0xab, 0xcd};
    tlsx_parse_message(hvr, sizeof hvr, true, &p);
    CHECK(p.read && !p.truncated && p.legacy_version == 0xfeff);
}

static void test_records(void)
{
    const uint8_t tls[] = {22, 3, 1, 0, 4, 14, 0, 0, 0};
    tlsx_record_header r;
    CHECK(tlsx_parse_record(tls, sizeof tls, false, &r));
    CHECK(r.content_type == TLSX_CT_HANDSHAKE && r.version == 0x0301 && r.length == 4);
    CHECK(r.header == 5 && r.complete);
    CHECK(tlsx_parse_record(tls, sizeof tls - 1, false, &r) && !r.complete);
    for (size_t k = 0; k < 5; k++)
        CHECK(!tlsx_parse_record(tls, k, false, &r) && r.length == 0);

    const uint8_t dtls[] = {21, 0xfe, 0xfd, 0, 1, 0, 0, 0, 0, 0x01, 0x02, 0, 2, 2, 40};
    CHECK(tlsx_parse_record(dtls, sizeof dtls, true, &r));
    CHECK(r.content_type == TLSX_CT_ALERT && r.version == 0xfefd && r.epoch == 1);
    CHECK(r.seq == 0x0102 && r.length == 2 && r.header == 13 && r.complete);
    for (size_t k = 0; k < 13; k++)
        CHECK(!tlsx_parse_record(dtls, k, true, &r));

    uint8_t level = 0, desc = 0;
    CHECK(tlsx_parse_alert(dtls + 13, 2, &level, &desc) && level == 2 && desc == 40);
    CHECK(!tlsx_parse_alert(dtls + 13, 1, &level, &desc));
    const uint8_t encrypted[24] = {0};
    CHECK(!tlsx_parse_alert(encrypted, sizeof encrypted, &level, &desc));

    CHECK(tlsx_is_grease(0x0a0a) && tlsx_is_grease(0xfafa) && tlsx_is_grease(0x3a3a));
    CHECK(!tlsx_is_grease(0x0a1a) && !tlsx_is_grease(0x1301) && !tlsx_is_grease(0x0303));
}

/* A message cut at every byte, each cut in a buffer of exactly its size:
 * the header's length no longer fits, so the message is not read; the body
 * alone, cut, is read up to the cut and says it is truncated, except where
 * a hello may end (right after its compression methods). */
static void check_cuts(const builder *m, bool dtls, size_t may_end)
{
    const size_t header = dtls ? 12 : 4;
    for (size_t k = 0; k < m->n; k++) {
        uint8_t *cut = malloc(k ? k : 1);
        memcpy(cut, m->b, k);
        tlsx_parsed p;
        tlsx_parse_message(cut, k, dtls, &p);
        CHECK(!p.read && p.truncated);
        if (k >= header) {
            tlsx_parse_body(m->b[0], cut + header, k - header, dtls, &p);
            CHECK(p.read);
            CHECK(p.truncated == (k != header + may_end) || m->b[0] == 12);
            CHECK(p.server_name.offset + p.server_name.length <= k - header);
            CHECK(p.alpn.offset + p.alpn.length <= k - header);
            CHECK(p.alpn_list.offset + p.alpn_list.length <= k - header);
        }
        free(cut);
    }
}

static void test_truncated(void)
{
    builder m;
    client_hello(&m);
    check_cuts(&m, false, 2 + 32 + 33 + 2 + 8 + 2);
    server_hello(&m, false, 0x001d);
    check_cuts(&m, false, 2 + 32 + 33 + 2 + 1);
    server_hello(&m, true, 0x0017);
    check_cuts(&m, false, 2 + 32 + 33 + 2 + 1);
    server_key_exchange(&m, 3, true);
    check_cuts(&m, false, 0);

    /* A cut Server Hello keeps what it read before the cut: the list of
     * extensions runs past it, so none of them is read. */
    server_hello(&m, false, 0x001d);
    tlsx_parsed p;
    tlsx_parse_body(TLSX_HS_SERVER_HELLO, m.b + 4, 2 + 32 + 33 + 2 + 1 + 2 + 6, false, &p);
    CHECK(p.truncated && p.cipher == 0x1302 && p.has_cipher && p.version == 0x0303 && p.group == 0);
    tlsx_parse_body(TLSX_HS_SERVER_HELLO, m.b + 4, 2 + 32 + 33 + 1, false, &p);
    CHECK(p.truncated && !p.has_cipher && p.cipher == 0);

    /* An extension whose length lies past the list's end. */
    client_hello(&m);
    const size_t ext_list = 4 + 2 + 32 + 33 + 2 + 8 + 2;
    m.b[ext_list + 2 + 2] = 0xff; /* the GREASE extension's length */
    tlsx_parse_message(m.b, m.n, false, &p);
    CHECK(p.read && p.truncated && p.hello.extensions == 0 && p.server_name.length == 0);

    /* A header alone, and nothing. */
    tlsx_parse_message(m.b, 3, false, &p);
    CHECK(!p.read && p.truncated);
    tlsx_parse_message(NULL, 0, false, &p);
    CHECK(!p.read && p.truncated);
    tlsx_parse_message(m.b, 11, true, &p);
    CHECK(!p.read && p.truncated);
}

/* Messages whose type is not read here: only their type. */
static void test_other_types(void)
{
    const uint8_t finished[] = {20, 0, 0, 3, 1, 2, 3};
    tlsx_parsed p;
    tlsx_parse_message(finished, sizeof finished, false, &p);
    CHECK(!p.read && !p.truncated && p.hs_type == TLSX_HS_FINISHED && p.version == 0);
}

int main(void)
{
    test_client_hello();
    test_client_hello_without_extensions();
    test_server_hello();
    test_hello_retry_request();
    test_server_hello_tls12();
    test_encrypted_extensions();
    test_server_key_exchange();
    test_dtls();
    test_records();
    test_truncated();
    test_other_types();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
