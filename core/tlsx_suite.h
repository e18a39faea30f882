/* tlsx_suite.h: what a cipher suite's code (IANA "TLS Cipher Suites"
 * registry) says about its handshake: how the keys are agreed, how the
 * server proves who it is, whether records use a block cipher in CBC mode,
 * and whether a TLS 1.2 (or older) server sends a Certificate.
 *
 * TLS 1.3 suites name only the record protection: their key exchange and
 * authentication come from extensions (key_share, pre_shared_key,
 * signature_algorithms), so they say TLSX_KX_TLS13 and TLSX_AUTH_NOT_IN_SUITE.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_SUITE_H
#define TLSX_SUITE_H

#include <stdbool.h>
#include <stdint.h>

/* Key exchange. */
typedef enum {
    TLSX_KX_UNKNOWN = 0, /* not a suite we know, or a signalling value (SCSV) */
    TLSX_KX_RSA,         /* the client encrypts the premaster secret to the server's RSA key */
    TLSX_KX_DHE,         /* ephemeral finite-field Diffie-Hellman, signed by the server */
    TLSX_KX_ECDHE,       /* ephemeral elliptic-curve Diffie-Hellman, signed by the server */
    TLSX_KX_DH,          /* static Diffie-Hellman: the server's DH key is in its certificate */
    TLSX_KX_ECDH,        /* static EC Diffie-Hellman: the server's key is in its certificate */
    TLSX_KX_PSK,         /* a pre-shared key alone (RFC 4279) */
    TLSX_KX_DHE_PSK,     /* a pre-shared key mixed with ephemeral DH */
    TLSX_KX_ECDHE_PSK,   /* a pre-shared key mixed with ephemeral ECDH (RFC 5489) */
    TLSX_KX_RSA_PSK,     /* a pre-shared key mixed with an RSA-encrypted secret */
    TLSX_KX_DH_ANON,     /* ephemeral DH, nobody authenticated */
    TLSX_KX_ECDH_ANON,   /* ephemeral ECDH, nobody authenticated */
    TLSX_KX_SRP,         /* Secure Remote Password (RFC 5054) */
    TLSX_KX_KRB5,        /* Kerberos tickets (RFC 2712) */
    TLSX_KX_TLS13,       /* a TLS 1.3 suite: negotiated by extensions */
} tlsx_kx;

/* How the server authenticates. */
typedef enum {
    TLSX_AUTH_UNKNOWN = 0,
    TLSX_AUTH_RSA,
    TLSX_AUTH_ECDSA,
    TLSX_AUTH_DSS,
    TLSX_AUTH_PSK,          /* knowing the pre-shared key */
    TLSX_AUTH_ANONYMOUS,    /* nobody: open to a man in the middle */
    TLSX_AUTH_SRP,          /* knowing the password's verifier */
    TLSX_AUTH_KRB5,         /* a Kerberos ticket */
    TLSX_AUTH_NOT_IN_SUITE, /* TLS 1.3: by the Certificate or the PSK, not the suite */
} tlsx_auth;

typedef struct {
    bool known;       /* the code is a cipher suite of this table */
    uint8_t kx;       /* tlsx_kx */
    uint8_t auth;     /* tlsx_auth */
    bool cbc;         /* records use a block cipher in CBC mode */
    bool server_cert; /* TLS <= 1.2: the server sends a Certificate (false for TLS 1.3 suites
                         and unknown codes: ask tlsx_suite_no_server_cert()) */
} tlsx_suite_info;

/* Fills *out for a suite; returns out->known.  An unknown code gives all zero. */
bool tlsx_suite_info_of(uint16_t suite, tlsx_suite_info *out);

/* A known TLS <= 1.2 suite whose server sends no Certificate: PSK, DHE_PSK,
 * ECDHE_PSK, anonymous, SRP without RSA or DSS, and Kerberos suites.  False
 * for TLS 1.3 suites and unknown codes, where the suite does not tell. */
bool tlsx_suite_no_server_cert(uint16_t suite);

/* Short names as the registry spells them: "ECDHE", "DHE_PSK", "DH_anon",
 * "TLS 1.3"; "ECDSA", "anonymous", "not in suite"; "unknown" for 0. */
const char *tlsx_kx_name(uint8_t kx);
const char *tlsx_auth_name(uint8_t auth);

#endif
