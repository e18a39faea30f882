/* tlsx_infer.h: what an encrypted TLS 1.3 handshake record most probably
 * holds, when no key log lets Wireshark read it.
 *
 * After the Server Hello every handshake message of TLS 1.3 travels in
 * records that look like application data, but their order is fixed
 * (RFC 8446 §4.4: Encrypted Extensions, then Certificate Request when the
 * server asks for a client certificate, Certificate and Certificate Verify
 * unless a pre-shared key authenticates, Finished) and some sizes are too:
 * a record holds its messages, one content type byte and the AEAD tag, and
 * a Finished is the suite's hash length plus its 4-byte header.  From the
 * record's place in its sender's flight and its length this guesses which
 * messages it holds.  It is a guess, and said as one: a server may pad its
 * records or pack its messages otherwise.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_INFER_H
#define TLSX_INFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlsx_message.h"

/* Messages a record may hold, a set: in the order they are sent. */
enum {
    TLSX_INFER_END_OF_EARLY_DATA = 1u << 0,
    TLSX_INFER_ENCRYPTED_EXTENSIONS = 1u << 1,
    TLSX_INFER_CERTIFICATE_REQUEST = 1u << 2,
    TLSX_INFER_CERTIFICATE = 1u << 3,
    TLSX_INFER_CERTIFICATE_VERIFY = 1u << 4,
    TLSX_INFER_FINISHED = 1u << 5,
};

/* One handshake's state; zero-initialise it, then set the facts the hellos
 * told before the first encrypted record. */
typedef struct {
    uint16_t cipher;    /* the Server Hello's cipher suite; 0 unknown: no guess */
    bool psk;           /* the server accepted a pre-shared key: no Certificate */
    bool early_offered; /* the Client Hello offered early data */
    uint8_t done[2];    /* by tlsx_side: the messages earlier records were guessed to hold */
} tlsx_infer;

/* The hash length and AEAD tag length of a TLS 1.3 cipher suite; false for
 * any other code. */
bool tlsx_infer_suite(uint16_t cipher, unsigned *hash_len, unsigned *tag_len);

/* The messages the side's next encrypted handshake record of `length`
 * bytes (the record's payload: ciphertext and tag) most probably holds, a
 * TLSX_INFER_* set; 0 when neither place nor size tells.  Notes it in
 * in->done. */
uint8_t tlsx_infer_record(tlsx_infer *in, tlsx_side side, uint32_t length);

/* The handshake type of each message of a set, in order; returns how many
 * (at most 6). */
unsigned tlsx_infer_types(uint8_t set, uint8_t types[6]);

#endif
