/* tlsx_timing.c: see tlsx_timing.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_timing.h"

#include <string.h>

#include "tlsx_handshake.h"

/* Waits of more than about 125 years (hostile time stamps) are capped, so
 * that nanoseconds, and the sum of two, fit in 64 bits. */
#define MAX_SECS INT64_C(4000000000)

static int64_t ns_of(tlsx_time t)
{
    if (t.secs >= MAX_SECS)
        return MAX_SECS * 1000000000;
    if (t.secs <= -MAX_SECS)
        return -MAX_SECS * 1000000000;
    return t.secs * 1000000000 + t.nsecs;
}

static tlsx_time time_of(int64_t ns)
{
    tlsx_time t = {ns / 1000000000, (int32_t)(ns % 1000000000)};
    return t;
}

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
    out->rtt = time_of(ns_of(server) + ns_of(client));
    out->known = ns_of(out->rtt) > 0;
    out->estimated = true;
}

tlsx_capture_point tlsx_capture_point_of(const tlsx_baseline *b)
{
    const int64_t s = ns_of(b->to_server), c = ns_of(b->to_client);
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
        rtt = ns_of(side == TLSX_SERVER ? b->to_server : b->to_client);
    const int64_t w = ns_of(wait) > 0 ? ns_of(wait) : 0;
    const int64_t net = rtt < w ? rtt : w;
    *network = time_of(net);
    *processing = time_of(w - net);
}

uint32_t tlsx_rtts_needed(uint16_t version, int variant, bool resumed)
{
    if (tlsx_version_is_tls13(version))
        return 1;
    if (variant == TLSX_VARIANT_RESUMED || resumed)
        return 1;
    return 2;
}
