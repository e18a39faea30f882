/* tlsx_message.c: see tlsx_message.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_message.h"

typedef struct {
    uint8_t type;
    const char *name;      /* as Wireshark and the document name it */
    const char *curl_name; /* as curl's OpenSSL backend names it */
} message_names;

/* curl's names are kept as curl prints them, slips included: type 14
 * (ServerHelloDone) is "Server finished" there and in the document. */
static const message_names names[] = {
    {TLSX_HS_HELLO_REQUEST, "Hello Request", "Hello request"},
    {TLSX_HS_CLIENT_HELLO, "Client Hello", "Client hello"},
    {TLSX_HS_SERVER_HELLO, "Server Hello", "Server hello"},
    {TLSX_HS_HELLO_VERIFY_REQUEST, "Hello Verify Request", "Unknown"},
    {TLSX_HS_NEW_SESSION_TICKET, "New Session Ticket", "Newsession Ticket"},
    {TLSX_HS_END_OF_EARLY_DATA, "End of Early Data", "End of early data"},
    {TLSX_HS_HELLO_RETRY_REQUEST, "Hello Retry Request", "Unknown"},
    {TLSX_HS_ENCRYPTED_EXTENSIONS, "Encrypted Extensions", "Encrypted Extensions"},
    {TLSX_HS_CERTIFICATE, "Certificate", "Certificate"},
    {TLSX_HS_SERVER_KEY_EXCHANGE, "Server Key Exchange", "Server key exchange"},
    {TLSX_HS_CERTIFICATE_REQUEST, "Certificate Request", "Request CERT"},
    {TLSX_HS_SERVER_HELLO_DONE, "Server Hello Done", "Server finished"},
    {TLSX_HS_CERTIFICATE_VERIFY, "Certificate Verify", "CERT verify"},
    {TLSX_HS_CLIENT_KEY_EXCHANGE, "Client Key Exchange", "Client key exchange"},
    {TLSX_HS_FINISHED, "Finished", "Finished"},
    {TLSX_HS_CERTIFICATE_URL, "Certificate URL", "Unknown"},
    {TLSX_HS_CERTIFICATE_STATUS, "Certificate Status", "Certificate Status"},
    {TLSX_HS_SUPPLEMENTAL_DATA, "Supplemental Data", "Supplemental data"},
    {TLSX_HS_KEY_UPDATE, "Key Update", "Key update"},
    {TLSX_HS_COMPRESSED_CERTIFICATE, "Compressed Certificate", "Unknown"},
    {TLSX_HS_NEXT_PROTOCOL, "Next Protocol", "Next protocol"},
    {TLSX_HS_MESSAGE_HASH, "Message Hash", "Message hash"},
};

static const message_names *find_names(uint8_t type)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (names[i].type == type)
            return &names[i];
    }
    return NULL;
}

const char *tlsx_message_name(tlsx_step_kind kind, uint8_t hs_type)
{
    if (kind == TLSX_STEP_CCS)
        return "Change Cipher Spec";
    if (kind == TLSX_STEP_ENCRYPTED_RECORD)
        return "Encrypted handshake message";
    if (kind == TLSX_STEP_ALERT)
        return "Alert";
    const message_names *n = find_names(hs_type);
    return n ? n->name : "Unknown handshake message";
}

/* Handshake types in the order of tlsx_message_order(), and where the
 * records that are no handshake messages go.  The Hello Retry Request, a
 * Server Hello on the wire, is given its place by tlsx_step_order(). */
enum { ORDER_CCS = 0x100, ORDER_ENCRYPTED = 0x101, ORDER_ALERT = 0x102 };
static const uint16_t order[] = {
    TLSX_HS_HELLO_REQUEST,
    TLSX_HS_CLIENT_HELLO,
    TLSX_HS_HELLO_VERIFY_REQUEST,
    TLSX_HS_HELLO_RETRY_REQUEST,
    TLSX_HS_SERVER_HELLO,
    TLSX_HS_ENCRYPTED_EXTENSIONS,
    TLSX_HS_SUPPLEMENTAL_DATA,
    TLSX_HS_CERTIFICATE,
    TLSX_HS_COMPRESSED_CERTIFICATE,
    TLSX_HS_CERTIFICATE_URL,
    TLSX_HS_CERTIFICATE_STATUS,
    TLSX_HS_SERVER_KEY_EXCHANGE,
    TLSX_HS_CERTIFICATE_REQUEST,
    TLSX_HS_SERVER_HELLO_DONE,
    TLSX_HS_END_OF_EARLY_DATA,
    TLSX_HS_CLIENT_KEY_EXCHANGE,
    TLSX_HS_CERTIFICATE_VERIFY,
    ORDER_CCS,
    TLSX_HS_NEXT_PROTOCOL,
    TLSX_HS_FINISHED,
    TLSX_HS_NEW_SESSION_TICKET,
    TLSX_HS_KEY_UPDATE,
    TLSX_HS_MESSAGE_HASH,
    ORDER_ENCRYPTED,
    ORDER_ALERT,
};

unsigned tlsx_message_order(tlsx_step_kind kind, uint8_t hs_type)
{
    const uint16_t key = kind == TLSX_STEP_CCS                ? ORDER_CCS
                         : kind == TLSX_STEP_ENCRYPTED_RECORD ? ORDER_ENCRYPTED
                         : kind == TLSX_STEP_ALERT            ? ORDER_ALERT
                                                              : hs_type;
    const size_t count = sizeof order / sizeof order[0];
    for (size_t i = 0; i < count; i++) {
        if (order[i] == key)
            return (unsigned)i + 1;
    }
    return (unsigned)count + 1;
}

tlsx_explain_key tlsx_message_explain_key(tlsx_step_kind kind, uint8_t hs_type, tlsx_side side,
                                          bool tls13)
{
    const bool client = side == TLSX_CLIENT;

    if (kind == TLSX_STEP_CCS) {
        if (tls13)
            return TLSX_EX_COMPAT_CCS_TLS13;
        return client ? TLSX_EX_CLIENT_CCS : TLSX_EX_SERVER_CCS;
    }
    if (kind == TLSX_STEP_ENCRYPTED_RECORD)
        return client ? TLSX_EX_ENCRYPTED_CLIENT_TLS13 : TLSX_EX_ENCRYPTED_SERVER_TLS13;
    if (kind == TLSX_STEP_ALERT)
        return TLSX_EX_ALERT_ENCRYPTED; /* the step knows its level: see tlsx_handshake.c */

    switch (hs_type) {
    case TLSX_HS_HELLO_REQUEST:
        return TLSX_EX_HELLO_REQUEST;
    case TLSX_HS_CLIENT_HELLO:
        return TLSX_EX_CLIENT_HELLO;
    case TLSX_HS_SERVER_HELLO:
        return tls13 ? TLSX_EX_SERVER_HELLO_TLS13 : TLSX_EX_SERVER_HELLO;
    case TLSX_HS_HELLO_VERIFY_REQUEST:
        return TLSX_EX_HELLO_VERIFY_REQUEST;
    case TLSX_HS_NEW_SESSION_TICKET:
        return tls13 ? TLSX_EX_NEW_SESSION_TICKET_TLS13 : TLSX_EX_NEW_SESSION_TICKET;
    case TLSX_HS_END_OF_EARLY_DATA:
        return TLSX_EX_END_OF_EARLY_DATA;
    case TLSX_HS_HELLO_RETRY_REQUEST:
        return TLSX_EX_HELLO_RETRY_REQUEST;
    case TLSX_HS_ENCRYPTED_EXTENSIONS:
        return TLSX_EX_ENCRYPTED_EXTENSIONS;
    case TLSX_HS_CERTIFICATE:
        if (client)
            return TLSX_EX_CLIENT_CERTIFICATE;
        return tls13 ? TLSX_EX_SERVER_CERTIFICATE_TLS13 : TLSX_EX_SERVER_CERTIFICATE;
    case TLSX_HS_SERVER_KEY_EXCHANGE:
        return TLSX_EX_SERVER_KEY_EXCHANGE;
    case TLSX_HS_CERTIFICATE_REQUEST:
        return TLSX_EX_CERTIFICATE_REQUEST;
    case TLSX_HS_SERVER_HELLO_DONE:
        return TLSX_EX_SERVER_HELLO_DONE;
    case TLSX_HS_CERTIFICATE_VERIFY:
        return client ? TLSX_EX_CLIENT_CERTIFICATE_VERIFY : TLSX_EX_SERVER_CERTIFICATE_VERIFY_TLS13;
    case TLSX_HS_CLIENT_KEY_EXCHANGE:
        return TLSX_EX_CLIENT_KEY_EXCHANGE;
    case TLSX_HS_FINISHED:
        if (tls13)
            return client ? TLSX_EX_CLIENT_FINISHED_TLS13 : TLSX_EX_SERVER_FINISHED_TLS13;
        return client ? TLSX_EX_CLIENT_FINISHED : TLSX_EX_SERVER_FINISHED;
    case TLSX_HS_CERTIFICATE_URL:
        return TLSX_EX_CERTIFICATE_URL;
    case TLSX_HS_CERTIFICATE_STATUS:
        return TLSX_EX_CERTIFICATE_STATUS;
    case TLSX_HS_SUPPLEMENTAL_DATA:
        return TLSX_EX_SUPPLEMENTAL_DATA;
    case TLSX_HS_KEY_UPDATE:
        return TLSX_EX_KEY_UPDATE;
    case TLSX_HS_COMPRESSED_CERTIFICATE:
        return TLSX_EX_COMPRESSED_CERTIFICATE;
    case TLSX_HS_NEXT_PROTOCOL:
        return TLSX_EX_NEXT_PROTOCOL;
    case TLSX_HS_MESSAGE_HASH:
        return TLSX_EX_MESSAGE_HASH;
    default:
        return TLSX_EX_UNKNOWN;
    }
}

const char *tlsx_version_name(uint16_t version)
{
    switch (version) {
    case 0x0300:
        return "SSLv3";
    case 0x0301:
        return "TLSv1.0";
    case 0x0302:
        return "TLSv1.1";
    case 0x0303:
        return "TLSv1.2";
    case 0x0304:
        return "TLSv1.3";
    case 0x0100: /* DTLS 1.0 as OpenSSL before 0.9.8f numbered it */
    case 0xfeff:
        return "DTLSv1.0";
    case 0xfefd:
        return "DTLSv1.2";
    case 0xfefc:
        return "DTLSv1.3";
    default:
        return (version >> 8) == 0x7f ? "TLSv1.3" : NULL;
    }
}

int tlsx_version_rank(uint16_t version)
{
    switch (version) {
    case 0x0300:
        return 1;
    case 0x0301:
    case 0xfeff: /* DTLS 1.0 is TLS 1.1 over datagrams */
    case 0x0100:
        return 2;
    case 0x0302:
        return 3;
    case 0x0303:
    case 0xfefd:
        return 4;
    case 0x0304:
    case 0xfefc:
        return 6;
    default:
        return (version >> 8) == 0x7f ? 5 : 0;
    }
}

bool tlsx_version_is_tls13(uint16_t version)
{
    return tlsx_version_rank(version) >= 5;
}

const char *tlsx_message_curl_name(uint8_t hs_type)
{
    const message_names *n = find_names(hs_type);
    return n ? n->curl_name : "Unknown";
}

const char *tlsx_version_label(uint16_t version)
{
    switch (version) {
    case 0x0300:
        return "SSL 3.0";
    case 0x0301:
        return "TLS 1.0";
    case 0x0302:
        return "TLS 1.1";
    case 0x0303:
        return "TLS 1.2";
    case 0x0100:
    case 0xfeff:
        return "DTLS 1.0";
    case 0xfefd:
        return "DTLS 1.2";
    case 0xfefc:
        return "DTLS 1.3";
    default:
        return tlsx_version_is_tls13(version) ? "TLS 1.3" : NULL;
    }
}
