/* tlsx_pack.c: see tlsx_pack.h.
 *
 * Layout: the step count, then per step two bytes of bits, the handshake
 * type and explanation key, then variable-length numbers (7 bits a byte,
 * low bits first): record, step, flight, the version unless it is the
 * previous step's, the rare fields when present, and the times (64-bit
 * nanoseconds, zigzag) unless they are the previous step's.  A time too
 * long for 64-bit nanoseconds (hostile time stamps) is the code TIME_WIDE,
 * then its seconds (zigzag) and nanoseconds: kept exactly, as every pass
 * must show what the first showed.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_pack.h"

#include <string.h>

#include "tlsx_explain.h"

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
    B_RARE = 1 << 1, /* flags, missing, alert and the guess follow */
    B_SERVER = 1 << 2,
    B_KIND_SHIFT = 3,  /* 2 bits */
    B_POINT_SHIFT = 5, /* 2 bits */
    B_SAME_VERSION = 1 << 7,
};

/* The explanation key's high bit: the step's keyx and told follow. */
#define KEY_FACTS 0x80u
_Static_assert(TLSX_EX_COUNT <= KEY_FACTS, "explanation keys fit in 7 bits");

#define VARINT_MAX 10
#define TIME_MAX (2 * VARINT_MAX + 5) /* code, seconds, nanoseconds */

/* Above every zigzag of nanoseconds below TLSX_TIME_NS_SECS seconds (under
 * 2^63), and of one more for a round trip. */
#define TIME_WIDE (UINT64_C(1) << 63)

size_t tlsx_pack_bound(unsigned count)
{
    /* bits, type, key, key exchange, told, record, step, flight, version, rare fields
     * (with the guess and its record's length), 5 times */
    return VARINT_MAX + (size_t)count * (4 + 1 + 3 + 5 + 5 + 3 + 1 + 3 + 2 + 1 + 5 + 5 * TIME_MAX);
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

static uint64_t zigzag(int64_t v)
{
    return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t unzigzag(uint64_t z)
{
    return (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
}

/* A time as its code plus offset, and for a wide one its parts. */
static uint8_t *put_time_code(uint8_t *p, tlsx_time t, uint64_t offset)
{
    t = tlsx_time_normalized(t);
    if (t.secs > -TLSX_TIME_NS_SECS && t.secs < TLSX_TIME_NS_SECS)
        return tlsx_pack_uint(p, zigzag(tlsx_time_to_ns(t)) + offset);
    p = tlsx_pack_uint(p, TIME_WIDE + offset);
    p = tlsx_pack_uint(p, zigzag(t.secs));
    return tlsx_pack_uint(p, (uint64_t)t.nsecs);
}

/* The time of a code (its offset taken off). */
static const uint8_t *get_time_of(const uint8_t *p, uint64_t code, tlsx_time *t)
{
    if (code != TIME_WIDE) {
        *t = tlsx_time_from_ns(unzigzag(code));
        return p;
    }
    uint64_t secs, nsecs;
    p = tlsx_unpack_uint(p, &secs);
    p = tlsx_unpack_uint(p, &nsecs);
    t->secs = unzigzag(secs);
    t->nsecs = (int32_t)nsecs;
    return p;
}

static uint8_t *put_time(uint8_t *p, tlsx_time t)
{
    return put_time_code(p, t, 0);
}

static const uint8_t *get_time(const uint8_t *p, tlsx_time *t)
{
    uint64_t code;
    p = tlsx_unpack_uint(p, &code);
    return get_time_of(p, code, t);
}

/* The round trip, or 0 when it is kept elsewhere. */
static uint8_t *put_rtt(uint8_t *p, const tlsx_pack_step *s)
{
    return s->rtt_elsewhere ? tlsx_pack_uint(p, 0) : put_time_code(p, s->rtt, 1);
}

static const uint8_t *get_rtt(const uint8_t *p, tlsx_pack_step *s)
{
    uint64_t code;
    p = tlsx_unpack_uint(p, &code);
    s->rtt_elsewhere = code == 0;
    s->rtt = (tlsx_time){0, 0};
    return code ? get_time_of(p, code - 1, &s->rtt) : p;
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
        const bool rare =
            st->flags || st->missing || st->alert_level || st->alert_desc || st->inferred;

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
        /* The facts an explanation is composed from follow the key only
         * when there are any (explanation keys are under 128). */
        const bool facts = st->keyx || st->told;
        *p++ = (uint8_t)(st->explain | (facts ? KEY_FACTS : 0));
        if (facts) {
            *p++ = st->keyx;
            p = tlsx_pack_uint(p, st->told);
        }
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
            *p++ = st->inferred;
            if (st->inferred)
                p = tlsx_pack_uint(p, st->record_length);
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
        st->explain = *p & (uint8_t)~KEY_FACTS;
        if (*p++ & KEY_FACTS) {
            st->keyx = *p++;
            p = tlsx_unpack_uint(p, &v);
            st->told = (uint32_t)v;
        }
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
            st->inferred = *p++;
            if (st->inferred) {
                p = tlsx_unpack_uint(p, &v);
                st->record_length = (uint32_t)v;
            }
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
            /* tlsx_split_wait()'s: the wait less its network part. */
            tlsx_time_between(st->network, st->since_peer, &st->processing);
        }
        p = get_rtt(p, s);
    }
}
