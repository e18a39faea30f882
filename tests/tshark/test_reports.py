"""Statistics and reports on the document's capture, as a user runs them:
tshark -z tlsexplain,tree, -z tlsexplain,trace, -z tlsexplain,advice,
-z flow,tlsexplain,standard,
custom columns, and -T json, ek and fields.

Each tshark run is made once (cached) and shared by the tests that read it.
"""

import functools
import json
import os
import re
import unittest

import pcapgen
import tshark_session as ts

DOC = "tls12-doc.pcapng"

# The transcript of the document's handshake, to the line.
DOC_TRACE = """\
===================================================================
TLS Handshake Explainer: transcript
Filter: none
curl -v lines: curl 8
Handshakes: 1

Handshake 1: 127.0.0.1:45296 -> 127.0.0.1:443, SNI q.shanyue.test
1 1  0.0000 (0.0000)  C>S  Handshake ClientHello
    * ALPN: curl offers h2,http/1.1
    * TLSv1.2 (OUT), TLS handshake, Client hello (1):
1 2  0.0072 (0.0072)  S>C  Handshake ServerHello
    * TLSv1.2 (IN), TLS handshake, Server hello (2):
1 3  0.0072 (0.0000)  S>C  Handshake Certificate
    * TLSv1.2 (IN), TLS handshake, Certificate (11):
1 4  0.0072 (0.0000)  S>C  Handshake ServerKeyExchange
    * TLSv1.2 (IN), TLS handshake, Server key exchange (12):
1 5  0.0072 (0.0000)  S>C  Handshake ServerHelloDone
    * TLSv1.2 (IN), TLS handshake, Server finished (14):
1 6  0.0086 (0.0015)  C>S  Handshake ClientKeyExchange
    * TLSv1.2 (OUT), TLS handshake, Client key exchange (16):
1 7  0.0086 (0.0000)  C>S  ChangeCipherSpec
    * TLSv1.2 (OUT), TLS change cipher, Change cipher spec (1):
1 8  0.0086 (0.0000)  C>S  Handshake Finished (encrypted)
    * TLSv1.2 (OUT), TLS handshake, Finished (20):
1 9  0.0097 (0.0011)  S>C  ChangeCipherSpec
    (no curl line: curl prints no line for the server's Change Cipher Spec in TLS 1.0 to 1.2)
1 10  0.0097 (0.0000)  S>C  Handshake Finished (encrypted)
    * TLSv1.2 (IN), TLS handshake, Finished (20):
* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256 / x25519 / RSASSA-PSS
* ALPN: server accepted h2
* Server certificate:
*   subject: CN=q.shanyue.test
*   start date: Nov 26 21:56:27 2026 GMT
*   expire date: Nov 23 21:56:27 2036 GMT
*   issuer: CN=q.shanyue.test
*   Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption
*   subjectAltName: "q.shanyue.test" matches cert's "q.shanyue.test"
(curl 8 prints one Certificate level line per certificate of the chain it checked; levels 1 and up, if any, are not shown)
(the client's verdict on the certificate, which curl prints next, is not in the capture)
Handshake 1 complete: TLS 1.2 full, 2 RTTs, 0.0097 s (frames 4-9)
1 +  5.0056 (4.9959)  S>C  Alert (encrypted) (after the handshake, frame 14)
===================================================================
"""

COLUMNS = ('gui.column.format:"No.","%m","Step","%Cus:tlsexplain.step","Dir",'
           '"%Cus:tlsexplain.direction","Message","%Cus:tlsexplain.message",'
           '"Since peer","%Cus:tlsexplain.time.since_peer"')

# What tshark prints with that column layout (the README's recipe).
DOC_COLUMNS = """\
    4 1 OUT Client Hello 
    6 2,3,4,5 IN,IN,IN,IN Server Hello,Certificate,Server Key Exchange,Server Hello Done \
0.007165375,0.007165375,0.007165375,0.007165375
    8 6,7,8 OUT,OUT,OUT Client Key Exchange,Change Cipher Spec,Finished \
0.001457775,0.001457775,0.001457775
    9 9,10 IN,IN Change Cipher Spec,Finished 0.001072775,0.001072775
   14  IN Encrypted Alert 4.994844260
"""


FILTER = "tlsexplain.handshake == 2"


@functools.lru_cache(maxsize=None)
def run_reports(capture):
    """One tshark run for the reports: (tree, trace, trace with FILTER, flow) as
    lists of lines."""
    rest = ts.run("-r", ts.sample(capture), "-q", "-z", "tlsexplain,tree", "-z",
                  "tlsexplain,trace", "-z", "tlsexplain,trace," + FILTER, "-z",
                  "flow,tlsexplain,standard").splitlines()
    traces = {}
    while "TLS Handshake Explainer: transcript" in rest:
        start = rest.index("TLS Handshake Explainer: transcript") - 1
        end = rest.index("=" * 67, start + 1) + 1
        traces[rest[start + 2]] = rest[start:end]
        rest = rest[:start] + rest[end:]
    t0 = rest.index("TLS Handshake Explainer:")
    t1 = next(i for i in range(t0 + 3, len(rest)) if rest[i].startswith("-----"))
    tree = rest[t0:t1 + 1]
    flow = [l for l in rest if l.startswith("|")]
    return tree, traces["Filter: none"], traces["Filter: " + FILTER], flow


def reports(capture, filtered=False):
    """(tree, trace, flow) of a capture; the trace limited to FILTER when asked."""
    tree, trace, only, flow = run_reports(capture)
    return tree, only if filtered else trace, flow


def tree_rows(tree):
    """{(parent, name): [count, average, min, max]} of the stats tree; the
    last three only for the nodes that average a value."""
    rows, parents = {}, {}
    for line in tree[3:-1]:
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip(" "))
        parts = re.split(r"\s{2,}", line.strip())
        parents[depth] = parts[0]
        parent = parents.get(depth - 1) if depth else None
        values = [parts[1]]
        if len(parts) > 2 and (re.fullmatch(r"\d+\.\d\d|-", parts[2])):
            values += parts[2:5]
        rows[(parent, parts[0])] = values
    return rows


def children(tree, parent):
    """The names of a node's children, in the order tshark prints them."""
    return [name for (p, name) in tree_rows(tree) if p == parent]


def children_of(rows, parent):
    """{name: values} of a node's children in tree_rows()."""
    return {name: v for (p, name), v in rows.items() if p == parent}


class StatsTree(unittest.TestCase):
    def rows(self):
        return tree_rows(reports(DOC)[0])

    def test_title(self):
        self.assertEqual(reports(DOC)[0][0], "TLS Handshake Explainer:")

    def test_handshakes_by_kind_version_outcome(self):
        rows = self.rows()
        self.assertEqual(rows[(None, "Handshakes")][0], "1")
        self.assertEqual(rows[("By kind", "TLS 1.2 full")][0], "1")
        self.assertEqual(rows[("By version", "TLSv1.2")][0], "1")
        self.assertEqual(rows[("By transport", "TCP")][0], "1")
        self.assertEqual(rows[("By outcome", "complete")][0], "1")
        self.assertEqual(rows[("By outcome", "failed")][0], "0")
        self.assertEqual(rows[("By outcome", "incomplete")][0], "0")

    def test_duration_buckets(self):
        rows = self.rows()
        self.assertEqual(rows[("Handshakes", "Duration (ms)")], ["1", "9.00", "9", "9"])
        buckets = [name for (parent, name) in rows if parent == "Duration (ms)"]
        self.assertEqual(buckets, ["0-9", "10-49", "50-99", "100-499", "500-999", "1000-"])
        self.assertEqual(rows[("Duration (ms)", "0-9")][0], "1")
        self.assertEqual(rows[("Duration (ms)", "10-49")][0], "0")

    def test_steps_and_time_since_peer_by_message(self):
        rows = self.rows()
        self.assertEqual(rows[(None, "Steps by message")][0], "10")
        self.assertEqual(rows[("Steps by message", "02 Client Hello [OUT]")][0], "1")
        self.assertEqual(rows[("Steps by message", "20 Finished [OUT]")][0], "1")
        self.assertEqual(rows[("Steps by message", "20 Finished [IN]")][0], "1")
        peer = "Time since peer by message (ms)"
        self.assertEqual(rows[(None, peer)][0], "9")
        self.assertNotIn((peer, "02 Client Hello [OUT]"), rows)
        self.assertEqual(rows[(peer, "05 Server Hello [IN]")],
                         ["1", "7.17", "7.165375", "7.165375"])
        # The client's Finished and the server's, each with its own wait.
        self.assertEqual(rows[(peer, "20 Finished [OUT]")], ["1", "1.46", "1.457775", "1.457775"])
        self.assertEqual(rows[(peer, "20 Finished [IN]")], ["1", "1.07", "1.072775", "1.072775"])

    def test_messages_in_handshake_order(self):
        """tshark lists the tree by name: the messages' numbers put them in
        the handshake's order, the rest alphabetically (ranges by bound)."""
        tree = reports(DOC)[0]
        self.assertEqual(children(tree, "Steps by message"), [
            "02 Client Hello [OUT]", "05 Server Hello [IN]", "08 Certificate [IN]",
            "12 Server Key Exchange [IN]", "14 Server Hello Done [IN]",
            "16 Client Key Exchange [OUT]", "18 Change Cipher Spec [IN]",
            "18 Change Cipher Spec [OUT]", "20 Finished [IN]", "20 Finished [OUT]"])
        self.assertEqual(children(tree, "Handshakes"), [
            "By kind", "By outcome", "By transport", "By version", "Duration (ms)"])
        self.assertEqual(children(tree, "By outcome"), ["complete", "failed", "incomplete"])
        hrr = reports("delay-tls13-hrr-client.pcapng")[0]
        self.assertEqual(children(hrr, "Steps by message"), [
            "02 Client Hello [OUT]", "04 Hello Retry Request [IN]", "05 Server Hello [IN]",
            "18 Change Cipher Spec [IN]", "18 Change Cipher Spec [OUT]",
            "24 Encrypted handshake message [IN]", "24 Encrypted handshake message [OUT]"])

    def test_waits_of_client_and_server_apart(self):
        """A slow network (samples/make-delay-samples.sh: a 56 ms round
        trip): at the client the server's messages came a round trip after
        the client's, the client answered in 1.6 ms; at the server it is the
        other way round.  Each row is one side's wait, never the mean of
        both (a Finished of 29.05 ms before)."""
        peer = "Time since peer by message (ms)"
        at_client = tree_rows(reports("delay-tls12-client.pcapng")[0])
        self.assertEqual([[name] + v for (parent, name), v in at_client.items() if parent == peer], [
            ["05 Server Hello [IN]", "1", "57.63", "57.632065", "57.632065"],
            ["08 Certificate [IN]", "1", "57.63", "57.632065", "57.632065"],
            ["12 Server Key Exchange [IN]", "1", "57.63", "57.632065", "57.632065"],
            ["14 Server Hello Done [IN]", "1", "57.63", "57.632065", "57.632065"],
            ["16 Client Key Exchange [OUT]", "1", "1.59", "1.586266", "1.586266"],
            ["18 Change Cipher Spec [IN]", "1", "56.52", "56.518009", "56.518009"],
            ["18 Change Cipher Spec [OUT]", "1", "1.59", "1.586266", "1.586266"],
            ["20 Finished [IN]", "1", "56.52", "56.518009", "56.518009"],
            ["20 Finished [OUT]", "1", "1.59", "1.586266", "1.586266"]])
        at_server = tree_rows(reports("delay-tls12-server.pcapng")[0])
        self.assertEqual(at_server[(peer, "20 Finished [OUT]")],
                         ["1", "57.64", "57.638580", "57.638580"])
        self.assertEqual(at_server[(peer, "20 Finished [IN]")],
                         ["1", "0.46", "0.456685", "0.456685"])

    def test_failed_handshake_names_its_alert(self):
        rows = tree_rows(reports("tls12-alert.pcapng")[0])
        self.assertEqual(rows[("By outcome", "failed")][0], "1")
        self.assertEqual(rows[("failed", "Handshake Failure (40)")][0], "1")
        self.assertEqual(rows[("By outcome", "complete")][0], "0")

    def test_chinese_node_names(self):
        """With tlsexplain.language zh the tree's own words are Chinese; the
        values under them (kinds, versions, alerts, messages) stay as they
        are filtered on."""
        out = ts.run("-r", ts.sample("tls12-alert.pcapng"), "-q", "-o",
                     "tlsexplain.language:zh", "-z", "tlsexplain,tree").splitlines()
        t0 = out.index("TLS Handshake Explainer:")
        t1 = next(i for i in range(t0 + 3, len(out)) if out[i].startswith("-----"))
        rows = tree_rows(out[t0:t1 + 1])
        self.assertEqual({(p, n, v[0]) for (p, n), v in rows.items()}, set([
            (None, "握手", "1"),
            ("握手", "按传输方式", "1"), ("按传输方式", "TCP", "1"),
            ("握手", "按版本", "1"), ("按版本", "TLSv1.2", "1"),
            ("握手", "按类型", "1"), ("按类型", "TLS 1.2 full", "1"),
            ("握手", "按结果", "1"), ("按结果", "失败", "1"),
            ("失败", "Handshake Failure (40)", "1"),
            ("按结果", "完成", "0"), ("按结果", "未完成", "0"),
            ("握手", "耗时（毫秒）", "1"), ("耗时（毫秒）", "0-9", "1"),
            ("耗时（毫秒）", "10-49", "0"), ("耗时（毫秒）", "50-99", "0"),
            ("耗时（毫秒）", "100-499", "0"), ("耗时（毫秒）", "500-999", "0"),
            ("耗时（毫秒）", "1000-", "0"),
            (None, "各消息的步骤数", "2"),
            ("各消息的步骤数", "02 Client Hello [OUT]", "1"),
            ("各消息的步骤数", "25 Alert [IN]", "1"),
            (None, "各消息距对方的时间（毫秒）", "1"),
            ("各消息距对方的时间（毫秒）", "25 Alert [IN]", "1"),
            (None, "重复的消息", "0"),
            (None, "服务器", "1"), ("服务器", "q.shanyue.test", "1"),
            ("q.shanyue.test", "按版本", "1"), ("q.shanyue.test", "会话恢复", "0"),
            ("q.shanyue.test", "HelloRetryRequest", "0"), ("q.shanyue.test", "建议", "0"),
            ("q.shanyue.test", "完成的握手的连接建立（毫秒）", "0"),
            ("q.shanyue.test", "完成的握手的连接建立往返次数", "0"),
        ]))


    def test_servers(self):
        """Servers: the document's server by the name its Client Hello gave,
        its handshake's version, no resumption, no HelloRetryRequest, the
        connection set-up of its complete handshake as the summary gives it
        (tlsexplain.summary.setup_time 18.738359 ms in 3 round trips) and no
        advice."""
        tree = reports(DOC)[0]
        rows = tree_rows(tree)
        self.assertEqual(rows[(None, "Servers")], ["1"])
        self.assertEqual(children(tree, "Servers"), ["q.shanyue.test"])
        self.assertEqual(rows[("Servers", "q.shanyue.test")], ["1"])
        self.assertEqual(children(tree, "q.shanyue.test"), [
            "Advice", "By version", "HelloRetryRequest", "Resumed", "Set-up (ms), complete",
            "Set-up round trips, complete"])
        server = {name: v for (parent, name), v in rows.items() if parent == "q.shanyue.test"}
        self.assertEqual(server, {
            "Advice": ["0"], "By version": ["1"], "HelloRetryRequest": ["0"], "Resumed": ["0"],
            "Set-up (ms), complete": ["1", "18.74", "18.738359", "18.738359"],
            "Set-up round trips, complete": ["1", "3.00", "3", "3"]})

    def test_servers_resumption_and_hello_retry_requests(self):
        """Per server, how many of its handshakes resumed a session (the rate:
        1 of 2) and how many a HelloRetryRequest cost a round trip; the
        set-up of each complete handshake (6.250611 and 2.185163 ms, in 3
        and 2 round trips) averaged, with its minimum and maximum."""
        resume = tree_rows(reports("tls12-resume.pcapng")[0])
        self.assertEqual(resume[("Servers", "q.shanyue.test")], ["2"])
        self.assertEqual(resume[("q.shanyue.test", "Resumed")], ["1"])
        self.assertEqual(resume[("q.shanyue.test", "HelloRetryRequest")], ["0"])
        self.assertEqual(resume[("q.shanyue.test", "Set-up (ms), complete")],
                         ["2", "4.22", "2.185163", "6.250611"])
        self.assertEqual(resume[("q.shanyue.test", "Set-up round trips, complete")],
                         ["2", "2.50", "2", "3"])
        hrr = tree_rows(reports("tls13-hrr.pcapng")[0])
        self.assertEqual(hrr[("q.shanyue.test", "HelloRetryRequest")], ["1"])
        self.assertEqual(hrr[("q.shanyue.test", "Resumed")], ["0"])

    def test_servers_renegotiation_and_overturned_end(self):
        """A renegotiation starts with the server's Hello Request: its Client
        Hello, step 2, names the server; both handshakes are the same
        server's, in one pass as in two.  Without keys the renegotiation is
        encrypted: it names no server, and is its address's.  A TLS 1.3
        handshake that the server refused after the client's Finished
        (certificate_required) is no complete set-up: one pass, which
        counted it at that Finished, takes it back."""
        def tree(passes, capture, keys=()):
            lines = ts.run(*passes, "-r", ts.sample(capture), *keys, "-q", "-z",
                           "tlsexplain,tree").splitlines()
            return tree_rows(lines[lines.index("TLS Handshake Explainer:"):])

        for passes in ((), ("-2",)):
            reneg = tree(passes, "tls12-reneg.pcapng", ts.keys("tls12-reneg.keys"))
            self.assertEqual(children_of(reneg, "Servers"), {"q.shanyue.test": ["2"]}, passes)
            self.assertEqual(reneg[("q.shanyue.test", "Set-up round trips, complete")],
                             ["2", "3.00", "3", "3"], passes)
            encrypted = tree(passes, "tls12-reneg.pcapng")
            self.assertEqual(children_of(encrypted, "Servers"),
                             {"127.0.0.1:443": ["1"], "q.shanyue.test": ["1"]}, passes)
            rows = tree(passes, "tls13-certreq.pcapng", ts.keys("tls13-certreq.keys"))
            self.assertEqual(rows[("By outcome", "failed")], ["1"], passes)
            self.assertEqual(rows[("q.shanyue.test", "Set-up (ms), complete")],
                             ["0", "-", "-", "-"], passes)
            self.assertEqual(rows[("q.shanyue.test", "Set-up round trips, complete")],
                             ["0", "-", "-", "-"], passes)


# The advice of the document's capture: none, and its server's row.
DOC_ADVICE = """\
===================================================================
TLS Handshake Explainer: advice
Filter: none
Handshakes: 1, servers: 1

No advice: no handshake shows a round trip that could have been saved, one that was saved, \
or a weakness the plugin looks for (which does not prove there is none).

Servers:
Server                          Handshakes  Versions   Resumed  HRR  Median set-up  \
Median round trips  Advice
q.shanyue.test (127.0.0.1:443)  1           TLSv1.2 1  0 of 1   0    18.7 ms        \
3                   -
===================================================================
"""


def advice(capture, *extra):
    """The -z tlsexplain,advice report of a capture, from its rule on."""
    out = ts.run("-r", ts.sample(capture), "-q", *extra).splitlines()
    start = out.index("=" * 67)
    return "\n".join(out[start:]) + "\n"


class Advice(unittest.TestCase):
    def test_document_capture_has_none(self):
        """The document's handshake: nothing to advise, said as no proof of
        none; its server's row with the median set-up of its one complete
        handshake (the summary's 18.738359 ms) and its 3 round trips."""
        self.assertEqual(advice(DOC, "-z", "tlsexplain,advice"), DOC_ADVICE)

    def test_median_of_two_and_filter(self):
        """Two handshakes, full then resumed: the median set-up is the mean
        of the two (6.250611 and 2.185163 ms: 4.2 ms), the median round trips
        2.5; with a filter, the resumed one alone."""
        rows = advice("tls12-resume.pcapng", "-z", "tlsexplain,advice").splitlines()
        self.assertEqual(rows[3], "Handshakes: 2, servers: 1")
        self.assertEqual(re.split(r"  +", rows[rows.index("Servers:") + 2]), [
            "q.shanyue.test (127.0.0.1:443)", "2", "TLSv1.2 2", "1 of 2", "0", "4.2 ms", "2.5",
            "-"])
        only = advice("tls12-resume.pcapng", "-z",
                      "tlsexplain,advice,tlsexplain.handshake == 2").splitlines()
        self.assertEqual(only[2:4], ["Filter: tlsexplain.handshake == 2",
                                     "Handshakes: 1, servers: 1"])
        self.assertEqual(re.split(r"  +", only[only.index("Servers:") + 2]), [
            "q.shanyue.test (127.0.0.1:443)", "1", "TLSv1.2 1", "1 of 1", "0", "2.2 ms", "2",
            "-"])

    def test_chinese(self):
        """With tlsexplain.language zh the report's words are Chinese; names,
        versions and numbers stay."""
        zh = advice(DOC, "-o", "tlsexplain.language:zh", "-z", "tlsexplain,advice").splitlines()
        self.assertEqual(zh[1:4], ["TLS Handshake Explainer：建议", "过滤器：无",
                                   "握手次数：1，服务器：1"])
        self.assertEqual(zh[5], "没有建议：没有哪次握手显示本可省下的往返、省下的往返或插件检查的安全弱点"
                                "（这并不证明没有）。")
        self.assertEqual(zh[7], "服务器：")
        self.assertEqual(re.split(r"  +", zh[8]), [
            "服务器", "握手", "版本", "会话恢复", "HRR", "连接建立中位数", "往返次数中位数", "建议"])
        self.assertEqual(re.split(r"  +", zh[9]), [
            "q.shanyue.test（127.0.0.1:443）", "1", "TLSv1.2 1", "0 / 1", "0", "18.7 ms", "3", "-"])


    def test_round_trips_lost_most_costly_first(self):
        """Three curl runs to one server (samples/advice-noresume.pcapng):
        the second and third handshakes were full although the first left a
        session ID, a round trip each; its table row says none of the three
        resumed, with the median set-up of the three."""
        self.assertEqual(advice("advice-noresume.pcapng", *ts.keys("advice-noresume.keys"),
                                "-z", "tlsexplain,advice"), """\
===================================================================
TLS Handshake Explainer: advice
Filter: none
Handshakes: 3, servers: 1

Round trips, most costly first (round trips x connections):
q.shanyue.test (10.50.0.2:443): round trips that could have been saved: 2
  - full handshakes although an earlier handshake with the server left a ticket or session ID \
to resume (2 of 3 handshakes; round trips lost: 2; frames 26, 43)

Servers:
Server                          Handshakes  Versions   Resumed  HRR  Median set-up  \
Median round trips  Advice
q.shanyue.test (10.50.0.2:443)  3           TLSv1.2 3  0 of 3   0    155.8 ms       \
3                   no_resumption 2
===================================================================
""")

    def test_costs_then_savings_then_security_notes(self):
        """A server's advice: what cost round trips (a missing staple costs
        none the capture shows) before what saved them (False Start); a
        HelloRetryRequest with the group the server asked for, counted in
        the HRR column; a CBC suite without encrypt_then_mac as a security
        note, after the table."""
        lines = advice("advice-falsestart.pcapng", *ts.keys("advice-falsestart.keys"),
                       "-z", "tlsexplain,advice").splitlines()
        self.assertEqual(lines[5:9], [
            "Round trips, most costly first (round trips x connections):",
            "q.shanyue.test (10.50.0.2:443): no round trip that could have been saved",
            "  - the client asked for OCSP stapling and the server stapled nothing: the client may "
            "ask the OCSP responder itself (1 of 1 handshakes; frame 10)",
            "  - False Start: the client sent data before the server's Finished (1 of 1 "
            "handshakes; round trips saved: 1; frame 10)"])
        self.assertEqual(re.split(r"  +", lines[-2])[-1], "no_staple 1, false_start 1")
        hrr = advice("tls13-hrr.pcapng", "-z", "tlsexplain,advice").splitlines()
        self.assertEqual(hrr[7], "  - HelloRetryRequest: the client's first key shares were of no "
                                 "group the server takes; offering the server's group first saves "
                                 "the round trip; the server asked for secp256r1 (1 of 1 handshakes; "
                                 "round trips lost: 1; frame 10)")
        self.assertEqual(re.split(r"  +", hrr[-2]), [
            "q.shanyue.test (127.0.0.1:443)", "1", "TLSv1.3 1", "0 of 1", "1", "7.1 ms", "3",
            "hrr 1"])
        cbc = advice("advice-legacy-cbc.pcapng", "-z", "tlsexplain,advice").splitlines()
        self.assertEqual(cbc[-5:-1], [
            "", "Security notes:", "q.shanyue.test (10.50.0.2:443)",
            "  - a CBC suite without encrypt_then_mac: ECDHE-RSA-AES128-SHA256 (1 of 1 "
            "handshakes; frame 9)"])
        self.assertNotIn("Round trips, most costly first (round trips x connections):", cbc)


class Trace(unittest.TestCase):
    def test_document_session_with_times(self):
        self.assertEqual("\n".join(reports(DOC)[1]) + "\n", DOC_TRACE)

    def test_curl_lines_are_curls_own(self):
        """The capture's session was curl 7.88's: in its dialect the trace's
        curl lines are curl's TLS and ALPN lines, all and in order."""
        with open(ts.sample("tls12-doc.curl.txt"), encoding="utf-8") as f:
            curl = [l.rstrip("\n") for l in f if l.startswith("* TLSv") or
                    l.startswith("* SSL connection") or l.startswith("* ALPN: ")]
        trace = ts.run("-r", ts.sample(DOC), "-q", "-z", "tlsexplain,trace,curl7")
        # The sample keeps curl's TLS lines, not its Server certificate block
        # (samples/curl/ has whole sessions: test_curl.py).
        ours = [l.strip() for l in trace.splitlines() if l.strip().startswith("* ") and
                not l.startswith("*  ") and l != "* Server certificate:"]
        self.assertEqual(ours, curl)
        self.assertIn("curl -v lines: curl 7.88\n", trace)

    def test_filter_and_order_of_handshakes(self):
        _, trace, _ = reports("tls12-resume.pcapng")
        heads = [l for l in trace if l.startswith("Handshake ") and ":" in l]
        self.assertTrue(heads[0].startswith("Handshake 1: 127.0.0.1:"))
        self.assertIn("Handshake 2 complete: TLS 1.2 resumed, 1 RTT, ", "\n".join(trace))
        _, only, _ = reports("tls12-resume.pcapng", filtered=True)
        self.assertIn("Filter: tlsexplain.handshake == 2", only)
        self.assertIn("Handshakes: 1", only)
        self.assertEqual([l.split()[0] for l in only if re.match(r"\d+ \d+  ", l)], ["2"] * 6)

    def test_failed_handshake_with_its_alert(self):
        trace = reports("tls12-alert.pcapng")[1]
        self.assertIn("1 2  0.0001 (0.0001)  S>C  Alert fatal Handshake Failure", trace)
        self.assertTrue(any(l.startswith("Handshake 1 failed: alert Handshake Failure (40) from "
                                         "the server, TLS 1.2 full, 1 RTT, ") for l in trace))


class FlowGraph(unittest.TestCase):
    def test_ladder_between_client_and_server(self):
        flow = reports(DOC)[2]
        # The columns: the client's address, the server's address and port,
        # apart over loopback; the arrows carry the ports.
        self.assertEqual(flow_columns(flow), ["127.0.0.1", "127.0.0.1:443"])
        self.assertEqual(flow[0].rstrip(), "|Time     | 127.0.0.1                             |")
        self.assertEqual(flow[1].rstrip(), "|         |                   | 127.0.0.1:443     |")
        self.assertEqual(flow[3].rstrip(), "|         |(45296)  ------------------>  (443)    |")
        labels = [re.split(r"\|", l)[2].strip(" |") for l in flow[2::2]]
        arrows = ["->" if "-->" in l else "<-" for l in flow[3::2]]
        comments = [l.rsplit("|", 1)[1] for l in flow[2::2]]
        self.assertEqual(labels, ["ClientHello", "ServerHello", "Certificate",
                                  "ServerKeyExchange", "ServerHelloDone", "ClientKeyExchange",
                                  "ChangeCipherSpec", "Finished", "ChangeCipherSpec", "Finished",
                                  "EncryptedAlert"])
        self.assertEqual(arrows, ["->", "<-", "<-", "<-", "<-", "->", "->", "->", "<-", "<-",
                                  "<-"])
        # Short comments: the label names the message, the packet says the rest.
        self.assertEqual(comments[0], "Handshake 1 step 1 OUT")
        self.assertEqual(comments[1], "Handshake 1 step 2 IN +7.165 ms")
        self.assertEqual(comments[9], "Handshake 1 step 10 IN +1.073 ms")
        self.assertEqual(comments[10], "Handshake 1 post-handshake IN +4994.844 ms")
        self.assertLessEqual(max(len(c) for c in comments), 45)


def many_connections(name, distinct):
    """100 handshakes of the document's kind, each on its own connection:
    one client (10.0.0.1, ports 40000-40099) and one server (10.0.0.2:443),
    or, when distinct, a client 10.0.2.N and a server 10.0.1.N for each."""
    w = pcapgen.Pcap()
    for n in range(100):
        ips = {"client_ip": bytes([10, 0, 2, n]), "server_ip": bytes([10, 0, 1, n])} \
            if distinct else {}
        c = w.connection(client_port=40000 + n, **ips)
        c.handshake()
        pcapgen.tls12_full(c)
    w.write(ts.sample(name))
    return name


def flow_columns(lines):
    """The graph's columns, left to right: tshark writes every other one on
    its first line, the others on the second."""
    first = [t.strip() for t in lines[0].split("|")[2:] if t.strip()]
    second = [t.strip() for t in lines[1].split("|")[2:] if t.strip()]
    out = []
    for i in range(max(len(first), len(second))):
        out += first[i:i + 1] + second[i:i + 1]
    return out


class FlowGraphAtScale(unittest.TestCase):
    """Wireshark's graph has at most 40 columns; beyond, its text graph
    writes outside its lines and GLib complains once per arrow on stderr."""

    @classmethod
    def setUpClass(cls):
        runs = [("-r", ts.sample(many_connections(name, distinct)), "-q", "-z",
                 "flow,tlsexplain," + mode)
                for name, distinct in (("many-one-server.pcap", False),
                                       ("many-endpoints.pcap", True))
                for mode in ("standard", "network")]
        ts.warm(runs)
        cls.out = {}
        for args in runs:
            proc = ts.run_proc(*args)
            cls.out[(os.path.basename(args[1]), args[-1].rsplit(",", 1)[1])] = proc

    def graph(self, name):
        standard = self.out[(name, "standard")]
        network = self.out[(name, "network")]
        for proc in (standard, network):
            self.assertEqual(proc.returncode, 0)
            self.assertEqual(proc.stderr, "")
        self.assertEqual(standard.stdout, network.stdout)
        lines = standard.stdout.splitlines()
        # Two lines of columns, two lines per step, a line between handshakes.
        self.assertEqual(len(lines), 2 + 100 * 10 * 2 + 99)
        return lines

    def test_one_client_one_server(self):
        """The connections of one client share its column: the ports are
        on the arrows."""
        lines = self.graph("many-one-server.pcap")
        self.assertEqual(flow_columns(lines), ["10.0.0.1", "10.0.0.2:443"])
        self.assertEqual([l.rstrip() for l in lines[:6]], [
            "Conv.| Time    | 10.0.0.1                              |",
            "     |         |                   | 10.0.0.2:443      |",
            "1    |0.003000 |         ClientHello                   |Handshake 1 step 1 OUT",
            "     |         |(40000)  ------------------>  (443)    |",
            "1    |0.004000 |         ServerHello                   |Handshake 1 step 2 IN "
            "+1.000 ms",
            "     |         |(40000)  <------------------  (443)    |"])
        self.assertEqual(lines[-1].rstrip(), "     |         |(40099)  <------------------  (443)    |")
        self.assertTrue(lines[-2].endswith("|Handshake 100 step 10 IN +1.000 ms"), lines[-2])

    def test_endpoints_beyond_the_columns_share_two(self):
        """Clients 10.0.2.0-18 and servers 10.0.1.0-18 get the first 38
        columns; the others share two, and their arrows say who they are."""
        lines = self.graph("many-endpoints.pcap")
        want = [a for n in range(19) for a in (f"10.0.2.{n}", f"10.0.1.{n}:443")]
        self.assertEqual(flow_columns(lines), want + ["other clients", "other servers"])
        comments = [l.rsplit("|", 1)[1] for l in lines[2:] if "|Handshake " in l]
        self.assertEqual(len(comments), 1000)
        self.assertEqual(comments[180], "Handshake 19 step 1 OUT")
        self.assertEqual(comments[190], "Handshake 20 step 1 OUT "
                                        "(client 10.0.2.19, server 10.0.1.19:443)")
        self.assertEqual(comments[-1], "Handshake 100 step 10 IN +1.000 ms (client 10.0.2.99, "
                                       "server 10.0.1.99:443)")
        # Handshake 20's Server Hello: from the last column to the one before.
        arrow = lines[lines.index(next(l for l in lines if "Handshake 20 step 2 " in l)) + 1]
        self.assertTrue(arrow.rstrip().endswith("|(40019)  <------------------  (443)    |"),
                        arrow)


class InChinese(unittest.TestCase):
    """With tlsexplain.language zh the flow graph's comments and the
    transcript's own lines are Chinese; OUT and IN, message names, kinds,
    alerts and every line curl prints stay as they are.  en and both keep
    the English words."""

    @staticmethod
    def run_doc(language, capture=DOC):
        """(trace, flow) of a capture with the language, as lists of lines."""
        out = ts.run("-r", ts.sample(capture), "-q", "-o", "tlsexplain.language:" + language,
                     "-z", "tlsexplain,trace", "-z", "flow,tlsexplain,standard").splitlines()
        start = out.index("=" * 67)
        end = out.index("=" * 67, start + 1) + 1
        return out[start:end], [l for l in out if l.startswith("|")]

    def test_flow_comments(self):
        trace, flow = self.run_doc("zh")
        comments = [l.rsplit("|", 1)[1] for l in flow[2::2]]
        self.assertEqual(comments[0], "第 1 次握手 第 1 步 OUT")
        self.assertEqual(comments[1], "第 1 次握手 第 2 步 IN +7.165 ms")
        self.assertEqual(comments[9], "第 1 次握手 第 10 步 IN +1.073 ms")
        self.assertEqual(comments[10], "第 1 次握手 握手后 IN +4994.844 ms")
        # The arrows' labels are the messages' names, as in English.
        english = reports(DOC)[2]
        self.assertEqual([re.split(r"\|", l)[2] for l in flow[2::2]],
                         [re.split(r"\|", l)[2] for l in english[2::2]])
        self.assertEqual(flow[1::2], english[1::2])

    def test_flow_names_endpoints_without_a_column(self):
        name = many_connections("many-endpoints-zh.pcap", True)
        lines = ts.run("-r", ts.sample(name), "-q", "-o", "tlsexplain.language:zh", "-z",
                       "flow,tlsexplain,standard").splitlines()
        comments = [l.rsplit("|", 1)[1] for l in lines[2:] if "|第 " in l]
        self.assertEqual(len(comments), 1000)
        self.assertEqual(comments[190], "第 20 次握手 第 1 步 OUT"
                                        "（客户端 10.0.2.19，服务器 10.0.1.19:443）")

    def test_transcript(self):
        """The document's transcript: its own lines in Chinese, curl's to the
        byte as in English."""
        zh = {
            "TLS Handshake Explainer: transcript": "TLS Handshake Explainer：握手记录",
            "Filter: none": "过滤器：无",
            "curl -v lines: curl 8": "curl -v 的行：curl 8",
            "Handshakes: 1": "握手次数：1",
            "Handshake 1: 127.0.0.1:45296 -> 127.0.0.1:443, SNI q.shanyue.test":
                "第 1 次握手：127.0.0.1:45296 -> 127.0.0.1:443，SNI q.shanyue.test",
            "Handshake 1 complete: TLS 1.2 full, 2 RTTs, 0.0097 s (frames 4-9)":
                "第 1 次握手完成：TLS 1.2 full，2 个 RTT，0.0097 秒（帧 4-9）",
            "1 +  5.0056 (4.9959)  S>C  Alert (encrypted) (after the handshake, frame 14)":
                "1 +  5.0056 (4.9959)  S>C  Alert (encrypted)（握手之后，帧 14）",
        }
        english = DOC_TRACE.splitlines()
        self.assertEqual(len([l for l in english if l in zh]), len(zh))
        self.assertEqual(self.run_doc("zh")[0], [zh.get(l, l) for l in english])

    def test_failed_handshake(self):
        trace = self.run_doc("zh", "tls12-alert.pcapng")[0]
        self.assertEqual(trace[-3:], [
            "    * TLSv1.2 (IN), TLS alert, handshake failure (552):",
            "第 1 次握手失败：告警 Handshake Failure (40)，由服务器发出，TLS 1.2 full，1 个 RTT，"
            "0.0001 秒（帧 4-6）",
            "=" * 67])

    def test_incomplete_handshake(self):
        """A Client Hello and nothing after: the message still to come keeps
        its name."""
        w = pcapgen.Pcap()
        c = w.connection()
        c.handshake()
        c.send(pcapgen.CLIENT, pcapgen.record(pcapgen.HANDSHAKE, pcapgen.client_hello()))
        w.write(ts.sample("hello-only-zh.pcap"))
        endings = [self.run_doc(language, "hello-only-zh.pcap")[0][-2]
                   for language in ("zh", "en")]
        self.assertEqual(endings, [
            "第 1 次握手未完成：抓包里没有它后面的消息（还差 Server Hello），距它的第一步 0.0000 秒"
            "（帧 4-4）",
            "Handshake 1 incomplete: nothing of it follows in the capture (the Server Hello was "
            "still to come), 0.0000 s after its first step (frames 4-4)"])

    def test_english_and_both_unchanged(self):
        for language in ("en", "both"):
            trace, flow = self.run_doc(language)
            self.assertEqual("\n".join(trace) + "\n", DOC_TRACE, language)
            self.assertEqual(flow, reports(DOC)[2], language)


class Columns(unittest.TestCase):
    def test_custom_columns_recipe(self):
        out = ts.run("-r", ts.sample(DOC), "-Y", "tlsexplain", "-o", COLUMNS)
        self.assertEqual(out, DOC_COLUMNS)


@functools.lru_cache(maxsize=None)
def json_layers(kind):
    """Frame 9's layers in -T json or -T ek: the frame's own fields and ours."""
    out = ts.run("-r", ts.sample(DOC), "-Y", "frame.number == 9", "-T", kind)
    if kind == "json":
        return json.loads(out)[0]["_source"]["layers"]
    docs = [json.loads(l) for l in out.splitlines() if l.strip()]
    return next(d for d in docs if "layers" in d)["layers"]


def json_fields(node, out=None):
    """Every field name -> value below a -T json layer, subtrees flattened."""
    out = {} if out is None else out
    for k, v in node.items():
        if isinstance(v, dict):
            json_fields(v, out)
        else:
            out.setdefault(k, []).append(v)
    return out


class MachineReadable(unittest.TestCase):
    """Our fields have the JSON type tshark gives its own fields of the same
    kind (frame.number: unsigned, frame.marked: boolean, frame.time_delta:
    relative time), whatever the Wireshark version does with them."""

    def same_kind(self, ours, theirs, what):
        for v in ours:
            self.assertIs(type(v), type(theirs), what)

    def test_json(self):
        layers = json_layers("json")
        frame = layers["frame"]
        f = json_fields(layers["tlsexplain"])
        self.assertEqual([int(v) for v in f["tlsexplain.step"]], [9, 10])
        self.same_kind(f["tlsexplain.step"], frame["frame.number"], "uint")
        self.same_kind(f["tlsexplain.summary.rtts"], frame["frame.number"], "uint")
        self.same_kind(f["tlsexplain.encrypted"], frame["frame.marked"], "boolean")
        self.same_kind(f["tlsexplain.summary.complete"], frame["frame.marked"], "boolean")
        self.same_kind(f["tlsexplain.time.since_peer"], frame["frame.time_delta"], "relative")
        self.same_kind(f["tlsexplain.summary.duration"], frame["frame.time_delta"], "relative")
        self.assertEqual(f["tlsexplain.time.since_peer"], ["0.001072775", "0.001072775"])
        self.assertEqual(f["tlsexplain.summary.duration"], ["0.009695925"])
        self.assertEqual(f["tlsexplain.message"], ["Change Cipher Spec", "Finished"])
        self.assertEqual(f["tlsexplain.summary.kind"], ["TLS 1.2 full"])
        self.assertEqual(f["tlsexplain.summary.alpn"], ["h2"])
        self.assertIn(str(f["tlsexplain.encrypted"][1]), ("1", "True", "true"))
        self.assertIn(str(f["tlsexplain.encrypted"][0]), ("0", "False", "false"))

    def test_ek(self):
        layers = json_layers("ek")
        frame = layers["frame"]
        ours = layers["tlsexplain"]
        self.assertEqual(ours["tlsexplain_tlsexplain_direction"], ["IN", "IN"])
        for name in ("step", "handshake", "flight"):
            self.same_kind(ours["tlsexplain_tlsexplain_" + name], frame["frame_frame_number"],
                           name)
        self.same_kind([ours["tlsexplain_tlsexplain_summary_rtts"]], frame["frame_frame_number"],
                       "rtts")
        self.same_kind(ours["tlsexplain_tlsexplain_encrypted"], frame["frame_frame_marked"],
                       "encrypted")
        self.assertEqual([str(v) for v in ours["tlsexplain_tlsexplain_encrypted"]],
                         [str(v) for v in (False, True)]
                         if isinstance(frame["frame_frame_marked"], bool) else ["0", "1"])
        self.same_kind([ours["tlsexplain_tlsexplain_summary_complete"]],
                       frame["frame_frame_marked"], "complete")
        self.same_kind(ours["tlsexplain_tlsexplain_time_since_prev"],
                       frame["frame_frame_time_delta"], "since_prev")
        self.same_kind([ours["tlsexplain_tlsexplain_summary_duration"]],
                       frame["frame_frame_time_delta"], "duration")
        self.assertEqual(ours["tlsexplain_tlsexplain_summary_history"], "CsxknGIFif")

    def test_fields(self):
        names = ["frame.marked", "tlsexplain.step", "tlsexplain.encrypted",
                 "tlsexplain.time.since_peer", "tlsexplain.summary.complete",
                 "tlsexplain.summary.rtts", "tlsexplain.summary.duration",
                 "tlsexplain.summary.kind"]
        out = ts.run("-r", ts.sample(DOC), "-Y", "frame.number == 9", "-T", "fields",
                     *[a for n in names for a in ("-e", n)])
        marked, step, enc, peer, complete, rtts, duration, kind = out.rstrip("\n").split("\t")
        false = marked  # tshark's own false: 0 up to 4.2, False from 4.4 on
        true = {"0": "1", "False": "True"}[false]
        self.assertEqual(step, "9,10")
        self.assertEqual(enc, f"{false},{true}")
        self.assertEqual(peer, "0.001072775,0.001072775")
        self.assertEqual((complete, rtts, duration, kind), (true, "2", "0.009695925",
                                                            "TLS 1.2 full"))


def tearDownModule():
    ts.cleanup()
