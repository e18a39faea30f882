/* tlsx_advice_report.h: the advice of a whole capture, per server, most
 * costly first (tshark -z tlsexplain,advice).
 *
 * The glue hands in every handshake the report covers (its server, its
 * advice, its connection set-up); tlsx_report_make() groups them per server
 * (the server's name, SNI, or its address and port when the Client Hello
 * named none), sums each server's advice per kind, orders the servers and
 * their advice, and works out each server's median set-up.  The glue words
 * the result (text/tlsx_label.h) and formats every number from it.
 *
 * The order: servers by the round trips their advice of class COST cost in
 * all (round trips x connections), the most first, then by their first
 * handshake; a server's advice by class (what cost round trips, what saved
 * them, security notes), within a class by round trips, then by handshakes,
 * then by kind.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_ADVICE_REPORT_H
#define TLSX_ADVICE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlsx_advice.h"
#include "tlsx_time.h"

/* One handshake as the glue hands it in; its strings and advice must live
 * as long as the report. */
typedef struct {
    const char *name;               /* the server's name (SNI), NULL or "" none */
    const char *address;            /* the server's "address:port", never NULL */
    uint32_t handshake;             /* its number (tlsexplain.handshake) */
    bool ended;                     /* a step ended it: the fields below are known */
    bool complete;                  /* it completed */
    bool resumed;                   /* it resumed a session (a ticket, a session ID, a PSK) */
    bool hrr;                       /* it had a HelloRetryRequest */
    uint16_t version;               /* the version chosen, 0 unknown */
    bool has_setup;                 /* setup and setup_rtts are known */
    tlsx_time setup;                /* connection set-up (tlsexplain.summary.setup_time) */
    uint32_t setup_rtts;            /* its round trips (tlsexplain.summary.setup_rtts) */
    const tlsx_advice_list *advice; /* NULL none */
} tlsx_report_handshake;

#define TLSX_REPORT_VERSIONS 8

typedef struct {
    uint16_t version; /* 0: unknown (the handshake never ended) */
    uint32_t count;
} tlsx_report_version;

/* A server: what its handshakes were and what advice they had. */
typedef struct {
    const char *name;    /* the SNI, or the address when its handshakes named none */
    const char *address; /* the first handshake's server address */
    uint32_t addresses;  /* how many server addresses its handshakes went to */
    uint32_t first;      /* its first handshake's number */
    uint32_t handshakes; /* all of them, also those that never ended */
    uint32_t complete, failed, resumed, hrr;
    uint32_t nversions; /* versions in the order of the handshakes, with counts */
    tlsx_report_version versions[TLSX_REPORT_VERSIONS];
    uint32_t advice[TLSX_ADVICE_KINDS]; /* handshakes with each kind */
    uint32_t cost;                      /* round trips of its COST advice, summed */
    uint32_t setups;                    /* complete handshakes with a set-up time: the medians' */
    tlsx_time median_setup;  /* when setups: the mean of the middle two for an even count */
    uint32_t median_rtts_x2; /* when setups: twice the median set-up round trips */
} tlsx_report_server;

/* One kind of advice at one server. */
typedef struct {
    uint32_t server; /* index in servers */
    uint8_t kind;    /* tlsx_advice_kind */
    uint8_t cls;     /* tlsx_advice_class */
    uint16_t figure; /* the version (TLS12_NOT_13, OLD_VERSION), suite (RSA_KEYX,
                        CBC_NO_ETM) or group (HRR) all of them share; 0 unknown or
                        not the same in all */
    uint32_t count;  /* handshakes with it */
    uint32_t rtts;   /* the round trips it cost or saved, summed over them */
    uint32_t nframes;
    const uint32_t *frames; /* each handshake's proving frame (tlsx_advice.frame), in
                               the order of the handshakes' numbers */
} tlsx_report_item;

typedef struct {
    uint32_t handshakes;
    uint32_t nservers;
    const tlsx_report_server *servers; /* in the report's order */
    uint32_t nitems;
    const tlsx_report_item *items; /* grouped by server in the servers' order, each
                                      server's in its order */
} tlsx_report;

/* The bytes of room a report of n handshakes needs (the core allocates
 * nothing); 0 when n is too large. */
size_t tlsx_report_room(uint32_t n);

/* The report of the n handshakes hs (sorted in place by number), made in
 * room, which holds tlsx_report_room(n) bytes aligned for any type (malloc's)
 * and lives as long as the report. */
void tlsx_report_make(tlsx_report *r, tlsx_report_handshake *hs, uint32_t n, void *room);

#endif
