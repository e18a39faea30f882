/* tlsx_pack.c: see tlsx_pack.h.
 *
 * Layout: the step count, then per step two bytes of bits, the handshake
 * type and explanation key, then variable-length numbers (7 bits a byte,
 * low bits first): record, step, flight, the version unless it is the
 * previous step's, the rare fields when present, and the times (64-bit
 * nanoseconds, zigzag) unless they are the previous step's.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_pack.h"

#include <string.h>

enum {
    A_SAME_TIMES = 1 << 0, /* the previous step's waits, since_prev 0 */
    A_HRR = 1 << 1,
    A_ENCRYPTED = 1 << 2,
    A_SINCE_PEER = 1 << 3,
    A_BACKWARDS = 1 << 4,
    A_ENDS = 1 << 5,
    A_SPLIT = 1 << 6,
    A_SPLIT_ESTIMATED = 1 << 7,
};

enum {
    B_RTT_ESTIMATED = 1 << 0,
    B_RARE = 1 << 1, /* flags, missing and alert follow */
    B_SERVER = 1 << 2,
    B_KIND_SHIFT = 3,  /* 2 bits */
    B_POINT_SHIFT = 5, /* 2 bits */
    B_SAME_VERSION = 1 << 7,
};

#define VARINT_MAX 10

size_t tlsx_pack_bound(unsigned count)
{
    /* bits, type, key, record, step, flight, version, rare fields, 5 times */
    return VARINT_MAX + (size_t)count * (4 + 1 + 5 + 5 + 3 + 1 + 3 + 2 + 5 * VARINT_MAX);
}

uint8_t *tlsx_pack_uint(uint8_t *p, uint64_t v)
{
    while (v >= 0x80) {
        *p++ = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    *p++ = (uint8_t)v;
    return p;
}

const uint8_t *tlsx_unpack_uint(const uint8_t *p, uint64_t *v)
{
    uint64_t x = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        const uint8_t b = *p++;
        x |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    *v = x;
    return p;
}

static uint64_t zigzag(tlsx_time t)
{
    const int64_t ns = tlsx_time_to_ns(t);
    return ((uint64_t)ns << 1) ^ (uint64_t)(ns >> 63);
}

static tlsx_time unzigzag(uint64_t z)
{
    return tlsx_time_from_ns((int64_t)(z >> 1) ^ -(int64_t)(z & 1));
}

static uint8_t *put_time(uint8_t *p, tlsx_time t)
{
    return tlsx_pack_uint(p, zigzag(t));
}

static const uint8_t *get_time(const uint8_t *p, tlsx_time *t)
{
    uint64_t z;
    p = tlsx_unpack_uint(p, &z);
    *t = unzigzag(z);
    return p;
}

/* The round trip, or 0 when it is kept elsewhere. */
static uint8_t *put_rtt(uint8_t *p, const tlsx_pack_step *s)
{
    return tlsx_pack_uint(p, s->rtt_elsewhere ? 0 : zigzag(s->rtt) + 1);
}

static const uint8_t *get_rtt(const uint8_t *p, tlsx_pack_step *s)
{
    uint64_t z;
    p = tlsx_unpack_uint(p, &z);
    s->rtt_elsewhere = z == 0;
    s->rtt = z ? unzigzag(z - 1) : (tlsx_time){0, 0};
    return p;
}

static bool same_time(tlsx_time a, tlsx_time b)
{
    return tlsx_time_cmp(a, b) == 0;
}

/* Whether a step's waits are those of the step before it in the frame. */
static bool same_times(const tlsx_pack_step *s, const tlsx_pack_step *prev)
{
    static const tlsx_time zero = {0, 0};
    const tlsx_step *a = &s->st, *b = &prev->st;
    return same_time(a->since_prev, zero) && a->has_since_peer == b->has_since_peer &&
           same_time(a->since_peer, b->since_peer) && same_time(a->since_start, b->since_start) &&
           a->has_split == b->has_split && same_time(a->network, b->network) &&
           same_time(a->processing, b->processing) && s->rtt_elsewhere == prev->rtt_elsewhere &&
           same_time(s->rtt, prev->rtt);
}

size_t tlsx_pack(const tlsx_pack_step *steps, unsigned count, uint8_t *out)
{
    uint8_t *p = tlsx_pack_uint(out, count);
    for (unsigned i = 0; i < count; i++) {
        const tlsx_pack_step *s = &steps[i];
        const tlsx_step *st = &s->st;
        const tlsx_pack_step *prev = i ? &steps[i - 1] : NULL;
        const bool times = !prev || !same_times(s, prev);
        const bool version = !prev || prev->st.version != st->version;
        const bool rare = st->flags || st->missing || st->alert_level || st->alert_desc;

        *p++ =
            (uint8_t)((times ? 0 : A_SAME_TIMES) | (st->hrr ? A_HRR : 0) |
                      (st->encrypted ? A_ENCRYPTED : 0) | (st->has_since_peer ? A_SINCE_PEER : 0) |
                      (st->time_backwards ? A_BACKWARDS : 0) | (st->ends ? A_ENDS : 0) |
                      (st->has_split ? A_SPLIT : 0) |
                      (st->split_estimated ? A_SPLIT_ESTIMATED : 0));
        *p++ =
            (uint8_t)((s->rtt_estimated ? B_RTT_ESTIMATED : 0) | (rare ? B_RARE : 0) |
                      (st->side == TLSX_SERVER ? B_SERVER : 0) | ((st->kind & 3u) << B_KIND_SHIFT) |
                      ((s->point & 3u) << B_POINT_SHIFT) | (version ? 0 : B_SAME_VERSION));
        *p++ = st->hs_type;
        *p++ = st->explain;
        p = tlsx_pack_uint(p, s->record);
        p = tlsx_pack_uint(p, st->step);
        p = tlsx_pack_uint(p, st->flight);
        if (version)
            p = tlsx_pack_uint(p, st->version);
        if (rare) {
            *p++ = st->flags;
            p = tlsx_pack_uint(p, st->missing);
            *p++ = st->alert_level;
            *p++ = st->alert_desc;
        }
        if (times) {
            p = put_time(p, st->since_prev);
            if (st->has_since_peer)
                p = put_time(p, st->since_peer);
            p = put_time(p, st->since_start);
            if (st->has_split)
                p = put_time(p, st->network);
            p = put_rtt(p, s);
        }
    }
    return (size_t)(p - out);
}

unsigned tlsx_unpack_count(const uint8_t *in)
{
    uint64_t n;
    tlsx_unpack_uint(in, &n);
    return (unsigned)n;
}

void tlsx_unpack(const uint8_t *in, tlsx_pack_step *steps)
{
    uint64_t n, v;
    const uint8_t *p = tlsx_unpack_uint(in, &n);
    for (unsigned i = 0; i < (unsigned)n; i++) {
        tlsx_pack_step *s = &steps[i];
        tlsx_step *st = &s->st;
        memset(s, 0, sizeof *s);
        const uint8_t a = *p++, b = *p++;
        st->hs_type = *p++;
        st->explain = *p++;
        st->hrr = (a & A_HRR) != 0;
        st->encrypted = (a & A_ENCRYPTED) != 0;
        st->has_since_peer = (a & A_SINCE_PEER) != 0;
        st->time_backwards = (a & A_BACKWARDS) != 0;
        st->ends = (a & A_ENDS) != 0;
        st->has_split = (a & A_SPLIT) != 0;
        st->split_estimated = (a & A_SPLIT_ESTIMATED) != 0;
        s->rtt_estimated = (b & B_RTT_ESTIMATED) != 0;
        st->side = (b & B_SERVER) ? TLSX_SERVER : TLSX_CLIENT;
        st->kind = (uint8_t)((b >> B_KIND_SHIFT) & 3u);
        s->point = (uint8_t)((b >> B_POINT_SHIFT) & 3u);
        p = tlsx_unpack_uint(p, &v);
        s->record = (uint32_t)v;
        p = tlsx_unpack_uint(p, &v);
        st->step = (uint32_t)v;
        p = tlsx_unpack_uint(p, &v);
        st->flight = (uint32_t)v;
        if (b & B_SAME_VERSION) {
            st->version = steps[i - 1].st.version;
        } else {
            p = tlsx_unpack_uint(p, &v);
            st->version = (uint16_t)v;
        }
        if (b & B_RARE) {
            st->flags = *p++;
            p = tlsx_unpack_uint(p, &v);
            st->missing = (uint16_t)v;
            st->alert_level = *p++;
            st->alert_desc = *p++;
        }
        if (a & A_SAME_TIMES) {
            const tlsx_pack_step *prev = &steps[i - 1];
            st->since_peer = prev->st.since_peer;
            st->since_start = prev->st.since_start;
            st->network = prev->st.network;
            st->processing = prev->st.processing;
            s->rtt = prev->rtt;
            s->rtt_elsewhere = prev->rtt_elsewhere;
            continue;
        }
        p = get_time(p, &st->since_prev);
        if (st->has_since_peer)
            p = get_time(p, &st->since_peer);
        p = get_time(p, &st->since_start);
        if (st->has_split) {
            p = get_time(p, &st->network);
            int64_t proc = tlsx_time_to_ns(st->since_peer) - tlsx_time_to_ns(st->network);
            st->processing = tlsx_time_from_ns(proc);
        }
        p = get_rtt(p, s);
    }
}
