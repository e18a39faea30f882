/* test_verdict.c: unit tests of what a step means to its reader: the
 * verdicts the core gives on it (each one an expert info), where a
 * handshake's summary is shown, and what its explanation is made of.
 *
 * Each test feeds a handshake, one message a frame, written as a string of
 * letters in Zeek's ssl_history notation (client upper case, server lower
 * case), keeps what the first pass learns of each handshake as the plugin
 * does, then reads the steps back, before and after the whole capture was
 * read.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "tlsx_alert.h"
#include "tlsx_explain.h"
#include "tlsx_handshake.h"
#include "tlsx_sequence.h"
#include "tlsx_verdict.h"

#include "check.h"

#define MAX_STEPS 32
#define MAX_HANDSHAKES 4

/* A capture of one connection, as the first pass saw it. */
typedef struct {
    tlsx_handshake hs;
    uint32_t ids;
    uint32_t frame; /* the last frame, from 1 */
    int64_t ms;
    uint16_t version;
    tlsx_baseline tcp;
    tlsx_facts facts[MAX_HANDSHAKES]; /* by handshake id, from 1 */
    uint32_t current;                 /* the handshake of the last step */
    tlsx_step steps[MAX_STEPS];
    uint32_t frames[MAX_STEPS]; /* each step's */
    unsigned n;
} capture;

static void start(capture *c, uint16_t version)
{
    memset(c, 0, sizeof *c);
    c->version = version;
    c->hs.slow_ms = UINT32_MAX; /* no wait is slow but where a test says */
}

/* The first pass over a frame of one event: the step, and what it tells of
 * its handshake (packet-tlsexplain-conn.c's note_step()). */
static bool feed(capture *c, tlsx_event ev)
{
    tlsx_step st;
    c->frame++;
    if (!tlsx_handshake_feed(&c->hs, &c->ids, &ev, &st))
        return false;
    if (c->current && c->current != st.handshake)
        tlsx_facts_note_next(&c->facts[c->current], &st);
    c->current = st.handshake;
    tlsx_baseline used;
    tlsx_handshake_split(&c->hs, &c->tcp, &st, &used);
    tlsx_facts_note_step(&c->facts[st.handshake], &c->hs, &st, c->frame);
    c->steps[c->n] = st;
    c->frames[c->n++] = c->frame;
    return true;
}

/* One message: 'I'/'i' a ChangeCipherSpec, else a handshake message. */
static tlsx_event message(capture *c, char letter)
{
    const tlsx_side side = letter >= 'a' && letter <= 'z' ? TLSX_SERVER : TLSX_CLIENT;
    if (letter == 'I' || letter == 'i')
        return record_event(TLSX_EV_CCS, side, c->ms);
    tlsx_event ev = hs_event(side, zeek_type(letter), c->ms);
    if (ev.hs_type == TLSX_HS_CLIENT_HELLO || ev.hs_type == TLSX_HS_SERVER_HELLO)
        ev.version = c->version;
    ev.hrr = letter == 'j';
    ev.length = 100;
    return ev;
}

/* Feeds a script; a space moves time on by 10 ms. */
static void play(capture *c, const char *script)
{
    for (const char *p = script; *p; p++) {
        if (*p == ' ')
            c->ms += 10;
        else
            feed(c, message(c, *p));
    }
}

static tlsx_event alert(tlsx_side side, int64_t ms, uint8_t level, uint8_t desc)
{
    tlsx_event ev = record_event(TLSX_EV_ALERT, side, ms);
    ev.alert_level = level;
    ev.alert_desc = desc;
    return ev;
}

/* The verdicts on step i (from 0) as a pass shows them: the first, while
 * the capture is read, or a later one. */
static unsigned verdicts(const capture *c, unsigned i, bool capture_read, tlsx_verdict *out)
{
    const tlsx_reading at = {c->frames[i], capture_read, 50};
    return tlsx_verdicts(&c->steps[i], &c->facts[c->steps[i].handshake], &at, out);
}

/* Whether any step but `except` (-1 none) has a verdict, in either pass. */
static bool others_have_verdicts(const capture *c, int except)
{
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    for (unsigned i = 0; i < c->n; i++) {
        if ((int)i != except && (verdicts(c, i, false, v) || verdicts(c, i, true, v)))
            return true;
    }
    return false;
}

static bool shows_summary(const capture *c, unsigned i)
{
    return tlsx_shows_summary(&c->steps[i], &c->facts[c->steps[i].handshake], c->frames[i]);
}

/* The document's TLS 1.2 full handshake: two round trips, all it needs;
 * nothing to warn of, and the summary with its last step only. */
static void test_clean_handshake(void)
{
    capture c;
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C sxkn GIF if");
    CHECK(c.n == 10 && c.facts[1].summary.rtts == 2);
    CHECK(!others_have_verdicts(&c, -1));
    for (unsigned i = 0; i < 9; i++)
        CHECK(!shows_summary(&c, i));
    CHECK(shows_summary(&c, 9));
    CHECK(c.facts[1].summary_frame == 10 && c.facts[1].last_step == 10);
    CHECK(c.facts[1].last_frame == 10 && c.facts[1].has_summary && !c.facts[1].abandoned);
}

/* The client's Key Exchange before Server Hello Done: the Done never came
 * before it; when it comes, it is out of place. */
static void test_missing_and_misplaced(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C sxk G n");
    CHECK(verdicts(&c, 4, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_MISSING && v[0].message == TLSX_HS_SERVER_HELLO_DONE);
    CHECK(v[0].handshake == 1 && v[0].side == TLSX_CLIENT);
    CHECK(verdicts(&c, 5, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_UNEXPECTED && v[0].why == TLSX_UNEXPECTED_MISPLACED);
    CHECK(v[0].handshake == 1 && v[0].side == TLSX_SERVER && v[0].abandoned == 0);
    for (unsigned i = 0; i < 4; i++)
        CHECK(verdicts(&c, i, true, v) == 0);
}

/* A Client Hello from the server: said once, as the side that never sends
 * it, not also as out of place. */
static void test_wrong_side(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C c");
    CHECK(c.steps[1].flags & TLSX_FLAG_UNEXPECTED);
    CHECK(verdicts(&c, 1, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_UNEXPECTED && v[0].why == TLSX_UNEXPECTED_WRONG_SIDE);
    CHECK(v[0].side == TLSX_SERVER && v[0].handshake == 1);
}

/* A second, different Client Hello while the first handshake is open cuts
 * it short: that one did not just stop, nothing was still to come of it;
 * the new one, never ended, is incomplete once the capture is read. */
static void test_abandoned(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C");
    tlsx_event ch = message(&c, 'C');
    ch.length = 200;
    feed(&c, ch);
    CHECK(c.steps[1].handshake == 2 && c.facts[1].abandoned && !c.facts[2].abandoned);
    CHECK(verdicts(&c, 1, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_UNEXPECTED && v[0].why == TLSX_UNEXPECTED_ABANDONS);
    CHECK(v[0].abandoned == 1 && v[0].handshake == 2 && v[0].side == TLSX_CLIENT);
    /* The abandoned one's last step: nothing, even once read. */
    CHECK(verdicts(&c, 0, true, v) == 0);
    CHECK(verdicts(&c, 1, true, v) == 2);
    CHECK(v[1].kind == TLSX_VERDICT_INCOMPLETE && v[1].handshake == 2);
    CHECK(v[1].message == TLSX_HS_SERVER_HELLO);

    /* Handshakes are numbered across the capture: when another connection's
     * handshake took number 2 in between, the one cut short is still 1. */
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C");
    c.ids++; /* another connection's Client Hello */
    feed(&c, ch);
    CHECK(c.steps[1].handshake == 3 && c.facts[1].abandoned && c.facts[3].abandons == 1);
    CHECK(verdicts(&c, 1, false, v) == 1);
    CHECK(v[0].why == TLSX_UNEXPECTED_ABANDONS && v[0].abandoned == 1 && v[0].handshake == 3);
}

/* The same Certificate twice: the repeat is no step. */
static void test_duplicate(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C sx");
    play(&c, "x");
    play(&c, "kn GIF if");
    CHECK(c.steps[3].step == 0);
    CHECK(verdicts(&c, 3, true, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_DUPLICATE && v[0].handshake == 1 && v[0].side == TLSX_SERVER);
    CHECK(!others_have_verdicts(&c, 3));
}

/* A capture that starts with the server's Certificate: its first step says
 * so; stopped there, what was still to come cannot be told. */
static void test_mid_capture(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "x");
    CHECK(verdicts(&c, 0, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_MID_CAPTURE && v[0].handshake == 1);
    CHECK(verdicts(&c, 0, true, v) == 2);
    CHECK(v[0].kind == TLSX_VERDICT_MID_CAPTURE);
    CHECK(v[1].kind == TLSX_VERDICT_INCOMPLETE && v[1].message == TLSX_MSG_NONE);
}

/* A handshake that stops after the Server Key Exchange: its last step is
 * known to be its last only once the whole capture was read. */
static void test_incomplete(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C sxk");
    CHECK(verdicts(&c, 3, false, v) == 0);
    CHECK(verdicts(&c, 3, true, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_INCOMPLETE && v[0].handshake == 1);
    CHECK(v[0].message == TLSX_HS_SERVER_HELLO_DONE && v[0].side == TLSX_SERVER);
    CHECK(!others_have_verdicts(&c, 3));
    CHECK(!shows_summary(&c, 3) && !c.facts[1].has_summary);

    /* Read again in another frame than its last step's: not there. */
    const tlsx_reading elsewhere = {c.frames[3] + 1, true, 50};
    CHECK(tlsx_verdicts(&c.steps[3], &c.facts[1], &elsewhere, v) == 0);
}

/* A fatal alert ends the handshake: said with its level and description,
 * the summary shown with it, nothing incomplete. */
static void test_alert_ended(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C");
    feed(&c, alert(TLSX_SERVER, 10, TLSX_ALERT_FATAL, 40));
    CHECK(verdicts(&c, 1, true, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_ALERT_ENDED && v[0].handshake == 1);
    CHECK(v[0].alert_level == TLSX_ALERT_FATAL && v[0].alert_desc == 40);
    CHECK(!v[0].overturned && v[0].side == TLSX_SERVER);
    CHECK(shows_summary(&c, 1) && !others_have_verdicts(&c, 1));

    /* A warning ends nothing; after the end, close_notify is no step. */
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C");
    feed(&c, alert(TLSX_SERVER, 10, TLSX_ALERT_WARNING, 112));
    play(&c, " sxkn GIF if");
    feed(&c, alert(TLSX_CLIENT, 100, TLSX_ALERT_WARNING, 0));
    CHECK(c.n == 12 && c.steps[11].step == 0);
    CHECK(!others_have_verdicts(&c, -1));

    /* TLS 1.3 without keys: an encrypted alert has no level. */
    start(&c, TLSX_VERSION_TLS13);
    play(&c, "C s");
    tlsx_event rec = record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 20);
    rec.length = 2000;
    feed(&c, rec);
    rec = record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 30);
    rec.length = 19;
    feed(&c, rec);
    CHECK(verdicts(&c, c.n - 1, true, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_ALERT_ENDED && v[0].alert_level == 0);
    CHECK(v[0].alert_desc == 0 && !v[0].overturned && v[0].side == TLSX_CLIENT);
}

/* TLS 1.3: the server refuses the client's certificate after the client's
 * Finished, which had completed the handshake.  The summary moves to the
 * alert; the first pass had shown it with the Finished. */
static void test_alert_overturns(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS13);
    play(&c, "C sorxyf IXF");
    const unsigned finished = c.n - 1;
    CHECK(shows_summary(&c, finished) && c.facts[1].summary.complete);
    feed(&c, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 20));
    feed(&c, alert(TLSX_SERVER, 21, TLSX_ALERT_FATAL, 116));
    CHECK(c.n == finished + 2);
    CHECK(verdicts(&c, finished + 1, true, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_ALERT_ENDED && v[0].overturned);
    CHECK(v[0].alert_level == TLSX_ALERT_FATAL && v[0].alert_desc == 116);
    CHECK(v[0].side == TLSX_SERVER && v[0].handshake == 1);
    CHECK(shows_summary(&c, finished + 1) && !shows_summary(&c, finished));
    CHECK(!c.facts[1].summary.complete && c.facts[1].summary_frame == c.frames[finished + 1]);
    CHECK(!others_have_verdicts(&c, (int)finished + 1));
}

/* A server's answer 5 ms before the Client Hello's time stamp. */
static void test_time_backwards(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    c.ms = 100;
    play(&c, "C");
    c.ms = 95;
    play(&c, "s");
    CHECK(verdicts(&c, 1, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_TIME_BACKWARDS && v[0].handshake == 1);
    CHECK(v[0].side == TLSX_SERVER);
    CHECK(!others_have_verdicts(&c, 1));
}

/* Captured at the client, whose round trip to the server is 30 ms: the
 * server's answer after 100 ms, over the 50 ms threshold, is 30 ms of
 * network and 70 ms the server spent. */
static void test_slow(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    c.hs.slow_ms = 50;
    CHECK(tlsx_baseline_from_tcp(at_ms(-30), at_ms(0), at_ms(0), &c.tcp));
    play(&c, "C");
    c.ms = 100;
    play(&c, "sxkn GIF if");
    CHECK(verdicts(&c, 1, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_SLOW && v[0].slow_ms == 50 && v[0].side == TLSX_SERVER);
    CHECK(ms_of(v[0].wait) == 100 && ms_of(v[0].network) == 30);
    CHECK(ms_of(v[0].processing) == 70 && v[0].handshake == 1);
    /* The rest of its flight waited as long: one verdict for the wait;
     * the client's answer 10 ms later is no slow one. */
    CHECK(!others_have_verdicts(&c, 1));
}

/* TLS 1.3 needs one round trip; a HelloRetryRequest costs a second. */
static void test_extra_rtt_hrr(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS13);
    play(&c, "C j IC ");
    tlsx_event sh = message(&c, 's');
    sh.group = 0x001d;
    feed(&c, sh);
    play(&c, "oxyf F");
    const unsigned last = c.n - 1;
    CHECK(c.facts[1].summary.complete && c.facts[1].summary.rtts == 2);
    CHECK(verdicts(&c, last, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_EXTRA_RTT && v[0].rtts == 2 && v[0].needed == 1);
    CHECK(v[0].hrr && v[0].group_known && v[0].group == 0x001d);
    CHECK(v[0].handshake == 1 && v[0].side == TLSX_CLIENT);
    CHECK(!others_have_verdicts(&c, (int)last));
}

/* The server's first flight stalled on its congestion window (the glue
 * told the model, tlsx_handshake_note_stall()): TLS 1.2 full takes three
 * round trips, one of them the CWND advice's to tell, not the extra round
 * trip's warning.  With a HelloRetryRequest too, the round trip it cost is
 * still one more than the stall explains: the verdict stays (the tree
 * leaves it to the HRR advice). */
static void test_extra_rtt_stall(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C sxkn");
    CHECK(tlsx_handshake_note_stall(&c.hs));
    CHECK(!tlsx_handshake_note_stall(&c.hs)); /* once */
    play(&c, " GIF if");
    unsigned last = c.n - 1;
    CHECK(c.facts[1].summary.complete && c.facts[1].summary.rtts == 3);
    CHECK(c.facts[1].summary.told & TLSX_TOLD_STALL);
    CHECK(verdicts(&c, last, false, v) == 0);
    CHECK(!others_have_verdicts(&c, -1));

    start(&c, TLSX_VERSION_TLS13);
    play(&c, "C j IC ");
    play(&c, "s");
    CHECK(tlsx_handshake_note_stall(&c.hs));
    play(&c, "oxyf F");
    last = c.n - 1;
    CHECK(c.facts[1].summary.complete && c.facts[1].summary.rtts == 3);
    CHECK(verdicts(&c, last, false, v) == 1);
    CHECK(v[0].kind == TLSX_VERDICT_EXTRA_RTT && v[0].rtts == 3 && v[0].needed == 1 && v[0].hrr);
}

/* Without a HelloRetryRequest: the client's compatibility ChangeCipherSpec
 * sent between the server's Hello and the rest of its flight is a flight of
 * its own, but the server answers nothing with the rest of its flight: one
 * round trip, no verdict. */
static void test_extra_rtt_without_hrr(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS13);
    play(&c, "C s I oxyf F");
    CHECK(c.facts[1].summary.complete && c.facts[1].summary.rtts == 1);
    CHECK(!others_have_verdicts(&c, -1));

    /* A handshake that failed took what it took: no verdict on that. */
    start(&c, TLSX_VERSION_TLS13);
    play(&c, "C s I o");
    feed(&c, alert(TLSX_SERVER, 100, TLSX_ALERT_FATAL, 40));
    CHECK(c.facts[1].summary.rtts == 1 && !c.facts[1].summary.complete);
    CHECK(verdicts(&c, c.n - 1, true, v) == 1 && v[0].kind == TLSX_VERDICT_ALERT_ENDED);
}

/* Several verdicts on one step come in the order they are shown. */
static void test_verdict_order(void)
{
    capture c;
    tlsx_verdict v[TLSX_VERDICTS_MAX];
    start(&c, TLSX_VERSION_TLS12);
    c.hs.slow_ms = 50;
    play(&c, "C");
    c.ms = 200;
    play(&c, "sxk");
    c.ms = 100; /* before the server's flight, and 100 ms after the Client Hello */
    play(&c, "G");
    CHECK(verdicts(&c, 4, true, v) == 3);
    CHECK(v[0].kind == TLSX_VERDICT_MISSING && v[0].message == TLSX_HS_SERVER_HELLO_DONE);
    CHECK(v[1].kind == TLSX_VERDICT_INCOMPLETE && v[1].message == TLSX_MSG_CCS);
    CHECK(v[2].kind == TLSX_VERDICT_TIME_BACKWARDS);
}

static void explain(const tlsx_step *st, uint8_t transport, int upgrade, tlsx_explanation *e)
{
    memset(e, 0xa5, sizeof *e); /* every field is set */
    tlsx_explanation_of(st, transport, upgrade, e);
}

static bool part_is(const tlsx_explanation *e, unsigned i, tlsx_part_kind kind, unsigned value)
{
    return i < e->count && e->parts[i].kind == kind && e->parts[i].value == value;
}

/* The first step says what upgraded the connection before the message,
 * and what carries the handshake after it; other steps say the message. */
static void test_explanation_parts(void)
{
    capture c;
    tlsx_explanation e;
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C s");
    explain(&c.steps[0], TLSX_TRANSPORT_TCP, -1, &e);
    CHECK(e.count == 1 && e.is_static && part_is(&e, 0, TLSX_PART_KEY, TLSX_EX_CLIENT_HELLO));
    explain(&c.steps[0], TLSX_TRANSPORT_TCP, TLSX_EX_UPGRADE_SMTP, &e);
    CHECK(e.count == 2 && !e.is_static && part_is(&e, 0, TLSX_PART_KEY, TLSX_EX_UPGRADE_SMTP));
    CHECK(part_is(&e, 1, TLSX_PART_KEY, TLSX_EX_CLIENT_HELLO));
    explain(&c.steps[0], TLSX_TRANSPORT_DTLS, -1, &e);
    CHECK(e.count == 2 && !e.is_static && part_is(&e, 0, TLSX_PART_KEY, TLSX_EX_CLIENT_HELLO));
    CHECK(part_is(&e, 1, TLSX_PART_KEY, TLSX_EX_CONTEXT_DTLS));
    explain(&c.steps[0], TLSX_TRANSPORT_QUIC, -1, &e);
    CHECK(e.count == 2 && part_is(&e, 1, TLSX_PART_KEY, TLSX_EX_CONTEXT_QUIC));
    /* Not the first step: the message alone, whatever the connection. */
    explain(&c.steps[1], TLSX_TRANSPORT_QUIC, TLSX_EX_UPGRADE_FTP, &e);
    CHECK(e.count == 1 && e.is_static && part_is(&e, 0, TLSX_PART_KEY, TLSX_EX_SERVER_HELLO));
}

/* An alert with a level: what an alert of it does, then its description;
 * an encrypted one has no description. */
static void test_explanation_of_alerts(void)
{
    capture c;
    tlsx_explanation e;
    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C");
    feed(&c, alert(TLSX_SERVER, 10, TLSX_ALERT_FATAL, 40));
    explain(&c.steps[1], TLSX_TRANSPORT_TCP, -1, &e);
    CHECK(e.count == 2 && !e.is_static && part_is(&e, 0, TLSX_PART_KEY, TLSX_EX_ALERT_FATAL));
    CHECK(part_is(&e, 1, TLSX_PART_ALERT, 40));

    /* An alert as the first step of what the model saw: all four parts. */
    tlsx_step first = c.steps[1];
    first.step = 1;
    explain(&first, TLSX_TRANSPORT_DTLS, TLSX_EX_UPGRADE_IMAP, &e);
    CHECK(e.count == 4 && part_is(&e, 0, TLSX_PART_KEY, TLSX_EX_UPGRADE_IMAP));
    CHECK(part_is(&e, 1, TLSX_PART_KEY, TLSX_EX_ALERT_FATAL));
    CHECK(part_is(&e, 2, TLSX_PART_ALERT, 40));
    CHECK(part_is(&e, 3, TLSX_PART_KEY, TLSX_EX_CONTEXT_DTLS));

    start(&c, TLSX_VERSION_TLS12);
    play(&c, "C");
    feed(&c, alert(TLSX_SERVER, 10, 0, 0));
    explain(&c.steps[1], TLSX_TRANSPORT_TCP, -1, &e);
    CHECK(e.count == 1 && e.is_static && part_is(&e, 0, TLSX_PART_KEY, TLSX_EX_ALERT_ENCRYPTED));
}

int main(void)
{
    test_clean_handshake();
    test_missing_and_misplaced();
    test_wrong_side();
    test_abandoned();
    test_duplicate();
    test_mid_capture();
    test_incomplete();
    test_alert_ended();
    test_alert_overturns();
    test_time_backwards();
    test_slow();
    test_extra_rtt_hrr();
    test_extra_rtt_stall();
    test_extra_rtt_without_hrr();
    test_verdict_order();
    test_explanation_parts();
    test_explanation_of_alerts();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
