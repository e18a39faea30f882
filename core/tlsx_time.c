/* tlsx_time.c: see tlsx_time.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_time.h"

#include <inttypes.h>
#include <stdio.h>

#define NS_PER_S 1000000000

/* Wireshark hands over whatever a capture file says: a pcap record's
 * fraction is not checked, a pcapng time stamp in whole seconds reaches the
 * ends of time_t.  The fraction's whole seconds are moved to secs, which
 * saturates. */
tlsx_time tlsx_time_normalized(tlsx_time t)
{
    int32_t carry = t.nsecs / NS_PER_S;
    t.nsecs %= NS_PER_S;
    if (t.nsecs < 0) {
        t.nsecs += NS_PER_S;
        carry--;
    }
    if (carry > 0 && t.secs > INT64_MAX - carry) {
        t.secs = INT64_MAX;
        t.nsecs = NS_PER_S - 1;
    } else if (carry < 0 && t.secs < INT64_MIN - carry) {
        t.secs = INT64_MIN;
        t.nsecs = 0;
    } else {
        t.secs += carry;
    }
    return t;
}

static bool is_normal(tlsx_time t)
{
    return t.nsecs >= 0 && t.nsecs < NS_PER_S;
}

bool tlsx_time_between_any(tlsx_time earlier, tlsx_time later, tlsx_time *out)
{
    /* Time stamps from a capture file are almost always normal already. */
    if (!is_normal(earlier))
        earlier = tlsx_time_normalized(earlier);
    if (!is_normal(later))
        later = tlsx_time_normalized(later);
    if (tlsx_time_cmp(later, earlier) < 0) {
        out->secs = 0;
        out->nsecs = 0;
        return false;
    }
    /* Exact in unsigned arithmetic, as later >= earlier; beyond INT64_MAX
     * seconds it saturates. */
    uint64_t secs = (uint64_t)later.secs - (uint64_t)earlier.secs;
    int32_t nsecs = later.nsecs - earlier.nsecs;
    if (nsecs < 0) {
        nsecs += NS_PER_S;
        secs -= 1;
    }
    if (secs > (uint64_t)INT64_MAX) {
        secs = (uint64_t)INT64_MAX;
        nsecs = NS_PER_S - 1;
    }
    out->secs = (int64_t)secs;
    out->nsecs = nsecs;
    return true;
}

#define MAX_SECS TLSX_TIME_NS_SECS

int64_t tlsx_time_to_ns(tlsx_time t)
{
    if (t.secs >= MAX_SECS)
        return MAX_SECS * NS_PER_S;
    if (t.secs <= -MAX_SECS)
        return -MAX_SECS * NS_PER_S;
    return t.secs * NS_PER_S + t.nsecs;
}

tlsx_time tlsx_time_from_ns(int64_t ns)
{
    tlsx_time t = {ns / NS_PER_S, (int32_t)(ns % NS_PER_S)};
    return t;
}

tlsx_time tlsx_time_times(tlsx_time t, uint32_t n)
{
    const tlsx_time zero = {0, 0}, most = {INT64_MAX, NS_PER_S - 1};
    t = tlsx_time_normalized(t);
    if (t.secs < 0)
        return zero;
    /* Below 10^9 * 2^32, which fits in 64 bits. */
    const uint64_t ns = (uint64_t)t.nsecs * n;
    const int64_t carry = (int64_t)(ns / NS_PER_S);
    if (n && t.secs > (INT64_MAX - carry) / (int64_t)n)
        return most;
    tlsx_time out = {t.secs * (int64_t)n + carry, (int32_t)(ns % NS_PER_S)};
    return out;
}

tlsx_time tlsx_time_sum(tlsx_time a, tlsx_time b)
{
    const tlsx_time zero = {0, 0}, most = {INT64_MAX, NS_PER_S - 1};
    a = tlsx_time_normalized(a);
    b = tlsx_time_normalized(b);
    if (a.secs < 0)
        a = zero;
    if (b.secs < 0)
        b = zero;
    int32_t nsecs = a.nsecs + b.nsecs; /* below 2 * 10^9 */
    int64_t carry = 0;
    if (nsecs >= NS_PER_S) {
        nsecs -= NS_PER_S;
        carry = 1;
    }
    if (a.secs > INT64_MAX - b.secs - carry)
        return most;
    tlsx_time out = {a.secs + b.secs + carry, nsecs};
    return out;
}

tlsx_time tlsx_time_from_ms(uint32_t ms)
{
    const tlsx_time t = {(int64_t)(ms / 1000), (int32_t)(ms % 1000) * 1000000};
    return t;
}

double tlsx_time_ms(tlsx_time t)
{
    return (double)t.secs * 1e3 + t.nsecs / 1e6;
}
