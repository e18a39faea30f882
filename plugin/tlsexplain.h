/* tlsexplain.h: what the parts of the epan glue share.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSEXPLAIN_H
#define TLSEXPLAIN_H

#include "tlsexplain-compat.h"
#include "tlsx_advice.h"
#include "tlsx_curl.h"
#include "tlsx_explain.h"
#include "tlsx_handshake.h"
#include "tlsx_text.h"
#include "tlsx_verdict.h"

#define TLSEXPLAIN_PROTO_NAME "TLS Handshake Explainer"

/* packet-tlsexplain.c: the protocol and its preferences. */
extern int proto_tlsexplain;

enum { TLSEXPLAIN_LANG_EN, TLSEXPLAIN_LANG_ZH, TLSEXPLAIN_LANG_BOTH };
typedef struct {
    gint language;                    /* TLSEXPLAIN_LANG_*: which explanation is shown */
    tlsexplain_pref_bool info_column; /* steps appended to the Info column */
    tlsexplain_pref_bool info_long;   /* ... one note per step, naming it */
    guint slow_ms;                    /* a longer wait for the peer is slow (tlsexplain.slow) */
    gint curl_version; /* tlsx_curl_dialect: whose curl -v lines (tlsexplain.curl_version) */
} tlsexplain_prefs_t;
extern tlsexplain_prefs_t tlsexplain_prefs;

/* The language of the labels (tlsx_label.h): Chinese only when the
 * preference is zh; both languages keep English labels. */
static inline tlsx_lang tlsexplain_label_lang(void)
{
    return tlsexplain_prefs.language == TLSEXPLAIN_LANG_ZH ? TLSX_LANG_ZH : TLSX_LANG_EN;
}

/* One handshake, in file scope: what the steps of every frame link to.
 * Every handshake keeps one for the life of the file: ordered to pack. */
typedef struct {
    guint32 id;
    guint32 setup_rtts;                      /* TCP's round trip and the handshake's */
    guint32 upgrade_frame;                   /* the frame of the STARTTLS command */
    const char *sni, *alpn, *cipher, *group; /* names read from its hellos */
    const char *alpn_offered;                /* the Client Hello's protocols, "h2,http/1.1" */
    const tlsx_baseline *tcp;                /* the connection's, from its TCP handshake */
    tlsx_time time_to_app_data;              /* Client Hello to the first application data */
    tlsx_time setup_time;                    /* SYN to the message that completed the handshake */
    guint8 transport;                        /* tlsx_transport */
    gint8 upgrade;                           /* that command (packet-tlsexplain-starttls.c), -1 */
    guint16 scheme;                          /* the server's signature, when has_scheme */
    const tlsx_x509 *cert;                   /* the server's leaf certificate, NULL unread */
    gint64 cert_seen;                        /* when its frame was captured (seconds, UTC) */
    guint has_app_data : 1, has_setup : 1, has_scheme : 1;
    tlsx_facts facts; /* what the first pass learnt of it: the core's verdicts rest on them */
    const tlsx_advice_list *advice; /* what would have made it faster or safer, decided
                                       when it ended (tlsx_advice.h); NULL none */
} tlsexplain_record;

/* packet-tlsexplain-advice.c: the advice (core/tlsx_advice.h).  The first
 * pass keeps, per connection, where its current handshake started and got
 * a ticket or session ID; register_maps makes the file's maps of earlier
 * handshakes that could be resumed and of OCSP frames. */
typedef struct {
    guint32 id;           /* the handshake these are of */
    guint32 first_frame;  /* its first step's (the Client Hello's) */
    guint32 resume_frame; /* where it got a ticket or session ID, 0 none */
    gboolean registered;  /* it is in the map of those that could be resumed */
} tlsexplain_advice_conn;

/* The server's first flight as TCP saw it (the first pass reads every
 * segment of it, TLS or not): bytes, and its longest pause between two
 * segments. */
typedef struct {
    gboolean known;
    gboolean acked; /* the client acknowledged during that pause */
    guint32 bytes, sent_before, pause_frame;
    tlsx_time pause;
} tlsexplain_tcp_flight;

void tlsexplain_advice_register(int proto);
void tlsexplain_advice_register_maps(void);
void tlsexplain_advice_note_ocsp(packet_info *pinfo);
/* Called by the first pass, handshake model and record of the step in
 * hand; decides the advice when the step ends the handshake. */
void tlsexplain_advice_note_step(packet_info *pinfo, tlsexplain_advice_conn *ac,
                                 const tlsx_handshake *hs, tlsexplain_record *rec,
                                 const tlsx_step *st, const address *client, const address *server,
                                 guint32 server_port, const tlsexplain_tcp_flight *tcp);
/* Called by the first pass when the server's first flight ended: whether
 * it stalled on its congestion window (tlsx_advice_stall(), on what the
 * advice will rest on: tcp is NULL when the flight was not followed). */
gboolean tlsexplain_advice_stalled(const tlsx_handshake *hs, const tlsexplain_record *rec,
                                   const tlsexplain_tcp_flight *tcp);
gboolean tlsexplain_advice_has(const tlsexplain_record *rec, guint8 kind);
/* The advice as summary items (with their expert infos), or, without a
 * tree, as expert infos alone. */
void tlsexplain_advice_show(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo,
                            const tlsexplain_record *rec);
void tlsexplain_advice_expert_infos(packet_info *pinfo, const tlsexplain_record *rec);
/* On the first OCSP request a client sent after a handshake that ended
 * with no_staple (decided in the first pass): the link to that handshake's
 * summary and its expert info, under an item of proto; FALSE elsewhere. */
gboolean tlsexplain_advice_show_ocsp(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo,
                                     int proto);

/* The handshake's summary, once it has ended; NULL while it is open. */
static inline const tlsx_summary *tlsexplain_summary_of(const tlsexplain_record *rec)
{
    return rec->facts.has_summary ? &rec->facts.summary : NULL;
}

/* A step and the handshake it belongs to. */
typedef struct {
    tlsx_step st;
    tlsexplain_record *rec;
    guint8 point;           /* tlsx_capture_point */
    gboolean rtt_estimated; /* rtt and point from TLS answers: no TCP handshake */
    tlsx_time rtt;          /* the network round trip, when point is known */
} tlsexplain_frame_step;

/* What the first pass found in a frame, kept for every later pass; also
 * what the "tlsexplain" tap hands its listeners, once per frame with steps. */
typedef struct {
    guint count;
    gboolean first_pass; /* computed now, not read back: taps see the frame as it came */
    tlsexplain_frame_step steps[];
} tlsexplain_frame;

/* packet-tlsexplain-time.c: the one place where the model's times
 * (tlsx_time) and Wireshark's (nstime_t) meet. */
nstime_t tlsexplain_nstime(tlsx_time t);
tlsx_time tlsexplain_time_of(const nstime_t *t);

/* Adds a generated FT_RELATIVE_TIME item. */
proto_item *tlsexplain_add_time(proto_tree *tree, tvbuff_t *tvb, int hf, tlsx_time t);

/* t written into buf, which holds TLSX_TIME_TEXT_SIZE bytes, in seconds
 * (unit 0) or milliseconds (unit 3) with that many decimals, exact at any
 * size (tlsx_text_add_time()); returns buf.  Every time the plugin writes
 * into a text is written so. */
const char *tlsexplain_time_text(char *buf, tlsx_time t, unsigned unit, unsigned decimals);

/* A distance as notes print it ("7.2 ms", "0.045 ms": tlsx_text_add_ms()), in
 * buf of TLSX_TIME_TEXT_SIZE bytes; returns buf. */
const char *tlsexplain_ms_text(char *buf, tlsx_time t);

/* packet-tlsexplain-conn.c: the first pass over a frame: its steps, stored
 * for later passes, or NULL when it has none.  Init forgets the previous
 * file's connections; register makes the maps, handoff looks up the fields
 * and protocols read (and returns the fields to want). */
tlsexplain_frame *tlsexplain_first_pass(packet_info *pinfo, proto_tree *tree);
void tlsexplain_conn_init(void);
void tlsexplain_conn_register(void);
GArray *tlsexplain_conn_handoff(void);

/* packet-tlsexplain-tree.c: shows a frame's steps (tree, Info column, expert
 * infos, with or without a tree); register adds the steps' fields, the
 * summary's (tlsexplain_summary_register()) and the expert infos. */
void tlsexplain_show_frame(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
                           const tlsexplain_frame *fs);
void tlsexplain_tree_register(int proto);
void tlsexplain_tree_init(void); /* at every file's start */

/* packet-tlsexplain-infer.c: a step's guess of what its encrypted record
 * holds (tlsexplain.inferred), added to its subtree and its label; nothing
 * when it has none. */
void tlsexplain_infer_show(proto_tree *tree, tvbuff_t *tvb, proto_item *step_item,
                           const tlsx_step *st);
void tlsexplain_infer_register(int proto);

/* packet-tlsexplain-store.c: keeps a frame's steps, packed, in file scope
 * for later passes; gives them back unpacked in pinfo->pool, or NULL.  Init
 * forgets the previous file's. */
void tlsexplain_store_init(void);
void tlsexplain_store_record(tlsexplain_record *rec); /* each record, once it has its id */
void tlsexplain_store_frame(packet_info *pinfo, const tlsexplain_frame *fs);
tlsexplain_frame *tlsexplain_stored_frame(packet_info *pinfo);

/* Wireshark's names of the alert descriptions, filled at registration. */
extern value_string tlsexplain_alert_vals[256 + 1];

/* Registers the summary's fields (tlsexplain.summary.*). */
void tlsexplain_summary_register(int proto);

/* Adds tlsexplain.capture_point and tlsexplain.tcp.rtt. */
void tlsexplain_add_baseline(proto_tree *tree, tvbuff_t *tvb, tlsx_capture_point point,
                             tlsx_time rtt, const char *note);

/* What an estimated time is appended: why it is estimated; "" when measured. */
const char *tlsexplain_estimate_note(gboolean estimated, guint8 transport);

/* Appends a note to an item's label; nothing for "": in a visible tree,
 * appending builds the label first, which costs more than the item. */
void tlsexplain_append_note(proto_item *pi, const char *note);

/* packet-tlsexplain-tcp.c: the baseline from the connection's TCP handshake
 * (conv: the frame's conversation, NULL none) and the SYN's time; FALSE
 * when TCP did not see the whole handshake. */
gboolean tlsexplain_tcp_baseline(conversation_t *conv, packet_info *pinfo, tlsx_baseline *out,
                                 tlsx_time *syn);

/* Adds the summary subtree of a handshake that ended in this frame. */
void tlsexplain_summary_show(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo,
                             const tlsexplain_record *rec);
/* The server certificate's expert infos (the summary's) on no item, for a
 * frame shown without a tree. */
void tlsexplain_cert_expert_infos(packet_info *pinfo, const tlsexplain_record *rec);

/* "TCP", "UDP (DTLS)", "QUIC" (tlsx_transport). */
const char *tlsexplain_transport_name(guint8 transport);

/* "192.0.2.1:443", "[2001:db8::1]:443": g_free() it. */
char *tlsexplain_endpoint(const address *addr, guint32 port);

/* The step's message in one word, as ssldump names it: "ServerHelloDone";
 * g_free() it. */
char *tlsexplain_camel_name(const tlsx_step *st);

/* The line the dialect's curl -v prints for a step of the handshake, or why
 * it prints none (tlsx_curl_step_line()). */
tlsx_curl_result tlsexplain_step_curl(char *buf, size_t size, tlsx_curl_dialect dialect,
                                      const tlsx_step *st, const tlsexplain_record *rec);

/* curl's closing line for an ended handshake in the dialect; FALSE when a
 * part of it is unknown. */
gboolean tlsexplain_closing_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                                 const tlsexplain_record *rec);

/* packet-tlsexplain-lines.c: adds text as lines of at most 100 columns under
 * tree; is_static when text lives as long as the program (an explanation
 * table's), whose lines are then worked out once. */
void tlsexplain_add_lines(proto_tree *tree, tvbuff_t *tvb, int ett, const char *text,
                          gboolean is_static);

/* packet-tlsexplain-starttls.c: the protocols that upgrade a connection to
 * TLS with a plaintext command (STARTTLS and its kin), numbered from 0 to
 * count - 1: each one's protocol id, label ("SMTP STARTTLS") and explanation
 * key (tlsx_explain_key); proto_index finds a protocol's number, -1 none. */
void tlsexplain_starttls_lookup(void);
int tlsexplain_starttls_count(void);
int tlsexplain_starttls_proto(int command);
int tlsexplain_starttls_proto_index(int proto);
const char *tlsexplain_starttls_label(int command);
int tlsexplain_starttls_explain_key(int command);

/* Statistics -> TLS Handshake Explainer, tshark -z tlsexplain,tree. */
void tlsexplain_stats_register(void);

/* tshark -z tlsexplain,trace[,FILTER]: the handshakes' transcript. */
void tlsexplain_trace_register(void);

/* packet-tlsexplain-report.c: tshark -z tlsexplain,advice[,FILTER], the
 * capture's advice per server. */
void tlsexplain_advice_report_register(void);

/* Flow Graph "TLS Handshake Explainer", tshark -z flow,tlsexplain,standard. */
void tlsexplain_flow_register(int proto);

#endif
