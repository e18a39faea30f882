/* tlsx_timing.h: how much of a wait is the network and how much the peer.
 *
 * A wait between two messages mixes the network round trip with the time the
 * other side spent working.  The TCP handshake measures the network alone:
 * from the capture point, SYN to SYN/ACK is the round trip to the server and
 * back, SYN/ACK to ACK the round trip to the client and back.  Captured at the
 * client the first holds the whole round trip and the second almost nothing;
 * captured at the server the reverse; captured between, both a part.
 *
 * A message that answers the other side waited for that side's round trip
 * (as seen from the capture point) plus that side's processing: the network
 * part is that round trip (never more than the wait), the processing part
 * the rest, so the two always add up to the wait exactly.  Without a TCP
 * handshake in the capture each side's round trip is estimated by its
 * shortest answer so far, and said to be an estimate.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_TIMING_H
#define TLSX_TIMING_H

#include <stdbool.h>
#include <stdint.h>

#include "tlsx_message.h"
#include "tlsx_time.h"

typedef struct {
    bool known;          /* measured or estimated */
    bool estimated;      /* from TLS answers, not from a TCP handshake */
    tlsx_time rtt;       /* the network round trip (SYN to ACK) */
    tlsx_time to_server; /* capture point to server and back (SYN to SYN/ACK) */
    tlsx_time to_client; /* capture point to client and back (SYN/ACK to ACK) */
} tlsx_baseline;

typedef enum {
    TLSX_AT_UNKNOWN,
    TLSX_AT_CLIENT,
    TLSX_AT_SERVER,
    TLSX_AT_BETWEEN,
} tlsx_capture_point;

/* The baseline from the time stamps of SYN, SYN/ACK and ACK.  Returns false,
 * leaving *out unknown, when they are out of order. */
bool tlsx_baseline_from_tcp(tlsx_time syn, tlsx_time synack, tlsx_time ack, tlsx_baseline *out);

/* An estimate from the shortest answer of each side seen so far (a zero
 * time: none yet). */
void tlsx_baseline_estimate(tlsx_time shortest_server_answer, tlsx_time shortest_client_answer,
                            tlsx_baseline *out);

/* Where the capture was taken: the side of the TCP handshake that holds
 * (four fifths or more of) the delay is the far one. */
tlsx_capture_point tlsx_capture_point_of(const tlsx_baseline *b);

/* "client", "server", "between", "unknown". */
const char *tlsx_capture_point_name(tlsx_capture_point p);

/* Splits the wait of a message sent by `side` (its time since the peer's
 * last message) into *network + *processing == wait. */
void tlsx_split_wait(const tlsx_baseline *b, tlsx_side side, tlsx_time wait, tlsx_time *network,
                     tlsx_time *processing);

/* Round trips a kind of handshake needs at least: 2 for a full TLS 1.2
 * handshake, 1 for a resumed one and for TLS 1.3 (tlsx_variant), one more
 * when a DTLS server asked for a cookie. */
uint32_t tlsx_rtts_needed(uint16_t version, int variant, bool resumed, bool cookie);

#endif
