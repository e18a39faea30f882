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

static int st_handshakes, st_kind, st_version, st_transport, st_outcome, st_failed, st_duration,
    st_steps, st_since_peer, st_repeated;

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
}

static gfloat ms_of(tlsx_time t)
{
    return (gfloat)tlsx_time_ms(t);
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
                               NULL);
}
