"""Integration tests: the real tshark, the plugin just built, the bundled samples.

Each test reads like a user's session: run tshark on a capture, look at the
fields.  Times are checked against the frames' own time stamps, to the
nanosecond, without trusting the plugin's arithmetic.
"""

import re
import struct
import unicodedata
import unittest

import tshark_session as ts

STEP_FIELDS = [
    "tlsexplain.handshake",
    "tlsexplain.step",
    "tlsexplain.direction",
    "tlsexplain.message",
    "tlsexplain.handshake_type",
    "tlsexplain.curl",
    "tlsexplain.explain.zh",
    "tlsexplain.explain.en",
    "tlsexplain.time.since_prev",
    "tlsexplain.time.since_peer",
    "tlsexplain.time.since_start",
    "tlsexplain.encrypted",
]

# The document's ten steps: (direction, message, handshake type, curl line).
# No curl of today (7.88, 8) prints the server's Change Cipher Spec in TLS
# 1.2, which the document's older curl showed: tlsexplain.curl is absent.
DOCUMENT_STEPS = [
    ("OUT", "Client Hello", 1, "TLSv1.2 (OUT), TLS handshake, Client hello (1):"),
    ("IN", "Server Hello", 2, "TLSv1.2 (IN), TLS handshake, Server hello (2):"),
    ("IN", "Certificate", 11, "TLSv1.2 (IN), TLS handshake, Certificate (11):"),
    ("IN", "Server Key Exchange", 12, "TLSv1.2 (IN), TLS handshake, Server key exchange (12):"),
    ("IN", "Server Hello Done", 14, "TLSv1.2 (IN), TLS handshake, Server finished (14):"),
    ("OUT", "Client Key Exchange", 16, "TLSv1.2 (OUT), TLS handshake, Client key exchange (16):"),
    ("OUT", "Change Cipher Spec", None, "TLSv1.2 (OUT), TLS change cipher, Change cipher spec (1):"),
    ("OUT", "Finished", 20, "TLSv1.2 (OUT), TLS handshake, Finished (20):"),
    ("IN", "Change Cipher Spec", None, None),
    ("IN", "Finished", 20, "TLSv1.2 (IN), TLS handshake, Finished (20):"),
]

RESUMED_STEPS = [
    ("OUT", "Client Hello", 1, "TLSv1.2 (OUT), TLS handshake, Client hello (1):"),
    ("IN", "Server Hello", 2, "TLSv1.2 (IN), TLS handshake, Server hello (2):"),
    ("IN", "Change Cipher Spec", None, None),
    ("IN", "Finished", 20, "TLSv1.2 (IN), TLS handshake, Finished (20):"),
    ("OUT", "Change Cipher Spec", None, "TLSv1.2 (OUT), TLS change cipher, Change cipher spec (1):"),
    ("OUT", "Finished", 20, "TLSv1.2 (OUT), TLS handshake, Finished (20):"),
]

TLS13_STEPS = [
    ("OUT", "Client Hello", 1, "TLSv1.3 (OUT), TLS handshake, Client hello (1):"),
    ("IN", "Server Hello", 2, "TLSv1.3 (IN), TLS handshake, Server hello (2):"),
    ("IN", "Change Cipher Spec", None, "TLSv1.3 (IN), TLS change cipher, Change cipher spec (1):"),
    ("IN", "Encrypted Extensions", 8, "TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):"),
    ("IN", "Certificate", 11, "TLSv1.3 (IN), TLS handshake, Certificate (11):"),
    ("IN", "Certificate Verify", 15, "TLSv1.3 (IN), TLS handshake, CERT verify (15):"),
    ("IN", "Finished", 20, "TLSv1.3 (IN), TLS handshake, Finished (20):"),
    ("OUT", "Change Cipher Spec", None, "TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):"),
    ("OUT", "Finished", 20, "TLSv1.3 (OUT), TLS handshake, Finished (20):"),
]


def steps_of(capture, *extra, alerts=False):
    """One dict per step (or post-handshake message), in capture order, read
    from tshark's PDML so that each step's fields stay together.  Alerts after
    the handshake (the samples' connections end with one) only when asked."""
    steps = []
    for frame, step_fields in ts.pdml_steps(capture, *extra):
        if not alerts and "tlsexplain.step" not in step_fields and \
                step_fields["tlsexplain.message"] in ("Alert", "Encrypted Alert"):
            continue
        s = {"frame": int(frame["frame.number"]), "time": ts.ns(frame["frame.time_epoch"])}
        f = step_fields
        s["handshake"] = int(f["tlsexplain.handshake"])
        s["step"] = int(f["tlsexplain.step"]) if "tlsexplain.step" in f else None
        s["direction"] = f["tlsexplain.direction"]
        s["message"] = f["tlsexplain.message"]
        s["type"] = int(f["tlsexplain.handshake_type"]) if "tlsexplain.handshake_type" in f else None
        s["curl"] = f.get("tlsexplain.curl")
        s["curl_none"] = f.get("tlsexplain.curl_none")
        s["zh"] = f["tlsexplain.explain.zh"]
        s["en"] = f["tlsexplain.explain.en"]
        s["since_prev"] = ts.ns(f["tlsexplain.time.since_prev"])
        s["since_start"] = ts.ns(f["tlsexplain.time.since_start"])
        if "tlsexplain.time.since_peer" in f:
            s["since_peer"] = ts.ns(f["tlsexplain.time.since_peer"])
        # PDML shows a boolean as 1/0 up to 4.2, as True/False from 4.4 on.
        s["encrypted"] = f["tlsexplain.encrypted"] in ("1", "True")
        steps.append(s)
    if any(s["step"] is None for s in steps):
        add_peer_records(steps, record_frames(capture, *extra))
    return steps


def record_frames(capture, *extra):
    """(frame, time in ns, sender "address port") of every frame that holds a
    TLS or DTLS record or a QUIC packet, whatever it carries: application
    data too."""
    out = ts.run("-r", ts.sample(capture), "-Y", "tls.record or dtls.record or quic",
                 "-T", "fields", "-e", "frame.number", "-e", "frame.time_epoch",
                 "-e", "ip.src", "-e", "ipv6.src", "-e", "tcp.srcport", "-e", "udp.srcport",
                 *extra)
    frames = []
    for line in out.splitlines():
        number, time, ip, ip6, tcp, udp = line.split("\t")
        frames.append((int(number), ts.ns(time), f"{ip or ip6} {tcp or udp}"))
    return frames


def add_peer_records(steps, records):
    """Gives each post-handshake message the time of its peer's last record
    before it ("peer_record"): the wait before a message after the handshake
    counts from there, application data included.  Senders are told apart by
    the steps' own frames."""
    direction_of = {}
    frame_of = {s["frame"]: s for s in steps}
    for number, _, sender in records:
        if number in frame_of:
            direction_of.setdefault(sender, frame_of[number]["direction"])
    for s in steps:
        if s["step"] is not None:
            continue
        peer = "IN" if s["direction"] == "OUT" else "OUT"
        before = [t for number, t, sender in records
                  if number < s["frame"] and direction_of.get(sender) == peer]
        if before:
            s["peer_record"] = before[-1]
    return steps


def info_column(capture, *extra):
    """The Info column of the frames that tshark prints, as its summary line
    shows it.  Not the _ws.col.Info field: from 4.4 on it is filled before
    post-dissectors run, so it lacks what the plugin appends."""
    return ts.run("-r", ts.sample(capture), "-o", 'gui.column.format:"Info","%i"', *extra)


def keylog(name):
    return ("-o", "tls.keylog_file:" + ts.sample(name))


class Timing:
    """Times recomputed from the frames' time stamps, to the nanosecond."""

    def check_times(self, steps):
        by_hs = {}
        for s in steps:
            by_hs.setdefault(s["handshake"], []).append(s)
        for hs in by_hs.values():
            start = hs[0]["time"]
            prev = None
            last = {}
            for s in hs:
                self.assertEqual(s["since_start"], s["time"] - start, s)
                self.assertEqual(s["since_prev"], 0 if prev is None else s["time"] - prev, s)
                peer = "IN" if s["direction"] == "OUT" else "OUT"
                if "peer_record" in s:
                    self.assertEqual(s.get("since_peer"), s["time"] - s["peer_record"], s)
                elif peer in last:
                    self.assertEqual(s.get("since_peer"), s["time"] - last[peer], s)
                else:
                    self.assertNotIn("since_peer", s)
                prev = s["time"]
                last[s["direction"]] = s["time"]


class DocumentCase(unittest.TestCase, Timing):
    """The reference document's handshake: TLS 1.2, ECDHE-RSA-AES128-GCM-SHA256."""

    CAP = "tls12-doc.pcapng"
    FRAMES = [4, 6, 6, 6, 6, 8, 8, 8, 9, 9]

    @classmethod
    def setUpClass(cls):
        keys = keylog("tls12-doc.keys")
        ts.prefetch([(cls.CAP,), (cls.CAP, *keys), (cls.CAP, "-2"), (cls.CAP, "-2", *keys)])
        ts.warm([("-r", ts.sample(cls.CAP), "-O", "tlsexplain", *passes, *extra)
                 for passes in ((), ("-2",)) for extra in ((), keys)])

    def assert_document_steps(self, steps, encrypted_finished):
        self.assertEqual(len(steps), 10)
        self.assertEqual([s["frame"] for s in steps], self.FRAMES)
        for i, (s, (direction, message, hs_type, curl)) in enumerate(zip(steps, DOCUMENT_STEPS)):
            self.assertEqual(s["handshake"], 1)
            self.assertEqual(s["step"], i + 1)
            self.assertEqual(s["direction"], direction)
            self.assertEqual(s["message"], message)
            self.assertEqual(s["type"], hs_type)
            self.assertEqual(s["curl"], curl)
            self.assertEqual(s["encrypted"], encrypted_finished and message == "Finished")
        self.check_times(steps)

    def test_ten_steps_without_keys(self):
        self.assert_document_steps(steps_of(self.CAP), encrypted_finished=True)

    def test_ten_steps_with_key_log(self):
        self.assert_document_steps(steps_of(self.CAP, *keylog("tls12-doc.keys")),
                                   encrypted_finished=False)

    def test_fields_output_as_in_the_issue(self):
        out = ts.run("-r", ts.sample(self.CAP), "-Y", "tlsexplain", "-T", "fields",
                     "-e", "tlsexplain.step", "-e", "tlsexplain.direction",
                     "-e", "tlsexplain.message")
        rows = [line.split("\t") for line in out.splitlines()]
        flat = []
        for step, direction, message in rows:
            flat += zip(step.split(","), direction.split(","), message.split(","))
        # The server closes the connection with an alert after the handshake:
        # annotated as a post-handshake message, without a step.
        self.assertEqual(flat, [(str(i + 1), d, m)
                                for i, (d, m, _, _) in enumerate(DOCUMENT_STEPS)]
                         + [("", "IN", "Encrypted Alert")])

    def test_two_passes_and_one_pass_agree(self):
        # Only the plugin's tree: TCP's own conversation completeness differs
        # between one pass and two.
        for extra in ((), keylog("tls12-doc.keys")):
            one = ts.run("-r", ts.sample(self.CAP), "-O", "tlsexplain", *extra)
            two = ts.run("-r", ts.sample(self.CAP), "-O", "tlsexplain", "-2", *extra)
            # Only two passes know, on the steps before the last, the frame
            # that will hold the summary; each frame shows it once.
            link = "        [Summary in frame: 9]"
            mine = [l for l in one.splitlines() if l.startswith(" ") or "Explainer" in l]
            theirs = [l for l in two.splitlines() if l.startswith(" ") or "Explainer" in l]
            self.assertEqual(mine.count(link), 2)  # frame 9, the closing alert's frame 14
            self.assertEqual(theirs.count(link), 5)  # frames 4, 6, 8, 9 and 14
            # ... and the time to the first application data, which comes later.
            late = "        [Time to application data: "
            self.assertEqual(sum(l.startswith(late) for l in theirs), 1)
            self.assertEqual([l for l in mine if l != link],
                             [l for l in theirs if l != link and not l.startswith(late)])
            self.assertIn("    Step 10: Finished [IN]", mine)
            self.assertEqual(steps_of(self.CAP, *extra), steps_of(self.CAP, "-2", *extra))

    def test_curl_prints_the_same_lines(self):
        """curl -v's own lines from the session in the capture are ours, in
        the same order; the server's Change Cipher Spec has none, and says
        why."""
        with open(ts.sample("tls12-doc.curl.txt"), encoding="utf-8") as f:
            curl = [l[2:].strip() for l in f if l.startswith("* TLSv")]
        steps = steps_of(self.CAP)
        self.assertTrue(curl)
        self.assertEqual([s["curl"] for s in steps if s["curl"]], curl)
        self.assertEqual([(s["step"], s["curl_none"]) for s in steps if not s["curl"]],
                         [(9, "curl prints no line for the server's Change Cipher Spec in "
                              "TLS 1.0 to 1.2")])

    def test_explanations_follow_the_document(self):
        steps = steps_of(self.CAP)
        self.assertTrue(steps[0]["zh"].startswith("Client Hello，客户端选出自身支持的 TLS 版本号"))
        self.assertIn("可复用", steps[0]["zh"])
        self.assertIn("Server Hello Done", steps[4]["zh"])
        self.assertIn("Server finished", steps[4]["en"])
        for s in steps:
            self.assertTrue(s["zh"] and s["en"])

    def test_filter_selects_the_server_answers(self):
        out = ts.run("-r", ts.sample(self.CAP), "-Y",
                     'tlsexplain.direction == "IN" && tlsexplain.time.since_peer > 0',
                     "-T", "fields", "-e", "frame.number")
        want = sorted({s["frame"] for s in steps_of(self.CAP, alerts=True)
                       if s["direction"] == "IN" and s.get("since_peer", 0) > 0})
        self.assertEqual([int(x) for x in out.split()], want)
        self.assertTrue(want)

    def test_info_column(self):
        """One note per flight, naming only what Wireshark's Info does not
        (the Finished it shows as an encrypted message without the key log)."""
        out = info_column(self.CAP, "-Y", "tlsexplain").splitlines()
        self.assertEqual(without_sni(out), [
            "Client Hello [Step 1 OUT]",
            "Server Hello, Certificate, Server Key Exchange, Server Hello Done "
            "[Steps 2–5 IN +0.007 s]",
            "Client Key Exchange, Change Cipher Spec, Encrypted Handshake Message "
            "[Steps 6–8 OUT +0.001 s, 8: Finished]",
            "Change Cipher Spec, Encrypted Handshake Message [Steps 9–10 IN +0.001 s, 10: Finished]",
            "Encrypted Alert [Post-handshake IN +4.995 s]",
        ])
        self.assertLessEqual(max(len(l.strip()) for l in out), 120)
        keys = info_column(self.CAP, *keylog("tls12-doc.keys"), "-Y", "tlsexplain.step == 8")
        self.assertEqual(keys.strip(), "Client Key Exchange, Change Cipher Spec, Finished "
                                       "[Steps 6–8 OUT +0.001 s]")
        # The long form: a note per step, each naming its message.
        long = info_column(self.CAP, "-o", "tlsexplain.info_long:TRUE",
                           "-Y", "tlsexplain.step == 2")
        self.assertEqual(long.strip(), "Server Hello, Certificate, Server Key Exchange, Server "
                         "Hello Done [Step 2 IN Server Hello +0.007 s] [Step 3 IN Certificate "
                         "+0.007 s] [Step 4 IN Server Key Exchange +0.007 s] [Step 5 IN Server "
                         "Hello Done +0.007 s]")
        off = info_column(self.CAP, "-o", "tlsexplain.info_column:FALSE",
                          "-Y", "tlsexplain.step == 2")
        self.assertNotIn("[Step", off)
        self.assertIn("Server Hello", off)
        zh = info_column(self.CAP, "-o", "tlsexplain.language:zh", "-Y", "tlsexplain.step <= 2")
        self.assertEqual(without_sni(zh.splitlines()), [
            "Client Hello [第1步 OUT]",
            "Server Hello, Certificate, Server Key Exchange, Server Hello Done "
            "[第2–5步 IN +0.007 s]",
        ])
        zh_long = info_column(self.CAP, "-o", "tlsexplain.language:zh",
                              "-o", "tlsexplain.info_long:TRUE", "-Y", "tlsexplain.step == 1")
        self.assertIn("[第1步 OUT Client Hello]", zh_long)

    def test_explanation_lines(self):
        """Each explanation once: a row that says what it is, and under it the
        whole text in lines of at most 100 columns (a Chinese character takes
        two) plus a short tail, broken after spaces or Chinese punctuation,
        short texts as long ones."""
        rows = ts.run("-r", ts.sample(self.CAP), "-V", "-Y", "frame.number == 6").split("\n")
        values = ts.run("-r", ts.sample(self.CAP), "-Y", "frame.number == 6", "-T", "fields",
                        "-E", "aggregator=|", "-e", "tlsexplain.explain.zh",
                        "-e", "tlsexplain.explain.en").rstrip("\n").split("\t")
        chinese_per_line = []
        for lang, field_values in (("Chinese", values[0]), ("English", values[1])):
            texts = field_values.split("|")
            self.assertEqual(len(texts), 4, lang)
            heads = [i for i, r in enumerate(rows)
                     if r.lstrip().startswith(f"[Explanation ({lang})")]
            self.assertEqual(len(heads), 4, lang)  # the frame's four steps
            for at, text in zip(heads, texts):
                indent = len(rows[at]) - len(rows[at].lstrip()) + 4
                lines = []
                for r in rows[at + 1:]:
                    if not r.startswith(" " * indent):
                        break
                    lines.append(r[indent:])
                self.assertEqual(rows[at].strip(), f"[Explanation ({lang})]")
                self.assertEqual("".join(lines), text)
                widths = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
                          for line in lines]
                self.assertLessEqual(max(widths), 112, lines)
                for line in lines[:-1]:
                    self.assertRegex(line, r"(\s|，|。|；)$")
                if lang == "Chinese":
                    chinese_per_line += [sum(unicodedata.east_asian_width(c) in "WF"
                                             for c in line) for line in lines]
        # Up to 50 Chinese characters a line, not the 33 that 100 bytes hold.
        self.assertGreater(max(chinese_per_line), 34)

    def test_disabled_protocol(self):
        """Disabled, the plugin adds nothing (and asks Wireshark for no field,
        so that it costs nothing: bench/RESULTS.md measures that)."""
        off = ("--disable-protocol", "tlsexplain")
        self.assertEqual(ts.run("-r", ts.sample(self.CAP), *off, "-Y", "tlsexplain").strip(), "")
        info = ts.run("-r", ts.sample(self.CAP), *off)
        self.assertIn("Client Hello", info)
        self.assertNotIn("[Step", info)

    def test_language_preference(self):
        en = ts.run("-r", ts.sample(self.CAP), "-o", "tlsexplain.language:en", "-V",
                    "-Y", "tlsexplain.step == 1")
        self.assertIn("[Explanation (English)]", en)
        self.assertNotIn("[Explanation (Chinese)", en)
        zh = ts.run("-r", ts.sample(self.CAP), "-o", "tlsexplain.language:zh", "-V",
                    "-Y", "tlsexplain.step == 1")
        # With zh the labels are Chinese too: the step's and the explanation's.
        self.assertIn("    第 1 步：Client Hello [OUT]\n        [curl -v line: TLSv1.2 (OUT), TLS "
                      "handshake, Client hello (1):]\n        [中文解释]\n", zh)
        self.assertNotIn("[英文解释", zh)
        self.assertNotIn("[Explanation (", zh)
        # The hidden language stays filterable.
        hit = ts.run("-r", ts.sample(self.CAP), "-o", "tlsexplain.language:en",
                     "-Y", 'tlsexplain.explain.zh contains "可复用"', "-T", "fields",
                     "-e", "tlsexplain.step")
        self.assertEqual(hit.split(), ["1"])


def without_sni(lines):
    """Info lines, stripped, less the " (SNI=...)" that Wireshark 4.2 and
    later add to a Client Hello's Info."""
    return [re.sub(r" \(SNI=[^)]*\)", "", line.strip()) for line in lines]


class Fragmented(unittest.TestCase, Timing):
    """The document's case with the server's records cut to 512 bytes, so that
    Wireshark reassembles the Certificate from two records: in one frame
    between the Server Hello and the Server Key Exchange (tls12-records), and
    over a 576-byte MTU from several TCP segments too (tls12-fragmented).  The
    Certificate is annotated once, in the frame where Wireshark shows it, and
    in wire order."""

    CASES = {
        "tls12-records": [4, 6, 6, 6, 6, 8, 8, 8, 9, 9],
        "tls12-fragmented": [4, 6, 8, 10, 10, 12, 12, 12, 13, 13],
    }

    def test_same_ten_steps_where_wireshark_shows_them(self):
        for name, frames in self.CASES.items():
            for extra, encrypted in (((), True), (keylog(name + ".keys"), False)):
                with self.subTest(capture=name, keys=not encrypted):
                    steps = steps_of(name + ".pcapng", *extra)
                    self.assertEqual([s["frame"] for s in steps], frames)
                    self.assertEqual([(s["direction"], s["message"], s["type"], s["curl"])
                                      for s in steps], DOCUMENT_STEPS)
                    self.assertEqual([s["step"] for s in steps], list(range(1, 11)))
                    self.assertEqual([s["encrypted"] for s in steps],
                                     [encrypted and s["message"] == "Finished" for s in steps])
                    self.check_times(steps)

    def test_wireshark_reassembled_the_certificate(self):
        for name, frames in self.CASES.items():
            out = ts.run("-r", ts.sample(name + ".pcapng"), "-Y", "tls.handshake.type == 11",
                         "-T", "fields", "-e", "frame.number",
                         "-e", "tls.handshake.fragment.count")
            self.assertEqual(out.split(), [str(frames[2]), "2"])


class Tls13(unittest.TestCase, Timing):
    CAP = "tls13-full.pcapng"

    def test_each_decrypted_message_is_a_step(self):
        steps = steps_of(self.CAP, *keylog("tls13-full.keys"))
        hs = [s for s in steps if s["step"] is not None]
        self.assertEqual([(s["direction"], s["message"], s["type"], s["curl"]) for s in hs],
                         TLS13_STEPS)
        self.assertEqual([s["step"] for s in hs], list(range(1, len(TLS13_STEPS) + 1)))
        self.assertFalse(any(s["encrypted"] for s in steps))
        post = [s for s in steps if s["step"] is None]
        self.assertTrue(post, "OpenSSL sends session tickets after the handshake")
        for s in post:
            self.assertEqual((s["direction"], s["message"]), ("IN", "New Session Ticket"))
        self.check_times(steps)

    def test_without_keys_encrypted_records_are_steps(self):
        steps = steps_of(self.CAP)
        names = [(s["direction"], s["message"]) for s in steps]
        self.assertEqual(names[:3], [("OUT", "Client Hello"), ("IN", "Server Hello"),
                                     ("IN", "Change Cipher Spec")])
        enc = [s for s in steps if s["message"] == "Encrypted handshake message"]
        self.assertTrue(all(s["encrypted"] and s["curl"] is None for s in enc))
        self.assertEqual(names[-2:], [("OUT", "Change Cipher Spec"),
                                      ("OUT", "Encrypted handshake message")])
        self.assertTrue(all(d == "IN" for d, m in names[3:-2]))
        self.assertIn("key log", enc[0]["en"])
        self.check_times(steps)

    def test_curl_prints_the_same_lines(self):
        with open(ts.sample("tls13-full.curl.txt"), encoding="utf-8") as f:
            curl = [l[2:].strip() for l in f if l.startswith("* TLSv1.3")]
        ours = [s["curl"] for s in steps_of(self.CAP, *keylog("tls13-full.keys"))]
        self.assertEqual([l for l in ours if l in curl], curl)


class Resumption(unittest.TestCase, Timing):
    CAP = "tls12-resume.pcapng"

    def test_full_then_abbreviated(self):
        for extra in ((), keylog("tls12-resume.keys")):
            steps = steps_of(self.CAP, *extra)
            first = [s for s in steps if s["handshake"] == 1]
            second = [s for s in steps if s["handshake"] == 2]
            self.assertEqual([(s["direction"], s["message"], s["type"], s["curl"])
                              for s in first], DOCUMENT_STEPS)
            self.assertEqual([(s["direction"], s["message"], s["type"], s["curl"])
                              for s in second], RESUMED_STEPS)
            self.assertEqual([s["step"] for s in second], [1, 2, 3, 4, 5, 6])
            self.assertEqual(len(steps), 16)
            self.check_times(steps)


def pcap_records(data):
    """A little-endian pcap file as (header, [records])."""
    off, recs = 24, []
    while off < len(data):
        incl = struct.unpack_from("<I", data, off + 8)[0]
        recs.append(data[off:off + 16 + incl])
        off += 16 + incl
    return data[:24], recs


def delayed(rec, usec):
    sec, frac = struct.unpack_from("<II", rec, 0)
    frac += usec
    return struct.pack("<II", sec + frac // 1000000, frac % 1000000) + rec[8:]


@ts.generated()
def retransmitted():
    """The document's case, its Client Hello (frame 4) and the server's flight
    (frame 6) each sent twice."""
    ts.editcap("tls12-doc.pcapng", "doc.pcap", "-F", "pcap")
    with open(ts.sample("doc.pcap"), "rb") as f:
        head, recs = pcap_records(f.read())
    recs = recs[:4] + [delayed(recs[3], 1)] + recs[4:6] + [delayed(recs[5], 1)] + recs[6:]
    return ts.derived("retransmitted.pcap", head + b"".join(recs))


@ts.generated()
def from_server_hello():
    """The document's case from the server's first flight on."""
    return ts.editcap("tls12-doc.pcapng", "from-server-hello.pcapng", "-r", frames=["6-1000"])


SNAP_LENGTHS = ("60", "100", "300")


@ts.generated(ts.keys("tls12-doc.keys"), params=[(n,) for n in SNAP_LENGTHS])
def snapped(snap):
    """The document's case, its frames cut at snap bytes."""
    return ts.editcap("tls12-doc.pcapng", f"snap{snap}.pcapng", "-s", snap)


class OddCaptures(unittest.TestCase):
    """Captures a user meets that the samples are not: never a crash, never
    a wrong step count."""

    def test_retransmitted_segments_add_no_step(self):
        steps = steps_of(retransmitted())
        self.assertEqual([(s["direction"], s["message"]) for s in steps],
                         [(d, m) for d, m, _, _ in DOCUMENT_STEPS])
        self.assertEqual([s["frame"] for s in steps], [4, 7, 7, 7, 7, 10, 10, 10, 11, 11])

    def test_capture_starting_mid_handshake(self):
        steps = steps_of(from_server_hello())
        self.assertEqual([(s["step"], s["direction"], s["message"]) for s in steps],
                         [(i + 1, d, m) for i, (d, m, _, _) in enumerate(DOCUMENT_STEPS[1:])])

    def test_truncated_frames(self):
        for snap in SNAP_LENGTHS:
            cap = snapped(snap)
            out = ts.run("-r", ts.sample(cap), "-V", *keylog("tls12-doc.keys"))
            self.assertIn("Frame 9", out)
            for s in steps_of(cap):
                self.assertIn(s["direction"], ("OUT", "IN"))


class Registration(unittest.TestCase):
    def test_fields_are_listed_with_descriptions(self):
        out = ts.run("-G", "fields")
        rows = {r[2]: r for r in (l.split("\t") for l in out.splitlines())
                if len(r) > 2 and r[0] == "F" and r[2].startswith("tlsexplain.")}
        for name in STEP_FIELDS:
            self.assertIn(name, rows)
            self.assertTrue(rows[name][-1].strip(), f"{name} has no description")
        protos = ts.run("-G", "protocols")
        self.assertIn("TLS Handshake Explainer\tTLS Handshake Explainer\ttlsexplain", protos)

    def test_handshake_types_are_named_from_the_message_table(self):
        # The field's value names are filled from the plugin's message table
        # at registration: in numeric order, with the types Wireshark 4.0's
        # own list names otherwise (21, 67) or not at all (254).
        rows = [l.split("\t") for l in ts.run("-G", "values").splitlines()]
        vals = [(int(r[2]), r[3]) for r in rows
                if len(r) == 4 and r[:2] == ["V", "tlsexplain.handshake_type"]]
        self.assertEqual([v for v, _ in vals], sorted({v for v, _ in vals}))
        names = dict(vals)
        self.assertEqual(names[2], "Server Hello")
        self.assertEqual(names[6], "Hello Retry Request")
        self.assertEqual(names[21], "Certificate URL")
        self.assertEqual(names[25], "Compressed Certificate")
        self.assertEqual(names[67], "Next Protocol")
        self.assertEqual(names[254], "Message Hash")

    def test_plugin_is_loaded_from_the_build(self):
        rows = [l.split("\t") for l in ts.run("-G", "plugins").splitlines()
                if l.startswith("tlsexplain.so")]
        self.assertEqual(len(rows), 1, "exactly one tlsexplain.so, the one just built")
        self.assertTrue(rows[0][-1].startswith(ts.plugin_dir()), rows[0])
        version, kind = (c.strip() for c in rows[0][1:3])
        self.assertEqual((version, kind), (ts.PLUGIN_VERSION, "dissector"))


def tearDownModule():
    ts.cleanup()


if __name__ == "__main__":
    unittest.main()
