/* tlsx_handshake.h: the handshake model of one connection.
 *
 * The glue hands over, in wire order, every record event that Wireshark's TLS
 * dissector decoded on the connection; the model decides which of them are
 * steps of a handshake, numbers them, tells whose turn it was, checks them
 * against the order the protocol requires, times them and, when a handshake
 * ends, sums it up.  It knows nothing of Wireshark: the unit tests drive it
 * with plain events.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_HANDSHAKE_H
#define TLSX_HANDSHAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlsx_hello.h"
#include "tlsx_infer.h"
#include "tlsx_message.h"
#include "tlsx_sequence.h"
#include "tlsx_time.h"
#include "tlsx_timing.h"

/* What Wireshark's TLS dissector showed. */
typedef enum {
    TLSX_EV_HANDSHAKE,        /* a handshake message with a decoded type */
    TLSX_EV_CCS,              /* a ChangeCipherSpec record */
    TLSX_EV_OPAQUE_HANDSHAKE, /* a handshake record with no decoded type (encrypted or fragment) */
    TLSX_EV_APP_DATA,         /* an application data record that was not decrypted */
    TLSX_EV_ALERT,            /* an alert record; level 0 when it is encrypted */
    TLSX_EV_QUIC_HANDSHAKE,   /* a QUIC Handshake packet that could not be decrypted */
    TLSX_EV_QUIC_0RTT,        /* a QUIC 0-RTT packet: early data */
    TLSX_EV_QUIC_1RTT,        /* a QUIC 1-RTT packet, the first of its datagram */
} tlsx_event_kind;

typedef struct {
    tlsx_event_kind kind;
    tlsx_side side;
    uint8_t hs_type;  /* TLSX_EV_HANDSHAKE only */
    bool decrypted;   /* read from a record Wireshark decrypted */
    uint16_t version; /* Client Hello: highest offered; Server Hello: selected; else 0 */
    tlsx_time ts;
    /* Read from hellos and key exchanges when present, else 0. */
    bool hrr;            /* Server Hello with the HelloRetryRequest random */
    bool psk;            /* Server Hello that selects a pre-shared key */
    uint16_t cipher;     /* Server Hello: the cipher suite */
    uint16_t group;      /* key_share group, HRR's selected group, or ECDHE named curve */
    uint32_t session_id; /* hello: a hash of the session ID, 0 when it is empty */
    uint32_t length;     /* the record's or message's length */
    uint8_t alert_level; /* TLSX_EV_ALERT: 1 warning, 2 fatal, 0 encrypted */
    uint8_t alert_desc;  /* TLSX_EV_ALERT with a level */
    bool with_1rtt;      /* TLSX_EV_QUIC_HANDSHAKE: a 1-RTT packet follows it in its datagram */
    /* DTLS handshake messages carry their own sequence number, and may be
     * fragments of a message Wireshark reassembles. */
    bool has_seq;
    bool partial;     /* a fragment, not the whole message */
    uint16_t msg_seq; /* message_seq */
    /* TLSX_EV_HANDSHAKE: what a hello, HelloRetryRequest or Encrypted
     * Extensions said beyond the fields above (tlsx_hello.h); zero when the
     * glue could not read it. */
    tlsx_hello hello;
    /* TLSX_EV_HANDSHAKE, a Certificate (tlsx_parse_certificate()): its
     * certificates, and whether the leaf's entry carried an OCSP response
     * (TLS 1.3 status_request); 0 when it could not be read. */
    uint8_t cert_count;
    bool cert_stapled;
    uint32_t frame;      /* the capture's frame, for the advice's figures; 0 unknown */
    uint32_t wire_bytes; /* bytes of the record or message this event shows that no other
                            event of the frame counts (0: a message reassembled from
                            fragments, which count their own) */
} tlsx_event;

/* What is wrong with a step, as expert info shows it. */
enum {
    TLSX_FLAG_UNEXPECTED = 1 << 0,  /* out of order, or foreign to this kind of handshake */
    TLSX_FLAG_MISSING = 1 << 1,     /* a required message before it never came: see missing */
    TLSX_FLAG_DUPLICATE = 1 << 2,   /* repeats a message of this handshake: not counted */
    TLSX_FLAG_MID_CAPTURE = 1 << 3, /* first step of a handshake whose start is not captured */
    TLSX_FLAG_WRONG_SIDE = 1 << 4,  /* sent by the side that never sends it */
    TLSX_FLAG_ABANDONS = 1 << 5,    /* a new Client Hello while the previous handshake was open */
    TLSX_FLAG_SLOW = 1 << 6,        /* the first step of its flight to wait over slow_ms */
    TLSX_FLAG_OVERTURNS = 1 << 7,   /* a fatal alert that fails a handshake thought complete */
};

/* The key exchange of a handshake, as far as its messages have shown it
 * (the suite's finer kinds are in tlsx_suite.h). */
typedef enum {
    TLSX_KEYX_UNKNOWN,
    TLSX_KEYX_RSA,     /* TLS 1.2: the client encrypts the pre-master secret to the certificate */
    TLSX_KEYX_DHE,     /* finite-field Diffie-Hellman (TLS 1.2 DHE, TLS 1.3 ffdhe groups) */
    TLSX_KEYX_ECDHE,   /* elliptic-curve Diffie-Hellman */
    TLSX_KEYX_HYBRID,  /* TLS 1.3: a hybrid post-quantum group (ECDH with ML-KEM) */
    TLSX_KEYX_PSK,     /* a pre-shared key alone (TLS 1.3 psk_ke, TLS 1.2 PSK suites) */
    TLSX_KEYX_PSK_DHE, /* a pre-shared key with a fresh (EC)DHE share (psk_dhe_ke, DHE_PSK) */
} tlsx_keyx;

/* What the handshake's messages had told by a step, that its explanation
 * is composed from (tlsx_explanation_of()).  Each bit is set only when a
 * message said it: no bit is no knowledge, not the contrary. */
enum {
    TLSX_TOLD_TLS13_OFFERED = 1u << 0,   /* the Client Hello offered TLS 1.3 */
    TLSX_TOLD_HYBRID_OFFERED = 1u << 1,  /* ... with a key share of a hybrid PQ group */
    TLSX_TOLD_PSK_OFFERED = 1u << 2,     /* ... offered pre_shared_key identities */
    TLSX_TOLD_EARLY_OFFERED = 1u << 3,   /* ... carried early_data: 0-RTT data follows */
    TLSX_TOLD_TICKET = 1u << 4,          /* ... carried a session ticket (RFC 5077) */
    TLSX_TOLD_EMS = 1u << 5,             /* TLS 1.2 Server Hello: extended_master_secret */
    TLSX_TOLD_HRR_KEY_SHARE = 1u << 6,   /* the HelloRetryRequest asked for a key_share group */
    TLSX_TOLD_HRR_COOKIE = 1u << 7,      /* the HelloRetryRequest carried a cookie */
    TLSX_TOLD_EARLY_ACCEPTED = 1u << 8,  /* Encrypted Extensions carried early_data */
    TLSX_TOLD_DTLS_COOKIE = 1u << 9,     /* DTLS: a HelloVerifyRequest came */
    TLSX_TOLD_RESUMED_ID = 1u << 10,     /* TLS 1.2: the server resumed the client's session ID */
    TLSX_TOLD_RESUMED_TICKET = 1u << 11, /* TLS 1.2: ... the session of the client's ticket */
    TLSX_TOLD_PSK = 1u << 12,            /* TLS 1.3: the server accepted a pre-shared key */
    TLSX_TOLD_HRR = 1u << 13,            /* TLS 1.3: a HelloRetryRequest came */
    TLSX_TOLD_SERVER_CERT = 1u << 14,    /* the server sent a Certificate */
    TLSX_TOLD_CLIENT_AUTH = 1u << 15,    /* the client sent a Certificate Verify */
    /* Set on a step only, not on the handshake: its round trips so far,
     * when one, two or three. */
    TLSX_TOLD_RTTS_ONE = 1u << 16,
    TLSX_TOLD_RTTS_TWO = 1u << 17,
    TLSX_TOLD_RTTS_THREE = 1u << 18,
    /* The server's first flight waited for the client's acknowledgement,
     * its congestion window full: one of the round trips
     * (tlsx_handshake_note_stall()). */
    TLSX_TOLD_STALL = 1u << 19,
};

/* Whether a named group is a hybrid post-quantum one (ECDH with ML-KEM, or
 * its Kyber drafts), or a finite-field one (RFC 7919). */
bool tlsx_group_is_hybrid(uint16_t group);
bool tlsx_group_is_ffdhe(uint16_t group);

/* Whether the explanation a key names is composed with the facts above
 * (tlsx_explanation_of()): only its steps keep keyx and told. */
bool tlsx_explain_uses_facts(uint8_t key);

/* Names for the facts: "ECDHE", "PSK with (EC)DHE", "unknown". */
const char *tlsx_keyx_name(uint8_t keyx);

/* One annotated message. */
typedef struct {
    uint32_t handshake; /* capture-wide id, from 1 */
    uint32_t step;      /* from 1; 0 for a post-handshake message or a duplicate */
    uint32_t flight;    /* from 1: consecutive steps of one side form a flight */
    uint16_t version;   /* for the curl line; 0 unknown */
    uint16_t missing;   /* TLSX_FLAG_MISSING: the message that never came (tlsx_sequence.h) */
    uint8_t side;       /* tlsx_side */
    uint8_t kind;       /* tlsx_step_kind */
    uint8_t hs_type;    /* TLSX_STEP_HANDSHAKE only */
    uint8_t explain;    /* tlsx_explain_key */
    /* When the explanation is composed with them (tlsx_explain_uses_facts()),
     * else 0: */
    uint8_t keyx;                    /* tlsx_keyx: the key exchange as far as known at this step */
    uint32_t told;                   /* TLSX_TOLD_*: what the handshake had told by this step */
    uint8_t flags;                   /* TLSX_FLAG_* */
    uint8_t alert_level, alert_desc; /* TLSX_STEP_ALERT */
    bool hrr;                        /* a Server Hello that is a HelloRetryRequest */
    bool encrypted;                  /* seen only as an encrypted record */
    uint8_t inferred;                /* TLS 1.3 without keys: what the record most probably holds
                                        (TLSX_INFER_*), 0 no guess */
    uint32_t record_length;          /* ... the record's length, when inferred */
    bool has_since_peer;
    bool time_backwards;  /* a time stamp before an earlier one: times clamped to 0 */
    bool ends;            /* completes or ends its handshake: tlsx_handshake_summarize() now */
    bool has_split;       /* network and processing are set (tlsx_handshake_split()) */
    bool split_estimated; /* ... from TLS answers, there was no TCP handshake */
    tlsx_time since_prev, since_peer, since_start;
    tlsx_time network, processing; /* since_peer == network + processing */
} tlsx_step;

/* What the advice (tlsx_advice.h) rests on, gathered as the handshake's
 * events go by; 24 bytes, per connection. */
enum {
    TLSX_AF_IN_FLIGHT = 1u << 0,      /* the server's first flight (after its Server Hello) is on */
    TLSX_AF_FLIGHT_DONE = 1u << 1,    /* ... it ended: the client sent, or a Finished or Server
                                         Hello Done closed it */
    TLSX_AF_STATUS_REQUEST = 1u << 2, /* the Client Hello carried status_request */
    TLSX_AF_STAPLED = 1u << 3,        /* the server stapled an OCSP response */
    TLSX_AF_FALSE_START = 1u << 4,    /* TLS <= 1.2: client data after its Finished, before the
                                         server's */
    TLSX_AF_ETM = 1u << 5,            /* the Server Hello carried encrypt_then_mac */
    TLSX_AF_SERVER_ID = 1u << 6,      /* TLS <= 1.2: the Server Hello gave a session ID */
    TLSX_AF_TICKET = 1u << 7,         /* a New Session Ticket came, in or after the handshake */
};

typedef struct {
    uint32_t flight_bytes;    /* bytes of the messages and records of the server's first flight */
    uint32_t sent_before;     /* ... of those, before its longest pause */
    uint32_t pause_frame;     /* the frame that ended that pause */
    uint32_t last_us;         /* when the flight's last record came, microseconds after the
                                 handshake's start */
    uint32_t pause_us : 24;   /* the longest pause between two records of the flight (capped) */
    uint32_t bits : 8;        /* TLSX_AF_* */
    uint32_t cert_bytes : 24; /* the server's Certificate message's length, 0 none seen */
    uint32_t cert_count : 8;  /* its certificates (at most 255), 0 unknown */
} tlsx_advice_facts;

/* State of one connection; zero-initialise it.  Its size is fixed. */
#define TLSX_HISTORY_MAX 24
typedef struct {
    uint32_t id;
    uint32_t steps, flights, rtts;
    uint16_t offered_version, version, cipher, group;
    uint32_t client_session_id;
    tlsx_sequence seq;
    tlsx_time start, prev, end;
    tlsx_time last[2]; /* by tlsx_side */
    int8_t last_side;  /* side of the last step, -1 none */
    uint8_t alert_desc;
    uint8_t history_len;
    char history[TLSX_HISTORY_MAX + 1];
    bool has_last[2];
    bool ccs[2];           /* the side sent a ChangeCipherSpec (TLS 1.2: it switched to
                              encryption) */
    bool finished[2];      /* the side's Finished was seen */
    bool decrypted;        /* some message of this handshake was decrypted */
    bool server_encrypted; /* TLS 1.3 without keys: server's encrypted flight seen */
    bool complete;         /* both Finished seen */
    bool failed;           /* ended by an alert */
    bool has_alert;        /* alert_desc is known */
    bool hrr, psk, resumed, renegotiation, early_data, encrypted_renegotiation;
    bool cert_requested, client_cert_verify;
    bool mid_capture; /* no Client Hello seen */
    bool client_hello_seen, group_known;
    uint32_t client_hello_length;
    bool has_shortest[2];
    tlsx_time shortest[2]; /* by tlsx_side: the side's shortest answer to the other */
    bool app_data_seen;    /* the first application data after the handshake */
    bool repeated_ccs[2];  /* a plaintext CCS after the end: a copy of the side's last flight */
    tlsx_time app_data_at;
    uint8_t transport;    /* tlsx_transport: set by the glue, kept from handshake to handshake */
    bool cookie;          /* DTLS: the server sent a HelloVerifyRequest */
    int32_t last_seq[2];  /* DTLS: by tlsx_side, the highest message_seq seen, -1 none */
    uint32_t slow_ms;     /* set by the caller, kept: a wait over it is slow (TLSX_FLAG_SLOW) */
    uint32_t slow_flight; /* the flight that has its TLSX_FLAG_SLOW, 0 none */
    int8_t last_finisher; /* the side whose Finished completed the handshake, -1 none */
    bool answered;        /* after that, the other side sent something: it took the Finished */
    uint32_t abandoned;   /* the handshake this one's first step cut short (ids are the
                             capture's: not always id - 1), 0 none */
    uint8_t ech;          /* tlsx_ech_outcome */
    bool legacy;          /* no Server Hello, but a record only TLS <= 1.2 has (the client's
                             offer of TLS 1.3 is no version) */
    bool compat_flight;   /* TLS 1.3: the client's last flight is only a compatibility CCS,
                             which waits for nothing: no round trip */
    uint8_t keyx;         /* tlsx_keyx, as far as the messages so far show it */
    uint32_t told;        /* TLSX_TOLD_*, from the messages so far */
    tlsx_infer infer;     /* TLS 1.3 without keys: what its encrypted records hold */
    uint32_t encrypted_records; /* ... how many were steps: the first names the key log */
    tlsx_advice_facts advice;   /* what the advice rests on */
} tlsx_handshake;

/* Encrypted Client Hello (draft-ietf-tls-esni), as far as the capture can
 * tell: an outer Client Hello looks the same whether its ECH is real or
 * GREASE, and its server name is then the public name of the ECH
 * configuration, not the name the client wants. */
typedef enum {
    TLSX_ECH_NOT_OFFERED = 0,
    TLSX_ECH_OFFERED,       /* the Client Hello carried encrypted_client_hello (real or GREASE);
                               no answer that tells more was seen */
    TLSX_ECH_RETRY_CONFIGS, /* the server answered with retry configurations (in its Encrypted
                               Extensions): it did not use the inner hello, real or GREASE */
    TLSX_ECH_ACCEPTED,      /* the HelloRetryRequest confirmed ECH: the inner hello is used */
} tlsx_ech_outcome;

/* Feeds one event.  Returns true and fills *step when the event is a step (or a
 * post-handshake message, or a duplicate); false when it is no part of a
 * handshake (application data, a fragment of a message shown elsewhere).
 * *next_id numbers handshakes across the capture. */
bool tlsx_handshake_feed(tlsx_handshake *hs, uint32_t *next_id, const tlsx_event *ev,
                         tlsx_step *step);

/* The glue tells the model that the server's first flight of the handshake
 * in hand stalled on its congestion window, waiting a round trip for the
 * client's acknowledgement (tlsx_advice_stall() decided it, when the
 * flight ended): a round trip inside one flight, which the turns between
 * the sides do not count.  Counts it once, in rtts and TLSX_TOLD_STALL,
 * for the steps after it and the summary; returns whether it did (not for
 * a handshake that failed, or already told). */
bool tlsx_handshake_note_stall(tlsx_handshake *hs);

/* Whether application data records of the connection may still matter: a
 * TLS 1.3 handshake seen without keys and not over yet, or any handshake
 * that is over, since the wait before a post-handshake message counts from
 * the peer's last record.  Lets the glue skip frames of application data
 * only on connections that have not reached their first handshake's end. */
bool tlsx_handshake_reads_app_data(const tlsx_handshake *hs);

/* Splits a step's wait into network and processing, by the TCP handshake's
 * baseline when tcp->known, else by an estimate from this handshake's
 * answers so far; *used is that baseline (for the capture point). */
void tlsx_handshake_split(const tlsx_handshake *hs, const tlsx_baseline *tcp, tlsx_step *st,
                          tlsx_baseline *used);

/* Whether a handshake is open: started and neither complete nor failed. */
bool tlsx_handshake_open(const tlsx_handshake *hs);

/* While a handshake is open, the next message it requires (a handshake type
 * or TLSX_MSG_*); TLSX_MSG_NONE when that cannot be told (no order known,
 * messages encrypted) or nothing is open. */
uint16_t tlsx_handshake_waiting_for(const tlsx_handshake *hs);

/* The step's message as users call it: a HelloRetryRequest is not called a
 * Server Hello although its type says so. */
const char *tlsx_step_name(const tlsx_step *st);

/* The step's message's place in the fixed order of tlsx_message_order(),
 * the Hello Retry Request's included. */
unsigned tlsx_step_order(const tlsx_step *st);

/* The handshake as a whole, taken when a step ends it (or at any time, for
 * an open handshake). */
typedef enum {
    TLSX_VARIANT_FULL,
    TLSX_VARIANT_RESUMED,
    TLSX_VARIANT_RENEGOTIATION,
    TLSX_VARIANT_HRR,
    TLSX_VARIANT_PSK,
    TLSX_VARIANT_0RTT,
} tlsx_variant;

typedef struct {
    uint32_t handshake;
    uint8_t variant; /* tlsx_variant */
    uint16_t version, cipher, group;
    bool group_known;
    bool resumed, hrr, client_auth, complete, has_alert, encrypted;
    bool cookie;       /* DTLS HelloVerifyRequest: a round trip to prove the client's address */
    uint8_t transport; /* tlsx_transport */
    uint8_t alert;
    uint8_t ech; /* tlsx_ech_outcome */
    uint32_t rtts;
    uint8_t keyx;  /* tlsx_keyx */
    uint32_t told; /* TLSX_TOLD_* */
    tlsx_time duration;
    char history[TLSX_HISTORY_MAX + 1];
} tlsx_summary;

void tlsx_handshake_summarize(const tlsx_handshake *hs, tlsx_summary *out);

/* "TLS 1.2 full", "TLS 1.3 HelloRetryRequest", "DTLS 1.2 full", "QUIC TLS 1.3
 * full", ...: writes into buf. */
/* What the capture says of Encrypted Client Hello, as a summary value;
 * NULL when the Client Hello offered none. */
const char *tlsx_ech_outcome_name(uint8_t ech);

void tlsx_summary_kind(const tlsx_summary *s, char *buf, size_t size);

#endif
