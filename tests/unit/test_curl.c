/* test_curl.c: the two curl dialects' lines (tlsx_curl.h), each as real curl
 * printed it in samples/curl/.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tlsx_curl.h"

static tlsx_step step(tlsx_step_kind kind, uint8_t type, tlsx_side side, uint16_t version)
{
    tlsx_step st;
    memset(&st, 0, sizeof st);
    st.kind = (uint8_t)kind;
    st.hs_type = type;
    st.side = (uint8_t)side;
    st.version = version;
    return st;
}

/* The line, or "(none: <note>)". */
static const char *line_of(tlsx_curl_dialect d, const tlsx_step *st, uint8_t transport)
{
    static char buf[160];
    char line[128];
    tlsx_curl_result r = tlsx_curl_step_line(line, sizeof line, d, st, transport);
    if (r == TLSX_CURL_LINE)
        snprintf(buf, sizeof buf, "%s", line);
    else
        snprintf(buf, sizeof buf, "(none: %s)",
                 tlsx_curl_none_note(r) ? tlsx_curl_none_note(r) : "-");
    return buf;
}

/* tls12-offer13: curl offers TLS 1.3, the server picks 1.2.  The model
 * gives the Server Hello's step the offered version, as curl prints it. */
static void test_offer13_server_picks_12(void)
{
    tlsx_handshake hs;
    uint32_t next = 1;
    tlsx_step st;
    memset(&hs, 0, sizeof hs);
    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    ch.version = TLSX_VERSION_TLS13;
    CHECK(tlsx_handshake_feed(&hs, &next, &ch, &st));
    CHECK_STR(line_of(TLSX_CURL_8, &st, TLSX_TRANSPORT_TCP),
              "TLSv1.3 (OUT), TLS handshake, Client hello (1):");
    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 5);
    sh.version = TLSX_VERSION_TLS12;
    sh.cipher = 0xc030;
    CHECK(tlsx_handshake_feed(&hs, &next, &sh, &st));
    for (int d = 7; d <= 8; d++)
        CHECK_STR(line_of((tlsx_curl_dialect)d, &st, TLSX_TRANSPORT_TCP),
                  "TLSv1.3 (IN), TLS handshake, Server hello (2):");
    tlsx_event cert = hs_event(TLSX_SERVER, TLSX_HS_CERTIFICATE, 5);
    CHECK(tlsx_handshake_feed(&hs, &next, &cert, &st));
    CHECK_STR(line_of(TLSX_CURL_8, &st, TLSX_TRANSPORT_TCP),
              "TLSv1.2 (IN), TLS handshake, Certificate (11):");
}

/* Which Change Cipher Specs each curl prints. */
static void test_ccs(void)
{
    tlsx_step c12 = step(TLSX_STEP_CCS, 0, TLSX_CLIENT, TLSX_VERSION_TLS12);
    tlsx_step s12 = step(TLSX_STEP_CCS, 0, TLSX_SERVER, TLSX_VERSION_TLS12);
    tlsx_step s10 = step(TLSX_STEP_CCS, 0, TLSX_SERVER, 0x0301);
    tlsx_step c13 = step(TLSX_STEP_CCS, 0, TLSX_CLIENT, TLSX_VERSION_TLS13);
    tlsx_step s13 = step(TLSX_STEP_CCS, 0, TLSX_SERVER, TLSX_VERSION_TLS13);
    for (int d = 7; d <= 8; d++) {
        CHECK_STR(line_of((tlsx_curl_dialect)d, &c12, TLSX_TRANSPORT_TCP),
                  "TLSv1.2 (OUT), TLS change cipher, Change cipher spec (1):");
        CHECK_STR(line_of((tlsx_curl_dialect)d, &s12, TLSX_TRANSPORT_TCP),
                  "(none: curl prints no line for the server's Change Cipher Spec in TLS 1.0 "
                  "to 1.2)");
        CHECK_STR(line_of((tlsx_curl_dialect)d, &s10, TLSX_TRANSPORT_TCP),
                  "(none: curl prints no line for the server's Change Cipher Spec in TLS 1.0 "
                  "to 1.2)");
        CHECK_STR(line_of((tlsx_curl_dialect)d, &c13, TLSX_TRANSPORT_TCP),
                  "TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):");
    }
    CHECK_STR(line_of(TLSX_CURL_8, &s13, TLSX_TRANSPORT_TCP),
              "TLSv1.3 (IN), TLS change cipher, Change cipher spec (1):");
    CHECK_STR(line_of(TLSX_CURL_7, &s13, TLSX_TRANSPORT_TCP),
              "(none: curl 7 prints no line for the server's TLS 1.3 compatibility Change "
              "Cipher Spec)");

    /* After a HelloRetryRequest curl 8 prints the server's CCS late. */
    tlsx_step hrr = step(TLSX_STEP_HANDSHAKE, TLSX_HS_SERVER_HELLO, TLSX_SERVER, 0x0304);
    hrr.hrr = true;
    tlsx_step sh = step(TLSX_STEP_HANDSHAKE, TLSX_HS_SERVER_HELLO, TLSX_SERVER, 0x0304);
    CHECK(tlsx_curl_prints_late(TLSX_CURL_8, &s13, &hrr));
    CHECK(!tlsx_curl_prints_late(TLSX_CURL_8, &s13, &sh));
    CHECK(!tlsx_curl_prints_late(TLSX_CURL_8, &s13, NULL));
    CHECK(!tlsx_curl_prints_late(TLSX_CURL_7, &s13, &hrr));
    CHECK(!tlsx_curl_prints_late(TLSX_CURL_8, &c13, &hrr));
}

/* QUIC and DTLS: no lines, and why. */
static void test_transports(void)
{
    tlsx_step ch = step(TLSX_STEP_HANDSHAKE, TLSX_HS_CLIENT_HELLO, TLSX_CLIENT, 0x0304);
    CHECK_STR(line_of(TLSX_CURL_8, &ch, TLSX_TRANSPORT_QUIC),
              "(none: curl prints no per-message TLS lines for QUIC (HTTP/3))");
    CHECK_STR(line_of(TLSX_CURL_7, &ch, TLSX_TRANSPORT_DTLS), "(none: curl never speaks DTLS)");
    tlsx_step rec = step(TLSX_STEP_ENCRYPTED_RECORD, 0, TLSX_SERVER, 0x0304);
    CHECK_STR(line_of(TLSX_CURL_8, &rec, TLSX_TRANSPORT_TCP), "(none: -)");
    tlsx_step alert = step(TLSX_STEP_ALERT, 0, TLSX_CLIENT, 0x0303);
    alert.alert_level = 1;
    alert.alert_desc = 0;
    CHECK_STR(line_of(TLSX_CURL_7, &alert, TLSX_TRANSPORT_TCP),
              "TLSv1.2 (OUT), TLS alert, close notify (256):");
}

static tlsx_summary summary(uint16_t version, uint16_t cipher, uint16_t group)
{
    tlsx_summary s;
    memset(&s, 0, sizeof s);
    s.version = version;
    s.cipher = cipher;
    s.group = group;
    s.group_known = group != 0;
    s.complete = true;
    return s;
}

static const char *closing(tlsx_curl_dialect d, const tlsx_summary *s, tlsx_curl_sig_kind sig,
                           uint16_t scheme)
{
    static char buf[160];
    if (!tlsx_curl_closing_line(buf, sizeof buf, d, s, NULL, sig, scheme))
        snprintf(buf, sizeof buf, "(none)");
    return buf;
}

/* The closing lines of the transcripts. */
static void test_closing(void)
{
    tlsx_summary s = summary(TLSX_VERSION_TLS12, 0xc030, 0x001d);
    CHECK_STR(closing(TLSX_CURL_7, &s, TLSX_CURL_SIG_UNREAD, 0),
              "SSL connection using TLSv1.2 / ECDHE-RSA-AES256-GCM-SHA384");
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_SCHEME, 0x0804),
              "SSL connection using TLSv1.2 / ECDHE-RSA-AES256-GCM-SHA384 / x25519 / RSASSA-PSS");
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_UNREAD, 0), "(none)");

    s = summary(0x0301, 0xc014, 0x001d);
    CHECK_STR(closing(TLSX_CURL_7, &s, TLSX_CURL_SIG_UNREAD, 0),
              "SSL connection using TLSv1 / ECDHE-RSA-AES256-SHA");
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_RSA_KEY, 0),
              "SSL connection using TLSv1 / ECDHE-RSA-AES256-SHA / x25519 / rsaEncryption");

    s = summary(TLSX_VERSION_TLS12, 0x009c, 0); /* RSA key exchange */
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_NONE, 0),
              "SSL connection using TLSv1.2 / AES128-GCM-SHA256 / [blank] / UNDEF");

    s = summary(TLSX_VERSION_TLS13, 0x1302, 0x0017);
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_SCHEME, 0x0804),
              "SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / secp256r1 / RSASSA-PSS");
    s = summary(TLSX_VERSION_TLS13, 0x1302, 0x001d);
    s.resumed = true;
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_NONE, 0),
              "SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / UNDEF");
    s = summary(TLSX_VERSION_TLS13, 0x1302, 0x9999); /* a group OpenSSL's name is unknown for */
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_NONE, 0), "(none)");
    s = summary(TLSX_VERSION_TLS13, 0x1302, 0x001d);
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_SCHEME, 0x0403),
              "SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / id-ecPublicKey");
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_SCHEME, 0x0807),
              "SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / ED25519");
    CHECK_STR(closing(TLSX_CURL_8, &s, TLSX_CURL_SIG_SCHEME, 0x7777), "(none)");

    char small[8];
    s = summary(TLSX_VERSION_TLS13, 0x1302, 0x001d);
    CHECK(
        tlsx_curl_closing_line(small, sizeof small, TLSX_CURL_8, &s, NULL, TLSX_CURL_SIG_NONE, 0));
    CHECK_STR(small, "SSL con");
}

static void test_alpn(void)
{
    char buf[80];
    tlsx_curl_alpn_offer_line(buf, sizeof buf, TLSX_CURL_7, "h2,http/1.1");
    CHECK_STR(buf, "ALPN: offers h2,http/1.1");
    tlsx_curl_alpn_offer_line(buf, sizeof buf, TLSX_CURL_8, "h2,http/1.1");
    CHECK_STR(buf, "ALPN: curl offers h2,http/1.1");
    for (int d = 7; d <= 8; d++) {
        tlsx_curl_alpn_result_line(buf, sizeof buf, (tlsx_curl_dialect)d, "http/1.1");
        CHECK_STR(buf, "ALPN: server accepted http/1.1");
        tlsx_curl_alpn_result_line(buf, sizeof buf, (tlsx_curl_dialect)d, NULL);
        CHECK_STR(buf, "ALPN: server did not agree on a protocol. Uses default.");
    }
}

/* The signature scheme, from a ServerKeyExchange or CertificateVerify;
 * nothing read past the message's end, whatever its length says. */
static void test_read_scheme(void)
{
    /* ECDHE x25519, a 4-byte point (short for the test), rsa_pss_rsae_sha256. */
    static const uint8_t ske[] = {12, 0, 0, 13, 3, 0x00, 0x1d, 4, 1, 2, 3, 4, 0x08, 4, 0, 0};
    static const uint8_t dhe[] = {12, 0, 0, 12, 0, 1, 0xff, 0, 1, 2, 0, 1, 9, 0x04, 0x01, 0};
    static const uint8_t cv[] = {15, 0, 0, 4, 0x08, 0x04, 0, 0};
    static const uint8_t other[] = {11, 0, 0, 4, 0x08, 0x04, 0, 0};
    uint16_t scheme = 0;
    CHECK(tlsx_curl_read_scheme(ske, sizeof ske, &scheme) && scheme == 0x0804);
    CHECK(tlsx_curl_read_scheme(dhe, sizeof dhe, &scheme) && scheme == 0x0401);
    CHECK(tlsx_curl_read_scheme(cv, sizeof cv, &scheme) && scheme == 0x0804);
    CHECK(!tlsx_curl_read_scheme(other, sizeof other, &scheme));
    CHECK(!tlsx_curl_read_scheme(NULL, 0, &scheme));
    /* Cut at every byte: read only while the scheme is whole. */
    for (size_t n = 0; n < sizeof ske; n++)
        CHECK(tlsx_curl_read_scheme(ske, n, &scheme) == (n >= 14));
    for (size_t n = 0; n < sizeof cv; n++)
        CHECK(tlsx_curl_read_scheme(cv, n, &scheme) == (n >= 6));
    /* A message length shorter than the bytes bounds the read. */
    static const uint8_t lying[] = {15, 0, 0, 1, 0x08, 0x04};
    CHECK(!tlsx_curl_read_scheme(lying, sizeof lying, &scheme));
}

/* The Server certificate block of tls12-offer13.curl7.txt and .curl8.txt,
 * and the mismatch wording. */
static void test_cert_block(void)
{
    tlsx_x509 c;
    memset(&c, 0, sizeof c);
    strcpy(c.subject, "CN=q.shanyue.test");
    strcpy(c.issuer, "CN=q.shanyue.test");
    strcpy(c.cn, "q.shanyue.test");
    strcpy(c.dns[0], "q.shanyue.test");
    c.dns_count = 1;
    c.has_san = true;
    c.not_before = 1796627774; /* Dec  7 07:16:14 2026 */
    c.not_after = 2111987774;  /* Dec  4 07:16:14 2036 */
    c.key_type = TLSX_X509_KEY_RSA;
    c.key_bits = 2048;
    c.key_sec_bits = 112;
    c.sig_alg = "sha256WithRSAEncryption";
    static const char *const want7[] = {
        "Server certificate:",
        " subject: CN=q.shanyue.test",
        " start date: Dec  7 07:16:14 2026 GMT",
        " expire date: Dec  4 07:16:14 2036 GMT",
        " subjectAltName: host \"q.shanyue.test\" matched cert's \"q.shanyue.test\"",
        " issuer: CN=q.shanyue.test",
    };
    static const char *const want8[] = {
        "Server certificate:",
        "  subject: CN=q.shanyue.test",
        "  start date: Dec  7 07:16:14 2026 GMT",
        "  expire date: Dec  4 07:16:14 2036 GMT",
        "  issuer: CN=q.shanyue.test",
        "  Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using "
        "sha256WithRSAEncryption",
        "  subjectAltName: \"q.shanyue.test\" matches cert's \"q.shanyue.test\"",
    };
    char line[300];
    unsigned i;
    for (i = 0; tlsx_curl_cert_line(line, sizeof line, TLSX_CURL_7, &c, "q.shanyue.test", i); i++)
        CHECK_STR(line, i < 6 ? want7[i] : "(more)");
    CHECK(i == 6);
    for (i = 0; tlsx_curl_cert_line(line, sizeof line, TLSX_CURL_8, &c, "q.shanyue.test", i); i++)
        CHECK_STR(line, i < 7 ? want8[i] : "(more)");
    CHECK(i == 7);
    CHECK(tlsx_curl_cert_line(line, sizeof line, TLSX_CURL_7, &c, "other.test", 4));
    CHECK_STR(line, " subjectAltName does not match other.test");
    CHECK(tlsx_curl_cert_line(line, sizeof line, TLSX_CURL_8, &c, "other.test", 6));
    CHECK_STR(line, "  subjectAltName does not match hostname other.test");
    /* No server name: no subjectAltName line. */
    for (i = 0; tlsx_curl_cert_line(line, sizeof line, TLSX_CURL_8, &c, NULL, i); i++)
        CHECK(strstr(line, "subjectAltName") == NULL);
    CHECK(i == 6);
    /* An EC key names its curve (as a curl 8.5 transcript of a public
     * server shows: "EC/prime256v1 (256/128 Bits/secBits)"). */
    c.key_type = TLSX_X509_KEY_EC;
    c.curve = "prime256v1";
    c.key_bits = 256;
    c.key_sec_bits = 128;
    c.sig_alg = "ecdsa-with-SHA384";
    CHECK(tlsx_curl_cert_line(line, sizeof line, TLSX_CURL_8, &c, NULL, 5));
    CHECK_STR(line, "  Certificate level 0: Public key type EC/prime256v1 (256/128 Bits/secBits), "
                    "signed using ecdsa-with-SHA384");
    /* A key type or signature the reader does not name: no line, not a
     * guess; curl 7.88 never prints one. */
    c.sig_alg = NULL;
    CHECK(!tlsx_curl_level0_known(&c));
    for (i = 0; tlsx_curl_cert_line(line, sizeof line, TLSX_CURL_8, &c, NULL, i); i++)
        CHECK(strstr(line, "Certificate level") == NULL);
    CHECK(i == 5);
    c.sig_alg = "ecdsa-with-SHA384";
    c.key_type = TLSX_X509_KEY_UNKNOWN;
    CHECK(!tlsx_curl_level0_known(&c));
    c.key_type = TLSX_X509_KEY_EC;
    CHECK(tlsx_curl_level0_known(&c));
    for (i = 0; tlsx_curl_cert_line(line, sizeof line, TLSX_CURL_7, &c, NULL, i); i++)
        CHECK(strstr(line, "Certificate level") == NULL);
    CHECK(i == 5);
    CHECK(!tlsx_curl_cert_line(line, 0, TLSX_CURL_8, &c, NULL, 0));
}

int main(void)
{
    test_cert_block();
    test_offer13_server_picks_12();
    test_ccs();
    test_transports();
    test_closing();
    test_alpn();
    test_read_scheme();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
