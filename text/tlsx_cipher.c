/* tlsx_cipher.c: see tlsx_cipher.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_cipher.h"

#include <string.h>

typedef struct {
    uint16_t suite;
    const char *openssl;
} suite_name;

/* The suites OpenSSL 1.1 and 3 offer by default, and a few legacy ones. */
static const suite_name suites[] = {
    {0x0004, "RC4-MD5"},
    {0x0005, "RC4-SHA"},
    {0x000A, "DES-CBC3-SHA"},
    {0x002F, "AES128-SHA"},
    {0x0033, "DHE-RSA-AES128-SHA"},
    {0x0035, "AES256-SHA"},
    {0x0039, "DHE-RSA-AES256-SHA"},
    {0x003C, "AES128-SHA256"},
    {0x003D, "AES256-SHA256"},
    {0x0067, "DHE-RSA-AES128-SHA256"},
    {0x006B, "DHE-RSA-AES256-SHA256"},
    {0x009C, "AES128-GCM-SHA256"},
    {0x009D, "AES256-GCM-SHA384"},
    {0x009E, "DHE-RSA-AES128-GCM-SHA256"},
    {0x009F, "DHE-RSA-AES256-GCM-SHA384"},
    {0x1301, "TLS_AES_128_GCM_SHA256"},
    {0x1302, "TLS_AES_256_GCM_SHA384"},
    {0x1303, "TLS_CHACHA20_POLY1305_SHA256"},
    {0x1304, "TLS_AES_128_CCM_SHA256"},
    {0x1305, "TLS_AES_128_CCM_8_SHA256"},
    {0xC009, "ECDHE-ECDSA-AES128-SHA"},
    {0xC00A, "ECDHE-ECDSA-AES256-SHA"},
    {0xC012, "ECDHE-RSA-DES-CBC3-SHA"},
    {0xC013, "ECDHE-RSA-AES128-SHA"},
    {0xC014, "ECDHE-RSA-AES256-SHA"},
    {0xC023, "ECDHE-ECDSA-AES128-SHA256"},
    {0xC024, "ECDHE-ECDSA-AES256-SHA384"},
    {0xC027, "ECDHE-RSA-AES128-SHA256"},
    {0xC028, "ECDHE-RSA-AES256-SHA384"},
    {0xC02B, "ECDHE-ECDSA-AES128-GCM-SHA256"},
    {0xC02C, "ECDHE-ECDSA-AES256-GCM-SHA384"},
    {0xC02F, "ECDHE-RSA-AES128-GCM-SHA256"},
    {0xC030, "ECDHE-RSA-AES256-GCM-SHA384"},
    {0xCCA8, "ECDHE-RSA-CHACHA20-POLY1305"},
    {0xCCA9, "ECDHE-ECDSA-CHACHA20-POLY1305"},
    {0xCCAA, "DHE-RSA-CHACHA20-POLY1305"},
};

const char *tlsx_cipher_openssl_name(uint16_t suite)
{
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        if (suites[i].suite == suite)
            return suites[i].openssl;
    }
    return NULL;
}

const char *tlsx_cipher_key_exchange(const char *iana_name)
{
    static const struct {
        const char *prefix;
        const char *kx;
    } kx[] = {
        {"TLS_RSA_", "RSA"},         {"TLS_DHE_", "DHE"},   {"TLS_DH_", "DH"},
        {"TLS_ECDHE_", "ECDHE"},     {"TLS_ECDH_", "ECDH"}, {"TLS_PSK_", "PSK"},
        {"TLS_RSA_PSK_", "RSA_PSK"}, {"TLS_SRP_", "SRP"},   {"TLS_KRB5_", "KRB5"},
    };
    const char *best = NULL;
    size_t best_len = 0;
    if (!iana_name)
        return NULL;
    /* The longest prefix wins: TLS_RSA_PSK_ is not TLS_RSA_. */
    for (size_t i = 0; i < sizeof kx / sizeof kx[0]; i++) {
        size_t n = strlen(kx[i].prefix);
        if (n > best_len && strncmp(iana_name, kx[i].prefix, n) == 0) {
            best = kx[i].kx;
            best_len = n;
        }
    }
    return best;
}
