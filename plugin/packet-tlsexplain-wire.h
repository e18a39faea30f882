/* packet-tlsexplain-wire.h: turns the records and messages Wireshark's TLS dissector
 * added to a frame (a few of its items, and the bytes they cover, read by the
 * core's parser) into handshake events, in the order they were on the wire.
 *
 * The order is not the order of the fields in the frame's buffer: a message
 * can sit in a buffer reassembled from earlier TCP segments, in a decrypted
 * record or in a handshake message reassembled from several records.  The
 * rules that restore it are explained in packet-tlsexplain-wire.c.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef PACKET_TLSEXPLAIN_WIRE_H
#define PACKET_TLSEXPLAIN_WIRE_H

#include "tlsexplain-compat.h"
#include "tlsx_handshake.h"

/* The fields of one protocol: TLS (also in QUIC) or DTLS, whose dissector
 * registers the same names under dtls. (empty arrays for those it lacks). */
typedef struct {
    gboolean dtls;            /* DTLS's: handshake headers of 12 bytes */
    GArray *handshake;        /* tls.handshake: one per message, fragment or encrypted record */
    GArray *handshake_type;   /* tls.handshake.type: the message Wireshark read */
    GArray *ccs;              /* tls.change_cipher_spec */
    GArray *alert;            /* tls.alert_message */
    GArray *content_type;     /* tls.record.content_type: one per record (TLS 1.3: decrypted) */
    GArray *opaque_type;      /* tls.record.opaque_type: a TLS 1.3 record (TLS only) */
    GArray *quic_packet_type; /* quic.long.packet_type: Handshake packets without keys */
    GArray *quic_connection;  /* quic.connection.number */
    GArray *quic_short;       /* quic.short: a 1-RTT (short header) packet */
    /* Where Wireshark names values (not wanted fields): cipher suites, key
     * share groups, ECDHE curves, alert levels and descriptions. */
    const header_field_info *cipher_names, *group_names, *curve_names;
    const header_field_info *alert_level_names, *alert_desc_names;
} tlsexplain_wire_fields;

/* Names found in a frame's hellos, in pinfo->pool; NULL when absent.  The
 * server name and protocol, read from the wire, come escaped
 * (tlsx_escape_name()): safe to print anywhere as they are. */
typedef struct {
    const char *sni;    /* the Client Hello's server name */
    const char *alpn;   /* the protocol the server selected (Server Hello, Encrypted Extensions) */
    const char *cipher; /* Wireshark's (IANA) name of the Server Hello's suite */
    const char *group;  /* Wireshark's name of the key exchange group */
    const char *alpn_offered; /* the Client Hello's protocols, "h2,http/1.1" */
    gboolean has_scheme;      /* the server's ServerKeyExchange or CertificateVerify was read */
    guint16 scheme;           /* ... and its signature scheme (tlsx_curl_read_scheme()) */
    const guint8 *cert;       /* the first certificate of the frame's first Certificate (DER) */
    gsize cert_len;
} tlsexplain_wire_names;

/* Looks the fields up for TLS over TCP, DTLS and QUIC (TLS's and QUIC's own)
 * at handoff, once every protocol is registered, and returns them all in one
 * array, for set_postdissector_wanted_hfids(). */
GArray *tlsexplain_wire_lookup_fields(tlsexplain_wire_fields *tls, tlsexplain_wire_fields *dtls,
                                      tlsexplain_wire_fields *quic);

/* The protocols that carry handshakes, looked up at handoff. */
typedef struct {
    int tls, dtls, quic;
} tlsexplain_wire_protos;

void tlsexplain_wire_lookup_protos(tlsexplain_wire_protos *protos);

/* The QUIC connection of the frame, as Wireshark's QUIC dissector numbers
 * them; FALSE when it has none. */
gboolean tlsexplain_wire_quic_connection(const tlsexplain_wire_fields *fields, proto_tree *tree,
                                         guint32 *number);

/* The items of some fields in a frame: Wireshark's own array when one field
 * has them all, else a merged copy in pinfo->pool. */
typedef struct {
    const field_info *const *v;
    guint len;
} tlsexplain_wire_items;

/* A frame's handshake, ChangeCipherSpec and alert records, looked up once. */
typedef struct {
    tlsexplain_wire_items handshake, ccs, alert;
} tlsexplain_wire_records;

/* Looks those records up; FALSE when the frame has none: then its
 * application data matters only to a TLS 1.3 handshake in progress, or
 * as the time its sender last sent a record. */
gboolean tlsexplain_wire_find_records(const tlsexplain_wire_fields *fields, packet_info *pinfo,
                                      proto_tree *tree, tlsexplain_wire_records *records);

/* Whether the frame holds an application data record. */
gboolean tlsexplain_wire_has_app_data(const tlsexplain_wire_fields *fields, proto_tree *tree);

/* The frame's events in wire order, allocated in pinfo->pool, or NULL with
 * *count 0.  Sides and time stamps are left for the caller to set. */
tlsx_event *tlsexplain_wire_collect(const tlsexplain_wire_fields *fields,
                                    const tlsexplain_wire_records *records, packet_info *pinfo,
                                    proto_tree *tree, guint *count, tlsexplain_wire_names *names);

#endif
