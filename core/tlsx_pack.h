/* tlsx_pack.h: a frame's steps in a few bytes, for the whole life of a
 * capture file.
 *
 * Every frame with steps keeps them for the second pass and for each click in
 * the GUI.  As the model gives them, a step is over 100 bytes, most of it
 * time stamps; kept, the steps of a frame share what they have in common (all
 * of a frame's steps come from one sender at one time, so after the first
 * their waits are the same and only since_prev differs, being 0), numbers
 * are variable-length and rare fields take room only when present: a few
 * bytes per step.  The handshake id is not kept: the caller knows each step's
 * record.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_PACK_H
#define TLSX_PACK_H

#include <stddef.h>
#include <stdint.h>

#include "tlsx_handshake.h"
#include "tlsx_timing.h"

typedef struct {
    tlsx_step st;       /* all but st.handshake, which the record gives */
    uint32_t record;    /* which of the frame's records (handshakes), from 0 */
    uint8_t point;      /* tlsx_capture_point */
    bool rtt_estimated; /* rtt from TLS answers */
    bool rtt_elsewhere; /* rtt not kept, the caller knows it: 0 after tlsx_unpack() */
    tlsx_time rtt;      /* the network round trip */
} tlsx_pack_step;

/* One number in 1 to 10 bytes (7 bits a byte, low bits first): writes it
 * and returns the byte after it; reads it and returns the byte after it. */
uint8_t *tlsx_pack_uint(uint8_t *out, uint64_t v);
const uint8_t *tlsx_unpack_uint(const uint8_t *in, uint64_t *v);

/* The most bytes tlsx_pack() writes for count steps. */
size_t tlsx_pack_bound(unsigned count);

/* Writes count steps (at least one) into out; returns the bytes written. */
size_t tlsx_pack(const tlsx_pack_step *steps, unsigned count, uint8_t *out);

/* How many steps the bytes at in hold. */
unsigned tlsx_unpack_count(const uint8_t *in);

/* Reads them back into steps[tlsx_unpack_count(in)], st.handshake 0. */
void tlsx_unpack(const uint8_t *in, tlsx_pack_step *steps);

#endif
