/* packet-tlsexplain-store.c: what is kept of a frame's steps between passes.
 *
 * Every frame with steps keeps them for the second pass and for each click
 * in the GUI, for the whole life of the capture file.  A step as the model
 * gives it holds seven full time stamps; what is kept holds them as 64-bit
 * nanoseconds (the processing time is the wait less the network time) and
 * its small fields packed, about half the size.  Showing a frame unpacks its
 * steps into the packet's scope.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <epan/proto_data.h>

enum {
    BIT_HRR = 1 << 0,
    BIT_ENCRYPTED = 1 << 1,
    BIT_SINCE_PEER = 1 << 2,
    BIT_BACKWARDS = 1 << 3,
    BIT_ENDS = 1 << 4,
    BIT_SPLIT = 1 << 5,
    BIT_SPLIT_ESTIMATED = 1 << 6,
    BIT_RTT_ESTIMATED = 1 << 7,
};

typedef struct {
    tlsx_record *rec;
    guint32 handshake, step, flight;
    guint16 version, missing;
    guint8 side, kind, hs_type, explain, flags, alert_level, alert_desc, point, bits;
    gint64 since_prev, since_peer, since_start, network, rtt; /* ns */
} kept_step;

typedef struct {
    guint count;
    kept_step steps[];
} kept_frame;

static void pack(const tlsx_frame_step *in, kept_step *out)
{
    const tlsx_step *st = &in->st;
    out->rec = in->rec;
    out->handshake = st->handshake;
    out->step = st->step;
    out->flight = st->flight;
    out->version = st->version;
    out->missing = st->missing;
    out->side = st->side;
    out->kind = st->kind;
    out->hs_type = st->hs_type;
    out->explain = st->explain;
    out->flags = st->flags;
    out->alert_level = st->alert_level;
    out->alert_desc = st->alert_desc;
    out->point = in->point;
    out->bits =
        (guint8)((st->hrr ? BIT_HRR : 0) | (st->encrypted ? BIT_ENCRYPTED : 0) |
                 (st->has_since_peer ? BIT_SINCE_PEER : 0) |
                 (st->time_backwards ? BIT_BACKWARDS : 0) | (st->ends ? BIT_ENDS : 0) |
                 (st->has_split ? BIT_SPLIT : 0) | (st->split_estimated ? BIT_SPLIT_ESTIMATED : 0) |
                 (in->rtt_estimated ? BIT_RTT_ESTIMATED : 0));
    out->since_prev = tlsx_time_to_ns(st->since_prev);
    out->since_peer = tlsx_time_to_ns(st->since_peer);
    out->since_start = tlsx_time_to_ns(st->since_start);
    out->network = tlsx_time_to_ns(st->network);
    out->rtt = tlsx_time_to_ns(in->rtt);
}

static void unpack(const kept_step *in, tlsx_frame_step *out)
{
    tlsx_step *st = &out->st;
    memset(out, 0, sizeof *out);
    out->rec = in->rec;
    st->handshake = in->handshake;
    st->step = in->step;
    st->flight = in->flight;
    st->version = in->version;
    st->missing = in->missing;
    st->side = in->side;
    st->kind = in->kind;
    st->hs_type = in->hs_type;
    st->explain = in->explain;
    st->flags = in->flags;
    st->alert_level = in->alert_level;
    st->alert_desc = in->alert_desc;
    out->point = in->point;
    st->hrr = (in->bits & BIT_HRR) != 0;
    st->encrypted = (in->bits & BIT_ENCRYPTED) != 0;
    st->has_since_peer = (in->bits & BIT_SINCE_PEER) != 0;
    st->time_backwards = (in->bits & BIT_BACKWARDS) != 0;
    st->ends = (in->bits & BIT_ENDS) != 0;
    st->has_split = (in->bits & BIT_SPLIT) != 0;
    st->split_estimated = (in->bits & BIT_SPLIT_ESTIMATED) != 0;
    out->rtt_estimated = (in->bits & BIT_RTT_ESTIMATED) != 0;
    st->since_prev = tlsx_time_from_ns(in->since_prev);
    st->since_peer = tlsx_time_from_ns(in->since_peer);
    st->since_start = tlsx_time_from_ns(in->since_start);
    st->network = tlsx_time_from_ns(in->network);
    st->processing = tlsx_time_from_ns(in->since_peer - in->network);
    out->rtt = tlsx_time_from_ns(in->rtt);
}

void tlsexplain_store_frame(packet_info *pinfo, int proto, const tlsx_frame *fs)
{
    kept_frame *k = (kept_frame *)wmem_alloc(wmem_file_scope(),
                                             sizeof(kept_frame) + fs->count * sizeof(kept_step));
    k->count = fs->count;
    for (guint i = 0; i < fs->count; i++)
        pack(&fs->steps[i], &k->steps[i]);
    p_add_proto_data(wmem_file_scope(), pinfo, proto, 0, k);
}

tlsx_frame *tlsexplain_stored_frame(packet_info *pinfo, int proto)
{
    const kept_frame *k = (const kept_frame *)p_get_proto_data(wmem_file_scope(), pinfo, proto, 0);
    if (!k)
        return NULL;
    tlsx_frame *fs = (tlsx_frame *)wmem_alloc(pinfo->pool, sizeof(tlsx_frame) +
                                                               k->count * sizeof(tlsx_frame_step));
    fs->count = k->count;
    for (guint i = 0; i < k->count; i++)
        unpack(&k->steps[i], &fs->steps[i]);
    return fs;
}
