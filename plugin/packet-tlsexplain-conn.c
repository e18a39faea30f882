/* packet-tlsexplain-conn.c: the first pass.  Finds the frames that
 * matter by their layers, tracks connections (TCP and DTLS by conversation,
 * QUIC by connection number) and who their client is, notes the plaintext
 * command of a STARTTLS upgrade, and feeds each frame's events to the
 * connection's handshake model; the steps it returns are stored for every
 * later pass.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <epan/conversation.h>

#include "packet-tlsexplain-wire.h"
#include "tlsx_group.h"

static tlsexplain_wire_protos protos;

/* Fields of Wireshark's TLS and DTLS dissectors that the plugin reads (TLS's
 * also in QUIC, with two QUIC fields).  All of them are rare (handshake,
 * ChangeCipherSpec and alert records), but tls.app_data, which is needed to
 * see an encrypted TLS 1.3 handshake without keys. */
static tlsexplain_wire_fields tls_fields, dtls_fields, quic_fields;

/* An address and port kept within the connection: an IPv4 or IPv6
 * address needs no allocation of its own; a longer one (no transport the
 * plugin reads uses one) is copied in file scope. */
typedef struct {
    union {
        guint8 bytes[16];
        const guint8 *copy; /* len > 16 */
    } data;
    guint32 port;
    gint8 type; /* address_type */
    guint8 len;
} kept_endpoint;

static const guint8 *kept_bytes(const kept_endpoint *e)
{
    return e->len > sizeof e->data.bytes ? e->data.copy : e->data.bytes;
}

static void keep_endpoint(kept_endpoint *e, const address *a, guint32 port)
{
    const guint8 len = (guint8)MIN(a->len, G_MAXUINT8);
    e->type = (gint8)a->type;
    e->len = len;
    e->port = port;
    if (len > sizeof e->data.bytes)
        e->data.copy = (const guint8 *)wmem_memdup(wmem_file_scope(), a->data, len);
    else if (len)
        memcpy(e->data.bytes, a->data, len);
}

static gboolean is_kept(const kept_endpoint *e, const address *a, guint32 port)
{
    return e->port == port && e->type == a->type && e->len == a->len &&
           (!e->len || memcmp(kept_bytes(e), a->data, e->len) == 0);
}

/* One connection: the model, who the client and server are, and its
 * current handshake. */
typedef struct {
    tlsx_handshake hs;
    kept_endpoint client;
    struct endpoint *server; /* QUIC only: its client may change addresses */
    tlsexplain_record *current;
    struct plaintext *plain; /* a protocol that upgrades to TLS ran before the handshake */
    tlsx_time syn;
    tlsx_baseline tcp;
    guint8 client_known;
    guint8 tcp_looked_up;    /* tcp and syn are read at the first TLS frame */
    guint8 reading_app_data; /* counted in conns_reading_app_data */
    tlsexplain_advice_conn advice;
    /* The server's first flight as TCP sees it (the advice): read at every
     * segment of the server while it lasts. */
    guint8 flight_state; /* FLIGHT_* */
    guint32 flight_base; /* the server's next sequence number at the Client Hello */
    guint32 flight_next; /* ... after its last segment of the flight */
    tlsx_time flight_last_at;
    tlsexplain_tcp_flight flight;
    guint8 stall_judged; /* whether the flight stalled was decided, once its model flight ended */
} conn_state;

enum { FLIGHT_NONE, FLIGHT_ON, FLIGHT_OVER };

/* Connections whose server's first flight is on: while there are some,
 * frames of TCP alone are looked at (a segment inside a record). */
static guint conns_in_flight;

static void follow_flight(conn_state *cs, packet_info *pinfo, tlsx_side side, gboolean client_hello,
                          gboolean ends);

struct endpoint {
    address addr;
    guint32 port;
};

/* The last plaintext frame each way of a protocol that upgrades to TLS
 * (packet-tlsexplain-starttls.c): the client's is its upgrade command. */
struct plaintext {
    gint8 proto; /* its number in packet-tlsexplain-starttls.c */
    address addr[2];
    guint32 port[2];
    guint32 frame[2];
};

static guint32 next_handshake_id;

/* Connections whose next application data record matters
 * (tlsx_handshake_reads_app_data()): while there are none, a frame of
 * application data only needs no connection lookup.  Most frames of a
 * capture are such frames. */
static guint conns_reading_app_data;

static void count_reading_app_data(conn_state *cs)
{
    const guint8 reading = tlsx_handshake_reads_app_data(&cs->hs);
    if (reading != cs->reading_app_data) {
        conns_reading_app_data += reading ? 1 : (guint)-1;
        cs->reading_app_data = reading;
    }
}

/* QUIC connections by Wireshark's number: one connection may change its
 * UDP addresses (migration), and several may share them. */
static wmem_map_t *quic_conns;

static conn_state *new_conn(int transport)
{
    conn_state *cs = wmem_new0(wmem_file_scope(), conn_state);
    cs->hs.transport = (uint8_t)transport;
    /* A change of preference dissects the file anew, from its init. */
    cs->hs.slow_ms = tlsexplain_prefs.slow_ms;
    return cs;
}

/* The last connections found by their conversation, by their ports: most
 * frames with TLS records belong to a connection seen a frame or two
 * before, and finding a conversation costs some 1,100 instructions.  An
 * entry holds while its conversation is the one the transport's dissector
 * found for this very frame (finding a conversation marks its last_frame),
 * so a new conversation on the same addresses and ports (a port reused
 * after a new SYN) is never mistaken for the old one. */
#define CONN_CACHE_SIZE 64
typedef struct {
    conversation_t *conv; /* NULL: empty */
    conn_state *cs;
    guint32 port[2];
    guint8 ptype, type, len;
    guint8 addr[2][16];
} conn_cache_entry;
static conn_cache_entry conn_cache[CONN_CACHE_SIZE];

static conn_cache_entry *cache_slot(const packet_info *pinfo)
{
    return &conn_cache[(pinfo->srcport ^ pinfo->destport) & (CONN_CACHE_SIZE - 1)];
}

static gboolean cacheable(const packet_info *pinfo)
{
    return (pinfo->src.type == AT_IPv4 || pinfo->src.type == AT_IPv6) &&
           pinfo->dst.type == pinfo->src.type && pinfo->src.len == pinfo->dst.len &&
           pinfo->src.len <= 16;
}

static gboolean cached_end(const conn_cache_entry *e, int i, const address *a, guint32 port)
{
    return e->port[i] == port && memcmp(e->addr[i], a->data, e->len) == 0;
}

/* The conversation of this frame, as find_conversation_pinfo(pinfo, 0)
 * gives it, once TCP or UDP found it: the connection's lookup finds it, and
 * reading TCP's analysis of the frame needs it again. */
static conversation_t *frame_conv;
static guint32 frame_conv_num; /* the frame frame_conv is of, 0 none */

static void set_frame_conversation(const packet_info *pinfo, conversation_t *conv)
{
    frame_conv = conv;
    frame_conv_num = pinfo->num;
}

static conversation_t *frame_conversation(packet_info *pinfo)
{
    if (frame_conv_num != pinfo->num)
        set_frame_conversation(pinfo, find_conversation_pinfo(pinfo, 0));
    return frame_conv;
}

static conn_state *cache_lookup(const packet_info *pinfo)
{
    const conn_cache_entry *e = cache_slot(pinfo);
    if (!e->conv || e->conv->last_frame != pinfo->num || e->ptype != (guint8)pinfo->ptype ||
        !cacheable(pinfo) || e->type != (guint8)pinfo->src.type || e->len != (guint8)pinfo->src.len)
        return NULL;
    if ((cached_end(e, 0, &pinfo->src, pinfo->srcport) &&
         cached_end(e, 1, &pinfo->dst, pinfo->destport)) ||
        (cached_end(e, 1, &pinfo->src, pinfo->srcport) &&
         cached_end(e, 0, &pinfo->dst, pinfo->destport)))
        return e->cs;
    return NULL;
}

static void cache_store(const packet_info *pinfo, conversation_t *conv, conn_state *cs)
{
    if (!cacheable(pinfo))
        return;
    conn_cache_entry *e = cache_slot(pinfo);
    e->conv = conv;
    e->cs = cs;
    e->ptype = (guint8)pinfo->ptype;
    e->type = (guint8)pinfo->src.type;
    e->len = (guint8)pinfo->src.len;
    e->port[0] = pinfo->srcport;
    e->port[1] = pinfo->destport;
    memcpy(e->addr[0], pinfo->src.data, e->len);
    memcpy(e->addr[1], pinfo->dst.data, e->len);
}

/* The frame's connection: its conversation, or for QUIC its QUIC
 * connection; created when create is set, else NULL when unknown. */
static conn_state *lookup_conn(packet_info *pinfo, proto_tree *tree, int transport, gboolean create)
{
    guint32 number;
    if (transport == TLSX_TRANSPORT_QUIC &&
        tlsexplain_wire_quic_connection(&quic_fields, tree, &number)) {
        gpointer key = GUINT_TO_POINTER(number + 1);
        conn_state *cs = (conn_state *)wmem_map_lookup(quic_conns, key);
        if (!cs && create) {
            cs = new_conn(transport);
            wmem_map_insert(quic_conns, key, cs);
        }
        return cs;
    }
    conn_state *cs = cache_lookup(pinfo);
    if (cs) {
        set_frame_conversation(pinfo, cache_slot(pinfo)->conv);
        return cs;
    }
    conversation_t *conv =
        create ? find_or_create_conversation(pinfo) : find_conversation_pinfo(pinfo, 0);
    set_frame_conversation(pinfo, conv);
    if (!conv)
        return NULL;
    cs = (conn_state *)conversation_get_proto_data(conv, proto_tlsexplain);
    if (!cs && create) {
        cs = new_conn(transport);
        conversation_add_proto_data(conv, proto_tlsexplain, cs);
    }
    if (cs)
        cache_store(pinfo, conv, cs);
    return cs;
}

static void set_endpoint(address *addr, guint32 *port, const address *from, guint32 from_port)
{
    free_address_wmem(wmem_file_scope(), addr);
    copy_address_wmem(wmem_file_scope(), addr, from);
    *port = from_port;
}

/* The client is the sender when sender is set, else the receiver. */
static void set_client(conn_state *cs, packet_info *pinfo, gboolean sender)
{
    keep_endpoint(&cs->client, sender ? &pinfo->src : &pinfo->dst,
                  sender ? pinfo->srcport : pinfo->destport);
    if (cs->hs.transport == TLSX_TRANSPORT_QUIC) {
        if (!cs->server)
            cs->server = wmem_new0(wmem_file_scope(), struct endpoint);
        set_endpoint(&cs->server->addr, &cs->server->port, sender ? &pinfo->dst : &pinfo->src,
                     sender ? pinfo->destport : pinfo->srcport);
    }
    cs->client_known = TRUE;
}

static gboolean is_endpoint(const address *addr, guint32 port, const address *a, guint32 p)
{
    return port == p && addresses_equal(addr, a);
}

/* The sender of a frame, once the client is known. */
static tlsx_side sender_of(const conn_state *cs, packet_info *pinfo)
{
    /* A QUIC client may move to new addresses; its server stays put. */
    if (is_kept(&cs->client, &pinfo->src, pinfo->srcport))
        return TLSX_CLIENT;
    if (!cs->server ||
        is_endpoint(&pinfo->src, pinfo->srcport, &cs->server->addr, cs->server->port))
        return TLSX_SERVER;
    return is_endpoint(&pinfo->dst, pinfo->destport, &cs->server->addr, cs->server->port)
               ? TLSX_CLIENT
               : TLSX_SERVER;
}

static gboolean has_ccs(const tlsx_event *events, guint n)
{
    for (guint i = 0; i < n; i++) {
        if (events[i].kind == TLSX_EV_CCS)
            return TRUE;
    }
    return FALSE;
}

/* The sender of this frame, learnt from a Client Hello or, in a capture that
 * starts mid-handshake, from a message only one side sends: the frame's
 * first message with a type, since a frame may start with the end of a
 * message whose type was in an earlier one (a fragment).  Returns FALSE
 * while the sender cannot be told. */
static gboolean frame_side(conn_state *cs, packet_info *pinfo, const tlsx_event *events, guint n,
                           tlsx_side *side)
{
    const tlsx_event *first = &events[0];
    for (guint i = 0; i < n && !cs->client_known; i++) {
        if (events[i].kind == TLSX_EV_HANDSHAKE) {
            first = &events[i];
            break;
        }
    }
    /* The first Client Hello names the client for good: a Client Hello from
     * the other side later is flagged, not believed. */
    if (!cs->client_known && first->kind == TLSX_EV_HANDSHAKE &&
        first->hs_type == TLSX_HS_CLIENT_HELLO)
        set_client(cs, pinfo, TRUE);
    if (!cs->client_known && first->kind == TLSX_EV_HANDSHAKE) {
        int sender = tlsx_sender_of(first->hs_type);
        if (sender == TLSX_CLIENT)
            set_client(cs, pinfo, TRUE);
        else if (sender == TLSX_SERVER)
            set_client(cs, pinfo, FALSE);
    }
    /* A frame with no message only one side sends, but a ChangeCipherSpec
     * (the capture starts after the hellos): TCP knows the server's port
     * when the connection's SYN or SYN/ACK was captured. */
    if (!cs->client_known && cs->hs.transport == TLSX_TRANSPORT_TCP && has_ccs(events, n) &&
        pinfo->srcport != pinfo->destport) {
        conversation_t *conv = frame_conversation(pinfo);
        const guint16 server = conv ? tlsexplain_tcp_server_port(conv, pinfo) : 0;
        if (server && server == pinfo->srcport)
            set_client(cs, pinfo, FALSE);
        else if (server && server == pinfo->destport)
            set_client(cs, pinfo, TRUE);
    }
    if (!cs->client_known)
        return FALSE;
    *side = sender_of(cs, pinfo);
    return TRUE;
}

/* The upgrade command asked for the first handshake after it. */
static void note_upgraded(conn_state *cs, tlsexplain_record *rec)
{
    struct plaintext *p = cs->plain;
    if (!p)
        return;
    for (int i = 0; i < 2; i++) {
        if (p->frame[i] && is_kept(&cs->client, &p->addr[i], p->port[i])) {
            rec->upgrade = p->proto;
            rec->upgrade_frame = p->frame[i];
        }
    }
    cs->plain = NULL;
}

/* The record of the handshake a step belongs to, made at its first step. */
static tlsexplain_record *record_of(conn_state *cs, const tlsx_step *st)
{
    if (!cs->current || cs->current->id != st->handshake) {
        tlsexplain_record *rec = wmem_new0(wmem_file_scope(), tlsexplain_record);
        rec->id = st->handshake;
        rec->tcp = &cs->tcp;
        rec->transport = cs->hs.transport;
        rec->upgrade = -1;
        note_upgraded(cs, rec);
        tlsexplain_store_record(rec);
        cs->current = rec;
    }
    return cs->current;
}

/* Server names and protocols, one copy each for the whole file: most
 * handshakes of a capture repeat a few of them. */
static wmem_map_t *interned;

static const char *keep(const char *file_copy, const char *packet_copy)
{
    if (file_copy || !packet_copy)
        return file_copy;
    char *copy = (char *)wmem_map_lookup(interned, packet_copy);
    if (!copy) {
        copy = wmem_strdup(wmem_file_scope(), packet_copy);
        wmem_map_insert(interned, copy, copy);
    }
    return copy;
}

/* Server certificates, read once and kept once per distinct certificate:
 * the handshakes of a capture mostly meet the same few servers.  What is
 * read is a function of the bytes alone, so equal bytes share it; one that
 * cannot be read is remembered as NULL. */
typedef struct {
    const guint8 *der;
    gsize len;
} cert_bytes;

static wmem_map_t *certs; /* cert_bytes -> const tlsx_x509 *, or NULL */

/* The last bytes of a certificate are its signature's: they tell
 * certificates apart; equality compares all of them. */
static guint cert_bytes_hash(gconstpointer k)
{
    const cert_bytes *c = (const cert_bytes *)k;
    guint h = (guint)c->len;
    for (gsize i = c->len > 32 ? c->len - 32 : 0; i < c->len; i++)
        h = h * 31 + c->der[i];
    return h;
}

static gboolean cert_bytes_equal(gconstpointer a, gconstpointer b)
{
    const cert_bytes *x = (const cert_bytes *)a, *y = (const cert_bytes *)b;
    return x->len == y->len && memcmp(x->der, y->der, x->len) == 0;
}

static const tlsx_x509 *cert_of(const guint8 *der, gsize len)
{
    const cert_bytes key = {der, len};
    void *found;
    if (wmem_map_lookup_extended(certs, &key, NULL, &found))
        return (const tlsx_x509 *)found;
    tlsx_x509 *c = wmem_new(wmem_file_scope(), tlsx_x509);
    if (!tlsx_x509_read(der, len, c)) {
        wmem_free(wmem_file_scope(), c);
        c = NULL;
    }
    cert_bytes *kept = wmem_new(wmem_file_scope(), cert_bytes);
    kept->der = (const guint8 *)wmem_memdup(wmem_file_scope(), der, len);
    kept->len = len;
    wmem_map_insert(certs, kept, c);
    return c;
}

/* Names read in this frame belong to the handshake open in it.  The cipher
 * suite's and group's are Wireshark's own value strings, which live as long
 * as the program: no copy. */
static void keep_names(tlsexplain_record *rec, const tlsexplain_wire_names *names, gint64 seen)
{
    rec->sni = keep(rec->sni, names->sni);
    rec->alpn = keep(rec->alpn, names->alpn);
    if (!rec->cipher)
        rec->cipher = names->cipher;
    if (!rec->group)
        rec->group = names->group;
    rec->alpn_offered = keep(rec->alpn_offered, names->alpn_offered);
    if (names->cert && !rec->cert) {
        rec->cert = cert_of(names->cert, names->cert_len);
        if (rec->cert)
            rec->cert_seen = seen;
    }
    if (names->has_scheme && !rec->has_scheme) {
        rec->has_scheme = TRUE;
        rec->scheme = names->scheme;
    }
}

/* Network and processing times of the step, and the baseline they rest on. */
static void split_step(conn_state *cs, tlsexplain_frame_step *fst)
{
    tlsx_baseline b;
    tlsx_handshake_split(&cs->hs, &cs->tcp, &fst->st, &b);
    fst->point = (guint8)tlsx_capture_point_of(&b);
    fst->rtt = b.rtt;
    fst->rtt_estimated = b.estimated;
}

/* The time from the connection's set-up to the end of the handshake that
 * ended now. */
static void note_setup(conn_state *cs, tlsexplain_record *rec)
{
    if (cs->hs.transport != TLSX_TRANSPORT_TCP) {
        /* No connection set-up before the handshake: UDP has none, and
         * QUIC's is this handshake. */
        rec->has_setup = tlsx_time_between(cs->hs.start, cs->hs.end, &rec->setup_time);
        rec->setup_rtts = rec->facts.summary.rtts;
    } else if (cs->tcp.known && tlsx_time_between(cs->syn, cs->hs.end, &rec->setup_time)) {
        rec->has_setup = TRUE;
        rec->setup_rtts = 1 + rec->facts.summary.rtts;
    }
}

static void note_step(conn_state *cs, packet_info *pinfo, tlsexplain_frame_step *fst,
                      const tlsexplain_wire_names *names)
{
    if (cs->current && cs->current->id != fst->st.handshake)
        tlsx_facts_note_next(&cs->current->facts, &fst->st);
    tlsexplain_record *rec = record_of(cs, &fst->st);
    fst->rec = rec;
    /* Before the summary: the flight may have stalled, a round trip more. */
    const gboolean client_hello = fst->st.kind == TLSX_STEP_HANDSHAKE && !fst->st.hrr &&
                                  fst->st.hs_type == TLSX_HS_CLIENT_HELLO && fst->st.step == 1;
    follow_flight(cs, pinfo, (tlsx_side)fst->st.side, client_hello, fst->st.ends);
    keep_names(rec, names, (gint64)pinfo->abs_ts.secs);
    /* A group Wireshark does not name (4.0: the post-quantum ones). */
    if (!rec->group && cs->hs.group_known)
        rec->group = tlsx_group_name(cs->hs.group);
    split_step(cs, fst);
    tlsx_facts_note_step(&rec->facts, &cs->hs, &fst->st, pinfo->num);
    if (fst->st.ends)
        note_setup(cs, rec);
    /* The server: the endpoint that is not the client (a QUIC client may
     * have moved; its server stays put). */
    const gboolean from_client = sender_of(cs, pinfo) == TLSX_CLIENT;
    const address *server = cs->server    ? &cs->server->addr
                            : from_client ? &pinfo->dst
                                          : &pinfo->src;
    const guint32 port = cs->server    ? cs->server->port
                         : from_client ? pinfo->destport
                                       : pinfo->srcport;
    address client;
    set_address(&client, cs->client.type, cs->client.len, kept_bytes(&cs->client));
    tlsexplain_advice_note_step(pinfo, &cs->advice, &cs->hs, rec, &fst->st, &client, server, port,
                                cs->flight_state == FLIGHT_NONE ? NULL : &cs->flight);
}

/* The handshake's time to its first application data, once it is known. */
static void note_time_to_app_data(conn_state *cs)
{
    tlsexplain_record *rec = cs->current;
    if (rec && rec->id == cs->hs.id && cs->hs.app_data_seen && !rec->has_app_data)
        rec->has_app_data =
            tlsx_time_between(cs->hs.start, cs->hs.app_data_at, &rec->time_to_app_data);
}

/* A frame of application data only, after the handshake: all it tells is
 * when its sender last sent a record (where the other side's next wait
 * starts), so it is fed as one event, without putting records in order.
 * Most frames of a capture are such frames. */
static void note_late_app_data(conn_state *cs, packet_info *pinfo,
                               const tlsexplain_wire_fields *fields, proto_tree *tree)
{
    if (!cs->client_known || !tlsexplain_wire_has_app_data(fields, tree))
        return;
    tlsx_event ev;
    tlsx_step st;
    memset(&ev, 0, sizeof ev);
    ev.kind = TLSX_EV_APP_DATA;
    ev.side = sender_of(cs, pinfo);
    ev.ts = tlsexplain_time_of(&pinfo->abs_ts);
    tlsx_handshake_feed(&cs->hs, &next_handshake_id, &ev, &st); /* never a step */
    note_time_to_app_data(cs);
}

/* A segment the server sent during its first flight: how far it has sent
 * now, and the pause since its previous segment. */
static void note_flight_segment(conn_state *cs, packet_info *pinfo)
{
    conversation_t *conv = frame_conversation(pinfo);
    guint32 next;
    if (!conv || !tlsexplain_tcp_sent(conv, pinfo, TRUE, &next) ||
        (gint32)(next - cs->flight_next) <= 0)
        return;
    const tlsx_time now = tlsexplain_time_of(&pinfo->abs_ts);
    tlsx_time pause;
    if (tlsx_time_between(cs->flight_last_at, now, &pause) &&
        tlsx_time_cmp(pause, cs->flight.pause) > 0) {
        cs->flight.pause = pause;
        cs->flight.sent_before = cs->flight_next - cs->flight_base;
        cs->flight.pause_frame = pinfo->num;
        /* The client's last acknowledgement came after the server's
         * previous segment: the server may have waited for it. */
        nstime_t acked;
        cs->flight.acked = tlsexplain_tcp_peer_acked(conv, pinfo, &acked) &&
                           tlsx_time_cmp(tlsexplain_time_of(&acked), cs->flight_last_at) > 0;
    }
    cs->flight_next = next;
    cs->flight_last_at = now;
    cs->flight.bytes = next - cs->flight_base;
}

static void end_flight(conn_state *cs)
{
    if (cs->flight_state == FLIGHT_ON)
        conns_in_flight--;
    cs->flight_state = FLIGHT_OVER;
}

/* After the frame's events: the flight starts with the Server Hello (its
 * frame's bytes count before any pause) and ends where the model says.
 * When it ended, while the handshake is open or at the step that ends it,
 * whether it stalled on the congestion window is decided, once: the
 * model counts that round trip (tlsx_handshake_note_stall()), and the
 * advice rests on the same decision. */
static void follow_flight(conn_state *cs, packet_info *pinfo, tlsx_side side, gboolean client_hello,
                          gboolean ends)
{
    if (cs->hs.transport != TLSX_TRANSPORT_TCP)
        return;
    conversation_t *conv = NULL;
    if (client_hello && side == TLSX_CLIENT) {
        end_flight(cs);
        cs->flight_state = FLIGHT_NONE;
        memset(&cs->flight, 0, sizeof cs->flight);
        cs->stall_judged = FALSE;
        conv = frame_conversation(pinfo);
        if (!conv || !tlsexplain_tcp_sent(conv, pinfo, FALSE, &cs->flight_base))
            cs->flight_state = FLIGHT_OVER;
        return;
    }
    const guint bits = cs->hs.advice.bits;
    if (cs->flight_state == FLIGHT_NONE && side == TLSX_SERVER && (bits & TLSX_AF_IN_FLIGHT)) {
        conv = frame_conversation(pinfo);
        if (!conv || !tlsexplain_tcp_sent(conv, pinfo, TRUE, &cs->flight_next)) {
            cs->flight_state = FLIGHT_OVER;
            return;
        }
        cs->flight_state = FLIGHT_ON;
        conns_in_flight++;
        cs->flight_last_at = tlsexplain_time_of(&pinfo->abs_ts);
        cs->flight.bytes = cs->flight_next - cs->flight_base;
        cs->flight.known = TRUE;
    }
    if (cs->flight_state == FLIGHT_ON &&
        ((bits & TLSX_AF_FLIGHT_DONE) || !tlsx_handshake_open(&cs->hs)))
        end_flight(cs);
    if (!cs->stall_judged && (bits & TLSX_AF_FLIGHT_DONE)) {
        cs->stall_judged = TRUE;
        if ((tlsx_handshake_open(&cs->hs) || ends) &&
            tlsexplain_advice_stalled(&cs->hs, cs->current,
                                      cs->flight_state == FLIGHT_NONE ? NULL : &cs->flight))
            tlsx_handshake_note_stall(&cs->hs);
    }
}

/* A frame of TCP alone while some server's first flight is on: one of its
 * segments, maybe. */
static void note_tcp_only(packet_info *pinfo)
{
    if (pinfo->ptype != PT_TCP)
        return;
    conversation_t *conv = frame_conversation(pinfo);
    conn_state *cs =
        conv ? (conn_state *)conversation_get_proto_data(conv, proto_tlsexplain) : NULL;
    if (cs && cs->flight_state == FLIGHT_ON && cs->client_known &&
        sender_of(cs, pinfo) == TLSX_SERVER)
        note_flight_segment(cs, pinfo);
}

/* First pass: the frame's steps, or NULL when it has none. */
static tlsexplain_frame *explain_frame(packet_info *pinfo, proto_tree *tree, int transport)
{
    conn_state *cs;
    const tlsexplain_wire_fields *fields = transport == TLSX_TRANSPORT_DTLS   ? &dtls_fields
                                           : transport == TLSX_TRANSPORT_QUIC ? &quic_fields
                                                                              : &tls_fields;
    tlsexplain_wire_records records;
    if (tlsexplain_wire_find_records(fields, pinfo, tree, &records)) {
        cs = lookup_conn(pinfo, tree, transport, TRUE);
    } else {
        /* Most TLS frames: application data only. */
        if (conns_reading_app_data == 0)
            return NULL;
        cs = lookup_conn(pinfo, tree, transport, FALSE);
        if (!cs || !tlsx_handshake_reads_app_data(&cs->hs))
            return NULL;
        if (transport != TLSX_TRANSPORT_QUIC && !tlsx_handshake_open(&cs->hs)) {
            note_late_app_data(cs, pinfo, fields, tree);
            return NULL;
        }
    }

    guint n;
    tlsexplain_wire_names names;
    tlsx_event *events = tlsexplain_wire_collect(fields, &records, pinfo, tree, &n, &names);
    if (n == 0)
        return NULL;

    tlsx_side side;
    if (!frame_side(cs, pinfo, events, n, &side))
        return NULL;
    if (!cs->tcp_looked_up) {
        cs->tcp_looked_up = TRUE;
        if (transport == TLSX_TRANSPORT_TCP)
            tlsexplain_tcp_baseline(frame_conversation(pinfo), pinfo, &cs->tcp, &cs->syn);
    }

    if (cs->flight_state == FLIGHT_ON && side == TLSX_SERVER)
        note_flight_segment(cs, pinfo);

    tlsexplain_frame_step *steps = wmem_alloc_array(pinfo->pool, tlsexplain_frame_step, n);
    guint count = 0;
    for (guint i = 0; i < n; i++) {
        events[i].side = side;
        /* QUIC decrypts its Initial packets without a key log: only what
         * comes after the hellos tells that the keys were there. */
        if (transport == TLSX_TRANSPORT_QUIC && events[i].kind == TLSX_EV_HANDSHAKE)
            events[i].decrypted = events[i].hs_type != TLSX_HS_CLIENT_HELLO &&
                                  events[i].hs_type != TLSX_HS_SERVER_HELLO;
        events[i].ts = tlsexplain_time_of(&pinfo->abs_ts);
        events[i].frame = pinfo->num;
        if (tlsx_handshake_feed(&cs->hs, &next_handshake_id, &events[i], &steps[count].st))
            note_step(cs, pinfo, &steps[count++], &names);
        else
            follow_flight(cs, pinfo, side, FALSE, FALSE);
    }
    count_reading_app_data(cs);
    note_time_to_app_data(cs);
    if (count == 0)
        return NULL;

    tlsexplain_frame *fs = (tlsexplain_frame *)wmem_alloc(
        pinfo->pool, sizeof(tlsexplain_frame) + count * sizeof(tlsexplain_frame_step));
    fs->count = count;
    fs->first_pass = TRUE;
    memcpy(fs->steps, steps, count * sizeof(tlsexplain_frame_step));
    tlsexplain_store_frame(pinfo, fs);
    return fs;
}

/* What the frame's layers say: whether it has TLS or DTLS, what carries
 * it, and which upgrade command (STARTTLS) its protocol may hold. */
typedef struct {
    gboolean tls, quic, ocsp;
    int transport;
    int upgrade_proto; /* tlsexplain_starttls_proto_index(), -1 none */
} frame_layers;

/* Every frame's layers are read: one bit per protocol id marks those that
 * matter, so that the others cost a bit test. */
static guint8 *layer_marks;
static int proto_ocsp = -1; /* OCSP: a client checking a certificate (the advice) */
static guint layer_marks_bits;

static void mark_layer(int proto)
{
    if (proto >= 0 && (guint)proto < layer_marks_bits)
        layer_marks[proto >> 3] |= (guint8)(1u << (proto & 7));
}

static gboolean is_marked(int proto)
{
    return proto >= 0 && (guint)proto < layer_marks_bits &&
           (layer_marks[proto >> 3] & (1u << (proto & 7)));
}

static void read_layers(packet_info *pinfo, frame_layers *l)
{
    gboolean dtls = FALSE;
    l->tls = l->quic = l->ocsp = FALSE;
    l->upgrade_proto = -1;
    for (wmem_list_frame_t *f = wmem_list_head(pinfo->layers); f; f = wmem_list_frame_next(f)) {
        const int proto = GPOINTER_TO_INT(wmem_list_frame_data(f));
        if (!is_marked(proto))
            continue;
        if (proto == protos.tls)
            l->tls = TRUE;
        else if (proto == protos.dtls)
            dtls = TRUE;
        else if (proto == protos.quic)
            l->quic = TRUE;
        else if (proto == proto_ocsp)
            l->ocsp = TRUE;
        else if (l->upgrade_proto < 0)
            l->upgrade_proto = tlsexplain_starttls_proto_index(proto);
    }
    l->tls |= dtls;
    l->transport = l->quic ? TLSX_TRANSPORT_QUIC : dtls ? TLSX_TRANSPORT_DTLS : TLSX_TRANSPORT_TCP;
}

/* A plaintext frame of a protocol that may upgrade its connection to TLS:
 * the last one each way is kept until a handshake follows. */
static void note_plaintext(packet_info *pinfo, proto_tree *tree, int proto_index)
{
    conn_state *cs = lookup_conn(pinfo, tree, TLSX_TRANSPORT_TCP, TRUE);
    if (cs->hs.id)
        return; /* TLS already: this is decrypted application data */
    struct plaintext *p = cs->plain;
    if (!p) {
        p = cs->plain = wmem_new0(wmem_file_scope(), struct plaintext);
        p->proto = (gint8)proto_index;
    }
    int i = 0;
    if (p->frame[0] && !is_endpoint(&p->addr[0], p->port[0], &pinfo->src, pinfo->srcport))
        i = 1;
    if (!p->frame[i])
        set_endpoint(&p->addr[i], &p->port[i], &pinfo->src, pinfo->srcport);
    p->frame[i] = pinfo->num;
}

tlsexplain_frame *tlsexplain_first_pass(packet_info *pinfo, proto_tree *tree)
{
    frame_layers l;
    read_layers(pinfo, &l);
    if (l.ocsp)
        tlsexplain_advice_note_ocsp(pinfo);
    if (!l.tls && !l.quic) {
        if (conns_in_flight)
            note_tcp_only(pinfo);
        if (l.upgrade_proto >= 0)
            note_plaintext(pinfo, tree, l.upgrade_proto);
        return NULL;
    }
    return explain_frame(pinfo, tree, l.transport);
}

void tlsexplain_conn_init(void)
{
    next_handshake_id = 0;
    conns_reading_app_data = 0;
    conns_in_flight = 0;
    memset(conn_cache, 0, sizeof conn_cache);
    frame_conv = NULL;
    frame_conv_num = 0;
}

void tlsexplain_conn_register(void)
{
    quic_conns =
        wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_direct_hash, g_direct_equal);
    interned =
        wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_str_hash, g_str_equal);
    certs = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), cert_bytes_hash,
                                   cert_bytes_equal);
}

GArray *tlsexplain_conn_handoff(void)
{
    tlsexplain_wire_lookup_protos(&protos);
    GArray *wanted = tlsexplain_wire_lookup_fields(&tls_fields, &dtls_fields, &quic_fields);
    tlsexplain_starttls_lookup();
    int marked[16], n = 0;
    marked[n++] = protos.tls;
    marked[n++] = protos.dtls;
    marked[n++] = protos.quic;
    proto_ocsp = proto_get_id_by_filter_name("ocsp");
    marked[n++] = proto_ocsp;
    for (int i = 0; i < tlsexplain_starttls_count() && n < (int)G_N_ELEMENTS(marked); i++)
        marked[n++] = tlsexplain_starttls_proto(i);
    for (int i = 0; i < n; i++)
        layer_marks_bits = MAX(layer_marks_bits, (guint)MAX(marked[i], 0) + 1);
    layer_marks = wmem_alloc0_array(wmem_epan_scope(), guint8, layer_marks_bits / 8 + 1);
    for (int i = 0; i < n; i++)
        mark_layer(marked[i]);
    return wanted;
}
