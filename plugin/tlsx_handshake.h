/* tlsx_handshake.h: the handshake model of one connection.
 *
 * The glue hands over, in wire order, every record event that Wireshark's TLS
 * dissector decoded on the connection; the model decides which of them are
 * steps of a handshake, numbers them, tells whose turn it was and times them.
 * It knows nothing of Wireshark: the unit tests drive it with plain events.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_HANDSHAKE_H
#define TLSX_HANDSHAKE_H

#include <stdbool.h>
#include <stdint.h>

#include "tlsx_message.h"
#include "tlsx_time.h"

/* What Wireshark's TLS dissector showed. */
typedef enum {
    TLSX_EV_HANDSHAKE,        /* a handshake message with a decoded type */
    TLSX_EV_CCS,              /* a ChangeCipherSpec record */
    TLSX_EV_OPAQUE_HANDSHAKE, /* a handshake record with no decoded type (encrypted or fragment) */
    TLSX_EV_APP_DATA,         /* an application data record that was not decrypted */
} tlsx_event_kind;

typedef struct {
    tlsx_event_kind kind;
    tlsx_side side;
    uint8_t hs_type;  /* TLSX_EV_HANDSHAKE only */
    bool decrypted;   /* read from a record Wireshark decrypted */
    uint16_t version; /* Client Hello: highest offered; Server Hello: selected; else 0 */
    tlsx_time ts;
} tlsx_event;

/* One annotated message. */
typedef struct {
    uint32_t handshake; /* capture-wide id, from 1 */
    uint32_t step;      /* from 1; 0 for a post-handshake message */
    uint16_t version;   /* for the curl line; 0 unknown */
    uint8_t side;       /* tlsx_side */
    uint8_t kind;       /* tlsx_step_kind */
    uint8_t hs_type;    /* TLSX_STEP_HANDSHAKE only */
    uint8_t explain;    /* tlsx_explain_key */
    bool encrypted;     /* seen only as an encrypted record */
    bool has_since_peer;
    bool time_backwards; /* a time stamp before an earlier one: times clamped to 0 */
    tlsx_time since_prev, since_peer, since_start;
} tlsx_step;

/* State of one connection; zero-initialise it.  Its size is fixed. */
typedef struct {
    uint32_t id;
    uint32_t steps;
    uint16_t offered_version;
    uint16_t version;
    tlsx_time start, prev;
    tlsx_time last[2]; /* by tlsx_side */
    bool has_last[2];
    bool ccs[2];           /* the side has switched to encryption (TLS 1.2) */
    bool finished[2];      /* the side's Finished was seen */
    bool decrypted;        /* some message of this handshake was decrypted */
    bool server_encrypted; /* TLS 1.3 without keys: server's encrypted flight seen */
    bool complete;
} tlsx_handshake;

/* Feeds one event.  Returns true and fills *step when the event is a step (or a
 * post-handshake message); false when it is no part of a handshake (application
 * data, a fragment of a message shown elsewhere).  *next_id numbers
 * handshakes across the capture. */
bool tlsx_handshake_feed(tlsx_handshake *hs, uint32_t *next_id, const tlsx_event *ev,
                         tlsx_step *step);

/* Whether application data records of the connection may still be
 * handshake steps: a TLS 1.3 handshake seen without keys and not over yet.
 * Lets the glue skip the many frames that carry only application data. */
bool tlsx_handshake_reads_app_data(const tlsx_handshake *hs);

/* The side that sends a handshake type, or -1 when both may. */
int tlsx_sender_of(uint8_t hs_type);

#endif
