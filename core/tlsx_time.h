/* tlsx_time.h: time stamps and the distance between two of them.
 *
 * Seconds and nanoseconds are kept apart, as in Wireshark's nstime_t, so that
 * waits longer than a second and captures spanning days stay exact to the
 * nanosecond.  A distance is never negative: when time goes backwards the
 * distance is zero and the caller is told, so that it can flag the step.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_TIME_H
#define TLSX_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Packed: twelve bytes instead of sixteen, as every connection and step
 * keeps several for the whole life of the capture file. */
typedef struct __attribute__((packed)) {
    int64_t secs;
    int32_t nsecs; /* 0 .. 999 999 999 */
} tlsx_time;

/* *out = later - earlier.  Returns false, and sets *out to zero, when later
 * comes before earlier.  Inline for the usual case, two time stamps of a
 * capture in order (the model takes several distances an event); any other
 * goes through tlsx_time_between_any(), which does the same. */
bool tlsx_time_between_any(tlsx_time earlier, tlsx_time later, tlsx_time *out);

static inline bool tlsx_time_between(tlsx_time earlier, tlsx_time later, tlsx_time *out)
{
    if (earlier.secs < 0 || later.secs < earlier.secs || earlier.nsecs < 0 ||
        earlier.nsecs >= 1000000000 || later.nsecs < 0 || later.nsecs >= 1000000000 ||
        (later.secs == earlier.secs && later.nsecs < earlier.nsecs))
        return tlsx_time_between_any(earlier, later, out);
    int64_t secs = later.secs - earlier.secs; /* no overflow: both are >= 0 */
    int32_t nsecs = later.nsecs - earlier.nsecs;
    if (nsecs < 0) {
        nsecs += 1000000000;
        secs -= 1;
    }
    out->secs = secs;
    out->nsecs = nsecs;
    return true;
}

/* A distance in 64-bit nanoseconds, and back.  Distances beyond about 125
 * years (hostile time stamps) are capped, so that two of them still add up
 * without overflow: exact only for |secs| < TLSX_TIME_NS_SECS. */
#define TLSX_TIME_NS_SECS INT64_C(4000000000)
int64_t tlsx_time_to_ns(tlsx_time t);
tlsx_time tlsx_time_from_ns(int64_t ns);

/* t with its fraction in 0 .. 999 999 999: the fraction's whole seconds
 * moved to secs, which saturates at the ends of int64_t. */
tlsx_time tlsx_time_normalized(tlsx_time t);

/* a + b, two distances (never negative; a negative one counts as zero),
 * saturated at INT64_MAX seconds and 999 999 999 ns. */
tlsx_time tlsx_time_sum(tlsx_time a, tlsx_time b);

/* A distance (never negative) times n, saturated at INT64_MAX seconds and
 * 999 999 999 ns; a negative distance gives zero. */
tlsx_time tlsx_time_times(tlsx_time t, uint32_t n);

/* Whole milliseconds as a distance (a threshold such as slow_ms). */
tlsx_time tlsx_time_from_ms(uint32_t ms);

/* A distance in milliseconds, as a float for averages: only for reports
 * that round it, never written into a text (tlsx_text_add_ms() is). */
double tlsx_time_ms(tlsx_time t);

/* -1, 0 or 1 as a is before, equal to or after b.  Inline: the model and
 * the glue compare times several times a step. */
static inline int tlsx_time_cmp(tlsx_time a, tlsx_time b)
{
    if (a.secs != b.secs)
        return a.secs < b.secs ? -1 : 1;
    if (a.nsecs != b.nsecs)
        return a.nsecs < b.nsecs ? -1 : 1;
    return 0;
}

#endif
