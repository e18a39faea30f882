/* test_advice.c: the advice (tlsx_advice.h), decided from handshakes fed
 * to the model as Wireshark would show them: each advice with its exact
 * figures, and the handshakes that must show none.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "tlsx_advice.h"
#include "tlsx_advice_text.h"
#include "tlsx_handshake.h"
#include "tlsx_explain.h"
#include "tlsx_message.h"
#include "tlsx_verdict.h"

#include "check.h"

/* A connection's model and the frame numbers its events get. */
typedef struct {
    tlsx_handshake hs;
    uint32_t ids;
    uint32_t frame;
    tlsx_step last;
    uint32_t end_frame;
    /* As the glue does when glue_on: once the server's first flight ended,
     * whether it stalled, told to the model. */
    bool judged, stalled;
    tlsx_advice stall;
} conn;

static bool glue_on;
static tlsx_baseline glue_tcp;

static void feed(conn *c, tlsx_event ev, uint32_t frame)
{
    ev.frame = frame;
    if (!ev.wire_bytes && ev.kind != TLSX_EV_HANDSHAKE)
        ev.wire_bytes = ev.length;
    tlsx_step st;
    const bool step = tlsx_handshake_feed(&c->hs, &c->ids, &ev, &st);
    if (glue_on && !c->judged && (c->hs.advice.bits & TLSX_AF_FLIGHT_DONE)) {
        c->judged = true;
        tlsx_summary s;
        tlsx_handshake_summarize(&c->hs, &s);
        tlsx_advice_input in;
        memset(&in, 0, sizeof in);
        in.summary = &s;
        in.facts = &c->hs.advice;
        in.client_hello_seen = c->hs.client_hello_seen;
        in.tcp = glue_tcp;
        if (tlsx_advice_stall(&in, &c->stall))
            c->stalled = tlsx_handshake_note_stall(&c->hs);
    }
    if (step && st.ends) {
        c->last = st;
        c->end_frame = frame;
    }
}

static tlsx_event msg(tlsx_side side, uint8_t type, int64_t ms, uint32_t len)
{
    tlsx_event e = hs_event(side, type, ms);
    e.length = e.wire_bytes = len;
    return e;
}

static tlsx_event rec(tlsx_event_kind kind, tlsx_side side, int64_t ms, uint32_t len)
{
    tlsx_event e = record_event(kind, side, ms);
    e.length = e.wire_bytes = len;
    return e;
}

static tlsx_baseline tcp_rtt(int64_t ms)
{
    tlsx_baseline b;
    memset(&b, 0, sizeof b);
    b.known = ms > 0;
    b.rtt = tlsx_time_from_ns(ms * 1000000);
    return b;
}

/* The advice of the connection's handshake that ended. */
static void advise(const conn *c, tlsx_baseline tcp, uint32_t earlier, uint32_t earlier_frame,
                   uint32_t ocsp, tlsx_advice_list *out)
{
    tlsx_summary s;
    tlsx_handshake_summarize(&c->hs, &s);
    tlsx_advice_input in;
    memset(&in, 0, sizeof in);
    in.summary = &s;
    in.facts = &c->hs.advice;
    in.client_hello_seen = c->hs.client_hello_seen;
    in.tcp = tcp;
    in.end_frame = c->end_frame;
    in.earlier = earlier;
    in.earlier_frame = earlier_frame;
    in.ocsp_frame = ocsp;
    tlsx_advise(&in, out);
}

typedef struct {
    uint16_t offered, chosen, cipher;
    uint32_t ch_ext, sh_ext;
    bool resume_id;   /* the server resumes the client's session ID */
    bool false_start; /* client data after its Finished */
    bool cert_status; /* a CertificateStatus message */
    bool big_chain;   /* a chain over two records, the second after a pause */
    bool late_ske;    /* the server pauses before its key exchange (working) */
    bool ticket;      /* the Client Hello carries a session ticket */
} tls12_shape;

/* A TLS 1.2 handshake decrypted, client side: 50 ms round trips. */
static void tls12(conn *c, const tls12_shape *sh)
{
    memset(c, 0, sizeof *c);
    tlsx_event e = msg(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0, 200);
    e.version = sh->offered;
    e.session_id = 0x1234;
    e.hello.extensions = sh->ch_ext;
    e.hello.session_ticket_data = sh->ticket;
    feed(c, e, 4);
    e = msg(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 50, 90);
    e.version = sh->chosen;
    e.cipher = sh->cipher;
    e.session_id = sh->resume_id ? 0x1234 : 0x9999;
    e.hello.extensions = sh->sh_ext;
    feed(c, e, 6);
    if (sh->resume_id) {
        feed(c, rec(TLSX_EV_CCS, TLSX_SERVER, 50, 1), 6);
        feed(c, msg(TLSX_SERVER, TLSX_HS_FINISHED, 50, 16), 6);
        feed(c, rec(TLSX_EV_CCS, TLSX_CLIENT, 101, 1), 8);
        feed(c, msg(TLSX_CLIENT, TLSX_HS_FINISHED, 101, 16), 8);
        return;
    }
    if (sh->big_chain) {
        /* The first record of the chain, then a round trip's pause, then
         * the rest: Wireshark shows the message whole, reassembled, where
         * its last fragment is, and the fragments in the frames. */
        feed(c, rec(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_SERVER, 50, 9000), 6);
        feed(c, rec(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_SERVER, 150, 7000), 9);
        tlsx_event cert = msg(TLSX_SERVER, TLSX_HS_CERTIFICATE, 150, 16000);
        cert.wire_bytes = 0;
        cert.cert_count = 3;
        feed(c, cert, 9);
    } else {
        tlsx_event cert = msg(TLSX_SERVER, TLSX_HS_CERTIFICATE, 50, 5000);
        cert.cert_count = 2;
        feed(c, cert, 6);
    }
    const int64_t t = sh->big_chain ? 150 : sh->late_ske ? 120 : 50;
    const uint32_t f = sh->big_chain ? 9 : sh->late_ske ? 7 : 6;
    if (sh->cert_status)
        feed(c, msg(TLSX_SERVER, TLSX_HS_CERTIFICATE_STATUS, 50, 1500), 6);
    feed(c, msg(TLSX_SERVER, TLSX_HS_SERVER_KEY_EXCHANGE, t, 300), f);
    feed(c, msg(TLSX_SERVER, TLSX_HS_SERVER_HELLO_DONE, t, 4), f);
    feed(c, msg(TLSX_CLIENT, TLSX_HS_CLIENT_KEY_EXCHANGE, t + 51, 70), f + 2);
    feed(c, rec(TLSX_EV_CCS, TLSX_CLIENT, t + 51, 1), f + 2);
    feed(c, msg(TLSX_CLIENT, TLSX_HS_FINISHED, t + 51, 16), f + 2);
    if (sh->false_start)
        feed(c, rec(TLSX_EV_APP_DATA, TLSX_CLIENT, t + 52, 100), f + 3);
    feed(c, rec(TLSX_EV_CCS, TLSX_SERVER, t + 102, 1), f + 4);
    feed(c, msg(TLSX_SERVER, TLSX_HS_FINISHED, t + 102, 16), f + 4);
}

static const tls12_shape ecdhe12 = {
    .offered = TLSX_VERSION_TLS12, .chosen = TLSX_VERSION_TLS12, .cipher = 0xc02f};

static void test_cwnd(void)
{
    conn c;
    tlsx_advice_list l;
    tls12_shape sh = ecdhe12;
    sh.big_chain = true;
    tls12(&c, &sh);
    CHECK(c.hs.complete);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    const tlsx_advice *a = &l.item[0];
    CHECK(a->kind == TLSX_ADVICE_CWND);
    CHECK(a->rtts == 1);
    CHECK(a->flight_bytes == 90 + 9000 + 7000 + 300 + 4);
    CHECK(a->sent_before == 9090);
    CHECK(a->cert_bytes == 16000);
    CHECK(a->cert_count == 3);
    CHECK(tlsx_time_to_ns(a->pause) == 100000000);
    CHECK(tlsx_time_to_ns(a->rtt) == 50000000);
    CHECK(a->frame == 9);
    CHECK_STR(tlsx_advice_kind_name(a->kind), "cwnd");
    CHECK(tlsx_advice_class_of(a->kind) == TLSX_ADVICE_COST);

    /* A pause under half the round trip, or no TCP round trip: none. */
    advise(&c, tcp_rtt(201), 0, 0, 0, &l);
    CHECK(l.count == 0);
    advise(&c, tcp_rtt(0), 0, 0, 0, &l);
    CHECK(l.count == 0);
    tlsx_baseline est = tcp_rtt(50);
    est.estimated = true;
    advise(&c, est, 0, 0, 0, &l);
    CHECK(l.count == 0);

    /* TCP's segments, when the glue read them, tell it instead: a pause of
     * 50 ms after 4096 bytes, the client's acknowledgement in it. */
    {
        tlsx_summary s;
        tlsx_handshake_summarize(&c.hs, &s);
        tlsx_advice_input in;
        memset(&in, 0, sizeof in);
        in.summary = &s;
        in.facts = &c.hs.advice;
        in.client_hello_seen = true;
        in.tcp = tcp_rtt(50);
        in.tcp_flight = true;
        in.tcp_flight_bytes = 16400;
        in.tcp_sent_before = 4096;
        in.tcp_pause_frame = 8;
        in.tcp_pause = tlsx_time_from_ns(50000000);
        tlsx_advise(&in, &l);
        CHECK(l.count == 0); /* no acknowledgement seen in the pause */
        in.tcp_acked = true;
        tlsx_advise(&in, &l);
        CHECK(l.count == 1);
        CHECK(l.item[0].flight_bytes == 16400);
        CHECK(l.item[0].sent_before == 4096);
        CHECK(l.item[0].frame == 8);
        CHECK(l.item[0].cert_bytes == 16000);
        CHECK(tlsx_time_to_ns(l.item[0].pause) == 50000000);
        in.tcp_sent_before = 4000; /* under the smallest initial window */
        tlsx_advise(&in, &l);
        CHECK(l.count == 0);
    }

    /* The server working before its key exchange (70 ms, a slow
     * signature): 5090 bytes before, 304 after: no window stall. */
    sh = ecdhe12;
    sh.late_ske = true;
    tls12(&c, &sh);
    CHECK(c.hs.advice.pause_us == 70000);
    CHECK(c.hs.advice.sent_before == 5090);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 0);

    /* A plain flight: none at all. */
    tls12(&c, &ecdhe12);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 0);
    CHECK(c.hs.advice.flight_bytes == 90 + 5000 + 300 + 4);
}

/* The key of the part that ends the explanation of a step. */
static unsigned end_part(const tlsx_step *st)
{
    tlsx_explanation e;
    tlsx_explanation_of(st, TLSX_TRANSPORT_TCP, -1, &e);
    return e.count ? e.parts[e.count - 1].value : 0;
}

/* The stall is a round trip of the handshake: decided once, when the
 * server's first flight ended, by the function that gives the advice; the
 * model counts it for the steps after it and the summary. */
static void test_cwnd_counts_a_round_trip(void)
{
    conn c;
    tlsx_advice_list l;
    tlsx_summary s;
    tls12_shape sh = ecdhe12;
    sh.big_chain = true;
    glue_on = true;
    glue_tcp = tcp_rtt(50);
    tls12(&c, &sh);
    CHECK(c.judged && c.stalled);
    tlsx_handshake_summarize(&c.hs, &s);
    CHECK(s.complete && s.rtts == 3 && (s.told & TLSX_TOLD_STALL));
    CHECK(c.last.explain == TLSX_EX_SERVER_FINISHED);
    CHECK((c.last.told & (TLSX_TOLD_RTTS_THREE | TLSX_TOLD_STALL)) ==
          (TLSX_TOLD_RTTS_THREE | TLSX_TOLD_STALL));
    CHECK(end_part(&c.last) == TLSX_EX_PART_END_FULL_STALL);
    CHECK(!tlsx_handshake_note_stall(&c.hs)); /* told once */
    tlsx_handshake_summarize(&c.hs, &s);
    CHECK(s.rtts == 3);
    /* The advice is the same decision, with the same figures. */
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1 && l.item[0].kind == TLSX_ADVICE_CWND && l.item[0].rtts == 1);
    CHECK(c.stall.kind == TLSX_ADVICE_CWND && c.stall.frame == l.item[0].frame);
    CHECK(c.stall.flight_bytes == l.item[0].flight_bytes && c.stall.sent_before == 9090);
    CHECK(tlsx_time_cmp(c.stall.pause, l.item[0].pause) == 0);

    /* No stall: two round trips, as the kind takes. */
    tls12(&c, &ecdhe12);
    CHECK(c.judged && !c.stalled);
    tlsx_handshake_summarize(&c.hs, &s);
    CHECK(s.rtts == 2 && !(s.told & TLSX_TOLD_STALL));
    CHECK(end_part(&c.last) == TLSX_EX_PART_END_FULL_TWO);
    /* The same pause without a TCP round trip to measure it against: none. */
    glue_tcp = tcp_rtt(0);
    tls12(&c, &sh);
    CHECK(c.judged && !c.stalled);
    tlsx_handshake_summarize(&c.hs, &s);
    CHECK(s.rtts == 2);
    glue_on = false;

    /* TLS 1.3: two round trips, one of them the stall; with a
     * HelloRetryRequest as well, three: no count named. */
    tlsx_step st;
    memset(&st, 0, sizeof st);
    st.explain = TLSX_EX_CLIENT_FINISHED_TLS13;
    st.told = TLSX_TOLD_STALL | TLSX_TOLD_RTTS_TWO;
    CHECK(end_part(&st) == TLSX_EX_PART_END_TLS13_STALL);
    st.told = TLSX_TOLD_STALL | TLSX_TOLD_HRR | TLSX_TOLD_RTTS_THREE;
    CHECK(end_part(&st) == TLSX_EX_PART_END_TLS13);
    st.told = TLSX_TOLD_RTTS_ONE;
    CHECK(end_part(&st) == TLSX_EX_PART_END_TLS13_ONE);
}

static void test_resumption(void)
{
    conn c;
    tlsx_advice_list l;
    tls12(&c, &ecdhe12);
    advise(&c, tcp_rtt(50), 1, 6, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_NO_RESUMPTION);
    CHECK(l.item[0].rtts == 1);
    CHECK(l.item[0].earlier == 1);
    CHECK(l.item[0].earlier_frame == 6);
    CHECK(l.item[0].frame == 10);
    CHECK(!l.item[0].client_offered);
    /* The server gave a session ID: a way to resume. */
    CHECK(c.hs.advice.bits & TLSX_AF_SERVER_ID);

    /* The client offered its ticket, the server did not take it. */
    tls12_shape offered = ecdhe12;
    offered.ticket = true;
    tls12(&c, &offered);
    advise(&c, tcp_rtt(50), 1, 6, 0, &l);
    CHECK(l.count == 1 && l.item[0].kind == TLSX_ADVICE_NO_RESUMPTION);
    CHECK(l.item[0].client_offered);

    /* Resumed: nothing to advise. */
    tls12_shape sh = ecdhe12;
    sh.resume_id = true;
    tls12(&c, &sh);
    CHECK(c.hs.complete && c.hs.resumed);
    advise(&c, tcp_rtt(50), 1, 6, 0, &l);
    CHECK(l.count == 0);
}

static void test_tls12_not_13(void)
{
    conn c;
    tlsx_advice_list l;
    tls12_shape sh = ecdhe12;
    sh.offered = TLSX_VERSION_TLS13;
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_TLS12_NOT_13);
    CHECK(l.item[0].rtts == 1);
    CHECK(l.item[0].version == TLSX_VERSION_TLS12);
    CHECK(l.item[0].offered == TLSX_VERSION_TLS13);
    /* Resumed in TLS 1.2: one round trip, as TLS 1.3's: none. */
    sh.resume_id = true;
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 0);
}

static void test_false_start_staple(void)
{
    conn c;
    tlsx_advice_list l;
    tls12_shape sh = ecdhe12;
    sh.false_start = true;
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_FALSE_START);
    CHECK(l.item[0].rtts == 1);
    CHECK(tlsx_advice_class_of(TLSX_ADVICE_FALSE_START) == TLSX_ADVICE_SAVED);
    /* Client data after the handshake is no False Start. */
    tls12(&c, &ecdhe12);
    tlsx_event late = rec(TLSX_EV_APP_DATA, TLSX_CLIENT, 300, 100);
    feed(&c, late, 20);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 0);

    sh = ecdhe12;
    sh.ch_ext = TLSX_EXT_STATUS_REQUEST;
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_NO_STAPLE);
    CHECK(l.item[0].ocsp_frame == 0);
    CHECK(l.item[0].rtts == 0);
    advise(&c, tcp_rtt(50), 0, 0, 8, &l);
    CHECK(l.count == 1 && l.item[0].ocsp_frame == 8);
    /* Stapled: none. */
    sh.cert_status = true;
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 8, &l);
    CHECK(l.count == 0);
}

static void test_security(void)
{
    conn c;
    tlsx_advice_list l;
    tls12_shape sh = ecdhe12;
    sh.cipher = 0x009c; /* TLS_RSA_WITH_AES_128_GCM_SHA256 */
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_RSA_KEYX);
    CHECK(l.item[0].cipher == 0x009c);
    CHECK(l.item[0].rtts == 0);
    CHECK(tlsx_advice_class_of(l.item[0].kind) == TLSX_ADVICE_SECURITY);

    sh.cipher = 0xc013; /* TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA */
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_CBC_NO_ETM);
    CHECK(l.item[0].cipher == 0xc013);
    sh.sh_ext = TLSX_EXT_ENCRYPT_THEN_MAC;
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 0);

    sh = ecdhe12;
    sh.offered = sh.chosen = 0x0302;
    tls12(&c, &sh);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_OLD_VERSION);
    CHECK(l.item[0].version == 0x0302);
}

/* A TLS 1.3 handshake decrypted: hrr adds a HelloRetryRequest for
 * secp256r1; early offers 0-RTT, accepted when early_ok. */
static void tls13(conn *c, bool hrr, bool early, bool early_ok, bool status, bool stapled)
{
    memset(c, 0, sizeof *c);
    tlsx_event e = msg(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0, 300);
    e.version = TLSX_VERSION_TLS13;
    e.hello.extensions = (early ? TLSX_EXT_EARLY_DATA : 0) | (status ? TLSX_EXT_STATUS_REQUEST : 0);
    feed(c, e, 4);
    int64_t t = 0;
    uint32_t f = 4;
    if (hrr) {
        e = msg(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 50, 88);
        e.version = TLSX_VERSION_TLS13;
        e.hrr = true;
        e.group = 0x0017;
        feed(c, e, 6);
        e = msg(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 51, 330);
        e.version = TLSX_VERSION_TLS13;
        feed(c, e, 7);
        t = 51;
        f = 7;
    }
    e = msg(TLSX_SERVER, TLSX_HS_SERVER_HELLO, t + 50, 120);
    e.version = TLSX_VERSION_TLS13;
    e.cipher = 0x1301;
    e.group = hrr ? 0x0017 : 0x001d;
    feed(c, e, f + 2);
    e = msg(TLSX_SERVER, TLSX_HS_ENCRYPTED_EXTENSIONS, t + 50, 20);
    e.decrypted = true;
    e.hello.extensions = early_ok ? TLSX_EXT_EARLY_DATA : 0;
    feed(c, e, f + 2);
    e = msg(TLSX_SERVER, TLSX_HS_CERTIFICATE, t + 50, 900);
    e.decrypted = true;
    e.cert_count = 1;
    e.cert_stapled = stapled;
    feed(c, e, f + 2);
    e = msg(TLSX_SERVER, TLSX_HS_CERTIFICATE_VERIFY, t + 50, 80);
    e.decrypted = true;
    feed(c, e, f + 2);
    e = msg(TLSX_SERVER, TLSX_HS_FINISHED, t + 50, 36);
    e.decrypted = true;
    feed(c, e, f + 2);
    if (early_ok) {
        e = msg(TLSX_CLIENT, TLSX_HS_END_OF_EARLY_DATA, t + 101, 4);
        e.decrypted = true;
        feed(c, e, f + 4);
    }
    e = msg(TLSX_CLIENT, TLSX_HS_FINISHED, t + 101, 36);
    e.decrypted = true;
    feed(c, e, f + 4);
}

static void test_tls13(void)
{
    conn c;
    tlsx_advice_list l;
    tls13(&c, false, false, false, false, false);
    CHECK(c.hs.complete);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 0);
    CHECK(c.hs.advice.flight_bytes == 120 + 20 + 900 + 80 + 36);

    /* Resumption would save no round trip in TLS 1.3. */
    advise(&c, tcp_rtt(50), 2, 12, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_NO_RESUMPTION);
    CHECK(l.item[0].rtts == 0);
    CHECK(l.item[0].version == TLSX_VERSION_TLS13);

    tls13(&c, true, false, false, false, false);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_HRR);
    CHECK(l.item[0].rtts == 1);
    CHECK(l.item[0].group == 0x0017);
    CHECK(l.item[0].frame == 11);

    tls13(&c, false, true, true, false, false);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_EARLY_ACCEPTED);
    CHECK(l.item[0].rtts == 1);
    tls13(&c, false, true, false, false, false);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1);
    CHECK(l.item[0].kind == TLSX_ADVICE_EARLY_REJECTED);
    CHECK(l.item[0].rtts == 0);

    /* Stapling in TLS 1.3: in the leaf's Certificate entry. */
    tls13(&c, false, false, false, true, false);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 1 && l.item[0].kind == TLSX_ADVICE_NO_STAPLE);
    tls13(&c, false, false, false, true, true);
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 0);
}

static void test_none_when_unproven(void)
{
    conn c;
    tlsx_advice_list l;
    /* A handshake that never completed says nothing. */
    tls12_shape sh = ecdhe12;
    sh.cipher = 0x009c;
    tls12(&c, &sh);
    c.hs.complete = false;
    advise(&c, tcp_rtt(50), 0, 0, 0, &l);
    CHECK(l.count == 0);
    CHECK_STR(tlsx_advice_kind_name(TLSX_ADVICE_NO_RESUMPTION), "no_resumption");
    CHECK_STR(tlsx_advice_kind_name(TLSX_ADVICE_OLD_VERSION), "old_version");
    CHECK_STR(tlsx_advice_kind_name(TLSX_ADVICE_KINDS), "unknown");
}

/* The note on a client's OCSP request after a handshake without a staple:
 * what the capture shows, in both languages, its figures as tokens. */
static void test_ocsp_for_text(void)
{
    CHECK_STR(tlsx_advice_ocsp_for(TLSX_LANG_EN),
              "OCSP request by the client of handshake {handshake}, whose server did not staple "
              "its certificate's status (frame {frame})");
    CHECK_STR(tlsx_advice_ocsp_for(TLSX_LANG_ZH),
              "第 {handshake} 次握手的客户端发出的 OCSP 请求，该握手的服务器没有装订证书状态（第 "
              "{frame} 帧）");
}

/* The text of no_resumption is chosen by its round trips: where it cost
 * none, the words say so and no text holds a {rtts} to print 0. */
static void test_variants_by_round_trips(void)
{
    tlsx_advice a;
    memset(&a, 0, sizeof a);
    a.kind = TLSX_ADVICE_NO_RESUMPTION;
    a.rtts = 1;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_BASE);
    a.rtts = 0;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_OTHER);
    CHECK_STR(tlsx_advice_finding(TLSX_LANG_EN, a.kind, tlsx_advice_variant(&a)),
              "A full handshake, where handshake {earlier} had left a ticket (frame "
              "{earlier_frame}): resuming it saves the certificate, a round trip only with 0-RTT");
    a.client_offered = true;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_FOURTH);
    CHECK_STR(tlsx_advice_finding(TLSX_LANG_EN, a.kind, tlsx_advice_variant(&a)),
              "A full handshake: the client offered to resume handshake {earlier}'s session "
              "(ticket of frame {earlier_frame}), the server did not take it: no round trip lost, "
              "the certificate sent again");
    CHECK_STR(tlsx_advice_finding(TLSX_LANG_ZH, a.kind, tlsx_advice_variant(&a)),
              "完整握手：客户端提出恢复第 {earlier} 次握手的会话（第 {earlier_frame} "
              "帧的票据），服务器未接受：没有多花往返，证书又发了一次");
    a.rtts = 1;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_THIRD);
    CHECK_STR(tlsx_advice_finding(TLSX_LANG_EN, a.kind, tlsx_advice_variant(&a)),
              "A full handshake: the client offered to resume handshake {earlier}'s session "
              "(ticket of frame {earlier_frame}), the server did not take it, which cost {rtts} "
              "round trip");
    /* No text for no round trip prints one. */
    const uint8_t none[] = {TLSX_ADVICE_TEXT_OTHER, TLSX_ADVICE_TEXT_FOURTH};
    for (unsigned i = 0; i < 2; i++) {
        for (int lang = TLSX_LANG_EN; lang <= TLSX_LANG_ZH; lang++) {
            CHECK(!strstr(tlsx_advice_finding((tlsx_lang)lang, a.kind, none[i]), "{rtts}"));
            CHECK(!strstr(tlsx_advice_sentence((tlsx_lang)lang, a.kind, none[i]), "{rtts}"));
        }
    }
    /* The others keep theirs: by the OCSP request seen, by the group known. */
    memset(&a, 0, sizeof a);
    a.kind = TLSX_ADVICE_NO_STAPLE;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_BASE);
    a.ocsp_frame = 8;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_OTHER);
    a.kind = TLSX_ADVICE_HRR;
    a.rtts = 1;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_BASE);
    a.group = 0x0017;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_OTHER);
    a.kind = TLSX_ADVICE_CWND;
    CHECK(tlsx_advice_variant(&a) == TLSX_ADVICE_TEXT_BASE);
}

int main(void)
{
    test_cwnd();
    test_cwnd_counts_a_round_trip();
    test_resumption();
    test_tls12_not_13();
    test_false_start_staple();
    test_security();
    test_tls13();
    test_none_when_unproven();
    test_ocsp_for_text();
    test_variants_by_round_trips();
    printf("%d checks, %d failures\n", checks, failures);
    return failures != 0;
}
