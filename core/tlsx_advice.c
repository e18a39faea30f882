/* tlsx_advice.c: see tlsx_advice.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_advice.h"

#include <string.h>

#include "tlsx_advice_text.h"
#include "tlsx_message.h"
#include "tlsx_suite.h"

_Static_assert(sizeof(tlsx_advice_facts) == 24, "the facts stay 24 bytes a connection");

static const char *const names[TLSX_ADVICE_KINDS] = {
    [TLSX_ADVICE_CWND] = "cwnd",
    [TLSX_ADVICE_NO_RESUMPTION] = "no_resumption",
    [TLSX_ADVICE_TLS12_NOT_13] = "tls12_not_13",
    [TLSX_ADVICE_HRR] = "hrr",
    [TLSX_ADVICE_EARLY_REJECTED] = "early_rejected",
    [TLSX_ADVICE_NO_STAPLE] = "no_staple",
    [TLSX_ADVICE_FALSE_START] = "false_start",
    [TLSX_ADVICE_EARLY_ACCEPTED] = "early_accepted",
    [TLSX_ADVICE_RSA_KEYX] = "rsa_keyx",
    [TLSX_ADVICE_CBC_NO_ETM] = "cbc_no_etm",
    [TLSX_ADVICE_OLD_VERSION] = "old_version",
};

const char *tlsx_advice_kind_name(uint8_t kind)
{
    return kind < TLSX_ADVICE_KINDS ? names[kind] : "unknown";
}

tlsx_advice_class tlsx_advice_class_of(uint8_t kind)
{
    switch ((tlsx_advice_kind)kind) {
    case TLSX_ADVICE_FALSE_START:
    case TLSX_ADVICE_EARLY_ACCEPTED:
        return TLSX_ADVICE_SAVED;
    case TLSX_ADVICE_RSA_KEYX:
    case TLSX_ADVICE_CBC_NO_ETM:
    case TLSX_ADVICE_OLD_VERSION:
        return TLSX_ADVICE_SECURITY;
    default:
        return TLSX_ADVICE_COST;
    }
}

uint8_t tlsx_advice_variant(const tlsx_advice *a)
{
    switch ((tlsx_advice_kind)a->kind) {
    case TLSX_ADVICE_NO_RESUMPTION:
        if (a->client_offered)
            return a->rtts ? TLSX_ADVICE_TEXT_THIRD : TLSX_ADVICE_TEXT_FOURTH;
        return a->rtts ? TLSX_ADVICE_TEXT_BASE : TLSX_ADVICE_TEXT_OTHER;
    case TLSX_ADVICE_NO_STAPLE:
        return a->ocsp_frame ? TLSX_ADVICE_TEXT_OTHER : TLSX_ADVICE_TEXT_BASE;
    case TLSX_ADVICE_HRR:
        return a->group ? TLSX_ADVICE_TEXT_OTHER : TLSX_ADVICE_TEXT_BASE;
    default:
        return TLSX_ADVICE_TEXT_BASE;
    }
}

static tlsx_advice *add(tlsx_advice_list *out, tlsx_advice_kind kind, uint8_t rtts, uint32_t frame)
{
    if (out->count >= TLSX_ADVICE_MAX)
        return NULL;
    tlsx_advice *a = &out->item[out->count++];
    memset(a, 0, sizeof *a);
    a->kind = (uint8_t)kind;
    a->rtts = rtts;
    a->frame = frame;
    return a;
}

static bool is_tls12(uint16_t version)
{
    return version == 0x0303 || version == 0xfefd;
}

/* TLS 1.1 or older (SSL 3.0 included), DTLS 1.0. */
static bool is_old(uint16_t version)
{
    return (version >= 0x0300 && version <= 0x0302) || version == 0xfeff || version == 0x0100;
}

/* The server's first flight waited for the client's acknowledgement: a
 * pause of half a round trip or more, measured against the TCP handshake's
 * round trip, after 4 KB and before 1 KB at least of the flight.  The
 * segments TCP saw tell it best (a pause often falls inside the
 * Certificate's record), and whether the client acknowledged during the
 * pause; without them, the flight's TLS records.  The one decision of it:
 * the model's round trips (tlsx_handshake_note_stall()) and the CWND advice
 * both come from here. */
bool tlsx_advice_stall(const tlsx_advice_input *in, tlsx_advice *out)
{
    const tlsx_advice_facts *f = in->facts;
    if (!in->client_hello_seen || in->summary->variant == TLSX_VARIANT_RENEGOTIATION)
        return false;
    if (!in->tcp.known || in->tcp.estimated || !(f->bits & TLSX_AF_FLIGHT_DONE))
        return false;
    uint32_t flight = f->flight_bytes, before = f->sent_before, frame = f->pause_frame;
    int64_t pause_ns = (int64_t)f->pause_us * 1000;
    if (in->tcp_flight) {
        if (!in->tcp_acked)
            return false; /* the server waited for no acknowledgement */
        flight = in->tcp_flight_bytes;
        before = in->tcp_sent_before;
        frame = in->tcp_pause_frame;
        pause_ns = tlsx_time_to_ns(in->tcp_pause);
    }
    const int64_t rtt_ns = tlsx_time_to_ns(in->tcp.rtt);
    if (!frame || rtt_ns <= 0 || pause_ns * 2 < rtt_ns || before > flight)
        return false;
    if (before < TLSX_ADVICE_CWND_MIN_FLIGHT || flight - before < TLSX_ADVICE_CWND_MIN_AFTER)
        return false;
    memset(out, 0, sizeof *out);
    out->kind = TLSX_ADVICE_CWND;
    out->rtts = 1;
    out->frame = frame;
    out->flight_bytes = flight;
    out->sent_before = before;
    out->cert_bytes = f->cert_bytes;
    out->cert_count = f->cert_count;
    out->pause = tlsx_time_from_ns(pause_ns);
    out->rtt = in->tcp.rtt;
    return true;
}

static void advise_cwnd(const tlsx_advice_input *in, tlsx_advice_list *out)
{
    tlsx_advice stall;
    if (!tlsx_advice_stall(in, &stall))
        return;
    tlsx_advice *a = add(out, TLSX_ADVICE_CWND, 1, stall.frame);
    if (a)
        *a = stall;
}

void tlsx_advise(const tlsx_advice_input *in, tlsx_advice_list *out)
{
    memset(out, 0, sizeof *out);
    const tlsx_summary *s = in->summary;
    const tlsx_advice_facts *f = in->facts;
    if (!s->complete || !in->client_hello_seen || s->variant == TLSX_VARIANT_RENEGOTIATION)
        return;
    const uint32_t frame = in->end_frame;
    const bool tls13 = tlsx_version_is_tls13(s->version);
    const bool resumed = s->resumed;

    /* Round trips spent. */
    advise_cwnd(in, out);
    if (in->earlier && !resumed) {
        /* TLS 1.2 resumption drops the certificate's round trip (RFC 5077);
         * TLS 1.3 resumption keeps one round trip (RFC 8446 2.2): it saves
         * the certificate's bytes and checks, and a round trip only with
         * 0-RTT data. */
        tlsx_advice *a = add(out, TLSX_ADVICE_NO_RESUMPTION, tls13 ? 0 : 1, frame);
        if (a) {
            a->earlier = in->earlier;
            a->earlier_frame = in->earlier_frame;
            a->version = s->version;
            a->client_offered = (s->told & (TLSX_TOLD_PSK_OFFERED | TLSX_TOLD_TICKET)) != 0;
        }
    }
    if ((s->told & TLSX_TOLD_TLS13_OFFERED) && is_tls12(s->version) && !resumed) {
        tlsx_advice *a = add(out, TLSX_ADVICE_TLS12_NOT_13, 1, frame);
        if (a) {
            a->version = s->version;
            a->offered = 0x0304;
        }
    }
    if (s->hrr && tls13) {
        tlsx_advice *a = add(out, TLSX_ADVICE_HRR, 1, frame);
        if (a && s->group_known)
            a->group = s->group;
    }
    /* Early data the server refused: sent again after the handshake, which
     * costs no round trip over not trying; known only when its Encrypted
     * Extensions were read. */
    if ((s->told & TLSX_TOLD_EARLY_OFFERED) && tls13 && !s->encrypted &&
        !(s->told & TLSX_TOLD_EARLY_ACCEPTED))
        add(out, TLSX_ADVICE_EARLY_REJECTED, 0, frame);
    /* The client asked for a stapled OCSP response, the server sent its
     * certificate without one: the client may ask the CA itself.  TLS 1.3
     * staples inside its Certificate: known only when it was read. */
    if ((f->bits & TLSX_AF_STATUS_REQUEST) && f->cert_bytes && !(f->bits & TLSX_AF_STAPLED) &&
        (!tls13 || f->cert_count)) {
        tlsx_advice *a = add(out, TLSX_ADVICE_NO_STAPLE, 0, frame);
        if (a)
            a->ocsp_frame = in->ocsp_frame;
    }

    /* Round trips saved. */
    if ((f->bits & TLSX_AF_FALSE_START) && !tls13 && !resumed)
        add(out, TLSX_ADVICE_FALSE_START, 1, frame);
    if ((s->told & TLSX_TOLD_EARLY_ACCEPTED) && tls13)
        add(out, TLSX_ADVICE_EARLY_ACCEPTED, 1, frame);

    /* Security notes. */
    if (s->keyx == TLSX_KEYX_RSA) {
        tlsx_advice *a = add(out, TLSX_ADVICE_RSA_KEYX, 0, frame);
        if (a)
            a->cipher = s->cipher;
    }
    tlsx_suite_info suite;
    if (!tls13 && tlsx_suite_info_of(s->cipher, &suite) && suite.cbc && !(f->bits & TLSX_AF_ETM)) {
        tlsx_advice *a = add(out, TLSX_ADVICE_CBC_NO_ETM, 0, frame);
        if (a)
            a->cipher = s->cipher;
    }
    if (is_old(s->version)) {
        tlsx_advice *a = add(out, TLSX_ADVICE_OLD_VERSION, 0, frame);
        if (a)
            a->version = s->version;
    }
}
