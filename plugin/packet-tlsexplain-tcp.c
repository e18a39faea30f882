/* packet-tlsexplain-tcp.c: the network baseline of a connection, from its
 * TCP handshake.
 *
 * TCP remembers when the SYN came and how long after it the handshake's ACK
 * came; the SYN/ACK's time, which tells on which side of the capture point
 * the delay lies, it does not keep.  So the plugin asks for tcp.flags (one
 * small field per TCP segment) and notes the time of each SYN/ACK, in a map
 * by connection, before any TLS is seen.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <epan/conversation.h>

#define TCP_SYN 0x002
#define TCP_ACK 0x010

static GArray *flags_ids;
static wmem_map_t *synack_times; /* conversation_t * -> nstime_t * */

void tlsexplain_tcp_register(void)
{
    synack_times =
        wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_direct_hash, g_direct_equal);
}

void tlsexplain_tcp_wanted(GArray *ids)
{
    flags_ids = g_array_new(FALSE, FALSE, sizeof(int));
    tlsx_append_hfids_by_name(flags_ids, "tcp.flags");
    g_array_append_vals(ids, flags_ids->data, flags_ids->len);
}

void tlsexplain_tcp_note_frame(packet_info *pinfo, proto_tree *tree)
{
    if (pinfo->ptype != PT_TCP || !tree || !flags_ids)
        return;
    for (guint i = 0; i < flags_ids->len; i++) {
        GPtrArray *a = proto_get_finfo_ptr_array(tree, g_array_index(flags_ids, int, i));
        if (!a || a->len == 0)
            continue;
        guint32 flags = tlsx_finfo_uint((const field_info *)g_ptr_array_index(a, 0));
        if ((flags & (TCP_SYN | TCP_ACK)) != (TCP_SYN | TCP_ACK))
            return;
        conversation_t *conv = find_conversation_pinfo(pinfo, 0);
        if (!conv)
            return;
        /* The last SYN/ACK before the handshake's ACK: a retransmitted one
         * replaces the first. */
        nstime_t *t = wmem_new(wmem_file_scope(), nstime_t);
        *t = pinfo->abs_ts;
        wmem_map_insert(synack_times, conv, t);
        return;
    }
}

static tlsx_time from_nstime(nstime_t t)
{
    tlsx_time x = {(int64_t)t.secs, t.nsecs};
    return x;
}

gboolean tlsexplain_tcp_baseline(packet_info *pinfo, tlsx_baseline *out, tlsx_time *syn)
{
    memset(out, 0, sizeof *out);
    conversation_t *conv = find_conversation_pinfo(pinfo, 0);
    if (!conv)
        return FALSE;
    const nstime_t *synack = (const nstime_t *)wmem_map_lookup(synack_times, conv);
    nstime_t syn_ts, first_rtt;
    if (!synack || !tlsx_tcp_handshake_times(conv, pinfo, &syn_ts, &first_rtt))
        return FALSE;
    nstime_t ack;
    nstime_sum(&ack, &syn_ts, &first_rtt);
    *syn = from_nstime(syn_ts);
    return tlsx_baseline_from_tcp(*syn, from_nstime(*synack), from_nstime(ack), out);
}
