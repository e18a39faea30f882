/* tlsexplain-compat.h: every difference between the Wireshark versions the plugin
 * builds against (4.0 to 4.6) is bridged here and nowhere else.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSEXPLAIN_COMPAT_H
#define TLSEXPLAIN_COMPAT_H

#include <wireshark.h>
#include <ws_version.h>
#include <epan/conversation.h>
#include <epan/dissectors/packet-tcp.h>
#include <epan/packet.h>
#include <epan/proto.h>
#include <epan/tap.h>

#include <stdlib.h>

#define TLSEXPLAIN_WS_AT_LEAST(major, minor)                                                       \
    (WIRESHARK_VERSION_MAJOR > (major) ||                                                          \
     (WIRESHARK_VERSION_MAJOR == (major) && WIRESHARK_VERSION_MINOR >= (minor)))

/* A field's value became a pointer in 4.2; 4.0 reads it through a
 * non-const pointer although it does not change it. */
static inline guint32 tlsexplain_finfo_uint(const field_info *fi)
{
#if TLSEXPLAIN_WS_AT_LEAST(4, 2)
    return fvalue_get_uinteger(fi->value);
#else
    return fvalue_get_uinteger((fvalue_t *)&fi->value);
#endif
}

/* Boolean preferences are bool from 4.4 on. */
#if TLSEXPLAIN_WS_AT_LEAST(4, 4)
typedef bool tlsexplain_pref_bool;
#else
typedef gboolean tlsexplain_pref_bool;
#endif

/* Whether the tree is shown (GUI, tshark -V or PDML), not merely built for
 * filters and wanted fields. */
static inline gboolean tlsexplain_tree_visible(proto_tree *tree)
{
    return tree && PTREE_DATA(tree)->visible;
}

/* Whether a data source's name starts with prefix ("Decrypted TLS", ...).
 * 4.6 renamed get_data_source_name, which returns "name (N bytes)" newly
 * allocated, to get_data_source_description. */
static inline gboolean tlsexplain_data_source_has_prefix(const struct data_source *src,
                                                         const char *prefix)
{
#if TLSEXPLAIN_WS_AT_LEAST(4, 6)
    char *name = get_data_source_description(src);
#else
    char *name = get_data_source_name(src);
#endif
    gboolean has = g_str_has_prefix(name, prefix);
    g_free(name);
    return has;
}

/* Every field registered under an abbreviation (some, like
 * tls.handshake.version, are registered twice). */
static inline void tlsexplain_append_hfids_by_name(GArray *ids, const char *abbrev)
{
    header_field_info *hfi = proto_registrar_get_byname(abbrev);
    if (!hfi)
        return;
    while (hfi->same_name_prev_id != -1)
        hfi = proto_registrar_get_nth(hfi->same_name_prev_id);
    for (; hfi; hfi = hfi->same_name_next)
        g_array_append_val(ids, hfi->id);
}

/* From 4.4 on a plugin says what it is: tshark -G plugins shows its type
 * ("unknown" without it), 4.0 names every epan plugin "dissector".
 * Defines plugin_describe() where the loader asks for it. */
#if TLSEXPLAIN_WS_AT_LEAST(4, 4)
#include <wsutil/plugins.h>
#define TLSEXPLAIN_PLUGIN_DESCRIBE_DISSECTOR()                                                     \
    WS_DLL_PUBLIC uint32_t plugin_describe(void);                                                  \
    uint32_t plugin_describe(void)                                                                 \
    {                                                                                              \
        return WS_PLUGIN_DESC_DISSECTOR;                                                           \
    }
#else
#define TLSEXPLAIN_PLUGIN_DESCRIBE_DISSECTOR()
#endif

/* The TCP handshake as TCP's sequence analysis saw it: when the SYN came,
 * SYN to ACK, and the two ACK round trips it recorded, SYN to SYN/ACK (the
 * SYN/ACK acknowledges the SYN) and SYN/ACK to ACK.  FALSE unless all are
 * there and add up.  From 4.4 on the TCP data can be read without side
 * effects. */
typedef struct {
    guint32 acked; /* the frame acknowledged; 0 until found */
    nstime_t ts;
} tlsexplain_ack;

/* The first two acknowledgements, in frame order: the SYN/ACK's (of the SYN)
 * and the ACK's (of the SYN/ACK, a later frame). */
#if TLSEXPLAIN_WS_AT_LEAST(4, 4)
typedef bool tlsexplain_foreach_result;
#else
typedef gboolean tlsexplain_foreach_result;
#endif

static inline tlsexplain_foreach_result tlsexplain_first_acks(const void *key, void *value,
                                                              void *data)
{
    const struct tcp_acked *ta = (const struct tcp_acked *)value;
    tlsexplain_ack *acks = (tlsexplain_ack *)data;
    (void)key;
    if (!ta || ta->frame_acked == 0)
        return FALSE;
    tlsexplain_ack *a = acks[0].acked == 0 ? &acks[0] : &acks[1];
    a->acked = ta->frame_acked;
    a->ts = ta->ts;
    return a == &acks[1];
}

/* TCP's data of a conversation, without creating it where 4.4 can avoid it. */
static inline struct tcp_analysis *tlsexplain_tcp_data(conversation_t *conv, packet_info *pinfo)
{
#if TLSEXPLAIN_WS_AT_LEAST(4, 4)
    (void)pinfo;
    return get_tcp_conversation_data_idempotent(conv);
#else
    return get_tcp_conversation_data(conv, pinfo);
#endif
}

static inline gboolean tlsexplain_tcp_handshake_times(conversation_t *conv, packet_info *pinfo,
                                                      nstime_t *syn, nstime_t *to_server,
                                                      nstime_t *to_client)
{
    struct tcp_analysis *tcpd = tlsexplain_tcp_data(conv, pinfo);
    if (!tcpd || !tcpd->acked_table || nstime_is_zero(&tcpd->ts_mru_syn) ||
        nstime_is_zero(&tcpd->ts_first_rtt))
        return FALSE;
    tlsexplain_ack acks[2];
    memset(acks, 0, sizeof acks);
    wmem_tree_foreach(tcpd->acked_table, tlsexplain_first_acks, acks);
    if (acks[1].acked <= acks[0].acked)
        return FALSE;
    nstime_t sum;
    nstime_sum(&sum, &acks[0].ts, &acks[1].ts);
    if (nstime_cmp(&sum, &tcpd->ts_first_rtt) != 0)
        return FALSE;
    *syn = tcpd->ts_mru_syn;
    *to_server = acks[0].ts;
    *to_client = acks[1].ts;
    return TRUE;
}
/* The server's port as TCP learnt it from the connection's SYN or SYN/ACK;
 * 0 when neither is in the capture. */
/* The first pass only: how far the sender of the frame's TCP segment has
 * sent (the next sequence number after everything it sent so far), or, with
 * sender FALSE, how far the receiver has; FALSE when TCP keeps no such
 * count.  Differences of two are bytes sent between them. */
static inline gboolean tlsexplain_tcp_sent(conversation_t *conv, packet_info *pinfo,
                                           gboolean sender, guint32 *next_seq)
{
    struct tcp_analysis *tcpd = tlsexplain_tcp_data(conv, pinfo);
    const tcp_flow_t *flow = tcpd ? (sender ? tcpd->fwd : tcpd->rev) : NULL;
    if (!flow || !flow->tcp_analyze_seq_info || !flow->tcp_analyze_seq_info->nextseq)
        return FALSE;
    *next_seq = flow->tcp_analyze_seq_info->nextseq;
    return TRUE;
}

/* The first pass only: when the receiver of the frame's segment last sent
 * an acknowledgement, FALSE when TCP saw none. */
static inline gboolean tlsexplain_tcp_peer_acked(conversation_t *conv, packet_info *pinfo,
                                                 nstime_t *when)
{
    struct tcp_analysis *tcpd = tlsexplain_tcp_data(conv, pinfo);
    const tcp_flow_t *flow = tcpd ? tcpd->rev : NULL;
    if (!flow || !flow->tcp_analyze_seq_info ||
        nstime_is_zero(&flow->tcp_analyze_seq_info->lastacktime))
        return FALSE;
    *when = flow->tcp_analyze_seq_info->lastacktime;
    return TRUE;
}

static inline guint16 tlsexplain_tcp_server_port(conversation_t *conv, packet_info *pinfo)
{
    struct tcp_analysis *tcpd = tlsexplain_tcp_data(conv, pinfo);
    return tcpd ? tcpd->server_port : 0;
}

/* A stat_tap_ui's init callback (tshark -z NAME,...) returns nothing up to
 * 4.4 and whether it could start from 4.6 on.  Before 4.6 a tap that cannot
 * start ends tshark, as Wireshark's own command-line taps do.
 *
 * Wireshark's checkAPIs.pl reports this exit() (group dissectors-prohibited:
 * a dissector must not end the program).  It is no dissector's: it runs once,
 * when tshark starts the -z reports before reading the capture, and only
 * for a filter that does not compile.  Without it tshark would read the whole
 * capture and end with status 0 and without the report asked for; 4.0 to 4.4
 * offer no other way to fail.  tests/checkapis.sh allows exactly this one. */
#if TLSEXPLAIN_WS_AT_LEAST(4, 6)
#define TLSEXPLAIN_STAT_TAP_INIT_RESULT bool
#define TLSEXPLAIN_STAT_TAP_INIT_OK() return true
#define TLSEXPLAIN_STAT_TAP_INIT_FAIL() return false
#else
#define TLSEXPLAIN_STAT_TAP_INIT_RESULT void
#define TLSEXPLAIN_STAT_TAP_INIT_OK() return
#define TLSEXPLAIN_STAT_TAP_INIT_FAIL() exit(1)
#endif

/* Sequence analysis (Statistics -> Flow Graph, tshark -z flow,...):
 * libwireshark exports it, but no version installs epan/sequence_analysis.h.
 * Declared here: the functions the plugin calls, and the leading members of
 * the item and of the graph it fills, as each version lays them out.  The
 * item's flags are gboolean up to 4.2 and bool from 4.4 on (checked in the
 * 4.4 and 4.6 libraries: sequence_analysis_use_color_filter() stores one
 * byte); everything before them, and the graph's members used here, sit at
 * the same offsets in every version.  Both are allocated by libwireshark. */
#if TLSEXPLAIN_WS_AT_LEAST(4, 4)
typedef bool tlsexplain_seq_bool;
#else
typedef gboolean tlsexplain_seq_bool;
#endif

typedef struct {
    guint32 frame_number;
    address src_addr;
    guint16 port_src;
    address dst_addr;
    guint16 port_dst;
    char *frame_label; /* above the arrow; g_free()d with the item */
    char *time_str;
    char *comment; /* right of the graph; g_free()d with the item */
    guint16 conv_num;
    unsigned fg_color;
    unsigned bg_color;
    tlsexplain_seq_bool has_color_filter;
    tlsexplain_seq_bool display;
    unsigned src_node;
    unsigned dst_node;
    guint16 line_style;
    /* more members follow */
} tlsexplain_seq_item;

typedef struct {
    const char *name;
    tlsexplain_seq_bool any_addr;
    int nconv;
    GQueue *items; /* of tlsexplain_seq_item * */
    /* more members follow */
} tlsexplain_seq_info;

WS_DLL_PUBLIC void register_seq_analysis(const char *name, const char *ui_name, const int proto_id,
                                         const char *tap_listener, guint tap_flags,
                                         tap_packet_cb tap_func);
WS_DLL_PUBLIC tlsexplain_seq_item *
sequence_analysis_create_sai_with_addresses(packet_info *pinfo, tlsexplain_seq_info *sainfo);

#endif
