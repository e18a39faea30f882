/* tlsx_sequence.h: the order in which a handshake's messages must come.
 *
 * RFC 5246 7.3 and RFC 8446 4 fix the order of a handshake's messages; some
 * are optional, some required, some required only when an earlier message
 * asked for them.  The check tells, for each message, whether it came where
 * it may, repeats one already seen, came out of order, skipped a required
 * message, or does not belong to this kind of handshake at all.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_SEQUENCE_H
#define TLSX_SEQUENCE_H

#include <stdbool.h>
#include <stdint.h>

#include "tlsx_message.h"

/* A message as the check knows it: a handshake type, or one of these. */
enum {
    TLSX_MSG_CCS = 0x100,           /* ChangeCipherSpec */
    TLSX_MSG_HELLO_RETRY = 0x101,   /* a Server Hello with the HelloRetryRequest random */
    TLSX_MSG_CLIENT_HELLO2 = 0x102, /* the Client Hello that answers it */
    TLSX_MSG_NONE = 0xffff
};

typedef enum {
    TLSX_ORDER_TLS12_FULL,
    TLSX_ORDER_TLS12_RESUMED, /* abbreviated: no certificates, the server finishes first */
    TLSX_ORDER_TLS13,
} tlsx_order;

/* What the earlier messages require of the later ones. */
enum {
    TLSX_NEED_CLIENT_CERT = 1 << 0,    /* a Certificate Request was sent */
    TLSX_NEED_SECOND_HELLO = 1 << 1,   /* a HelloRetryRequest was sent */
    TLSX_NEED_NO_SERVER_CERT = 1 << 2, /* no server Certificate: a TLS 1.3 PSK, or a TLS 1.2
                                          PSK, anonymous or SRP suite (tlsx_suite.h) */
};

typedef enum {
    TLSX_SEQ_OK,
    TLSX_SEQ_UNCHECKED,    /* a message no order speaks of (e.g. a TLS 1.3 compatibility CCS) */
    TLSX_SEQ_DUPLICATE,    /* this handshake already had it */
    TLSX_SEQ_OUT_OF_ORDER, /* it belongs earlier, and was not seen there */
    TLSX_SEQ_MISSING,      /* it came after a required message that never came */
    TLSX_SEQ_FOREIGN,      /* this kind of handshake has no such message, or not from this side */
} tlsx_seq_result;

/* Progress through one handshake; zero it to start. */
typedef struct {
    uint32_t seen; /* a bit per position of the order */
    int8_t pos;    /* position of the last message that fit, -1 before any */
} tlsx_sequence;

void tlsx_sequence_start(tlsx_sequence *seq);

/* Checks one message and moves on.  On TLSX_SEQ_MISSING, *missing is the
 * first required message that was skipped (a handshake type or TLSX_MSG_*). */
tlsx_seq_result tlsx_sequence_check(tlsx_sequence *seq, tlsx_order order, unsigned needs,
                                    tlsx_side side, uint16_t msg, uint16_t *missing);

/* Whether the last message that fit was the Client Hello. */
bool tlsx_sequence_at_client_hello(const tlsx_sequence *seq);

/* Whether the sequence is at the Server Hello: the moment a TLS 1.2 server
 * shows, by what it sends next, whether it resumes the session. */
bool tlsx_sequence_at_server_hello(const tlsx_sequence *seq);

/* The first required message, after the last one seen, that the order still
 * expects; TLSX_MSG_NONE when nothing more is required. */
uint16_t tlsx_sequence_next_required(const tlsx_sequence *seq, tlsx_order order, unsigned needs);

/* The name of a message code, e.g. "Server Hello Done", "Change Cipher Spec". */
const char *tlsx_sequence_msg_name(uint16_t msg);

#endif
