/* tlsx_sequence.c: see tlsx_sequence.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_sequence.h"

#include <stddef.h>

typedef enum {
    OPTIONAL,
    REQUIRED,
    IF_CLIENT_CERT,  /* required when the server asked for a certificate */
    IF_SECOND_HELLO, /* required after a HelloRetryRequest or HelloVerifyRequest */
    UNLESS_PSK,      /* required unless the server authenticates without a certificate */
} need;

typedef struct {
    uint8_t side;
    uint16_t msg;
    uint8_t need;
} slot;

#define C TLSX_CLIENT
#define S TLSX_SERVER

/* Every order starts with the same four positions, so that a handshake can
 * be checked before its Server Hello tells which order it follows: the
 * Hello Verify Request of DTLS 1.2 (RFC 6347 4.2.1) and the
 * HelloRetryRequest of TLS 1.3 are both answered by a second Client Hello. */
static const slot tls12_full[] = {
    {S, TLSX_HS_HELLO_REQUEST, OPTIONAL},
    {C, TLSX_HS_CLIENT_HELLO, REQUIRED},
    {S, TLSX_HS_HELLO_VERIFY_REQUEST, OPTIONAL},
    {C, TLSX_MSG_CLIENT_HELLO2, IF_SECOND_HELLO},
    {S, TLSX_HS_SERVER_HELLO, REQUIRED},
    {S, TLSX_HS_CERTIFICATE, UNLESS_PSK}, /* not with PSK, anonymous or SRP suites */
    {S, TLSX_HS_CERTIFICATE_STATUS, OPTIONAL},
    {S, TLSX_HS_SERVER_KEY_EXCHANGE, OPTIONAL}, /* not with RSA key exchange */
    {S, TLSX_HS_CERTIFICATE_REQUEST, OPTIONAL},
    {S, TLSX_HS_SERVER_HELLO_DONE, REQUIRED},
    {C, TLSX_HS_CERTIFICATE, IF_CLIENT_CERT},
    {C, TLSX_HS_CLIENT_KEY_EXCHANGE, REQUIRED},
    {C, TLSX_HS_CERTIFICATE_VERIFY, OPTIONAL}, /* only with a non-empty certificate */
    {C, TLSX_MSG_CCS, REQUIRED},
    {C, TLSX_HS_NEXT_PROTOCOL, OPTIONAL},
    {C, TLSX_HS_FINISHED, REQUIRED},
    {S, TLSX_HS_NEW_SESSION_TICKET, OPTIONAL},
    {S, TLSX_MSG_CCS, REQUIRED},
    {S, TLSX_HS_FINISHED, REQUIRED},
};

/* The server's Hello position is the same as in tls12_full, see
 * tlsx_sequence_at_server_hello(). */
static const slot tls12_resumed[] = {
    {S, TLSX_HS_HELLO_REQUEST, OPTIONAL},
    {C, TLSX_HS_CLIENT_HELLO, REQUIRED},
    {S, TLSX_HS_HELLO_VERIFY_REQUEST, OPTIONAL},
    {C, TLSX_MSG_CLIENT_HELLO2, IF_SECOND_HELLO},
    {S, TLSX_HS_SERVER_HELLO, REQUIRED},
    {S, TLSX_HS_NEW_SESSION_TICKET, OPTIONAL},
    {S, TLSX_MSG_CCS, REQUIRED},
    {S, TLSX_HS_FINISHED, REQUIRED},
    {C, TLSX_MSG_CCS, REQUIRED},
    {C, TLSX_HS_NEXT_PROTOCOL, OPTIONAL},
    {C, TLSX_HS_FINISHED, REQUIRED},
};

/* Compatibility ChangeCipherSpecs may come anywhere and are not listed. */
static const slot tls13[] = {
    {S, TLSX_HS_HELLO_REQUEST, OPTIONAL},        {C, TLSX_HS_CLIENT_HELLO, REQUIRED},
    {S, TLSX_MSG_HELLO_RETRY, OPTIONAL},         {C, TLSX_MSG_CLIENT_HELLO2, IF_SECOND_HELLO},
    {S, TLSX_HS_SERVER_HELLO, REQUIRED},         {S, TLSX_HS_ENCRYPTED_EXTENSIONS, REQUIRED},
    {S, TLSX_HS_CERTIFICATE_REQUEST, OPTIONAL},  {S, TLSX_HS_CERTIFICATE, UNLESS_PSK},
    {S, TLSX_HS_CERTIFICATE_VERIFY, UNLESS_PSK}, {S, TLSX_HS_FINISHED, REQUIRED},
    {C, TLSX_HS_END_OF_EARLY_DATA, OPTIONAL},    {C, TLSX_HS_CERTIFICATE, IF_CLIENT_CERT},
    {C, TLSX_HS_CERTIFICATE_VERIFY, OPTIONAL},   {C, TLSX_HS_FINISHED, REQUIRED},
};

#undef C
#undef S

#define CLIENT_HELLO_POS 1
#define SERVER_HELLO_POS 4

typedef struct {
    const slot *slots;
    int count;
} table;

static table table_of(tlsx_order order)
{
    table t;
    switch (order) {
    case TLSX_ORDER_TLS12_RESUMED:
        t.slots = tls12_resumed;
        t.count = (int)(sizeof tls12_resumed / sizeof tls12_resumed[0]);
        break;
    case TLSX_ORDER_TLS13:
        t.slots = tls13;
        t.count = (int)(sizeof tls13 / sizeof tls13[0]);
        break;
    default:
        t.slots = tls12_full;
        t.count = (int)(sizeof tls12_full / sizeof tls12_full[0]);
        break;
    }
    return t;
}

static bool required(const slot *s, unsigned needs)
{
    switch ((need)s->need) {
    case REQUIRED:
        return true;
    case IF_CLIENT_CERT:
        return (needs & TLSX_NEED_CLIENT_CERT) != 0;
    case IF_SECOND_HELLO:
        return (needs & TLSX_NEED_SECOND_HELLO) != 0;
    case UNLESS_PSK:
        return (needs & TLSX_NEED_NO_SERVER_CERT) == 0;
    default:
        return false;
    }
}

static bool in_table(table t, uint16_t msg)
{
    for (int i = 0; i < t.count; i++) {
        if (t.slots[i].msg == msg)
            return true;
    }
    return false;
}

static bool known_anywhere(uint16_t msg)
{
    return in_table(table_of(TLSX_ORDER_TLS12_FULL), msg) ||
           in_table(table_of(TLSX_ORDER_TLS12_RESUMED), msg) ||
           in_table(table_of(TLSX_ORDER_TLS13), msg);
}

void tlsx_sequence_start(tlsx_sequence *seq)
{
    seq->seen = 0;
    seq->pos = -1;
}

tlsx_seq_result tlsx_sequence_check(tlsx_sequence *seq, tlsx_order order, unsigned needs,
                                    tlsx_side side, uint16_t msg, uint16_t *missing)
{
    const table t = table_of(order);

    if (order == TLSX_ORDER_TLS13 && msg == TLSX_MSG_CCS)
        return TLSX_SEQ_UNCHECKED;
    for (int j = seq->pos + 1; j < t.count; j++) {
        if (t.slots[j].side != side || t.slots[j].msg != msg)
            continue;
        tlsx_seq_result r = TLSX_SEQ_OK;
        for (int k = seq->pos + 1; k < j; k++) {
            if (required(&t.slots[k], needs) && !(seq->seen & (1u << k))) {
                *missing = t.slots[k].msg;
                r = TLSX_SEQ_MISSING;
                break;
            }
        }
        seq->seen |= 1u << j;
        seq->pos = (int8_t)j;
        return r;
    }
    for (int j = 0; j <= seq->pos && j < t.count; j++) {
        if (t.slots[j].side != side || t.slots[j].msg != msg)
            continue;
        if (seq->seen & (1u << j))
            return TLSX_SEQ_DUPLICATE;
        seq->seen |= 1u << j;
        return TLSX_SEQ_OUT_OF_ORDER;
    }
    return known_anywhere(msg) ? TLSX_SEQ_FOREIGN : TLSX_SEQ_UNCHECKED;
}

bool tlsx_sequence_at_client_hello(const tlsx_sequence *seq)
{
    return seq->pos == CLIENT_HELLO_POS;
}

bool tlsx_sequence_at_server_hello(const tlsx_sequence *seq)
{
    return seq->pos == SERVER_HELLO_POS;
}

uint16_t tlsx_sequence_next_required(const tlsx_sequence *seq, tlsx_order order, unsigned needs)
{
    const table t = table_of(order);
    for (int k = seq->pos + 1; k < t.count; k++) {
        if (required(&t.slots[k], needs) && !(seq->seen & (1u << k)))
            return t.slots[k].msg;
    }
    return TLSX_MSG_NONE;
}

const char *tlsx_sequence_msg_name(uint16_t msg)
{
    switch (msg) {
    case TLSX_MSG_CCS:
        return tlsx_message_name(TLSX_STEP_CCS, 0);
    case TLSX_MSG_HELLO_RETRY:
        return tlsx_message_name(TLSX_STEP_HANDSHAKE, TLSX_HS_HELLO_RETRY_REQUEST);
    case TLSX_MSG_CLIENT_HELLO2:
        return TLSX_NAME_SECOND_CLIENT_HELLO;
    default:
        return tlsx_message_name(TLSX_STEP_HANDSHAKE, (uint8_t)msg);
    }
}
