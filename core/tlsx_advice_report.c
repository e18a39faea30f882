/* tlsx_advice_report.c: see tlsx_advice_report.h.
 *
 * The room holds, in this order: the servers (one per handshake at most),
 * the items (one per server and kind at most), the frames (one per
 * handshake and kind at most), then for the medians a time and a round-trip
 * count per handshake, and for the servers' order a number per handshake.
 * Every step sorts: n log n for n handshakes, whatever the servers.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_advice_report.h"

#include <stdlib.h>
#include <string.h>

/* Each part of the room starts at a multiple of 8 bytes. */
#define ROUND8(n) (((n) + 7) & ~(size_t)7)

typedef struct {
    tlsx_report_server *servers;
    tlsx_report_item *items;
    uint32_t *frames;
    tlsx_time *times;
    uint32_t *rtts;
    uint32_t *server_of;
} room_parts;

static size_t parts(uint32_t n, void *room, room_parts *p)
{
    const size_t kinds = TLSX_ADVICE_KINDS;
    size_t at = 0;
    char *base = room;
#define PART(field, count)                                                                         \
    do {                                                                                           \
        if (p)                                                                                     \
            p->field = (void *)(base + at);                                                        \
        at += ROUND8((size_t)(count) * sizeof *p->field);                                          \
    } while (0)
    PART(servers, n);
    PART(items, n * kinds);
    PART(frames, n * kinds);
    PART(times, n);
    PART(rtts, n);
    PART(server_of, n);
#undef PART
    return at;
}

size_t tlsx_report_room(uint32_t n)
{
    /* No more than a 32-bit count of anything, whatever size_t is. */
    if (n > UINT32_MAX / TLSX_ADVICE_KINDS)
        return 0;
    return parts(n, NULL, NULL) + 8;
}

static const char *key_of(const tlsx_report_handshake *h)
{
    return h->name && h->name[0] ? h->name : h->address;
}

static int by_number(const void *a, const void *b)
{
    const tlsx_report_handshake *x = a, *y = b;
    return x->handshake < y->handshake ? -1 : x->handshake > y->handshake;
}

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* A (first handshake, new place) pair by its first handshake. */
static int by_first(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a >> 32, y = *(const uint64_t *)b >> 32;
    return x < y ? -1 : x > y;
}

static int by_time(const void *a, const void *b)
{
    return tlsx_time_cmp(*(const tlsx_time *)a, *(const tlsx_time *)b);
}

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The medians of a server's complete handshakes' set-ups, hs[0..n). */
static void medians(tlsx_report_server *sv, const tlsx_report_handshake *hs, uint32_t n,
                    const room_parts *p)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        const tlsx_report_handshake *h = &hs[i];
        if (!h->ended || !h->complete || !h->has_setup)
            continue;
        p->times[k] = h->setup;
        p->rtts[k++] = h->setup_rtts;
    }
    sv->setups = k;
    if (!k)
        return;
    qsort(p->times, k, sizeof *p->times, by_time);
    qsort(p->rtts, k, sizeof *p->rtts, by_u32);
    if (k % 2) {
        sv->median_setup = p->times[k / 2];
        sv->median_rtts_x2 = 2 * p->rtts[k / 2];
    } else {
        /* The mean of the middle two, to the nanosecond (rounded down). */
        int64_t a = tlsx_time_to_ns(p->times[k / 2 - 1]), b = tlsx_time_to_ns(p->times[k / 2]);
        sv->median_setup = tlsx_time_from_ns(a + (b - a) / 2);
        sv->median_rtts_x2 = p->rtts[k / 2 - 1] + p->rtts[k / 2];
    }
}

static void count_version(tlsx_report_server *s, uint16_t version)
{
    for (uint32_t i = 0; i < s->nversions; i++) {
        if (s->versions[i].version == version) {
            s->versions[i].count++;
            return;
        }
    }
    if (s->nversions < TLSX_REPORT_VERSIONS) {
        s->versions[s->nversions].version = version;
        s->versions[s->nversions++].count = 1;
    }
}

static uint16_t figure_of(const tlsx_advice *a)
{
    switch (a->kind) {
    case TLSX_ADVICE_TLS12_NOT_13:
    case TLSX_ADVICE_OLD_VERSION:
        return a->version;
    case TLSX_ADVICE_RSA_KEYX:
    case TLSX_ADVICE_CBC_NO_ETM:
        return a->cipher;
    case TLSX_ADVICE_HRR:
        return a->group;
    default:
        return 0;
    }
}

/* Whether a handshake's advice holds kind before place k: each kind counts
 * once a handshake, its first advice speaking for it. */
static bool seen_before(const tlsx_advice_list *list, unsigned k)
{
    for (unsigned j = 0; j < k; j++)
        if (list->item[j].kind == list->item[k].kind)
            return true;
    return false;
}

static unsigned advice_count(const tlsx_advice_list *list)
{
    if (!list)
        return 0;
    return list->count < TLSX_ADVICE_MAX ? list->count : TLSX_ADVICE_MAX;
}

/* The advice at place k of an ended handshake, when it counts in the
 * report (a known kind, the first of its kind); NULL otherwise. */
static const tlsx_advice *counted_advice(const tlsx_report_handshake *h, unsigned k)
{
    const tlsx_advice_list *list = h->ended ? h->advice : NULL;
    if (k >= advice_count(list))
        return NULL;
    const tlsx_advice *a = &list->item[k];
    return a->kind < TLSX_ADVICE_KINDS && !seen_before(list, k) ? a : NULL;
}

/* The report's order of servers and of a server's items (the header's). */
static int server_order(const void *a, const void *b)
{
    const tlsx_report_server *x = a, *y = b;
    if (x->cost != y->cost)
        return x->cost > y->cost ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static int item_order(const void *a, const void *b)
{
    const tlsx_report_item *x = a, *y = b;
    if (x->server != y->server)
        return x->server < y->server ? -1 : 1;
    if (x->cls != y->cls)
        return x->cls < y->cls ? -1 : 1;
    if (x->rtts != y->rtts)
        return x->rtts > y->rtts ? -1 : 1;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->kind < y->kind ? -1 : x->kind > y->kind;
}

/* Handshakes by server, each server's addresses together: a server's
 * handshakes are one run, its addresses counted in one pass. */
static int by_server(const void *a, const void *b)
{
    const tlsx_report_handshake *x = a, *y = b;
    int c = strcmp(key_of(x), key_of(y));
    if (!c)
        c = strcmp(x->address, y->address);
    return c ? c : by_number(a, b);
}

/* Server sv from its handshakes hs[0..n), sorted by number, whose advice
 * becomes items from *nitems on and frames from *frames on. */
static void make_server(tlsx_report_server *sv, const tlsx_report_handshake *hs, uint32_t n,
                        uint32_t place, const room_parts *p, uint32_t *nitems, uint32_t **frames)
{
    sv->name = key_of(&hs[0]);
    sv->address = hs[0].address;
    sv->first = hs[0].handshake;
    sv->handshakes = n;
    for (uint32_t i = 0; i < n; i++) {
        const tlsx_report_handshake *h = &hs[i];
        count_version(sv, h->ended ? h->version : 0);
        if (!h->ended)
            continue;
        sv->complete += h->complete;
        sv->failed += !h->complete;
        sv->resumed += h->resumed;
        sv->hrr += h->hrr;
    }

    /* Its advice by kind: the items with their counts first, then each
     * one's frames, in the order of the handshakes. */
    tlsx_report_item *item_of[TLSX_ADVICE_KINDS] = {NULL};
    for (uint32_t i = 0; i < n; i++) {
        for (unsigned k = 0; k < TLSX_ADVICE_MAX; k++) {
            const tlsx_advice *a = counted_advice(&hs[i], k);
            if (!a)
                continue;
            tlsx_report_item *it = item_of[a->kind];
            if (!it) {
                it = item_of[a->kind] = &p->items[(*nitems)++];
                memset(it, 0, sizeof *it);
                it->server = place;
                it->kind = a->kind;
                it->cls = (uint8_t)tlsx_advice_class_of(a->kind);
                it->figure = figure_of(a);
            } else if (it->figure != figure_of(a)) {
                it->figure = 0;
            }
            it->count++;
            it->rtts += a->rtts;
            sv->advice[a->kind]++;
            if (it->cls == TLSX_ADVICE_COST)
                sv->cost += a->rtts;
        }
    }
    uint32_t *next[TLSX_ADVICE_KINDS];
    for (unsigned kind = 0; kind < TLSX_ADVICE_KINDS; kind++) {
        tlsx_report_item *it = item_of[kind];
        if (!it)
            continue;
        it->frames = next[kind] = *frames;
        *frames += it->count;
    }
    for (uint32_t i = 0; i < n; i++) {
        for (unsigned k = 0; k < TLSX_ADVICE_MAX; k++) {
            const tlsx_advice *a = counted_advice(&hs[i], k);
            if (!a)
                continue;
            *next[a->kind]++ = a->frame;
            item_of[a->kind]->nframes++;
        }
    }
    medians(sv, hs, n, p);
}

void tlsx_report_make(tlsx_report *r, tlsx_report_handshake *hs, uint32_t n, void *room)
{
    memset(r, 0, sizeof *r);
    r->handshakes = n;
    if (!n)
        return;
    room_parts p;
    parts(n, room, &p);

    /* The servers, one run of handshakes each. */
    qsort(hs, n, sizeof *hs, by_server);
    uint32_t nservers = 0, nitems = 0, *frames = p.frames;
    for (uint32_t i = 0; i < n;) {
        tlsx_report_server *sv = &p.servers[nservers];
        memset(sv, 0, sizeof *sv);
        uint32_t j = i;
        for (; j < n && strcmp(key_of(&hs[j]), key_of(&hs[i])) == 0; j++)
            sv->addresses += j == i || strcmp(hs[j].address, hs[j - 1].address) != 0;
        qsort(hs + i, j - i, sizeof *hs, by_number);
        make_server(sv, hs + i, j - i, nservers, &p, &nitems, &frames);
        nservers++;
        i = j;
    }

    /* The order: the servers, then the items by their servers' new places.
     * A server's first handshake is its alone: the servers' (first, new
     * place) pairs, sorted, give each old place its new one. */
    uint32_t *place = p.server_of; /* old place: its first handshake, then its new place */
    for (uint32_t s = 0; s < nservers; s++)
        place[s] = p.servers[s].first;
    qsort(p.servers, nservers, sizeof *p.servers, server_order);
    uint64_t *pairs = (uint64_t *)(void *)p.times; /* n times of 12 bytes hold n pairs */
    for (uint32_t s = 0; s < nservers; s++)
        pairs[s] = (uint64_t)p.servers[s].first << 32 | s;
    qsort(pairs, nservers, sizeof *pairs, by_u64);
    for (uint32_t old = 0; old < nservers; old++) {
        uint64_t key = (uint64_t)place[old] << 32;
        const uint64_t *pair = bsearch(&key, pairs, nservers, sizeof *pairs, by_first);
        place[old] = pair ? (uint32_t)*pair : 0;
    }
    for (uint32_t t = 0; t < nitems; t++)
        p.items[t].server = place[p.items[t].server];
    qsort(p.items, nitems, sizeof *p.items, item_order);
    r->nservers = nservers;
    r->servers = p.servers;
    r->nitems = nitems;
    r->items = p.items;
}
