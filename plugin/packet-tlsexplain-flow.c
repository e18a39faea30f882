/* packet-tlsexplain-flow.c: Statistics -> Flow Graph -> "TLS Handshake
 * Explainer", and tshark -z flow,tlsexplain,standard.
 *
 * Every step (and post-handshake message) is an arrow of the ladder, from
 * client to server or back, labelled with its message; the comment says the
 * step, how long it came after the other side's last message and when in the
 * handshake.  Labels are ssldump's one-word names ("ServerKeyExchange"): the
 * text graph of tshark cuts labels at 18 characters.  The two
 * ends are "address:port", so that a handshake over loopback, where client
 * and server share an address, still has two sides.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <epan/tap.h>
#include <wsutil/str_util.h>

/* "192.0.2.1:443", "[2001:db8::1]:443", as a string address. */
static void set_endpoint(address *dst, const address *addr, guint32 port)
{
    char *s = tlsexplain_endpoint(addr, port);
    /* Freed with the graph's items, by free_address(). */
    free_address(dst);
    alloc_address_wmem(NULL, dst, AT_STRINGZ, (int)strlen(s) + 1, s);
    g_free(s);
}

/* "7.165": milliseconds to the microsecond. */
static const char *ms_of(char *buf, tlsx_time t)
{
    return tlsexplain_time_text(buf, t, 3, 3);
}

/* "Handshake 1 step 2 IN: Server Hello, 7.165 ms after the client, at 7.165 ms". */
static char *comment_of(const tlsx_step *st)
{
    GString *c = g_string_new(NULL);
    char ms[TLSX_TIME_TEXT_SIZE];
    const char *dir = st->side == TLSX_CLIENT ? "OUT" : "IN";
    if (st->step)
        g_string_printf(c, "Handshake %u step %u %s: %s", st->handshake, st->step, dir,
                        tlsx_step_name(st));
    else
        g_string_printf(c, "Handshake %u post-handshake %s: %s", st->handshake, dir,
                        tlsx_step_name(st));
    if (st->has_since_peer)
        g_string_append_printf(c, ", %s ms after the %s", ms_of(ms, st->since_peer),
                               st->side == TLSX_CLIENT ? "server" : "client");
    g_string_append_printf(c, ", at %s ms", ms_of(ms, st->since_start));
    return g_string_free(c, FALSE);
}

static tap_packet_status flow_packet(void *tapdata, packet_info *pinfo, epan_dissect_t *edt _U_,
                                     const void *data, tap_flags_t flags _U_)
{
    tlsx_seq_info *sainfo = (tlsx_seq_info *)tapdata;
    const tlsx_frame *fs = (const tlsx_frame *)data;
    gboolean added = FALSE;

    for (guint i = 0; i < fs->count; i++) {
        const tlsx_step *st = &fs->steps[i].st;
        if (!st->step && (st->flags & TLSX_FLAG_DUPLICATE))
            continue;
        tlsx_seq_item *sai = sequence_analysis_create_sai_with_addresses(pinfo, sainfo);
        if (!sai)
            break;
        sai->frame_number = pinfo->num;
        set_endpoint(&sai->src_addr, &pinfo->src, pinfo->srcport);
        set_endpoint(&sai->dst_addr, &pinfo->dst, pinfo->destport);
        sai->port_src = (guint16)pinfo->srcport;
        sai->port_dst = (guint16)pinfo->destport;
        sai->frame_label = tlsexplain_camel_name(st);
        sai->comment = comment_of(st);
        sai->conv_num = (guint16)st->handshake;
        sai->line_style = 1;
        sai->display = TRUE;
        g_queue_push_tail(sainfo->items, sai);
        added = TRUE;
    }
    return added ? TAP_PACKET_REDRAW : TAP_PACKET_DONT_REDRAW;
}

void tlsexplain_flow_register(int proto)
{
    register_seq_analysis("tlsexplain", "TLS Handshake Explainer", proto, "tlsexplain",
                          TL_REQUIRES_NOTHING, flow_packet);
}
