/* packet-tlsexplain-flow.c: Statistics -> Flow Graph -> "TLS Handshake
 * Explainer", and tshark -z flow,tlsexplain,standard.
 *
 * Every step (and post-handshake message) is an arrow of the ladder, from
 * client to server or back, labelled with its message; the comment, short
 * enough for the graph's last column, says the step and how long it came
 * after the other side's last message (the packet's tree says the rest).  Labels are ssldump's
 * one-word names ("ServerKeyExchange"): the text graph of tshark cuts labels at 18 characters.
 *
 * The columns (nodes) are the client's address and the server's
 * "address:port": over loopback, where client and server share an address,
 * the handshake still has two sides, and the many connections of one client
 * to one server share two columns (the arrows carry both ports).  A graph
 * has at most MAX_NUM_NODES (40) columns: beyond, Wireshark's text graph
 * writes outside its lines (GLib criticals, one per arrow).  So the first 38
 * endpoints get columns of their own, the others share "other clients" and
 * "other servers", and the comment of such an arrow names its endpoint.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <epan/tap.h>
#include <epan/to_str.h>
#include <wsutil/str_util.h>

#include "tlsx_label.h"

/* MAX_NUM_NODES of epan/sequence_analysis.h, which no version installs: 40
 * in Wireshark 4.0.  Should a later version lower it, the criticals come
 * back, and test_reports.FlowGraphAtScale fails there (tests/compat). */
#define FLOW_NODES 40
#define OTHER_CLIENTS "other clients"
#define OTHER_SERVERS "other servers"

/* The columns of one graph.  The graph's items are the truth, this is what
 * they add up to, kept while only the plugin adds items: a graph that is
 * new, cleared or not the last one seen here is counted again from its
 * items.  Few graphs fill at a time (tshark: one per -z flow). */
typedef struct {
    const GQueue *items; /* the graph's list of items */
    guint length;        /* its length when last counted */
    GHashTable *nodes;   /* the columns' texts */
} flow_columns;

static flow_columns columns_cache[4];
static guint columns_next;

static void add_column(flow_columns *c, const address *addr)
{
    if (addr->type == AT_STRINGZ && addr->data)
        g_hash_table_add(c->nodes, g_strdup((const char *)addr->data));
}

static flow_columns *columns_of(tlsexplain_seq_info *sainfo)
{
    const guint length = g_queue_get_length(sainfo->items);
    flow_columns *c = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(columns_cache) && !c; i++) {
        if (columns_cache[i].items == sainfo->items)
            c = &columns_cache[i];
    }
    if (c && c->length == length)
        return c;
    if (!c)
        c = &columns_cache[columns_next++ % G_N_ELEMENTS(columns_cache)];
    if (c->nodes)
        g_hash_table_remove_all(c->nodes);
    else
        c->nodes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (GList *l = sainfo->items->head; l; l = l->next) {
        const tlsexplain_seq_item *sai = (const tlsexplain_seq_item *)l->data;
        if (sai->display) {
            add_column(c, &sai->src_addr);
            add_column(c, &sai->dst_addr);
        }
    }
    c->items = sainfo->items;
    c->length = length;
    return c;
}

/* The column of an endpoint ("192.0.2.1" for a client, "192.0.2.2:443" or
 * "[2001:db8::1]:443" for a server): its own while there is room, else
 * "other clients" or "other servers".  Returns whether it has its own. */
static gboolean set_column(flow_columns *c, address *dst, const char *text, gboolean server)
{
    gboolean own =
        g_hash_table_contains(c->nodes, text) || g_hash_table_size(c->nodes) < FLOW_NODES - 2;
    const char *column = own ? text : server ? OTHER_SERVERS : OTHER_CLIENTS;
    g_hash_table_add(c->nodes, g_strdup(column));
    /* Freed with the graph's items, by free_address(). */
    free_address(dst);
    alloc_address_wmem(NULL, dst, AT_STRINGZ, (int)strlen(column) + 1, column);
    return own;
}

/* "192.0.2.1", "2001:db8::1": g_free() it. */
static char *client_text(const address *addr)
{
    char *a = address_to_str(NULL, addr);
    char *s = g_strdup(a);
    wmem_free(NULL, a);
    return s;
}

/* "7.165": milliseconds to the microsecond. */
static const char *ms_of(char *buf, tlsx_time t)
{
    return tlsexplain_time_text(buf, t, 3, 3);
}

/* "Handshake 1 step 2 IN +7.165 ms" (the arrow's label names the message),
 * then the endpoints that have no column of their own, if any:
 * "(client 192.0.2.7, server 192.0.2.80:443)".  With language zh the words
 * are Chinese ("第 1 次握手 第 2 步 IN +7.165 ms"), OUT, IN and ms not. */
static char *comment_of(const tlsx_step *st, const char *client, const char *server)
{
    const tlsx_lang lang = tlsexplain_label_lang();
    GString *c = g_string_new(NULL);
    char ms[TLSX_TIME_TEXT_SIZE];
    const char *dir = st->side == TLSX_CLIENT ? "OUT" : "IN";
    g_string_printf(c, "%s%u", tlsx_label(lang, TLSX_LABEL_HANDSHAKE_BEFORE), st->handshake);
    if (st->step)
        g_string_append_printf(c, "%s%u%s%s", tlsx_label(lang, TLSX_LABEL_FLOW_STEP), st->step,
                               tlsx_label(lang, TLSX_LABEL_FLOW_STEP_AFTER), dir);
    else
        g_string_append_printf(c, "%s%s", tlsx_label(lang, TLSX_LABEL_FLOW_POST), dir);
    if (st->has_since_peer)
        g_string_append_printf(c, " +%s ms", ms_of(ms, st->since_peer));
    if (!client && !server)
        return g_string_free(c, FALSE);
    g_string_append(c, tlsx_label(lang, TLSX_LABEL_OPEN));
    if (client)
        g_string_append_printf(c, "%s%s", tlsx_label(lang, TLSX_LABEL_CLIENT), client);
    if (client && server)
        g_string_append(c, tlsx_label(lang, TLSX_LABEL_SEPARATOR));
    if (server)
        g_string_append_printf(c, "%s%s", tlsx_label(lang, TLSX_LABEL_SERVER), server);
    g_string_append(c, tlsx_label(lang, TLSX_LABEL_CLOSE));
    return g_string_free(c, FALSE);
}

static tap_packet_status flow_packet(void *tapdata, packet_info *pinfo, epan_dissect_t *edt _U_,
                                     const void *data, tap_flags_t flags _U_)
{
    tlsexplain_seq_info *sainfo = (tlsexplain_seq_info *)tapdata;
    const tlsexplain_frame *fs = (const tlsexplain_frame *)data;
    gboolean added = FALSE;

    for (guint i = 0; i < fs->count; i++) {
        const tlsx_step *st = &fs->steps[i].st;
        if (!st->step && (st->flags & TLSX_FLAG_DUPLICATE))
            continue;
        tlsexplain_seq_item *sai = sequence_analysis_create_sai_with_addresses(pinfo, sainfo);
        if (!sai)
            break;
        flow_columns *c = columns_of(sainfo);
        const gboolean from_client = st->side == TLSX_CLIENT;
        char *client = client_text(from_client ? &pinfo->src : &pinfo->dst);
        char *server = from_client ? tlsexplain_endpoint(&pinfo->dst, pinfo->destport)
                                   : tlsexplain_endpoint(&pinfo->src, pinfo->srcport);
        const gboolean own_client =
            set_column(c, from_client ? &sai->src_addr : &sai->dst_addr, client, FALSE);
        const gboolean own_server =
            set_column(c, from_client ? &sai->dst_addr : &sai->src_addr, server, TRUE);
        sai->frame_number = pinfo->num;
        sai->port_src = (guint16)pinfo->srcport;
        sai->port_dst = (guint16)pinfo->destport;
        sai->frame_label = tlsexplain_camel_name(st);
        sai->comment = comment_of(st, own_client ? NULL : client, own_server ? NULL : server);
        sai->conv_num = (guint16)st->handshake;
        sai->line_style = 1;
        sai->display = TRUE;
        g_queue_push_tail(sainfo->items, sai);
        c->length++;
        g_free(client);
        g_free(server);
        added = TRUE;
    }
    return added ? TAP_PACKET_REDRAW : TAP_PACKET_DONT_REDRAW;
}

void tlsexplain_flow_register(int proto)
{
    register_seq_analysis("tlsexplain", "TLS Handshake Explainer", proto, "tlsexplain",
                          TL_REQUIRES_NOTHING, flow_packet);
}
