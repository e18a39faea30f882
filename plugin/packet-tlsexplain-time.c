/* packet-tlsexplain-time.c: see tlsexplain.h.  The model keeps times as
 * tlsx_time (core/tlsx_time.h, no Wireshark header); Wireshark as nstime_t.
 * Every conversion, and every time written into a text, goes through here.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

nstime_t tlsexplain_nstime(tlsx_time t)
{
    nstime_t ns;
    ns.secs = (time_t)t.secs;
    ns.nsecs = t.nsecs;
    return ns;
}

tlsx_time tlsexplain_time_of(const nstime_t *t)
{
    tlsx_time x = {(int64_t)t->secs, t->nsecs};
    return x;
}

proto_item *tlsexplain_add_time(proto_tree *tree, tvbuff_t *tvb, int hf, tlsx_time t)
{
    nstime_t ns = tlsexplain_nstime(t);
    proto_item *pi = proto_tree_add_time(tree, hf, tvb, 0, 0, &ns);
    proto_item_set_generated(pi);
    return pi;
}

const char *tlsexplain_time_text(char *buf, tlsx_time t, unsigned unit, unsigned decimals)
{
    tlsx_text text;
    tlsx_text_init(&text, buf, TLSX_TIME_TEXT_SIZE);
    tlsx_text_add_time(&text, t, unit, decimals);
    return buf;
}

const char *tlsexplain_ms_text(char *buf, tlsx_time t)
{
    tlsx_text text;
    tlsx_text_init(&text, buf, TLSX_TIME_TEXT_SIZE);
    tlsx_text_add_ms(&text, t);
    return buf;
}
