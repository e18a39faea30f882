/* explain_en.c: the English explanation table, one text per message key.
 *
 * The same content as explain_zh.c: the ten TLS 1.2 steps follow the document
 * this plugin is based on, the other messages are written in the same voice.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_explain.h"

const char *const tlsx_explain_en[TLSX_EX_COUNT] = {
    [TLSX_EX_CLIENT_HELLO] = "Client Hello: the client sends the server the TLS versions and "
                             "cipher suites it supports, a random number (client random) and a "
                             "SessionId (a previous session may be reused).",
    [TLSX_EX_SERVER_HELLO] = "Server Hello: the server picks a TLS version and a cipher suite "
                             "that both sides support and sends them to the client with a random "
                             "number (server random) and a SessionId (the same SessionId as in "
                             "the Client Hello means the session is reused).",
    [TLSX_EX_SERVER_CERTIFICATE] = "Certificate: the server sends the client its certificate "
                                   "(chain), for authentication and to provide its public key.",
    [TLSX_EX_SERVER_KEY_EXCHANGE] = "Server Key Exchange: the server sends the client some "
                                    "parameters of the key exchange algorithm, for ECDHE the "
                                    "curve and the server's ephemeral public key, signed "
                                    "with the certificate's private key (there is no such "
                                    "message with RSA key exchange).",
    [TLSX_EX_SERVER_HELLO_DONE] = "Server Hello Done (handshake type 14, which curl prints "
                                  "as \"Server finished\"): the server has finished sending "
                                  "its hello messages and it is now the client's turn; this "
                                  "is not the Finished message.",
    [TLSX_EX_CLIENT_KEY_EXCHANGE] = "Client Key Exchange: the client sends the server its key "
                                    "exchange parameters. With ECDHE it sends its ECDH public key "
                                    "and both sides compute the pre-master secret; with RSA key "
                                    "exchange the client encrypts a random pre-master secret with "
                                    "the server's public key. The pre-master secret never crosses "
                                    "the network in the clear, so it is safe; from the three "
                                    "random values (client random, server random, pre-master "
                                    "secret) both sides derive the master secret and from it the "
                                    "keys for symmetric encryption.",
    [TLSX_EX_CLIENT_CCS] = "Change Cipher Spec: the client tells the server that the "
                           "messages that follow will be encrypted by the TLS record layer "
                           "with the keys just negotiated.",
    [TLSX_EX_CLIENT_FINISHED] = "Finished: the client's first encrypted message, an integrity "
                                "check. Its verify_data is a hash (PRF) keyed with the master "
                                "secret over all handshake messages so far, with which the server "
                                "verifies that the handshake was not tampered with.",
    [TLSX_EX_SERVER_CCS] = "Change Cipher Spec: the server tells the client that the "
                           "messages that follow will be encrypted by the TLS record "
                           "layer with the negotiated keys.",
    [TLSX_EX_SERVER_FINISHED] =
        "Finished: the server's first encrypted message, an integrity check. Its verify_data is a "
        "hash (PRF) keyed with the master secret over all handshake messages so far, with which "
        "the client verifies that the handshake was not tampered with.",
    [TLSX_EX_HELLO_REQUEST] = "Hello Request: the server asks the client to start a new handshake "
                              "(renegotiation); the client answers with a new Client Hello, or "
                              "may ignore it or refuse with a no_renegotiation alert.",
    [TLSX_EX_CERTIFICATE_REQUEST] = "Certificate Request: the server asks the client "
                                    "for a certificate too, to authenticate the client "
                                    "(mutual authentication), and lists the signature "
                                    "algorithms and CAs it accepts.",
    [TLSX_EX_CLIENT_CERTIFICATE] = "Certificate: the client sends its certificate (chain) as the "
                                   "server's Certificate Request asked, to authenticate itself; "
                                   "without a suitable certificate it sends an empty list.",
    [TLSX_EX_CLIENT_CERTIFICATE_VERIFY] = "Certificate Verify: the client signs all handshake "
                                          "messages so far with its certificate's private "
                                          "key, proving that it holds the private key of "
                                          "the certificate it sent.",
    [TLSX_EX_NEW_SESSION_TICKET] = "New Session Ticket: the server hands the client its session "
                                   "state, encrypted, as a ticket to keep; the client presents "
                                   "it in the SessionTicket extension of a later Client Hello to "
                                   "reuse the session, and the server need not cache sessions. It "
                                   "is sent just before the server's Change Cipher Spec.",
    [TLSX_EX_CERTIFICATE_STATUS] = "Certificate Status: right after its Certificate the server "
                                   "sends an OCSP response from the CA (OCSP stapling), proving "
                                   "that the certificate is not revoked, so the client need not "
                                   "ask the OCSP server itself; only sent if the Client Hello "
                                   "carried the status_request extension.",
    [TLSX_EX_SERVER_HELLO_RESUMED] = "Server Hello (resumed): the server sends a new random "
                                     "number (server random) and echoes the SessionId of the "
                                     "Client Hello, accepting the saved session (found by its "
                                     "SessionId, or carried in the client's session ticket) with "
                                     "its TLS version and cipher suite: the session is reused in "
                                     "an abbreviated handshake, without Certificate, Server Key "
                                     "Exchange and Server Hello Done; both sides derive the new "
                                     "keys from the saved master secret and the two new random "
                                     "numbers.",
    [TLSX_EX_SERVER_CCS_RESUMED] = "Change Cipher Spec (resumed): in an abbreviated handshake the "
                                   "server switches first: right after its Server Hello (and New "
                                   "Session Ticket, if any) it tells the client that the messages "
                                   "that follow will be encrypted by the TLS record layer with "
                                   "the keys derived from the saved master secret.",
    [TLSX_EX_SERVER_FINISHED_RESUMED] = "Finished (resumed): the server's first encrypted "
                                        "message, sent before the client's: its verify_data is a "
                                        "hash (PRF) keyed with the master secret over all "
                                        "handshake messages so far, with which the client "
                                        "verifies that the handshake was not tampered with and "
                                        "that the server holds the saved master secret.",
    [TLSX_EX_CLIENT_FINISHED_RESUMED] =
        "Finished (resumed): the client answers the server's Finished with its own Change Cipher "
        "Spec and this Finished, with which the server verifies the handshake in turn.",
    [TLSX_EX_CLIENT_HELLO_RENEGOTIATION] = "Client Hello (renegotiation): the client starts a new "
                                           "handshake inside the established connection, "
                                           "encrypted with its current keys, on its own or "
                                           "because the server sent a Hello Request; usually to "
                                           "change parameters, or because the server wants a "
                                           "client certificate for a protected resource. With "
                                           "secure renegotiation (RFC 5746) its "
                                           "renegotiation_info extension carries the verify_data "
                                           "of the client's previous Finished, binding the two "
                                           "handshakes so that a man in the middle cannot splice "
                                           "them. TLS 1.3 has no renegotiation.",
    [TLSX_EX_ENCRYPTED_RENEGOTIATION] = "Encrypted Handshake Message (renegotiation): a handshake "
                                        "record after the handshake has completed, encrypted with "
                                        "the connection's keys, which cannot be read without "
                                        "them: in TLS 1.2 this is a renegotiation, a new "
                                        "handshake (Hello Request, or Client Hello and what "
                                        "follows) inside the established connection. A key log "
                                        "file (SSLKEYLOGFILE, Wireshark preference "
                                        "tls.keylog_file) lets Wireshark decrypt it and show each "
                                        "message as its own step.",
    [TLSX_EX_SERVER_HELLO_TLS13] = "Server Hello: the server picks TLS 1.3 (in the "
                                   "supported_versions extension) and a cipher suite, and sends "
                                   "a random number (server random) and its key_share (and, "
                                   "when resuming, the chosen PSK). Both sides then derive the "
                                   "handshake keys and the rest of the handshake is encrypted.",
    [TLSX_EX_HELLO_RETRY_REQUEST] = "Hello Retry Request: a Server Hello whose random is a "
                                    "special value (the SHA-256 of \"HelloRetryRequest\"): the "
                                    "client's key_share held no group the server accepts, so the "
                                    "server names the group it wants and the client must send a "
                                    "second Client Hello, which costs an extra round trip.",
    [TLSX_EX_CLIENT_HELLO_RETRY] = "Client Hello (retry): the client's second Client Hello, "
                                   "answering the server's Hello Retry Request: the same as the "
                                   "first, except that its key_share now holds a public key for "
                                   "the group the server asked for (and it echoes the server's "
                                   "cookie, if there was one). This is the extra round trip the "
                                   "Hello Retry Request costs.",
    [TLSX_EX_SERVER_HELLO_PSK] = "Server Hello (PSK): the server picks TLS 1.3 and accepts one of "
                                 "the pre-shared keys offered in the client's pre_shared_key "
                                 "extension, usually a ticket from a New Session Ticket of an "
                                 "earlier connection: the session is resumed, and as the PSK "
                                 "already authenticates the server it sends no Certificate or "
                                 "Certificate Verify.",
    [TLSX_EX_ENCRYPTED_EXTENSIONS] = "Encrypted Extensions: the server's first encrypted "
                                     "handshake message, carrying the extensions not needed for "
                                     "the key exchange (such as the protocol chosen by ALPN), "
                                     "which TLS 1.2 sent in the clear in the Server Hello.",
    [TLSX_EX_SERVER_CERTIFICATE_TLS13] = "Certificate: the server sends the client its "
                                         "certificate (chain), for authentication and to provide "
                                         "its public key; in TLS 1.3 this message is encrypted, "
                                         "and the public key only serves to check the Certificate "
                                         "Verify signature, not for key exchange.",
    [TLSX_EX_SERVER_CERTIFICATE_VERIFY_TLS13] = "Certificate Verify: the server signs a hash "
                                                "of all handshake messages so far with its "
                                                "certificate's private key, proving that it "
                                                "holds that private key.",
    [TLSX_EX_SERVER_FINISHED_TLS13] = "Finished: the server sends an HMAC (verify_data) over all "
                                      "handshake messages so far, with which the client verifies "
                                      "that the handshake was not tampered with; the server may "
                                      "send application data from now on.",
    [TLSX_EX_CLIENT_FINISHED_TLS13] =
        "Finished: the client sends an HMAC (verify_data) over all handshake messages so far, with "
        "which the server verifies that the handshake was not tampered with.",
    [TLSX_EX_END_OF_EARLY_DATA] = "End Of Early Data: the client tells the server that its "
                                  "0-RTT early data is over; what follows is encrypted "
                                  "with the handshake keys.",
    [TLSX_EX_NEW_SESSION_TICKET_TLS13] = "New Session Ticket: a message the server sends after "
                                         "the handshake, not part of the handshake itself: it "
                                         "gives the client a ticket to use as a PSK to resume "
                                         "the session on a later connection, and, if the server "
                                         "allows, to send 0-RTT data.",
    [TLSX_EX_KEY_UPDATE] = "Key Update: a message sent after the handshake, not part of the "
                           "handshake itself: the sender tells the peer that what it sends from "
                           "now on is encrypted with updated keys, and may ask the peer to update "
                           "its keys too (update_requested).",
    [TLSX_EX_COMPAT_CCS_TLS13] = "Change Cipher Spec: a dummy message of TLS 1.3 middlebox "
                                 "compatibility mode (RFC 8446 Appendix D.4) that changes "
                                 "nothing; it is sent so that middleboxes take the connection for "
                                 "a resumed TLS 1.2 session, and the receiver ignores it.",
    [TLSX_EX_ENCRYPTED_SERVER_TLS13] = "Encrypted handshake (shown by Wireshark as Application "
                                       "Data) from the server, which cannot be read without the "
                                       "keys. It must carry, in order, Encrypted Extensions, "
                                       "(Certificate Request,) Certificate, Certificate Verify "
                                       "and Finished, one or several per record (no Certificate "
                                       "and Certificate Verify when a PSK resumes the session). "
                                       "A key log file written through the SSLKEYLOGFILE "
                                       "environment variable and set in the Wireshark preference "
                                       "tls.keylog_file lets Wireshark decrypt it and show "
                                       "each message as its own step.",
    [TLSX_EX_ENCRYPTED_CLIENT_TLS13] = "Encrypted handshake (shown by Wireshark as Application "
                                       "Data) from the client, the Finished that ends its "
                                       "handshake (preceded by Certificate and Certificate "
                                       "Verify if the server asked for a certificate). Here too "
                                       "a key log file (SSLKEYLOGFILE, Wireshark preference "
                                       "tls.keylog_file) lets Wireshark decrypt it and show "
                                       "each message as its own step.",
    [TLSX_EX_ENCRYPTED_SERVER_TLS13_MORE] =
        "Encrypted handshake (shown by Wireshark as Application Data) from the server: another "
        "record of its encrypted flight, which carries, in order, Encrypted Extensions, "
        "(Certificate Request,) Certificate, Certificate Verify and Finished, one or several per "
        "record (no Certificate and Certificate Verify when a PSK resumes the session).",
    [TLSX_EX_ENCRYPTED_CLIENT_TLS13_MORE] =
        "Encrypted handshake (shown by Wireshark as Application Data) from the client, the "
        "Finished that ends its handshake (preceded by Certificate and Certificate Verify if the "
        "server asked for a certificate, and by End of Early Data if the server accepted early "
        "data).",
    [TLSX_EX_ALERT_FATAL] = "Alert (fatal): the sender reports an error and aborts the handshake "
                            "or connection at once; neither side may go on with it, and its "
                            "session may not be resumed. The description says why.",
    [TLSX_EX_ALERT_WARNING] = "Alert (warning): a notice rather than an error, such as "
                              "close_notify (the sender closes the connection in an orderly way) "
                              "or no_renegotiation (it refuses a renegotiation and the connection "
                              "goes on). In TLS 1.3 only close_notify and user_canceled are not "
                              "errors: every other alert is fatal whatever level it is sent with.",
    [TLSX_EX_ALERT_ENCRYPTED] = "Encrypted Alert: an alert record encrypted with the connection's "
                                "keys, so its level and description cannot be read without a key "
                                "log file (SSLKEYLOGFILE, Wireshark preference tls.keylog_file). "
                                "After application data it is usually close_notify; during a "
                                "handshake it almost always means that the handshake failed.",
    [TLSX_EX_ALERT_ENCRYPTED_AFTER_FINISHED] =
        "Encrypted Alert from a side that has already sent its Finished: its level and "
        "description cannot be read without a key log file (SSLKEYLOGFILE, Wireshark preference "
        "tls.keylog_file). The sender has no handshake message left to send, so it is most likely "
        "close_notify, which closes only the sender's direction of the connection: a TLS 1.3 "
        "server may answer a request sent as 0-RTT early data and close the connection before "
        "the client's Finished comes. The handshake does not end here: it is complete if the "
        "other side's Finished follows.",
    [TLSX_EX_HELLO_VERIFY_REQUEST] = "Hello Verify Request: the DTLS server returns a cookie "
                                     "that the client must echo in a second Client Hello, "
                                     "proving that its source address is real, a guard against "
                                     "amplification attacks from spoofed addresses; this "
                                     "costs one extra round trip.",
    [TLSX_EX_CLIENT_HELLO_COOKIE] = "Client Hello (cookie): the client sends its Client Hello "
                                    "again, now with the cookie of the Hello Verify Request. "
                                    "Only a client that really receives packets at its source "
                                    "address can echo the cookie, so the server now commits "
                                    "state and answers with its full, much larger flight. This "
                                    "is the extra round trip the cookie exchange costs.",
    [TLSX_EX_ENCRYPTED_SERVER_QUIC] = "Encrypted handshake (a QUIC Handshake packet) from the "
                                      "server, which cannot be read without the keys. Its CRYPTO "
                                      "frames carry, in order, Encrypted Extensions, (Certificate "
                                      "Request,) Certificate, Certificate Verify and Finished, "
                                      "as TLS 1.3 over TCP sends them in encrypted records. A key "
                                      "log file (SSLKEYLOGFILE, Wireshark preference "
                                      "tls.keylog_file) lets Wireshark decrypt the packet and "
                                      "show each message as its own step.",
    [TLSX_EX_ENCRYPTED_CLIENT_QUIC] = "Encrypted handshake (a QUIC Handshake packet) from the "
                                      "client: the Finished that ends its handshake (preceded by "
                                      "Certificate and Certificate Verify if the server asked for "
                                      "a certificate). With a key log file Wireshark decrypts it "
                                      "and shows each message as its own step.",
    [TLSX_EX_CONTEXT_DTLS] = "This handshake runs over DTLS, TLS for datagrams (UDP): each "
                             "message carries a sequence number, so that the receiver can "
                             "reorder messages, and is split into fragments when it does not fit "
                             "in one datagram; a side that hears nothing back sends its whole "
                             "last flight again after a timeout.",
    [TLSX_EX_CONTEXT_QUIC] = "This handshake runs inside QUIC: its messages travel in CRYPTO "
                             "frames, with no TLS records and no Change Cipher Spec: the Client "
                             "Hello and Server Hello in Initial packets, protected with keys "
                             "derived from the client's first Destination Connection ID, which "
                             "anyone who sees the packet can derive (RFC 9001 5.2); the rest of "
                             "the handshake in Handshake packets, protected with the handshake "
                             "keys; a New Session Ticket after the handshake in 1-RTT packets. "
                             "QUIC has no handshake of its own: this one sets up the connection "
                             "and its keys at the same time, where TCP needs its own three-way "
                             "handshake before TLS can start.",
    [TLSX_EX_UPGRADE_SMTP] = "The connection began as plaintext SMTP: the client sent STARTTLS, "
                             "the server agreed (220), and this Client Hello starts TLS on the "
                             "same TCP connection; what follows, login and mail, is protected.",
    [TLSX_EX_UPGRADE_IMAP] = "The connection began as plaintext IMAP: the client sent STARTTLS, "
                             "the server agreed (OK), and this Client Hello starts TLS on the "
                             "same TCP connection; what follows, login and mail, is protected.",
    [TLSX_EX_UPGRADE_POP3] = "The connection began as plaintext POP3: the client sent STLS, the "
                             "server agreed (+OK), and this Client Hello starts TLS on the same "
                             "TCP connection; what follows, login and mail, is protected.",
    [TLSX_EX_UPGRADE_FTP] = "The connection began as a plaintext FTP control connection: the "
                            "client sent AUTH TLS, the server agreed (234), and this Client Hello "
                            "starts TLS on the same TCP connection; what follows, login and "
                            "commands, is protected.",
    [TLSX_EX_UPGRADE_LDAP] = "The connection began as plaintext LDAP: the client sent the "
                             "StartTLS extended request, the server agreed, and this Client Hello "
                             "starts TLS on the same TCP connection; what follows, binds and "
                             "searches, is protected.",
    [TLSX_EX_UPGRADE_XMPP] = "The connection began as a plaintext XMPP stream: the client sent "
                             "<starttls/>, the server agreed (<proceed/>), and this Client Hello "
                             "starts TLS on the same TCP connection; what follows, "
                             "authentication and messages, is protected.",
    [TLSX_EX_UPGRADE_PGSQL] = "The connection began as plaintext PostgreSQL: the client sent an "
                              "SSLRequest, the server agreed (S), and this Client Hello starts "
                              "TLS on the same TCP connection; what follows, the startup "
                              "message, authentication and queries, is protected.",
    [TLSX_EX_UPGRADE_MYSQL] = "The connection began as plaintext MySQL: after the server's "
                              "greeting the client sent an SSL request (its capabilities with "
                              "CLIENT_SSL, without its login), and this Client Hello starts TLS "
                              "on the same TCP connection; what follows, login and queries, is "
                              "protected.",
    [TLSX_EX_CERTIFICATE_URL] = "Certificate URL: instead of its certificate the client sends "
                                "the URLs and hashes of its certificate (chain) for the "
                                "server to fetch, which suits constrained clients (RFC 6066 "
                                "client_certificate_url extension).",
    [TLSX_EX_SUPPLEMENTAL_DATA] = "Supplemental Data: application data carried in the handshake "
                                  "before the certificates (RFC 4680), such as user mapping "
                                  "information (RFC 4681); rarely seen.",
    [TLSX_EX_COMPRESSED_CERTIFICATE] = "Compressed Certificate: a compressed TLS 1.3 Certificate "
                                       "message (RFC 8879), the algorithm (zlib, brotli or zstd) "
                                       "agreed through the compress_certificate extension, to "
                                       "make the handshake smaller.",
    [TLSX_EX_NEXT_PROTOCOL] = "Next Protocol: the message of the NPN extension, since "
                              "replaced by ALPN: after its Change Cipher Spec and before "
                              "its Finished, the client tells the server, encrypted, which "
                              "application protocol it chose.",
    [TLSX_EX_MESSAGE_HASH] = "Message Hash: a synthetic TLS 1.3 message never sent on the wire: "
                             "after a Hello Retry Request it stands for the first Client Hello in "
                             "the handshake hash; seeing it in a capture means the data is wrong.",
    [TLSX_EX_UNKNOWN] = "Unknown handshake message: this plugin has no explanation for this "
                        "handshake message type; see Wireshark's dissection of its fields.",
    [TLSX_EX_CLIENT_HELLO_TLS13] =
        "Client Hello: the client offers TLS 1.3 in the supported_versions extension (the old "
        "version field stays at TLS 1.2, for compatibility), with the cipher suites it supports "
        "and a random number (client random); in the key_share extension it can already send its "
        "public keys for groups it expects the server to accept, so that the keys are agreed "
        "without another round trip. Its SessionId field is a leftover of TLS 1.2: it can only "
        "resume a TLS 1.2 session, and is otherwise empty or a random value of middlebox "
        "compatibility mode; TLS 1.3 resumes a session with the pre_shared_key extension.",
    [TLSX_EX_PART_TICKET_OFFERED] = "Its SessionTicket extension carries a ticket from an earlier "
                                    "connection (RFC 5077), with which the server may resume "
                                    "that session.",
    [TLSX_EX_PART_PSK_OFFERED] = "Its pre_shared_key extension offers pre-shared keys, usually "
                                 "tickets from a New Session Ticket of an earlier connection, to "
                                 "resume a session (RFC 8446 4.2.11); psk_key_exchange_modes says "
                                 "whether the client also wants a fresh (EC)DHE exchange with it.",
    [TLSX_EX_PART_EARLY_OFFERED] = "With the early_data extension the client sends application "
                                   "data right after this Client Hello (0-RTT), before the "
                                   "handshake completes, encrypted with a key derived from the "
                                   "first PSK it offers; such data is not forward secret and can "
                                   "be replayed (RFC 8446 2.3).",
    [TLSX_EX_PART_HYBRID_OFFERED] = "One of its key shares is of a hybrid post-quantum group "
                                    "(such as X25519MLKEM768), which combines an elliptic-curve "
                                    "Diffie-Hellman share with an ML-KEM key encapsulation: the "
                                    "keys stay secret as long as either of the two holds, even "
                                    "against a quantum computer that one day attacks a handshake "
                                    "recorded today.",
    [TLSX_EX_PART_HYBRID_CHOSEN] = "The group it chose is a hybrid post-quantum one: its "
                                   "key_share holds an elliptic-curve public key and an ML-KEM "
                                   "ciphertext encapsulated to the client's key, and the shared "
                                   "secret combines both.",
    [TLSX_EX_SERVER_KEY_EXCHANGE_DHE] = "Server Key Exchange: the server sends the client the "
                                        "parameters of finite-field Diffie-Hellman (DHE): the "
                                        "prime modulus p, the generator g and the server's "
                                        "ephemeral public value, signed with the certificate's "
                                        "private key.",
    [TLSX_EX_CLIENT_KEY_EXCHANGE_ECDHE] = "Client Key Exchange: the client sends the server its "
                                          "key exchange parameters. With ECDHE it sends its ECDH "
                                          "public key and both sides compute the pre-master "
                                          "secret; with RSA key exchange the client encrypts a "
                                          "random pre-master secret with the server's public key. "
                                          "The pre-master secret never crosses the network in the "
                                          "clear, so it is safe.",
    [TLSX_EX_CLIENT_KEY_EXCHANGE_DHE] = "Client Key Exchange: the client sends the server its "
                                        "ephemeral Diffie-Hellman public value, for the p and g "
                                        "of the Server Key Exchange; from its own private value "
                                        "and the other's public value each side computes the "
                                        "same pre-master secret, which never crosses the "
                                        "network.",
    [TLSX_EX_CLIENT_KEY_EXCHANGE_RSA] = "Client Key Exchange: with RSA key exchange the client "
                                        "generates a random pre-master secret, encrypts it with "
                                        "the public key of the server's certificate and sends "
                                        "it: only the holder of the certificate's private key "
                                        "can decrypt it. This key exchange is not forward "
                                        "secret: whoever later obtains that private key can "
                                        "decrypt a recorded handshake and the whole connection.",
    [TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER] = "Client Key Exchange: the client sends the server its "
                                          "part of the key exchange the cipher suite names, from "
                                          "which both sides get the same pre-master secret.",
    [TLSX_EX_PART_MASTER_FROM_RANDOMS] = "From the three random values (client random, server "
                                         "random, pre-master secret) both sides derive the "
                                         "master secret and from it the keys for symmetric "
                                         "encryption.",
    [TLSX_EX_PART_MASTER_FROM_SESSION_HASH] =
        "Both hellos carried the extended_master_secret extension (RFC 7627), so both sides "
        "derive the master secret from the pre-master secret and the session hash, a hash of the "
        "handshake messages from the Client Hello up to this one, instead of the two random "
        "numbers: the master secret belongs to this handshake alone, which defeats the triple "
        "handshake attack. The keys for symmetric encryption are then derived from it and the "
        "two random numbers.",
    [TLSX_EX_HELLO_RETRY_REQUEST_COOKIE] =
        "Hello Retry Request: a Server Hello whose random is a special value (the SHA-256 of "
        "\"HelloRetryRequest\"): the server asks for no other group but sends a cookie that the "
        "client must echo in a second Client Hello, so that the server can check the client's "
        "address, or keep no state until then (RFC 8446 4.2.2); this costs an extra round trip.",
    [TLSX_EX_HELLO_RETRY_REQUEST_UNKNOWN] =
        "Hello Retry Request: a Server Hello whose random is a special value (the SHA-256 of "
        "\"HelloRetryRequest\"): the server asks the client for a second Client Hello, with a "
        "key share for the group it names (key_share), echoing the cookie it sends (cookie), or "
        "both; this costs an extra round trip.",
    [TLSX_EX_PART_HRR_COOKIE_TOO] = "It also carries a cookie that the client must echo (RFC 8446 "
                                    "4.2.2).",
    [TLSX_EX_CLIENT_HELLO_RETRY_COOKIE] = "Client Hello (retry): the client's second Client "
                                          "Hello, answering the server's Hello Retry Request: "
                                          "the same as the first, except that it echoes the "
                                          "server's cookie in its cookie extension. This is the "
                                          "extra round trip the Hello Retry Request costs.",
    [TLSX_EX_PART_PSK_DHE_KE] = "With the PSK it sends a fresh key_share (psk_dhe_ke mode), so "
                                "the new keys are forward secret.",
    [TLSX_EX_PART_PSK_KE] = "It sends no key_share (psk_ke mode): the keys come from the PSK "
                            "alone and are not forward secret: whoever obtains the PSK can "
                            "decrypt a recorded connection.",
    [TLSX_EX_PART_EARLY_ACCEPTED] = "It carries the early_data extension: the server accepted "
                                    "the client's 0-RTT data.",
    [TLSX_EX_PART_END_FULL_TWO] = "This completes the full handshake, after two round trips (RTT); "
                                  "encrypted application data follows.",
    [TLSX_EX_PART_END_FULL_COOKIE] =
        "This completes the full handshake, after three round trips (RTT), one of them the cookie "
        "exchange; encrypted application data follows.",
    [TLSX_EX_PART_END_FULL] =
        "This completes the full handshake; encrypted application data follows.",
    [TLSX_EX_PART_END_RESUMED_ONE] =
        "This completes the abbreviated handshake, after one round trip (RTT) instead of the full "
        "handshake's two; encrypted application data follows.",
    [TLSX_EX_PART_END_RESUMED_COOKIE] =
        "This completes the abbreviated handshake, after two round trips (RTT), one of them the "
        "cookie exchange, instead of the full handshake's three; encrypted application data "
        "follows.",
    [TLSX_EX_PART_END_RESUMED] =
        "This completes the abbreviated handshake; encrypted application data follows.",
    [TLSX_EX_PART_END_TLS13_ONE] = "This completes the TLS 1.3 handshake, after one RTT; both "
                                   "sides switch to the application traffic keys.",
    [TLSX_EX_PART_END_TLS13_HRR] =
        "This completes the TLS 1.3 handshake, after two RTTs, one of them the Hello Retry "
        "Request's; both sides switch to the application traffic keys.",
    [TLSX_EX_PART_END_TLS13] =
        "This completes the TLS 1.3 handshake; both sides switch to the application traffic keys.",
    [TLSX_EX_PART_END_FULL_STALL] =
        "This completes the full handshake, after three round trips (RTT), one of them waiting "
        "for the client's acknowledgement of the server's first flight, which outgrew the "
        "server's congestion window; encrypted application data follows.",
    [TLSX_EX_PART_END_TLS13_STALL] =
        "This completes the TLS 1.3 handshake, after two RTTs, one of them waiting for the "
        "client's acknowledgement of the server's first flight, which outgrew the server's "
        "congestion window; both sides switch to the application traffic keys.",
};
