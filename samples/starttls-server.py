#!/usr/bin/env python3
"""Just enough SMTP, IMAP, POP3, FTP or LDAP to upgrade one connection to
TLS, for the STARTTLS samples (make-transport-samples.sh): a greeting, the
capability reply that offers the upgrade, the upgrade itself, then TLS until
the client says goodbye.

    starttls-server.py smtp|imap|pop3|ftp|ldap PORT CERT KEY
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
    "ftp": (b"220 q.shanyue.test FTP ready\r\n",
            {b"FEAT": b"211-Features:\r\n AUTH TLS\r\n211 End\r\n"},
            b"AUTH", b"234 AUTH TLS successful\r\n",
            b"QUIT", b"221 Bye\r\n"),
}

# LDAP is BER, not lines: an ExtendedRequest for StartTLS (RFC 4511 4.14.1)
# answered by an ExtendedResponse with resultCode success and the same
# message ID.
LDAP_STARTTLS_OID = b"1.3.6.1.4.1.1466.20037"


def ldap_upgrade(conn):
    """Reads the client's StartTLS request and agrees; False if it is none."""
    head = conn.recv(2)
    if len(head) < 2 or head[0] != 0x30:
        return False
    length = head[1]
    if length & 0x80:
        size = length & 0x7f
        length = int.from_bytes(conn.recv(size), "big")
    body = b""
    while len(body) < length:
        chunk = conn.recv(length - len(body))
        if not chunk:
            return False
        body += chunk
    if LDAP_STARTTLS_OID not in body or body[0] != 0x02:
        return False
    message_id = body[2:2 + body[1]]
    result = b"\x0a\x01\x00\x04\x00\x04\x00"  # success, no DN, no message
    op = b"\x78" + bytes([len(result)]) + result
    msg = b"\x02" + bytes([len(message_id)]) + message_id + op
    conn.sendall(b"\x30" + bytes([len(msg)]) + msg)
    return True


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
    greeting, before, upgrade, agreed, goodbye, bye = PROTOCOLS.get(proto, PROTOCOLS["smtp"])
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(1)
    conn, _ = listener.accept()
    if proto == "ldap":
        if not ldap_upgrade(conn):
            return
    else:
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
        if proto != "ldap" and command == goodbye:
            tls.sendall(reply(bye, tag))
            break
        if proto == "ldap":
            break  # the client's line: enough of LDAP
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
