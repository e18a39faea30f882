#!/usr/bin/env python3
"""Just enough SMTP, IMAP or POP3 to upgrade one connection to TLS, for the
STARTTLS samples (make-transport-samples.sh): a greeting, the capability
reply that offers the upgrade, the upgrade itself, then TLS until the client
says goodbye.

    starttls-server.py smtp|imap|pop3 PORT CERT KEY
"""
import socket
import ssl
import sys

# greeting, {command: reply} before TLS, the upgrade command and its reply,
# and the goodbye command and its reply inside TLS.
PROTOCOLS = {
    "smtp": (b"220 q.shanyue.test ESMTP\r\n",
             {b"EHLO": b"250-q.shanyue.test\r\n250 STARTTLS\r\n"},
             b"STARTTLS", b"220 Ready to start TLS\r\n",
             b"QUIT", b"221 Bye\r\n"),
    "imap": (b"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n",
             {b"CAPABILITY": b"* CAPABILITY IMAP4rev1 STARTTLS\r\n{tag} OK done\r\n"},
             b"STARTTLS", b"{tag} OK Begin TLS negotiation now\r\n",
             b"LOGOUT", b"* BYE\r\n{tag} OK done\r\n"),
    "pop3": (b"+OK ready\r\n",
             {b"CAPA": b"+OK\r\nSTLS\r\n.\r\n"},
             b"STLS", b"+OK Begin TLS negotiation\r\n",
             b"QUIT", b"+OK Bye\r\n"),
}


def parse(proto, line):
    """(tag, command) of a request line; IMAP's start with a tag."""
    words = line.strip().split()
    if proto == "imap" and len(words) >= 2:
        return words[0], words[1].upper()
    return b"", words[0].upper() if words else b""


def reply(text, tag):
    return text.replace(b"{tag}", tag)


def main():
    proto, port, cert, key = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    greeting, before, upgrade, agreed, goodbye, bye = PROTOCOLS[proto]
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(1)
    conn, _ = listener.accept()
    conn.sendall(greeting)
    lines = conn.makefile("rb")
    while True:
        line = lines.readline()
        if not line:
            return
        tag, command = parse(proto, line)
        if command == upgrade:
            conn.sendall(reply(agreed, tag))
            break
        conn.sendall(reply(before.get(command, b"500 unknown\r\n"), tag))
    tls = ctx.wrap_socket(conn, server_side=True)
    lines = tls.makefile("rb")
    while True:
        line = lines.readline()
        if not line:
            break
        tag, command = parse(proto, line)
        if command == goodbye:
            tls.sendall(reply(bye, tag))
            break
        tls.sendall(b"+OK\r\n" if proto == "pop3" else reply(b"{tag} OK\r\n", tag))
    # close_notify, and the client's in answer, before the TCP close (without
    # it s_client takes the close for a truncation and sends a decode_error
    # alert).
    tls.settimeout(5)
    try:
        tls.unwrap()
    except (OSError, ssl.SSLError):
        pass
    conn.close()


if __name__ == "__main__":
    main()
