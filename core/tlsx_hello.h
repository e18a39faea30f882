/* tlsx_hello.h: what a hello (or Encrypted Extensions, or a
 * HelloRetryRequest) said beyond its type, as facts the model decides with.
 *
 * The glue fills one per handshake message event from the message's bytes,
 * which Wireshark has already reassembled and, with a key log, decrypted
 * (the core parser reads them); every field is 0 when the message did not
 * say it, or could not be read.  Names (server name, protocols) are not
 * here: the model decides nothing by them.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_HELLO_H
#define TLSX_HELLO_H

#include <stdbool.h>
#include <stdint.h>

/* Extensions the message carried, one bit each (GREASE ones never count). */
enum {
    TLSX_EXT_SERVER_NAME = 1u << 0,             /* server_name (0) */
    TLSX_EXT_STATUS_REQUEST = 1u << 1,          /* status_request (5) */
    TLSX_EXT_SUPPORTED_GROUPS = 1u << 2,        /* supported_groups (10) */
    TLSX_EXT_ALPN = 1u << 3,                    /* application_layer_protocol_negotiation (16) */
    TLSX_EXT_ENCRYPT_THEN_MAC = 1u << 4,        /* encrypt_then_mac (22), RFC 7366 */
    TLSX_EXT_EXTENDED_MASTER_SECRET = 1u << 5,  /* extended_master_secret (23), RFC 7627 */
    TLSX_EXT_COMPRESS_CERTIFICATE = 1u << 6,    /* compress_certificate (27), RFC 8879 */
    TLSX_EXT_SESSION_TICKET = 1u << 7,          /* session_ticket (35), RFC 5077 */
    TLSX_EXT_PRE_SHARED_KEY = 1u << 8,          /* pre_shared_key (41) */
    TLSX_EXT_EARLY_DATA = 1u << 9,              /* early_data (42) */
    TLSX_EXT_SUPPORTED_VERSIONS = 1u << 10,     /* supported_versions (43) */
    TLSX_EXT_COOKIE = 1u << 11,                 /* cookie (44) */
    TLSX_EXT_PSK_KEY_EXCHANGE_MODES = 1u << 12, /* psk_key_exchange_modes (45) */
    TLSX_EXT_KEY_SHARE = 1u << 13,              /* key_share (51) */
    TLSX_EXT_RENEGOTIATION_INFO = 1u << 14,     /* renegotiation_info (0xff01), RFC 5746 */
    TLSX_EXT_ECH = 1u << 15,                    /* encrypted_client_hello (0xfe0d) */
    TLSX_EXT_ECH_OUTER_EXTENSIONS = 1u << 16,   /* ech_outer_extensions (0xfd00) */
};

/* psk_key_exchange_modes offered, one bit each (RFC 8446 4.2.9). */
enum {
    TLSX_PSK_MODE_KE = 1u << 0,     /* psk_ke: PSK only */
    TLSX_PSK_MODE_DHE_KE = 1u << 1, /* psk_dhe_ke: PSK with (EC)DHE */
};

/* The encrypted_client_hello extension's type, when present. */
enum {
    TLSX_ECH_NONE = 0,
    TLSX_ECH_OUTER = 1, /* Client Hello: an outer hello (real or GREASE: not told apart) */
    TLSX_ECH_INNER = 2, /* Client Hello: the inner hello, decrypted */
    TLSX_ECH_SERVER = 3 /* Encrypted Extensions or HRR: retry configs or acceptance */
};

#define TLSX_HELLO_GROUPS_MAX 8

typedef struct {
    uint32_t extensions; /* TLSX_EXT_* */
    /* Client Hello: the groups of its key_share entries, in its order;
     * Server Hello: the one it chose; HelloRetryRequest: the one it asks
     * for.  GREASE values left out. */
    uint8_t key_share_count;
    uint16_t key_share[TLSX_HELLO_GROUPS_MAX];
    uint8_t psk_modes;         /* TLSX_PSK_MODE_*, Client Hello */
    uint8_t psk_identities;    /* Client Hello: pre_shared_key identities offered */
    uint8_t ech;               /* TLSX_ECH_* */
    bool session_ticket_data;  /* Client Hello: session_ticket carried a ticket (resumption) */
    uint8_t session_id_length; /* the hello's legacy session ID length, 0 to 32 */
} tlsx_hello;

#endif
