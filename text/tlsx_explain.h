/* tlsx_explain.h: the explanation tables, one per language, keyed by message.
 *
 * A key names a message in its context: the same handshake type means
 * different things from the client and from the server, or in TLS 1.2 and
 * TLS 1.3, so each such case has its own key.  The tables are plain data
 * (explain_en.c, explain_zh.c) so that a reviewer reads one language at a
 * time, and a unit test checks that no key is left without a text.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_EXPLAIN_H
#define TLSX_EXPLAIN_H

typedef enum {
    /* The document's ten TLS 1.2 steps. */
    TLSX_EX_CLIENT_HELLO,        /* 1  [OUT] Client Hello */
    TLSX_EX_SERVER_HELLO,        /* 2  [IN]  Server Hello (TLS 1.2) */
    TLSX_EX_SERVER_CERTIFICATE,  /* 3  [IN]  Certificate */
    TLSX_EX_SERVER_KEY_EXCHANGE, /* 4  [IN]  Server Key Exchange */
    TLSX_EX_SERVER_HELLO_DONE,   /* 5  [IN]  "Server finished" in curl */
    TLSX_EX_CLIENT_KEY_EXCHANGE, /* 6  [OUT] Client Key Exchange */
    TLSX_EX_CLIENT_CCS,          /* 7  [OUT] Change Cipher Spec */
    TLSX_EX_CLIENT_FINISHED,     /* 8  [OUT] Finished */
    TLSX_EX_SERVER_CCS,          /* 9  [IN]  Change Cipher Spec */
    TLSX_EX_SERVER_FINISHED,     /* 10 [IN]  Finished (its end: TLSX_EX_PART_END_*) */

    /* TLS 1.2 messages the document leaves out. */
    TLSX_EX_HELLO_REQUEST,
    TLSX_EX_CERTIFICATE_REQUEST,
    TLSX_EX_CLIENT_CERTIFICATE,
    TLSX_EX_CLIENT_CERTIFICATE_VERIFY,
    TLSX_EX_NEW_SESSION_TICKET,
    TLSX_EX_CERTIFICATE_STATUS,
    TLSX_EX_SERVER_HELLO_RESUMED,       /* echoes the client's session ID: abbreviated handshake */
    TLSX_EX_SERVER_CCS_RESUMED,         /* abbreviated handshake: the server switches first */
    TLSX_EX_SERVER_FINISHED_RESUMED,    /* abbreviated handshake: the server finishes first */
    TLSX_EX_CLIENT_FINISHED_RESUMED,    /* abbreviated handshake: completes it */
    TLSX_EX_CLIENT_HELLO_RENEGOTIATION, /* a new handshake on an established connection */
    TLSX_EX_ENCRYPTED_RENEGOTIATION,    /* renegotiation message seen encrypted, no key log */

    /* TLS 1.3. */
    TLSX_EX_SERVER_HELLO_TLS13,
    TLSX_EX_HELLO_RETRY_REQUEST,
    TLSX_EX_CLIENT_HELLO_RETRY, /* the second Client Hello, answering a HelloRetryRequest */
    TLSX_EX_SERVER_HELLO_PSK,   /* accepts a pre-shared key: resumption */
    TLSX_EX_ENCRYPTED_EXTENSIONS,
    TLSX_EX_SERVER_CERTIFICATE_TLS13,
    TLSX_EX_SERVER_CERTIFICATE_VERIFY_TLS13,
    TLSX_EX_SERVER_FINISHED_TLS13,
    TLSX_EX_CLIENT_FINISHED_TLS13,
    TLSX_EX_END_OF_EARLY_DATA,
    TLSX_EX_NEW_SESSION_TICKET_TLS13,
    TLSX_EX_KEY_UPDATE,
    TLSX_EX_COMPAT_CCS_TLS13,       /* middlebox-compatibility ChangeCipherSpec */
    TLSX_EX_ENCRYPTED_SERVER_TLS13, /* encrypted record, no key log */
    TLSX_EX_ENCRYPTED_CLIENT_TLS13, /* encrypted record, no key log */
    /* ... a later one of the handshake: the key log was named once already */
    TLSX_EX_ENCRYPTED_SERVER_TLS13_MORE,
    TLSX_EX_ENCRYPTED_CLIENT_TLS13_MORE,

    /* Alerts: the general text; tlsx_alert.h explains each description. */
    TLSX_EX_ALERT_FATAL,
    TLSX_EX_ALERT_WARNING,
    TLSX_EX_ALERT_ENCRYPTED, /* an alert record that could not be decrypted */
    /* ... sent in a handshake by a side after its Finished: maybe close_notify */
    TLSX_EX_ALERT_ENCRYPTED_AFTER_FINISHED,

    /* DTLS and QUIC. */
    TLSX_EX_HELLO_VERIFY_REQUEST,  /* DTLS: the cookie exchange */
    TLSX_EX_CLIENT_HELLO_COOKIE,   /* DTLS: the second Client Hello, echoing the cookie */
    TLSX_EX_ENCRYPTED_SERVER_QUIC, /* a QUIC Handshake packet, no key log */
    TLSX_EX_ENCRYPTED_CLIENT_QUIC, /* a QUIC Handshake packet, no key log */

    /* Where a handshake runs, added to its first step's explanation. */
    TLSX_EX_CONTEXT_DTLS,
    TLSX_EX_CONTEXT_QUIC,
    TLSX_EX_UPGRADE_SMTP, /* STARTTLS: the plaintext command that came before */
    TLSX_EX_UPGRADE_IMAP,
    TLSX_EX_UPGRADE_POP3,
    TLSX_EX_UPGRADE_FTP,
    TLSX_EX_UPGRADE_LDAP,
    TLSX_EX_UPGRADE_XMPP,
    TLSX_EX_UPGRADE_PGSQL,
    TLSX_EX_UPGRADE_MYSQL,

    /* Rare or legacy messages Wireshark still names. */
    TLSX_EX_CERTIFICATE_URL,
    TLSX_EX_SUPPLEMENTAL_DATA,
    TLSX_EX_COMPRESSED_CERTIFICATE,
    TLSX_EX_NEXT_PROTOCOL,
    TLSX_EX_MESSAGE_HASH,
    TLSX_EX_UNKNOWN,

    /* Texts chosen by what the handshake told (tlsx_step's keyx and told),
     * and parts added to a message's text: each says one fact. */
    TLSX_EX_CLIENT_HELLO_TLS13,            /* offers TLS 1.3: supported_versions, key_share */
    TLSX_EX_PART_TICKET_OFFERED,           /* Client Hello: a TLS 1.2 session ticket */
    TLSX_EX_PART_PSK_OFFERED,              /* Client Hello: pre_shared_key */
    TLSX_EX_PART_EARLY_OFFERED,            /* Client Hello: early_data, 0-RTT */
    TLSX_EX_PART_HYBRID_OFFERED,           /* Client Hello: a hybrid post-quantum key share */
    TLSX_EX_PART_HYBRID_CHOSEN,            /* TLS 1.3 Server Hello: a hybrid group */
    TLSX_EX_SERVER_KEY_EXCHANGE_DHE,       /* finite-field DHE parameters */
    TLSX_EX_CLIENT_KEY_EXCHANGE_ECDHE,     /* the document's text told apart: */
    TLSX_EX_CLIENT_KEY_EXCHANGE_DHE,       /* each followed by how the master */
    TLSX_EX_CLIENT_KEY_EXCHANGE_RSA,       /* secret is derived */
    TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER,     /* PSK suites, unknown suites */
    TLSX_EX_PART_MASTER_FROM_RANDOMS,      /* no extended master secret */
    TLSX_EX_PART_MASTER_FROM_SESSION_HASH, /* extended master secret, RFC 7627 */
    TLSX_EX_HELLO_RETRY_REQUEST_COOKIE,    /* a cookie, no key_share group asked for */
    TLSX_EX_HELLO_RETRY_REQUEST_UNKNOWN,   /* its extensions were not read */
    TLSX_EX_PART_HRR_COOKIE_TOO,           /* a key_share group asked for, and a cookie */
    TLSX_EX_CLIENT_HELLO_RETRY_COOKIE,     /* answers a HelloRetryRequest with a cookie only */
    TLSX_EX_PART_PSK_DHE_KE,               /* TLS 1.3 PSK with a fresh key_share */
    TLSX_EX_PART_PSK_KE,                   /* TLS 1.3 PSK alone */
    TLSX_EX_PART_EARLY_ACCEPTED,           /* Encrypted Extensions: early_data */
    /* How the Finished that completes a handshake ends: with the round
     * trips when they are the ones its kind takes (and why there are more),
     * else without a count. */
    TLSX_EX_PART_END_FULL_TWO,
    TLSX_EX_PART_END_FULL_COOKIE, /* DTLS: three, one for the cookie exchange */
    TLSX_EX_PART_END_FULL,
    TLSX_EX_PART_END_RESUMED_ONE,
    TLSX_EX_PART_END_RESUMED_COOKIE, /* DTLS: two, one for the cookie exchange */
    TLSX_EX_PART_END_RESUMED,
    TLSX_EX_PART_END_TLS13_ONE,
    TLSX_EX_PART_END_TLS13_HRR, /* two, one for the HelloRetryRequest */
    TLSX_EX_PART_END_TLS13,
    TLSX_EX_PART_END_FULL_STALL,  /* three, one waiting for the client's ACK of the server's
                                     first flight (its congestion window) */
    TLSX_EX_PART_END_TLS13_STALL, /* two, one the same */

    TLSX_EX_COUNT
} tlsx_explain_key;

typedef enum { TLSX_LANG_EN, TLSX_LANG_ZH } tlsx_lang;

/* The text for a key in a language; never NULL for a valid key. */
const char *tlsx_explain(tlsx_lang lang, tlsx_explain_key key);

/* The raw tables, for the completeness test. */
extern const char *const tlsx_explain_en[TLSX_EX_COUNT];
extern const char *const tlsx_explain_zh[TLSX_EX_COUNT];

#endif
