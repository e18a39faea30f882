/* packet-tlsexplain.c: TLS Handshake Explainer, the epan glue's entry.
 *
 * A post-dissector.  It reads what Wireshark's TLS dissector already decoded
 * (a few rare fields it asks for), hands the events of each frame to the
 * epan-free handshake model in wire order, stores the resulting steps per
 * frame and shows them.  The first pass computes (packet-tlsexplain-conn.c);
 * every later pass, and every click in the GUI, shows what was stored
 * (packet-tlsexplain-tree.c), so all of them agree.  This file registers the
 * protocol, its preferences and the reports, and dispatches each frame.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#define WS_BUILD_DLL
#include "tlsexplain.h"

#include <epan/prefs.h>
#include <epan/tap.h>

#ifndef VERSION
#define VERSION "0.0.0"
#endif

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;
WS_DLL_PUBLIC void plugin_register(void);
TLSEXPLAIN_PLUGIN_DESCRIBE_DISSECTOR()

int proto_tlsexplain = -1;
static int tlsexplain_tap = -1;
static dissector_handle_t tlsexplain_handle;

tlsexplain_prefs_t tlsexplain_prefs = {TLSEXPLAIN_LANG_BOTH, TRUE, FALSE, 200, TLSX_CURL_8};

static const enum_val_t curl_version_vals[] = {
    {"8", "curl 8", TLSX_CURL_8},
    {"7", "curl 7 (7.88)", TLSX_CURL_7},
    {NULL, NULL, -1},
};

static const enum_val_t language_vals[] = {
    {"en", "English", TLSEXPLAIN_LANG_EN},
    {"zh", "Chinese", TLSEXPLAIN_LANG_ZH},
    {"both", "English and Chinese", TLSEXPLAIN_LANG_BOTH},
    {NULL, NULL, -1},
};

/* The fields read from TLS, DTLS and QUIC, looked up at handoff. */
static GArray *wanted_fields;

/* Wanted fields make Wireshark build a tree for every frame and fill them
 * in: they are asked for only while the protocol is enabled, as TRANSUM
 * does, so that disabling it (Enabled Protocols, --disable-protocol) makes
 * it cost nothing.  Wireshark frees the array it is given. */
static void want_fields(void)
{
    GArray *copy = NULL;
    if (proto_is_protocol_enabled(find_protocol_by_id(proto_tlsexplain)))
        copy = g_array_append_vals(g_array_sized_new(FALSE, FALSE, sizeof(int), wanted_fields->len),
                                   wanted_fields->data, wanted_fields->len);
    set_postdissector_wanted_hfids(tlsexplain_handle, copy);
}

static void tlsexplain_cleanup(void)
{
    set_postdissector_wanted_hfids(tlsexplain_handle, NULL);
}

static void tlsexplain_init(void)
{
    want_fields();
    tlsexplain_conn_init();
    tlsexplain_store_init();
    tlsexplain_tree_init();
}

static int dissect_tlsexplain(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    tlsexplain_frame *fs = PINFO_FD_VISITED(pinfo) ? tlsexplain_stored_frame(pinfo)
                                                   : tlsexplain_first_pass(pinfo, tree);
    if (!fs)
        return tlsexplain_advice_show_ocsp(tree, tvb, pinfo, proto_tlsexplain)
                   ? (int)tvb_captured_length(tvb)
                   : 0;
    tlsexplain_show_frame(tvb, pinfo, tree, fs);
    if (have_tap_listener(tlsexplain_tap))
        tap_queue_packet(tlsexplain_tap, pinfo, fs);
    return tvb_captured_length(tvb);
}

static void proto_register_tlsexplain(void)
{
    /* One name everywhere: the short name titles the preferences tree, the
     * long one their page, and both the expert infos' Protocol column. */
    proto_tlsexplain =
        proto_register_protocol(TLSEXPLAIN_PROTO_NAME, TLSEXPLAIN_PROTO_NAME, "tlsexplain");
    tlsexplain_tree_register(proto_tlsexplain);
    tlsexplain_infer_register(proto_tlsexplain);

    module_t *module = prefs_register_protocol(proto_tlsexplain, NULL);
    prefs_register_enum_preference(module, "language", "Explanation language",
                                   "Which explanation the tree and the Info column show; both "
                                   "explanation fields stay filterable whatever the choice",
                                   &tlsexplain_prefs.language, language_vals, FALSE);
    prefs_register_bool_preference(module, "info_column", "Show steps in the Info column",
                                   "Append a short note per flight of steps to the Info column, "
                                   "e.g. [Steps 2–5 IN +0.101 s], naming only the messages "
                                   "Wireshark's Info does not name",
                                   &tlsexplain_prefs.info_column);
    prefs_register_bool_preference(module, "info_long", "One Info note per step",
                                   "Append one note per step instead, naming its message, e.g. "
                                   "[Step 2 IN Server Hello +0.101 s]",
                                   &tlsexplain_prefs.info_long);
    prefs_register_uint_preference(module, "slow_ms", "Slow step threshold (ms)",
                                   "A step whose wait since the peer's last message is longer is "
                                   "flagged in Expert Information, with its network and "
                                   "processing parts",
                                   10, &tlsexplain_prefs.slow_ms);
    prefs_register_enum_preference(module, "curl_version", "curl -v lines of",
                                   "Whose curl -v lines tlsexplain.curl and the transcript "
                                   "show: curl 8's (the server's TLS 1.3 compatibility Change "
                                   "Cipher Spec, group and signature in the closing line) or "
                                   "curl 7.88's",
                                   &tlsexplain_prefs.curl_version, curl_version_vals, FALSE);

    tlsexplain_conn_register();
    tlsexplain_advice_register(proto_tlsexplain);
    tlsexplain_advice_register_maps();
    tlsexplain_handle = create_dissector_handle(dissect_tlsexplain, proto_tlsexplain);
    register_postdissector(tlsexplain_handle);
    tlsexplain_tap = register_tap("tlsexplain");
    register_init_routine(tlsexplain_init);
    register_cleanup_routine(tlsexplain_cleanup);
    tlsexplain_stats_register();
    tlsexplain_trace_register();
    tlsexplain_advice_report_register();
    tlsexplain_flow_register(proto_tlsexplain);
}

static void proto_reg_handoff_tlsexplain(void)
{
    wanted_fields = tlsexplain_conn_handoff();
}

void plugin_register(void)
{
    static proto_plugin plug;

    plug.register_protoinfo = proto_register_tlsexplain;
    plug.register_handoff = proto_reg_handoff_tlsexplain;
    proto_register_plugin(&plug);
}
