/* tlsx_advice.h: why a handshake cost the round trips it cost, what would
 * have saved them, and what weakens it: the checks of High Performance
 * Browser Networking, chapter 4 (TLS), read from the capture.
 *
 * Each advice is decided in the core from facts of this handshake (and, for
 * resumption, of an earlier handshake of the same client with the same
 * server), and carries the figures that prove it; the glue words it (expert
 * info, summary field, reports) and writes no number of its own.  No advice
 * is given where the capture does not prove it: no advice is no knowledge,
 * not a clean bill.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_ADVICE_H
#define TLSX_ADVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "tlsx_handshake.h"
#include "tlsx_time.h"
#include "tlsx_timing.h"

typedef enum {
    /* Speed: round trips the handshake spent that it need not have. */
    TLSX_ADVICE_CWND,           /* the server's first flight outgrew what it could send before
                                   the client's first ACK: it paused about a round trip */
    TLSX_ADVICE_NO_RESUMPTION,  /* a full handshake, although an earlier handshake of this
                                   client with this server left a ticket or session ID */
    TLSX_ADVICE_TLS12_NOT_13,   /* the client offered TLS 1.3, the server chose TLS 1.2 */
    TLSX_ADVICE_HRR,            /* a HelloRetryRequest: the client should offer group first */
    TLSX_ADVICE_EARLY_REJECTED, /* 0-RTT data offered, not accepted */
    TLSX_ADVICE_NO_STAPLE,      /* the client asked for OCSP stapling, the server did not staple */
    /* Speed: what saved round trips. */
    TLSX_ADVICE_FALSE_START,    /* TLS 1.2: client data after its Finished, before the server's */
    TLSX_ADVICE_EARLY_ACCEPTED, /* 0-RTT data accepted */
    /* Security notes, not speed. */
    TLSX_ADVICE_RSA_KEYX,    /* RSA key exchange: no forward secrecy */
    TLSX_ADVICE_CBC_NO_ETM,  /* a CBC suite without encrypt_then_mac */
    TLSX_ADVICE_OLD_VERSION, /* TLS 1.1 or older (DTLS 1.0) */
    TLSX_ADVICE_KINDS
} tlsx_advice_kind;

typedef enum {
    TLSX_ADVICE_COST,     /* cost round trips: a warning where rtts > 0, else a note */
    TLSX_ADVICE_SAVED,    /* saved round trips: a note */
    TLSX_ADVICE_SECURITY, /* a security note */
} tlsx_advice_class;

/* One advice; only the fields its kind names are set, the others are 0. */
typedef struct {
    uint8_t kind;           /* tlsx_advice_kind */
    uint8_t rtts;           /* round trips it cost (COST) or saved (SAVED); 0 for SECURITY */
    uint16_t version;       /* TLS12_NOT_13, OLD_VERSION: the version chosen */
    uint16_t cipher;        /* RSA_KEYX, CBC_NO_ETM: the suite chosen */
    uint16_t group;         /* HRR: the group the server asked for, 0 unknown */
    uint32_t frame;         /* the frame that proves it (the pause's end, the Server Hello, ...) */
    uint32_t flight_bytes;  /* CWND: bytes of the TLS records of the server's first flight */
    uint32_t sent_before;   /* CWND: of those, bytes sent before the pause */
    uint32_t cert_bytes;    /* CWND: the Certificate message's length, 0 unknown */
    uint16_t cert_count;    /* CWND: certificates in it, 0 unknown (encrypted) */
    tlsx_time pause;        /* CWND: the pause inside the server's flight */
    tlsx_time rtt;          /* CWND: the round trip it is compared with */
    uint32_t earlier;       /* NO_RESUMPTION: the earlier handshake (tlsexplain.handshake) */
    uint32_t earlier_frame; /* NO_RESUMPTION: where it got its ticket or session ID */
    uint32_t ocsp_frame;    /* NO_STAPLE: a client OCSP request seen after, 0 none seen */
    uint16_t offered;       /* TLS12_NOT_13: the highest version the client offered */
    bool client_offered;    /* NO_RESUMPTION: the client offered a ticket or PSK, which the
                               server did not take */
} tlsx_advice;

#define TLSX_ADVICE_MAX 8

typedef struct {
    uint8_t count;
    tlsx_advice item[TLSX_ADVICE_MAX];
} tlsx_advice_list;

/* The class of a kind, and its name in filters and reports ("cwnd",
 * "no_resumption", "tls12_not_13", "hrr", "early_rejected", "no_staple",
 * "false_start", "early_accepted", "rsa_keyx", "cbc_no_etm", "old_version"). */
tlsx_advice_class tlsx_advice_class_of(uint8_t kind);
const char *tlsx_advice_kind_name(uint8_t kind);

/* Which text of its kind words the advice (TLSX_ADVICE_TEXT_*,
 * tlsx_advice_text.h): for no_resumption by its round trips (a text for
 * none says "no round trip", never "0") and whether the client offered to
 * resume; for no_staple whether the client's OCSP request was seen; for
 * hrr whether the group is known. */
uint8_t tlsx_advice_variant(const tlsx_advice *a);

/* What the advice of one handshake is decided from: its summary and facts
 * (tlsx_handshake.h), the connection's TCP baseline, and what the glue
 * found in the rest of the capture. */
typedef struct {
    const tlsx_summary *summary;
    const tlsx_advice_facts *facts;
    bool client_hello_seen; /* the handshake's start was captured */
    tlsx_baseline tcp;      /* the TCP handshake's round trip; known false without one */
    uint32_t end_frame;     /* the frame that ended the handshake: the figures' frame */
    /* The server's first flight as TCP saw it, every segment (a pause inside
     * one TLS record shows only there): when known, CWND rests on it. */
    bool tcp_flight;
    uint32_t tcp_flight_bytes; /* TCP payload bytes of the flight */
    uint32_t tcp_sent_before;  /* ... before its longest pause between two segments */
    uint32_t tcp_pause_frame;  /* the segment that ended that pause */
    tlsx_time tcp_pause;
    bool tcp_acked;   /* the client acknowledged during that pause (what the server waited for) */
    uint32_t earlier; /* an earlier handshake of this client with this server (same
                         address, port and server name) that had completed and left a
                         ticket or session ID before this one's Client Hello; 0 none */
    uint32_t earlier_frame; /* ... where it got that ticket or session ID */
    uint32_t ocsp_frame;    /* a frame of OCSP from this handshake's client before its end */
} tlsx_advice_input;

/* The CWND advice's thresholds: a pause of at least half the round trip
 * (a congestion window stall costs the server a whole round trip, seen from
 * anywhere on the path; half leaves room for jitter and is far above the
 * time a server spends signing), after a flight of 4 KB at least (the
 * smallest initial window, RFC 3390's 3 x 1460 bytes, is below it) with at
 * least 1 KB after it (a stall holds back the chain, not a Server Hello
 * Done or Finished of a few bytes: a pause before those is the server
 * working). */
#define TLSX_ADVICE_CWND_MIN_FLIGHT 4096u
#define TLSX_ADVICE_CWND_MIN_AFTER 1024u

/* Whether the server's first flight stalled on its congestion window,
 * waiting about a round trip for the client's first ACK, and the CWND
 * advice that says so in *out: decided once the flight ended (its facts
 * then no longer change), from in's facts, tcp, tcp_flight fields and
 * client_hello_seen, and in->summary's variant (no renegotiation).  The
 * glue tells the model at once (tlsx_handshake_note_stall()), and
 * tlsx_advise() gives the advice from the same call: the round trips and
 * the advice cannot disagree. */
bool tlsx_advice_stall(const tlsx_advice_input *in, tlsx_advice *out);

/* The advice of a handshake that ended, most costly first (COST, then
 * SAVED, then SECURITY); none for a handshake that failed or whose start
 * was not captured. */
void tlsx_advise(const tlsx_advice_input *in, tlsx_advice_list *out);

#endif
