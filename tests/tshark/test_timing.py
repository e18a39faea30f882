"""Integration tests of the timing: the samples made with a known delay
(samples/make-delay-samples.sh: 28 ms each way, 56 ms round trip), captured
at the client and at the server."""

import unittest

import tshark_session as ts
from test_samples import expert, expert_messages, summaries
from test_tshark import keylog, steps_of

RTT_NS = 56_000_000
CASES = {"delay-tls12": 2, "delay-tls13": 1, "delay-tls13-hrr": 2}
TIME_FIELDS = ("tlsexplain.time.since_prev", "tlsexplain.time.since_peer",
               "tlsexplain.time.since_start", "tlsexplain.time.network",
               "tlsexplain.time.processing", "tlsexplain.tcp.rtt")


def step_fields(capture, *extra):
    return [f for _, f in ts.pdml_steps(capture, "-2", *extra)]


@ts.generated()
def without_tcp_handshake():
    """delay-tls12-client from its Client Hello on: no SYN, no TCP baseline."""
    return ts.editcap("delay-tls12-client.pcapng", "no-syn.pcapng", "-r", frames=["4-100"])


class KnownDelay(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        calls = []
        for case in CASES:
            for side in ("client", "server"):
                calls += [(f"{case}-{side}.pcapng", "-2"),
                          (f"{case}-{side}.pcapng", "-2", *keylog(case + ".keys"))]
        ts.prefetch(calls)
    def test_round_trips_and_capture_point(self):
        for case, rtts in CASES.items():
            for side in ("client", "server"):
                with self.subTest(case=case, side=side):
                    cap = f"{case}-{side}.pcapng"
                    s = summaries(cap)[1]
                    self.assertEqual(s["tlsexplain.summary.rtts"], str(rtts))
                    self.assertEqual(s["tlsexplain.summary.setup_rtts"], str(rtts + 1))
                    self.assertEqual(s["tlsexplain.capture_point"], side)
                    rtt = ts.ns(s["tlsexplain.tcp.rtt"])
                    self.assertLess(abs(rtt - RTT_NS), RTT_NS * 0.05, rtt)
                    for f in step_fields(cap):
                        if "tlsexplain.time.since_peer" in f:
                            self.assertEqual(f["tlsexplain.capture_point"], side)

    def test_network_and_processing_add_up(self):
        for case in CASES:
            for side in ("client", "server"):
                for extra in ((), keylog(case + ".keys")):
                    cap = f"{case}-{side}.pcapng"
                    waits = [f for f in step_fields(cap, *extra)
                             if "tlsexplain.time.since_peer" in f]
                    self.assertTrue(waits)
                    for f in waits:
                        self.assertEqual(ts.ns(f["tlsexplain.time.network"])
                                         + ts.ns(f["tlsexplain.time.processing"]),
                                         ts.ns(f["tlsexplain.time.since_peer"]), (cap, f))

    def test_server_processing_seen_from_the_client(self):
        """At the client, an answer of the server waited one round trip of
        network and a few milliseconds of the server's work."""
        for case in CASES:
            for f in step_fields(f"{case}-client.pcapng", *keylog(case + ".keys")):
                if f["tlsexplain.direction"] != "IN" or "tlsexplain.step" not in f:
                    continue
                self.assertLess(abs(ts.ns(f["tlsexplain.time.network"]) - RTT_NS),
                                RTT_NS * 0.05, f)
                self.assertLess(ts.ns(f["tlsexplain.time.processing"]), 10_000_000, f)

    def test_client_processing_seen_from_the_server(self):
        for case in CASES:
            for f in step_fields(f"{case}-server.pcapng", *keylog(case + ".keys")):
                if "tlsexplain.step" not in f or "tlsexplain.time.since_peer" not in f:
                    continue
                network = ts.ns(f["tlsexplain.time.network"])
                if f["tlsexplain.direction"] == "OUT":
                    self.assertLess(abs(network - RTT_NS), RTT_NS * 0.05, f)
                else:
                    self.assertLess(network, 1_000_000, f)

    def test_connection_set_up_as_in_the_figure(self):
        """TCP's round trip and TLS 1.2's two: 3 x 56 ms before the client can
        send, plus what the peers spent."""
        s = summaries("delay-tls12-client.pcapng")[1]
        setup = ts.ns(s["tlsexplain.summary.setup_time"])
        self.assertGreaterEqual(setup, 3 * RTT_NS)
        self.assertLess(setup, 3 * RTT_NS + 15_000_000)
        app = ts.ns(s["tlsexplain.summary.time_to_app_data"])
        self.assertGreaterEqual(app, 2 * RTT_NS)

    def test_hello_retry_request_costs_a_round_trip(self):
        """Its advice says it, once: not the extra round trip's warning too."""
        self.assertEqual(expert("delay-tls13-hrr-client.pcapng", "tlsexplain.advice.hrr"), [10])
        self.assertEqual(expert("delay-tls13-hrr-client.pcapng", "tlsexplain.extra_rtt"), [])
        self.assertEqual(expert("delay-tls13-client.pcapng", "tlsexplain.advice.hrr"), [])

    def test_slow_steps(self):
        self.assertEqual(expert("delay-tls12-client.pcapng", "tlsexplain.slow"), [])
        self.assertEqual(expert("delay-tls12-client.pcapng", "tlsexplain.slow",
                                "-o", "tlsexplain.slow_ms:50"), [6, 9])

    def test_after_the_handshake_the_wait_counts_from_the_peers_last_record(self):
        """The server's alert (frame 14) comes 4.9 s after the client's
        Finished (frame 8) but 4.88 s after the client's last application data
        (frame 11): its wait, and the split of it, count from frame 11."""
        times = {int(n): ts.ns(t) for n, t in (line.split("\t") for line in ts.run(
            "-r", ts.sample("delay-tls12-client.pcapng"), "-T", "fields",
            "-e", "frame.number", "-e", "frame.time_epoch").splitlines())}
        f = [f for f in step_fields("delay-tls12-client.pcapng")
             if "tlsexplain.step" not in f][-1]
        self.assertEqual(f["tlsexplain.message"], "Encrypted Alert")
        peer = ts.ns(f["tlsexplain.time.since_peer"])
        self.assertEqual(peer, times[14] - times[11])
        self.assertEqual(ts.ns(f["tlsexplain.time.network"]) + ts.ns(f["tlsexplain.time.processing"]),
                         peer)
        self.assertLess(abs(ts.ns(f["tlsexplain.time.network"]) - RTT_NS), RTT_NS * 0.05)

    def test_without_tcp_handshake_it_is_an_estimate(self):
        cap = without_tcp_handshake()
        root = ts.run("-2", "-r", ts.sample(cap), "-Y", "tlsexplain.step == 2", "-T", "pdml")
        self.assertIn("estimated from TLS flights: no TCP handshake in the capture", root)
        for f in step_fields(cap):
            if "tlsexplain.time.since_peer" in f:
                self.assertEqual(ts.ns(f["tlsexplain.time.network"])
                                 + ts.ns(f["tlsexplain.time.processing"]),
                                 ts.ns(f["tlsexplain.time.since_peer"]))

    def test_no_time_is_ever_negative(self):
        for name in ("tls12-doc", "tls13-full", "tls12-resume", "delay-tls12-client",
                     "delay-tls13-hrr-server"):
            for f in step_fields(name + ".pcapng"):
                for k in TIME_FIELDS:
                    if k in f:
                        self.assertFalse(f[k].startswith("-"), (name, k, f[k]))


def setup_note(capture):
    """The summary's set-up line as the packet details show it."""
    return next(f.get("showname") for f in ts.pdml_root(capture, "-2").iter("field")
                if f.get("name") == "tlsexplain.summary.setup_time")


class ShortTimes(unittest.TestCase):
    """Notes print tenths of a millisecond from 1 ms on and microseconds
    below: a round trip over loopback is not "0.0 ms"."""

    # Wireshark writes the time itself in seconds up to 4.2, in milliseconds
    # from 4.4 on; the note after it is the plugin's.
    def test_set_up_over_loopback(self):
        self.assertRegex(setup_note("tls12-doc.pcapng"),
                         r"^Connection set-up: (0\.018738359 seconds|18\.738359 milliseconds) "
                         r"\(18\.7 ms; 3 round trips of 0\.045 ms would be 0\.136 ms\)$")

    def test_set_up_over_a_slow_network(self):
        self.assertRegex(setup_note("delay-tls12-client.pcapng"),
                         r"^Connection set-up: (0\.174118689 seconds|174\.118689 milliseconds) "
                         r"\(174\.1 ms; 3 round trips of 56\.2 ms would be 168\.7 ms\)$")

    def test_set_up_with_a_congestion_window_stall(self):
        """The server's first flight waited a round trip for the client's
        ACK: TCP's round trip and TLS's three, 4 x 50.1 ms."""
        self.assertRegex(setup_note("advice-cwnd.pcapng"),
                         r"^Connection set-up: (0\.205094137 seconds|205\.094137 milliseconds) "
                         r"\(205\.1 ms; 4 round trips of 50\.1 ms would be 200\.5 ms\)$")
        s = summaries("advice-cwnd.pcapng")[1]
        self.assertEqual((s["tlsexplain.summary.rtts"], s["tlsexplain.summary.setup_rtts"]),
                         ("3", "4"))
        shown = next(f.get("showname") for f in ts.pdml_root("advice-cwnd.pcapng", "-2").iter(
            "field") if f.get("name") == "tlsexplain.summary.setup_rtts")
        self.assertEqual(shown, "Connection set-up round trips: 4 (TCP 1, TLS 3)")

    def test_slow_step_notes(self):
        self.assertEqual(expert_messages("tls12-doc.pcapng", 6, "-o", "tlsexplain.slow_ms:0"),
                         ["Slow: 7.2 ms since the client's last message, over tlsexplain.slow_ms "
                          "(0 ms): 0.033 ms of network round trip and 7.1 ms the server spent"])
        self.assertEqual(expert_messages("delay-tls12-client.pcapng", 9, "-o",
                                         "tlsexplain.slow_ms:50"),
                         ["Slow: 56.5 ms since the client's last message, over "
                          "tlsexplain.slow_ms (50 ms): 56.2 ms of network round trip and "
                          "0.351 ms the server spent"])


if __name__ == "__main__":
    unittest.main()
