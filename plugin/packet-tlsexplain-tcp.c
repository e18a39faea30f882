/* packet-tlsexplain-tcp.c: the network baseline of a connection, from its
 * TCP handshake.
 *
 * TCP's sequence analysis already measured it: it keeps the SYN's time and,
 * for each acknowledgement, how long after the segment it acknowledges it
 * came.  The SYN/ACK acknowledges the SYN (SYN to SYN/ACK: the round trip
 * between the capture point and the server) and the handshake's ACK the
 * SYN/ACK (the round trip to the client).  They are read once, at the
 * connection's first TLS frame; nothing is done for frames without TLS.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

gboolean tlsexplain_tcp_baseline(conversation_t *conv, packet_info *pinfo, tlsx_baseline *out,
                                 tlsx_time *syn)
{
    memset(out, 0, sizeof *out);
    nstime_t syn_ts, to_server, to_client, synack, ack;
    if (!conv || !tlsexplain_tcp_handshake_times(conv, pinfo, &syn_ts, &to_server, &to_client))
        return FALSE;
    nstime_sum(&synack, &syn_ts, &to_server);
    nstime_sum(&ack, &synack, &to_client);
    *syn = tlsexplain_time_of(&syn_ts);
    return tlsx_baseline_from_tcp(*syn, tlsexplain_time_of(&synack), tlsexplain_time_of(&ack), out);
}
