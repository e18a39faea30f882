/* tlsx_cipher.h: cipher suites as curl names them, and the key exchange a
 * TLS 1.2 suite implies.
 *
 * Wireshark names suites by their IANA names; curl's OpenSSL backend prints
 * OpenSSL's names ("SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_CIPHER_H
#define TLSX_CIPHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* OpenSSL's name of a suite, e.g. "ECDHE-RSA-AES128-GCM-SHA256"; NULL when
 * the table does not have it. */
const char *tlsx_cipher_openssl_name(uint16_t suite);

/* The key exchange named by an IANA suite name when no group is known:
 * "RSA" for TLS_RSA_WITH_*, "DHE", "DH", "ECDHE", "PSK"...; NULL for TLS 1.3
 * suites, which do not name one. */
const char *tlsx_cipher_key_exchange(const char *iana_name);

#endif
