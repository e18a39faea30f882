/* tlsx_timing.c: see tlsx_timing.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_timing.h"

#include <string.h>

#include "tlsx_handshake.h"

bool tlsx_baseline_from_tcp(tlsx_time syn, tlsx_time synack, tlsx_time ack, tlsx_baseline *out)
{
    memset(out, 0, sizeof *out);
    if (!tlsx_time_between(syn, synack, &out->to_server) ||
        !tlsx_time_between(synack, ack, &out->to_client) ||
        !tlsx_time_between(syn, ack, &out->rtt)) {
        memset(out, 0, sizeof *out);
        return false;
    }
    out->known = true;
    return true;
}

void tlsx_baseline_estimate(tlsx_time server, tlsx_time client, tlsx_baseline *out)
{
    memset(out, 0, sizeof *out);
    out->to_server = server;
    out->to_client = client;
    out->rtt = tlsx_time_from_ns(tlsx_time_to_ns(server) + tlsx_time_to_ns(client));
    out->known = tlsx_time_to_ns(out->rtt) > 0;
    out->estimated = true;
}

tlsx_capture_point tlsx_capture_point_of(const tlsx_baseline *b)
{
    const int64_t s = tlsx_time_to_ns(b->to_server), c = tlsx_time_to_ns(b->to_client);
    if (!b->known || s + c <= 0)
        return TLSX_AT_UNKNOWN;
    /* Both are capped (ns_of), so their sum fits; the shares need not. */
    const double share = (double)s / (double)(s + c);
    if (share >= 0.8)
        return TLSX_AT_CLIENT;
    if (share <= 0.2)
        return TLSX_AT_SERVER;
    return TLSX_AT_BETWEEN;
}

const char *tlsx_capture_point_name(tlsx_capture_point p)
{
    switch (p) {
    case TLSX_AT_CLIENT:
        return "client";
    case TLSX_AT_SERVER:
        return "server";
    case TLSX_AT_BETWEEN:
        return "between";
    default:
        return "unknown";
    }
}

void tlsx_split_wait(const tlsx_baseline *b, tlsx_side side, tlsx_time wait, tlsx_time *network,
                     tlsx_time *processing)
{
    /* The server answers across the capture point's round trip to the
     * server, the client across the one to the client. */
    int64_t rtt = 0;
    if (b->known)
        rtt = tlsx_time_to_ns(side == TLSX_SERVER ? b->to_server : b->to_client);
    const int64_t w = tlsx_time_to_ns(wait) > 0 ? tlsx_time_to_ns(wait) : 0;
    const int64_t net = rtt < w ? rtt : w;
    *network = tlsx_time_from_ns(net);
    *processing = tlsx_time_from_ns(w - net);
}

uint32_t tlsx_rtts_needed(uint16_t version, int variant, bool resumed, bool cookie)
{
    const uint32_t extra = cookie ? 1 : 0;
    if (tlsx_version_is_tls13(version))
        return 1 + extra;
    if (variant == TLSX_VARIANT_RESUMED || resumed)
        return 1 + extra;
    return 2 + extra;
}
