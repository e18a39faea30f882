/* tlsx_curl.h: the lines `curl -v` prints for handshake messages and
 * alerts, put together from the names in text/.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_CURL_H
#define TLSX_CURL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlsx_handshake.h"
#include "tlsx_message.h"
#include "tlsx_x509.h"

/* Writes the line `curl -v` prints for the message, e.g.
 * "TLSv1.2 (OUT), TLS handshake, Client hello (1):".  Returns false, and
 * writes nothing, when curl would print no such line (an unreadable TLS 1.3
 * record) or the version is unknown. */
bool tlsx_curl_line(char *buf, size_t size, tlsx_step_kind kind, uint8_t hs_type, tlsx_side side,
                    uint16_t version);

/* curl's line for an alert, e.g. "TLSv1.2 (IN), TLS alert, handshake failure (552):"
 * (level * 256 + description, as curl prints it).  Returns false when the
 * alert could not be read or the version is unknown. */
bool tlsx_curl_alert_line(char *buf, size_t size, uint8_t level, uint8_t desc, tlsx_side side,
                          uint16_t version);

/* curl's closing line, "SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256":
 * OpenSSL's name of the suite when known, else the name given. */
bool tlsx_curl_summary_line(char *buf, size_t size, uint16_t version, uint16_t suite,
                            const char *fallback_name);

/* Which curl's lines: they differ in a few places, measured against real
 * curl -v sessions (samples/curl/):
 *   - the server's TLS 1.3 middlebox-compatibility Change Cipher Spec: curl 8
 *     prints it, 7.88 does not (no curl prints the server's in TLS 1.0-1.2);
 *   - after a HelloRetryRequest, curl 8 prints that CCS once the client has
 *     sent its second Client Hello (OpenSSL reads it only then);
 *   - the closing line: curl 8 adds the key exchange group and the
 *     server's signature ("/ x25519 / RSASSA-PSS");
 *   - the ALPN lines ("ALPN: offers h2" in 7.88, "ALPN: curl offers h2" in 8).
 * The rest is the same in both. */
typedef enum { TLSX_CURL_7 = 7, TLSX_CURL_8 = 8 } tlsx_curl_dialect;

/* What curl prints for a step. */
typedef enum {
    TLSX_CURL_LINE,            /* a line, written */
    TLSX_CURL_NONE,            /* none, and nothing to say: an unreadable record (curl
                                  prints the messages inside it), an encrypted alert */
    TLSX_CURL_NONE_SERVER_CCS, /* the server's CCS in TLS 1.0 to 1.2: no curl prints it */
    TLSX_CURL_NONE_COMPAT_CCS, /* curl 7.88: the server's TLS 1.3 compatibility CCS */
    TLSX_CURL_NONE_QUIC,       /* QUIC: curl prints no per-message TLS lines */
    TLSX_CURL_NONE_DTLS,       /* DTLS: curl never speaks it */
    TLSX_CURL_NONE_UNREAD,     /* after a certificate the client rejected: never read */
} tlsx_curl_result;

/* The line the dialect's curl prints for a step of a handshake over the
 * transport (tlsx_transport), or why it prints none.  A Server Hello's line
 * carries the version the client offered (the model gives its step that
 * version): curl prints the connection's version, still the client's then. */
tlsx_curl_result tlsx_curl_step_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                                     const tlsx_step *st, uint8_t transport);

/* One short sentence saying why curl prints no line, for the results that
 * have one; NULL for TLSX_CURL_LINE and TLSX_CURL_NONE. */
const char *tlsx_curl_none_note(tlsx_curl_result r);

/* Whether curl 8 prints this step's line late: the server's compatibility
 * CCS right after a HelloRetryRequest, which it prints after the client's
 * next flight.  prev is the step before it in the handshake, or NULL. */
bool tlsx_curl_prints_late(tlsx_curl_dialect dialect, const tlsx_step *st, const tlsx_step *prev);

/* Whether a step is the client's fatal alert on the server's certificate
 * (bad, unsupported, revoked, expired, unknown certificate, unknown CA):
 * OpenSSL checks the certificate as it reads it and stops there, so curl
 * prints nothing for the server's messages after the Certificate. */
bool tlsx_curl_rejects_certificate(const tlsx_step *st);

/* The version as curl's closing line names it: "TLSv1" for TLS 1.0. */
const char *tlsx_curl_closing_version(uint16_t version);

/* The server's signature, as OpenSSL names its type in curl 8's closing line. */
typedef enum {
    TLSX_CURL_SIG_UNREAD,  /* not read: the line is not written */
    TLSX_CURL_SIG_NONE,    /* nothing signed: RSA key exchange, resumption: "UNDEF" */
    TLSX_CURL_SIG_SCHEME,  /* a SignatureScheme (TLS 1.2 and 1.3), in scheme */
    TLSX_CURL_SIG_RSA_KEY, /* TLS 1.0 and 1.1 with an RSA key: "rsaEncryption" */
} tlsx_curl_sig_kind;

/* curl's closing line in the dialect: 7.88 "SSL connection using TLSv1.2 /
 * ECDHE-RSA-AES128-GCM-SHA256", curl 8 adds " / <group> / <signature>"
 * ("[blank]" without a group).  Returns false, and writes nothing, when a
 * part it needs is unknown. */
bool tlsx_curl_closing_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                            const tlsx_summary *s, const char *fallback_cipher,
                            tlsx_curl_sig_kind sig, uint16_t scheme);

/* Line i (from 0) of curl's "Server certificate:" block for the leaf
 * certificate, the host being the name the client asked for (the SNI; NULL
 * when unknown: no subjectAltName line).  Written as curl prints it after
 * its "* ", indent included: 7.88 " subject: CN=x", curl 8 "  subject: CN=x",
 * in each one's order.  False past the last line.  curl 8 adds, after the
 * issuer, "  Certificate level 0: Public key type RSA (2048/112
 * Bits/secBits), signed using sha256WithRSAEncryption", written only when
 * the reader names the key type and the signature algorithm
 * (tlsx_curl_level0_known); curl 7.88 prints none.  Its lines for the rest
 * of the chain (level 1 and up: the chain it verified, which may hold its
 * own trust anchor) are not here, nor the lines a capture cannot know (the
 * verification's result). */
bool tlsx_curl_cert_line(char *buf, size_t size, tlsx_curl_dialect dialect, const tlsx_x509 *c,
                         const char *host, unsigned i);

/* Whether curl 8's "Certificate level 0" line can be written: the
 * certificate's key type and signature algorithm are ones the reader
 * names as OpenSSL does. */
bool tlsx_curl_level0_known(const tlsx_x509 *c);

/* The signature scheme of a server's ServerKeyExchange (ECDHE or DHE, TLS
 * 1.2 layout) or CertificateVerify, from the whole message (type and length
 * first).  False when the message is short or of another type.  A TLS 1.0
 * or 1.1 key exchange has no scheme: read as TLS 1.2, its bytes mean
 * nothing, which the caller knows by the version. */
bool tlsx_curl_read_scheme(const uint8_t *msg, size_t len, uint16_t *scheme);

/* The ALPN line before the Client Hello's, for the protocols it offered
 * ("h2,http/1.1"); and the one after the closing line, for the protocol the
 * server accepted (NULL: it agreed on none). */
void tlsx_curl_alpn_offer_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                               const char *offered);
void tlsx_curl_alpn_result_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                                const char *accepted);

#endif
