"""Integration tests: every kind of handshake in the bundled samples, each a
real client and server (samples/README.md tells how each was made).

For each handshake the steps come as Zeek-style history letters, one per step
(client upper case, server lower case; '.' an encrypted record that cannot
be read without keys), with the frame of each step, and the summary as the
frame that completes or ends the handshake shows it.
"""

import unittest

import tshark_session as ts
from test_tshark import Timing, keylog, steps_of

LETTERS = {
    "Client Hello": "C", "Server Hello": "S", "Hello Retry Request": "J",
    "Hello Request": "H", "New Session Ticket": "T", "End of Early Data": "E",
    "Hello Verify Request": "V",
    "Encrypted Extensions": "O", "Certificate": "X", "Server Key Exchange": "K",
    "Certificate Request": "R", "Server Hello Done": "N", "Certificate Verify": "Y",
    "Client Key Exchange": "G", "Finished": "F", "Change Cipher Spec": "I",
    "Alert": "L", "Encrypted Alert": "L", "Key Update": "P",
    "Encrypted handshake message": ".",
}


def letters(steps):
    out = ""
    for s in steps:
        c = LETTERS[s["message"]]
        out += c.lower() if s["direction"] == "IN" and c != "." else c
    return out


def truth(v):
    return v in ("1", "True")


def summaries(capture, *extra):
    """{handshake id: summary fields, plus the frame that shows them}."""
    out = {}
    for frame, f in ts.pdml_summaries(capture, "-2", *extra):
        f = dict(f)
        f["frame"] = int(frame["frame.number"])
        out[len(out) + 1] = f
    return out


def handshakes(capture, *extra):
    """{handshake id: [steps]} of numbered steps (no post-handshake messages)."""
    out = {}
    for s in steps_of(capture, "-2", *extra):
        if s["step"] is not None:
            out.setdefault(s["handshake"], []).append(s)
    return out


def curl_summary(name):
    """The "SSL connection using" line curl printed during the capture."""
    with open(ts.sample(name + ".curl.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("* SSL connection using"):
                return line[2:].strip()
    return None


# sample: [(history, frames of the steps, summary fields)] per handshake, as
# read with the sample's key log.
WITH_KEYS = {
    "tls12-doc": [("CsxknGIFif", [4, 6, 6, 6, 6, 8, 8, 8, 9, 9], {
        "kind": "TLS 1.2 full", "version": "TLSv1.2",
        "cipher": "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "group": "x25519",
        "sni": "q.shanyue.test", "alpn": "h2", "rtts": "2", "complete": True,
        "resumed": False, "hrr": False, "client_auth": False})],
    "tls12-dhe": [("CsxknGIFif", [4, 6, 6, 6, 6, 8, 8, 8, 9, 9], {
        "kind": "TLS 1.2 full", "cipher": "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
        "group": "DHE", "rtts": "2", "complete": True})],
    "tls12-rsa": [("CsxnGIFif", [4, 6, 6, 6, 8, 8, 8, 9, 9], {
        "kind": "TLS 1.2 full", "cipher": "TLS_RSA_WITH_AES_128_GCM_SHA256",
        "group": "RSA", "rtts": "2", "complete": True})],
    "tls12-resume": [
        ("CsxknGIFif", [4, 5, 5, 5, 5, 8, 8, 8, 9, 9], {"kind": "TLS 1.2 full"}),
        ("CsifIF", [21, 23, 23, 23, 25, 25], {
            "kind": "TLS 1.2 resumed", "resumed": True, "rtts": "1", "complete": True})],
    "tls12-ticket": [
        ("CsxknGIFtif", [4, 6, 6, 6, 6, 8, 8, 8, 9, 9, 9], {
            "kind": "TLS 1.2 full", "resumed": False, "rtts": "2"}),
        ("CsifIF", [21, 23, 23, 23, 25, 25], {
            "kind": "TLS 1.2 resumed", "resumed": True, "rtts": "1", "group": None})],
    "tls12-clientauth": [("CsxkrnXGYIFif", [4, 6, 6, 6, 6, 6, 8, 8, 8, 8, 8, 9, 9], {
        "kind": "TLS 1.2 full", "client_auth": True, "rtts": "2", "complete": True})],
    "tls12-reneg": [
        ("CsxknGIFif", [4, 6, 6, 6, 6, 8, 8, 8, 9, 9], {"kind": "TLS 1.2 full"}),
        ("hCsxknGIFif", [11, 12, 13, 13, 13, 13, 14, 14, 14, 15, 15], {
            "kind": "TLS 1.2 renegotiation", "rtts": "2", "complete": True})],
    "tls12-alert": [("Cl", [4, 6], {
        "kind": "TLS 1.2 full", "complete": False, "alert": "40", "rtts": "1"})],
    "tls13-full": [("CsioxyfIF", [4, 6, 6, 6, 6, 6, 6, 8, 8], {
        "kind": "TLS 1.3 full", "version": "TLSv1.3", "cipher": "TLS_AES_256_GCM_SHA384",
        "group": "x25519", "alpn": "h2", "rtts": "1", "complete": True})],
    "tls13-hrr": [("CjiICsoxyfF", [4, 6, 6, 8, 8, 9, 9, 9, 9, 9, 10], {
        "kind": "TLS 1.3 HelloRetryRequest", "hrr": True, "group": "secp256r1",
        "rtts": "2", "complete": True})],
    "tls13-psk": [
        ("CsioxyfIF", [4, 6, 6, 6, 6, 6, 6, 8, 8], {"kind": "TLS 1.3 full", "resumed": False}),
        ("CsiofIF", [23, 25, 25, 25, 25, 27, 27], {
            "kind": "TLS 1.3 PSK resumption", "resumed": True, "rtts": "1"})],
    "tls13-0rtt": [
        ("CsioxyfIF", [4, 6, 6, 6, 6, 6, 6, 8, 8], {"kind": "TLS 1.3 full"}),
        ("CIsiofEF", [21, 21, 23, 23, 23, 23, 25, 25], {
            "kind": "TLS 1.3 0-RTT", "resumed": True, "rtts": "1", "complete": True})],
    "tls13-clientauth": [("CsiorxyfIXYF", [4, 6, 6, 6, 6, 6, 6, 6, 8, 8, 8, 8], {
        "kind": "TLS 1.3 full", "client_auth": True, "rtts": "1"})],
    "tls13-keyupdate": [("CsioxyfIF", [4, 6, 6, 6, 6, 6, 6, 8, 8], {"kind": "TLS 1.3 full"})],
    "tls13-alert": [("CsioxyfL", [4, 6, 6, 6, 6, 6, 6, 8], {
        "kind": "TLS 1.3 full", "complete": False, "alert": "48", "rtts": "1"})],
    "tls13-nginx": [("CsioxyfIF", [4, 6, 6, 6, 6, 6, 6, 8, 8], {
        "kind": "TLS 1.3 full", "alpn": "h2", "complete": True})],
    # nginx's close_notify (step 7) comes before curl's End of Early Data and
    # Finished, which complete the handshake: no failure.
    "tls13-0rtt-nginx": [
        ("CsioxyfIF", [4, 6, 6, 6, 6, 6, 6, 8, 8], {"kind": "TLS 1.3 full", "complete": True}),
        ("CIsioflEF", [21, 21, 23, 23, 23, 23, 27, 30, 30], {
            "kind": "TLS 1.3 0-RTT", "resumed": True, "rtts": "1", "complete": True,
            "alert": None, "alpn": "http/1.1"})],
}

# Without keys a TLS 1.3 handshake is a run of encrypted records after the
# Server Hello.
WITHOUT_KEYS = {
    "tls13-hrr": [("CjiICs....." , [4, 6, 6, 8, 8, 9, 9, 9, 9, 9, 10], {
        "kind": "TLS 1.3 HelloRetryRequest", "hrr": True, "alpn": None, "rtts": "2"})],
    "tls13-psk": [
        ("Csi....I.", [4, 6, 6, 6, 6, 6, 6, 8, 8], {"kind": "TLS 1.3 full"}),
        ("Csi..I.", [23, 25, 25, 25, 25, 27, 27], {"kind": "TLS 1.3 PSK resumption"})],
    "tls13-0rtt": [
        ("Csi....I.", [4, 6, 6, 6, 6, 6, 6, 8, 8], {"kind": "TLS 1.3 full"}),
        ("CIsi...", [21, 21, 23, 23, 23, 23, 25], {"kind": "TLS 1.3 0-RTT"})],
    # The response (frame 25) is one more encrypted record of the server's;
    # its encrypted alert ends nothing, the client's first record completes.
    "tls13-0rtt-nginx": [
        ("Csi....I.", [4, 6, 6, 6, 6, 6, 6, 8, 8], {"kind": "TLS 1.3 full", "complete": True}),
        ("CIsi...l.", [21, 21, 23, 23, 23, 23, 25, 27, 30], {
            "kind": "TLS 1.3 0-RTT", "rtts": "1", "complete": True, "alert": None})],
}


class Kinds(unittest.TestCase, Timing):
    """Every kind of handshake: its steps in order, in the right frames, its
    history and its summary."""

    @classmethod
    def setUpClass(cls):
        ts.prefetch([(name + ".pcapng", "-2", *keylog(name + ".keys")) for name in WITH_KEYS]
                    + [(name + ".pcapng", "-2") for name in WITHOUT_KEYS]
                    + [("tls12-reneg.pcapng", "-2")])

    def check(self, name, want, *extra):
        got = handshakes(name + ".pcapng", *extra)
        sums = summaries(name + ".pcapng", *extra)
        self.assertEqual(len(got), len(want), name)
        for hid, (history, frames, fields) in enumerate(want, 1):
            with self.subTest(sample=name, handshake=hid):
                steps = got[hid]
                self.assertEqual(letters(steps), history)
                if frames is not None:
                    self.assertEqual([s["frame"] for s in steps], frames)
                self.assertEqual([s["step"] for s in steps], list(range(1, len(steps) + 1)))
                self.check_times(steps)
                summary = sums[hid]
                # The summary is on the frame of the last step, and every
                # step links to it.
                self.assertEqual(summary["frame"], steps[-1]["frame"])
                # Encrypted records have no letter: nothing tells what they hold.
                self.assertEqual(summary["tlsexplain.summary.history"], history.replace(".", ""))
                for key, value in fields.items():
                    got_value = summary.get("tlsexplain.summary." + key)
                    if isinstance(value, bool):
                        self.assertEqual(truth(got_value), value, key)
                    else:
                        self.assertEqual(got_value, value, key)

    def test_with_keys(self):
        for name, want in WITH_KEYS.items():
            self.check(name, want, *keylog(name + ".keys"))

    def test_without_keys(self):
        for name, want in WITHOUT_KEYS.items():
            self.check(name, want)

    def test_summary_history_is_the_messages_seen(self):
        """With keys every message is read, so the history is exactly the
        letters of the steps."""
        for name in WITH_KEYS:
            sums = summaries(name + ".pcapng", *keylog(name + ".keys"))
            got = handshakes(name + ".pcapng", *keylog(name + ".keys"))
            for hid, steps in got.items():
                self.assertEqual(sums[hid]["tlsexplain.summary.history"], letters(steps),
                                 (name, hid))

    def test_curl_closing_line(self):
        for name in ("tls12-doc", "tls12-dhe", "tls12-rsa", "tls12-clientauth", "tls13-full",
                     "tls13-hrr", "tls13-clientauth", "tls13-nginx"):
            # The samples' sessions were curl 7.88's: its closing line.
            sums = summaries(name + ".pcapng", *keylog(name + ".keys"),
                             "-o", "tlsexplain.curl_version:7")
            self.assertEqual(sums[1]["tlsexplain.summary.curl"], curl_summary(name), name)

    def test_encrypted_renegotiation(self):
        got = handshakes("tls12-reneg.pcapng")
        second = got[2]
        self.assertEqual(letters(second), ".......IFif")
        self.assertEqual([s["frame"] for s in second], [11, 12, 13, 13, 13, 13, 14, 14, 14, 15, 15])
        self.assertTrue(all(s["message"] == "Encrypted handshake message"
                            for s in second[:-4]))
        self.assertIn("renegotiation", second[0]["en"])
        sums = summaries("tls12-reneg.pcapng")
        self.assertEqual(sums[2]["tlsexplain.summary.kind"], "TLS 1.2 renegotiation")
        self.assertTrue(truth(sums[2]["tlsexplain.summary.complete"]))


def expert(capture, names, *extra):
    """Frames that carry one of the plugin's expert infos named (`a || b`),
    read in two passes."""
    wanted = {n.strip() for n in names.split("||")}
    return sorted(frame for frame, infos in ts.pdml_experts(capture, "-2", *extra).items()
                  if any(name in wanted for name, _ in infos))


def expert_messages(capture, frame, *extra):
    """The plugin's expert info messages on a frame, read in two passes."""
    return [message for _, message in ts.pdml_experts(capture, "-2", *extra).get(frame, [])]


@ts.generated()
def to_server_hello_done():
    """The document's case up to the server's first flight."""
    return ts.editcap("tls12-doc.pcapng", "to-server-hello-done.pcapng", "-r", frames=["1-6"])


@ts.generated()
def from_server_hello():
    """The document's case from the server's first flight on."""
    return ts.editcap("tls12-doc.pcapng", "from-server-hello.pcapng", "-r", frames=["6-100"])


@ts.generated()
def no_server_flight():
    """The document's case without the server's first flight."""
    return ts.editcap("tls12-doc.pcapng", "no-server-flight.pcapng", frames=["6"])


NO_TCP_ANALYSIS = ("-o", "tcp.analyze_sequence_numbers:FALSE")


@ts.generated((), NO_TCP_ANALYSIS)
def duplicated_flight():
    """The document's case with the server's first flight twice."""
    flight = ts.editcap("tls12-doc.pcapng", "server-flight.pcapng", "-r", frames=["6"])
    out = ts.sample("dup-flight.pcapng")
    ts.run_tool("mergecap", "-w", out, ts.sample("tls12-doc.pcapng"), ts.sample(flight))
    return "dup-flight.pcapng"


class Verdicts(unittest.TestCase):
    """What goes wrong is said, in Expert Information, on the step it concerns."""

    def test_fatal_alert_ends_the_handshake(self):
        self.assertEqual(expert("tls12-alert.pcapng", "tlsexplain.alert"), [6])
        self.assertIn("Fatal alert Handshake Failure (40) ended handshake 1",
                      expert_messages("tls12-alert.pcapng", 6))
        steps = steps_of("tls12-alert.pcapng")
        alert = steps[-1]
        self.assertEqual((alert["step"], alert["direction"], alert["message"]), (2, "IN", "Alert"))
        self.assertEqual(alert["curl"], "TLSv1.2 (IN), TLS alert, handshake failure (552):")
        self.assertIn("Handshake Failure (40)", alert["en"])
        self.assertIn("Handshake Failure (40)", alert["zh"])
        # curl printed the same line when the server refused it.
        with open(ts.sample("tls12-alert.curl.txt"), encoding="utf-8") as f:
            self.assertIn(alert["curl"], f.read())

    def test_client_rejects_the_certificate(self):
        self.assertEqual(expert("tls13-alert.pcapng", "tlsexplain.alert"), [8])
        alert = steps_of("tls13-alert.pcapng")[-1]
        self.assertEqual((alert["direction"], alert["message"]), ("OUT", "Alert"))
        self.assertIn("Unknown CA (48)", alert["en"])
        self.assertEqual(alert["curl"], "TLSv1.3 (OUT), TLS alert, unknown CA (560):")

    def test_server_closes_before_the_clients_finished(self):
        """curl 8 sends its request as 0-RTT early data; nginx answers it and
        closes the connection with close_notify before curl's End of Early
        Data and Finished come (curl exits 0).  The close_notify is a step
        that ends nothing and no failure is said, with keys or without."""
        capture = "tls13-0rtt-nginx.pcapng"
        keys = keylog("tls13-0rtt-nginx.keys")
        steps = [s for s in steps_of(capture, *keys) if s["handshake"] == 2]
        self.assertEqual([(s["frame"], s["step"], s["direction"], s["message"])
                          for s in steps[6:]],
                         [(27, 7, "IN", "Alert"), (30, 8, "OUT", "End of Early Data"),
                          (30, 9, "OUT", "Finished")])
        self.assertEqual(steps[6]["curl"], "TLSv1.3 (IN), TLS alert, close notify (256):")
        self.assertEqual(expert(capture, "tlsexplain.alert", *keys), [])
        steps = [s for s in steps_of(capture) if s["handshake"] == 2]
        alert = steps[7]
        self.assertEqual((alert["frame"], alert["step"], alert["message"]),
                         (27, 8, "Encrypted Alert"))
        self.assertIn("Encrypted Alert from a side that has already sent its Finished",
                      alert["en"])
        self.assertIn("已经发出自己 Finished 的一方", alert["zh"])
        self.assertEqual(expert(capture, "tlsexplain.alert"), [])

    def test_server_refuses_after_the_clients_finished(self):
        """TLS 1.3: the client's Finished ends the handshake on its side (curl
        prints "SSL connection using"), but the server wanted a certificate
        and answers with certificate_required: the handshake failed, and the
        alert is its last step (curl exits 56)."""
        keys = keylog("tls13-certreq.keys")
        steps = [s for s in steps_of("tls13-certreq.pcapng", *keys, alerts=True) if s["step"]]
        self.assertEqual([(s["frame"], s["step"], s["direction"], s["message"]) for s in steps[-4:]],
                         [(8, 9, "OUT", "Change Cipher Spec"), (8, 10, "OUT", "Certificate"),
                          (8, 11, "OUT", "Finished"), (11, 12, "IN", "Alert")])
        self.assertEqual(expert("tls13-certreq.pcapng", "tlsexplain.alert", *keys), [11])
        self.assertEqual(expert_messages("tls13-certreq.pcapng", 11, *keys),
                         ["Fatal alert Certificate Required (116) ended handshake 1: the server "
                          "refused the handshake after the client's Finished, before sending "
                          "anything else"])
        s = summaries("tls13-certreq.pcapng", *keys)
        self.assertEqual(list(s), [1])
        self.assertEqual((s[1]["frame"], truth(s[1]["tlsexplain.summary.complete"]),
                          s[1]["tlsexplain.summary.alert"], s[1]["tlsexplain.summary.rtts"],
                          s[1]["tlsexplain.summary.history"]),
                         (11, False, "116", "2", "CsiorxyfIXFl"))
        trace = ts.run("-r", ts.sample("tls13-certreq.pcapng"), *keys, "-q",
                       "-z", "tlsexplain,trace")
        self.assertIn("Handshake 1 failed: alert Certificate Required (116) from the server, "
                      "TLS 1.3 full, 2 RTTs, 0.0224 s (frames 4-11)", trace)
        # One pass cannot know, at the client's Finished, what the server will
        # answer: it sums the handshake up there as complete, then at the
        # alert as failed.  Two passes show only the failure.
        one = ts.run("-r", ts.sample("tls13-certreq.pcapng"), *keys, "-Y",
                     "tlsexplain.summary.kind", "-T", "fields", "-e", "frame.number",
                     "-e", "tlsexplain.summary.complete")
        self.assertEqual([(int(f), truth(c)) for f, c in (l.split("\t") for l in one.splitlines())],
                         [(8, True), (11, False)])
        # The statistics count it once, failed, either way.
        for passes in ((), ("-2",)):
            tree = ts.run(*passes, "-r", ts.sample("tls13-certreq.pcapng"), *keys, "-q",
                          "-z", "tlsexplain,tree")
            counts = {line.split()[0]: line.split()[1] for line in tree.splitlines()
                      if line.startswith("  ") and not line.startswith("   ")}
            self.assertEqual((counts["failed"], counts["complete"], counts["incomplete"]),
                             ("1", "0", "0"), passes)
            self.assertRegex(tree, r"\n By kind +1 ")

    def test_expert_information_on_every_path(self):
        """Analyze -> Expert Information and tshark -z expert dissect without a
        tree: one pass and two passes list the same entries, the plugin's
        included."""
        cases = [("tls12-alert.pcapng",), ("tls13-certreq.pcapng", *keylog("tls13-certreq.keys")),
                 ("delay-tls12-client.pcapng", "-o", "tlsexplain.slow_ms:50"),
                 ("delay-tls13-hrr-client.pcapng",)]
        for capture, *extra in cases:
            with self.subTest(capture=capture):
                one = ts.run("-r", ts.sample(capture), *extra, "-q", "-z", "expert")
                two = ts.run("-2", "-r", ts.sample(capture), *extra, "-q", "-z", "expert")
                self.assertEqual(one, two)
                self.assertIn("TLS Handshake Explainer", two)

    def test_expert_filters_without_a_visible_tree(self):
        """tshark's one-line output builds a tree it does not show, and the
        plugin then skips its items; a filter on an expert info, the
        plugin's own or Wireshark's expert fields, still finds the frames
        the full tree shows it on, in one pass and in two."""
        cases = [("tls12-alert.pcapng", "tlsexplain.alert", "_ws.expert.severity == error", ()),
                 ("advice-noresume.pcapng", "tlsexplain.advice.no_resumption",
                  '_ws.expert.message contains "resum"', keylog("advice-noresume.keys"))]
        for capture, ours, theirs, extra in cases:
            shown = sorted(f for f, infos in ts.pdml_experts(capture, "-2", *extra).items()
                           if any(name == ours for name, _ in infos))
            self.assertTrue(shown, capture)
            for flt in (ours, theirs):
                for passes in ((), ("-2",)):
                    with self.subTest(capture=capture, filter=flt, passes=passes):
                        out = ts.run(*passes, "-r", ts.sample(capture), *extra, "-Y", flt)
                        self.assertEqual([int(line.split()[0]) for line in out.splitlines()],
                                         shown)

    def test_one_slow_warning_per_wait(self):
        """The server's flight of four steps waited one round trip: one
        warning, on its first step, not four."""
        infos = ts.pdml_experts("delay-tls12-client.pcapng", "-2", "-o", "tlsexplain.slow_ms:50")
        slow = {frame: [m for name, m in v if name == "tlsexplain.slow"]
                for frame, v in infos.items()}
        self.assertEqual({f: len(m) for f, m in slow.items() if m}, {6: 1, 9: 1})
        self.assertEqual(slow[6], ["Slow: 57.6 ms since the client's last message, over "
                                   "tlsexplain.slow_ms (50 ms): 56.2 ms of network round trip "
                                   "and 1.5 ms the server spent"])

    def test_capture_ending_mid_handshake(self):
        cap = to_server_hello_done()
        self.assertEqual(expert(cap, "tlsexplain.incomplete"), [6])
        self.assertIn("Handshake 1 never completed: the capture holds nothing after this step "
                      "(the Client Key Exchange was still to come)", expert_messages(cap, 6))
        # One pass cannot know that nothing follows.
        out = ts.run("-r", ts.sample(cap), "-Y", "tlsexplain.incomplete")
        self.assertEqual(out.strip(), "")

    def test_capture_starting_mid_handshake(self):
        cap = from_server_hello()
        self.assertEqual(expert(cap, "tlsexplain.mid_capture"), [1])
        self.assertEqual(expert(cap, "tlsexplain.unexpected || tlsexplain.missing"), [])

    def test_missing_server_flight(self):
        cap = no_server_flight()
        self.assertEqual(expert(cap, "tlsexplain.missing"), [7])
        self.assertIn("Client Key Exchange came, but the Server Hello this handshake requires "
                      "before it never came", expert_messages(cap, 7))

    def test_duplicated_frame_counts_once(self):
        """The server's flight twice (a duplicated frame): with TCP's analysis
        Wireshark does not hand the copy to TLS; without it the copy is
        flagged, and counted once either way."""
        cap = duplicated_flight()
        for extra in ((), NO_TCP_ANALYSIS):
            steps = [s for s in steps_of(cap, *extra) if s["step"]]
            self.assertEqual([s["step"] for s in steps], list(range(1, 11)))
            self.assertEqual(letters(steps), "CsxknGIFif")
        self.assertEqual(expert(cap, "tlsexplain.duplicate", *NO_TCP_ANALYSIS), [7])


if __name__ == "__main__":
    unittest.main()
