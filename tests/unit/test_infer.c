/* test_infer.c: what an encrypted TLS 1.3 record is guessed to hold from
 * its place and size (tlsx_infer.h), with the record sizes of the samples'
 * servers and of servers that pack their messages.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"
#include "tlsx_infer.h"

enum {
    EOED = TLSX_INFER_END_OF_EARLY_DATA,
    EE = TLSX_INFER_ENCRYPTED_EXTENSIONS,
    CR = TLSX_INFER_CERTIFICATE_REQUEST,
    CERT = TLSX_INFER_CERTIFICATE,
    CV = TLSX_INFER_CERTIFICATE_VERIFY,
    FIN = TLSX_INFER_FINISHED,
};

#define AES_256_GCM_SHA384 0x1302
#define AES_128_GCM_SHA256 0x1301
#define AES_128_CCM_8_SHA256 0x1305

static tlsx_infer state(uint16_t cipher, bool psk, bool early)
{
    tlsx_infer in = {0};
    in.cipher = cipher;
    in.psk = psk;
    in.early_offered = early;
    return in;
}

static void test_suites(void)
{
    unsigned hash = 0, tag = 0;
    CHECK(tlsx_infer_suite(AES_256_GCM_SHA384, &hash, &tag) && hash == 48 && tag == 16);
    CHECK(tlsx_infer_suite(AES_128_GCM_SHA256, &hash, &tag) && hash == 32 && tag == 16);
    CHECK(tlsx_infer_suite(0x1303, &hash, &tag) && hash == 32 && tag == 16);
    CHECK(tlsx_infer_suite(AES_128_CCM_8_SHA256, &hash, &tag) && hash == 32 && tag == 8);
    CHECK(!tlsx_infer_suite(0xC02F, &hash, &tag)); /* a TLS 1.2 suite */
    CHECK(!tlsx_infer_suite(0, &hash, &tag));
}

/* OpenSSL's full handshake, one message a record (tls13-full): a Finished
 * of SHA-384 is 48 + 4 + 1 + 16 = 69 bytes, an RSA-2048 PSS Certificate
 * Verify 256 + 8 + 1 + 16 = 281. */
static void test_one_message_a_record(void)
{
    tlsx_infer in = state(AES_256_GCM_SHA384, false, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 32) == EE);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 848) == CERT);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 281) == CV);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 69) == FIN);
    CHECK(in.done[TLSX_SERVER] == (EE | CERT | CV | FIN));
    /* After the Finished: tickets or data, no guess. */
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 250) == 0);
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 69) == FIN);
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 69) == 0);

    /* The same with SHA-256: a 53-byte Finished. */
    in = state(AES_128_GCM_SHA256, false, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 32) == EE);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 848) == CERT);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 281) == CV);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 69) == 0); /* no Finished of this suite */
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 53) == FIN);

    /* An 8-byte tag: a 45-byte Finished. */
    in = state(AES_128_CCM_8_SHA256, true, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 20) == EE);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 45) == FIN);
}

/* The server asks for a certificate (tls13-certreq, tls13-clientauth). */
static void test_certificate_request(void)
{
    tlsx_infer in = state(AES_256_GCM_SHA384, false, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 32) == EE);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 97) == CR);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 848) == CERT);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 281) == CV);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 69) == FIN);
    /* A client without a certificate: an empty one, 8 + 1 + 16 bytes. */
    tlsx_infer none = in;
    CHECK(tlsx_infer_record(&none, TLSX_CLIENT, 25) == CERT);
    CHECK(tlsx_infer_record(&none, TLSX_CLIENT, 69) == FIN);
    /* ... or both in one record. */
    none = in;
    CHECK(tlsx_infer_record(&none, TLSX_CLIENT, 25 + 52) == (CERT | FIN));
    /* A client with one: Certificate, Certificate Verify, Finished. */
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 735) == CERT);
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 281) == CV);
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 69) == FIN);
}

/* Resumption with a pre-shared key: no Certificate (tls13-psk), with early
 * data the client's End of Early Data first (tls13-0rtt): 4 + 1 + 16. */
static void test_psk(void)
{
    tlsx_infer in = state(AES_256_GCM_SHA384, true, true);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 27) == EE);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 69) == FIN);
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 21) == EOED);
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 69) == FIN);

    /* Both of the server's in one record: 6 + 52 + 1 + 16 bytes at least. */
    in = state(AES_256_GCM_SHA384, true, true);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 75) == (EE | FIN));
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 21 + 52) == (EOED | FIN));

    /* Without an offer of early data, 21 bytes are nothing known. */
    in = state(AES_256_GCM_SHA384, true, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 27) == EE);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 100) == 0); /* no Finished's size */
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 21) == 0);
}

/* Servers that pack: the whole flight in one record, or Certificate Verify
 * and Finished together (an ECDSA P-256 signature of 71 bytes). */
static void test_packed(void)
{
    tlsx_infer in = state(AES_128_GCM_SHA256, false, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 1203) == (EE | CERT | CV | FIN));
    CHECK(tlsx_infer_record(&in, TLSX_CLIENT, 53) == FIN);

    in = state(AES_128_GCM_SHA256, false, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 40) == EE);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 900) == CERT);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 4 + 4 + 71 + 36 + 17) == (CV | FIN));
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 53) == 0);
}

/* No guess without the suite, or from a record too short to hold a
 * message. */
static void test_nothing_known(void)
{
    tlsx_infer in = state(0, false, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 32) == 0);
    CHECK(in.done[TLSX_SERVER] == 0);
    in = state(AES_128_GCM_SHA256, false, false);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 20) == 0);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 0) == 0);
    CHECK(tlsx_infer_record(&in, TLSX_SERVER, 21) == EE);
}

static void test_types(void)
{
    uint8_t t[6];
    CHECK(tlsx_infer_types(0, t) == 0);
    CHECK(tlsx_infer_types(EE | CERT | CV | FIN, t) == 4);
    CHECK(t[0] == TLSX_HS_ENCRYPTED_EXTENSIONS && t[1] == TLSX_HS_CERTIFICATE &&
          t[2] == TLSX_HS_CERTIFICATE_VERIFY && t[3] == TLSX_HS_FINISHED);
    CHECK(tlsx_infer_types(EOED | FIN, t) == 2);
    CHECK(t[0] == TLSX_HS_END_OF_EARLY_DATA && t[1] == TLSX_HS_FINISHED);
    CHECK(tlsx_infer_types(0x3f, t) == 6 && t[2] == TLSX_HS_CERTIFICATE_REQUEST);
}

/* Through the handshake model: the steps of a TLS 1.3 handshake seen
 * without keys carry the guess and the record's length; QUIC's packets and
 * a handshake whose suite is unknown carry none. */
static void test_steps(void)
{
    tlsx_handshake hs = {0};
    uint32_t ids = 0;
    tlsx_step st;
    tlsx_event ch = hs_event(TLSX_CLIENT, TLSX_HS_CLIENT_HELLO, 0);
    ch.version = TLSX_VERSION_TLS13;
    CHECK(tlsx_handshake_feed(&hs, &ids, &ch, &st));
    CHECK(st.inferred == 0);
    tlsx_event sh = hs_event(TLSX_SERVER, TLSX_HS_SERVER_HELLO, 5);
    sh.version = TLSX_VERSION_TLS13;
    sh.cipher = AES_256_GCM_SHA384;
    CHECK(tlsx_handshake_feed(&hs, &ids, &sh, &st));
    static const uint32_t sizes[] = {32, 848, 281, 69};
    static const uint8_t want[] = {EE, CERT, CV, FIN};
    for (int i = 0; i < 4; i++) {
        tlsx_event rec = record_event(TLSX_EV_APP_DATA, TLSX_SERVER, 5);
        rec.length = sizes[i];
        CHECK(tlsx_handshake_feed(&hs, &ids, &rec, &st));
        CHECK(st.kind == TLSX_STEP_ENCRYPTED_RECORD);
        CHECK(st.inferred == want[i] && st.record_length == sizes[i]);
    }
    tlsx_event fin = record_event(TLSX_EV_APP_DATA, TLSX_CLIENT, 10);
    fin.length = 69;
    CHECK(tlsx_handshake_feed(&hs, &ids, &fin, &st));
    CHECK(st.inferred == FIN && st.record_length == 69);
    CHECK(hs.complete);

    /* QUIC: Handshake packets, not records. */
    tlsx_handshake q = {0};
    q.transport = TLSX_TRANSPORT_QUIC;
    CHECK(tlsx_handshake_feed(&q, &ids, &ch, &st));
    CHECK(tlsx_handshake_feed(&q, &ids, &sh, &st));
    tlsx_event pkt = record_event(TLSX_EV_QUIC_HANDSHAKE, TLSX_SERVER, 6);
    pkt.length = 32;
    CHECK(tlsx_handshake_feed(&q, &ids, &pkt, &st));
    CHECK(st.kind == TLSX_STEP_ENCRYPTED_RECORD && st.inferred == 0 && st.record_length == 0);
}

int main(void)
{
    test_suites();
    test_one_message_a_record();
    test_certificate_request();
    test_psk();
    test_packed();
    test_nothing_known();
    test_types();
    test_steps();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
