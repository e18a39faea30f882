/* advice_en.c: the advice's words in English (tlsx_advice_text.h).
 *
 * The reasoning is High Performance Browser Networking's, chapter 4, and
 * the RFCs named in each sentence.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_advice_text.h"

#include <stddef.h>

const char *const tlsx_advice_labels_en[TLSX_ADVICE_TEXT_KINDS] = {
    "Server's first flight over the congestion window",
    "No session resumption",
    "TLS 1.2 where the client offered TLS 1.3",
    "HelloRetryRequest",
    "0-RTT data rejected",
    "No OCSP stapling",
    "TLS False Start",
    "0-RTT data accepted",
    "RSA key exchange",
    "CBC suite without encrypt-then-MAC",
    "Old protocol version",
};

const char *const tlsx_advice_findings_en[TLSX_ADVICE_TEXT_KINDS][4] = {
    {"The server's first flight of {flight_bytes} bytes paused {pause} (round trip {rtt}) after "
     "{sent_before} bytes: its congestion window was full, which cost {rtts} round trip",
     NULL},
    {"A full handshake, where handshake {earlier} had left a session ticket or ID (frame "
     "{earlier_frame}): resuming it would have saved {rtts} round trip",
     "A full handshake, where handshake {earlier} had left a ticket (frame {earlier_frame}): "
     "resuming it saves the certificate, a round trip only with 0-RTT",
     "A full handshake: the client offered to resume handshake {earlier}'s session (ticket of "
     "frame {earlier_frame}), the server did not take it, which cost {rtts} round trip",
     "A full handshake: the client offered to resume handshake {earlier}'s session (ticket of "
     "frame {earlier_frame}), the server did not take it: no round trip lost, the certificate "
     "sent again"},
    {"The client offered {offered}, the server chose {version}: {rtts} round trip more than TLS "
     "1.3 needs",
     NULL, NULL, NULL},
    {"HelloRetryRequest: {rtts} round trip more; the client should offer a key share of the "
     "server's group first",
     "HelloRetryRequest for {group}: {rtts} round trip more; the client should offer a {group} key "
     "share first"},
    {"0-RTT early data offered and rejected: the client sends it again after the handshake", NULL},
    {"The client asked for OCSP stapling, the server did not staple: the client may fetch OCSP "
     "itself",
     "The client asked for OCSP stapling, the server did not staple: the client fetched OCSP "
     "itself (frame {ocsp_frame})"},
    {"TLS False Start: client data after its Finished, before the server's: {rtts} round trip "
     "saved",
     NULL},
    {"0-RTT early data accepted: the request went {rtts} round trip sooner", NULL},
    {"RSA key exchange ({cipher}): no forward secrecy", NULL},
    {"CBC suite {cipher} without encrypt-then-MAC (RFC 7366)", NULL},
    {"{version} is deprecated (RFC 8996)", NULL},
};

const char *const tlsx_advice_sentences_en[TLSX_ADVICE_TEXT_KINDS][4] = {
    {"The server's first flight took {flight_bytes} bytes and stopped for {pause} after "
     "{sent_before} of them (frame {frame}), against a round trip of {rtt}: it waited for the "
     "client's acknowledgement, its congestion window full, which cost {rtts} round trip. The "
     "Certificate took {cert_bytes} bytes for {cert_count} certificates: a shorter chain (no root, "
     "no extra intermediate), ECDSA certificates, certificate compression (RFC 8879) or a larger "
     "initial window (RFC 6928) would fit the flight in one round trip",
     NULL},
    {"A full handshake, although handshake {earlier} of this client with this server completed "
     "earlier and left a session ticket or session ID (frame {earlier_frame}): resuming it (RFC "
     "5077) skips the certificate and the key exchange and saves {rtts} round trip of TLS 1.2's "
     "two",
     "A full handshake, although handshake {earlier} of this client with this server completed "
     "earlier and left a session ticket (frame {earlier_frame}): resuming it with a pre-shared key "
     "(RFC 8446 2.2) saves the certificate's bytes and checks but no round trip; only 0-RTT data "
     "(RFC 8446 2.3) would send the request one round trip sooner",
     "A full handshake, although the client offered to resume the session of handshake {earlier} "
     "(its ticket came in frame {earlier_frame}): the server did not take it (its ticket keys "
     "changed, the ticket expired, or it resumes nothing), which cost {rtts} round trip; a server "
     "that keeps its ticket keys and session cache lets the client resume",
     "A full handshake, although the client offered to resume the session of handshake {earlier} "
     "(its ticket came in frame {earlier_frame}): the server did not take it (its ticket keys "
     "changed, the ticket expired, or it resumes nothing); no round trip was lost (TLS 1.3 "
     "resumption saves the certificate, not a round trip), the certificate's bytes and checks "
     "were; a server that keeps its ticket keys and session cache lets the client resume"},
    {"The client offered {offered}, the server chose {version}: a full TLS 1.2 handshake takes two "
     "round trips, TLS 1.3's one (RFC 8446 2); enabling TLS 1.3 on the server saves {rtts} round "
     "trip",
     NULL},
    {"The server answered the first Client Hello with a HelloRetryRequest, since none of the "
     "client's key shares was of a group it accepts: that cost {rtts} round trip (RFC 8446 "
     "4.1.4); a client that offers a key share for the server's group first saves it",
     "The server answered the first Client Hello with a HelloRetryRequest for {group}, since none "
     "of the client's key shares was of a group it accepts: that cost {rtts} round trip (RFC 8446 "
     "4.1.4); a client that offers a {group} key share first saves it"},
    {"The client sent 0-RTT early data, the server's Encrypted Extensions did not accept it: the "
     "client must send that data again after the handshake, and gained no round trip (RFC 8446 "
     "4.2.10)",
     NULL},
    {"The client asked for OCSP stapling (status_request), the server sent its certificate "
     "without an OCSP response: the client may ask the certificate authority itself, another "
     "connection and often another host, before it trusts the certificate; stapling (RFC 6066 8, "
     "RFC 8446 4.4.2.1) saves that",
     "The client asked for OCSP stapling (status_request), the server sent its certificate "
     "without an OCSP response, and the client sent an OCSP request of its own (frame "
     "{ocsp_frame}) before the handshake ended: stapling (RFC 6066 8, RFC 8446 4.4.2.1) saves "
     "that request's round trips"},
    {"TLS False Start: the client sent application data after its Finished, before the server's "
     "(RFC 7918), and saved {rtts} round trip of the full TLS 1.2 handshake",
     NULL},
    {"0-RTT: the server accepted the client's early data (RFC 8446 2.3), sent with the Client "
     "Hello: the request went {rtts} round trip sooner (early data can be replayed: only "
     "idempotent requests belong in it)",
     NULL},
    {"The suite {cipher} exchanges keys by RSA encryption: whoever gets the server's private key "
     "later can decrypt this recorded session (no forward secrecy); ECDHE suites, and TLS 1.3, "
     "have it",
     NULL},
    {"The suite {cipher} encrypts records in CBC mode with MAC-then-encrypt, and the server did "
     "not agree to encrypt-then-MAC (RFC 7366): the construction behind padding-oracle attacks; "
     "AEAD suites (GCM, ChaCha20-Poly1305) or encrypt_then_mac avoid it",
     NULL},
    {"{version} is deprecated (RFC 8996): it lacks modern suites and protections; TLS 1.2 or 1.3 "
     "(DTLS 1.2 or 1.3) is the floor",
     NULL},
};

const char *const tlsx_advice_ocsp_for_en =
    "OCSP request by the client of handshake {handshake}, whose server did not staple its "
    "certificate's status (frame {frame})";
