/* tlsx_verdict.c: see tlsx_verdict.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_verdict.h"

#include <string.h>

#include "tlsx_explain.h"
#include "tlsx_sequence.h"
#include "tlsx_timing.h"

void tlsx_facts_note_step(tlsx_facts *f, const tlsx_handshake *hs, const tlsx_step *st,
                          uint32_t frame)
{
    if (st->flags & TLSX_FLAG_ABANDONS)
        f->abandons = hs->abandoned;
    if (st->step) {
        f->last_frame = frame;
        f->last_step = st->step;
    }
    if (st->ends) {
        /* A later step may end it again (an alert that overturns its
         * completion): the summary and its frame are the last end's. */
        tlsx_handshake_summarize(hs, &f->summary);
        f->has_summary = true;
        f->summary_frame = frame;
    } else if (!f->summary_frame) {
        f->waiting_for = tlsx_handshake_waiting_for(hs);
    }
}

void tlsx_facts_note_next(tlsx_facts *previous, const tlsx_step *st)
{
    /* Abandoned, it did not just stop: nothing was still to come. */
    if (st->flags & TLSX_FLAG_ABANDONS)
        previous->abandoned = true;
}

bool tlsx_shows_summary(const tlsx_step *st, const tlsx_facts *f, uint32_t frame)
{
    return st->ends && f->has_summary && f->summary_frame == frame;
}

static tlsx_verdict *add(tlsx_verdict *out, unsigned *n, const tlsx_step *st,
                         tlsx_verdict_kind kind)
{
    tlsx_verdict *v = &out[(*n)++];
    memset(v, 0, sizeof *v);
    v->kind = (uint8_t)kind;
    v->side = st->side;
    v->handshake = st->handshake;
    return v;
}

static tlsx_verdict *add_unexpected(tlsx_verdict *out, unsigned *n, const tlsx_step *st,
                                    tlsx_unexpected_why why)
{
    tlsx_verdict *v = add(out, n, st, TLSX_VERDICT_UNEXPECTED);
    v->why = (uint8_t)why;
    return v;
}

/* What the order check found. A message from the wrong side is also out of
 * place: said once, the more telling way. */
static void add_order_verdicts(tlsx_verdict *out, unsigned *n, const tlsx_step *st,
                               const tlsx_facts *f)
{
    if (st->flags & TLSX_FLAG_ABANDONS)
        add_unexpected(out, n, st, TLSX_UNEXPECTED_ABANDONS)->abandoned = f->abandons;
    if (st->flags & TLSX_FLAG_WRONG_SIDE)
        add_unexpected(out, n, st, TLSX_UNEXPECTED_WRONG_SIDE);
    else if (st->flags & TLSX_FLAG_UNEXPECTED)
        add_unexpected(out, n, st, TLSX_UNEXPECTED_MISPLACED);
    if (st->flags & TLSX_FLAG_MISSING)
        add(out, n, st, TLSX_VERDICT_MISSING)->message = st->missing;
    if (st->flags & TLSX_FLAG_DUPLICATE)
        add(out, n, st, TLSX_VERDICT_DUPLICATE);
    if (st->flags & TLSX_FLAG_MID_CAPTURE)
        add(out, n, st, TLSX_VERDICT_MID_CAPTURE);
}

/* A counted alert step that ends its handshake: post-handshake alerts end
 * none. */
static void add_alert_ended(tlsx_verdict *out, unsigned *n, const tlsx_step *st)
{
    if (st->kind != TLSX_STEP_ALERT || !st->step || !st->ends)
        return;
    tlsx_verdict *v = add(out, n, st, TLSX_VERDICT_ALERT_ENDED);
    v->alert_level = st->alert_level;
    v->alert_desc = st->alert_desc;
    v->overturned = (st->flags & TLSX_FLAG_OVERTURNS) != 0;
}

/* Only once the whole capture has been read is it known that nothing came
 * after the step: the last step of a handshake that never ended, and was
 * not cut short by a new one. */
static void add_incomplete(tlsx_verdict *out, unsigned *n, const tlsx_step *st, const tlsx_facts *f,
                           const tlsx_reading *at)
{
    if (!at->capture_read || f->summary_frame || f->abandoned || !st->step ||
        st->step != f->last_step || f->last_frame != at->frame)
        return;
    add(out, n, st, TLSX_VERDICT_INCOMPLETE)->message = f->waiting_for;
}

static void add_slow(tlsx_verdict *out, unsigned *n, const tlsx_step *st, const tlsx_reading *at)
{
    if (!(st->flags & TLSX_FLAG_SLOW))
        return;
    tlsx_verdict *v = add(out, n, st, TLSX_VERDICT_SLOW);
    v->slow_ms = at->slow_ms;
    v->wait = st->since_peer;
    v->network = st->network;
    v->processing = st->processing;
}

/* Said where the summary is shown: the round trips are the whole
 * handshake's, known at its end. */
static void add_extra_rtt(tlsx_verdict *out, unsigned *n, const tlsx_step *st, const tlsx_facts *f,
                          const tlsx_reading *at)
{
    const tlsx_summary *s = &f->summary;
    if (!tlsx_shows_summary(st, f, at->frame) || !s->complete)
        return;
    const uint32_t needed = tlsx_rtts_needed(s->version, s->variant, s->resumed, s->cookie);
    /* A congestion window stall's round trip is the CWND advice's to tell
     * (tlsx_advice_stall() decided both): more than it is another cause. */
    const uint32_t stall = (s->told & TLSX_TOLD_STALL) ? 1 : 0;
    if (s->rtts <= needed + stall)
        return;
    tlsx_verdict *v = add(out, n, st, TLSX_VERDICT_EXTRA_RTT);
    v->rtts = s->rtts;
    v->needed = needed;
    v->hrr = s->hrr;
    if (s->hrr) {
        v->group_known = s->group_known;
        v->group = s->group;
    }
}

unsigned tlsx_verdicts(const tlsx_step *st, const tlsx_facts *f, const tlsx_reading *at,
                       tlsx_verdict *out)
{
    unsigned n = 0;
    add_order_verdicts(out, &n, st, f);
    add_alert_ended(out, &n, st);
    add_incomplete(out, &n, st, f, at);
    if (st->time_backwards)
        add(out, &n, st, TLSX_VERDICT_TIME_BACKWARDS);
    add_slow(out, &n, st, at);
    add_extra_rtt(out, &n, st, f, at);
    return n;
}

static void add_part(tlsx_explanation *e, tlsx_part_kind kind, unsigned value)
{
    e->parts[e->count].kind = (uint8_t)kind;
    e->parts[e->count].value = (uint8_t)value;
    e->count++;
}

/* The parts that say what this handshake told beyond its message's text:
 * what a Client Hello offered, which key exchange a Server Hello chose, how
 * the master secret is derived, what a HelloRetryRequest also asked for. */
static void add_fact_parts(tlsx_explanation *out, const tlsx_step *st)
{
    const uint32_t told = st->told;
    const bool cookie = (told & TLSX_TOLD_DTLS_COOKIE) != 0;
    const bool stall = (told & TLSX_TOLD_STALL) != 0;
    switch (st->explain) {
    case TLSX_EX_CLIENT_HELLO:
    case TLSX_EX_CLIENT_HELLO_TLS13:
        if (told & TLSX_TOLD_TICKET)
            add_part(out, TLSX_PART_KEY, TLSX_EX_PART_TICKET_OFFERED);
        if (told & TLSX_TOLD_HYBRID_OFFERED)
            add_part(out, TLSX_PART_KEY, TLSX_EX_PART_HYBRID_OFFERED);
        if (told & TLSX_TOLD_PSK_OFFERED)
            add_part(out, TLSX_PART_KEY, TLSX_EX_PART_PSK_OFFERED);
        if (told & TLSX_TOLD_EARLY_OFFERED)
            add_part(out, TLSX_PART_KEY, TLSX_EX_PART_EARLY_OFFERED);
        break;
    case TLSX_EX_SERVER_HELLO_TLS13:
        if (st->keyx == TLSX_KEYX_HYBRID)
            add_part(out, TLSX_PART_KEY, TLSX_EX_PART_HYBRID_CHOSEN);
        break;
    case TLSX_EX_SERVER_HELLO_PSK:
        add_part(out, TLSX_PART_KEY,
                 st->keyx == TLSX_KEYX_PSK ? TLSX_EX_PART_PSK_KE : TLSX_EX_PART_PSK_DHE_KE);
        break;
    case TLSX_EX_HELLO_RETRY_REQUEST:
        if (told & TLSX_TOLD_HRR_COOKIE)
            add_part(out, TLSX_PART_KEY, TLSX_EX_PART_HRR_COOKIE_TOO);
        break;
    case TLSX_EX_CLIENT_KEY_EXCHANGE_ECDHE:
    case TLSX_EX_CLIENT_KEY_EXCHANGE_DHE:
    case TLSX_EX_CLIENT_KEY_EXCHANGE_RSA:
    case TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER:
        add_part(out, TLSX_PART_KEY,
                 (told & TLSX_TOLD_EMS) ? TLSX_EX_PART_MASTER_FROM_SESSION_HASH
                                        : TLSX_EX_PART_MASTER_FROM_RANDOMS);
        break;
    case TLSX_EX_ENCRYPTED_EXTENSIONS:
        if (told & TLSX_TOLD_EARLY_ACCEPTED)
            add_part(out, TLSX_PART_KEY, TLSX_EX_PART_EARLY_ACCEPTED);
        break;
    /* A Finished that completes a handshake counts its round trips only
     * when they are those its kind takes, or one more for a cookie
     * exchange, a HelloRetryRequest or a congestion window stall of the
     * server's first flight, which it then names. */
    case TLSX_EX_SERVER_FINISHED:
        add_part(out, TLSX_PART_KEY,
                 stall ? (!cookie && (told & TLSX_TOLD_RTTS_THREE) ? TLSX_EX_PART_END_FULL_STALL
                                                                   : TLSX_EX_PART_END_FULL)
                 : cookie && (told & TLSX_TOLD_RTTS_THREE) ? TLSX_EX_PART_END_FULL_COOKIE
                 : !cookie && (told & TLSX_TOLD_RTTS_TWO)  ? TLSX_EX_PART_END_FULL_TWO
                                                           : TLSX_EX_PART_END_FULL);
        break;
    case TLSX_EX_CLIENT_FINISHED_RESUMED:
        add_part(out, TLSX_PART_KEY,
                 cookie && (told & TLSX_TOLD_RTTS_TWO)    ? TLSX_EX_PART_END_RESUMED_COOKIE
                 : !cookie && (told & TLSX_TOLD_RTTS_ONE) ? TLSX_EX_PART_END_RESUMED_ONE
                                                          : TLSX_EX_PART_END_RESUMED);
        break;
    case TLSX_EX_CLIENT_FINISHED_TLS13: {
        const bool hrr = (told & TLSX_TOLD_HRR) != 0;
        add_part(out, TLSX_PART_KEY,
                 stall ? (!hrr && (told & TLSX_TOLD_RTTS_TWO) ? TLSX_EX_PART_END_TLS13_STALL
                                                              : TLSX_EX_PART_END_TLS13)
                 : hrr && (told & TLSX_TOLD_RTTS_TWO)  ? TLSX_EX_PART_END_TLS13_HRR
                 : !hrr && (told & TLSX_TOLD_RTTS_ONE) ? TLSX_EX_PART_END_TLS13_ONE
                                                       : TLSX_EX_PART_END_TLS13);
        break;
    }
    default:
        break;
    }
}

void tlsx_explanation_of(const tlsx_step *st, uint8_t transport, int upgrade_key,
                         tlsx_explanation *out)
{
    /* A handshake's first step also says what upgraded the connection to
     * TLS, or what carries the handshake when it is not TCP. */
    const bool first = st->step == 1;
    memset(out, 0, sizeof *out);
    if (first && upgrade_key >= 0)
        add_part(out, TLSX_PART_KEY, (unsigned)upgrade_key);
    add_part(out, TLSX_PART_KEY, st->explain);
    add_fact_parts(out, st);
    /* An alert's key says what an alert of its level does; its description
     * what went wrong (none is known of an encrypted one). */
    if (st->kind == TLSX_STEP_ALERT && st->alert_level)
        add_part(out, TLSX_PART_ALERT, st->alert_desc);
    if (first && transport == TLSX_TRANSPORT_DTLS)
        add_part(out, TLSX_PART_KEY, TLSX_EX_CONTEXT_DTLS);
    else if (first && transport == TLSX_TRANSPORT_QUIC)
        add_part(out, TLSX_PART_KEY, TLSX_EX_CONTEXT_QUIC);
    /* A table's text alone is the same for every step it explains. */
    out->is_static = out->count == 1;
}
