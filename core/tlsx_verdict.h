/* tlsx_verdict.h: what a step means to its reader.
 *
 * The model gives a step with its flags; what the reader is told of it also
 * depends on its handshake as a whole, which the first pass learns as the
 * steps go by (tlsx_facts): whether it ended, where, whether a new Client
 * Hello cut it short, what it still waited for.  From the step and those
 * facts the core gives the verdicts on the step, each with the numbers its
 * sentence needs, and the parts its explanation is made of; the glue only
 * words and draws them.  One list for both the expert infos and the test
 * of whether a step has any: they cannot drift apart.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_VERDICT_H
#define TLSX_VERDICT_H

#include <stdbool.h>
#include <stdint.h>

#include "tlsx_handshake.h"
#include "tlsx_time.h"

/* What the first pass learnt of a handshake, kept for every later pass. */
typedef struct {
    uint32_t last_frame;    /* frame of its last counted step */
    uint32_t last_step;     /* number of its last counted step */
    uint32_t summary_frame; /* frame of the step that ended it; 0 while open */
    uint32_t abandons;      /* the connection's handshake its first step cut short, 0 none */
    uint16_t waiting_for;   /* while open: the next required message, TLSX_MSG_NONE unknown */
    bool has_summary;       /* a step ended it: summary is that end's */
    bool abandoned;         /* a new Client Hello cut it short: it did not just stop */
    tlsx_summary summary;
} tlsx_facts;

/* The first pass, after tlsx_handshake_feed() gave a step in frame: what the
 * step tells of its handshake (hs, the connection's model). */
void tlsx_facts_note_step(tlsx_facts *f, const tlsx_handshake *hs, const tlsx_step *st,
                          uint32_t frame);

/* The first pass, for the handshake the connection had before st's: a step
 * that abandons it (a new Client Hello) tells it was cut short. */
void tlsx_facts_note_next(tlsx_facts *previous, const tlsx_step *st);

/* Whether the summary of the step's handshake is shown with the step, in
 * frame: at the step that ended the handshake, unless a later one
 * overturned that end. */
bool tlsx_shows_summary(const tlsx_step *st, const tlsx_facts *f, uint32_t frame);

/* Where the reader stands when a step is shown. */
typedef struct {
    uint32_t frame;    /* the step's frame */
    bool capture_read; /* the whole capture has been read: what never came is known */
    uint32_t slow_ms;  /* a longer wait for the peer is slow */
} tlsx_reading;

typedef enum {
    TLSX_VERDICT_UNEXPECTED,     /* why says how */
    TLSX_VERDICT_MISSING,        /* message never came before the step */
    TLSX_VERDICT_DUPLICATE,      /* repeats a message of the handshake: not counted */
    TLSX_VERDICT_MID_CAPTURE,    /* the capture starts in the middle of the handshake */
    TLSX_VERDICT_ALERT_ENDED,    /* the alert ended the handshake */
    TLSX_VERDICT_INCOMPLETE,     /* the last step of a handshake that never ended */
    TLSX_VERDICT_TIME_BACKWARDS, /* a time stamp before an earlier one: times set to 0 */
    TLSX_VERDICT_SLOW,           /* the first step of a flight that waited over slow_ms */
    TLSX_VERDICT_EXTRA_RTT,      /* the handshake took more round trips than its kind needs */
} tlsx_verdict_kind;

typedef enum {
    TLSX_UNEXPECTED_ABANDONS,   /* a new Client Hello while the connection's handshake was open */
    TLSX_UNEXPECTED_WRONG_SIDE, /* sent by the side that never sends it */
    TLSX_UNEXPECTED_MISPLACED,  /* out of order, or foreign to this kind of handshake */
} tlsx_unexpected_why;

/* One verdict; only the fields its kind names are set, the others are 0. */
typedef struct {
    uint8_t kind;        /* tlsx_verdict_kind */
    uint8_t why;         /* UNEXPECTED: tlsx_unexpected_why */
    uint8_t side;        /* every kind: the step's sender (tlsx_side) */
    uint32_t handshake;  /* every kind: the step's handshake */
    uint32_t abandoned;  /* UNEXPECTED, ABANDONS: the handshake cut short */
    uint16_t message;    /* MISSING: what never came; INCOMPLETE: what was still to come,
                            TLSX_MSG_NONE unknown (tlsx_sequence_msg_name()) */
    uint8_t alert_level; /* ALERT_ENDED: 1 warning, 2 fatal, 0 encrypted */
    uint8_t alert_desc;  /* ALERT_ENDED with a level */
    bool overturned;     /* ALERT_ENDED: the side refused the handshake after the peer's
                            Finished, which had completed it, before sending anything else */
    uint32_t slow_ms;    /* SLOW: the threshold */
    tlsx_time wait;      /* SLOW: since the peer's last message, == network + processing */
    tlsx_time network, processing; /* SLOW */
    uint32_t rtts, needed;         /* EXTRA_RTT: round trips taken, and needed by its kind */
    bool hrr;         /* EXTRA_RTT: a HelloRetryRequest cost it, the client's key shares being
                         of no group the server accepts */
    bool group_known; /* EXTRA_RTT with hrr: group is the one agreed on */
    uint16_t group;
} tlsx_verdict;

#define TLSX_VERDICTS_MAX 10

/* The verdicts on a step of the handshake whose facts are f, in the order
 * they are shown, into out[TLSX_VERDICTS_MAX]; returns how many.  None: the
 * step has nothing to warn of. */
unsigned tlsx_verdicts(const tlsx_step *st, const tlsx_facts *f, const tlsx_reading *at,
                       tlsx_verdict *out);

/* What a step's explanation is made of, in order: the command that upgraded
 * the connection to TLS (first step), the message's text, an alert's
 * description, what this handshake told beyond the message's text (what a
 * hello offered or chose, how the master secret is derived), what carries
 * the handshake (first step, DTLS and QUIC). */
typedef enum {
    TLSX_PART_KEY,   /* value is a tlsx_explain_key: tlsx_explain() */
    TLSX_PART_ALERT, /* value is an alert description: tlsx_alert_explain() */
} tlsx_part_kind;

typedef struct {
    uint8_t kind; /* tlsx_part_kind */
    uint8_t value;
} tlsx_explain_part;

#define TLSX_EXPLAIN_PARTS_MAX 8
typedef struct {
    unsigned count;
    tlsx_explain_part parts[TLSX_EXPLAIN_PARTS_MAX];
    bool is_static; /* one table's text alone: the same for every step it explains */
} tlsx_explanation;

/* The explanation of st, in a handshake carried by transport
 * (tlsx_transport) on a connection that a command upgraded to TLS, whose
 * explanation key is upgrade_key (-1: none). */
void tlsx_explanation_of(const tlsx_step *st, uint8_t transport, int upgrade_key,
                         tlsx_explanation *out);

#endif
