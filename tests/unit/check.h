/* check.h: the few helpers the core's unit tests share.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_TEST_CHECK_H
#define TLSX_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "tlsx_handshake.h"

/* Each test program has one set of counters. */
static int failures;
static int checks;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        checks++;                                                                                  \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        checks++;                                                                                  \
        if (strcmp((got), (want)) != 0) {                                                          \
            failures++;                                                                            \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, (got),         \
                    (want));                                                                       \
        }                                                                                          \
    } while (0)

static inline tlsx_time at_ms(int64_t ms)
{
    tlsx_time t = {1700000000 + ms / 1000, (int32_t)(ms % 1000) * 1000000};
    return t;
}

static inline tlsx_event hs_event(tlsx_side side, uint8_t type, int64_t ms)
{
    tlsx_event e = {.kind = TLSX_EV_HANDSHAKE, .side = side, .hs_type = type, .ts = at_ms(ms)};
    return e;
}

static inline tlsx_event record_event(tlsx_event_kind kind, tlsx_side side, int64_t ms)
{
    tlsx_event e = {.kind = kind, .side = side, .ts = at_ms(ms)};
    return e;
}

/* The handshake type of a letter of Zeek's ssl_history (either case), from
 * the message table; 'J', a HelloRetryRequest, is a Server Hello on the
 * wire.  0xff for a letter no single type has ('Z' is Zeek's "unknown"). */
static inline uint8_t zeek_type(char c)
{
    const char upper = (char)(c & ~0x20);
    if (upper == 'J')
        return TLSX_HS_SERVER_HELLO;
    if (upper == 'Z')
        return 0xff;
    for (size_t i = 0; i < tlsx_message_count(); i++) {
        const tlsx_message_row *r = tlsx_message_row_at(i);
        if (r->kind == TLSX_STEP_HANDSHAKE && r->letter == upper)
            return r->type;
    }
    return 0xff;
}

static inline int64_t ms_of(tlsx_time t)
{
    return t.secs * 1000 + t.nsecs / 1000000;
}

#endif
