/* test_core.c: unit tests of the epan-free core, in plain C.
 *
 * Each test feeds the handshake model the events Wireshark would show for a
 * capture and checks the steps it gives back.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "tlsx_explain.h"
#include "tlsx_curl.h"
#include "tlsx_group.h"
#include "tlsx_handshake.h"
#include "tlsx_message.h"
#include "tlsx_pack.h"
#include "tlsx_text.h"
#include "tlsx_time.h"

#include "check.h"

static void curl_of(const tlsx_step *st, char *buf, size_t size)
{
    if (!tlsx_curl_line(buf, size, (tlsx_step_kind)st->kind, st->hs_type, (tlsx_side)st->side,
                        st->version))
        snprintf(buf, size, "(none)");
}

/* The document's capture: TLS 1.2 ECDHE, curl as the client, without keys
 * (the two Finished messages are encrypted handshake records). */
static void test_document_tls12(void)
{
    tlsx_handshake hs = {0};
    uint32_t ids = 0;
    tlsx_event ev[10];
    ev[0] = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    ev[0].version = TLSX_VERSION_TLS12;
    ev[1] = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 101);
    ev[1].version = TLSX_VERSION_TLS12;
    ev[2] = hs_event(TLSX_SERVER, TLSX_HS_CERTIFICATE, 101);
    ev[3] = hs_event(TLSX_SERVER, TLSX_HS_SERVER_KEY_EXCHANGE, 101);
    ev[4] = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO_DONE, 102);
    ev[5] = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_KEY_EXCHANGE, 110);
    ev[6] = record_event(TLSX_EV_CCS, TLSX_CLIENT, 110);
    ev[7] = record_event(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_CLIENT, 110);
    ev[8] = record_event(TLSX_EV_CCS, TLSX_SERVER, 215);
    ev[9] = record_event(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_SERVER, 215);

    static const char *const want_curl[10] = {
        "TLSv1.2 (OUT), TLS handshake, Client hello (1):",
        "TLSv1.2 (IN), TLS handshake, Server hello (2):",
        "TLSv1.2 (IN), TLS handshake, Certificate (11):",
        "TLSv1.2 (IN), TLS handshake, Server key exchange (12):",
        "TLSv1.2 (IN), TLS handshake, Server finished (14):",
        "TLSv1.2 (OUT), TLS handshake, Client key exchange (16):",
        "TLSv1.2 (OUT), TLS change cipher, Change cipher spec (1):",
        "TLSv1.2 (OUT), TLS handshake, Finished (20):",
        "TLSv1.2 (IN), TLS change cipher, Change cipher spec (1):",
        "TLSv1.2 (IN), TLS handshake, Finished (20):",
    };
    static const char *const want_name[10] = {
        "Client Hello",       "Server Hello",
        "Certificate",        "Server Key Exchange",
        "Server Hello Done",  "Client Key Exchange",
        "Change Cipher Spec", "Finished",
        "Change Cipher Spec", "Finished",
    };
    static const tlsx_explain_key want_key[10] = {
        TLSX_EX_CLIENT_HELLO,        TLSX_EX_SERVER_HELLO,      TLSX_EX_SERVER_CERTIFICATE,
        TLSX_EX_SERVER_KEY_EXCHANGE, TLSX_EX_SERVER_HELLO_DONE, TLSX_EX_CLIENT_KEY_EXCHANGE,
        TLSX_EX_CLIENT_CCS,          TLSX_EX_CLIENT_FINISHED,   TLSX_EX_SERVER_CCS,
        TLSX_EX_SERVER_FINISHED,
    };
    static const int64_t want_prev[10] = {0, 101, 0, 0, 1, 8, 0, 0, 105, 0};
    static const int64_t want_peer[10] = {-1, 101, 101, 101, 102, 8, 8, 8, 105, 105};

    for (int i = 0; i < 10; i++) {
        tlsx_step st;
        char curl[128];
        CHECK(tlsx_handshake_feed(&hs, &ids, &ev[i], &st));
        CHECK(st.handshake == 1);
        CHECK(st.step == (uint32_t)i + 1);
        CHECK(st.side == ev[i].side);
        CHECK_STR(tlsx_message_name((tlsx_step_kind)st.kind, st.hs_type), want_name[i]);
        CHECK(st.explain == want_key[i]);
        curl_of(&st, curl, sizeof curl);
        CHECK_STR(curl, want_curl[i]);
        CHECK(ms_of(st.since_prev) == want_prev[i]);
        CHECK(st.has_since_peer == (want_peer[i] >= 0));
        if (want_peer[i] >= 0)
            CHECK(ms_of(st.since_peer) == want_peer[i]);
        CHECK(ms_of(st.since_start) == ms_of(ev[i].ts) - ms_of(ev[0].ts));
        CHECK(st.encrypted == (i == 7 || i == 9));
        CHECK(!st.time_backwards);
    }
    CHECK(hs.complete);
    /* Application data still matters: the first record tells when the
     * application could start, and every one is where the wait of a later
     * message of the other side starts. */
    CHECK(tlsx_handshake_reads_app_data(&hs));

    /* Application data afterwards is no step, nor is the ChangeCipherSpec
     * of an encrypted renegotiation. */
    tlsx_event app = record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 300);
    tlsx_step st;
    CHECK(!tlsx_handshake_feed(&hs, &ids, &app, &st));
    CHECK(hs.app_data_seen && ms_of(hs.app_data_at) == ms_of(app.ts));
    /* Later ones too: a post-handshake message's wait counts from them. */
    CHECK(tlsx_handshake_reads_app_data(&hs));
    tlsx_event reneg_ccs = record_event(TLSX_EV_CCS, TLSX_CLIENT, 400);
    reneg_ccs.length = 25; /* encrypted: the record is longer than its 1 byte */
    CHECK(!tlsx_handshake_feed(&hs, &ids, &reneg_ccs, &st));

    /* A copy of the server's last flight (a duplicated frame): a CCS in the
     * clear and an encrypted record, both repeats, no renegotiation. */
    tlsx_event copy_ccs = record_event(TLSX_EV_CCS, TLSX_SERVER, 401);
    copy_ccs.length = 1;
    CHECK(tlsx_handshake_feed(&hs, &ids, &copy_ccs, &st));
    CHECK(st.step == 0 && (st.flags & TLSX_FLAG_DUPLICATE) && st.handshake == 1);
    tlsx_event copy_fin = record_event(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_SERVER, 401);
    CHECK(tlsx_handshake_feed(&hs, &ids, &copy_fin, &st));
    CHECK(st.step == 0 && (st.flags & TLSX_FLAG_DUPLICATE) && st.handshake == 1);
    CHECK(ids == 1);
}

/* A handshake fragment before the ChangeCipherSpec is shown where the message
 * ends: it is no step of its own. */
static void test_fragment_is_no_step(void)
{
    tlsx_handshake hs = {0};
    uint32_t ids = 0;
    tlsx_step st;
    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    tlsx_event frag = record_event(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_SERVER, 5);
    CHECK(tlsx_handshake_feed(&hs, &ids, &ch, &st));
    CHECK(!tlsx_handshake_feed(&hs, &ids, &frag, &st));
    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 6);
    CHECK(tlsx_handshake_feed(&hs, &ids, &sh, &st));
    CHECK(st.step == 2);
}

/* TLS 1.3 without keys: every encrypted record of the server's first flight
 * is a step, then the client's first encrypted record (its Finished);
 * application data afterwards is none. */
static void test_tls13_without_keys(void)
{
    tlsx_handshake hs = {0};
    uint32_t ids = 0;
    tlsx_step st;
    char curl[128];

    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    ch.version = TLSX_VERSION_TLS13;
    CHECK(tlsx_handshake_feed(&hs, &ids, &ch, &st));
    curl_of(&st, curl, sizeof curl);
    CHECK_STR(curl, "TLSv1.3 (OUT), TLS handshake, Client hello (1):");

    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 50);
    sh.version = TLSX_VERSION_TLS13;
    CHECK(tlsx_handshake_feed(&hs, &ids, &sh, &st));
    CHECK(st.explain == TLSX_EX_SERVER_HELLO_TLS13);
    CHECK(tlsx_handshake_reads_app_data(&hs));

    tlsx_event ccs = record_event(TLSX_EV_CCS, TLSX_SERVER, 50);
    CHECK(tlsx_handshake_feed(&hs, &ids, &ccs, &st));
    CHECK(st.explain == TLSX_EX_COMPAT_CCS_TLS13);
    curl_of(&st, curl, sizeof curl);
    CHECK_STR(curl, "TLSv1.3 (IN), TLS change cipher, Change cipher spec (1):");

    for (int i = 0; i < 4; i++) {
        tlsx_event rec = record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 50);
        CHECK(tlsx_handshake_feed(&hs, &ids, &rec, &st));
        CHECK(st.step == (uint32_t)(4 + i));
        CHECK(st.kind == TLSX_STEP_ENCRYPTED_RECORD && st.encrypted);
        /* The key log is named on the first only. */
        CHECK(st.explain ==
              (i ? TLSX_EX_ENCRYPTED_SERVER_TLS13_MORE : TLSX_EX_ENCRYPTED_SERVER_TLS13));
        CHECK_STR(tlsx_message_name((tlsx_step_kind)st.kind, st.hs_type),
                  "Encrypted handshake message");
        curl_of(&st, curl, sizeof curl);
        CHECK_STR(curl, "(none)");
    }
    tlsx_event cccs = record_event(TLSX_EV_CCS, TLSX_CLIENT, 60);
    CHECK(tlsx_handshake_feed(&hs, &ids, &cccs, &st));
    CHECK(st.step == 8 && st.explain == TLSX_EX_COMPAT_CCS_TLS13);
    tlsx_event fin = record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 60);
    CHECK(tlsx_handshake_feed(&hs, &ids, &fin, &st));
    CHECK(st.step == 9 && st.explain == TLSX_EX_ENCRYPTED_CLIENT_TLS13_MORE);
    CHECK(ms_of(st.since_peer) == 10);
    CHECK(hs.complete);

    tlsx_event req = record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 61);
    CHECK(!tlsx_handshake_feed(&hs, &ids, &req, &st));
    CHECK(tlsx_handshake_reads_app_data(&hs));
    tlsx_event resp = record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 70);
    CHECK(!tlsx_handshake_feed(&hs, &ids, &resp, &st));
}

/* TLS 1.3 with keys: decrypted messages are steps, application data records
 * are not, and tickets after the client's Finished are post-handshake. */
static void test_tls13_with_keys(void)
{
    tlsx_handshake hs = {0};
    uint32_t ids = 0;
    tlsx_step st;
    char curl[128];

    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    ch.version = TLSX_VERSION_TLS13;
    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 20);
    sh.version = TLSX_VERSION_TLS13;
    CHECK(tlsx_handshake_feed(&hs, &ids, &ch, &st));
    CHECK(tlsx_handshake_feed(&hs, &ids, &sh, &st));
    const uint8_t server[] = {TLSX_HS_ENCRYPTED_EXTENSIONS, TLSX_HS_CERTIFICATE,
                              TLSX_HS_CERTIFICATE_VERIFY, TLSX_HS_FINISHED};
    const tlsx_explain_key keys[] = {TLSX_EX_ENCRYPTED_EXTENSIONS, TLSX_EX_SERVER_CERTIFICATE_TLS13,
                                     TLSX_EX_SERVER_CERTIFICATE_VERIFY_TLS13,
                                     TLSX_EX_SERVER_FINISHED_TLS13};
    for (int i = 0; i < 4; i++) {
        tlsx_event e = hs_event(TLSX_SERVER, server[i], 20);
        e.decrypted = true;
        CHECK(tlsx_handshake_feed(&hs, &ids, &e, &st));
        CHECK(st.step == (uint32_t)(3 + i) && st.explain == keys[i] && !st.encrypted);
    }
    curl_of(&st, curl, sizeof curl);
    CHECK_STR(curl, "TLSv1.3 (IN), TLS handshake, Finished (20):");
    tlsx_event app = record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 20);
    CHECK(!tlsx_handshake_feed(&hs, &ids, &app, &st));

    tlsx_event fin = hs_event(TLSX_CLIENT, TLSX_HS_FINISHED, 25);
    fin.decrypted = true;
    CHECK(tlsx_handshake_feed(&hs, &ids, &fin, &st));
    CHECK(st.step == 7 && st.explain == TLSX_EX_CLIENT_FINISHED_TLS13);
    CHECK(hs.complete);

    tlsx_event nst = hs_event(TLSX_SERVER, TLSX_HS_NEW_SESSION_TICKET, 26);
    nst.decrypted = true;
    CHECK(tlsx_handshake_feed(&hs, &ids, &nst, &st));
    CHECK(st.step == 0 && st.handshake == 1);
    CHECK(st.explain == TLSX_EX_NEW_SESSION_TICKET_TLS13);
    curl_of(&st, curl, sizeof curl);
    CHECK_STR(curl, "TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):");
}

/* Feeds a TLS 1.3 handshake with keys: the hellos, the server's messages
 * and the client's Finished.  Returns the flags of all its steps together;
 * *missing is what a step flagged missing waited for. */
static unsigned tls13_flags(tlsx_handshake *hs, const uint8_t *server, size_t n, uint16_t *missing)
{
    uint32_t ids = 0;
    tlsx_step st;
    unsigned flags = 0;
    hs->slow_ms = UINT32_MAX; /* no wait is slow */
    tlsx_event ev = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    ev.version = TLSX_VERSION_TLS13;
    CHECK(tlsx_handshake_feed(hs, &ids, &ev, &st));
    ev = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 20);
    ev.version = TLSX_VERSION_TLS13;
    CHECK(tlsx_handshake_feed(hs, &ids, &ev, &st));
    for (size_t i = 0; i <= n; i++) {
        ev = i < n ? hs_event(TLSX_SERVER, server[i], 20)
                   : hs_event(TLSX_CLIENT, TLSX_HS_FINISHED, 40);
        ev.decrypted = true;
        CHECK(tlsx_handshake_feed(hs, &ids, &ev, &st));
        flags |= st.flags;
        if (st.flags & TLSX_FLAG_MISSING)
            *missing = st.missing;
    }
    return flags;
}

/* A server may send its certificate compressed (RFC 8879): the order check
 * gives the Compressed Certificate the Certificate's place, so nothing is
 * out of order or missing; without either the Certificate is missing. */
static void test_compressed_certificate(void)
{
    const uint8_t compressed[] = {TLSX_HS_ENCRYPTED_EXTENSIONS, TLSX_HS_COMPRESSED_CERTIFICATE,
                                  TLSX_HS_CERTIFICATE_VERIFY, TLSX_HS_FINISHED};
    tlsx_handshake hs = {0};
    uint16_t missing = 0;
    CHECK(tls13_flags(&hs, compressed, 4, &missing) == 0);
    CHECK(hs.complete && hs.steps == 7);
    CHECK_STR(hs.history, "CsozyfF");

    const uint8_t none[] = {TLSX_HS_ENCRYPTED_EXTENSIONS, TLSX_HS_CERTIFICATE_VERIFY,
                            TLSX_HS_FINISHED};
    tlsx_handshake bare = {0};
    CHECK(tls13_flags(&bare, none, 3, &missing) == TLSX_FLAG_MISSING);
    CHECK(missing == TLSX_HS_CERTIFICATE);
}

/* Group names: the classical ones as Wireshark spells them, the
 * post-quantum and hybrid ones Wireshark 4.0 prints as numbers, GREASE. */
static void test_group_names(void)
{
    CHECK_STR(tlsx_group_name(0x001d), "x25519");
    CHECK_STR(tlsx_group_name(0x0017), "secp256r1");
    CHECK_STR(tlsx_group_name(0x0100), "ffdhe2048");
    CHECK_STR(tlsx_group_name(0x11ec), "X25519MLKEM768");
    CHECK_STR(tlsx_group_name(0x11eb), "SecP256r1MLKEM768");
    CHECK_STR(tlsx_group_name(0x11ed), "SecP384r1MLKEM1024");
    CHECK_STR(tlsx_group_name(0x6399), "X25519Kyber768Draft00");
    CHECK_STR(tlsx_group_name(0x0200), "MLKEM512");
    CHECK_STR(tlsx_group_name(0x0201), "MLKEM768");
    CHECK_STR(tlsx_group_name(0x0202), "MLKEM1024");
    CHECK_STR(tlsx_group_name(0x4a4a), "GREASE");
    CHECK(tlsx_group_name(0x0203) == NULL && tlsx_group_name(0) == NULL);
    CHECK(tlsx_group_is_post_quantum(0x11ec) && tlsx_group_is_post_quantum(0x0201));
    CHECK(!tlsx_group_is_post_quantum(0x001d) && !tlsx_group_is_post_quantum(0x4a4a));
    unsigned grease = 0;
    for (unsigned g = 0; g <= 0xffff; g++)
        grease += tlsx_group_is_grease((uint16_t)g);
    CHECK(grease == 16 && tlsx_group_is_grease(0x0a0a) && tlsx_group_is_grease(0xfafa));
    CHECK(!tlsx_group_is_grease(0x0a1a));

    /* A GREASE group is never the one chosen: the summary has none. */
    tlsx_handshake hs = {0};
    uint32_t ids = 0;
    tlsx_step st;
    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 1);
    sh.version = TLSX_VERSION_TLS13;
    sh.group = 0x2a2a;
    CHECK(tlsx_handshake_feed(&hs, &ids, &ch, &st) && tlsx_handshake_feed(&hs, &ids, &sh, &st));
    CHECK(!hs.group_known && hs.group == 0);
    tlsx_handshake pq = {0};
    sh.group = 0x11ec;
    CHECK(tlsx_handshake_feed(&pq, &ids, &ch, &st) && tlsx_handshake_feed(&pq, &ids, &sh, &st));
    CHECK(pq.group_known && pq.group == 0x11ec);
}

/* Two connections share the capture-wide handshake counter; a resumed TLS
 * 1.2 handshake ends with the client's Finished. */
static void test_resumption_and_ids(void)
{
    uint32_t ids = 0;
    tlsx_handshake a = {0}, b = {0};
    tlsx_step st;

    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    CHECK(tlsx_handshake_feed(&a, &ids, &ch, &st) && st.handshake == 1);
    CHECK(tlsx_handshake_feed(&b, &ids, &ch, &st) && st.handshake == 2);

    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 10);
    sh.version = TLSX_VERSION_TLS12;
    tlsx_event seq[] = {
        sh,
        record_event(TLSX_EV_CCS, TLSX_SERVER, 10),
        record_event(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_SERVER, 10),
        record_event(TLSX_EV_CCS, TLSX_CLIENT, 20),
        record_event(TLSX_EV_OPAQUE_HANDSHAKE, TLSX_CLIENT, 20),
    };
    static const tlsx_explain_key keys[] = {TLSX_EX_SERVER_HELLO, TLSX_EX_SERVER_CCS_RESUMED,
                                            TLSX_EX_SERVER_FINISHED_RESUMED, TLSX_EX_CLIENT_CCS,
                                            TLSX_EX_CLIENT_FINISHED_RESUMED};
    for (int i = 0; i < 5; i++) {
        CHECK(tlsx_handshake_feed(&b, &ids, &seq[i], &st));
        CHECK(st.step == (uint32_t)(2 + i) && st.explain == keys[i]);
    }
    CHECK(b.complete);

    /* A new Client Hello after a complete handshake is a new handshake. */
    tlsx_event again = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 30);
    CHECK(tlsx_handshake_feed(&b, &ids, &again, &st));
    CHECK(st.handshake == 3 && st.step == 1);
}

/* A capture that starts mid-handshake numbers what it sees, from a message
 * or a ChangeCipherSpec; a lone record before that is ignored. */
static void test_starts_mid_handshake(void)
{
    uint32_t ids = 0;
    tlsx_handshake hs = {0};
    tlsx_step st;
    tlsx_event app = record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 0);
    CHECK(!tlsx_handshake_feed(&hs, &ids, &app, &st));
    tlsx_event alert = record_event(TLSX_EV_ALERT, TLSX_CLIENT, 1);
    CHECK(!tlsx_handshake_feed(&hs, &ids, &alert, &st));
    tlsx_event cert = hs_event(TLSX_SERVER, TLSX_HS_CERTIFICATE, 5);
    CHECK(tlsx_handshake_feed(&hs, &ids, &cert, &st));
    CHECK(st.handshake == 1 && st.step == 1 && !st.has_since_peer);
    CHECK(st.flags == TLSX_FLAG_MID_CAPTURE);

    tlsx_handshake other = {0};
    tlsx_event ccs = record_event(TLSX_EV_CCS, TLSX_CLIENT, 6);
    CHECK(tlsx_handshake_feed(&other, &ids, &ccs, &st));
    CHECK(st.handshake == 2 && st.step == 1 && st.kind == TLSX_STEP_CCS);
    CHECK(st.flags == TLSX_FLAG_MID_CAPTURE);
}

/* Versions as a Client Hello offers them: GREASE ignored, drafts below the
 * final TLS 1.3 and named like it, DTLS numbered downwards. */
static void test_versions(void)
{
    CHECK(tlsx_version_rank(0x0a0a) == 0);
    CHECK(tlsx_version_rank(0x7f1c) < tlsx_version_rank(TLSX_VERSION_TLS13));
    CHECK(tlsx_version_rank(0x7f1c) > tlsx_version_rank(TLSX_VERSION_TLS12));
    CHECK(tlsx_version_rank(0xfefd) > tlsx_version_rank(0xfeff));
    CHECK(tlsx_version_is_tls13(0x7f14) && !tlsx_version_is_tls13(TLSX_VERSION_TLS12));
    CHECK_STR(tlsx_version_name(0x7f1c), "TLSv1.3");
    CHECK(tlsx_version_name(0x0a0a) == NULL);
}

/* With 0-RTT the server sends its tickets before the client's Finished: they
 * are post-handshake messages all the same, and the Finished is the next step. */
/* The curl lines are cut, never overrun, when the buffer is short. */
static void test_curl_line_truncated(void)
{
    char buf[16];
    memset(buf, 'x', sizeof buf);
    CHECK(tlsx_curl_line(buf, 12, TLSX_STEP_HANDSHAKE, TLSX_HS_CLIENT_HELLO, TLSX_CLIENT, 0x0303));
    CHECK_STR(buf, "TLSv1.2 (OU");
    CHECK(buf[12] == 'x');
    CHECK(tlsx_curl_alert_line(buf, 1, 2, 40, TLSX_SERVER, 0x0303));
    CHECK_STR(buf, "");
    char full[128];
    CHECK(tlsx_curl_alert_line(full, sizeof full, 2, 40, TLSX_SERVER, 0x0303));
    CHECK_STR(full, "TLSv1.2 (IN), TLS alert, handshake failure (552):");

    tlsx_text t;
    tlsx_text_init(&t, full, sizeof full);
    tlsx_text_add_uint(&t, 0);
    tlsx_text_add(&t, " ");
    tlsx_text_add_uint(&t, 4294967295u);
    CHECK_STR(full, "0 4294967295");
    tlsx_text_init(&t, buf, 4);
    tlsx_text_add_uint(&t, 12345);
    CHECK_STR(buf, "123");
}

static void test_tls13_early_tickets(void)
{
    tlsx_handshake hs = {0};
    uint32_t ids = 0;
    tlsx_step st;
    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 10);
    sh.version = 0x7f1c;
    tlsx_event fin = hs_event(TLSX_SERVER, TLSX_HS_FINISHED, 10);
    tlsx_event nst = hs_event(TLSX_SERVER, TLSX_HS_NEW_SESSION_TICKET, 10);
    tlsx_event cfin = hs_event(TLSX_CLIENT, TLSX_HS_FINISHED, 20);
    CHECK(tlsx_handshake_feed(&hs, &ids, &ch, &st));
    CHECK(tlsx_handshake_feed(&hs, &ids, &sh, &st) && st.explain == TLSX_EX_SERVER_HELLO_TLS13);
    CHECK(tlsx_handshake_feed(&hs, &ids, &fin, &st) && st.step == 3);
    CHECK(tlsx_handshake_feed(&hs, &ids, &nst, &st) && st.step == 0);
    CHECK(tlsx_handshake_feed(&hs, &ids, &cfin, &st) && st.step == 4);
    CHECK(hs.complete);
}

/* Statistics list messages by their place in one fixed order: the hellos
 * first, Finished after what it concludes, a message of both sides at one
 * place, unknown messages last. */
static void test_message_order(void)
{
    static const uint8_t full[] = {
        TLSX_HS_HELLO_REQUEST,       TLSX_HS_CLIENT_HELLO,        TLSX_HS_HELLO_VERIFY_REQUEST,
        TLSX_HS_HELLO_RETRY_REQUEST, TLSX_HS_SERVER_HELLO,        TLSX_HS_ENCRYPTED_EXTENSIONS,
        TLSX_HS_CERTIFICATE,         TLSX_HS_SERVER_KEY_EXCHANGE, TLSX_HS_CERTIFICATE_REQUEST,
        TLSX_HS_SERVER_HELLO_DONE,   TLSX_HS_CLIENT_KEY_EXCHANGE, TLSX_HS_CERTIFICATE_VERIFY,
    };
    for (size_t i = 1; i < sizeof full; i++)
        CHECK(tlsx_message_order(TLSX_STEP_HANDSHAKE, full[i - 1]) <
              tlsx_message_order(TLSX_STEP_HANDSHAKE, full[i]));
    const unsigned ccs = tlsx_message_order(TLSX_STEP_CCS, 0);
    const unsigned fin = tlsx_message_order(TLSX_STEP_HANDSHAKE, TLSX_HS_FINISHED);
    const unsigned nst = tlsx_message_order(TLSX_STEP_HANDSHAKE, TLSX_HS_NEW_SESSION_TICKET);
    const unsigned enc = tlsx_message_order(TLSX_STEP_ENCRYPTED_RECORD, 0);
    const unsigned alert = tlsx_message_order(TLSX_STEP_ALERT, 0);
    const unsigned unknown = tlsx_message_order(TLSX_STEP_HANDSHAKE, 99);
    CHECK(tlsx_message_order(TLSX_STEP_HANDSHAKE, TLSX_HS_CLIENT_HELLO) == 2);
    CHECK(tlsx_message_order(TLSX_STEP_HANDSHAKE, TLSX_HS_CERTIFICATE_VERIFY) < ccs);
    CHECK(ccs == 18 && fin == 20);
    CHECK(fin < nst && nst < enc && enc < alert && alert < unknown);
    CHECK(unknown < 100); /* two digits in the statistics */
    CHECK(tlsx_message_order(TLSX_STEP_HANDSHAKE, 200) == unknown);

    tlsx_step st = {0};
    st.kind = TLSX_STEP_HANDSHAKE;
    st.hs_type = TLSX_HS_SERVER_HELLO;
    CHECK(tlsx_step_order(&st) == 5);
    st.hrr = true;
    CHECK(tlsx_step_order(&st) == 4);
    CHECK_STR(tlsx_step_name(&st), "Hello Retry Request");
    st.hrr = false;
    st.kind = TLSX_STEP_ALERT;
    CHECK(tlsx_step_order(&st) == alert);
}

/* A row names its message for Wireshark, for curl (but the records curl
 * prints no line of) and for Zeek (but the encrypted record, which may hold
 * any message); no letter but Zeek's 'Z' for unknown types names two. */
static void check_row_names(const tlsx_message_row *r, const char *letters_seen)
{
    const bool curl_line = r->kind == TLSX_STEP_HANDSHAKE || r->kind == TLSX_STEP_CCS;
    CHECK(r->name != NULL && r->name[0] != '\0');
    CHECK(curl_line ? r->curl_name != NULL && r->curl_name[0] != '\0' : r->curl_name == NULL);
    if (r->kind == TLSX_STEP_ENCRYPTED_RECORD) {
        CHECK(r->letter == 0);
    } else {
        CHECK(r->letter >= 'A' && r->letter <= 'Z');
        CHECK(r->letter == 'Z' || strchr(letters_seen, r->letter) == NULL);
    }
    CHECK(r->sender <= TLSX_SENT_BY_BOTH);
}

/* Each of a row's four default explanations is a key of its own with a
 * text in both languages, and tlsx_message_explain_key() picks it. */
static void check_row_explained(const tlsx_message_row *r)
{
    const uint8_t keys[2][2] = {{r->explain_client12, r->explain_client13},
                                {r->explain_server12, r->explain_server13}};
    for (int side = 0; side < 2; side++) {
        for (int tls13 = 0; tls13 < 2; tls13++) {
            const tlsx_explain_key k =
                tlsx_message_explain_key((tlsx_step_kind)r->kind, r->type, (tlsx_side)side, tls13);
            CHECK(k == keys[side][tls13] && k != TLSX_EX_UNKNOWN && k < TLSX_EX_COUNT);
            CHECK(tlsx_explain(TLSX_LANG_EN, k)[0] != '\0');
            CHECK(tlsx_explain(TLSX_LANG_ZH, k)[0] != '\0');
        }
    }
}

/* What the handshake functions read from a row of a handshake type: the
 * sender, and the place in the order check, its own or that of a type with
 * a row of its own. */
static void check_row_type(const tlsx_message_row *r)
{
    const int sender = r->sender == TLSX_SENT_BY_BOTH ? -1 : r->sender;
    CHECK(tlsx_sender_of(r->type) == sender);
    if (r->checked_as == TLSX_CHECKED_AS_ITSELF) {
        CHECK(tlsx_message_checked_as(r->type) == r->type);
        return;
    }
    const tlsx_message_row *as = tlsx_message_find(TLSX_STEP_HANDSHAKE, (uint8_t)r->checked_as);
    CHECK(as != NULL && as != r && as->checked_as == TLSX_CHECKED_AS_ITSELF);
    CHECK(tlsx_message_checked_as(r->type) == r->checked_as);
}

/* Every name of a message comes from one table: its rows are complete, and
 * every function that reads them agrees with them. */
static void test_message_table(void)
{
    const size_t count = tlsx_message_count();
    char letters[64] = "";
    size_t handshake_rows = 0;
    for (size_t i = 0; i < count; i++) {
        const tlsx_message_row *r = tlsx_message_row_at(i);
        const tlsx_step_kind kind = (tlsx_step_kind)r->kind;
        check_row_names(r, letters);
        letters[i] = r->letter ? r->letter : '-';
        check_row_explained(r);
        CHECK(tlsx_message_find(kind, r->type) == r); /* no row repeats another */
        CHECK(tlsx_message_order(kind, r->type) == i + 1);
        CHECK_STR(tlsx_message_name(kind, r->type), r->name);
        CHECK(tlsx_message_letter(kind, r->type) == r->letter);
        if (kind == TLSX_STEP_HANDSHAKE) {
            check_row_type(r);
            handshake_rows++;
        }
    }
    CHECK(count < sizeof letters && tlsx_message_row_at(count) == NULL);

    /* The handshake_type field's values: every type with a row, in order. */
    uint8_t types[TLSX_HS_TYPES];
    const size_t n = tlsx_message_types(types);
    CHECK(n == handshake_rows);
    for (size_t i = 0; i < n; i++) {
        CHECK(tlsx_message_find(TLSX_STEP_HANDSHAKE, types[i]) != NULL);
        CHECK(i == 0 || types[i - 1] < types[i]);
    }

    /* A type without a row. */
    CHECK(tlsx_message_find(TLSX_STEP_HANDSHAKE, 99) == NULL);
    CHECK_STR(tlsx_message_name(TLSX_STEP_HANDSHAKE, 99), "Unknown handshake message");
    CHECK_STR(tlsx_message_curl_name(TLSX_STEP_HANDSHAKE, 99), "Unknown");
    CHECK(tlsx_message_letter(TLSX_STEP_HANDSHAKE, 99) == 'Z');
    CHECK(tlsx_sender_of(99) == -1 && tlsx_message_checked_as(99) == 99);
    CHECK(tlsx_message_explain_key(TLSX_STEP_HANDSHAKE, 99, TLSX_SERVER, true) == TLSX_EX_UNKNOWN);
}

/* Notes print tenths of a millisecond from 1 ms on, microseconds below. */
static const char *ms_text(char *buf, size_t size, int64_t secs, int32_t nsecs)
{
    tlsx_text t;
    tlsx_time v = {secs, nsecs};
    tlsx_text_init(&t, buf, size);
    tlsx_text_add_ms(&t, v);
    return buf;
}

static void test_ms_text(void)
{
    char buf[TLSX_TIME_TEXT_SIZE + 3];
    CHECK_STR(ms_text(buf, sizeof buf, 0, 45315), "0.045 ms");
    CHECK_STR(ms_text(buf, sizeof buf, 0, 135945), "0.136 ms");
    CHECK_STR(ms_text(buf, sizeof buf, 0, 0), "0.000 ms");
    CHECK_STR(ms_text(buf, sizeof buf, 0, 999499), "0.999 ms");
    CHECK_STR(ms_text(buf, sizeof buf, 0, 999500), "1.0 ms");
    CHECK_STR(ms_text(buf, sizeof buf, 0, 18738359), "18.7 ms");
    CHECK_STR(ms_text(buf, sizeof buf, 0, 168657414), "168.7 ms");
    CHECK_STR(ms_text(buf, sizeof buf, 0, 1050000), "1.1 ms");
    CHECK_STR(ms_text(buf, sizeof buf, 1, 0), "1000.0 ms");
    CHECK_STR(ms_text(buf, sizeof buf, INT64_MAX, 999999999), "9223372036854775808000.0 ms");
    CHECK_STR(ms_text(buf, 5, 0, 18738359), "18.7");
}

static void test_time(void)
{
    tlsx_time d;
    tlsx_time a = {100, 900000000}, b = {102, 100000000};
    CHECK(tlsx_time_between(a, b, &d));
    CHECK(d.secs == 1 && d.nsecs == 200000000);
    CHECK(!tlsx_time_between(b, a, &d));
    CHECK(d.secs == 0 && d.nsecs == 0);
    tlsx_time days = {100 + 3 * 86400, 1};
    CHECK(tlsx_time_between(a, days, &d));
    CHECK(d.secs == 3 * 86400 - 1 && d.nsecs == 100000001);

    /* Time going backwards is flagged and never negative. */
    uint32_t ids = 0;
    tlsx_handshake hs = {0};
    tlsx_step st;
    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 1000);
    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 900);
    CHECK(tlsx_handshake_feed(&hs, &ids, &ch, &st));
    CHECK(tlsx_handshake_feed(&hs, &ids, &sh, &st));
    CHECK(st.time_backwards);
    CHECK(st.since_peer.secs == 0 && st.since_peer.nsecs == 0);
    CHECK(st.since_start.secs == 0 && st.since_start.nsecs == 0);

    /* A wait set to 0 that way is no answer: the round trips estimated
     * without TCP stay those measured (100 ms the server's, 20 ms the
     * client's), not 0. */
    tlsx_handshake h2 = {0};
    tlsx_event evs[4] = {hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 1000),
                         hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 1100),
                         hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_KEY_EXCHANGE, 1120),
                         record_event(TLSX_EV_CCS, TLSX_SERVER, 1050)};
    for (int i = 0; i < 4; i++)
        CHECK(tlsx_handshake_feed(&h2, &ids, &evs[i], &st));
    CHECK(st.time_backwards && st.has_since_peer);
    const tlsx_baseline no_tcp = {0};
    tlsx_baseline used;
    tlsx_handshake_split(&h2, &no_tcp, &st, &used);
    CHECK(used.known && used.estimated);
    CHECK(ms_of(used.to_server) == 100 && ms_of(used.to_client) == 20);
    CHECK(tlsx_capture_point_of(&used) == TLSX_AT_CLIENT);
}

/* Time stamps from a hostile capture: a pcapng time stamp in whole seconds
 * reaches the ends of time_t, a pcap record's fraction is not checked by
 * Wireshark.  Distances are never negative and always normalized. */
static bool normal(tlsx_time t)
{
    return t.secs >= 0 && t.nsecs >= 0 && t.nsecs < 1000000000;
}

static void test_time_extremes(void)
{
    tlsx_time d;
    const tlsx_time now = {1700000000, 5}, min = {INT64_MIN, 0}, max = {INT64_MAX, 999999999};
    CHECK(tlsx_time_between(min, now, &d) && normal(d));
    CHECK(d.secs == INT64_MAX);
    CHECK(tlsx_time_between(min, max, &d) && normal(d) && d.secs == INT64_MAX);
    CHECK(!tlsx_time_between(max, min, &d) && d.secs == 0 && d.nsecs == 0);
    CHECK(tlsx_time_between(now, max, &d) && normal(d));
    CHECK(d.secs == INT64_MAX - 1700000000 && d.nsecs == 999999994);

    /* A fraction out of range counts as the seconds it holds. */
    tlsx_time odd = {1700000000, -1};
    CHECK(!tlsx_time_between(now, odd, &d) && normal(d));
    odd.nsecs = 2000000001;
    CHECK(tlsx_time_between(now, odd, &d) && normal(d));
    CHECK(d.secs == 1 && d.nsecs == 999999996);
    odd.nsecs = INT32_MIN;
    CHECK(tlsx_time_between(odd, now, &d) && normal(d));
    CHECK(d.secs == 2 && d.nsecs == 147483653);
    tlsx_time top = {INT64_MAX, INT32_MAX}, bottom = {INT64_MIN, INT32_MIN};
    CHECK(tlsx_time_between(bottom, top, &d) && normal(d) && d.secs == INT64_MAX);
    CHECK(tlsx_time_between(top, top, &d) && normal(d) && d.secs == 0 && d.nsecs == 0);

    /* The inline path for two time stamps in order gives what the general
     * one gives, at its edges and past them. */
    const tlsx_time edges[] = {
        {0, 0},          {0, 1},          {0, 999999999}, {1, 0},          {1700000000, 5},
        {1700000000, 4}, {-1, 999999999}, {3, -1},        {3, 1000000000}, {INT64_MAX, 999999999},
        {INT64_MIN, 0}};
    const size_t n_edges = sizeof edges / sizeof edges[0];
    for (size_t i = 0; i < n_edges; i++) {
        for (size_t j = 0; j < n_edges; j++) {
            tlsx_time inline_d, any_d;
            const bool inline_ok = tlsx_time_between(edges[i], edges[j], &inline_d);
            const bool any_ok = tlsx_time_between_any(edges[i], edges[j], &any_d);
            CHECK(inline_ok == any_ok && tlsx_time_cmp(inline_d, any_d) == 0);
        }
    }

    /* Through the model: no negative time anywhere. */
    uint32_t ids = 0;
    tlsx_handshake hs = {0};
    tlsx_step st;
    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    ch.ts = min;
    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 0);
    sh.ts = now;
    CHECK(tlsx_handshake_feed(&hs, &ids, &ch, &st));
    CHECK(tlsx_handshake_feed(&hs, &ids, &sh, &st));
    CHECK(normal(st.since_start) && normal(st.since_peer) && normal(st.since_prev));
    CHECK(!st.time_backwards);
    tlsx_summary sum;
    tlsx_handshake_summarize(&hs, &sum);
    CHECK(normal(sum.duration));
}

static const char *escaped(const char *bytes, size_t len)
{
    static char out[TLSX_NAME_SIZE];
    memset(out, '#', sizeof out);
    tlsx_escape_name(out, (const unsigned char *)bytes, len);
    return out;
}

#define ESCAPED(literal) escaped(literal, sizeof literal - 1)

/* Names from the wire are shown as what they are and nothing more. */
static void test_escape_name(void)
{
    /* Ordinary names, and valid UTF-8 (2, 3 and 4 bytes), as they are. */
    CHECK_STR(ESCAPED("www.example.com"), "www.example.com");
    CHECK_STR(ESCAPED("h2"), "h2");
    CHECK_STR(ESCAPED("caf\xc3\xa9.\xe4\xbe\x8b\xe5\xad\x90.\xf0\x9f\x94\x92"),
              "caf\xc3\xa9.\xe4\xbe\x8b\xe5\xad\x90.\xf0\x9f\x94\x92");
    CHECK_STR(ESCAPED(""), "");
    /* ANSI escapes: colour, window title (ended by BEL), clearing. */
    CHECK_STR(ESCAPED("\x1b[31mred\x1b]0;pwned\x07\x1b[2J"),
              "\\x1b[31mred\\x1b]0;pwned\\x07\\x1b[2J");
    /* A newline forging a line, CR, NUL, TAB, DEL. */
    CHECK_STR(ESCAPED("a\nHandshake 99 complete\r\n"), "a\\x0aHandshake 99 complete\\x0d\\x0a");
    CHECK_STR(ESCAPED("nul\0after\tx\x7f"), "nul\\x00after\\x09x\\x7f");
    /* A backslash is escaped, so "\\x41" is never mistaken for "A". */
    CHECK_STR(ESCAPED("a\\x41\\"), "a\\\\x41\\\\");
    /* Invalid UTF-8: a stray continuation byte, bytes that start nothing,
     * a sequence cut short (by a byte or by the end), overlong forms of "/"
     * and of U+0000, a surrogate, a code point beyond U+10FFFF.  Each byte
     * is escaped; what follows one is read afresh. */
    CHECK_STR(ESCAPED("\x80x\xff\xfe"), "\\x80x\\xff\\xfe");
    CHECK_STR(ESCAPED("\xc3(\xe4\xbe"), "\\xc3(\\xe4\\xbe");
    CHECK_STR(ESCAPED("\xc0\xaf\xe0\x80\xaf\xc1\x80"), "\\xc0\\xaf\\xe0\\x80\\xaf\\xc1\\x80");
    CHECK_STR(ESCAPED("\xf0\x80\x80\x80"), "\\xf0\\x80\\x80\\x80");
    CHECK_STR(ESCAPED("\xed\xa0\x80"), "\\xed\\xa0\\x80");
    CHECK_STR(ESCAPED("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");
    CHECK_STR(ESCAPED("\xe4\xbe\xc3\xa9"), "\\xe4\\xbe\xc3\xa9");
    /* Valid but acting on the text: C1's CSI, the line separator, a
     * right-to-left override. */
    CHECK_STR(ESCAPED("\xc2\x9b"
                      "2J"),
              "\\xc2\\x9b2J");
    CHECK_STR(ESCAPED("a\xe2\x80\xa8"
                      "b"),
              "a\\xe2\\x80\\xa8b");
    CHECK_STR(ESCAPED("\xe2\x80\xaemoc.elgoog"), "\\xe2\\x80\\xaemoc.elgoog");

    /* The longest name (255 bytes) whole; 256 bytes cut, with the marker,
     * at 255 bytes in all. */
    char name[4096];
    memset(name, 'a', sizeof name);
    const char *out = escaped(name, 255);
    CHECK(strlen(out) == 255 && strspn(out, "a") == 255);
    out = escaped(name, 256);
    CHECK(strlen(out) == 255 && strspn(out, "a") == 240);
    CHECK_STR(out + 240, "\\...(256 bytes)");
    out = escaped(name, sizeof name);
    CHECK(strlen(out) == 255 && strspn(out, "a") == 239);
    CHECK_STR(out + 239, "\\...(4096 bytes)");
    /* Cut between escapes, never inside one: the marker of a 1,000-byte
     * name leaves 239 bytes, room for 59 escapes of 4. */
    memset(name, '\x1b', 1000);
    out = escaped(name, 1000);
    CHECK(strlen(out) == 59 * 4 + 16);
    CHECK_STR(out + 58 * 4, "\\x1b\\...(1000 bytes)");
    /* Nor inside a character: 79 three-byte characters fit in 239. */
    for (int i = 0; i < 333; i++)
        memcpy(name + 3 * i, "\xe4\xbe\x8b", 3);
    out = escaped(name, 1000);
    CHECK(strlen(out) == 79 * 3 + 16);
    CHECK_STR(out + 78 * 3, "\xe4\xbe\x8b\\...(1000 bytes)");
    /* A name of escapes only, just fitting: 63 escapes and a backslash. */
    memset(name, 0, 63);
    name[63] = '\\';
    out = escaped(name, 64);
    CHECK(strlen(out) == 254 && strcmp(out + 252, "\\\\") == 0);
}

static const char *time_text(tlsx_time v, unsigned unit, unsigned decimals)
{
    static char buf[TLSX_TIME_TEXT_SIZE];
    tlsx_text t;
    tlsx_text_init(&t, buf, sizeof buf);
    tlsx_text_add_time(&t, v, unit, decimals);
    return buf;
}

/* Times written out: exact, rounded half up, at any size. */
static void test_time_text(void)
{
    CHECK_STR(time_text((tlsx_time){0, 7165375}, 0, 4), "0.0072");
    CHECK_STR(time_text((tlsx_time){0, 7165375}, 3, 3), "7.165");
    CHECK_STR(time_text((tlsx_time){0, 7165500}, 3, 3), "7.166");
    CHECK_STR(time_text((tlsx_time){0, 87000}, 0, 6), "0.000087");
    CHECK_STR(time_text((tlsx_time){0, 1500000}, 0, 3), "0.002");
    CHECK_STR(time_text((tlsx_time){0, 0}, 0, 4), "0.0000");
    CHECK_STR(time_text((tlsx_time){0, 0}, 3, 1), "0.0");
    CHECK_STR(time_text((tlsx_time){12, 345678901}, 0, 9), "12.345678901");
    CHECK_STR(time_text((tlsx_time){12, 345678901}, 0, 0), "12");
    CHECK_STR(time_text((tlsx_time){2, 999950000}, 0, 4), "3.0000");
    CHECK_STR(time_text((tlsx_time){0, 999999999}, 3, 1), "1000.0");
    CHECK_STR(time_text((tlsx_time){1, 50000}, 3, 1), "1000.1");
    CHECK_STR(time_text((tlsx_time){86400, 0}, 3, 1), "86400000.0");
    /* A wait of 10^15 s overflowed in tenths of a millisecond. */
    CHECK_STR(time_text((tlsx_time){1000000000000000, 5000}, 0, 4), "1000000000000000.0000");
    CHECK_STR(time_text((tlsx_time){1000000000000000, 123456789}, 3, 3), "1000000000000000123.457");
    /* The longest distance, and its rounding up to 2^63 seconds. */
    CHECK_STR(time_text((tlsx_time){INT64_MAX, 999900000}, 0, 4), "9223372036854775807.9999");
    CHECK_STR(time_text((tlsx_time){INT64_MAX, 999999999}, 0, 4), "9223372036854775808.0000");
    CHECK_STR(time_text((tlsx_time){INT64_MAX, 999999999}, 3, 1), "9223372036854775808000.0");
    CHECK(strlen(time_text((tlsx_time){INT64_MAX, 999999999}, 3, 6)) < TLSX_TIME_TEXT_SIZE);
    /* A fraction out of range counts as the seconds it holds. */
    CHECK_STR(time_text((tlsx_time){1, 2000000001}, 0, 9), "3.000000001");
    /* No distance is negative; a negative time has one sign. */
    CHECK_STR(time_text((tlsx_time){-2, 500000000}, 0, 4), "-1.5000");
    CHECK_STR(time_text((tlsx_time){-1, 999999999}, 0, 4), "0.0000");
    CHECK_STR(time_text((tlsx_time){INT64_MIN, 0}, 0, 1), "-9223372036854775808.0");
    /* Products saturate. */
    tlsx_time p = tlsx_time_times((tlsx_time){0, 600000000}, 3);
    CHECK(p.secs == 1 && p.nsecs == 800000000);
    p = tlsx_time_times((tlsx_time){INT64_MAX / 2, 999999999}, 2);
    CHECK(p.secs == INT64_MAX && p.nsecs == 999999998);
    p = tlsx_time_times((tlsx_time){INT64_MAX / 2 + 1, 0}, 2);
    CHECK(p.secs == INT64_MAX && p.nsecs == 999999999);
    p = tlsx_time_times((tlsx_time){5, 999999999}, UINT32_MAX);
    CHECK(p.secs == 25769803765 && p.nsecs == 705032705);
    p = tlsx_time_times((tlsx_time){-5, 0}, 2);
    CHECK(p.secs == 0 && p.nsecs == 0);
    /* Milliseconds: a threshold in, an average's value out. */
    p = tlsx_time_from_ms(200);
    CHECK(p.secs == 0 && p.nsecs == 200000000);
    p = tlsx_time_from_ms(UINT32_MAX);
    CHECK(p.secs == 4294967 && p.nsecs == 295000000);
    CHECK(tlsx_time_ms((tlsx_time){2, 500000}) == 2000.5);
}

static void test_explanations_complete(void)
{
    for (int k = 0; k < TLSX_EX_COUNT; k++) {
        CHECK(tlsx_explain_en[k] != NULL && tlsx_explain_en[k][0] != '\0');
        CHECK(tlsx_explain_zh[k] != NULL && tlsx_explain_zh[k][0] != '\0');
    }
    /* Every handshake type maps to an explanation, in both sides' voice. */
    for (int t = 0; t < 256; t++) {
        for (int side = 0; side < 2; side++) {
            tlsx_explain_key k =
                tlsx_message_explain_key(TLSX_STEP_HANDSHAKE, (uint8_t)t, (tlsx_side)side, t % 2);
            CHECK(k < TLSX_EX_COUNT);
        }
    }
    /* The document's slips are corrected, and type 14 is called what it is. */
    CHECK(strstr(tlsx_explain_zh[TLSX_EX_CLIENT_HELLO], "可复用") != NULL);
    CHECK(strstr(tlsx_explain_zh[TLSX_EX_SERVER_HELLO], "SessionId") != NULL);
    CHECK(strstr(tlsx_explain_zh[TLSX_EX_SERVER_HELLO], "SeesionId") == NULL);
    CHECK(strstr(tlsx_explain_zh[TLSX_EX_SERVER_KEY_EXCHANGE], "密钥") != NULL);
    CHECK(strstr(tlsx_explain_zh[TLSX_EX_SERVER_KEY_EXCHANGE], "秘钥") == NULL);
    CHECK(strstr(tlsx_explain_zh[TLSX_EX_SERVER_HELLO_DONE], "Server Hello Done") != NULL);
    CHECK(strstr(tlsx_explain_zh[TLSX_EX_SERVER_HELLO_DONE], "14") != NULL);
    CHECK(strstr(tlsx_explain_en[TLSX_EX_SERVER_HELLO_DONE], "Server Hello Done") != NULL);
    CHECK(strstr(tlsx_explain_en[TLSX_EX_SERVER_HELLO_DONE], "14") != NULL);
    CHECK(strcmp(tlsx_explain(TLSX_LANG_EN, (tlsx_explain_key)999),
                 tlsx_explain_en[TLSX_EX_UNKNOWN]) == 0);
}

static bool same_step(const tlsx_pack_step *a, const tlsx_pack_step *b)
{
    const tlsx_step *x = &a->st, *y = &b->st;
    return x->step == y->step && x->flight == y->flight && x->version == y->version &&
           x->missing == y->missing && x->side == y->side && x->kind == y->kind &&
           x->hs_type == y->hs_type && x->explain == y->explain && x->flags == y->flags &&
           x->alert_level == y->alert_level && x->alert_desc == y->alert_desc && x->hrr == y->hrr &&
           x->inferred == y->inferred && x->record_length == y->record_length &&
           x->encrypted == y->encrypted && x->has_since_peer == y->has_since_peer &&
           x->time_backwards == y->time_backwards && x->ends == y->ends &&
           x->has_split == y->has_split && x->split_estimated == y->split_estimated &&
           tlsx_time_cmp(x->since_prev, y->since_prev) == 0 &&
           tlsx_time_cmp(x->since_peer, y->since_peer) == 0 &&
           tlsx_time_cmp(x->since_start, y->since_start) == 0 &&
           tlsx_time_cmp(x->network, y->network) == 0 &&
           tlsx_time_cmp(x->processing, y->processing) == 0 && a->record == b->record &&
           a->point == b->point && a->rtt_estimated == b->rtt_estimated &&
           tlsx_time_cmp(a->rtt, b->rtt) == 0;
}

/* What the store keeps of a frame's steps comes back the same, and small. */
static void test_pack(void)
{
    tlsx_pack_step in[5], out[5];
    memset(in, 0, sizeof in);
    const tlsx_time wait = {0, 7165375}, start = {1, 1}, net = {0, 5000000};
    for (int i = 0; i < 4; i++) {
        tlsx_step *st = &in[i].st;
        st->step = 2 + (uint32_t)i;
        st->flight = 2;
        st->version = TLSX_VERSION_TLS12;
        st->side = TLSX_SERVER;
        st->hs_type = (uint8_t)(2 + i);
        st->explain = (uint8_t)(1 + i);
        st->has_since_peer = st->has_split = true;
        st->since_peer = wait;
        st->since_prev = i ? (tlsx_time){0, 0} : wait;
        st->since_start = start;
        st->network = net;
        st->processing = (tlsx_time){0, 2165375};
        in[i].point = TLSX_AT_CLIENT;
        in[i].rtt = net;
    }
    /* A last step of another record, with every rare field and extreme
     * values: the largest numbers, a capped time, a time going backwards. */
    tlsx_step *last = &in[4].st;
    in[4].record = 15;
    last->step = last->flight = UINT32_MAX;
    last->version = 0xfefd;
    last->missing = 0xffff;
    last->flags = 0xff;
    last->alert_level = 2;
    last->alert_desc = 255;
    last->inferred = 0x3f;
    last->record_length = 16640;
    last->kind = TLSX_STEP_ALERT;
    last->hrr = last->encrypted = last->time_backwards = last->ends = true;
    last->split_estimated = in[4].rtt_estimated = true;
    last->has_since_peer = last->has_split = true;
    last->since_prev = tlsx_time_from_ns(tlsx_time_to_ns((tlsx_time){INT64_MAX / 2, 0}));
    last->since_start = (tlsx_time){3999999999, 999999999};
    last->since_peer = (tlsx_time){0, 1};
    last->network = (tlsx_time){0, 1};
    in[4].point = TLSX_AT_BETWEEN;
    in[4].rtt_elsewhere = true; /* the caller knows it */

    uint8_t buf[1024];
    CHECK(tlsx_pack_bound(5) <= sizeof buf);
    const size_t n = tlsx_pack(in, 5, buf);
    CHECK(n <= tlsx_pack_bound(5));
    CHECK(tlsx_unpack_count(buf) == 5);
    tlsx_unpack(buf, out);
    for (int i = 0; i < 5; i++)
        CHECK(same_step(&in[i], &out[i]));
    /* The four steps of one frame share their times: under 60 bytes in all,
     * where the model's steps are over 100 bytes each. */
    CHECK(tlsx_pack(in, 4, buf) < 60);

    /* Times too long for 64-bit nanoseconds are kept exactly, on either
     * side of the edge. */
    in[4].st.since_prev = (tlsx_time){INT64_MAX, 999999999};
    in[4].st.since_start = (tlsx_time){1000000000000000, 123};
    in[4].st.since_peer = (tlsx_time){TLSX_TIME_NS_SECS + 7, 999999999};
    in[4].st.network = (tlsx_time){TLSX_TIME_NS_SECS, 0};
    in[4].st.processing = (tlsx_time){7, 999999999};
    in[4].rtt = (tlsx_time){TLSX_TIME_NS_SECS, 0};
    in[4].rtt_elsewhere = false;
    in[3].rtt = (tlsx_time){TLSX_TIME_NS_SECS - 1, 999999999};
    CHECK(tlsx_pack(in, 5, buf) <= tlsx_pack_bound(5));
    tlsx_unpack(buf, out);
    for (int i = 0; i < 5; i++)
        CHECK(same_step(&in[i], &out[i]));

    /* A single step with nothing but zeros. */
    memset(in, 0, sizeof in);
    CHECK(tlsx_pack(in, 1, buf) <= 12);
    tlsx_unpack(buf, out);
    CHECK(same_step(&in[0], &out[0]));
}

int main(void)
{
    test_pack();
    test_document_tls12();
    test_fragment_is_no_step();
    test_tls13_without_keys();
    test_tls13_with_keys();
    test_compressed_certificate();
    test_group_names();
    test_resumption_and_ids();
    test_starts_mid_handshake();
    test_versions();
    test_curl_line_truncated();
    test_tls13_early_tickets();
    test_message_order();
    test_message_table();
    test_ms_text();
    test_time();
    test_time_extremes();
    test_escape_name();
    test_time_text();
    test_explanations_complete();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
