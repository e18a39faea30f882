/* tlsx_message.c: see tlsx_message.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_message.h"

/* The default explanations of a message, in the row's order (client TLS
 * 1.2, client TLS 1.3, server TLS 1.2, server TLS 1.3): the same for all,
 * by version, by side, or one each.  Plain lists: the row's braces stay
 * the only ones, so that each row stays a few lines. */
#define EX_ALL(k) k, k, k, k
#define EX_BY_VERSION(k12, k13) k12, k13, k12, k13
#define EX_BY_SIDE(c, s) c, c, s, s
#define EX_EACH(c12, c13, s12, s13) c12, c13, s12, s13

#define HS(type) TLSX_STEP_HANDSHAKE, type
#define CLIENT TLSX_SENT_BY_CLIENT
#define SERVER TLSX_SENT_BY_SERVER
#define BOTH TLSX_SENT_BY_BOTH
#define ITSELF TLSX_CHECKED_AS_ITSELF

/* Columns: kind and type, Wireshark's name, curl's name, Zeek's letter,
 * sender, default explanation, place in the order check.
 *
 * The rows are in the statistics' order (tlsx_message_order()): TLS 1.2's
 * full handshake with the messages of DTLS and TLS 1.3 where they come in
 * it, then the post-handshake messages, the records that could not be read
 * and alerts.  curl's names are kept as curl prints them, slips included:
 * type 14 (ServerHelloDone) is "Server finished" there and in the document.
 * Zeek has no letter for Compressed Certificate and Next Protocol: 'Z', its
 * letter for any type it does not know.  Where the side column says both,
 * no side is ever flagged for sending the message. */
static const tlsx_message_row rows[] = {
    {HS(TLSX_HS_HELLO_REQUEST), "Hello Request", "Hello request", 'H', SERVER,
     EX_ALL(TLSX_EX_HELLO_REQUEST), ITSELF},
    {HS(TLSX_HS_CLIENT_HELLO), "Client Hello", "Client hello", 'C', CLIENT,
     EX_ALL(TLSX_EX_CLIENT_HELLO), ITSELF},
    {HS(TLSX_HS_HELLO_VERIFY_REQUEST), "Hello Verify Request", "Unknown", 'V', SERVER,
     EX_ALL(TLSX_EX_HELLO_VERIFY_REQUEST), ITSELF},
    /* On the wire a Server Hello, whose side is checked as such (the core
     * tells a HRR by its random); the drafts' own type 6 is left unchecked. */
    {HS(TLSX_HS_HELLO_RETRY_REQUEST), "Hello Retry Request", "Unknown", 'J', BOTH,
     EX_ALL(TLSX_EX_HELLO_RETRY_REQUEST), ITSELF},
    {HS(TLSX_HS_SERVER_HELLO), "Server Hello", "Server hello", 'S', SERVER,
     EX_BY_VERSION(TLSX_EX_SERVER_HELLO, TLSX_EX_SERVER_HELLO_TLS13), ITSELF},
    {HS(TLSX_HS_ENCRYPTED_EXTENSIONS), "Encrypted Extensions", "Encrypted Extensions", 'O', SERVER,
     EX_ALL(TLSX_EX_ENCRYPTED_EXTENSIONS), ITSELF},
    {HS(TLSX_HS_SUPPLEMENTAL_DATA), "Supplemental Data", "Supplemental data", 'A', BOTH,
     EX_ALL(TLSX_EX_SUPPLEMENTAL_DATA), ITSELF},
    {HS(TLSX_HS_CERTIFICATE), "Certificate", "Certificate", 'X', BOTH,
     EX_EACH(TLSX_EX_CLIENT_CERTIFICATE, TLSX_EX_CLIENT_CERTIFICATE, TLSX_EX_SERVER_CERTIFICATE,
             TLSX_EX_SERVER_CERTIFICATE_TLS13),
     ITSELF},
    /* RFC 8879: a Certificate, compressed. */
    {HS(TLSX_HS_COMPRESSED_CERTIFICATE), "Compressed Certificate", "Unknown", 'Z', BOTH,
     EX_ALL(TLSX_EX_COMPRESSED_CERTIFICATE), TLSX_HS_CERTIFICATE},
    {HS(TLSX_HS_CERTIFICATE_URL), "Certificate URL", "Unknown", 'W', BOTH,
     EX_ALL(TLSX_EX_CERTIFICATE_URL), ITSELF},
    {HS(TLSX_HS_CERTIFICATE_STATUS), "Certificate Status", "Certificate Status", 'U', SERVER,
     EX_ALL(TLSX_EX_CERTIFICATE_STATUS), ITSELF},
    {HS(TLSX_HS_SERVER_KEY_EXCHANGE), "Server Key Exchange", "Server key exchange", 'K', SERVER,
     EX_ALL(TLSX_EX_SERVER_KEY_EXCHANGE), ITSELF},
    {HS(TLSX_HS_CERTIFICATE_REQUEST), "Certificate Request", "Request CERT", 'R', SERVER,
     EX_ALL(TLSX_EX_CERTIFICATE_REQUEST), ITSELF},
    {HS(TLSX_HS_SERVER_HELLO_DONE), "Server Hello Done", "Server finished", 'N', SERVER,
     EX_ALL(TLSX_EX_SERVER_HELLO_DONE), ITSELF},
    {HS(TLSX_HS_END_OF_EARLY_DATA), "End of Early Data", "End of early data", 'E', CLIENT,
     EX_ALL(TLSX_EX_END_OF_EARLY_DATA), ITSELF},
    {HS(TLSX_HS_CLIENT_KEY_EXCHANGE), "Client Key Exchange", "Client key exchange", 'G', CLIENT,
     EX_ALL(TLSX_EX_CLIENT_KEY_EXCHANGE), ITSELF},
    {HS(TLSX_HS_CERTIFICATE_VERIFY), "Certificate Verify", "CERT verify", 'Y', BOTH,
     EX_BY_SIDE(TLSX_EX_CLIENT_CERTIFICATE_VERIFY, TLSX_EX_SERVER_CERTIFICATE_VERIFY_TLS13),
     ITSELF},
    {TLSX_STEP_CCS, 0, "Change Cipher Spec", "Change cipher spec", 'I', BOTH,
     EX_EACH(TLSX_EX_CLIENT_CCS, TLSX_EX_COMPAT_CCS_TLS13, TLSX_EX_SERVER_CCS,
             TLSX_EX_COMPAT_CCS_TLS13),
     ITSELF},
    {HS(TLSX_HS_NEXT_PROTOCOL), "Next Protocol", "Next protocol", 'Z', CLIENT,
     EX_ALL(TLSX_EX_NEXT_PROTOCOL), ITSELF},
    {HS(TLSX_HS_FINISHED), "Finished", "Finished", 'F', BOTH,
     EX_EACH(TLSX_EX_CLIENT_FINISHED, TLSX_EX_CLIENT_FINISHED_TLS13, TLSX_EX_SERVER_FINISHED,
             TLSX_EX_SERVER_FINISHED_TLS13),
     ITSELF},
    {HS(TLSX_HS_NEW_SESSION_TICKET), "New Session Ticket", "Newsession Ticket", 'T', SERVER,
     EX_BY_VERSION(TLSX_EX_NEW_SESSION_TICKET, TLSX_EX_NEW_SESSION_TICKET_TLS13), ITSELF},
    {HS(TLSX_HS_KEY_UPDATE), "Key Update", "Key update", 'P', BOTH, EX_ALL(TLSX_EX_KEY_UPDATE),
     ITSELF},
    {HS(TLSX_HS_MESSAGE_HASH), "Message Hash", "Message hash", 'M', BOTH,
     EX_ALL(TLSX_EX_MESSAGE_HASH), ITSELF},
    /* A TLS 1.3 record known to hold handshake messages, without keys. */
    {TLSX_STEP_ENCRYPTED_RECORD, 0, "Encrypted handshake message", NULL, 0, BOTH,
     EX_BY_SIDE(TLSX_EX_ENCRYPTED_CLIENT_TLS13, TLSX_EX_ENCRYPTED_SERVER_TLS13), ITSELF},
    /* The step knows the alert's level: explain_key() in tlsx_handshake.c
     * chooses by it, this is its text when it could not be read. */
    {TLSX_STEP_ALERT, 0, "Alert", NULL, 'L', BOTH, EX_ALL(TLSX_EX_ALERT_ENCRYPTED), ITSELF},
};

#define ROW_COUNT (sizeof rows / sizeof rows[0])

size_t tlsx_message_count(void)
{
    return ROW_COUNT;
}

const tlsx_message_row *tlsx_message_row_at(size_t i)
{
    return i < ROW_COUNT ? &rows[i] : NULL;
}

/* Where the row of a message is, or ROW_COUNT: the place of unknown
 * messages, after every row. */
static size_t search_row(tlsx_step_kind kind, uint8_t hs_type)
{
    for (size_t i = 0; i < ROW_COUNT; i++) {
        if (rows[i].kind == kind && (kind != TLSX_STEP_HANDSHAKE || rows[i].type == hs_type))
            return i;
    }
    return ROW_COUNT;
}

/* The model asks for a row several times an event: the rows of the
 * handshake types and of the other kinds, searched once. */
#define KIND_COUNT (TLSX_STEP_ALERT + 1)
static uint8_t row_of_type[TLSX_HS_TYPES], row_of_kind[KIND_COUNT];
static bool rows_indexed;

static size_t row_index(tlsx_step_kind kind, uint8_t hs_type)
{
    if (!rows_indexed) {
        for (unsigned t = 0; t < TLSX_HS_TYPES; t++)
            row_of_type[t] = (uint8_t)search_row(TLSX_STEP_HANDSHAKE, (uint8_t)t);
        for (unsigned k = 0; k < KIND_COUNT; k++)
            row_of_kind[k] = (uint8_t)search_row((tlsx_step_kind)k, 0);
        rows_indexed = true;
    }
    if (kind == TLSX_STEP_HANDSHAKE)
        return row_of_type[hs_type];
    return (unsigned)kind < KIND_COUNT ? row_of_kind[kind] : ROW_COUNT;
}

const tlsx_message_row *tlsx_message_find(tlsx_step_kind kind, uint8_t hs_type)
{
    return tlsx_message_row_at(row_index(kind, hs_type));
}

size_t tlsx_message_types(uint8_t types[TLSX_HS_TYPES])
{
    size_t n = 0;
    for (unsigned type = 0; type < TLSX_HS_TYPES; type++) {
        if (tlsx_message_find(TLSX_STEP_HANDSHAKE, (uint8_t)type))
            types[n++] = (uint8_t)type;
    }
    return n;
}

const char *tlsx_message_name(tlsx_step_kind kind, uint8_t hs_type)
{
    const tlsx_message_row *r = tlsx_message_find(kind, hs_type);
    return r ? r->name : "Unknown handshake message";
}

const char *tlsx_message_curl_name(tlsx_step_kind kind, uint8_t hs_type)
{
    const tlsx_message_row *r = tlsx_message_find(kind, hs_type);
    return r && r->curl_name ? r->curl_name : "Unknown";
}

unsigned tlsx_message_order(tlsx_step_kind kind, uint8_t hs_type)
{
    return (unsigned)row_index(kind, hs_type) + 1;
}

tlsx_explain_key tlsx_message_explain_key(tlsx_step_kind kind, uint8_t hs_type, tlsx_side side,
                                          bool tls13)
{
    const tlsx_message_row *r = tlsx_message_find(kind, hs_type);
    if (!r)
        return TLSX_EX_UNKNOWN;
    if (side == TLSX_SERVER)
        return (tlsx_explain_key)(tls13 ? r->explain_server13 : r->explain_server12);
    return (tlsx_explain_key)(tls13 ? r->explain_client13 : r->explain_client12);
}

char tlsx_message_letter(tlsx_step_kind kind, uint8_t hs_type)
{
    const tlsx_message_row *r = tlsx_message_find(kind, hs_type);
    return r ? r->letter : 'Z';
}

int tlsx_sender_of(uint8_t hs_type)
{
    const tlsx_message_row *r = tlsx_message_find(TLSX_STEP_HANDSHAKE, hs_type);
    return r && r->sender != TLSX_SENT_BY_BOTH ? (int)r->sender : -1;
}

uint8_t tlsx_message_checked_as(uint8_t hs_type)
{
    const tlsx_message_row *r = tlsx_message_find(TLSX_STEP_HANDSHAKE, hs_type);
    return r && r->checked_as != TLSX_CHECKED_AS_ITSELF ? (uint8_t)r->checked_as : hs_type;
}

/* The versions, each named as OpenSSL names it (curl prints that) and as
 * the summary does, and ranked from oldest to newest. */
typedef struct {
    uint16_t version;
    const char *name;
    const char *label;
    int rank;
} version_row;

static const version_row versions[] = {
    {0x0300, "SSLv3", "SSL 3.0", 1},
    {0x0301, "TLSv1.0", "TLS 1.0", 2},
    {0x0302, "TLSv1.1", "TLS 1.1", 3},
    {0x0303, "TLSv1.2", "TLS 1.2", 4},
    {0x0304, "TLSv1.3", "TLS 1.3", 6},
    {0x0100, "DTLSv1.0", "DTLS 1.0", 2}, /* as OpenSSL before 0.9.8f numbered it */
    {0xfeff, "DTLSv1.0", "DTLS 1.0", 2}, /* DTLS 1.0 is TLS 1.1 over datagrams */
    {0xfefd, "DTLSv1.2", "DTLS 1.2", 4},
    {0xfefc, "DTLSv1.3", "DTLS 1.3", 6},
};

/* Every draft of TLS 1.3 (0x7fxx): named as OpenSSL named them, ranked
 * below TLS 1.3. */
static const version_row tls13_draft = {0x7f00, "TLSv1.3", "TLS 1.3", 5};

static const version_row *find_version(uint16_t version)
{
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        if (versions[i].version == version)
            return &versions[i];
    }
    return (version >> 8) == 0x7f ? &tls13_draft : NULL;
}

const char *tlsx_version_name(uint16_t version)
{
    const version_row *v = find_version(version);
    return v ? v->name : NULL;
}

int tlsx_version_rank(uint16_t version)
{
    const version_row *v = find_version(version);
    return v ? v->rank : 0;
}

const char *tlsx_version_label(uint16_t version)
{
    const version_row *v = find_version(version);
    return v ? v->label : NULL;
}
