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
    out->rtt = tlsx_time_sum(server, client);
    out->known = out->rtt.secs > 0 || out->rtt.nsecs > 0;
    out->estimated = true;
}

/* A distance divided by 4, rounded down to the nanosecond. */
static tlsx_time quarter(tlsx_time t)
{
    t = tlsx_time_normalized(t);
    const int64_t rest = (t.secs % 4) * 1000000000 + t.nsecs; /* below 4 * 10^9 */
    tlsx_time q = {t.secs / 4, (int32_t)(rest / 4)};
    return q;
}

tlsx_capture_point tlsx_capture_point_of(const tlsx_baseline *b)
{
    static const tlsx_time zero = {0, 0};
    const tlsx_time s = b->to_server, c = b->to_client;
    if (!b->known || (tlsx_time_cmp(s, zero) <= 0 && tlsx_time_cmp(c, zero) <= 0))
        return TLSX_AT_UNKNOWN;
    /* The server's share s / (s + c) of at least 4/5 is s >= 4c, that is
     * s / 4 >= c in whole nanoseconds; of at most 1/5, s <= c / 4: exact at
     * any size. */
    if (tlsx_time_cmp(quarter(s), c) >= 0)
        return TLSX_AT_CLIENT;
    if (tlsx_time_cmp(s, quarter(c)) <= 0)
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
    static const tlsx_time zero = {0, 0};
    tlsx_time rtt = zero;
    if (b->known)
        rtt = side == TLSX_SERVER ? b->to_server : b->to_client;
    /* In whole tlsx_time, exact at any size; a negative wait (none is)
     * counts as zero. */
    wait = tlsx_time_normalized(wait);
    if (tlsx_time_cmp(wait, zero) < 0)
        wait = zero;
    rtt = tlsx_time_normalized(rtt);
    if (tlsx_time_cmp(rtt, zero) < 0)
        rtt = zero;
    *network = tlsx_time_cmp(rtt, wait) < 0 ? rtt : wait;
    tlsx_time_between(*network, wait, processing);
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
