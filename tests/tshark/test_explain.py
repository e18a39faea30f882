"""Explanations that never contradict the summary: on every sample, with
and without its key log, what each step's explanation says of its handshake
(round trips, version, key exchange, resumption) is what the handshake's
summary says.

The explanations are composed from what the messages told; the summary
is counted from the same messages.  A learner reads both side by side.
"""

import glob
import os
import re
import unittest

import pcapgen as g
import tshark_session as ts
from pcapgen import CLIENT, HANDSHAKE, SERVER, record
from test_samples import handshakes, summaries, truth
from test_tshark import keylog

NUMBERS = {"one": 1, "two": 2, "three": 3}
ROUND_TRIPS = re.compile(r"after (one|two|three) (?:round trips?|RTTs?)")


def samples():
    """(capture, extra options) for every sample, and again with its key log."""
    out = []
    for path in sorted(glob.glob(os.path.join(ts.SAMPLES_SRC, "*.pcapng"))):
        name = os.path.basename(path)[:-len(".pcapng")]
        out.append((name + ".pcapng", ()))
        stem = name.rsplit("-client", 1)[0].rsplit("-server", 1)[0]
        for keys in (name + ".keys", stem + ".keys"):
            if os.path.exists(os.path.join(ts.SAMPLES_SRC, keys)):
                out.append((name + ".pcapng", tuple(keylog(keys))))
                break
    return out


def claims(text):
    """What an English explanation says of its handshake: {fact: value}."""
    out = {}
    m = ROUND_TRIPS.search(text)
    if m:
        out["rtts"] = NUMBERS[m.group(1)]
    if "the server picks TLS 1.3" in text or "This completes the TLS 1.3 handshake" in text:
        out["version"] = "TLSv1.3"
    if text.startswith(("Client Key Exchange", "Server Key Exchange", "Server Hello Done")):
        out["not_version"] = "TLSv1.3"
    if "with RSA key exchange the client generates" in text:
        out["group"] = {"RSA"}
    if "finite-field Diffie-Hellman (DHE)" in text or "ephemeral Diffie-Hellman public" in text:
        out["group"] = {"DHE", "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192"}
    if "The group it chose is a hybrid post-quantum one" in text:
        out["hybrid"] = True
    if text.startswith(("Server Hello (resumed)", "Server Hello (PSK)", "Finished (resumed)")):
        out["resumed"] = True
    if "This completes the full handshake" in text:
        out["resumed"] = False
    return out


class Consistent(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.runs = samples()
        ts.prefetch([(capture, "-2", *extra) for capture, extra in cls.runs])

    def test_no_explanation_contradicts_the_summary(self):
        checked = {"rtts": 0, "version": 0, "group": 0, "resumed": 0}
        for capture, extra in self.runs:
            sums = summaries(capture, *extra)
            for hid, steps in handshakes(capture, *extra).items():
                summary = sums.get(hid)
                if summary is None:
                    continue
                s = {k[len("tlsexplain.summary."):]: v for k, v in summary.items()
                     if k.startswith("tlsexplain.summary.")}
                for step in steps:
                    said = claims(step["en"])
                    where = (capture, extra and "keys", hid, step["step"], step["message"])
                    with self.subTest(where=where):
                        if "rtts" in said and truth(s.get("complete")):
                            self.assertEqual(int(s["rtts"]), said["rtts"])
                            checked["rtts"] += 1
                        if "version" in said:
                            self.assertEqual(s["version"], said["version"])
                            checked["version"] += 1
                        if "not_version" in said:
                            self.assertNotEqual(s.get("version"), said["not_version"])
                        if "group" in said:
                            self.assertIn(s.get("group"), said["group"])
                            checked["group"] += 1
                        if "hybrid" in said:
                            # Wireshark 4.0 names no hybrid group: its code then.
                            self.assertRegex(s.get("group", ""),
                                             "MLKEM|Kyber|0x11e[bcd]|0x639[9a]")
                        if "resumed" in said:
                            self.assertEqual(truth(s.get("resumed")), said["resumed"])
                            checked["resumed"] += 1
        # Each kind of claim is made somewhere, so that this test can fail.
        for fact, count in checked.items():
            self.assertGreater(count, 0, fact)

    def test_round_trips_said_by_fact(self):
        """The texts that count round trips: the document's case says two,
        DTLS with a cookie three, TLS 1.3 with a HelloRetryRequest two."""
        cases = [("tls12-doc", "This completes the full handshake, after two round trips (RTT);"),
                 ("dtls12-cookie", "This completes the full handshake, after three round trips "
                                   "(RTT), one of them the cookie exchange;"),
                 ("tls13-hrr", "This completes the TLS 1.3 handshake, after two RTTs, one of "
                               "them the Hello Retry Request's;")]
        for name, sentence in cases:
            got = handshakes(name + ".pcapng", "-2", *keylog(name + ".keys"))
            last = got[1][-1]
            self.assertIn(sentence, last["en"], name)


class ChineseLabels(unittest.TestCase):
    """With tlsexplain.language set to zh the labels are Chinese; the values
    users filter on (message names, directions, kinds) stay as they are, and
    both languages keep English labels."""

    CAP = "tls12-doc.pcapng"

    def labels(self, language):
        out = ts.run("-r", ts.sample(self.CAP), "-o", "tlsexplain.language:" + language, "-V",
                     "-O", "tlsexplain", "-Y", "frame.number == 6 or tlsexplain.summary.kind")
        return [line.strip() for line in out.split("\n")
                if line.startswith("    ") and not line.startswith("     ")]

    def test_chinese(self):
        got = self.labels("zh")
        self.assertIn("第 2 步：Server Hello [IN]", got)
        self.assertIn("第 5 步：Server Hello Done [IN]", got)
        self.assertTrue(any(re.fullmatch(r"第 1 次握手总结：TLS 1\.2 full，完成，2 个 RTT，"
                                         r"0\.\d+ 秒", line) for line in got), got)
        self.assertFalse(any(line.startswith(("Step ", "Handshake ")) for line in got), got)
        # The values stay: filters work the same in every language.
        hit = ts.run("-r", ts.sample(self.CAP), "-o", "tlsexplain.language:zh",
                     "-Y", 'tlsexplain.message == "Server Hello" && tlsexplain.direction == "IN"',
                     "-T", "fields", "-e", "tlsexplain.step", "-e", "tlsexplain.summary.kind")
        self.assertEqual(hit.split("\t")[0].split(",")[0], "2")

    def test_both_and_english(self):
        for language in ("both", "en"):
            got = self.labels(language)
            self.assertIn("Step 2: Server Hello [IN]", got, language)
            self.assertTrue(any(re.fullmatch(r"Handshake 1 summary: TLS 1\.2 full, complete, "
                                             r"2 RTTs, 0\.\d+ s", line) for line in got), got)


@ts.generated()
def fatal_alerts():
    """Two Client Hellos, each answered by a fatal alert: of a description no
    table names (200), and Handshake Failure (40)."""
    w = g.Pcap()
    for port, desc in ((40000, 200), (40001, 40)):
        c = w.connection(client_port=port)
        c.handshake()
        c.send(CLIENT, record(HANDSHAKE, g.client_hello()))
        c.send(SERVER, g.alert(2, desc))
    return ts.derived("fatal-alerts.pcap", w.data())


FATAL_EN = ("Alert (fatal): the sender reports an error and aborts the handshake or connection "
            "at once; neither side may go on with it, and its session may not be resumed. The "
            "description says why.")
FATAL_ZH = ("Alert（fatal），发送方报告错误并立即中止握手或连接，双方都不能再继续，该 Session "
            "也不能再复用；description 字段说明原因。")


class Joined(unittest.TestCase):
    """An explanation of several parts, joined once for every step that has
    it: a fatal alert's text and its description's, with a space between
    English sentences, none between Chinese ones; a description of no text
    is left out, with no space after the last sentence."""

    def test_alert_descriptions(self):
        cap = fatal_alerts()
        rows = ts.run("-r", ts.sample(cap), "-o", "tlsexplain.language:both",
                      "-Y", "tlsexplain.step == 2", "-T", "fields",
                      "-e", "tlsexplain.explain.en", "-e", "tlsexplain.explain.zh").split("\n")
        unknown, known = (row.split("\t") for row in rows[:2])
        self.assertEqual(unknown, [FATAL_EN, FATAL_ZH])
        self.assertEqual(known[0][:len(FATAL_EN) + 25],
                         FATAL_EN + " Handshake Failure (40): ")
        self.assertEqual(known[1][:len(FATAL_ZH) + 23], FATAL_ZH + "Handshake Failure (40)，")
        # The lines read the same text.
        tree = ts.run("-r", ts.sample(cap), "-o", "tlsexplain.language:en", "-V",
                      "-Y", "tlsexplain.step == 2")
        self.assertIn(
            "        [Explanation (English)]\n"
            "            Alert (fatal): the sender reports an error and aborts the handshake or "
            "connection at once; neither \n"
            "            side may go on with it, and its session may not be resumed. The "
            "description says why.\n        [Time since", tree)
        self.assertIn("The description says why. Handshake \n            Failure (40): ", tree)


if __name__ == "__main__":
    unittest.main()
