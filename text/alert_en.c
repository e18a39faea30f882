/* alert_en.c: the English explanation of each alert description.
 *
 * The same content as alert_zh.c: what the description means (RFC 8446 6.2,
 * RFC 5246 7.2.2), who usually sends it and why, and which versions use it.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_alert.h"

const char *const tlsx_alert_explain_en[256] = {
    [0] = "Close Notify (0): the sender will send no more data and closes the connection in an "
          "orderly way; not an error. The other side should answer with its own close_notify; it "
          "also shows that the data was not cut short by an attacker (truncation attack). Many "
          "clients and servers just close the TCP connection without it. All versions: a warning "
          "before TLS 1.3, and in TLS 1.3 one of the two closure alerts, with user_canceled.",
    [1] = "End of Early Data (1): an alert of early TLS 1.3 drafts that marked the end of the "
          "client's 0-RTT early data; RFC 8446 replaced it with the End Of Early Data handshake "
          "message, so only draft implementations send it.",
    [10] = "Unexpected Message (10): the sender received a message it did not expect at this "
           "point, such as a handshake message out of order or a record of the wrong content "
           "type. It points at a bug or incompatibility in one of the two TLS stacks, or at "
           "something in the path (a proxy, a middlebox) changing the stream. Always fatal; all "
           "versions.",
    [20] = "Bad Record MAC (20): a record failed its integrity check (the MAC, or the AEAD tag) "
           "and could not be decrypted: it was changed in transit, or the two sides derived "
           "different keys. Usually corruption or tampering by something in the path, or a key "
           "derivation bug in one side. Always fatal; all versions; since TLS 1.1 it also covers "
           "bad padding, in place of Decryption Failed.",
    [21] = "Decryption Failed (21): TLS 1.0 only: a record's ciphertext was not a multiple of "
           "the block length or its padding was wrong. TLS 1.1 and later reserve the code and "
           "send bad_record_mac instead, because telling the two apart helped padding oracle "
           "attacks; seeing it means a very old stack.",
    [22] = "Record Overflow (22): a record was longer than allowed: more than 2^14 bytes of "
           "plaintext (in TLS 1.3, after decryption), or a ciphertext longer than the allowed "
           "expansion. A bug in the sender, or a peer ignoring the record size limit negotiated "
           "with max_fragment_length or record_size_limit. Always fatal; TLS 1.0 and later.",
    [30] = "Decompression Failure (30): a record could not be decompressed (invalid data, or it "
           "would grow too large). Only possible when TLS compression was negotiated, which "
           "implementations dropped after the CRIME attack (2012); SSL 3.0 to TLS 1.2, reserved "
           "in TLS 1.3, which has no compression.",
    [40] = "Handshake Failure (40): the sender could not agree on security parameters from the "
           "options offered: most often no cipher suite, group (curve) or signature algorithm in "
           "common, as between an old client and a hardened server or the reverse; in TLS 1.2 "
           "also a server that requires a client certificate the client did not send. Some "
           "implementations send it for other handshake errors too. Always fatal; all versions.",
    [41] = "No Certificate (41): SSL 3.0 only: the client has no suitable certificate to answer "
           "the server's Certificate Request. TLS 1.0 and later send an empty Certificate "
           "message instead, and TLS 1.3 reserves the code.",
    [42] = "Bad Certificate (42): a certificate was corrupt, its signature did not verify, or it "
           "failed a check that has no alert of its own. OpenSSL sends it, for example, for a "
           "certificate not yet valid or not matching the expected host name; a server sends it "
           "when it rejects a client certificate (mutual authentication). Always fatal; all "
           "versions.",
    [43] = "Unsupported Certificate (43): the certificate is of a type the receiver does not "
           "support, or may not be used for this purpose: a key type it cannot handle, or an "
           "extended key usage that does not allow TLS server (or client) authentication. Always "
           "fatal; all versions.",
    [44] = "Certificate Revoked (44): the certificate was revoked by its issuer, as a CRL or an "
           "OCSP response (possibly stapled) shows. Usually the client sends it about the "
           "server's certificate, which must be replaced. Always fatal; all versions.",
    [45] = "Certificate Expired (45): a certificate in the chain has expired or is otherwise not "
           "currently valid. Usually sent by the client: the server's certificate was not "
           "renewed in time, or the client's clock is wrong. Always fatal; all versions.",
    [46] = "Certificate Unknown (46): some other, unspecified problem made the certificate "
           "unacceptable; a catch-all. Java (JSSE) clients, for example, send it when the "
           "server's certificate chain does not lead to a CA they trust (\"PKIX path building "
           "failed\"). Always fatal; all versions.",
    [47] = "Illegal Parameter (47): a field of a handshake message was out of range or "
           "inconsistent with other fields, although the message parsed correctly: for example "
           "a version, cipher suite or group the client did not offer, or a key share that is "
           "not a valid point on the curve. Points at a bug or incompatibility in one of the two "
           "stacks. Always fatal; all versions.",
    [48] = "Unknown CA (48): a valid certificate chain was received, but the receiver does not "
           "trust the CA at its top or cannot build a chain to one: a self-signed or private CA "
           "certificate, or a server that does not send its intermediate certificate. Usually "
           "sent by the client (curl prints \"TLS alert, unknown CA (560)\"); the fix is to send "
           "the full chain, or to give the client the CA (curl --cacert). Always fatal; all "
           "versions.",
    [49] = "Access Denied (49): a valid certificate or PSK was received, but access control does "
           "not let the sender go on, such as a client certificate that is valid but not "
           "authorized for this server. Always fatal; TLS 1.0 and later.",
    [50] = "Decode Error (50): a message could not be parsed: a field out of its specified range "
           "or a length that does not match the message. Points at a bug in one of the stacks, a "
           "truncated message, or data that is not TLS at all. Always fatal; TLS 1.0 and later.",
    [51] = "Decrypt Error (51): a cryptographic operation of the handshake failed: a signature "
           "(in Server Key Exchange, Certificate Verify or a certificate), the verify_data of a "
           "Finished or a TLS 1.3 PSK binder did not verify. Often a certificate and private key "
           "that do not match on the other side, a tampered handshake, or a bug. Always fatal; "
           "TLS 1.0 and later.",
    [60] = "Export Restriction (60): TLS 1.0 only: a negotiation did not comply with US export "
           "restrictions, such as an RSA key longer than 512 bits for an export cipher suite. "
           "Export cipher suites are long gone; TLS 1.1 and later reserve the code.",
    [70] = "Protocol Version (70): the peer's protocol version is recognized but not supported: "
           "for example a client offering only TLS 1.0 or 1.1 to a server that requires TLS 1.2 "
           "or later, or the reverse. Usually sent by the server in reply to the Client Hello; "
           "the fix is to update or reconfigure the older side. Always fatal; TLS 1.0 and later.",
    [71] = "Insufficient Security (71): sent instead of handshake_failure when the server "
           "requires parameters more secure than any the client supports, such as a server that "
           "accepts only forward-secret or AEAD cipher suites. Always fatal; TLS 1.0 and later.",
    [80] = "Internal Error (80): an error unrelated to the peer or the protocol made it "
           "impossible to go on: a bug, a resource failure (such as memory) or a misconfiguration "
           "on the sender. It says nothing the other side did wrong: look at the logs of the side "
           "that sent it. Always fatal; TLS 1.0 and later.",
    [86] = "Inappropriate Fallback (86): a client retried with a lower version after a failed "
           "attempt and marked its Client Hello with the TLS_FALLBACK_SCSV cipher suite, but the "
           "server supports a higher version than the client offered: the server stops this "
           "downgrade (RFC 7507). It shows that something broke the first attempt. Always fatal; "
           "TLS 1.0 and later.",
    [90] = "User Canceled (90): the handshake is being canceled for a reason unrelated to a "
           "protocol failure, such as the user aborting it; usually followed by close_notify. A "
           "warning in TLS 1.0 to 1.2; in TLS 1.3 one of the two closure alerts, with "
           "close_notify.",
    [100] = "No Renegotiation (100): the sender refuses a renegotiation: the client answers a "
            "Hello Request, or the server a new Client Hello, with this warning instead of a new "
            "handshake; the other side decides whether to go on without it. TLS 1.0 to 1.2; TLS "
            "1.3 has no renegotiation and reserves the code.",
    [109] = "Missing Extension (109): TLS 1.3: a handshake message lacks an extension it must "
            "contain for the version or parameters offered, such as a Client Hello offering TLS "
            "1.3 without the signature_algorithms extension. Sent by the receiver of the "
            "incomplete message; points at a bug in the other stack. Always fatal.",
    [110] = "Unsupported Extension (110): the sender received an extension it did not offer or "
            "that is not allowed in that message, such as a Server Hello with an extension the "
            "Client Hello did not carry. Points at a bug or incompatibility in the other stack. "
            "Always fatal; TLS with extensions (RFC 3546, RFC 5246) and later.",
    [111] = "Certificate Unobtainable (111): the server could not fetch the client's certificate "
            "from the URLs the client sent in a Certificate URL message (RFC 6066 "
            "client_certificate_url). Rare; TLS 1.2 and earlier, reserved in TLS 1.3.",
    [112] = "Unrecognized Name (112): the server has no certificate or virtual host for the name "
            "the client sent in the server_name (SNI) extension: a mistyped host name, a DNS "
            "record pointing at the wrong server, or a server not configured for that name. As a "
            "warning (seen in TLS 1.2) the client may go on; as fatal it ends the handshake. TLS "
            "with extensions (RFC 6066) and later.",
    [113] = "Bad Certificate Status Response (113): the client asked for OCSP stapling "
            "(status_request) and the server's OCSP response was invalid or unacceptable, such "
            "as expired or badly signed. Sent by the client. Always fatal; TLS with extensions "
            "(RFC 6066) and later.",
    [114] = "Bad Certificate Hash Value (114): the certificate the server fetched from a "
            "client's Certificate URL did not match the hash the client gave (RFC 6066). Rare; "
            "TLS 1.2 and earlier, reserved in TLS 1.3.",
    [115] = "Unknown PSK Identity (115): the server does not know the identity of the "
            "pre-shared key the client offered (PSK cipher suites, RFC 4279, or a TLS 1.3 "
            "external PSK): a wrong or unconfigured identity. A resumption ticket the server no "
            "longer accepts does not cause it: the server then does a full handshake. Always "
            "fatal; TLS 1.0 and later with PSK.",
    [116] = "Certificate Required (116): TLS 1.3: the server asked for a client certificate "
            "(mutual authentication) and the client sent none; TLS 1.2 servers send "
            "handshake_failure in this case. It comes encrypted after the client's Finished, so "
            "the client may think the handshake succeeded until it reads it. The fix is to "
            "configure a client certificate (curl --cert). Always fatal.",
    [120] = "No application Protocol (120): the client offered application protocols in the "
            "ALPN extension (such as h2, http/1.1) and the server supports none of them "
            "(RFC 7301), such as a client offering only h2 to a server without HTTP/2. Sent by "
            "the server. Always fatal; any version with ALPN.",
    [121] = "ECH Required (121): the client offered Encrypted Client Hello and the server did "
            "not accept it: the client aborts the handshake with this alert and may retry with "
            "the ECH configuration the server sent back (retry_configs). TLS 1.3 only; new and "
            "rare.",
};
