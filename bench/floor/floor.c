/* floor.c: the cost of the fields alone.  A post-dissector that asks tshark
 * for fields and does nothing with them: what any post-dissector reading
 * those fields pays before it does any work of its own.  bench/run.sh
 * measures it like the plugin (pass its path for the plugin's); which fields
 * it asks for is the environment's TLSX_FLOOR_FIELDS, names separated by
 * commas, read when tshark starts; by default the fields the plugin asks
 * for (plugin/packet-tlsexplain-wire.c, lookup_family() and
 * tlsexplain_wire_lookup_fields()).  Not installed, not a test.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#define WS_BUILD_DLL
#include "tlsexplain-compat.h"

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = "0.0.0";
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;
WS_DLL_PUBLIC void plugin_register(void);
TLSEXPLAIN_PLUGIN_DESCRIBE_DISSECTOR()

#define PLUGIN_FIELDS                                                                              \
    "tls.handshake,tls.handshake.type,tls.change_cipher_spec,tls.alert_message,"                   \
    "tls.record.content_type,tls.record.opaque_type,"                                              \
    "dtls.handshake,dtls.handshake.type,dtls.change_cipher_spec,dtls.alert_message,"               \
    "dtls.record.content_type,"                                                                    \
    "quic.long.packet_type,quic.connection.number,quic.short"

static int proto_floor = -1;
static dissector_handle_t floor_handle;

static int dissect_floor(tvbuff_t *tvb _U_, packet_info *pinfo _U_, proto_tree *tree _U_,
                         void *data _U_)
{
    return 0;
}

static void proto_register_floor(void)
{
    proto_floor = proto_register_protocol("Field cost floor", "tlsx_floor", "tlsx_floor");
    floor_handle = create_dissector_handle(dissect_floor, proto_floor);
    register_postdissector(floor_handle);
}

static void proto_reg_handoff_floor(void)
{
    const char *names = g_getenv("TLSX_FLOOR_FIELDS");
    gchar **list = g_strsplit(names ? names : PLUGIN_FIELDS, ",", -1);
    GArray *ids = g_array_new(FALSE, FALSE, sizeof(int));
    for (gchar **n = list; *n; n++) {
        if (**n)
            tlsexplain_append_hfids_by_name(ids, g_strstrip(*n));
    }
    g_strfreev(list);
    if (ids->len)
        set_postdissector_wanted_hfids(floor_handle, ids);
    else
        g_array_free(ids, TRUE);
}

void plugin_register(void)
{
    static proto_plugin plug;

    plug.register_protoinfo = proto_register_floor;
    plug.register_handoff = proto_reg_handoff_floor;
    proto_register_plugin(&plug);
}
