/* test_kinds.c: unit tests of every kind of handshake the model tells apart,
 * its summary, and what it flags.
 *
 * Each test writes a handshake as a string of messages, one letter per
 * message in Zeek's ssl_history notation (client upper case, server lower
 * case), feeds it and checks the steps and the summary.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "tlsx_alert.h"
#include "tlsx_cipher.h"
#include "tlsx_curl.h"
#include "tlsx_explain.h"
#include "tlsx_handshake.h"

#include "check.h"

/* Options a script's messages take, set on the next message only. */
typedef struct {
    tlsx_handshake hs;
    uint32_t ids;
    int64_t ms;
    uint16_t version;
    uint16_t cipher; /* the Server Hello's suite, 0 unknown */
    tlsx_step last;
    bool dtls;       /* number handshake messages as DTLS does */
    uint16_t seq[2]; /* DTLS: each side's next message_seq */
    int steps, dropped;
    uint32_t ended; /* handshake id whose last step ends it */
} run;

static void start(run *r, uint16_t version)
{
    memset(r, 0, sizeof *r);
    r->version = version;
    r->hs.slow_ms = UINT32_MAX; /* no wait is slow but in test_slow_waits() */
}

static bool feed(run *r, tlsx_event ev)
{
    bool is_step = tlsx_handshake_feed(&r->hs, &r->ids, &ev, &r->last);
    if (is_step) {
        r->steps++;
        if (r->last.ends)
            r->ended = r->last.handshake;
    } else {
        r->dropped++;
    }
    return is_step;
}

/* One message: a letter as in Zeek's history, 'I'/'i' a ChangeCipherSpec,
 * '?' an encrypted handshake record (lower case '.' from the server), each
 * 10 ms after the previous one when the side changes. */
static tlsx_event message(run *r, char c)
{
    const tlsx_side side = (c >= 'a' && c <= 'z') || c == '.' ? TLSX_SERVER : TLSX_CLIENT;
    tlsx_event ev;
    if (c == 'I' || c == 'i') {
        ev = record_event(TLSX_EV_CCS, side, r->ms);
    } else if (c == '?' || c == '.') {
        ev = record_event(TLSX_EV_OPAQUE_HANDSHAKE, side, r->ms);
    } else {
        ev = hs_event(side, zeek_type(c), r->ms);
        if (ev.hs_type == TLSX_HS_CLIENT_HELLO || ev.hs_type == TLSX_HS_SERVER_HELLO)
            ev.version = r->version;
        ev.hrr = c == 'j';
        if (ev.hs_type == TLSX_HS_SERVER_HELLO && !ev.hrr)
            ev.cipher = r->cipher;
        ev.length = 100;
        if (r->dtls) {
            ev.has_seq = true;
            ev.msg_seq = r->seq[side]++;
        }
    }
    return ev;
}

/* Feeds a script; a space between messages moves time on by 10 ms. */
static void play(run *r, const char *script)
{
    for (const char *p = script; *p; p++) {
        if (*p == ' ') {
            r->ms += 10;
            continue;
        }
        feed(r, message(r, *p));
    }
}

static void summarize(run *r, tlsx_summary *s, char *kind, size_t size)
{
    tlsx_handshake_summarize(&r->hs, s);
    tlsx_summary_kind(s, kind, size);
}

/* The document's case: TLS 1.2 full with ECDHE, two round trips. */
static void test_tls12_full(void)
{
    run r;
    tlsx_summary s;
    char kind[64];
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkn GIF if");
    CHECK(r.steps == 10 && r.ended == 1);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.2 full");
    CHECK_STR(s.history, "CsxknGIFif");
    CHECK(s.rtts == 2 && s.complete && !s.resumed && !s.hrr && !s.client_auth && !s.has_alert);
    CHECK(ms_of(s.duration) == 30);
    CHECK(r.last.flight == 4 && r.last.step == 10);
    CHECK(r.last.flags == 0);
}

/* RSA key exchange: no Server Key Exchange, nothing missing. */
static void test_tls12_rsa(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxn G");
    CHECK(r.last.flags == 0);
    play(&r, "IF if");
    CHECK(r.ended == 1 && r.last.flags == 0);
    CHECK_STR(r.hs.history, "CsxnGIFif");
}

/* Resumed by session ID: the Server Hello echoes the client's ID. */
/* TLS 1.2 suites whose server sends no Certificate (RFC 4279 PSK and
 * ECDHE_PSK, anonymous DH, SRP): nothing missing, every step in order.  An
 * RSA suite without the Certificate misses it; a PSK suite that names RSA
 * (RSA_PSK) needs it too. */
static void test_tls12_no_server_certificate(void)
{
    static const struct {
        uint16_t cipher;
        const char *script;
    } ok[] = {
        {0x008C, "C sn GIF if"},  /* TLS_PSK_WITH_AES_128_CBC_SHA */
        {0x008C, "C skn GIF if"}, /* ... with an identity hint */
        {0xC037, "C skn GIF if"}, /* TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256 */
        {0x00AA, "C skn GIF if"}, /* TLS_DHE_PSK_WITH_AES_128_GCM_SHA256 */
        {0x0034, "C skn GIF if"}, /* TLS_DH_anon_WITH_AES_128_CBC_SHA */
        {0xC01D, "C skn GIF if"}, /* TLS_SRP_SHA_WITH_AES_128_CBC_SHA */
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        run r;
        start(&r, TLSX_VERSION_TLS12);
        r.cipher = ok[i].cipher;
        unsigned flags = 0;
        for (const char *p = ok[i].script; *p; p++) {
            if (*p != ' ') {
                feed(&r, message(&r, *p));
                flags |= r.last.flags;
            }
        }
        CHECK(flags == 0 && r.hs.complete && r.ended == 1);
        CHECK(tlsx_handshake_waiting_for(&r.hs) == TLSX_MSG_NONE);
    }

    static const uint16_t need_cert[] = {0x002F /* TLS_RSA_WITH_AES_128_CBC_SHA */,
                                         0x0094 /* TLS_RSA_PSK_WITH_AES_128_CBC_SHA */,
                                         0xC01E /* TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA */, 0};
    for (size_t i = 0; i < sizeof need_cert / sizeof need_cert[0]; i++) {
        run r;
        start(&r, TLSX_VERSION_TLS12);
        r.cipher = need_cert[i];
        play(&r, "C s");
        CHECK(tlsx_handshake_waiting_for(&r.hs) == TLSX_HS_CERTIFICATE);
        play(&r, "n");
        CHECK(r.last.flags == TLSX_FLAG_MISSING && r.last.missing == TLSX_HS_CERTIFICATE);
    }
}

static void test_tls12_resumed_by_id(void)
{
    run r;
    tlsx_summary s;
    char kind[64];
    start(&r, TLSX_VERSION_TLS12);
    tlsx_event ch = message(&r, 'C');
    ch.session_id = 0x1234;
    feed(&r, ch);
    r.ms += 10;
    tlsx_event sh = message(&r, 's');
    sh.session_id = 0x1234;
    feed(&r, sh);
    CHECK(r.last.explain == TLSX_EX_SERVER_HELLO_RESUMED);
    play(&r, "if IF");
    CHECK(r.ended == 1 && r.last.explain == TLSX_EX_CLIENT_FINISHED_RESUMED);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.2 resumed");
    CHECK_STR(s.history, "CsifIF");
    CHECK(s.rtts == 1 && s.resumed && s.complete);
}

/* Resumed by ticket: no echoed ID, but a ticket right after the Server
 * Hello shows it; the server renews the ticket. */
static void test_tls12_resumed_by_ticket(void)
{
    run r;
    tlsx_summary s;
    char kind[64];
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C stif IF");
    CHECK(r.ended == 1 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.2 resumed");
    CHECK_STR(s.history, "CstifIF");
}

/* A full handshake that issues a ticket has it before the server's CCS. */
static void test_tls12_full_with_ticket(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkn GIF tif");
    CHECK(r.ended == 1 && r.steps == 11);
    CHECK(!r.hs.resumed && r.last.flags == 0);
}

/* Client certificate: requested, sent, proven. */
static void test_tls12_client_auth(void)
{
    run r;
    tlsx_summary s;
    char kind[64];
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkrn XGYIF if");
    CHECK(r.ended == 1 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK(s.client_auth);
    CHECK_STR(s.history, "CsxkrnXGYIFif");

    /* Requested but never sent: the client's Key Exchange is flagged. */
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkrn G");
    CHECK(r.last.flags & TLSX_FLAG_MISSING);
    CHECK(r.last.missing == TLSX_HS_CERTIFICATE);
}

/* Out of order: the client's Key Exchange before Server Hello Done. */
static void test_missing_and_out_of_order(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxk G");
    CHECK(r.last.flags == TLSX_FLAG_MISSING);
    CHECK(r.last.missing == TLSX_HS_SERVER_HELLO_DONE);
    CHECK(r.last.step == 5);
    CHECK(tlsx_handshake_waiting_for(&r.hs) == TLSX_MSG_CCS);
    play(&r, " n");
    CHECK(r.last.flags == TLSX_FLAG_UNEXPECTED && r.last.step == 6);

    /* A message foreign to TLS 1.2. */
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C so");
    CHECK(r.last.flags == TLSX_FLAG_UNEXPECTED);

    /* What a stalled handshake waits for. */
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxk");
    CHECK(tlsx_handshake_waiting_for(&r.hs) == TLSX_HS_SERVER_HELLO_DONE);
    CHECK_STR(tlsx_sequence_msg_name(TLSX_HS_SERVER_HELLO_DONE), "Server Hello Done");
}

/* The same message twice is counted once and flagged. */
static void test_duplicates(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sx");
    play(&r, "x");
    CHECK(r.last.flags == TLSX_FLAG_DUPLICATE && r.last.step == 0);
    play(&r, "kn GIF if");
    CHECK(r.ended == 1 && r.hs.steps == 10);
    CHECK_STR(r.hs.history, "CsxknGIFif");

    /* A Client Hello seen twice (a duplicated frame) is no new handshake. */
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C");
    play(&r, "C");
    CHECK(r.last.flags == TLSX_FLAG_DUPLICATE && r.last.handshake == 1 && r.last.step == 0);
}

/* A second, different Client Hello mid-handshake abandons the first. */
static void test_second_client_hello(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C");
    tlsx_event ch = message(&r, 'C');
    ch.length = 200;
    feed(&r, ch);
    CHECK(r.last.handshake == 2 && r.last.step == 1);
    CHECK(r.last.flags == TLSX_FLAG_ABANDONS);

    /* The server never sends a Client Hello. */
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C c");
    CHECK(r.last.handshake == 1 && (r.last.flags & TLSX_FLAG_WRONG_SIDE));
}

/* TLS 1.3 with keys, and a HelloRetryRequest: two round trips. */
static void test_tls13_hrr(void)
{
    run r;
    tlsx_summary s;
    char kind[64];
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C ji");
    CHECK(r.last.kind == TLSX_STEP_CCS && r.last.explain == TLSX_EX_COMPAT_CCS_TLS13);
    play(&r, " IC");
    CHECK(r.last.explain == TLSX_EX_CLIENT_HELLO_RETRY && r.last.handshake == 1);
    CHECK(r.last.flags == 0);
    play(&r, " soxyf F");
    CHECK(r.ended == 1 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.3 HelloRetryRequest");
    CHECK_STR(s.history, "CjiICsoxyfF");
    CHECK(s.rtts == 2 && s.hrr && s.complete);

    /* The HelloRetryRequest step itself. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C j");
    /* Its extensions were not read: it does not say what it asked for. */
    CHECK(r.last.hrr && r.last.explain == TLSX_EX_HELLO_RETRY_REQUEST_UNKNOWN);
    CHECK_STR(tlsx_step_name(&r.last), "Hello Retry Request");
    char curl[128];
    CHECK(tlsx_curl_line(curl, sizeof curl, (tlsx_step_kind)r.last.kind, r.last.hs_type,
                         (tlsx_side)r.last.side, r.last.version));
    CHECK_STR(curl, "TLSv1.3 (IN), TLS handshake, Server hello (2):");
}

/* TLS 1.3 full, PSK resumption, client certificates, 0-RTT. */
static void test_tls13_kinds(void)
{
    run r;
    tlsx_summary s;
    char kind[64];

    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C sioxyf IF");
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.3 full");
    CHECK(s.rtts == 1 && r.ended == 1 && r.last.flags == 0);

    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C");
    r.ms += 10;
    tlsx_event sh = message(&r, 's');
    sh.psk = true;
    feed(&r, sh);
    CHECK(r.last.explain == TLSX_EX_SERVER_HELLO_PSK);
    play(&r, "of F");
    CHECK(r.ended == 1 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.3 PSK resumption");
    CHECK(s.resumed);

    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C sorxyf XYF");
    CHECK(r.ended == 1 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK(s.client_auth);
    CHECK_STR(kind, "TLS 1.3 full");

    /* 0-RTT with keys: the client's compatibility CCS comes before the Server
     * Hello, End of Early Data in its second flight. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "CI");
    CHECK(r.last.explain == TLSX_EX_COMPAT_CCS_TLS13);
    r.ms += 10;
    sh = message(&r, 's');
    sh.psk = true;
    feed(&r, sh);
    play(&r, "of EF");
    CHECK(r.ended == 1 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.3 0-RTT");
    CHECK_STR(s.history, "CIsofEF");

    /* 0-RTT without keys: application data before the Server Hello. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C");
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 1)));
    CHECK(r.hs.early_data);
}

/* Tickets and key updates after a TLS 1.3 handshake are no steps. */
static void test_tls13_post_handshake(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C soxyf F t");
    CHECK(r.last.step == 0 && r.last.explain == TLSX_EX_NEW_SESSION_TICKET_TLS13);
    play(&r, " P");
    CHECK(r.last.step == 0 && r.last.explain == TLSX_EX_KEY_UPDATE);
    CHECK(r.hs.steps == 7 && r.ids == 1);
}

/* A fatal alert ends the handshake; a warning does not. */
static void test_alerts(void)
{
    run r;
    tlsx_summary s;
    char kind[64], curl[128];

    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C");
    tlsx_event alert = record_event(TLSX_EV_ALERT, TLSX_SERVER, 10);
    alert.alert_level = TLSX_ALERT_FATAL;
    alert.alert_desc = 40;
    CHECK(feed(&r, alert));
    CHECK(r.last.step == 2 && r.last.ends && r.last.explain == TLSX_EX_ALERT_FATAL);
    CHECK_STR(tlsx_step_name(&r.last), "Alert");
    CHECK(tlsx_curl_alert_line(curl, sizeof curl, r.last.alert_level, r.last.alert_desc,
                               (tlsx_side)r.last.side, r.last.version));
    CHECK_STR(curl, "TLSv1.2 (IN), TLS alert, handshake failure (552):");
    summarize(&r, &s, kind, sizeof kind);
    CHECK(!s.complete && s.has_alert && s.alert == 40 && s.rtts == 1);
    CHECK_STR(s.history, "Cl");
    CHECK_STR(kind, "TLS 1.2 full");

    /* A warning (a server without a certificate for the name) goes on. */
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C");
    alert.alert_level = TLSX_ALERT_WARNING;
    alert.alert_desc = 112;
    feed(&r, alert);
    CHECK(!r.last.ends && r.last.explain == TLSX_EX_ALERT_WARNING);
    play(&r, "sxkn GIF if");
    CHECK(r.ended == 1 && r.hs.complete);

    /* TLS 1.3 without keys: a 19-byte record from the client after the
     * server's flight is an alert, not its Finished. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C si");
    tlsx_event rec = record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 20);
    rec.length = 2000;
    feed(&r, rec);
    rec = record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 30);
    rec.length = 19;
    feed(&r, rec);
    CHECK(r.last.kind == TLSX_STEP_ALERT && r.last.ends && r.last.encrypted);
    CHECK(r.last.explain == TLSX_EX_ALERT_ENCRYPTED);
    CHECK_STR(tlsx_step_name(&r.last), "Encrypted Alert");
    CHECK(r.hs.failed && !r.hs.complete && !r.hs.has_alert);

    /* After the handshake, close_notify is a post-handshake note. */
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkn GIF if");
    alert = record_event(TLSX_EV_ALERT, TLSX_CLIENT, 100);
    alert.alert_level = TLSX_ALERT_WARNING;
    alert.alert_desc = 0;
    CHECK(feed(&r, alert));
    CHECK(r.last.step == 0 && !r.last.ends);
}

static tlsx_event alert_event(tlsx_side side, int64_t ms, uint8_t level, uint8_t desc)
{
    tlsx_event ev = record_event(TLSX_EV_ALERT, side, ms);
    ev.alert_level = level;
    ev.alert_desc = desc;
    return ev;
}

/* TLS 1.3: the client's Finished completes the handshake on its side, but a
 * server that asked for a certificate may refuse it then: a fatal alert
 * from it before anything else fails the handshake, as its last step. */
static void test_refused_after_the_last_finished(void)
{
    run r;
    tlsx_summary s;
    char kind[64];

    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C siorxyf IXF");
    CHECK(r.ended == 1 && r.hs.complete && r.hs.last_finisher == TLSX_CLIENT);
    /* The client's first application data changes nothing. */
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 20)));
    CHECK(feed(&r, alert_event(TLSX_SERVER, 21, TLSX_ALERT_FATAL, 116)));
    CHECK(r.last.step == 12 && r.last.ends && r.last.flight == 4);
    CHECK(r.last.flags == TLSX_FLAG_OVERTURNS && r.last.kind == TLSX_STEP_ALERT);
    CHECK(ms_of(r.last.since_peer) == 1); /* since the client's application data */
    summarize(&r, &s, kind, sizeof kind);
    CHECK(!s.complete && s.has_alert && s.alert == 116 && s.rtts == 2);
    CHECK_STR(s.history, "CsiorxyfIXFl");
    CHECK(ms_of(s.duration) == 21);

    /* A ticket first: the server took the Finished; a later alert is a
     * post-handshake message. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C siorxyf IXF t");
    CHECK(feed(&r, alert_event(TLSX_SERVER, 40, TLSX_ALERT_FATAL, 116)));
    CHECK(r.last.step == 0 && !r.last.ends && r.hs.complete);
    /* So is its application data. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C siorxyf IXF");
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 25)));
    feed(&r, alert_event(TLSX_SERVER, 40, TLSX_ALERT_FATAL, 40));
    CHECK(r.last.step == 0 && r.hs.complete);
    /* close_notify, user_canceled and an encrypted alert refuse nothing. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C siorxyf IXF");
    feed(&r, alert_event(TLSX_SERVER, 25, TLSX_ALERT_WARNING, 0));
    CHECK(r.last.step == 0 && r.hs.complete);
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C siorxyf IXF");
    feed(&r, alert_event(TLSX_SERVER, 25, 0, 0));
    CHECK(r.last.step == 0 && r.hs.complete);
    /* Nor does the alert of the side that sent the last Finished. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C siorxyf IXF");
    feed(&r, alert_event(TLSX_CLIENT, 25, TLSX_ALERT_FATAL, 80));
    CHECK(r.last.step == 0 && r.hs.complete);
}

/* Both Finished complete a handshake, whatever came first; a close_notify
 * afterwards is no failure. */
static void test_both_finished_complete(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS13);
    /* Out of order (a capture that merged two points of view). */
    play(&r, "C siof IF f");
    CHECK(r.hs.complete);
    feed(&r, alert_event(TLSX_SERVER, 100, TLSX_ALERT_WARNING, 0));
    CHECK(r.hs.complete && !r.hs.failed && r.last.step == 0);
}

static tlsx_event sized_record(tlsx_event_kind kind, tlsx_side side, int64_t ms, uint32_t length)
{
    tlsx_event ev = record_event(kind, side, ms);
    ev.length = length;
    return ev;
}

/* A side that has sent its Finished may close before the other side's
 * Finished comes: nginx answers a request sent as 0-RTT early data, then
 * sends close_notify, and only then come curl's End of Early Data and
 * Finished (curl 8 --tls-earlydata, curl exits 0).  The close_notify is a
 * step that ends nothing; the client's Finished completes the handshake. */
static void test_close_before_the_last_finished(void)
{
    run r;
    tlsx_summary s;
    char kind[64];

    /* With keys: the early data and the response are decrypted, no event. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "CI");
    r.ms = 10;
    tlsx_event sh = message(&r, 's');
    sh.psk = true;
    feed(&r, sh);
    play(&r, "iof");
    CHECK(feed(&r, alert_event(TLSX_SERVER, 12, TLSX_ALERT_WARNING, 0)));
    CHECK(r.last.step == 7 && r.last.flight == 2 && r.last.flags == 0 && !r.last.ends);
    CHECK(r.last.explain == TLSX_EX_ALERT_WARNING);
    CHECK(tlsx_handshake_open(&r.hs) && !r.hs.failed);
    r.ms = 20;
    play(&r, "EF");
    CHECK(r.ended == 1 && r.last.step == 9 && r.last.flags == 0);
    CHECK(r.hs.complete && !r.hs.failed);
    CHECK(ms_of(r.last.since_peer) == 8); /* since the close_notify */
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.3 0-RTT");
    CHECK_STR(s.history, "CIsioflEF");
    CHECK(s.complete && !s.has_alert && s.resumed && s.rtts == 1 && ms_of(s.duration) == 20);
    /* The client's own close_notify afterwards is a post-handshake note. */
    CHECK(feed(&r, alert_event(TLSX_CLIENT, 21, TLSX_ALERT_WARNING, 0)));
    CHECK(r.last.step == 0 && r.hs.complete);

    /* Without the client's Finished the handshake stays open: not failed. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "CI sif");
    feed(&r, alert_event(TLSX_SERVER, 12, TLSX_ALERT_WARNING, 0));
    summarize(&r, &s, kind, sizeof kind);
    CHECK(tlsx_handshake_open(&r.hs) && !s.complete && !s.has_alert && r.ended == 0);
    CHECK_STR(s.history, "CIsifl");

    /* Before its Finished, a side's close_notify ends the handshake; so does
     * a fatal alert after it (early data it could not read). */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "CI sio");
    feed(&r, alert_event(TLSX_SERVER, 12, TLSX_ALERT_WARNING, 0));
    CHECK(r.last.ends && r.hs.failed && r.hs.has_alert && r.hs.alert_desc == 0);
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "CI siof");
    feed(&r, alert_event(TLSX_SERVER, 12, TLSX_ALERT_FATAL, 20));
    CHECK(r.last.ends && r.hs.failed && r.hs.alert_desc == 20);
    play(&r, " EF");
    CHECK(r.last.step == 0 && r.hs.failed && !r.hs.complete);

    /* Without keys, the same capture's records: the early data, the
     * server's flight and response, its 19-byte alert, then the client's
     * End of Early Data (21 bytes) and Finished (69). */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "CI");
    CHECK(!feed(&r, sized_record(TLSX_EV_APP_DATA, TLSX_CLIENT, 0, 120)));
    r.ms = 10;
    sh = message(&r, 's');
    sh.psk = true;
    feed(&r, sh);
    play(&r, "i");
    CHECK(feed(&r, sized_record(TLSX_EV_APP_DATA, TLSX_SERVER, 10, 46)));
    CHECK(feed(&r, sized_record(TLSX_EV_APP_DATA, TLSX_SERVER, 10, 69)));
    CHECK(feed(&r, sized_record(TLSX_EV_APP_DATA, TLSX_SERVER, 11, 165)));
    CHECK(feed(&r, sized_record(TLSX_EV_APP_DATA, TLSX_SERVER, 12, 19)));
    CHECK(r.last.kind == TLSX_STEP_ALERT && r.last.encrypted && !r.last.ends);
    CHECK(r.last.step == 8 && r.last.flags == 0);
    CHECK(r.last.explain == TLSX_EX_ALERT_ENCRYPTED_AFTER_FINISHED);
    CHECK(tlsx_handshake_open(&r.hs));
    CHECK(feed(&r, sized_record(TLSX_EV_APP_DATA, TLSX_CLIENT, 20, 21)));
    CHECK(r.ended == 1 && r.last.step == 9 && r.last.kind == TLSX_STEP_ENCRYPTED_RECORD);
    CHECK(!feed(&r, sized_record(TLSX_EV_APP_DATA, TLSX_CLIENT, 20, 69)));
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.3 0-RTT");
    CHECK_STR(s.history, "CIsil");
    CHECK(s.complete && s.encrypted && !s.has_alert && s.rtts == 1 && ms_of(s.duration) == 20);

    /* TLS 1.2 without keys: a server that resumed a session sends its
     * Finished first; its encrypted alert after it ends nothing either. */
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C s");
    tlsx_event ccs = record_event(TLSX_EV_CCS, TLSX_SERVER, 10);
    feed(&r, ccs);
    feed(&r, record_event(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_SERVER, 10));
    CHECK(r.hs.resumed && r.hs.finished[TLSX_SERVER]);
    feed(&r, alert_event(TLSX_SERVER, 11, 0, 0));
    CHECK(r.last.step == 5 && !r.last.ends &&
          r.last.explain == TLSX_EX_ALERT_ENCRYPTED_AFTER_FINISHED);
    play(&r, " I?");
    CHECK(r.ended == 1 && r.hs.complete && !r.hs.failed);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.2 resumed");
    CHECK_STR(s.history, "CsiflIF");
}

/* After the end, a message's wait counts from the peer's last record,
 * application data included: a server's close_notify that answers the
 * client's request waited for the request, not for the client's Finished. */
static void test_wait_after_the_handshake(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkn GIF if"); /* the server's Finished at 30 ms */
    CHECK(tlsx_handshake_reads_app_data(&r.hs));
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 31)));
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 200)));
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 301)));
    CHECK(feed(&r, alert_event(TLSX_SERVER, 303, TLSX_ALERT_WARNING, 0)));
    CHECK(r.last.step == 0 && ms_of(r.last.since_peer) == 103);
    CHECK(ms_of(r.last.since_prev) == 273); /* since the handshake's last message */
    CHECK(tlsx_handshake_reads_app_data(&r.hs));
}

/* One warning per slow wait: the first step of a flight that waited longer
 * than slow_ms, not every step of it. */
static void test_slow_waits(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    r.hs.slow_ms = 50;
    play(&r, "C");
    r.ms = 40; /* 40 ms: not slow */
    play(&r, "s");
    CHECK(r.last.flags == 0);
    r.ms = 60; /* the same flight, 60 ms after the Client Hello: slow */
    feed(&r, message(&r, 'x'));
    CHECK(r.last.flags == TLSX_FLAG_SLOW && r.last.flight == 2);
    play(&r, "kn");
    CHECK(r.last.flags == 0 && r.last.flight == 2);
    start(&r, TLSX_VERSION_TLS12);
    r.hs.slow_ms = 50;
    play(&r, "C");
    r.ms = 100;
    feed(&r, message(&r, 's'));
    CHECK(r.last.flags == TLSX_FLAG_SLOW && r.last.flight == 2);
    play(&r, "xkn");
    CHECK(r.last.flags == 0 && r.last.flight == 2);
    r.ms = 150; /* exactly 50 ms: not over */
    play(&r, "GIF");
    CHECK(r.last.flags == 0);
    r.ms = 200;
    feed(&r, message(&r, 'i'));
    CHECK(r.last.flags == 0); /* 50 ms since the client's Finished */
    r.ms = 201;
    feed(&r, message(&r, 'f'));
    CHECK(r.last.flags == TLSX_FLAG_SLOW && r.last.flight == 4);
}

/* Renegotiation: a HelloRequest or a new Client Hello on a connection whose
 * handshake is complete starts handshake 2; without keys it is a run of
 * encrypted records. */
static void test_renegotiation(void)
{
    run r;
    tlsx_summary s;
    char kind[64];

    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkn GIF if");
    play(&r, " h");
    CHECK(r.last.handshake == 2 && r.last.step == 1 && r.last.flags == 0);
    play(&r, " C");
    CHECK(r.last.handshake == 2 && r.last.step == 2);
    CHECK(r.last.explain == TLSX_EX_CLIENT_HELLO_RENEGOTIATION);
    play(&r, " sxkn GIF if");
    CHECK(r.ended == 2 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.2 renegotiation");
    CHECK_STR(s.history, "hCsxknGIFif");

    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkn GIF if");
    play(&r, " ? . ?I? i.");
    CHECK(r.ended == 2 && r.hs.steps == 7);
    CHECK(r.last.explain == TLSX_EX_SERVER_FINISHED);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.2 renegotiation");
    CHECK(s.encrypted && s.complete);
}

/* A capture that starts mid-handshake is flagged on its first step and not
 * checked against an order it did not see the start of. */
static void test_mid_capture(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "xkn GIF if");
    CHECK(r.hs.mid_capture && r.ended == 1);
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "x");
    CHECK(r.last.flags == TLSX_FLAG_MID_CAPTURE && r.last.step == 1);
    play(&r, "k");
    CHECK(r.last.flags == 0);

    /* The capture starts at the server's ChangeCipherSpec: it opens the
     * handshake, which is flagged as starting mid-capture like any other. */
    start(&r, 0);
    play(&r, "i.");
    CHECK(r.last.handshake == 1 && r.last.step == 2 && r.last.hs_type == TLSX_HS_FINISHED &&
          r.last.encrypted && r.hs.mid_capture);
    CHECK(r.hs.steps == 2 && r.steps == 2);
    play(&r, " I?");
    CHECK(r.ended == 1 && r.hs.steps == 4);
    CHECK_STR(r.hs.history, "ifIF");
    /* ... and its first step has the flag. */
    start(&r, 0);
    play(&r, "i");
    CHECK(r.last.kind == TLSX_STEP_CCS && r.last.flags == TLSX_FLAG_MID_CAPTURE);
}

/* A history longer than its room ends in '+'. */
static void start_dtls(run *r)
{
    start(r, 0xfefd);
    r->dtls = true;
    r->hs.transport = TLSX_TRANSPORT_DTLS;
}

/* Plays a script again with the message numbers it had: a retransmitted
 * flight (from side, its messages numbered from first). */
static void replay(run *r, const char *script, tlsx_side side, uint16_t first)
{
    const uint16_t next = r->seq[side];
    r->seq[side] = first;
    play(r, script);
    r->seq[side] = next;
}

/* DTLS 1.2 with the cookie exchange: three round trips, each message once. */
static void test_dtls_cookie(void)
{
    run r;
    tlsx_summary s;
    char kind[64];
    start_dtls(&r);
    play(&r, "C v C");
    CHECK(r.last.step == 3 && r.last.flags == 0 && r.last.explain == TLSX_EX_CLIENT_HELLO_COOKIE);
    play(&r, "sxkn GIF if");
    CHECK(r.ended == 1 && r.hs.steps == 12 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "DTLS 1.2 full");
    CHECK_STR(s.history, "CvCsxknGIFif");
    CHECK(s.rtts == 3 && s.cookie && s.transport == TLSX_TRANSPORT_DTLS);
    CHECK(tlsx_rtts_needed(s.version, s.variant, s.resumed, s.cookie) == 3);

    /* A stateless server may number its Server Hello from 0 again. */
    start_dtls(&r);
    play(&r, "C v C");
    r.seq[TLSX_SERVER] = 0;
    play(&r, "s");
    CHECK(r.last.step == 4 && r.last.flags == 0);

    /* No cookie: two round trips, as over TCP. */
    start_dtls(&r);
    play(&r, "C sxkn GIF if");
    summarize(&r, &s, kind, sizeof kind);
    CHECK(r.ended == 1 && s.rtts == 2 && !s.cookie);
}

/* Retransmitted flights are repeats: never a new step or handshake. */
static void test_dtls_retransmissions(void)
{
    run r;
    start_dtls(&r);
    play(&r, "C");
    replay(&r, " C", TLSX_CLIENT, 0); /* no answer yet: the Client Hello again */
    CHECK(r.last.handshake == 1 && r.last.step == 0 && r.last.flags == TLSX_FLAG_DUPLICATE);
    play(&r, " sxkn");
    replay(&r, "sxkn", TLSX_SERVER, 0);
    CHECK(r.last.step == 0 && r.last.flags == TLSX_FLAG_DUPLICATE && r.hs.steps == 5);
    play(&r, " GIF if");
    CHECK(r.ended == 1 && r.hs.steps == 10);
    /* The server's last flight was lost: the client sends its flight
     * again, after the handshake is over at the server. */
    replay(&r, " GIF", TLSX_CLIENT, 1);
    CHECK(r.last.step == 0 && (r.last.flags & TLSX_FLAG_DUPLICATE) && r.last.handshake == 1);
    CHECK(r.hs.steps == 10 && r.ids == 1);
    CHECK_STR(r.hs.history, "CsxknGIFif");

    /* Without keys, the Finished again after the side's own Finished. */
    start_dtls(&r);
    play(&r, "C sxkn G I?");
    play(&r, " I?"); /* before the server answered */
    CHECK(r.last.flags == TLSX_FLAG_DUPLICATE && r.last.hs_type == TLSX_HS_FINISHED);
    play(&r, " i.");
    CHECK(r.ended == 1 && r.hs.steps == 10);
    play(&r, " I?");
    CHECK(r.last.flags == TLSX_FLAG_DUPLICATE && r.last.hs_type == TLSX_HS_FINISHED &&
          r.last.encrypted && r.hs.steps == 10);
}

/* Fragments of one message: a step at the first, nothing at the others. */
static void test_dtls_fragments(void)
{
    run r;
    start_dtls(&r);
    play(&r, "C s");
    tlsx_event frag = message(&r, 'x');
    frag.partial = true;
    CHECK(feed(&r, frag) && r.last.step == 3);

    CHECK(!feed(&r, frag));

    CHECK(!feed(&r, frag));
    play(&r, "kn GIF if");
    CHECK(r.ended == 1 && r.hs.steps == 10 && r.last.flags == 0);
}

/* TLS 1.3 without keys, as lossy captures and clients in a hurry leave it. */
static void test_tls13_without_keys_lossy(void)
{
    run r;
    tlsx_summary s;
    char kind[64];

    /* The client's compatibility CCS, sent as soon as the Server Hello came
     * and before the server's encrypted flight: a flight of its own, but no
     * round trip, since the server answers nothing with its flight. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C s I");
    CHECK(r.last.kind == TLSX_STEP_CCS && r.last.flight == 3 && r.last.flags == 0);
    for (int i = 0; i < 3; i++)
        CHECK(feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 30)) && r.last.flight == 4);
    CHECK(feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 40)));
    CHECK(r.last.kind == TLSX_STEP_ENCRYPTED_RECORD && r.last.flight == 5 && r.last.flags == 0);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.3 full");
    CHECK(s.complete && s.rtts == 1 && r.ended == 1);

    /* The segments of the server's encrypted flight were not captured: the
     * client's first encrypted record after the Server Hello still carries
     * its Finished (a client encrypts nothing before it has the server's),
     * and tells what is missing; the server's later records are no steps. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C s I");
    CHECK(feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 20)));
    CHECK(r.last.kind == TLSX_STEP_ENCRYPTED_RECORD && r.last.step == 4 && r.last.ends);
    CHECK(r.last.flags == TLSX_FLAG_MISSING && r.last.missing == TLSX_HS_ENCRYPTED_EXTENSIONS);
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 30)));
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 40)));
    summarize(&r, &s, kind, sizeof kind);
    CHECK(s.complete && s.rtts == 1 && r.hs.steps == 4 && ms_of(s.duration) == 20);

    /* After a HelloRetryRequest the client has no Server Hello yet. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C j");
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 20)));
    CHECK(tlsx_handshake_open(&r.hs));
}

/* A capture of the client's side only: its Client Hello offers TLS 1.3 to
 * 1.0, no Server Hello comes, and then a ChangeCipherSpec and an encrypted
 * record of the handshake's own type, which only TLS <= 1.2 sends: the
 * client's Finished of a resumed session.  No version is claimed, no early
 * data, and its close_notify fails nothing. */
static void test_client_side_only(void)
{
    run r;
    tlsx_summary s;
    char kind[64];
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C I?");
    CHECK(r.last.kind == TLSX_STEP_HANDSHAKE && r.last.hs_type == TLSX_HS_FINISHED &&
          r.last.encrypted && r.last.step == 3 && r.last.version == 0);
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 20)));
    CHECK(feed(&r, alert_event(TLSX_CLIENT, 30, 0, 0)));
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS resumed");
    CHECK(s.version == 0 && !s.complete && !r.hs.failed && !r.hs.early_data);
    CHECK_STR(s.history, "CIFL");

    /* The same alert record before any ChangeCipherSpec tells nothing. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C");
    CHECK(!feed(&r, record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 10)));
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "TLS 1.3 0-RTT");
}

/* Encrypted Client Hello, as far as a capture tells: offered (real or
 * GREASE alike), answered with retry configurations, or confirmed by a
 * HelloRetryRequest. */
static void test_ech(void)
{
    run r;
    tlsx_summary s;
    char kind[64];

    start(&r, TLSX_VERSION_TLS13);
    tlsx_event ch = message(&r, 'C');
    ch.hello.ech = TLSX_ECH_OUTER;
    feed(&r, ch);
    play(&r, " s");
    summarize(&r, &s, kind, sizeof kind);
    CHECK(s.ech == TLSX_ECH_OFFERED);
    tlsx_event ee = message(&r, 'o');
    ee.decrypted = true;
    ee.hello.ech = TLSX_ECH_SERVER;
    feed(&r, ee);
    summarize(&r, &s, kind, sizeof kind);
    CHECK(s.ech == TLSX_ECH_RETRY_CONFIGS && r.last.flags == 0);

    start(&r, TLSX_VERSION_TLS13);
    feed(&r, ch);
    tlsx_event hrr = message(&r, 'j');
    hrr.hello.ech = TLSX_ECH_SERVER;
    feed(&r, hrr);
    summarize(&r, &s, kind, sizeof kind);
    CHECK(s.ech == TLSX_ECH_ACCEPTED);

    /* No ECH offered: the server's extension changes nothing. */
    start(&r, TLSX_VERSION_TLS13);
    play(&r, "C s");
    feed(&r, ee);
    summarize(&r, &s, kind, sizeof kind);
    CHECK(s.ech == TLSX_ECH_NOT_OFFERED);
}

/* QUIC without keys: the hellos in Initial packets, then Handshake packets. */
static void test_quic_without_keys(void)
{
    run r;
    tlsx_summary s;
    char kind[64];
    start(&r, TLSX_VERSION_TLS13);
    r.hs.transport = TLSX_TRANSPORT_QUIC;
    play(&r, "C");
    CHECK(!feed(&r, record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_CLIENT, 0)));
    play(&r, " s");
    feed(&r, record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_SERVER, 10));
    CHECK(r.last.step == 3 && r.last.kind == TLSX_STEP_ENCRYPTED_RECORD &&
          r.last.explain == TLSX_EX_ENCRYPTED_SERVER_QUIC);
    feed(&r, record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_SERVER, 11));
    CHECK(r.last.step == 4 && !r.last.ends && tlsx_handshake_reads_app_data(&r.hs));
    /* The client's Handshake packet alone may hold acknowledgements only. */
    CHECK(!feed(&r, record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_CLIENT, 20)));
    CHECK(!feed(&r, record_event(TLSX_EV_QUIC_1RTT, TLSX_SERVER, 20)));
    tlsx_event fin = record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_CLIENT, 20);
    fin.with_1rtt = true;
    feed(&r, fin);
    CHECK(r.last.step == 5 && r.last.ends && r.last.explain == TLSX_EX_ENCRYPTED_CLIENT_QUIC);
    CHECK(tlsx_handshake_reads_app_data(&r.hs)); /* for the waits of later messages */
    CHECK(!feed(&r, record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_SERVER, 30)));
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "QUIC TLS 1.3 full");
    CHECK(s.rtts == 1 && s.complete && s.encrypted);

    /* A Finished sent alone: the client's first 1-RTT packet tells. */
    start(&r, TLSX_VERSION_TLS13);
    r.hs.transport = TLSX_TRANSPORT_QUIC;
    play(&r, "C s");
    feed(&r, record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_SERVER, 10));
    CHECK(!feed(&r, record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_CLIENT, 20)));
    CHECK(feed(&r, record_event(TLSX_EV_QUIC_1RTT, TLSX_CLIENT, 30)) && r.last.ends);

    /* 0-RTT packets after the Client Hello: early data, no step. */
    start(&r, TLSX_VERSION_TLS13);
    r.hs.transport = TLSX_TRANSPORT_QUIC;
    play(&r, "C");
    CHECK(!feed(&r, record_event(TLSX_EV_QUIC_0RTT, TLSX_CLIENT, 0)));
    tlsx_event sh = message(&r, 's');
    sh.psk = true;
    feed(&r, sh);
    summarize(&r, &s, kind, sizeof kind);
    CHECK_STR(kind, "QUIC TLS 1.3 0-RTT");

    /* With keys every message is a step, and the packets add nothing. */
    start(&r, TLSX_VERSION_TLS13);
    r.hs.transport = TLSX_TRANSPORT_QUIC;
    play(&r, "C s");
    tlsx_event ee = message(&r, 'o');
    ee.decrypted = true;
    feed(&r, ee);
    CHECK(!feed(&r, record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_SERVER, 10)));
}

static void test_history_is_bounded(void)
{
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "x"); /* mid-capture: no order to check, every message counts */
    for (int i = 0; i < 40; i++)
        play(&r, " k");
    CHECK(strlen(r.hs.history) == TLSX_HISTORY_MAX);
    CHECK(r.hs.history[TLSX_HISTORY_MAX - 1] == '+');
    CHECK(r.hs.steps == 41);
}

static void test_alert_tables(void)
{
    /* Every description Wireshark 4.0 knows. */
    static const uint8_t known[] = {0,  1,   10,  20,  21,  22,  30,  40,  41,  42,  43,  44,
                                    45, 46,  47,  48,  49,  50,  51,  60,  70,  71,  80,  86,
                                    90, 100, 109, 110, 111, 112, 113, 114, 115, 116, 120, 121};
    for (size_t i = 0; i < sizeof known; i++) {
        CHECK(tlsx_alert_name(known[i]) != NULL);
        CHECK(tlsx_alert_explain(TLSX_LANG_EN, known[i]) != NULL);
        CHECK(tlsx_alert_explain(TLSX_LANG_ZH, known[i]) != NULL);
    }
    /* OpenSSL 3.0 has no name for some of them: curl prints "unknown". */
    CHECK_STR(tlsx_alert_curl_name(116), "unknown");
    CHECK_STR(tlsx_alert_name(48), "Unknown CA");
    CHECK_STR(tlsx_alert_curl_name(48), "unknown CA");
    CHECK(tlsx_alert_name(200) == NULL);
    CHECK_STR(tlsx_alert_curl_name(200), "unknown");
    for (int k = 0; k < TLSX_EX_COUNT; k++) {
        CHECK(tlsx_explain_en[k] != NULL && tlsx_explain_en[k][0] != '\0');
        CHECK(tlsx_explain_zh[k] != NULL && tlsx_explain_zh[k][0] != '\0');
    }
}

/* Every handshake type Wireshark 4.0 names has its own explanation, from
 * either side and in either version. */
static void test_every_type_explained(void)
{
    static const uint8_t known[] = {0,  1,  2,  3,  4,  5,  6,  8,  11, 12, 13,
                                    14, 15, 16, 20, 21, 22, 23, 24, 25, 67};
    for (size_t i = 0; i < sizeof known; i++) {
        for (int side = 0; side < 2; side++) {
            for (int tls13 = 0; tls13 < 2; tls13++) {
                tlsx_explain_key k =
                    tlsx_message_explain_key(TLSX_STEP_HANDSHAKE, known[i], (tlsx_side)side, tls13);
                CHECK(k != TLSX_EX_UNKNOWN && k < TLSX_EX_COUNT);
            }
        }
        CHECK(strcmp(tlsx_message_name(TLSX_STEP_HANDSHAKE, known[i]),
                     "Unknown handshake message") != 0);
    }
}

static tlsx_time t_of(int64_t secs, int32_t nsecs)
{
    tlsx_time t = {secs, nsecs};
    return t;
}

/* The TCP handshake's baseline and the split of a wait, with time stamps
 * that cross second boundaries and days. */
static void test_timing_core(void)
{
    tlsx_baseline b;
    tlsx_time net, proc;

    /* At the client: the SYN/ACK comes 56 ms after the SYN, across a second. */
    CHECK(
        tlsx_baseline_from_tcp(t_of(99, 980000000), t_of(100, 36000000), t_of(100, 36050000), &b));
    CHECK(b.known && !b.estimated);
    CHECK(b.rtt.secs == 0 && b.rtt.nsecs == 56050000);
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_CLIENT);
    CHECK_STR(tlsx_capture_point_name(tlsx_capture_point_of(&b)), "client");
    tlsx_split_wait(&b, TLSX_SERVER, t_of(0, 57500000), &net, &proc);
    CHECK(net.secs == 0 && net.nsecs == 56000000 && proc.nsecs == 1500000);
    tlsx_split_wait(&b, TLSX_CLIENT, t_of(0, 2000000), &net, &proc);
    CHECK(net.nsecs == 50000 && proc.nsecs == 1950000);
    /* A wait shorter than the round trip is all network, never negative. */
    tlsx_split_wait(&b, TLSX_SERVER, t_of(0, 1000), &net, &proc);
    CHECK(net.nsecs == 1000 && proc.secs == 0 && proc.nsecs == 0);
    /* A wait of days splits exactly. */
    tlsx_split_wait(&b, TLSX_SERVER, t_of(3 * 86400, 5), &net, &proc);
    CHECK(net.nsecs == 56000000);
    CHECK(proc.secs == 3 * 86400 - 1 && proc.nsecs == 944000005);

    /* At the server, and between. */
    CHECK(tlsx_baseline_from_tcp(t_of(5, 0), t_of(5, 40000), t_of(5, 56040000), &b));
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_SERVER);
    CHECK(tlsx_baseline_from_tcp(t_of(5, 0), t_of(5, 30000000), t_of(5, 56000000), &b));
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_BETWEEN);

    /* Out of order: no baseline, no network time. */
    CHECK(!tlsx_baseline_from_tcp(t_of(5, 0), t_of(4, 0), t_of(6, 0), &b));
    CHECK(!b.known && tlsx_capture_point_of(&b) == TLSX_AT_UNKNOWN);
    tlsx_split_wait(&b, TLSX_SERVER, t_of(1, 0), &net, &proc);
    CHECK(net.secs == 0 && net.nsecs == 0 && proc.secs == 1);

    /* Estimated from TLS answers. */
    tlsx_baseline_estimate(t_of(0, 60000000), t_of(0, 1000000), &b);
    CHECK(b.known && b.estimated && tlsx_capture_point_of(&b) == TLSX_AT_CLIENT);
    /* The shares' edges: four fifths exactly is at the client, one fifth
     * at the server. */
    tlsx_baseline_estimate(t_of(0, 4000000), t_of(0, 1000000), &b);
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_CLIENT);
    tlsx_baseline_estimate(t_of(0, 3999999), t_of(0, 1000000), &b);
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_BETWEEN);
    tlsx_baseline_estimate(t_of(0, 1000000), t_of(0, 4000000), &b);
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_SERVER);
    tlsx_baseline_estimate(t_of(0, 1000001), t_of(0, 4000000), &b);
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_BETWEEN);

    /* Hostile time stamps: answers of 10^15 s and more are summed and split
     * exactly (they were capped at 4 * 10^9 s), the sum saturates. */
    tlsx_baseline_estimate(t_of(1000000000000000, 0), t_of(1000000000000000, 1), &b);
    CHECK(b.known && b.rtt.secs == 2000000000000000 && b.rtt.nsecs == 1);
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_BETWEEN);
    tlsx_split_wait(&b, TLSX_SERVER, t_of(3000000000000000, 5), &net, &proc);
    CHECK(net.secs == 1000000000000000 && net.nsecs == 0);
    CHECK(proc.secs == 2000000000000000 && proc.nsecs == 5);
    tlsx_baseline_estimate(t_of(INT64_MAX, 999999999), t_of(0, 1), &b);
    CHECK(b.rtt.secs == INT64_MAX && b.rtt.nsecs == 999999999);
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_CLIENT);
    tlsx_split_wait(&b, TLSX_SERVER, t_of(INT64_MAX, 999999999), &net, &proc);
    CHECK(net.secs == INT64_MAX && proc.secs == 0 && proc.nsecs == 0);
    tlsx_baseline_estimate(t_of(INT64_MAX / 4, 0), t_of(INT64_MAX, 0), &b);
    CHECK(tlsx_capture_point_of(&b) == TLSX_AT_SERVER);

    /* Round trips a kind needs. */
    CHECK(tlsx_rtts_needed(TLSX_VERSION_TLS12, TLSX_VARIANT_FULL, false, false) == 2);
    CHECK(tlsx_rtts_needed(TLSX_VERSION_TLS12, TLSX_VARIANT_RESUMED, true, false) == 1);
    CHECK(tlsx_rtts_needed(TLSX_VERSION_TLS13, TLSX_VARIANT_HRR, false, false) == 1);

    /* In the model: a step's split adds up, estimated without TCP. */
    run r;
    start(&r, TLSX_VERSION_TLS12);
    play(&r, "C sxkn");
    tlsx_baseline none, used;
    memset(&none, 0, sizeof none);
    tlsx_handshake_split(&r.hs, &none, &r.last, &used);
    CHECK(used.estimated);
    CHECK(r.last.has_split && r.last.split_estimated);
    CHECK(r.last.network.nsecs + r.last.processing.nsecs == r.last.since_peer.nsecs);
}

static void test_ciphers(void)
{
    char line[128];
    CHECK_STR(tlsx_cipher_openssl_name(0xC02F), "ECDHE-RSA-AES128-GCM-SHA256");
    CHECK(tlsx_curl_summary_line(line, sizeof line, TLSX_VERSION_TLS12, 0xC02F, NULL));
    CHECK_STR(line, "SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256");
    CHECK(tlsx_curl_summary_line(line, sizeof line, TLSX_VERSION_TLS13, 0x1302, NULL));
    CHECK_STR(line, "SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384");
    CHECK(tlsx_curl_summary_line(line, sizeof line, TLSX_VERSION_TLS12, 0xFFFE, "TLS_X"));
    CHECK_STR(line, "SSL connection using TLSv1.2 / TLS_X");
    CHECK(!tlsx_curl_summary_line(line, sizeof line, TLSX_VERSION_TLS12, 0xFFFE, NULL));
    CHECK_STR(tlsx_cipher_key_exchange("TLS_RSA_WITH_AES_128_GCM_SHA256"), "RSA");
    CHECK_STR(tlsx_cipher_key_exchange("TLS_RSA_PSK_WITH_AES_128_GCM_SHA256"), "RSA_PSK");
    CHECK_STR(tlsx_cipher_key_exchange("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"), "DHE");
    CHECK(tlsx_cipher_key_exchange("TLS_AES_128_GCM_SHA256") == NULL);
    CHECK(tlsx_cipher_key_exchange(NULL) == NULL);
}

int main(void)
{
    test_tls12_full();
    test_tls12_rsa();
    test_tls12_no_server_certificate();
    test_tls12_resumed_by_id();
    test_tls12_resumed_by_ticket();
    test_tls12_full_with_ticket();
    test_tls12_client_auth();
    test_missing_and_out_of_order();
    test_duplicates();
    test_second_client_hello();
    test_tls13_hrr();
    test_tls13_kinds();
    test_tls13_post_handshake();
    test_alerts();
    test_renegotiation();
    test_mid_capture();
    test_dtls_cookie();
    test_dtls_retransmissions();
    test_dtls_fragments();
    test_tls13_without_keys_lossy();
    test_client_side_only();
    test_ech();
    test_quic_without_keys();
    test_refused_after_the_last_finished();
    test_both_finished_complete();
    test_close_before_the_last_finished();
    test_wait_after_the_handshake();
    test_slow_waits();
    test_history_is_bounded();
    test_alert_tables();
    test_every_type_explained();
    test_timing_core();
    test_ciphers();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
