/* tlsx_time.c: see tlsx_time.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_time.h"

#define NS_PER_S 1000000000

int tlsx_time_cmp(tlsx_time a, tlsx_time b)
{
    if (a.secs != b.secs)
        return a.secs < b.secs ? -1 : 1;
    if (a.nsecs != b.nsecs)
        return a.nsecs < b.nsecs ? -1 : 1;
    return 0;
}

bool tlsx_time_between(tlsx_time earlier, tlsx_time later, tlsx_time *out)
{
    if (tlsx_time_cmp(later, earlier) < 0) {
        out->secs = 0;
        out->nsecs = 0;
        return false;
    }
    out->secs = later.secs - earlier.secs;
    out->nsecs = later.nsecs - earlier.nsecs;
    if (out->nsecs < 0) {
        out->nsecs += NS_PER_S;
        out->secs -= 1;
    }
    return true;
}
