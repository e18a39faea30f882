/* tlsx_message.h: the message table, what each message is called (by
 * Wireshark, by curl, by Zeek), who sends it and how it is explained by
 * default; and the versions' names.  A new handshake message is a row in
 * tlsx_message.c, with its explanation key (tlsx_explain.h) and texts.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_MESSAGE_H
#define TLSX_MESSAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlsx_explain.h"

/* Handshake types (RFC 5246 7.4, RFC 8446 4, RFC 6347 4.3.2). */
enum {
    TLSX_HS_HELLO_REQUEST = 0,
    TLSX_HS_CLIENT_HELLO = 1,
    TLSX_HS_SERVER_HELLO = 2,
    TLSX_HS_HELLO_VERIFY_REQUEST = 3,
    TLSX_HS_NEW_SESSION_TICKET = 4,
    TLSX_HS_END_OF_EARLY_DATA = 5,
    TLSX_HS_HELLO_RETRY_REQUEST = 6, /* draft TLS 1.3; on the wire HRR is a ServerHello */
    TLSX_HS_ENCRYPTED_EXTENSIONS = 8,
    TLSX_HS_CERTIFICATE = 11,
    TLSX_HS_SERVER_KEY_EXCHANGE = 12,
    TLSX_HS_CERTIFICATE_REQUEST = 13,
    TLSX_HS_SERVER_HELLO_DONE = 14,
    TLSX_HS_CERTIFICATE_VERIFY = 15,
    TLSX_HS_CLIENT_KEY_EXCHANGE = 16,
    TLSX_HS_FINISHED = 20,
    TLSX_HS_CERTIFICATE_URL = 21,
    TLSX_HS_CERTIFICATE_STATUS = 22,
    TLSX_HS_SUPPLEMENTAL_DATA = 23,
    TLSX_HS_KEY_UPDATE = 24,
    TLSX_HS_COMPRESSED_CERTIFICATE = 25,
    TLSX_HS_NEXT_PROTOCOL = 67,
    TLSX_HS_MESSAGE_HASH = 254,
};

#define TLSX_VERSION_TLS12 0x0303
#define TLSX_VERSION_TLS13 0x0304

typedef enum { TLSX_CLIENT = 0, TLSX_SERVER = 1 } tlsx_side;

/* What carries the handshake. */
typedef enum {
    TLSX_TRANSPORT_TCP,  /* TLS over TCP, also after a STARTTLS upgrade */
    TLSX_TRANSPORT_DTLS, /* DTLS over UDP */
    TLSX_TRANSPORT_QUIC, /* TLS 1.3 messages in QUIC CRYPTO frames */
} tlsx_transport;

/* What a step is: a handshake message, a ChangeCipherSpec, or a TLS 1.3
 * record that is known to hold handshake messages but could not be read. */
typedef enum {
    TLSX_STEP_HANDSHAKE,
    TLSX_STEP_CCS,
    TLSX_STEP_ENCRYPTED_RECORD,
    TLSX_STEP_ALERT,
} tlsx_step_kind;

/* Who sends a message.  The first two are tlsx_side's values. */
typedef enum {
    TLSX_SENT_BY_CLIENT = TLSX_CLIENT,
    TLSX_SENT_BY_SERVER = TLSX_SERVER,
    TLSX_SENT_BY_BOTH,
} tlsx_sender;

/* A row of the message table (tlsx_message.c): everything the plugin says
 * of one message.  Every table of names the plugin shows (Wireshark's,
 * curl's, Zeek's letters, the statistics order, the default explanation)
 * is read from these rows, so that a new message is one new row. */
typedef struct {
    uint8_t kind;          /* tlsx_step_kind */
    uint8_t type;          /* TLSX_STEP_HANDSHAKE: the handshake type; else 0 */
    const char *name;      /* as Wireshark names it */
    const char *curl_name; /* as curl's OpenSSL backend names it; NULL: curl prints no line */
    char letter;           /* Zeek's ssl_history letter, upper case; 0: none at all */
    uint8_t sender;        /* tlsx_sender */
    /* The default tlsx_explain_key, by side and version. */
    uint8_t explain_client12, explain_client13, explain_server12, explain_server13;
    int16_t checked_as; /* the type whose place it takes in the order check, or ITSELF */
} tlsx_message_row;

/* checked_as of a message that the order check knows by its own type
 * (ITSELF in the table). */
#define TLSX_CHECKED_AS_ITSELF (-1)

/* The rows, in the fixed order of tlsx_message_order(): row i has place
 * i + 1.  tlsx_message_row_at() is NULL from tlsx_message_count() on. */
size_t tlsx_message_count(void);
const tlsx_message_row *tlsx_message_row_at(size_t i);

/* The row of a message; NULL for a handshake type without one.  The kind
 * alone picks the row of a ChangeCipherSpec, an encrypted record and an
 * alert. */
const tlsx_message_row *tlsx_message_find(tlsx_step_kind kind, uint8_t hs_type);

/* The handshake types that have a row, in numeric order, as Wireshark
 * lists a field's values: fills types, returns how many. */
#define TLSX_HS_TYPES 256 /* every value of a handshake type's byte */
size_t tlsx_message_types(uint8_t types[TLSX_HS_TYPES]);

/* Human name, e.g. "Server Hello Done", "Change Cipher Spec", "Alert". */
const char *tlsx_message_name(tlsx_step_kind kind, uint8_t hs_type);

/* Names of messages that have no row: an alert record Wireshark could not
 * decrypt, and the Client Hello that answers a Hello Retry Request or a
 * Hello Verify Request, as the order check speaks of it. */
#define TLSX_NAME_ENCRYPTED_ALERT "Encrypted Alert"
#define TLSX_NAME_SECOND_CLIENT_HELLO "second Client Hello"

/* A message's place, from 1, in one fixed order of the handshake, the order
 * the statistics list messages in: TLS 1.2's full handshake (RFC 5246 7.3)
 * with the messages of DTLS (RFC 6347) and TLS 1.3 (RFC 8446 2) where they
 * come there, then New Session Ticket and Key Update, the records that could
 * not be read, alerts, and last unknown messages.  A message both sides send
 * (Certificate, Finished) has one place.  Unlike the order a handshake
 * checks (tlsx_sequence.h), this one is the same for every handshake. */
unsigned tlsx_message_order(tlsx_step_kind kind, uint8_t hs_type);

/* The explanation that fits a message sent by a side in a TLS version. */
tlsx_explain_key tlsx_message_explain_key(tlsx_step_kind kind, uint8_t hs_type, tlsx_side side,
                                          bool tls13);

/* Zeek's ssl_history letter for a message, upper case: 'Z' for a handshake
 * type Zeek has no letter for, 0 for an encrypted record (it cannot tell
 * which messages the record holds). */
char tlsx_message_letter(tlsx_step_kind kind, uint8_t hs_type);

/* The side that sends a handshake type, or -1 when both may. */
int tlsx_sender_of(uint8_t hs_type);

/* The handshake type whose place a message takes in the order check: its
 * own, or the one it is another form of (Compressed Certificate, RFC 8879,
 * for Certificate). */
uint8_t tlsx_message_checked_as(uint8_t hs_type);

/* "TLSv1.2", "TLSv1.3", ...; NULL when the version is unknown.  Drafts of
 * TLS 1.3 are "TLSv1.3", as OpenSSL named them. */
const char *tlsx_version_name(uint16_t version);

/* Orders versions from oldest to newest, TLS 1.3 drafts below TLS 1.3 and
 * DTLS beside the TLS it derives from; 0 for GREASE and unknown values. */
int tlsx_version_rank(uint16_t version);

/* TLS 1.3, one of its drafts, or DTLS 1.3: the versions ranked 5 and 6 by
 * tlsx_version_rank().  Inline, without searching the table: the model asks
 * several times an event. */
static inline bool tlsx_version_is_tls13(uint16_t version)
{
    return version == 0x0304 || version == 0xfefc || (version >> 8) == 0x7f;
}

/* The name curl's OpenSSL backend prints for a message, as in
 * "TLSv1.2 (IN), TLS handshake, Server finished (14):"; "Unknown" when it
 * has none. */
const char *tlsx_message_curl_name(tlsx_step_kind kind, uint8_t hs_type);

/* "TLS 1.2", "TLS 1.3", "SSL 3.0", "DTLS 1.2", as the summary's kind names
 * versions; NULL when unknown. */
const char *tlsx_version_label(uint16_t version);

#endif
