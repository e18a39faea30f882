/* tlsx_handshake.c: see tlsx_handshake.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_handshake.h"

#include <stdio.h>
#include <string.h>

#include "tlsx_alert.h"
#include "tlsx_group.h"
#include "tlsx_suite.h"

/* A TLS 1.3 alert record without keys: 2 bytes of alert, 1 of inner content
 * type and a 16-byte AEAD tag.  A Finished is at least 53 bytes. */
#define TLS13_ENCRYPTED_ALERT_LENGTH 19

/* Before the Server Hello the client's offer is all there is to go by. */
static bool is_tls13(const tlsx_handshake *hs)
{
    if (!hs->version && hs->legacy)
        return false;
    return tlsx_version_is_tls13(hs->version ? hs->version : hs->offered_version);
}

/* Before any Server Hello (a capture of the client's side only): a
 * handshake or alert record of its own outer type, encrypted after the
 * side's ChangeCipherSpec, exists only in TLS <= 1.2, since TLS 1.3 hides
 * both in application data records.  A client that sent nothing between
 * its Client Hello and that ChangeCipherSpec resumes a session: a full
 * handshake has its Client Key Exchange there. */
static void note_legacy_record(tlsx_handshake *hs, tlsx_side side)
{
    if (hs->version || hs->legacy || !hs->ccs[side] || hs->finished[side] ||
        !tlsx_version_is_tls13(hs->offered_version))
        return;
    hs->legacy = true;
    if (side == TLSX_CLIENT && tlsx_sequence_at_client_hello(&hs->seq))
        hs->resumed = true;
}

static bool ended(const tlsx_handshake *hs)
{
    return hs->complete || hs->failed;
}

bool tlsx_handshake_open(const tlsx_handshake *hs)
{
    return hs->id != 0 && !ended(hs);
}

/* Application data matters to a TLS 1.3 handshake seen without keys, and,
 * once a handshake is over, its first record tells when the application
 * could start. */
bool tlsx_handshake_reads_app_data(const tlsx_handshake *hs)
{
    if (hs->id == 0)
        return false;
    if (ended(hs))
        return true;
    /* TLS <= 1.2 between the client's Finished and the server's: client
     * data there is False Start (the advice). */
    if (!is_tls13(hs) && hs->finished[TLSX_CLIENT] && !hs->finished[TLSX_SERVER])
        return true;
    return is_tls13(hs) && !hs->decrypted;
}

/* The row of the message table a step reads: a HelloRetryRequest is a
 * Server Hello on the wire, and has a row of its own. */
static uint8_t row_type(const tlsx_step *st)
{
    return st->hrr ? TLSX_HS_HELLO_RETRY_REQUEST : st->hs_type;
}

/* Zeek's ssl_history letter: upper case for the client, lower case for the
 * server; none for an encrypted record. */
static char history_letter(const tlsx_step *st)
{
    const char c = tlsx_message_letter((tlsx_step_kind)st->kind, row_type(st));
    if (!c || st->side != TLSX_SERVER)
        return c;
    return (char)(c - 'A' + 'a');
}

/* A history that outgrows its room ends in '+'. */
static void add_history(tlsx_handshake *hs, const tlsx_step *st)
{
    char c = history_letter(st);
    if (!c)
        return;
    if (hs->history_len < TLSX_HISTORY_MAX) {
        hs->history[hs->history_len++] = c;
    } else {
        hs->history[TLSX_HISTORY_MAX - 1] = '+';
    }
    hs->history[hs->history_len] = '\0';
}

static void start_handshake(tlsx_handshake *hs, uint32_t *next_id, const tlsx_event *ev)
{
    const bool renegotiation = hs->complete && !is_tls13(hs);
    const uint16_t version = hs->version;
    const uint8_t transport = hs->transport;
    const uint32_t slow_ms = hs->slow_ms;

    memset(hs, 0, sizeof *hs);
    hs->transport = transport;
    hs->slow_ms = slow_ms;
    hs->last_finisher = -1;
    hs->last_seq[TLSX_CLIENT] = hs->last_seq[TLSX_SERVER] = -1;
    hs->id = ++*next_id;
    hs->start = ev->ts;
    hs->last_side = -1;
    tlsx_sequence_start(&hs->seq);
    hs->renegotiation = renegotiation;
    if (renegotiation && ev->kind == TLSX_EV_OPAQUE_HANDSHAKE) {
        /* Without keys nothing of it can be read, not even its version. */
        hs->encrypted_renegotiation = true;
        hs->version = version;
    }
    /* A ChangeCipherSpec opens a handshake only when it is the first thing
     * the capture shows of the connection. */
    if (ev->kind == TLSX_EV_CCS ||
        (ev->kind == TLSX_EV_HANDSHAKE && ev->hs_type != TLSX_HS_CLIENT_HELLO &&
         ev->hs_type != TLSX_HS_HELLO_REQUEST))
        hs->mid_capture = true;
}

/* Whether the event opens a new handshake, and whether it cuts short the
 * one still open. */
static bool opens_handshake(const tlsx_handshake *hs, const tlsx_event *ev, bool *abandons)
{
    *abandons = false;
    if (hs->id == 0)
        return ev->kind == TLSX_EV_HANDSHAKE || ev->kind == TLSX_EV_CCS;
    if (ev->kind == TLSX_EV_OPAQUE_HANDSHAKE)
        return hs->complete && !is_tls13(hs) && !hs->repeated_ccs[ev->side];
    if (ev->kind != TLSX_EV_HANDSHAKE)
        return false;
    if (ev->hs_type == TLSX_HS_HELLO_REQUEST && ev->side == TLSX_SERVER)
        return ended(hs);
    if (ev->hs_type != TLSX_HS_CLIENT_HELLO || ev->side != TLSX_CLIENT)
        return false;
    if (ended(hs))
        return true;
    /* Open: the Client Hello the HelloRequest asked for, or the second one
     * a HelloRetryRequest or a HelloVerifyRequest asked for, continue it; so
     * does a copy of the Client Hello just seen (a duplicated frame), which
     * is flagged later. */
    if (!hs->client_hello_seen || hs->hrr || hs->cookie)
        return false;
    if (tlsx_sequence_at_client_hello(&hs->seq) && ev->length == hs->client_hello_length)
        return false;
    *abandons = true;
    return true;
}

/* A TLS 1.3 handshake ends with the client's Finished; a TLS 1.2 one with the
 * second Finished, whichever side sends it (the server's comes first when a
 * session is resumed).  Both Finished always complete it. */
static void note_finished(tlsx_handshake *hs, tlsx_side side)
{
    hs->finished[side] = true;
    if (hs->complete)
        return;
    if (hs->finished[!side] || (is_tls13(hs) && side == TLSX_CLIENT)) {
        hs->complete = true;
        hs->last_finisher = (int8_t)side;
    }
}

/* A record after the handshake's end: the wait before a post-handshake
 * message counts from the peer's last record, application data included.
 * Anything the other side sends after the last Finished shows that it took
 * that Finished. */
static void note_late_record(tlsx_handshake *hs, const tlsx_event *ev)
{
    hs->last[ev->side] = ev->ts;
    hs->has_last[ev->side] = true;
    if (hs->last_finisher >= 0 && (int8_t)ev->side != hs->last_finisher)
        hs->answered = true;
}

/* The group the server chose; a GREASE value is no choice (RFC 8701). */
static void note_group(tlsx_handshake *hs, uint16_t group)
{
    if (group && !tlsx_group_is_grease(group)) {
        hs->group = group;
        hs->group_known = true;
    }
}

bool tlsx_group_is_hybrid(uint16_t group)
{
    /* X25519MLKEM768, SecP256r1MLKEM768, SecP384r1MLKEM1024; the drafts
     * X25519Kyber768Draft00 and SecP256r1Kyber768Draft00. */
    return (group >= 0x11eb && group <= 0x11ed) || group == 0x6399 || group == 0x639a;
}

bool tlsx_group_is_ffdhe(uint16_t group)
{
    return group >= 0x0100 && group <= 0x01ff;
}

const char *tlsx_keyx_name(uint8_t keyx)
{
    static const char *const names[] = {
        [TLSX_KEYX_UNKNOWN] = "unknown",
        [TLSX_KEYX_RSA] = "RSA",
        [TLSX_KEYX_DHE] = "DHE",
        [TLSX_KEYX_ECDHE] = "ECDHE",
        [TLSX_KEYX_HYBRID] = "hybrid PQ",
        [TLSX_KEYX_PSK] = "PSK",
        [TLSX_KEYX_PSK_DHE] = "PSK with (EC)DHE",
    };
    return keyx < sizeof names / sizeof names[0] ? names[keyx] : names[0];
}

/* A TLS 1.3 key share's group as a key exchange. */
static uint8_t keyx_of_group(uint16_t group)
{
    if (!group)
        return TLSX_KEYX_UNKNOWN;
    if (tlsx_group_is_hybrid(group))
        return TLSX_KEYX_HYBRID;
    if (tlsx_group_is_post_quantum(group))
        return TLSX_KEYX_UNKNOWN; /* ML-KEM alone: no text of its own yet */
    return tlsx_group_is_ffdhe(group) ? TLSX_KEYX_DHE : TLSX_KEYX_ECDHE;
}

/* A TLS 1.2 suite's key exchange, in the kinds explanations tell apart. */
static uint8_t keyx_of_suite(uint16_t suite)
{
    tlsx_suite_info info;
    if (!tlsx_suite_info_of(suite, &info))
        return TLSX_KEYX_UNKNOWN;
    switch (info.kx) {
    case TLSX_KX_RSA:
        return TLSX_KEYX_RSA;
    case TLSX_KX_DHE:
        return TLSX_KEYX_DHE;
    case TLSX_KX_ECDHE:
        return TLSX_KEYX_ECDHE;
    case TLSX_KX_PSK:
        return TLSX_KEYX_PSK;
    case TLSX_KX_DHE_PSK:
    case TLSX_KX_ECDHE_PSK:
        return TLSX_KEYX_PSK_DHE;
    default:
        return TLSX_KEYX_UNKNOWN;
    }
}

/* What a first Client Hello offered. */
static void note_offer(tlsx_handshake *hs, const tlsx_event *ev)
{
    const tlsx_hello *h = &ev->hello;
    if (tlsx_version_is_tls13(ev->version))
        hs->told |= TLSX_TOLD_TLS13_OFFERED;
    for (unsigned i = 0; i < h->key_share_count && i < TLSX_HELLO_GROUPS_MAX; i++)
        if (tlsx_group_is_hybrid(h->key_share[i]))
            hs->told |= TLSX_TOLD_HYBRID_OFFERED;
    if (h->psk_identities || (h->extensions & TLSX_EXT_PRE_SHARED_KEY))
        hs->told |= TLSX_TOLD_PSK_OFFERED;
    if (h->extensions & TLSX_EXT_EARLY_DATA)
        hs->told |= TLSX_TOLD_EARLY_OFFERED;
    if (h->session_ticket_data)
        hs->told |= TLSX_TOLD_TICKET;
}

/* What a Server Hello (not a HelloRetryRequest) chose. */
static void note_choice(tlsx_handshake *hs, const tlsx_event *ev)
{
    if (is_tls13(hs)) {
        const uint16_t group = ev->group                   ? ev->group
                               : ev->hello.key_share_count ? ev->hello.key_share[0]
                                                           : 0;
        if (ev->psk) {
            hs->told |= TLSX_TOLD_PSK;
            hs->keyx = group ? TLSX_KEYX_PSK_DHE : TLSX_KEYX_PSK;
        } else {
            hs->keyx = keyx_of_group(group);
        }
        return;
    }
    hs->keyx = keyx_of_suite(ev->cipher);
    if (ev->hello.extensions & TLSX_EXT_EXTENDED_MASTER_SECRET)
        hs->told |= TLSX_TOLD_EMS;
    if (hs->resumed)
        hs->told |= (hs->told & TLSX_TOLD_TICKET) ? TLSX_TOLD_RESUMED_TICKET : TLSX_TOLD_RESUMED_ID;
}

static void note_handshake(tlsx_handshake *hs, const tlsx_event *ev, tlsx_step *st)
{
    const tlsx_side side = ev->side;

    if (ev->decrypted)
        hs->decrypted = true;
    switch (ev->hs_type) {
    case TLSX_HS_CLIENT_HELLO:
        if (side != TLSX_CLIENT)
            break;
        /* A server that sent its HelloVerifyRequest statelessly may number
         * its Server Hello from 0 again. */
        if (hs->cookie)
            hs->last_seq[TLSX_SERVER] = -1;
        if (!hs->client_hello_seen) {
            if (ev->hello.ech == TLSX_ECH_OUTER)
                hs->ech = TLSX_ECH_OFFERED;
            note_offer(hs, ev);
            hs->offered_version = ev->version;
            hs->client_session_id = ev->session_id;
            hs->client_hello_seen = true;
        }
        hs->client_hello_length = ev->length;
        break;
    case TLSX_HS_SERVER_HELLO:
        if (ev->version)
            hs->version = ev->version;
        if (ev->hrr) {
            hs->hrr = true;
            st->hrr = true;
            /* A HelloRetryRequest's encrypted_client_hello confirms that
             * the server took the inner hello. */
            if (hs->ech && ev->hello.ech == TLSX_ECH_SERVER)
                hs->ech = TLSX_ECH_ACCEPTED;
            hs->told |= TLSX_TOLD_HRR;
            if (ev->group || ev->hello.key_share_count)
                hs->told |= TLSX_TOLD_HRR_KEY_SHARE;
            if (ev->hello.extensions & TLSX_EXT_COOKIE)
                hs->told |= TLSX_TOLD_HRR_COOKIE;
            break;
        }
        hs->cipher = ev->cipher;
        hs->psk = ev->psk;
        if (!is_tls13(hs) && ev->session_id && ev->session_id == hs->client_session_id)
            hs->resumed = true;
        note_group(hs, ev->group);
        note_choice(hs, ev);
        break;
    case TLSX_HS_ENCRYPTED_EXTENSIONS:
        /* Retry configurations: the server did not use the inner hello
         * (it could not decrypt it, or it was GREASE). */
        if (side == TLSX_SERVER && hs->ech == TLSX_ECH_OFFERED && ev->hello.ech == TLSX_ECH_SERVER)
            hs->ech = TLSX_ECH_RETRY_CONFIGS;
        if (side == TLSX_SERVER && (ev->hello.extensions & TLSX_EXT_EARLY_DATA))
            hs->told |= TLSX_TOLD_EARLY_ACCEPTED;
        break;
    case TLSX_HS_HELLO_VERIFY_REQUEST:
        if (side == TLSX_SERVER && !is_tls13(hs)) {
            hs->cookie = true;
            hs->told |= TLSX_TOLD_DTLS_COOKIE;
        }
        break;
    case TLSX_HS_CERTIFICATE:
        if (side == TLSX_SERVER)
            hs->told |= TLSX_TOLD_SERVER_CERT;
        break;
    case TLSX_HS_SERVER_KEY_EXCHANGE:
        note_group(hs, ev->group);
        break;
    case TLSX_HS_CERTIFICATE_REQUEST:
        hs->cert_requested = true;
        break;
    case TLSX_HS_CERTIFICATE_VERIFY:
        if (side == TLSX_CLIENT) {
            hs->client_cert_verify = true;
            hs->told |= TLSX_TOLD_CLIENT_AUTH;
        }
        break;
    case TLSX_HS_END_OF_EARLY_DATA:
        hs->early_data = true;
        break;
    case TLSX_HS_FINISHED:
        note_finished(hs, side);
        break;
    default:
        break;
    }
}

/* A warning ends nothing, but close_notify; in TLS 1.3 every alert but
 * close_notify and user_canceled is fatal whatever its level says. */
static bool ends_handshake(const tlsx_handshake *hs, uint8_t level, uint8_t desc)
{
    return level != TLSX_ALERT_WARNING || desc == 0 || (is_tls13(hs) && hs->version && desc != 90);
}

/* A fatal alert from the side that had still to take the last Finished,
 * before it sent anything else: it refused the handshake (a TLS 1.3 server
 * that rejects the client's certificate answers the client's Finished with
 * certificate_required, bad_certificate or unknown_ca).  An encrypted alert
 * could be a close_notify: it overturns nothing. */
static bool overturns_end(const tlsx_handshake *hs, const tlsx_event *ev)
{
    return ev->kind == TLSX_EV_ALERT && hs->complete && !hs->answered && hs->last_finisher >= 0 &&
           (int8_t)ev->side != hs->last_finisher && ev->alert_level != 0 && ev->alert_desc != 0 &&
           ev->alert_desc != 90 && ends_handshake(hs, ev->alert_level, ev->alert_desc);
}

/* A side that has sent its Finished has no handshake message left to send:
 * its close_notify closes only its own direction, and the peer may still
 * send its Finished (a TLS 1.3 server that answers a request sent as 0-RTT
 * early data and closes the connection before the client's End of Early
 * Data and Finished come).  An encrypted alert may be that close_notify.
 * Without keys a TLS 1.3 server's encrypted flight ends with its Finished. */
static bool closes_after_finished(const tlsx_handshake *hs, tlsx_side side, uint8_t level,
                                  uint8_t desc)
{
    const bool may_be_close_notify = level == 0 || (level == TLSX_ALERT_WARNING && desc == 0);
    return may_be_close_notify &&
           (hs->finished[side] || (side == TLSX_SERVER && hs->server_encrypted));
}

static void note_alert(tlsx_handshake *hs, uint8_t level, uint8_t desc, tlsx_step *st)
{
    st->kind = TLSX_STEP_ALERT;
    st->alert_level = level;
    st->alert_desc = desc;
    st->encrypted = level == 0;
    if (!ends_handshake(hs, level, desc) ||
        closes_after_finished(hs, (tlsx_side)st->side, level, desc))
        return;
    hs->failed = true;
    if (level != 0) {
        hs->has_alert = true;
        hs->alert_desc = desc;
    }
}

/* A TLS 1.3 handshake seen without keys, after the Server Hello: the
 * server's encrypted records until the client answers, then the client's
 * first one, which carries its Finished. */
static bool encrypted_tls13_record(tlsx_handshake *hs, const tlsx_event *ev, tlsx_step *st)
{
    const tlsx_side side = ev->side;
    st->kind = TLSX_STEP_ENCRYPTED_RECORD;
    st->encrypted = true;
    hs->encrypted_records++;
    if (ev->kind == TLSX_EV_APP_DATA) {
        /* A record over TCP: its size tells (QUIC's packets do not). */
        hs->infer.cipher = hs->cipher;
        hs->infer.psk = hs->psk;
        hs->infer.early_offered = (hs->told & TLSX_TOLD_EARLY_OFFERED) != 0;
        st->inferred = tlsx_infer_record(&hs->infer, side, ev->length);
        if (st->inferred)
            st->record_length = ev->length;
    }
    if (side == TLSX_SERVER) {
        hs->server_encrypted = true;
        return true;
    }
    /* After the Server Hello a client encrypts nothing before it has the
     * server's Finished: its first encrypted record carries its own
     * Finished even when the server's encrypted flight is not in the
     * capture (a segment was lost), which the step tells. */
    if (!hs->server_encrypted) {
        if (hs->hrr && !hs->cipher)
            return false; /* a HelloRetryRequest is no Server Hello */
        st->flags |= TLSX_FLAG_MISSING;
        st->missing = TLSX_HS_ENCRYPTED_EXTENSIONS;
    }
    hs->complete = true;
    return true;
}

/* Decides what the event is.  Returns false when it is no step. */
static bool classify(tlsx_handshake *hs, const tlsx_event *ev, bool post_handshake, tlsx_step *st)
{
    const tlsx_side side = ev->side;

    st->kind = TLSX_STEP_HANDSHAKE;
    st->hs_type = ev->hs_type;

    switch (ev->kind) {
    case TLSX_EV_HANDSHAKE:
        if (!post_handshake)
            note_handshake(hs, ev, st);
        return true;
    case TLSX_EV_CCS:
        /* After a complete handshake only a renegotiation sends one, inside
         * an encrypted record that tells nothing else: no step of its own.
         * One in the clear is a copy of the side's last flight (a duplicated
         * frame that TCP handed over again), and so is the encrypted record
         * after it. */
        if (ended(hs)) {
            if (!hs->complete || is_tls13(hs) || ev->length > 1)
                return false;
            hs->repeated_ccs[side] = true;
            st->kind = TLSX_STEP_CCS;
            st->flags |= TLSX_FLAG_DUPLICATE;
            return true;
        }
        st->kind = TLSX_STEP_CCS;
        hs->ccs[side] = true;
        return true;
    case TLSX_EV_OPAQUE_HANDSHAKE:
        if (post_handshake) {
            if (!hs->repeated_ccs[side])
                return false;
            hs->repeated_ccs[side] = false;
            st->hs_type = TLSX_HS_FINISHED;
            st->encrypted = true;
            st->flags |= TLSX_FLAG_DUPLICATE;
            return true;
        }
        if (hs->encrypted_renegotiation && !hs->ccs[side]) {
            st->kind = TLSX_STEP_ENCRYPTED_RECORD;
            st->encrypted = true;
            return true;
        }
        /* After its ChangeCipherSpec a TLS 1.2 side sends only its Finished;
         * anything else without a type is a fragment, shown where it ends.
         * DTLS has no such fragments: a second one is its Finished again, a
         * retransmitted flight. */
        if (hs->transport == TLSX_TRANSPORT_DTLS && !is_tls13(hs) && hs->finished[side]) {
            st->hs_type = TLSX_HS_FINISHED;
            st->encrypted = true;
            st->flags |= TLSX_FLAG_DUPLICATE;
            return true;
        }
        note_legacy_record(hs, side);
        if (is_tls13(hs) || !hs->ccs[side] || hs->finished[side])
            return false;
        st->hs_type = TLSX_HS_FINISHED;
        st->encrypted = true;
        note_finished(hs, side);
        return true;
    case TLSX_EV_APP_DATA:
        if (!ended(hs) && !is_tls13(hs) && side == TLSX_CLIENT && hs->finished[TLSX_CLIENT] &&
            !hs->finished[TLSX_SERVER])
            hs->advice.bits |= TLSX_AF_FALSE_START;
        if (hs->complete && !hs->app_data_seen) {
            hs->app_data_seen = true;
            hs->app_data_at = ev->ts;
        }
        if (ended(hs))
            note_late_record(hs, ev);
        /* Without keys a TLS 1.3 handshake after the Server Hello is a run of
         * application data records: the server's until the client answers,
         * then the client's first one, which carries its Finished.  Before
         * the Server Hello the client's records are 0-RTT early data. */
        if (post_handshake || !is_tls13(hs) || hs->decrypted)
            return false;
        if (!hs->version) {
            if (side == TLSX_CLIENT)
                hs->early_data = true;
            return false;
        }
        if (ev->length == TLS13_ENCRYPTED_ALERT_LENGTH && hs->server_encrypted) {
            note_alert(hs, 0, 0, st);
            return true;
        }
        return encrypted_tls13_record(hs, ev, st);
    case TLSX_EV_QUIC_0RTT:
        /* QUIC's early data has packets of its own, and no End of Early Data. */
        if (!post_handshake && side == TLSX_CLIENT)
            hs->early_data = true;
        return false;
    case TLSX_EV_QUIC_HANDSHAKE:
    case TLSX_EV_QUIC_1RTT:
        if (ended(hs))
            note_late_record(hs, ev);
        /* QUIC without keys: the server's Handshake packets hold what TLS
         * 1.3 over TCP puts in encrypted records.  The client's may hold
         * acknowledgements only: its Finished is the one sent with its first
         * 1-RTT packet (which it can send only once it has finished), or,
         * if it came alone, the first 1-RTT packet tells that it came. */
        if (post_handshake || !is_tls13(hs) || hs->decrypted || !hs->version)
            return false;
        if (side == TLSX_CLIENT && ev->kind == TLSX_EV_QUIC_HANDSHAKE && !ev->with_1rtt)
            return false;
        if (side == TLSX_SERVER && ev->kind == TLSX_EV_QUIC_1RTT)
            return false;
        return encrypted_tls13_record(hs, ev, st);
    case TLSX_EV_ALERT:
        if (post_handshake) {
            st->kind = TLSX_STEP_ALERT;
            st->alert_level = ev->alert_level;
            st->alert_desc = ev->alert_desc;
            st->encrypted = ev->alert_level == 0;
            return true;
        }
        if (ev->alert_level == 0)
            note_legacy_record(hs, side);
        note_alert(hs, ev->alert_level, ev->alert_desc, st);
        return true;
    }
    return false;
}

/* The message as the order check knows it; a message that is another form
 * of another takes its place, as the message table says. */
static uint16_t sequence_msg(const tlsx_handshake *hs, const tlsx_step *st)
{
    if (st->kind == TLSX_STEP_CCS)
        return TLSX_MSG_CCS;
    if (st->hrr)
        return TLSX_MSG_HELLO_RETRY;
    const uint8_t type = tlsx_message_checked_as(st->hs_type);
    if (type == TLSX_HS_CLIENT_HELLO && (hs->hrr || hs->cookie) && st->side == TLSX_CLIENT)
        return TLSX_MSG_CLIENT_HELLO2;
    return type;
}

static tlsx_order current_order(const tlsx_handshake *hs)
{
    if (is_tls13(hs))
        return TLSX_ORDER_TLS13;
    return hs->resumed ? TLSX_ORDER_TLS12_RESUMED : TLSX_ORDER_TLS12_FULL;
}

static unsigned current_needs(const tlsx_handshake *hs)
{
    unsigned needs = 0;
    if (hs->cert_requested)
        needs |= TLSX_NEED_CLIENT_CERT;
    if (hs->hrr || hs->cookie)
        needs |= TLSX_NEED_SECOND_HELLO;
    /* A TLS 1.3 PSK, or a TLS 1.2 suite whose server proves itself without a
     * certificate (PSK, anonymous, SRP). */
    if (hs->psk || (!is_tls13(hs) && tlsx_suite_no_server_cert(hs->cipher)))
        needs |= TLSX_NEED_NO_SERVER_CERT;
    return needs;
}

uint16_t tlsx_handshake_waiting_for(const tlsx_handshake *hs)
{
    if (!tlsx_handshake_open(hs) || hs->mid_capture || hs->encrypted_renegotiation ||
        (is_tls13(hs) && !hs->decrypted && hs->version))
        return TLSX_MSG_NONE;
    return tlsx_sequence_next_required(&hs->seq, current_order(hs), current_needs(hs));
}

static void check_sequence(tlsx_handshake *hs, tlsx_step *st)
{
    const tlsx_side side = (tlsx_side)st->side;

    if (st->kind != TLSX_STEP_HANDSHAKE && st->kind != TLSX_STEP_CCS)
        return;
    if (st->kind == TLSX_STEP_HANDSHAKE) {
        int sender = tlsx_sender_of(st->hs_type);
        if (sender >= 0 && sender != (int)side)
            st->flags |= TLSX_FLAG_WRONG_SIDE | TLSX_FLAG_UNEXPECTED;
    }
    if (hs->mid_capture || hs->encrypted_renegotiation)
        return;

    const uint16_t msg = sequence_msg(hs, st);
    /* A TLS 1.2 server resumes the session when, right after its Hello, it
     * sends a ticket or switches to encryption without a Certificate. */
    if (!is_tls13(hs) && side == TLSX_SERVER && tlsx_sequence_at_server_hello(&hs->seq) &&
        (msg == TLSX_HS_NEW_SESSION_TICKET || msg == TLSX_MSG_CCS))
        hs->resumed = true;

    uint16_t missing = 0;
    switch (
        tlsx_sequence_check(&hs->seq, current_order(hs), current_needs(hs), side, msg, &missing)) {
    case TLSX_SEQ_DUPLICATE:
        st->flags |= TLSX_FLAG_DUPLICATE;
        break;
    case TLSX_SEQ_OUT_OF_ORDER:
    case TLSX_SEQ_FOREIGN:
        st->flags |= TLSX_FLAG_UNEXPECTED;
        break;
    case TLSX_SEQ_MISSING:
        st->flags |= TLSX_FLAG_MISSING;
        st->missing = missing;
        break;
    default:
        break;
    }
}

bool tlsx_explain_uses_facts(uint8_t key)
{
    switch (key) {
    case TLSX_EX_CLIENT_HELLO:
    case TLSX_EX_CLIENT_HELLO_TLS13:
    case TLSX_EX_SERVER_HELLO_TLS13:
    case TLSX_EX_SERVER_HELLO_PSK:
    case TLSX_EX_HELLO_RETRY_REQUEST:
    case TLSX_EX_CLIENT_KEY_EXCHANGE_ECDHE:
    case TLSX_EX_CLIENT_KEY_EXCHANGE_DHE:
    case TLSX_EX_CLIENT_KEY_EXCHANGE_RSA:
    case TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER:
    case TLSX_EX_ENCRYPTED_EXTENSIONS:
    case TLSX_EX_SERVER_FINISHED:
    case TLSX_EX_CLIENT_FINISHED_RESUMED:
    case TLSX_EX_CLIENT_FINISHED_TLS13:
        return true;
    default:
        return false;
    }
}

/* A HelloRetryRequest by what it asked for. */
static uint8_t hrr_key(uint32_t told)
{
    if (told & TLSX_TOLD_HRR_KEY_SHARE)
        return TLSX_EX_HELLO_RETRY_REQUEST; /* tlsx_explanation_of() adds a cookie */
    if (told & TLSX_TOLD_HRR_COOKIE)
        return TLSX_EX_HELLO_RETRY_REQUEST_COOKIE;
    return TLSX_EX_HELLO_RETRY_REQUEST_UNKNOWN;
}

/* The document's text for an ECDHE exchange (or one not known) whose master
 * secret comes from the randoms; else the exchange's own text, followed by
 * how the master secret is derived (tlsx_explanation_of()). */
static uint8_t client_key_exchange_key(const tlsx_handshake *hs)
{
    const bool ems = (hs->told & TLSX_TOLD_EMS) != 0;
    switch (hs->keyx) {
    case TLSX_KEYX_RSA:
        return TLSX_EX_CLIENT_KEY_EXCHANGE_RSA;
    case TLSX_KEYX_DHE:
        return TLSX_EX_CLIENT_KEY_EXCHANGE_DHE;
    case TLSX_KEYX_ECDHE:
        return ems ? TLSX_EX_CLIENT_KEY_EXCHANGE_ECDHE : TLSX_EX_CLIENT_KEY_EXCHANGE;
    case TLSX_KEYX_UNKNOWN:
        return ems ? TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER : TLSX_EX_CLIENT_KEY_EXCHANGE;
    default:
        return TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER;
    }
}

/* The explanation that fits the message in this handshake. */
static uint8_t explain_key(const tlsx_handshake *hs, const tlsx_step *st)
{
    const bool client = st->side == TLSX_CLIENT;
    const uint32_t told = hs->told;

    if (st->kind == TLSX_STEP_ALERT) {
        /* An alert that ended nothing in an open handshake: see note_alert(). */
        if (st->alert_level == 0 && !ended(hs) &&
            closes_after_finished(hs, (tlsx_side)st->side, 0, 0))
            return TLSX_EX_ALERT_ENCRYPTED_AFTER_FINISHED;
        if (st->alert_level == 0)
            return TLSX_EX_ALERT_ENCRYPTED;
        return st->alert_level == TLSX_ALERT_WARNING ? TLSX_EX_ALERT_WARNING : TLSX_EX_ALERT_FATAL;
    }
    if (st->kind == TLSX_STEP_ENCRYPTED_RECORD && hs->encrypted_renegotiation)
        return TLSX_EX_ENCRYPTED_RENEGOTIATION;
    if (st->kind == TLSX_STEP_ENCRYPTED_RECORD && hs->transport == TLSX_TRANSPORT_QUIC)
        return client ? TLSX_EX_ENCRYPTED_CLIENT_QUIC : TLSX_EX_ENCRYPTED_SERVER_QUIC;
    /* The key log is named once per handshake: on its first encrypted record. */
    if (st->kind == TLSX_STEP_ENCRYPTED_RECORD && hs->encrypted_records > 1)
        return client ? TLSX_EX_ENCRYPTED_CLIENT_TLS13_MORE : TLSX_EX_ENCRYPTED_SERVER_TLS13_MORE;
    if (st->kind == TLSX_STEP_HANDSHAKE) {
        switch (st->hs_type) {
        case TLSX_HS_CLIENT_HELLO:
            if (!client)
                break;
            if (hs->hrr)
                return (told & TLSX_TOLD_HRR_COOKIE) && !(told & TLSX_TOLD_HRR_KEY_SHARE)
                           ? TLSX_EX_CLIENT_HELLO_RETRY_COOKIE
                           : TLSX_EX_CLIENT_HELLO_RETRY;
            if (hs->cookie)
                return TLSX_EX_CLIENT_HELLO_COOKIE;
            if (hs->renegotiation)
                return TLSX_EX_CLIENT_HELLO_RENEGOTIATION;
            if (told & TLSX_TOLD_TLS13_OFFERED)
                return TLSX_EX_CLIENT_HELLO_TLS13;
            break;
        case TLSX_HS_SERVER_HELLO:
            if (st->hrr)
                return hrr_key(told);
            if (is_tls13(hs) && hs->psk)
                return TLSX_EX_SERVER_HELLO_PSK;
            if (!is_tls13(hs) && hs->resumed)
                return TLSX_EX_SERVER_HELLO_RESUMED;
            break;
        case TLSX_HS_SERVER_KEY_EXCHANGE:
            if (!client && hs->keyx == TLSX_KEYX_DHE)
                return TLSX_EX_SERVER_KEY_EXCHANGE_DHE;
            break;
        case TLSX_HS_CLIENT_KEY_EXCHANGE:
            if (client)
                return client_key_exchange_key(hs);
            break;
        case TLSX_HS_FINISHED:
            if (!is_tls13(hs) && hs->resumed)
                return client ? TLSX_EX_CLIENT_FINISHED_RESUMED : TLSX_EX_SERVER_FINISHED_RESUMED;
            break;
        default:
            break;
        }
    }
    if (st->kind == TLSX_STEP_CCS && !client && !is_tls13(hs) && hs->resumed)
        return TLSX_EX_SERVER_CCS_RESUMED;
    return (uint8_t)tlsx_message_explain_key((tlsx_step_kind)st->kind, st->hs_type,
                                             (tlsx_side)st->side, is_tls13(hs));
}

static void time_step(tlsx_handshake *hs, const tlsx_event *ev, bool counted, tlsx_step *st)
{
    bool ordered = tlsx_time_between(hs->start, ev->ts, &st->since_start);
    if (hs->steps > 1 || !counted)
        ordered &= tlsx_time_between(hs->prev, ev->ts, &st->since_prev);
    const tlsx_side peer = ev->side == TLSX_CLIENT ? TLSX_SERVER : TLSX_CLIENT;
    bool peer_ordered = false;
    if (hs->has_last[peer]) {
        st->has_since_peer = true;
        peer_ordered = tlsx_time_between(hs->last[peer], ev->ts, &st->since_peer);
        ordered &= peer_ordered;
    }
    st->time_backwards = !ordered;
    /* A wait set to 0 because time went backwards measures nothing: it is
     * no answer to estimate a round trip from. */
    if (counted && peer_ordered &&
        (!hs->has_shortest[ev->side] ||
         tlsx_time_cmp(st->since_peer, hs->shortest[ev->side]) < 0)) {
        hs->shortest[ev->side] = st->since_peer;
        hs->has_shortest[ev->side] = true;
    }
}

/* One warning per slow wait: the flight's first step that waited longer
 * than slow_ms since the peer's last message. */
static void note_slow(tlsx_handshake *hs, tlsx_step *st)
{
    const tlsx_time limit = tlsx_time_from_ms(hs->slow_ms);
    if (!st->has_since_peer || st->time_backwards || hs->slow_flight == st->flight ||
        tlsx_time_cmp(st->since_peer, limit) <= 0)
        return;
    st->flags |= TLSX_FLAG_SLOW;
    hs->slow_flight = st->flight;
}

void tlsx_handshake_split(const tlsx_handshake *hs, const tlsx_baseline *tcp, tlsx_step *st,
                          tlsx_baseline *used)
{
    *used = *tcp;
    if (!used->known) {
        const tlsx_time none = {0, 0};
        tlsx_baseline_estimate(hs->has_shortest[TLSX_SERVER] ? hs->shortest[TLSX_SERVER] : none,
                               hs->has_shortest[TLSX_CLIENT] ? hs->shortest[TLSX_CLIENT] : none,
                               used);
    }
    if (!st->has_since_peer)
        return;
    tlsx_split_wait(used, (tlsx_side)st->side, st->since_peer, &st->network, &st->processing);
    st->has_split = true;
    st->split_estimated = used->estimated;
}

/* DTLS numbers each side's handshake messages from 0 in every handshake
 * (RFC 6347 4.2.2) and sends a lost flight again with the same numbers. */
typedef enum {
    SEQ_NEW,      /* the next message (or no sequence number) */
    SEQ_FRAGMENT, /* another fragment of the side's latest message: already a step */
    SEQ_REPEAT,   /* a number already used: a retransmission */
} seq_verdict;

static seq_verdict dtls_sequence(const tlsx_handshake *hs, const tlsx_event *ev)
{
    if (!ev->has_seq || hs->id == 0 || ev->kind != TLSX_EV_HANDSHAKE)
        return SEQ_NEW;
    /* A new handshake starts numbering again. */
    if (ended(hs) && ev->msg_seq == 0 &&
        (ev->hs_type == TLSX_HS_CLIENT_HELLO || ev->hs_type == TLSX_HS_HELLO_REQUEST))
        return SEQ_NEW;
    const int32_t last = hs->last_seq[ev->side];
    if ((int32_t)ev->msg_seq > last)
        return SEQ_NEW;
    if ((int32_t)ev->msg_seq == last && ev->partial)
        return SEQ_FRAGMENT;
    return SEQ_REPEAT;
}

/* A retransmitted DTLS message: annotated, not counted, changes nothing. */
static void classify_repeat(const tlsx_event *ev, tlsx_step *st)
{
    st->kind = TLSX_STEP_HANDSHAKE;
    st->hs_type = ev->hs_type;
    st->flags |= TLSX_FLAG_DUPLICATE;
}

/* The facts the advice rests on (tlsx_advice.h), from every event of the
 * handshake, steps or not: a fragment of a message counts its bytes, and
 * the longest pause of the server's first flight is between two of its
 * records, whatever they hold. */
static void note_advice(tlsx_handshake *hs, const tlsx_event *ev)
{
    tlsx_advice_facts *af = &hs->advice;
    const bool server = ev->side == TLSX_SERVER;
    const bool message = ev->kind == TLSX_EV_HANDSHAKE;
    if (message && ev->hs_type == TLSX_HS_CLIENT_HELLO && !server && !hs->hrr &&
        (ev->hello.extensions & TLSX_EXT_STATUS_REQUEST))
        af->bits |= TLSX_AF_STATUS_REQUEST;
    if (message && server) {
        switch (ev->hs_type) {
        case TLSX_HS_SERVER_HELLO:
            if (ev->hrr)
                break;
            if (ev->hello.extensions & TLSX_EXT_ENCRYPT_THEN_MAC)
                af->bits |= TLSX_AF_ETM;
            if (!is_tls13(hs) && ev->session_id)
                af->bits |= TLSX_AF_SERVER_ID;
            break;
        case TLSX_HS_CERTIFICATE:
            if (af->cert_bytes)
                break;
            af->cert_bytes = ev->length > 0xffffffu ? 0xffffffu : ev->length;
            af->cert_count = ev->cert_count;
            if (ev->cert_stapled)
                af->bits |= TLSX_AF_STAPLED;
            break;
        case TLSX_HS_CERTIFICATE_STATUS:
            af->bits |= TLSX_AF_STAPLED;
            break;
        case TLSX_HS_NEW_SESSION_TICKET:
            af->bits |= TLSX_AF_TICKET;
            break;
        default:
            break;
        }
    }
    if (af->bits & TLSX_AF_FLIGHT_DONE)
        return;
    tlsx_time since;
    if (!tlsx_time_between(hs->start, ev->ts, &since))
        since.secs = since.nsecs = 0;
    const int64_t since_us = tlsx_time_to_ns(since) / 1000;
    const uint32_t now_us = since_us > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)since_us;
    if (!(af->bits & TLSX_AF_IN_FLIGHT)) {
        /* The flight starts with the Server Hello that is no retry request. */
        if (message && server && ev->hs_type == TLSX_HS_SERVER_HELLO && !ev->hrr) {
            af->bits |= TLSX_AF_IN_FLIGHT;
            af->flight_bytes = ev->wire_bytes;
            af->last_us = now_us;
        }
        return;
    }
    if (!server) {
        /* A TLS 1.3 client's compatibility ChangeCipherSpec answers nothing. */
        if (ev->kind != TLSX_EV_CCS)
            af->bits |= TLSX_AF_FLIGHT_DONE;
        return;
    }
    if (ev->kind == TLSX_EV_ALERT || ev->kind == TLSX_EV_QUIC_1RTT || !ev->wire_bytes)
        return;
    const uint32_t pause = now_us > af->last_us ? now_us - af->last_us : 0;
    const uint32_t capped = pause > 0xffffffu ? 0xffffffu : pause;
    if (capped > af->pause_us) {
        af->pause_us = capped;
        af->sent_before = af->flight_bytes;
        af->pause_frame = ev->frame;
    }
    af->last_us = now_us;
    af->flight_bytes += ev->wire_bytes;
    if (message && (ev->hs_type == TLSX_HS_SERVER_HELLO_DONE || ev->hs_type == TLSX_HS_FINISHED))
        af->bits |= TLSX_AF_FLIGHT_DONE;
}

bool tlsx_handshake_feed(tlsx_handshake *hs, uint32_t *next_id, const tlsx_event *ev, tlsx_step *st)
{
    const seq_verdict seq = dtls_sequence(hs, ev);
    if (seq == SEQ_FRAGMENT)
        return false;
    bool abandons = false;
    if (seq == SEQ_NEW && opens_handshake(hs, ev, &abandons)) {
        const uint32_t open = hs->id;
        start_handshake(hs, next_id, ev);
        if (abandons)
            hs->abandoned = open;
    }
    if (hs->id == 0)
        return false;

    /* Messages after the end of a handshake, and TLS 1.3 tickets and key
     * updates whenever they come (a server may send tickets before the
     * client's Finished), are post-handshake messages: annotated, no step. */
    const bool overturns = overturns_end(hs, ev);
    if (overturns)
        hs->complete = false;
    const bool was_ended = ended(hs);
    const bool post_handshake =
        was_ended ||
        (is_tls13(hs) && ev->kind == TLSX_EV_HANDSHAKE &&
         (ev->hs_type == TLSX_HS_NEW_SESSION_TICKET || ev->hs_type == TLSX_HS_KEY_UPDATE));

    memset(st, 0, sizeof *st);
    st->side = (uint8_t)ev->side;
    if (overturns)
        st->flags |= TLSX_FLAG_OVERTURNS;
    if (seq == SEQ_REPEAT) {
        classify_repeat(ev, st);
    } else if (!classify(hs, ev, post_handshake, st)) {
        if (!post_handshake)
            note_advice(hs, ev);
        return false;
    }
    if (ev->has_seq && seq == SEQ_NEW && (int32_t)ev->msg_seq > hs->last_seq[ev->side])
        hs->last_seq[ev->side] = ev->msg_seq;

    st->handshake = hs->id;
    if (abandons)
        st->flags |= TLSX_FLAG_ABANDONS;
    if (hs->mid_capture && hs->steps == 0 && !post_handshake)
        st->flags |= TLSX_FLAG_MID_CAPTURE;
    if (!post_handshake && seq == SEQ_NEW)
        check_sequence(hs, st);

    const bool counted = !post_handshake && !(st->flags & TLSX_FLAG_DUPLICATE);
    if (counted) {
        /* A TLS 1.3 client may send its compatibility ChangeCipherSpec as
         * soon as it has the Server Hello, before the server's encrypted
         * flight: a flight of its own that the server does not answer. */
        const bool compat_ccs =
            st->kind == TLSX_STEP_CCS && ev->side == TLSX_CLIENT && is_tls13(hs) && hs->version;
        st->step = ++hs->steps;
        if (hs->last_side != (int8_t)ev->side) {
            hs->flights++;
            if (hs->last_side == TLSX_CLIENT && !hs->compat_flight)
                hs->rtts++;
            hs->last_side = (int8_t)ev->side;
            hs->compat_flight = compat_ccs;
        } else if (!compat_ccs) {
            hs->compat_flight = false;
        }
        st->flight = hs->flights;
        add_history(hs, st);
    } else if (!was_ended && post_handshake) {
        add_history(hs, st); /* a TLS 1.3 ticket before the client's Finished */
    }

    /* Only hellos carry a version of their own (see tlsx_event).  A Server
     * Hello's step carries the client's highest offered, as curl prints it:
     * the connection's version is still the client's while it reads it. */
    st->version = ev->version   ? ev->version
                  : hs->version ? hs->version
                  : hs->legacy  ? 0
                                : hs->offered_version;
    if (ev->kind == TLSX_EV_HANDSHAKE && ev->hs_type == TLSX_HS_SERVER_HELLO && hs->offered_version)
        st->version = hs->offered_version;
    st->explain = explain_key(hs, st);
    if (tlsx_explain_uses_facts(st->explain)) {
        static const uint32_t rtts[] = {0, TLSX_TOLD_RTTS_ONE, TLSX_TOLD_RTTS_TWO,
                                        TLSX_TOLD_RTTS_THREE};
        st->keyx = hs->keyx;
        st->told = hs->told | (hs->rtts < 4 ? rtts[hs->rtts] : 0);
    }
    time_step(hs, ev, counted, st);
    if (counted)
        note_slow(hs, st);
    if (st->flags & TLSX_FLAG_DUPLICATE)
        return true;
    if (was_ended && ev->kind == TLSX_EV_HANDSHAKE)
        note_late_record(hs, ev);
    if (counted || post_handshake)
        note_advice(hs, ev);

    hs->prev = ev->ts;
    hs->last[ev->side] = ev->ts;
    hs->has_last[ev->side] = true;
    if (counted && ended(hs)) {
        st->ends = true;
        hs->end = ev->ts;
    }
    return true;
}

bool tlsx_handshake_note_stall(tlsx_handshake *hs)
{
    if (!hs->id || hs->failed || (hs->told & TLSX_TOLD_STALL))
        return false;
    hs->told |= TLSX_TOLD_STALL;
    hs->rtts++;
    return true;
}

const char *tlsx_step_name(const tlsx_step *st)
{
    if (st->kind == TLSX_STEP_ALERT && st->alert_level == 0)
        return TLSX_NAME_ENCRYPTED_ALERT;
    return tlsx_message_name((tlsx_step_kind)st->kind, row_type(st));
}

unsigned tlsx_step_order(const tlsx_step *st)
{
    return tlsx_message_order((tlsx_step_kind)st->kind, row_type(st));
}

void tlsx_handshake_summarize(const tlsx_handshake *hs, tlsx_summary *out)
{
    memset(out, 0, sizeof *out);
    out->handshake = hs->id;
    /* Only a Server Hello tells the version; without one, the client's
     * offer, unless a record showed it was not TLS 1.3 (note_legacy_record()). */
    out->version = hs->version ? hs->version : hs->legacy ? 0 : hs->offered_version;
    out->cipher = hs->cipher;
    out->group = hs->group;
    out->group_known = hs->group_known;
    out->hrr = hs->hrr;
    out->resumed = hs->resumed || hs->psk;
    out->client_auth = hs->client_cert_verify;
    out->complete = hs->complete;
    out->has_alert = hs->has_alert;
    out->alert = hs->alert_desc;
    out->ech = hs->ech;
    out->encrypted = hs->encrypted_renegotiation || (is_tls13(hs) && !hs->decrypted);
    out->cookie = hs->cookie;
    out->transport = hs->transport;
    out->rtts = hs->rtts;
    out->keyx = hs->keyx;
    out->told = hs->told;
    tlsx_time_between(hs->start, ended(hs) ? hs->end : hs->prev, &out->duration);
    memcpy(out->history, hs->history, sizeof out->history);

    if (hs->renegotiation)
        out->variant = TLSX_VARIANT_RENEGOTIATION;
    else if (is_tls13(hs))
        out->variant = hs->early_data ? TLSX_VARIANT_0RTT
                       : hs->hrr      ? TLSX_VARIANT_HRR
                       : hs->psk      ? TLSX_VARIANT_PSK
                                      : TLSX_VARIANT_FULL;
    else
        out->variant = hs->resumed ? TLSX_VARIANT_RESUMED : TLSX_VARIANT_FULL;
}

const char *tlsx_ech_outcome_name(uint8_t ech)
{
    switch (ech) {
    case TLSX_ECH_OFFERED:
        return "offered (real or GREASE: the outer Client Hello looks the same; with real ECH "
               "its server name is the public name of the ECH configuration)";
    case TLSX_ECH_RETRY_CONFIGS:
        return "not used: the server answered with retry configurations";
    case TLSX_ECH_ACCEPTED:
        return "accepted: the HelloRetryRequest confirmed it";
    default:
        return NULL;
    }
}

void tlsx_summary_kind(const tlsx_summary *s, char *buf, size_t size)
{
    static const char *const variants[] = {
        [TLSX_VARIANT_FULL] = "full",
        [TLSX_VARIANT_RESUMED] = "resumed",
        [TLSX_VARIANT_RENEGOTIATION] = "renegotiation",
        [TLSX_VARIANT_HRR] = "HelloRetryRequest",
        [TLSX_VARIANT_PSK] = "PSK resumption",
        [TLSX_VARIANT_0RTT] = "0-RTT",
    };
    const char *label = tlsx_version_label(s->version);
    snprintf(buf, size, "%s%s %s", s->transport == TLSX_TRANSPORT_QUIC ? "QUIC " : "",
             label ? label : "TLS", variants[s->variant]);
}
