/* tlsx_handshake.c: see tlsx_handshake.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_handshake.h"

#include <string.h>

int tlsx_sender_of(uint8_t hs_type)
{
    switch (hs_type) {
    case TLSX_HS_CLIENT_HELLO:
    case TLSX_HS_END_OF_EARLY_DATA:
    case TLSX_HS_CLIENT_KEY_EXCHANGE:
    case TLSX_HS_NEXT_PROTOCOL:
        return TLSX_CLIENT;
    case TLSX_HS_HELLO_REQUEST:
    case TLSX_HS_SERVER_HELLO:
    case TLSX_HS_HELLO_VERIFY_REQUEST:
    case TLSX_HS_NEW_SESSION_TICKET:
    case TLSX_HS_ENCRYPTED_EXTENSIONS:
    case TLSX_HS_SERVER_KEY_EXCHANGE:
    case TLSX_HS_CERTIFICATE_REQUEST:
    case TLSX_HS_SERVER_HELLO_DONE:
    case TLSX_HS_CERTIFICATE_STATUS:
        return TLSX_SERVER;
    default:
        return -1;
    }
}

static bool is_tls13(const tlsx_handshake *hs)
{
    return tlsx_version_is_tls13(hs->version);
}

bool tlsx_handshake_reads_app_data(const tlsx_handshake *hs)
{
    return hs->id != 0 && is_tls13(hs) && !hs->decrypted && !hs->complete;
}

static void start_handshake(tlsx_handshake *hs, uint32_t *next_id, const tlsx_event *ev)
{
    memset(hs, 0, sizeof *hs);
    hs->id = ++*next_id;
    hs->start = ev->ts;
    if (ev->kind == TLSX_EV_HANDSHAKE && ev->hs_type == TLSX_HS_CLIENT_HELLO)
        hs->offered_version = ev->version;
}

/* A TLS 1.3 handshake ends with the client's Finished; a TLS 1.2 one with the
 * second Finished, whichever side sends it (the server's comes first when a
 * session is resumed). */
static void note_finished(tlsx_handshake *hs, tlsx_side side)
{
    hs->finished[side] = true;
    if (is_tls13(hs) ? side == TLSX_CLIENT : hs->finished[!side])
        hs->complete = true;
}

/* Decides what the event is.  Returns false when it is no step. */
static bool classify(tlsx_handshake *hs, const tlsx_event *ev, tlsx_step *st)
{
    const tlsx_side side = ev->side;

    st->kind = TLSX_STEP_HANDSHAKE;
    st->hs_type = ev->hs_type;
    st->encrypted = false;

    switch (ev->kind) {
    case TLSX_EV_HANDSHAKE:
        if (ev->decrypted)
            hs->decrypted = true;
        if (ev->hs_type == TLSX_HS_SERVER_HELLO && ev->version)
            hs->version = ev->version;
        if (ev->hs_type == TLSX_HS_FINISHED)
            note_finished(hs, side);
        return true;
    case TLSX_EV_CCS:
        /* After a complete handshake only a renegotiation sends one, inside
         * encrypted records that tell nothing else: no step of its own. */
        if (hs->complete)
            return false;
        st->kind = TLSX_STEP_CCS;
        if (!is_tls13(hs))
            hs->ccs[side] = true;
        return true;
    case TLSX_EV_OPAQUE_HANDSHAKE:
        /* After its ChangeCipherSpec a TLS 1.2 side sends only its Finished;
         * anything else without a type is a fragment, shown where it ends. */
        if (is_tls13(hs) || !hs->ccs[side] || hs->finished[side])
            return false;
        st->hs_type = TLSX_HS_FINISHED;
        st->encrypted = true;
        note_finished(hs, side);
        return true;
    case TLSX_EV_APP_DATA:
        /* Without keys a TLS 1.3 handshake after the Server Hello is a run of
         * application data records: the server's until the client answers,
         * then the client's first one, which carries its Finished. */
        if (!is_tls13(hs) || hs->decrypted || hs->complete)
            return false;
        st->kind = TLSX_STEP_ENCRYPTED_RECORD;
        st->encrypted = true;
        if (side == TLSX_SERVER) {
            hs->server_encrypted = true;
            return true;
        }
        if (!hs->server_encrypted)
            return false;
        hs->complete = true;
        return true;
    }
    return false;
}

bool tlsx_handshake_feed(tlsx_handshake *hs, uint32_t *next_id, const tlsx_event *ev, tlsx_step *st)
{
    const bool client_hello = ev->kind == TLSX_EV_HANDSHAKE && ev->hs_type == TLSX_HS_CLIENT_HELLO;

    if (client_hello ? (hs->id == 0 || hs->complete) : hs->id == 0) {
        /* A capture that starts mid-handshake still numbers what it sees,
         * but only from a message that is certainly part of a handshake. */
        if (ev->kind != TLSX_EV_HANDSHAKE)
            return false;
        start_handshake(hs, next_id, ev);
    }

    /* Messages after the end of a handshake, and TLS 1.3 tickets and key
     * updates whenever they come (a server may send tickets before the
     * client's Finished), are post-handshake messages: annotated, no step. */
    const bool post_handshake =
        hs->complete ||
        (is_tls13(hs) && ev->kind == TLSX_EV_HANDSHAKE &&
         (ev->hs_type == TLSX_HS_NEW_SESSION_TICKET || ev->hs_type == TLSX_HS_KEY_UPDATE));

    memset(st, 0, sizeof *st);
    if (!classify(hs, ev, st))
        return false;

    st->handshake = hs->id;
    st->side = (uint8_t)ev->side;
    st->step = post_handshake ? 0 : ++hs->steps;
    /* Only hellos carry a version of their own (see tlsx_event). */
    st->version = ev->version ? ev->version : hs->version ? hs->version : hs->offered_version;
    st->explain = (uint8_t)tlsx_message_explain_key((tlsx_step_kind)st->kind, st->hs_type, ev->side,
                                                    is_tls13(hs));

    bool ordered = tlsx_time_between(hs->start, ev->ts, &st->since_start);
    if (hs->steps > 1 || post_handshake)
        ordered &= tlsx_time_between(hs->prev, ev->ts, &st->since_prev);
    const tlsx_side peer = ev->side == TLSX_CLIENT ? TLSX_SERVER : TLSX_CLIENT;
    if (hs->has_last[peer]) {
        st->has_since_peer = true;
        ordered &= tlsx_time_between(hs->last[peer], ev->ts, &st->since_peer);
    }
    st->time_backwards = !ordered;

    hs->prev = ev->ts;
    hs->last[ev->side] = ev->ts;
    hs->has_last[ev->side] = true;
    return true;
}
