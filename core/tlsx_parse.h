/* tlsx_parse.h: reads (D)TLS record headers, handshake headers, hellos,
 * Encrypted Extensions, a ServerKeyExchange's named curve and alerts from
 * bytes Wireshark has already reassembled and, with a key log, decrypted.
 *
 * It never reassembles and never decrypts: it reads one buffer and checks
 * every length against its end.  A length that runs past its end (a lie, or
 * a message cut short) stops the reading there: what was read before it
 * stays, as Wireshark's own dissector keeps the fields it added, and the
 * result says it was truncated.  GREASE values (RFC 8701, 0x?A?A) are
 * never counted.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_PARSE_H
#define TLSX_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlsx_hello.h"

/* Record content types (RFC 8446 B.1). */
enum {
    TLSX_CT_CHANGE_CIPHER_SPEC = 20,
    TLSX_CT_ALERT = 21,
    TLSX_CT_HANDSHAKE = 22,
    TLSX_CT_APPLICATION_DATA = 23,
};

/* A record header: 5 bytes in TLS, 13 in DTLS. */
typedef struct {
    uint8_t content_type;
    uint8_t header; /* its size: 5 or 13 */
    uint16_t version;
    uint16_t length; /* of the record's payload */
    uint16_t epoch;  /* DTLS only */
    uint64_t seq;    /* DTLS only: the 48-bit sequence number */
    bool complete;   /* the whole payload is in the buffer */
} tlsx_record_header;

/* Reads the record header at p (n bytes from there); false when fewer bytes
 * than a header. */
bool tlsx_parse_record(const uint8_t *p, size_t n, bool dtls, tlsx_record_header *out);

/* A handshake message header: 4 bytes in TLS, 12 in DTLS. */
typedef struct {
    uint8_t type;
    uint8_t header;                    /* its size: 4 or 12 */
    uint32_t length;                   /* of the whole message body */
    uint16_t msg_seq;                  /* DTLS only */
    uint32_t frag_offset, frag_length; /* DTLS only; TLS: 0 and length */
    /* The buffer holds the whole body right after the header (in DTLS: an
     * unfragmented message, fragment offset 0 and fragment length the
     * message's). */
    bool complete;
} tlsx_hs_header;

bool tlsx_parse_hs_header(const uint8_t *p, size_t n, bool dtls, tlsx_hs_header *out);

/* Where a name is, as an offset and length into the buffer given to
 * tlsx_parse_message() (or tlsx_parse_body()); length 0 when absent. */
typedef struct {
    uint32_t offset, length;
} tlsx_slice;

/* What a handshake message says.  Every field is 0 when the message did not
 * say it or could not be read up to it. */
typedef struct {
    uint8_t hs_type;            /* as on the wire: a HelloRetryRequest is a Server Hello (2) */
    bool read;                  /* its type is one read here and its body was there (whole, for
                                 * tlsx_parse_message()): hellos,
                                 * HelloVerifyRequest, Encrypted Extensions, ServerKeyExchange */
    bool truncated;             /* a length ran past its end: reading stopped there (the header's
                                 * own length past the buffer's: nothing read) */
    bool hrr;                   /* Server Hello with the HelloRetryRequest random */
    uint16_t legacy_version;    /* hellos' legacy_version (HelloVerifyRequest's server_version) */
    uint16_t version;           /* supported_versions' highest offered (by tlsx_version_rank())
                                 * or selected, else legacy_version */
    uint16_t supported_version; /* supported_versions alone: 0 without it */
    uint32_t session_id_hash;   /* FNV-1a of the session ID, 0 only when it is empty */
    uint16_t cipher;            /* Server Hello: the suite */
    bool has_cipher;            /* ... read (a suite may be 0) */
    uint16_t cipher_count;      /* Client Hello: suites offered */
    uint8_t compression;        /* Server Hello: the method; Client Hello: methods offered */
    uint16_t group;             /* Server Hello: key_share's group; HRR: the group asked for;
                                 * ServerKeyExchange: the ECDHE named curve */
    bool psk_selected;          /* Server Hello: pre_shared_key present */
    uint16_t psk_identity;      /* ... the identity it selects */
    tlsx_slice server_name;     /* Client Hello: the first server_name entry */
    tlsx_slice alpn;            /* the first protocol of the ALPN list */
    tlsx_slice alpn_list;       /* the whole list of protocols (tlsx_parse_alpn_next()) */
    tlsx_hello hello;           /* the facts the model decides with */
} tlsx_parsed;

/* Reads the handshake message at msg (n bytes from its header on).  A DTLS
 * fragment of a longer message is not read (read false, truncated false):
 * Wireshark hands the reassembled message over separately. */
void tlsx_parse_message(const uint8_t *msg, size_t n, bool dtls, tlsx_parsed *out);

/* The next protocol of an ALPN list (alpn_list's bytes, n of them), from
 * *pos on: false at its end or where an entry runs past it. */
bool tlsx_parse_alpn_next(const uint8_t *list, size_t n, size_t *pos, tlsx_slice *one);

/* Reads a message body alone (n bytes, slices relative to body), for a DTLS
 * message Wireshark reassembled from fragments into a buffer of its own. */
void tlsx_parse_body(uint8_t type, const uint8_t *body, size_t n, bool dtls, tlsx_parsed *out);

/* An alert: level and description when the payload is the two bytes of a
 * plaintext (or decrypted) alert; false otherwise (an encrypted one). */
bool tlsx_parse_alert(const uint8_t *p, size_t n, uint8_t *level, uint8_t *desc);

/* What a Certificate message holds: how many certificates, and, in TLS 1.3,
 * whether the first (the leaf's) entry carried an OCSP response in its
 * status_request extension (stapling, RFC 8446 4.4.2.1).  A TLS 1.2 server
 * staples in a CertificateStatus message of its own. */
typedef struct {
    unsigned count;
    bool tls13;   /* the body had TLS 1.3's shape: a context, extensions per entry */
    bool stapled; /* TLS 1.3: the leaf's entry carried status_request */
} tlsx_certificate_info;

/* Reads the Certificate message at msg (n bytes from its header on); false
 * when it is not whole there or fits neither shape. */
bool tlsx_parse_certificate(const uint8_t *msg, size_t n, bool dtls, tlsx_certificate_info *out);

/* GREASE (RFC 8701): 0x0A0A, 0x1A1A, ... 0xFAFA. */
bool tlsx_is_grease(uint16_t v);

#endif
