/* tlsx_infer.c: see tlsx_infer.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_infer.h"

/* A handshake message's header: type and 24-bit length (RFC 8446 §4). */
#define HS_HEADER 4
/* The smallest Encrypted Extensions: the header and an empty list. */
#define EE_MIN (HS_HEADER + 2)
/* An empty client Certificate: the header, an empty context, an empty list. */
#define EMPTY_CERT (HS_HEADER + 1 + 3)
/* Under this many bytes a message in a certificate's place is no
 * certificate chain (the smallest certificates are a few hundred bytes):
 * it is a Certificate Request, or an Encrypted Extensions alone. */
#define CHAIN_MIN 256

bool tlsx_infer_suite(uint16_t cipher, unsigned *hash_len, unsigned *tag_len)
{
    switch (cipher) {
    case 0x1301: /* TLS_AES_128_GCM_SHA256 */
    case 0x1303: /* TLS_CHACHA20_POLY1305_SHA256 */
    case 0x1304: /* TLS_AES_128_CCM_SHA256 */
    case 0x00C6: /* TLS_SM4_GCM_SM3 (RFC 8998) */
    case 0x00C7: /* TLS_SM4_CCM_SM3 */
        *hash_len = 32;
        *tag_len = 16;
        return true;
    case 0x1302: /* TLS_AES_256_GCM_SHA384 */
        *hash_len = 48;
        *tag_len = 16;
        return true;
    case 0x1305: /* TLS_AES_128_CCM_8_SHA256: an 8-byte tag */
        *hash_len = 32;
        *tag_len = 8;
        return true;
    default:
        return false;
    }
}

/* Whether n bytes are a Certificate Verify: the header, the scheme, the
 * signature's length and a signature of a usual key: Ed25519, Ed448,
 * ECDSA P-256, P-384 and P-521 (DER, so a few sizes each), RSA of 1024 to
 * 4096 bits. */
static bool is_cert_verify(uint32_t n)
{
    const uint32_t fixed = HS_HEADER + 2 + 2;
    if (n <= fixed)
        return false;
    const uint32_t sig = n - fixed;
    return sig == 64 || sig == 114 || (sig >= 68 && sig <= 72) || (sig >= 100 && sig <= 104) ||
           (sig >= 135 && sig <= 139) || sig == 128 || sig == 256 || sig == 384 || sig == 512;
}

static uint8_t server_record(const tlsx_infer *in, uint8_t done, uint32_t n, uint32_t fin)
{
    if (done & TLSX_INFER_FINISHED)
        return 0; /* the flight is over: tickets or data, not guessed */
    if (!(done & TLSX_INFER_ENCRYPTED_EXTENSIONS)) {
        /* The first record.  A pre-shared key: Encrypted Extensions, then
         * Finished, alone or together; else a large first record is the
         * whole flight in one. */
        if (in->psk)
            return n >= fin + EE_MIN ? TLSX_INFER_ENCRYPTED_EXTENSIONS | TLSX_INFER_FINISHED
                                     : TLSX_INFER_ENCRYPTED_EXTENSIONS;
        if (n < CHAIN_MIN)
            return TLSX_INFER_ENCRYPTED_EXTENSIONS;
        return TLSX_INFER_ENCRYPTED_EXTENSIONS | TLSX_INFER_CERTIFICATE |
               TLSX_INFER_CERTIFICATE_VERIFY | TLSX_INFER_FINISHED;
    }
    if (!in->psk && !(done & TLSX_INFER_CERTIFICATE)) {
        if (n < CHAIN_MIN && !(done & TLSX_INFER_CERTIFICATE_REQUEST))
            return TLSX_INFER_CERTIFICATE_REQUEST;
        return TLSX_INFER_CERTIFICATE;
    }
    if (!in->psk && !(done & TLSX_INFER_CERTIFICATE_VERIFY)) {
        if (n > fin && is_cert_verify(n - fin))
            return TLSX_INFER_CERTIFICATE_VERIFY | TLSX_INFER_FINISHED;
        return TLSX_INFER_CERTIFICATE_VERIFY;
    }
    return n == fin ? TLSX_INFER_FINISHED : 0;
}

static uint8_t client_record(const tlsx_infer *in, uint8_t done, uint32_t n, uint32_t fin)
{
    if (done & TLSX_INFER_FINISHED)
        return 0;
    if (in->early_offered && !done) {
        if (n == HS_HEADER)
            return TLSX_INFER_END_OF_EARLY_DATA;
        if (n == HS_HEADER + fin)
            return TLSX_INFER_END_OF_EARLY_DATA | TLSX_INFER_FINISHED;
    }
    if (n == fin)
        return TLSX_INFER_FINISHED;
    if (done & TLSX_INFER_CERTIFICATE)
        return is_cert_verify(n) ? TLSX_INFER_CERTIFICATE_VERIFY : 0;
    /* A client asked for a certificate answers with one, empty when it
     * has none, before its Finished. */
    if (n == EMPTY_CERT)
        return TLSX_INFER_CERTIFICATE;
    if (n == EMPTY_CERT + fin)
        return TLSX_INFER_CERTIFICATE | TLSX_INFER_FINISHED;
    return n >= CHAIN_MIN ? TLSX_INFER_CERTIFICATE : 0;
}

uint8_t tlsx_infer_record(tlsx_infer *in, tlsx_side side, uint32_t length)
{
    unsigned hash, tag;
    if (!tlsx_infer_suite(in->cipher, &hash, &tag) || length < tag + 1 + HS_HEADER)
        return 0;
    /* The record's plaintext: its messages, without the tag and the inner
     * content type (no padding assumed). */
    const uint32_t n = length - tag - 1;
    const uint32_t fin = HS_HEADER + hash;
    const int s = side == TLSX_SERVER ? 1 : 0;
    const uint8_t set =
        s ? server_record(in, in->done[s], n, fin) : client_record(in, in->done[s], n, fin);
    in->done[s] |= set;
    return set;
}

unsigned tlsx_infer_types(uint8_t set, uint8_t types[6])
{
    static const uint8_t order[] = {TLSX_HS_END_OF_EARLY_DATA,   TLSX_HS_ENCRYPTED_EXTENSIONS,
                                    TLSX_HS_CERTIFICATE_REQUEST, TLSX_HS_CERTIFICATE,
                                    TLSX_HS_CERTIFICATE_VERIFY,  TLSX_HS_FINISHED};
    unsigned n = 0;
    for (unsigned i = 0; i < sizeof order; i++) {
        if (set & (1u << i))
            types[n++] = order[i];
    }
    return n;
}
