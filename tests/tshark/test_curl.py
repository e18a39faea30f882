"""The transcript against real curl: for every session in samples/curl/
(curl 7.88 and curl 8 against openssl s_server, made by
samples/make-curl-transcripts.sh), tshark -z tlsexplain,trace,curl7 or
,curl8 with the session's key log writes the TLS lines that curl printed,
line for line and in curl's order.

curl's stderr holds more than the handshake.  What a capture cannot know is
listed once, below, in UNKNOWABLE: each entry says why.  Every other line
that starts like a TLS line must be in the trace.
"""

import glob
import os
import re
import unittest

import tshark_session as ts

CURL_DIR = os.path.join(ts.SAMPLES_SRC, "curl")

# The lines of curl's stderr that are about TLS: the per-message lines, the
# closing line, ALPN, and the Server certificate block (indented lines).
TLS_LINE = re.compile(r"^(TLSv1(\.\d)? \((IN|OUT)\), .*|SSL connection using .*|ALPN: .*"
                      r"|Server certificate:|\s+\S.*|SSL certificate .*|OpenSSL verify .*)$")

# curl's lines that a capture cannot know, with the reason.  They are
# dropped from curl's side before the comparison.
UNKNOWABLE = [
    # Where curl looks for trust anchors: its own configuration.
    (re.compile(r"^(SSL Trust Anchors:|\s+CAfile: .*|\s+CApath: .*)$"), "curl's configuration"),
    # The client's verdict on the certificate chain: curl's and OpenSSL's
    # decision with the trust anchors, never on the wire.
    (re.compile(r"^\s+SSL certificate verify ok\.$"), "the client's verdict"),
    (re.compile(r"^OpenSSL verify result: .*$"), "the client's verdict"),
    (re.compile(r"^SSL certificate verified via OpenSSL\.$"), "the client's verdict"),
    (re.compile(r"^SSL certificate (problem|OpenSSL verify result): .*$"), "the client's verdict"),
]

# Lines of the trace that one session's curl did not print, because of a
# verdict of its own the capture cannot know: curl 8 finished the handshake
# with an unknown CA, then failed the verification and closed without
# reading the server's tickets (curl 7.88, which rejects the certificate as
# it reads it, sends unknown_ca: that the trace knows).
NOT_READ = {
    ("tls13-unknown-ca", "curl8"): ["TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):"] * 2,
}

# A resumed handshake carries no certificate: curl prints the block of the
# session it resumed, which the trace says it cannot show.
CERT_BLOCK = re.compile(r"^(Server certificate:|\s+(subject|start date|expire date|issuer|"
                        r"subjectAltName|Certificate level \d+)[ :].*)$")

# Lines the plugin does not write yet, in one place so that the test fails
# once they are written.  curl 8's "Certificate level 0" line is written;
# the levels after it (the rest of the chain curl checked) are not, and the
# trace says so, but every sample's server sends one self-signed
# certificate, so no transcript here has one: the list is empty.
NOT_YET = []


def curl_lines(path):
    """curl's TLS lines in a transcript, less what a capture cannot know,
    one list per connection (each starts with curl's "Trying" line)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.startswith("* "):
                continue
            body = line[2:]
            if re.match(r"^\s+Trying ", body):
                out.append([])
                continue
            if not TLS_LINE.match(body):
                continue
            if any(p.match(body) for p, _ in UNKNOWABLE):
                continue
            if any(p.match(body) for p in NOT_YET):
                continue
            out[-1].append(body)
    return out


def trace_lines(capture, keys, dialect):
    """The curl lines of the plugin's transcript in a dialect ("curl7"),
    one list per handshake; and whether each handshake was resumed."""
    text = ts.run("-r", ts.sample(capture), *ts.keys(keys), "-q", "-z",
                  "tlsexplain,trace," + dialect)
    out, resumed = [], []
    for line in text.splitlines():
        if re.match(r"^Handshake \d+: ", line):
            out.append([])
            resumed.append(False)
        if line.startswith("(Server certificate: none in a resumed handshake;"):
            resumed[-1] = True
        m = re.match(r"^(?:    )?\* (.*)$", line)
        if m:
            out[-1].append(m.group(1))
    return out, resumed


def sessions():
    """(case, dialect) of every transcript, e.g. ("tls13-hrr", "curl8")."""
    out = []
    for path in sorted(glob.glob(os.path.join(CURL_DIR, "*.txt"))):
        case, dialect = os.path.basename(path)[:-len(".txt")].rsplit(".", 1)
        out.append((case, dialect))
    return out


class RealCurl(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ts.warm([("-r", ts.sample(f"curl/{c}.{d}.pcapng"), *ts.keys(f"curl/{c}.{d}.keys"), "-q",
                  "-z", "tlsexplain,trace," + d) for c, d in sessions()])

    def test_every_case_both_curls(self):
        cases = {c for c, _ in sessions()}
        self.assertEqual(cases, {
            "tls12-offer13", "tls12-max12", "tls12-rsa", "tls12-resume", "tls13-full",
            "tls13-hrr", "tls13-resume", "tls13-clientauth", "tls13-unknown-ca",
            "tls12-no-cipher", "tls10"})
        self.assertEqual(len(sessions()), 2 * len(cases))

    def test_trace_is_curls_lines(self):
        for case, dialect in sessions():
            with self.subTest(case=case, dialect=dialect):
                want = curl_lines(os.path.join(CURL_DIR, f"{case}.{dialect}.txt"))
                got, resumed = trace_lines(f"curl/{case}.{dialect}.pcapng",
                                           f"curl/{case}.{dialect}.keys", dialect)
                self.assertEqual(len(got), len(want))
                for i, was_resumed in enumerate(resumed):
                    if was_resumed:
                        want[i] = [l for l in want[i] if not CERT_BLOCK.match(l)]
                for line in NOT_READ.get((case, dialect), []):
                    got[-1].remove(line)
                self.assertEqual(got, want)

    def test_the_other_dialect_differs(self):
        """The dialects are not the same lines: curl 7.88's trace of a TLS 1.3
        session has no server CCS, curl 8's closing line has the group."""
        c7 = trace_lines("curl/tls13-full.curl8.pcapng", "curl/tls13-full.curl8.keys", "curl7")[0][0]
        c8 = trace_lines("curl/tls13-full.curl8.pcapng", "curl/tls13-full.curl8.keys", "curl8")[0][0]
        self.assertNotIn("TLSv1.3 (IN), TLS change cipher, Change cipher spec (1):", c7)
        self.assertIn("TLSv1.3 (IN), TLS change cipher, Change cipher spec (1):", c8)
        self.assertIn("SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384", c7)
        self.assertIn("SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS",
                      c8)


# The document's capture moved in time: the server's certificate (valid
# from Nov 2026 for ten years) expired, and not yet valid.
YEAR = 365 * 86400


@ts.generated(("-o", "tls.keylog_file:samples/tls12-doc.keys"),
              params=(("doc-2047.pcapng", 20 * YEAR), ("doc-2016.pcapng", -10 * YEAR)))
def doc_moved(name, secs):
    return ts.editcap("tls12-doc.pcapng", name, "-t", str(secs))


@ts.generated()
def two_servers():
    """Two servers with certificates of their own, one capture after the other."""
    out = ts.sample("two-servers.pcapng")
    ts.run_tool("mergecap", "-a", "-w", out, ts.sample("curl/tls10.curl7.pcapng"),
                ts.sample("advice-legacy-cbc.pcapng"))
    return "two-servers.pcapng"


def summary_of(capture, *extra):
    """The first handshake's summary fields."""
    return ts.pdml_summaries(capture, "-2", *extra)[0][1]


def cert_experts(capture, *extra):
    return sorted((frame, name, message) for frame, infos in
                  ts.pdml_experts(capture, "-2", *extra).items()
                  for name, message in infos if name.startswith("tlsexplain.cert_"))


class Certificate(unittest.TestCase):
    """The server's certificate in the summary, and the expert warnings."""

    def test_summary_fields(self):
        f = summary_of(ts.sample("curl/tls12-offer13.curl8.pcapng"),
                       *ts.keys("curl/tls12-offer13.curl8.keys"))
        self.assertEqual(f["tlsexplain.cert.subject"], "CN=q.shanyue.test")
        self.assertEqual(f["tlsexplain.cert.issuer"], "CN=q.shanyue.test")
        # tshark 4.6 prints absolute times in ISO 8601, earlier ones as below.
        self.assertIn(f["tlsexplain.cert.not_before"], ("Dec  7, 2026 07:16:14.000000000 UTC",
                                                        "2026-12-07T07:16:14.000000000Z"))
        self.assertIn(f["tlsexplain.cert.not_after"], ("Dec  4, 2036 07:16:14.000000000 UTC",
                                                       "2036-12-04T07:16:14.000000000Z"))
        self.assertIn(f["tlsexplain.cert.san_match"], ("1", "True"))
        self.assertEqual(cert_experts(ts.sample("curl/tls12-offer13.curl8.pcapng"),
                                      *ts.keys("curl/tls12-offer13.curl8.keys")), [])

    def test_each_server_its_own_certificate(self):
        """A certificate is read once per capture and shared by the handshakes
        that meet it again; another server's stays its own."""
        alone = [summary_of(ts.sample(name))["tlsexplain.cert.not_before"]
                 for name in ("curl/tls10.curl7.pcapng", "advice-legacy-cbc.pcapng")]
        self.assertNotEqual(alone[0], alone[1])
        both = [f.get("tlsexplain.cert.not_before")
                for _, f in ts.pdml_summaries(two_servers(), "-2")]
        self.assertEqual(both, alone)

    def test_tls13_certificate_needs_the_key_log(self):
        cap = ts.sample("curl/tls13-full.curl8.pcapng")
        self.assertNotIn("tlsexplain.cert.subject", summary_of(cap))
        self.assertEqual(summary_of(cap, *ts.keys("curl/tls13-full.curl8.keys"))[
            "tlsexplain.cert.subject"], "CN=q.shanyue.test")

    def test_expired_and_not_yet_valid(self):
        keys = ("-o", "tls.keylog_file:" + ts.sample("tls12-doc.keys"))
        late = cert_experts(ts.sample(doc_moved("doc-2047.pcapng", 20 * YEAR)), *keys)
        self.assertEqual([(name, msg.split(":")[0]) for _, name, msg in late],
                         [("tlsexplain.cert_validity", "The server's certificate had expired "
                           "when the capture was taken")])
        early = cert_experts(ts.sample(doc_moved("doc-2016.pcapng", -10 * YEAR)), *keys)
        self.assertEqual([(name, msg.split(":")[0]) for _, name, msg in early],
                         [("tlsexplain.cert_validity", "The server's certificate was not yet "
                           "valid when the capture was taken")])

    def test_name_mismatch(self):
        """The QUIC sample's client asked for localhost; the certificate is
        q.shanyue.test's."""
        got = cert_experts(ts.sample("quic-full.pcapng"), *ts.keys("quic-full.keys"))
        self.assertEqual([(name, msg) for _, name, msg in got],
                         [("tlsexplain.cert_name", "No name of the server's certificate matches "
                           "the server name localhost the client asked for")])
        f = summary_of(ts.sample("quic-full.pcapng"), *ts.keys("quic-full.keys"))
        self.assertIn(f["tlsexplain.cert.san_match"], ("0", "False"))


if __name__ == "__main__":
    unittest.main()
