/* packet-tlsexplain-stats.c: Statistics -> TLS Handshake Explainer, and
 * tshark -z tlsexplain,tree.
 *
 * A stats tree fed by the "tlsexplain" tap: handshakes by kind, version,
 * transport, outcome and duration, per step message how long it came after
 * the other side's last message (tlsexplain.time.since_peer), and the
 * messages sent again (DTLS retransmissions, duplicated frames).
 *
 * Messages are rows "NN Name [DIR]": NN is the message's place in one fixed
 * order of the handshake (tlsx_step_order(): Client Hello 02, ..., Finished
 * 20, then New Session Ticket, encrypted records, alerts), DIR is OUT for
 * what the client sent and IN for the server's, so that a Finished of the
 * client and one of the server are two rows, each with its own wait.  The
 * tree is sorted by name, in ascending order, which tshark follows: the
 * messages come in handshake order, a server's before the client's of the
 * same place, the rest alphabetically (ranges by their bounds).
 *
 * A handshake is counted at its step 1 (every handshake has one, also one
 * whose start was not captured) and, until it ends, as incomplete; the step
 * that ends it moves it to complete or failed and files it by kind, version
 * and duration.  So the tree is right in one pass, where a handshake's end is
 * not known while it is open.
 *
 * Servers: a node per server, by the name its Client Hello gave (SNI) or
 * its address and port when it gave none, counting its handshakes at their
 * step 1; when a handshake ends, its version, whether it resumed a session,
 * whether a HelloRetryRequest cost it a round trip, the kinds of advice it
 * had (tlsx_advice.h) and, for a complete handshake, the connection set-up
 * (tlsexplain.summary.setup_time, in ms, and setup_rtts) as averages with
 * their minimum and maximum.  A stats tree keeps no median: -z
 * tlsexplain,advice prints the medians.  In one pass, a handshake counted
 * complete at its last Finished and failed at the alert that overturned it
 * is taken out of its server's set-up (its count and total: a minimum or
 * maximum it set stays, which only a set-up of the same server's other
 * complete handshakes can show) and its advice counted again.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <stdio.h>

#include <epan/prefs.h>
#include <epan/stats_tree.h>

#include "tlsx_alert.h"
#include "tlsx_label.h"

/* The nodes' names, in the labels' language when the report started. */
static tlsx_lang node_lang;
#define NODE(key) tlsx_label(node_lang, TLSX_LABEL_NODE_##key)
#define NODE_HANDSHAKES NODE(HANDSHAKES)
#define NODE_KIND NODE(KIND)
#define NODE_VERSION NODE(VERSION)
#define NODE_TRANSPORT NODE(TRANSPORT)
#define NODE_REPEATED NODE(REPEATED)
#define NODE_OUTCOME NODE(OUTCOME)
#define NODE_COMPLETE NODE(COMPLETE)
#define NODE_FAILED NODE(FAILED)
#define NODE_INCOMPLETE NODE(INCOMPLETE)
#define NODE_DURATION NODE(DURATION)
#define NODE_STEPS NODE(STEPS)
#define NODE_SINCE_PEER NODE(SINCE_PEER)
#define NODE_SERVERS NODE(SERVERS)
#define NODE_RESUMED NODE(RESUMED)
#define NODE_HRR NODE(HRR)
#define NODE_SETUP NODE(SETUP)
#define NODE_SETUP_RTTS NODE(SETUP_RTTS)
#define NODE_ADVICE NODE(ADVICE)

static int st_handshakes, st_kind, st_version, st_transport, st_outcome, st_failed, st_duration,
    st_steps, st_since_peer, st_repeated, st_servers;

/* What the Servers branch counted of a handshake when it ended, to take it
 * back when an alert overturns that end in one pass. */
typedef struct {
    int server; /* its server's node */
    gboolean setup;
    gfloat setup_ms;
    int setup_rtts;
    guint32 kinds; /* 1 << tlsx_advice_kind of each kind counted */
} server_count;

/* Per tree (several windows may be open at once). */
typedef struct {
    GHashTable *handshakes; /* number -> server_count */
    GHashTable *servers;    /* the names of the servers with a node */
} tree_state;

static GHashTable *trees; /* stats_tree * -> tree_state */

static void tree_state_free(gpointer p)
{
    tree_state *ts = (tree_state *)p;
    g_hash_table_destroy(ts->handshakes);
    g_hash_table_destroy(ts->servers);
    g_free(ts);
}

static tree_state *state_of(stats_tree *st)
{
    if (!trees)
        trees = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, tree_state_free);
    tree_state *ts = (tree_state *)g_hash_table_lookup(trees, st);
    if (!ts) {
        ts = g_new0(tree_state, 1);
        ts->handshakes = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
        ts->servers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_hash_table_insert(trees, st, ts);
    }
    return ts;
}

static void stats_init(stats_tree *st)
{
    node_lang = tlsexplain_label_lang();
    st_handshakes = stats_tree_create_node(st, NODE_HANDSHAKES, 0, STAT_DT_INT, TRUE);
    st_kind = stats_tree_create_node(st, NODE_KIND, st_handshakes, STAT_DT_INT, TRUE);
    st_version = stats_tree_create_node(st, NODE_VERSION, st_handshakes, STAT_DT_INT, TRUE);
    st_transport = stats_tree_create_node(st, NODE_TRANSPORT, st_handshakes, STAT_DT_INT, TRUE);
    st_outcome = stats_tree_create_node(st, NODE_OUTCOME, st_handshakes, STAT_DT_INT, TRUE);
    stats_tree_create_node(st, NODE_COMPLETE, st_outcome, STAT_DT_INT, FALSE);
    st_failed = stats_tree_create_node(st, NODE_FAILED, st_outcome, STAT_DT_INT, TRUE);
    stats_tree_create_node(st, NODE_INCOMPLETE, st_outcome, STAT_DT_INT, FALSE);
    /* A range node: Wireshark keeps its buckets in order. */
    st_duration = stats_tree_create_range_node(st, NODE_DURATION, st_handshakes, "0-9", "10-49",
                                               "50-99", "100-499", "500-999", "1000-", NULL);
    st_steps = stats_tree_create_node(st, NODE_STEPS, 0, STAT_DT_INT, TRUE);
    st_since_peer = stats_tree_create_node(st, NODE_SINCE_PEER, 0, STAT_DT_FLOAT, TRUE);
    st_repeated = stats_tree_create_node(st, NODE_REPEATED, 0, STAT_DT_INT, TRUE);
    st_servers = stats_tree_create_node(st, NODE_SERVERS, 0, STAT_DT_INT, TRUE);
    tree_state *ts = state_of(st); /* a new file or a retap: counted anew */
    g_hash_table_remove_all(ts->handshakes);
    g_hash_table_remove_all(ts->servers);
}

static void stats_cleanup(stats_tree *st)
{
    if (trees)
        g_hash_table_remove(trees, st);
}

static gfloat ms_of(tlsx_time t)
{
    return (gfloat)tlsx_time_ms(t);
}

/* A handshake's first step counts at its server, whose node comes with
 * those every server shows (zero until counted; the set-up's averages); but
 * a server's Hello Request, which starts a renegotiation, names no server:
 * the Client Hello that follows as step 2 does. */
static void count_server(stats_tree *st, packet_info *pinfo, const tlsexplain_frame_step *f)
{
    const tlsexplain_record *rec = f->rec;
    tree_state *ts = state_of(st);
    gpointer number = GUINT_TO_POINTER(f->st.handshake);
    const gboolean request = f->st.kind == TLSX_STEP_HANDSHAKE &&
                             f->st.hs_type == TLSX_HS_HELLO_REQUEST && f->st.side == TLSX_SERVER;
    server_count *pending = (server_count *)g_hash_table_lookup(ts->handshakes, number);
    if (f->st.step == 1 && request) {
        pending = g_new0(server_count, 1);
        pending->server = -1;
        g_hash_table_replace(ts->handshakes, number, pending);
        return;
    }
    if (f->st.step == 2 && !(pending && pending->server < 0))
        return;
    char *name = rec->sni && rec->sni[0] ? g_strdup(rec->sni)
                                         : (f->st.side == TLSX_CLIENT
                                                ? tlsexplain_endpoint(&pinfo->dst, pinfo->destport)
                                                : tlsexplain_endpoint(&pinfo->src, pinfo->srcport));
    tick_stat_node(st, NODE_SERVERS, 0, TRUE);
    int server = tick_stat_node(st, name, st_servers, TRUE);
    if (!g_hash_table_contains(ts->servers, name)) {
        stats_tree_create_node(st, NODE_VERSION, server, STAT_DT_INT, TRUE);
        stats_tree_create_node(st, NODE_RESUMED, server, STAT_DT_INT, FALSE);
        stats_tree_create_node(st, NODE_HRR, server, STAT_DT_INT, FALSE);
        stats_tree_create_node(st, NODE_ADVICE, server, STAT_DT_INT, TRUE);
        stats_tree_create_node(st, NODE_SETUP, server, STAT_DT_FLOAT, FALSE);
        stat_node_set_flags(st, NODE_SETUP, server, FALSE, ST_FLG_AVERAGE);
        stats_tree_create_node(st, NODE_SETUP_RTTS, server, STAT_DT_INT, FALSE);
        stat_node_set_flags(st, NODE_SETUP_RTTS, server, FALSE, ST_FLG_AVERAGE);
        g_hash_table_add(ts->servers, name);
    } else {
        g_free(name);
    }
    server_count *c = g_new0(server_count, 1);
    c->server = server;
    g_hash_table_replace(ts->handshakes, number, c);
}

/* Ticks the kinds of advice of a handshake at its server, each once. */
static void count_advice(stats_tree *st, server_count *c, const tlsx_advice_list *list)
{
    int advice = stats_tree_manip_node_int(MN_INCREASE, st, NODE_ADVICE, c->server, TRUE, 0);
    for (unsigned k = 0; list && k < list->count && k < TLSX_ADVICE_MAX; k++) {
        guint kind = list->item[k].kind;
        if (kind >= TLSX_ADVICE_KINDS || (c->kinds & (1u << kind)))
            continue;
        c->kinds |= 1u << kind;
        tick_stat_node(st, NODE_ADVICE, c->server, TRUE);
        tick_stat_node(st, tlsx_advice_kind_name((uint8_t)kind), advice, FALSE);
    }
}

/* A handshake's end at its server: its version, resumption,
 * HelloRetryRequest, advice and, complete, its set-up. */
static void count_server_end(stats_tree *st, const tlsexplain_record *rec)
{
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    server_count *c =
        (server_count *)g_hash_table_lookup(state_of(st)->handshakes, GUINT_TO_POINTER(rec->id));
    if (!c || c->server < 0)
        return; /* its first steps were not this tree's (a filter) */
    const char *version = tlsx_version_name(s->version);
    int versions = tick_stat_node(st, NODE_VERSION, c->server, TRUE);
    tick_stat_node(st, version ? version : "unknown", versions, FALSE);
    if (s->resumed)
        tick_stat_node(st, NODE_RESUMED, c->server, FALSE);
    if (s->hrr)
        tick_stat_node(st, NODE_HRR, c->server, FALSE);
    if (s->complete && rec->has_setup) {
        c->setup = TRUE;
        c->setup_ms = ms_of(rec->setup_time);
        c->setup_rtts = (int)MIN(rec->setup_rtts, (guint32)G_MAXINT);
        avg_stat_node_add_value_float(st, NODE_SETUP, c->server, FALSE, c->setup_ms);
        avg_stat_node_add_value_int(st, NODE_SETUP_RTTS, c->server, FALSE, c->setup_rtts);
    }
    count_advice(st, c, rec->advice);
}

/* One pass: an alert overturned the end a handshake was counted at, a
 * complete one: its set-up and advice are taken back, the advice counted
 * anew. */
static void recount_server_end(stats_tree *st, const tlsexplain_record *rec)
{
    server_count *c =
        (server_count *)g_hash_table_lookup(state_of(st)->handshakes, GUINT_TO_POINTER(rec->id));
    if (!c || c->server < 0)
        return;
    if (c->setup) {
        increase_stat_node(st, NODE_SETUP, c->server, FALSE, -1);
        stats_tree_manip_node_float(MN_AVERAGE_NOTICK, st, NODE_SETUP, c->server, FALSE,
                                    -c->setup_ms);
        increase_stat_node(st, NODE_SETUP_RTTS, c->server, FALSE, -1);
        stats_tree_manip_node_int(MN_AVERAGE_NOTICK, st, NODE_SETUP_RTTS, c->server, FALSE,
                                  -c->setup_rtts);
        c->setup = FALSE;
    }
    int advice = stats_tree_manip_node_int(MN_INCREASE, st, NODE_ADVICE, c->server, TRUE, 0);
    for (guint kind = 0; kind < TLSX_ADVICE_KINDS; kind++) {
        if (!(c->kinds & (1u << kind)))
            continue;
        increase_stat_node(st, NODE_ADVICE, c->server, TRUE, -1);
        increase_stat_node(st, tlsx_advice_kind_name((uint8_t)kind), advice, FALSE, -1);
    }
    c->kinds = 0;
    count_advice(st, c, rec->advice);
}

/* The alert of a failed handshake, under failed. */
static void count_failure(stats_tree *st, const tlsx_summary *s)
{
    tick_stat_node(st, NODE_FAILED, st_outcome, TRUE);
    char alert[64];
    const char *name = s->has_alert ? tlsx_alert_name(s->alert) : NULL;
    if (!s->has_alert)
        g_strlcpy(alert, "encrypted alert", sizeof alert);
    else
        snprintf(alert, sizeof alert, "%s (%u)", name ? name : "unknown", s->alert);
    tick_stat_node(st, alert, st_failed, FALSE);
}

static void count_end(stats_tree *st, const tlsexplain_record *rec)
{
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    char kind[64];

    tlsx_summary_kind(s, kind, sizeof kind);
    tick_stat_node(st, NODE_KIND, st_handshakes, TRUE);
    tick_stat_node(st, kind, st_kind, FALSE);
    tick_stat_node(st, NODE_VERSION, st_handshakes, TRUE);
    const char *version = tlsx_version_name(s->version);
    tick_stat_node(st, version ? version : "unknown", st_version, FALSE);

    increase_stat_node(st, NODE_INCOMPLETE, st_outcome, FALSE, -1);
    if (s->complete)
        tick_stat_node(st, NODE_COMPLETE, st_outcome, FALSE);
    else
        count_failure(st, s);

    /* Whole milliseconds: 9.7 ms is in 0-9; any duration too long for an
     * int (over 24 days) is in the last range. */
    int whole_ms = G_MAXINT;
    if (s->duration.secs < G_MAXINT / 1000)
        whole_ms = (int)MIN(s->duration.secs * 1000 + s->duration.nsecs / 1000000, G_MAXINT);
    tick_stat_node(st, NODE_DURATION, st_handshakes, TRUE); /* the range adds the value */
    stats_tree_tick_range(st, NODE_DURATION, st_handshakes, whole_ms);
    count_server_end(st, rec);
}

/* "20 Finished [OUT]": sorts by name into handshake order. */
static void row_name(const tlsx_step *s, char *buf, size_t size)
{
    snprintf(buf, size, "%02u %s [%s]", tlsx_step_order(s), tlsx_step_name(s),
             s->side == TLSX_CLIENT ? "OUT" : "IN");
}

static void count_frame(stats_tree *st, packet_info *pinfo, const tlsexplain_frame *fs)
{
    for (guint i = 0; i < fs->count; i++) {
        const tlsexplain_frame_step *f = &fs->steps[i];
        const tlsx_step *s = &f->st;
        char name[80];
        row_name(s, name, sizeof name);
        if (!s->step && (s->flags & TLSX_FLAG_DUPLICATE)) {
            tick_stat_node(st, NODE_REPEATED, 0, TRUE);
            tick_stat_node(st, name, st_repeated, FALSE);
        }
        if (!s->step)
            continue; /* post-handshake messages and repeats are no steps */
        if (s->step == 1) {
            tick_stat_node(st, NODE_HANDSHAKES, 0, TRUE);
            tick_stat_node(st, NODE_TRANSPORT, st_handshakes, TRUE);
            tick_stat_node(st, tlsexplain_transport_name(f->rec->transport), st_transport, FALSE);
            tick_stat_node(st, NODE_OUTCOME, st_handshakes, TRUE);
            increase_stat_node(st, NODE_INCOMPLETE, st_outcome, FALSE, 1);
        }
        if (s->step == 1 || s->step == 2)
            count_server(st, pinfo, f);
        tick_stat_node(st, NODE_STEPS, 0, TRUE);
        tick_stat_node(st, name, st_steps, FALSE);
        if (s->has_since_peer) {
            tick_stat_node(st, NODE_SINCE_PEER, 0, TRUE);
            avg_stat_node_add_value_float(st, name, st_since_peer, FALSE, ms_of(s->since_peer));
        }
        if (!s->ends || !f->rec->facts.has_summary)
            continue;
        if ((s->flags & TLSX_FLAG_OVERTURNS) && fs->first_pass) {
            /* One pass: this handshake was counted complete at its last
             * Finished, which looked like its end; now it failed. */
            increase_stat_node(st, NODE_COMPLETE, st_outcome, FALSE, -1);
            count_failure(st, tlsexplain_summary_of(f->rec));
            recount_server_end(st, f->rec);
        } else if (tlsx_shows_summary(s, &f->rec->facts, pinfo->num)) {
            /* A later pass counts a handshake once, where it really ended. */
            count_end(st, f->rec);
        }
    }
}

/* Wireshark's stats tree files each tick in a bucket of burst rate, numbered
 * by the frame's time since the first frame in milliseconds, in a double:
 * from 2^53 on, a bucket's number plus the window's length can equal the
 * number, and Wireshark 4.0 then frees every bucket of the node and crashes.
 * A frame that far from the first (about 285,000 years: a hostile capture's
 * time stamps) is counted all the same, without burst rate. */
#define BURST_SAFE_MS 9007199254740992.0 /* 2^53 */

static tap_packet_status stats_packet(stats_tree *st, packet_info *pinfo, epan_dissect_t *edt _U_,
                                      const void *data, tap_flags_t flags _U_)
{
    const double ms = nstime_to_msec(&pinfo->rel_ts);
    const gboolean burst = prefs.st_enable_burstinfo;
    if (!(ms > -BURST_SAFE_MS && ms < BURST_SAFE_MS))
        prefs.st_enable_burstinfo = FALSE;
    count_frame(st, pinfo, (const tlsexplain_frame *)data);
    prefs.st_enable_burstinfo = burst;
    return TAP_PACKET_REDRAW;
}

void tlsexplain_stats_register(void)
{
    /* Returns nothing up to 4.2 and the tree's configuration from 4.4 on;
     * the plugin needs neither. */
    stats_tree_register_plugin("tlsexplain", "tlsexplain", "TLS Handshake Explainer",
                               ST_SORT_COL_NAME << ST_FLG_SRTCOL_SHIFT, stats_packet, stats_init,
                               stats_cleanup);
}
