"""The README's "Capture your own handshake", end to end: samples/serve.sh on
loopback, a live capture on lo read by tshark with the plugin, curl as the
client, and the document's ten steps on the screen.

dumpcap needs root to capture on lo and Wireshark ignores the plugin folder
for root, so, as for the README's non-root user (dumpcap captures, tshark
reads), dumpcap runs as root and writes the live capture into a pipe that
tshark, as nobody, reads packet by packet as they come (-r -).  Skipped unless
root (CI runs as root).
"""

import os
import select
import shutil
import signal
import socket
import subprocess
import time
import unittest

import tshark_session as ts

SERVE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples",
                     "serve.sh")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


@unittest.skipUnless(os.geteuid() == 0, "dumpcap captures on lo as root")
@unittest.skipUnless(all(shutil.which(t) for t in ("dumpcap", "curl", "openssl")),
                     "needs dumpcap, curl and openssl (./install.sh installs them)")
class OwnHandshake(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        cls.server = subprocess.Popen([SERVE, str(cls.port)], stderr=subprocess.PIPE,
                                      start_new_session=True)
        if not wait_for_port(cls.port):
            cls.tearDownClass()
            raise AssertionError("samples/serve.sh did not listen: "
                                 + cls.server.stderr.read().decode(errors="replace"))

    @classmethod
    def tearDownClass(cls):
        cls.server.send_signal(signal.SIGTERM)
        cls.server.wait(timeout=10)
        cls.server.stderr.close()

    def live(self, curl_args, *tshark_args):
        """The recipe: tshark -i lo -Y tlsexplain (here dumpcap on lo into
        tshark -i -), then curl against serve.sh; returns tshark's output."""
        dumpcap = subprocess.Popen(
            ["dumpcap", "-q", "-i", "lo", "-f", f"tcp port {self.port}", "-w", "-"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        tshark = subprocess.Popen(
            ts.tshark_cmd("-l", "-r", "-", "-Y", "tlsexplain", *tshark_args),
            stdin=dumpcap.stdout, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=ts.tshark_env(), cwd=ts._setup(), text=True)
        dumpcap.stdout.close()
        try:
            # dumpcap says it captures a little before it does (as in
            # samples/sample-lib.sh); tshark reads the pipe whenever it has
            # started.
            ready = select.select([dumpcap.stderr], [], [], 15)[0]
            said = dumpcap.stderr.readline().decode(errors="replace") if ready else ""
            self.assertIn("Capturing on", said)
            time.sleep(1)
            curl = subprocess.run(
                ["curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", *curl_args,
                 f"https://127.0.0.1:{self.port}/"],
                capture_output=True, text=True, timeout=20)
            self.assertEqual(curl.stdout, "200", curl.stderr)
            time.sleep(1)
        finally:
            dumpcap.send_signal(signal.SIGINT)
            dumpcap.wait(timeout=10)
            out, err = tshark.communicate(timeout=30)
            dumpcap.stderr.close()
        self.assertEqual(tshark.returncode, 0, err)
        self.last = f"tshark said:\n{out}{err}"
        return out

    def steps(self, curl_args, *tshark_args):
        """The lines of the live run that have a step.  dumpcap may start
        capturing a moment after it says so; on a busy machine the first
        packets can still be missed: a run that saw no Client Hello at all is
        run again, at most three times (what is seen is checked in full)."""
        for _ in range(3):
            out = self.live(curl_args, *tshark_args)
            steps = [line for line in out.splitlines() if line.split("\t")[0]]
            if steps and steps[0].startswith("1\t"):
                return steps
        return steps

    def test_tls12_is_the_documents_ten_steps(self):
        # The handshake's frames (the two closing alerts have no step).
        steps = self.steps(["--tls-max", "1.2"], "-T", "fields", "-E", "occurrence=a",
                           "-e", "tlsexplain.step", "-e", "tlsexplain.direction",
                           "-e", "tlsexplain.message")
        self.assertEqual(steps, [
            "1\tOUT\tClient Hello",
            "2,3,4,5\tIN,IN,IN,IN\tServer Hello,Certificate,Server Key Exchange,"
            "Server Hello Done",
            "6,7,8\tOUT,OUT,OUT\tClient Key Exchange,Change Cipher Spec,Finished",
            "9,10\tIN,IN\tChange Cipher Spec,Finished",
        ], self.last)

    def test_tls13_with_the_key_log(self):
        keys = os.path.join(ts._setup(), "own-tls13.keys")
        open(keys, "w").close()
        os.chmod(keys, 0o644)
        os.environ["SSLKEYLOGFILE"] = keys
        try:
            steps = self.steps(["--tlsv1.3"], "-o", "tls.keylog_file:" + keys, "-T", "fields",
                               "-E", "occurrence=a", "-e", "tlsexplain.step",
                               "-e", "tlsexplain.message")
        finally:
            del os.environ["SSLKEYLOGFILE"]
        self.assertEqual(steps[:2], [
            "1\tClient Hello",
            "2,3,4,5,6,7\tServer Hello,Change Cipher Spec,Encrypted Extensions,Certificate,"
            "Certificate Verify,Finished",
        ], self.last)


if __name__ == "__main__":
    unittest.main()
