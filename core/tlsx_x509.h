/* tlsx_x509.h: what curl -v shows of the server's certificate, read from the
 * leaf certificate's DER bytes: subject, issuer, validity, the subject
 * alternative names, and whether one matches the name the client asked for;
 * the public key's type and size and the signature algorithm (curl 8's
 * "Certificate level 0" line).
 *
 * The reader checks every length against the bytes it was given and reads
 * nothing else: bad input makes it return false, never read past the end.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_X509_H
#define TLSX_X509_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TLSX_X509_NAME_SIZE 256 /* a subject or issuer, written out, with its NUL */
#define TLSX_X509_SAN_MAX 8     /* dNSNames kept */
#define TLSX_X509_DNS_SIZE 128  /* one dNSName, escaped, with its NUL */

/* The subject public key's type, as OpenSSL names it ("RSA", "EC"). */
typedef enum {
    TLSX_X509_KEY_UNKNOWN, /* a type, or an EC curve, the reader does not name */
    TLSX_X509_KEY_RSA,
    TLSX_X509_KEY_RSA_PSS,
    TLSX_X509_KEY_EC,
    TLSX_X509_KEY_ED25519,
    TLSX_X509_KEY_ED448,
} tlsx_x509_key_type;

typedef struct {
    char subject[TLSX_X509_NAME_SIZE]; /* "CN=q.shanyue.test", "C=US; O=Example; CN=x" */
    char issuer[TLSX_X509_NAME_SIZE];
    int64_t not_before, not_after; /* seconds since 1970-01-01 UTC */
    uint8_t dns_count;             /* dNSNames kept, in the certificate's order */
    bool has_san;                  /* a subjectAltName extension with a dNSName */
    char dns[TLSX_X509_SAN_MAX][TLSX_X509_DNS_SIZE];
    char cn[TLSX_X509_DNS_SIZE]; /* the subject's last commonName, "" when none */
    tlsx_x509_key_type key_type;
    const char *curve;     /* an EC key's named curve, as OpenSSL names it ("prime256v1") */
    unsigned key_bits;     /* RSA: the modulus's bits; EC: the curve order's; Ed25519 256 */
    unsigned key_sec_bits; /* security bits, as OpenSSL estimates them */
    const char *sig_alg;   /* the signatureAlgorithm, as OpenSSL names it; NULL unknown */
} tlsx_x509;

/* Reads a DER certificate.  False, with *out undefined, when the bytes are
 * not one (cut, a length past the end, a field of the wrong type). */
bool tlsx_x509_read(const uint8_t *der, size_t len, tlsx_x509 *out);

/* A type name as OpenSSL's EVP_PKEY_get0_type_name() gives it ("RSA",
 * "RSA-PSS", "EC", "ED25519", "ED448"); NULL for TLSX_X509_KEY_UNKNOWN. */
const char *tlsx_x509_key_name(tlsx_x509_key_type type);

/* The security bits OpenSSL gives an RSA modulus (or finite-field prime) of
 * n bits: NIST SP 800-56B's estimate, rounded to a multiple of 8, with the
 * standards' canonical values (2048 -> 112, 3072 -> 128, 4096 -> 152, 7680 ->
 * 192, 15360 -> 256). */
unsigned tlsx_x509_rsa_security_bits(unsigned n);

/* The first certificate of a Certificate handshake message (type and length
 * first), TLS 1.0-1.2 or TLS 1.3 layout, whichever the lengths fit: its
 * bytes within msg.  False when neither fits. */
bool tlsx_x509_leaf(const uint8_t *msg, size_t len, const uint8_t **der, size_t *der_len);

/* A time as curl prints it (OpenSSL's): "Dec  7 07:16:14 2026 GMT". */
void tlsx_x509_date(char *buf, size_t size, int64_t t);

/* Which name of the certificate matches host, as curl checks: the
 * dNSNames when there is one (a "*." wildcard covers one leftmost label),
 * else the commonName.  Writes the name that matched into *matched
 * (NULL when none); returns whether one did. */
bool tlsx_x509_matches(const tlsx_x509 *c, const char *host, const char **matched);

#endif
