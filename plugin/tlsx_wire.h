/* tlsx_wire.h: turns the fields Wireshark's TLS dissector added to a frame
 * into handshake events, in the order they were on the wire.
 *
 * The order is not the order of the fields in the frame's buffer: a message
 * can sit in a buffer reassembled from earlier TCP segments, in a decrypted
 * record or in a handshake message reassembled from several records.  The
 * rules that restore it are explained in tlsx_wire.c.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_WIRE_H
#define TLSX_WIRE_H

#include "tlsx_compat.h"
#include "tlsx_handshake.h"

typedef struct {
    GArray *handshake;         /* tls.handshake: one per message, fragment or encrypted record */
    GArray *handshake_type;    /* tls.handshake.type */
    GArray *ccs;               /* tls.change_cipher_spec */
    GArray *app_data;          /* tls.app_data */
    GArray *version;           /* tls.handshake.version (client's and server's) */
    GArray *supported_version; /* tls.handshake.extensions.supported_version */
} tlsx_wire_fields;

/* Looks the TLS fields up (at handoff, once every protocol is registered) and
 * returns them all in one array, for set_postdissector_wanted_hfids(). */
GArray *tlsx_wire_lookup_fields(tlsx_wire_fields *fields);

/* Cheap test, on every frame, for a TLS layer. */
gboolean tlsx_wire_frame_has_tls(packet_info *pinfo, int proto_tls);

/* Whether the frame has a handshake or ChangeCipherSpec record: without one
 * its application data matters only to a TLS 1.3 handshake in progress. */
gboolean tlsx_wire_has_handshake_records(const tlsx_wire_fields *fields, proto_tree *tree);

/* The frame's events in wire order, allocated in pinfo->pool, or NULL with
 * *count 0.  Sides and time stamps are left for the caller to set. */
tlsx_event *tlsx_wire_collect(const tlsx_wire_fields *fields, packet_info *pinfo, proto_tree *tree,
                              guint *count);

#endif
