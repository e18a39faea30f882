/* test_advice_report.c: unit tests of the advice report's groups, orders
 * and medians (tlsx_advice_report.h), on handshakes built by hand as the
 * glue hands them in.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlsx_advice_report.h"

#include "check.h"

static tlsx_advice advice(tlsx_advice_kind kind, uint8_t rtts, uint32_t frame)
{
    tlsx_advice a;
    memset(&a, 0, sizeof a);
    a.kind = (uint8_t)kind;
    a.rtts = rtts;
    a.frame = frame;
    return a;
}

static tlsx_time ms(int64_t n)
{
    return tlsx_time_from_ns(n * 1000000);
}

/* A complete handshake of version with a set-up of setup_ms in rtts round trips. */
static tlsx_report_handshake complete(const char *name, const char *address, uint32_t id,
                                      uint16_t version, int64_t setup_ms, uint32_t rtts,
                                      const tlsx_advice_list *list)
{
    tlsx_report_handshake h;
    memset(&h, 0, sizeof h);
    h.name = name;
    h.address = address;
    h.handshake = id;
    h.ended = h.complete = true;
    h.version = version;
    h.has_setup = true;
    h.setup = ms(setup_ms);
    h.setup_rtts = rtts;
    h.advice = list;
    return h;
}

/* The handshakes added, and the report made of them. */
typedef struct {
    tlsx_report_handshake hs[16];
    uint32_t n;
    void *room;
    tlsx_report r;
} report;

static bool add(report *rp, const tlsx_report_handshake *h)
{
    if (rp->n == 16)
        return false;
    rp->hs[rp->n++] = *h;
    return true;
}

static void make(report *rp)
{
    rp->room = malloc(tlsx_report_room(rp->n));
    tlsx_report_make(&rp->r, rp->hs, rp->n, rp->room);
}

static const tlsx_report_server *server(const tlsx_report *r, const char *name)
{
    for (uint32_t i = 0; i < r->nservers; i++)
        if (strcmp(r->servers[i].name, name) == 0)
            return &r->servers[i];
    return NULL;
}

/* Three servers: b.example costs 3 round trips, a.example 2, the server
 * without a name 1; each one's advice by class, round trips, handshakes. */
static void test_orders_and_medians(void)
{
    report rp = {.n = 0};

    /* a.example: no resumption twice (1 round trip each), RSA once; a
     * handshake to a second address that failed, one without set-up. */
    tlsx_advice_list a3 = {1, {advice(TLSX_ADVICE_NO_RESUMPTION, 1, 40)}};
    tlsx_advice_list a5 = {
        2, {advice(TLSX_ADVICE_RSA_KEYX, 0, 70), advice(TLSX_ADVICE_NO_RESUMPTION, 1, 77)}};
    a5.item[0].cipher = 0x002f;
    tlsx_report_handshake h;
    h = complete("a.example", "192.0.2.1:443", 1, 0x0303, 30, 3, NULL);
    CHECK(add(&rp, &h));
    h = complete("a.example", "192.0.2.1:443", 3, 0x0303, 50, 3, &a3);
    CHECK(add(&rp, &h));
    h = complete("a.example", "192.0.2.1:443", 5, 0x0303, 10, 3, &a5);
    CHECK(add(&rp, &h));
    h = complete("a.example", "192.0.2.2:443", 9, 0x0304, 5, 2, NULL);
    h.complete = false; /* failed: no set-up of a complete handshake */
    CHECK(add(&rp, &h));
    h = complete("a.example", "192.0.2.1:443", 11, 0x0304, 0, 0, NULL);
    h.resumed = true;
    h.has_setup = false; /* TCP's handshake not captured */
    CHECK(add(&rp, &h));

    /* b.example: TLS 1.2 although 1.3 was offered twice, a HelloRetryRequest
     * once (and 0-RTT accepted in it: a saving), a handshake never ended.
     * Added out of order: the report orders by number. */
    tlsx_advice_list b2 = {1, {advice(TLSX_ADVICE_TLS12_NOT_13, 1, 20)}};
    b2.item[0].version = 0x0303;
    tlsx_advice_list b4 = {
        2, {advice(TLSX_ADVICE_EARLY_ACCEPTED, 1, 49), advice(TLSX_ADVICE_HRR, 1, 50)}};
    b4.item[1].group = 0x001d;
    tlsx_advice_list b8 = b2;
    b8.item[0].frame = 100;
    h = complete("b.example", "198.51.100.7:443", 8, 0x0303, 25, 2, &b8);
    CHECK(add(&rp, &h));
    h = complete("b.example", "198.51.100.7:443", 2, 0x0303, 20, 3, &b2);
    CHECK(add(&rp, &h));
    h = complete("b.example", "198.51.100.7:443", 4, 0x0304, 40, 3, &b4);
    h.hrr = true;
    CHECK(add(&rp, &h));
    memset(&h, 0, sizeof h);
    h.name = "b.example";
    h.address = "198.51.100.7:443";
    h.handshake = 6;
    CHECK(add(&rp, &h));

    /* No name: the address is the server; an even number of set-ups. */
    tlsx_advice_list c7 = {1, {advice(TLSX_ADVICE_CWND, 1, 90)}};
    h = complete(NULL, "203.0.113.5:8443", 7, 0x0304, 10, 2, &c7);
    CHECK(add(&rp, &h));
    h = complete("", "203.0.113.5:8443", 10, 0x0304, 15, 3, NULL);
    CHECK(add(&rp, &h));

    make(&rp);
    const tlsx_report r = rp.r;
    CHECK(r.handshakes == 11);
    CHECK(r.nservers == 3);
    CHECK_STR(r.servers[0].name, "b.example");
    CHECK_STR(r.servers[1].name, "a.example");
    CHECK_STR(r.servers[2].name, "203.0.113.5:8443");

    const tlsx_report_server *a = server(&r, "a.example");
    CHECK(a == &r.servers[1]);
    CHECK_STR(a->address, "192.0.2.1:443");
    CHECK(a->addresses == 2);
    CHECK(a->first == 1);
    CHECK(a->handshakes == 5 && a->complete == 4 && a->failed == 1 && a->resumed == 1);
    CHECK(a->hrr == 0);
    CHECK(a->cost == 2);
    CHECK(a->nversions == 2);
    CHECK(a->versions[0].version == 0x0303 && a->versions[0].count == 3);
    CHECK(a->versions[1].version == 0x0304 && a->versions[1].count == 2);
    CHECK(a->advice[TLSX_ADVICE_NO_RESUMPTION] == 2 && a->advice[TLSX_ADVICE_RSA_KEYX] == 1);
    /* Set-ups 30, 50, 10 ms (the failed one and the one without are not
     * counted): median 30 ms, 3 round trips. */
    CHECK(a->setups == 3);
    CHECK(tlsx_time_cmp(a->median_setup, ms(30)) == 0);
    CHECK(a->median_rtts_x2 == 6);

    const tlsx_report_server *b = &r.servers[0];
    CHECK(b->handshakes == 4 && b->complete == 3 && b->failed == 0 && b->hrr == 1);
    CHECK(b->cost == 3);
    CHECK(b->nversions == 3); /* by number: 2 (1.2), 4 (1.3), 6 (never ended), 8 */
    CHECK(b->versions[0].version == 0x0303 && b->versions[0].count == 2);
    CHECK(b->versions[1].version == 0x0304 && b->versions[1].count == 1);
    CHECK(b->versions[2].version == 0 && b->versions[2].count == 1);
    /* Set-ups 20, 40, 25 ms in 3, 3, 2 round trips: 25 ms, 3. */
    CHECK(b->setups == 3);
    CHECK(tlsx_time_cmp(b->median_setup, ms(25)) == 0);
    CHECK(b->median_rtts_x2 == 6);

    const tlsx_report_server *c = &r.servers[2];
    CHECK_STR(c->address, "203.0.113.5:8443");
    CHECK(c->addresses == 1 && c->handshakes == 2 && c->cost == 1);
    /* 10 and 15 ms in 2 and 3 round trips: the mean of the middle two. */
    CHECK(c->setups == 2);
    CHECK(tlsx_time_cmp(c->median_setup, tlsx_time_from_ns(12500000)) == 0);
    CHECK(c->median_rtts_x2 == 5);

    /* The items: b's (cost by round trips, then the saving), a's (the cost,
     * then the security note), then c's. */
    CHECK(r.nitems == 6);
    const struct {
        uint32_t server;
        uint8_t kind, cls;
        uint32_t count, rtts;
        uint16_t figure;
        uint32_t nframes, frames[2];
    } want[] = {
        {0, TLSX_ADVICE_TLS12_NOT_13, TLSX_ADVICE_COST, 2, 2, 0x0303, 2, {20, 100}},
        {0, TLSX_ADVICE_HRR, TLSX_ADVICE_COST, 1, 1, 0x001d, 1, {50}},
        {0, TLSX_ADVICE_EARLY_ACCEPTED, TLSX_ADVICE_SAVED, 1, 1, 0, 1, {49}},
        {1, TLSX_ADVICE_NO_RESUMPTION, TLSX_ADVICE_COST, 2, 2, 0, 2, {40, 77}},
        {1, TLSX_ADVICE_RSA_KEYX, TLSX_ADVICE_SECURITY, 1, 0, 0x002f, 1, {70}},
        {2, TLSX_ADVICE_CWND, TLSX_ADVICE_COST, 1, 1, 0, 1, {90}},
    };
    for (uint32_t i = 0; i < r.nitems && i < sizeof want / sizeof want[0]; i++) {
        const tlsx_report_item *it = &r.items[i];
        CHECK(it->server == want[i].server);
        CHECK(it->kind == want[i].kind);
        CHECK(it->cls == want[i].cls);
        CHECK(it->cls == tlsx_advice_class_of(it->kind));
        CHECK(it->count == want[i].count);
        CHECK(it->rtts == want[i].rtts);
        CHECK(it->figure == want[i].figure);
        CHECK(it->nframes == want[i].nframes);
        for (uint32_t k = 0; k < it->nframes && k < 2; k++)
            CHECK(it->frames[k] == want[i].frames[k]);
    }
    free(rp.room);
}

/* A kind twice in one handshake counts once; figures that differ are 0;
 * equal costs order by handshakes, then kind; equal servers by their first
 * handshake. */
static void test_ties(void)
{
    report rp = {.n = 0};
    tlsx_advice_list l1 = {3,
                           {advice(TLSX_ADVICE_OLD_VERSION, 0, 5),
                            advice(TLSX_ADVICE_OLD_VERSION, 0, 6),
                            advice(TLSX_ADVICE_NO_STAPLE, 1, 7)}};
    l1.item[0].version = 0x0302;
    tlsx_advice_list l2 = {
        2, {advice(TLSX_ADVICE_OLD_VERSION, 0, 15), advice(TLSX_ADVICE_CWND, 1, 16)}};
    l2.item[0].version = 0x0301;
    tlsx_report_handshake h = complete("z.example", "192.0.2.9:443", 2, 0x0302, 8, 2, &l1);
    CHECK(add(&rp, &h));
    h = complete("z.example", "192.0.2.9:443", 3, 0x0301, 6, 2, &l2);
    CHECK(add(&rp, &h));
    tlsx_advice_list l3 = {1, {advice(TLSX_ADVICE_NO_STAPLE, 1, 30)}};
    tlsx_advice_list l4 = {1, {advice(TLSX_ADVICE_CWND, 1, 40)}};
    h = complete("y.example", "192.0.2.8:443", 4, 0x0303, 9, 2, &l3);
    CHECK(add(&rp, &h));
    h = complete("y.example", "192.0.2.8:443", 1, 0x0303, 7, 2, &l4);
    CHECK(add(&rp, &h));
    make(&rp);
    const tlsx_report r = rp.r;

    /* Both cost 2 round trips: y.example's first handshake (1) is earlier. */
    CHECK(r.nservers == 2);
    CHECK_STR(r.servers[0].name, "y.example");
    CHECK_STR(r.servers[1].name, "z.example");
    CHECK(r.servers[1].advice[TLSX_ADVICE_OLD_VERSION] == 2);
    /* One round trip, one handshake each: by kind, CWND before NO_STAPLE. */
    CHECK(r.nitems == 5);
    CHECK(r.items[0].server == 0 && r.items[0].kind == TLSX_ADVICE_CWND);
    CHECK(r.items[0].frames[0] == 40);
    CHECK(r.items[1].server == 0 && r.items[1].kind == TLSX_ADVICE_NO_STAPLE);
    CHECK(r.items[2].server == 1 && r.items[2].kind == TLSX_ADVICE_CWND);
    CHECK(r.items[3].server == 1 && r.items[3].kind == TLSX_ADVICE_NO_STAPLE);
    CHECK(r.items[4].server == 1 && r.items[4].kind == TLSX_ADVICE_OLD_VERSION);
    CHECK(r.items[4].count == 2 && r.items[4].nframes == 2);
    CHECK(r.items[4].frames[0] == 5 && r.items[4].frames[1] == 15);
    CHECK(r.items[4].figure == 0); /* TLS 1.1 and TLS 1.0 */
    /* Two set-ups of 7 and 9 ms: 8 ms; 2 and 2 round trips: 2. */
    CHECK(tlsx_time_cmp(r.servers[0].median_setup, ms(8)) == 0);
    CHECK(r.servers[0].median_rtts_x2 == 4);
    free(rp.room);
}

/* No handshake: nothing to group; one without advice: a server, no item. */
static void test_empty(void)
{
    report none = {.n = 0};
    make(&none);
    CHECK(none.r.handshakes == 0 && none.r.nservers == 0 && none.r.nitems == 0);
    free(none.room);

    report rp = {.n = 0};
    tlsx_report_handshake h = complete("q.example", "127.0.0.1:443", 1, 0x0303, 9, 3, NULL);
    tlsx_advice_list empty = {0, {{0}}};
    h.advice = &empty;
    CHECK(add(&rp, &h));
    make(&rp);
    const tlsx_report r = rp.r;
    CHECK(r.nservers == 1 && r.nitems == 0 && r.servers[0].cost == 0);
    CHECK(r.servers[0].setups == 1 && r.servers[0].median_rtts_x2 == 6);
    CHECK(tlsx_time_cmp(r.servers[0].median_setup, ms(9)) == 0);
    free(rp.room);
}

int main(void)
{
    test_orders_and_medians();
    test_ties();
    test_empty();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
