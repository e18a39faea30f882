/* tlsx_curl.c: see tlsx_curl.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_curl.h"

#include <string.h>

#include "tlsx_alert.h"
#include "tlsx_cipher.h"
#include "tlsx_text.h"

/* "TLSv1.2 (OUT), TLS <what>, <name> (<number>):" */
static void curl_line(char *buf, size_t size, const char *ver, tlsx_side side, const char *what,
                      const char *name, unsigned number)
{
    tlsx_text t;
    tlsx_text_init(&t, buf, size);
    tlsx_text_add(&t, ver);
    tlsx_text_add(&t, side == TLSX_CLIENT ? " (OUT), TLS " : " (IN), TLS ");
    tlsx_text_add(&t, what);
    tlsx_text_add(&t, ", ");
    tlsx_text_add(&t, name);
    tlsx_text_add(&t, " (");
    tlsx_text_add_uint(&t, number);
    tlsx_text_add(&t, "):");
}

bool tlsx_curl_line(char *buf, size_t size, tlsx_step_kind kind, uint8_t hs_type, tlsx_side side,
                    uint16_t version)
{
    const char *ver = tlsx_version_name(version);

    if (!ver || kind == TLSX_STEP_ENCRYPTED_RECORD || kind == TLSX_STEP_ALERT || size == 0)
        return false;
    const char *name = tlsx_message_curl_name(kind, hs_type);
    if (kind == TLSX_STEP_CCS) {
        curl_line(buf, size, ver, side, "change cipher", name, 1); /* its content, always 1 */
        return true;
    }
    curl_line(buf, size, ver, side, "handshake", name, hs_type);
    return true;
}

bool tlsx_curl_alert_line(char *buf, size_t size, uint8_t level, uint8_t desc, tlsx_side side,
                          uint16_t version)
{
    const char *ver = tlsx_version_name(version);

    if (!ver || level == 0 || size == 0)
        return false;
    curl_line(buf, size, ver, side, "alert", tlsx_alert_curl_name(desc),
              (unsigned)level * 256u + desc);
    return true;
}

bool tlsx_curl_summary_line(char *buf, size_t size, uint16_t version, uint16_t suite,
                            const char *fallback_name)
{
    tlsx_summary s;
    memset(&s, 0, sizeof s);
    s.version = version;
    s.cipher = suite;
    return tlsx_curl_closing_line(buf, size, TLSX_CURL_7, &s, fallback_name, TLSX_CURL_SIG_NONE, 0);
}

tlsx_curl_result tlsx_curl_step_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                                     const tlsx_step *st, uint8_t transport)
{
    if (transport == TLSX_TRANSPORT_QUIC)
        return TLSX_CURL_NONE_QUIC;
    if (transport == TLSX_TRANSPORT_DTLS)
        return TLSX_CURL_NONE_DTLS;
    if (st->kind == TLSX_STEP_CCS && st->side == TLSX_SERVER) {
        if (!tlsx_version_is_tls13(st->version))
            return TLSX_CURL_NONE_SERVER_CCS;
        if (dialect == TLSX_CURL_7)
            return TLSX_CURL_NONE_COMPAT_CCS;
    }
    bool written = st->kind == TLSX_STEP_ALERT
                       ? tlsx_curl_alert_line(buf, size, st->alert_level, st->alert_desc,
                                              (tlsx_side)st->side, st->version)
                       : tlsx_curl_line(buf, size, (tlsx_step_kind)st->kind, st->hs_type,
                                        (tlsx_side)st->side, st->version);
    return written ? TLSX_CURL_LINE : TLSX_CURL_NONE;
}

const char *tlsx_curl_none_note(tlsx_curl_result r)
{
    switch (r) {
    case TLSX_CURL_NONE_SERVER_CCS:
        return "curl prints no line for the server's Change Cipher Spec in TLS 1.0 to 1.2";
    case TLSX_CURL_NONE_COMPAT_CCS:
        return "curl 7 prints no line for the server's TLS 1.3 compatibility Change Cipher Spec";
    case TLSX_CURL_NONE_QUIC:
        return "curl prints no per-message TLS lines for QUIC (HTTP/3)";
    case TLSX_CURL_NONE_DTLS:
        return "curl never speaks DTLS";
    case TLSX_CURL_NONE_UNREAD:
        return "curl stopped reading at the certificate it rejected";
    default:
        return NULL;
    }
}

bool tlsx_curl_prints_late(tlsx_curl_dialect dialect, const tlsx_step *st, const tlsx_step *prev)
{
    return dialect == TLSX_CURL_8 && st->kind == TLSX_STEP_CCS && st->side == TLSX_SERVER && prev &&
           prev->hrr;
}

bool tlsx_curl_rejects_certificate(const tlsx_step *st)
{
    return st->kind == TLSX_STEP_ALERT && st->side == TLSX_CLIENT &&
           st->alert_level == TLSX_ALERT_FATAL &&
           ((st->alert_desc >= 42 && st->alert_desc <= 46) || st->alert_desc == 48);
}

const char *tlsx_curl_closing_version(uint16_t version)
{
    return version == 0x0301 ? "TLSv1" : tlsx_version_name(version);
}

/* OpenSSL's names of the groups, as curl 8 prints them. */
static const char *group_name(uint16_t group)
{
    switch (group) {
    case 0x0017:
        return "secp256r1";
    case 0x0018:
        return "secp384r1";
    case 0x0019:
        return "secp521r1";
    case 0x001d:
        return "x25519";
    case 0x001e:
        return "x448";
    case 0x0100:
        return "ffdhe2048";
    case 0x0101:
        return "ffdhe3072";
    case 0x0102:
        return "ffdhe4096";
    case 0x11ec:
        return "X25519MLKEM768";
    default:
        return NULL;
    }
}

/* OpenSSL's short name of a signature scheme's key type, as curl 8 prints it. */
static const char *scheme_name(uint16_t scheme)
{
    if ((scheme >= 0x0804 && scheme <= 0x0806) || (scheme >= 0x0809 && scheme <= 0x080b))
        return "RSASSA-PSS";
    switch (scheme & 0xff) {
    case 0x01:
        return "rsaEncryption"; /* rsa_pkcs1_* */
    case 0x03:
        return "id-ecPublicKey"; /* ecdsa_* */
    default:
        break;
    }
    if (scheme == 0x0807)
        return "ED25519";
    if (scheme == 0x0808)
        return "ED448";
    return NULL;
}

bool tlsx_curl_closing_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                            const tlsx_summary *s, const char *fallback_cipher,
                            tlsx_curl_sig_kind sig, uint16_t scheme)
{
    const char *ver = tlsx_curl_closing_version(s->version);
    const char *name = tlsx_cipher_openssl_name(s->cipher);
    const char *group = "[blank]", *sig_name = "UNDEF";

    if (!name)
        name = fallback_cipher;
    if (!ver || !name || size == 0)
        return false;
    if (dialect == TLSX_CURL_8) {
        if (s->group_known && !(group = group_name(s->group)))
            return false;
        if (sig == TLSX_CURL_SIG_UNREAD)
            return false;
        if (sig == TLSX_CURL_SIG_RSA_KEY)
            sig_name = "rsaEncryption";
        else if (sig == TLSX_CURL_SIG_SCHEME && !(sig_name = scheme_name(scheme)))
            return false;
    }
    tlsx_text t;
    tlsx_text_init(&t, buf, size);
    tlsx_text_add(&t, "SSL connection using ");
    tlsx_text_add(&t, ver);
    tlsx_text_add(&t, " / ");
    tlsx_text_add(&t, name);
    if (dialect == TLSX_CURL_8) {
        tlsx_text_add(&t, " / ");
        tlsx_text_add(&t, group);
        tlsx_text_add(&t, " / ");
        tlsx_text_add(&t, sig_name);
    }
    return true;
}

void tlsx_curl_alpn_offer_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                               const char *offered)
{
    tlsx_text t;
    tlsx_text_init(&t, buf, size);
    tlsx_text_add(&t, dialect == TLSX_CURL_7 ? "ALPN: offers " : "ALPN: curl offers ");
    tlsx_text_add(&t, offered);
}

void tlsx_curl_alpn_result_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                                const char *accepted)
{
    (void)dialect; /* 7.88 and 8 word it alike */
    tlsx_text t;
    tlsx_text_init(&t, buf, size);
    if (!accepted) {
        tlsx_text_add(&t, "ALPN: server did not agree on a protocol. Uses default.");
        return;
    }
    tlsx_text_add(&t, "ALPN: server accepted ");
    tlsx_text_add(&t, accepted);
}

/* Skips a vector with a length of width bytes (1 or 2) at *at. */
static bool skip_vector(const uint8_t *msg, size_t len, size_t *at, unsigned width)
{
    if (len - *at < width)
        return false;
    size_t n = width == 1 ? msg[*at] : ((size_t)msg[*at] << 8) | msg[*at + 1];
    if (len - *at - width < n)
        return false;
    *at += width + n;
    return true;
}

bool tlsx_curl_read_scheme(const uint8_t *msg, size_t len, uint16_t *scheme)
{
    size_t at = 4;

    if (!msg || len < 4)
        return false;
    /* The message's own length bounds what is read. */
    size_t body = ((size_t)msg[1] << 16) | ((size_t)msg[2] << 8) | msg[3];
    if (body < len - 4)
        len = body + 4;
    switch (msg[0]) {
    case TLSX_HS_SERVER_KEY_EXCHANGE:
        if (len - at >= 1 && msg[at] == 3) { /* ECDHE: named_curve, then the point */
            if (len - at < 3)
                return false;
            at += 3;
            if (!skip_vector(msg, len, &at, 1))
                return false;
        } else { /* DHE: p, g, Ys */
            for (int i = 0; i < 3; i++)
                if (!skip_vector(msg, len, &at, 2))
                    return false;
        }
        break;
    case TLSX_HS_CERTIFICATE_VERIFY:
        break;
    default:
        return false;
    }
    if (len - at < 2)
        return false;
    *scheme = (uint16_t)((msg[at] << 8) | msg[at + 1]);
    return true;
}

/* The subjectAltName line: curl 7.88 'host "h" matched cert's "m"', curl 8
 * '"h" matches cert's "m"'; when none matches, "does not match". */
static void add_san_line(tlsx_text *t, tlsx_curl_dialect dialect, const tlsx_x509 *c,
                         const char *host)
{
    const char *matched;
    tlsx_text_add(t, "subjectAltName");
    if (!tlsx_x509_matches(c, host, &matched)) {
        tlsx_text_add(t, dialect == TLSX_CURL_7 ? " does not match " : " does not match hostname ");
        tlsx_text_add(t, host);
        return;
    }
    tlsx_text_add(t, dialect == TLSX_CURL_7 ? ": host \"" : ": \"");
    tlsx_text_add(t, host);
    tlsx_text_add(t, dialect == TLSX_CURL_7 ? "\" matched cert's \"" : "\" matches cert's \"");
    tlsx_text_add(t, matched);
    tlsx_text_add(t, "\"");
}

bool tlsx_curl_level0_known(const tlsx_x509 *c)
{
    return tlsx_x509_key_name(c->key_type) && c->sig_alg;
}

/* curl 8's "Certificate level 0: Public key type RSA (2048/112
 * Bits/secBits), signed using sha256WithRSAEncryption"; an EC key's type
 * carries its curve, "EC/prime256v1". */
static void add_level0_line(tlsx_text *t, const tlsx_x509 *c)
{
    tlsx_text_add(t, "Certificate level 0: Public key type ");
    tlsx_text_add(t, tlsx_x509_key_name(c->key_type));
    if (c->curve) {
        tlsx_text_add(t, "/");
        tlsx_text_add(t, c->curve);
    }
    tlsx_text_add(t, " (");
    tlsx_text_add_uint(t, c->key_bits);
    tlsx_text_add(t, "/");
    tlsx_text_add_uint(t, c->key_sec_bits);
    tlsx_text_add(t, " Bits/secBits), signed using ");
    tlsx_text_add(t, c->sig_alg);
}

bool tlsx_curl_cert_line(char *buf, size_t size, tlsx_curl_dialect dialect, const tlsx_x509 *c,
                         const char *host, unsigned i)
{
    /* The order each curl prints them in. */
    enum { HEAD, SUBJECT, START, EXPIRE, SAN, ISSUER, LEVEL0, END };
    static const uint8_t order7[] = {HEAD, SUBJECT, START, EXPIRE, SAN, ISSUER, END};
    static const uint8_t order8[] = {HEAD, SUBJECT, START, EXPIRE, ISSUER, LEVEL0, SAN, END};
    const uint8_t *order = dialect == TLSX_CURL_7 ? order7 : order8;
    if (size == 0)
        return false;
    for (unsigned k = 0; order[k] != END; k++) {
        if ((order[k] == SAN && !host) || (order[k] == LEVEL0 && !tlsx_curl_level0_known(c)))
            continue; /* no line to write: skipped, not counted */
        if (i--)
            continue;
        tlsx_text t;
        tlsx_text_init(&t, buf, size);
        if (order[k] != HEAD)
            tlsx_text_add(&t, dialect == TLSX_CURL_7 ? " " : "  ");
        char date[40];
        switch (order[k]) {
        case HEAD:
            tlsx_text_add(&t, "Server certificate:");
            break;
        case SUBJECT:
            tlsx_text_add(&t, "subject: ");
            tlsx_text_add(&t, c->subject);
            break;
        case START:
            tlsx_x509_date(date, sizeof date, c->not_before);
            tlsx_text_add(&t, "start date: ");
            tlsx_text_add(&t, date);
            break;
        case EXPIRE:
            tlsx_x509_date(date, sizeof date, c->not_after);
            tlsx_text_add(&t, "expire date: ");
            tlsx_text_add(&t, date);
            break;
        case SAN:
            add_san_line(&t, dialect, c, host);
            break;
        case LEVEL0:
            add_level0_line(&t, c);
            break;
        default:
            tlsx_text_add(&t, "issuer: ");
            tlsx_text_add(&t, c->issuer);
            break;
        }
        return true;
    }
    return false;
}
