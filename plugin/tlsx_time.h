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
#include <stdint.h>

typedef struct {
    int64_t secs;
    int32_t nsecs; /* 0 .. 999 999 999 */
} tlsx_time;

/* *out = later - earlier.  Returns false, and sets *out to zero, when later
 * comes before earlier. */
bool tlsx_time_between(tlsx_time earlier, tlsx_time later, tlsx_time *out);

/* -1, 0 or 1 as a is before, equal to or after b. */
int tlsx_time_cmp(tlsx_time a, tlsx_time b);

#endif
