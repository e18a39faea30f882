/* test_suite.c: what tlsx_suite says of cipher suite codes, exact values
 * checked against the IANA registry's names.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "tlsx_suite.h"

static int failures;
static int checks;

/* One suite: its registry name, then what the table must say of it. */
static void expect(uint16_t code, const char *name, tlsx_kx kx, tlsx_auth auth, bool cbc,
                   bool server_cert)
{
    tlsx_suite_info in;
    const bool known = tlsx_suite_info_of(code, &in);
    checks++;
    if (!known || !in.known || in.kx != kx || in.auth != auth || in.cbc != cbc ||
        in.server_cert != server_cert) {
        failures++;
        fprintf(stderr,
                "0x%04X %s: got known=%d kx=%s auth=%s cbc=%d cert=%d, want kx=%s auth=%s "
                "cbc=%d cert=%d\n",
                code, name, known, tlsx_kx_name(in.kx), tlsx_auth_name(in.auth), in.cbc,
                in.server_cert, tlsx_kx_name(kx), tlsx_auth_name(auth), cbc, server_cert);
    }
    /* No Certificate exactly when a TLS <= 1.2 suite says so. */
    checks++;
    if (tlsx_suite_no_server_cert(code) != (kx != TLSX_KX_TLS13 && !server_cert)) {
        failures++;
        fprintf(stderr, "0x%04X %s: tlsx_suite_no_server_cert() wrong\n", code, name);
    }
}

static void expect_unknown(uint16_t code, const char *what)
{
    tlsx_suite_info in;
    in.known = true;
    in.kx = 99;
    checks++;
    if (tlsx_suite_info_of(code, &in) || in.known || in.kx != 0 || in.auth != 0 || in.cbc ||
        in.server_cert || tlsx_suite_no_server_cert(code)) {
        failures++;
        fprintf(stderr, "0x%04X %s: should be unknown\n", code, what);
    }
}

#define Y true
#define N false

int main(void)
{
    /* RSA key transport. */
    expect(0x0001, "TLS_RSA_WITH_NULL_MD5", TLSX_KX_RSA, TLSX_AUTH_RSA, N, Y);
    expect(0x0004, "TLS_RSA_WITH_RC4_128_MD5", TLSX_KX_RSA, TLSX_AUTH_RSA, N, Y);
    expect(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", TLSX_KX_RSA, TLSX_AUTH_RSA, Y, Y);
    expect(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA", TLSX_KX_RSA, TLSX_AUTH_RSA, Y, Y);
    expect(0x003B, "TLS_RSA_WITH_NULL_SHA256", TLSX_KX_RSA, TLSX_AUTH_RSA, N, Y);
    expect(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256", TLSX_KX_RSA, TLSX_AUTH_RSA, N, Y);
    expect(0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8", TLSX_KX_RSA, TLSX_AUTH_RSA, N, Y);
    /* Static and ephemeral finite-field DH. */
    expect(0x000D, "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA", TLSX_KX_DH, TLSX_AUTH_DSS, Y, Y);
    expect(0x0031, "TLS_DH_RSA_WITH_AES_128_CBC_SHA", TLSX_KX_DH, TLSX_AUTH_RSA, Y, Y);
    expect(0x00A5, "TLS_DH_DSS_WITH_AES_256_GCM_SHA384", TLSX_KX_DH, TLSX_AUTH_DSS, N, Y);
    expect(0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", TLSX_KX_DHE, TLSX_AUTH_DSS, Y, Y);
    expect(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", TLSX_KX_DHE, TLSX_AUTH_RSA, Y, Y);
    expect(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", TLSX_KX_DHE, TLSX_AUTH_RSA, Y, Y);
    expect(0x006A, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", TLSX_KX_DHE, TLSX_AUTH_DSS, Y, Y);
    expect(0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", TLSX_KX_DHE, TLSX_AUTH_RSA, N, Y);
    expect(0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", TLSX_KX_DHE, TLSX_AUTH_RSA, N, Y);
    expect(0xC09E, "TLS_DHE_RSA_WITH_AES_128_CCM", TLSX_KX_DHE, TLSX_AUTH_RSA, N, Y);
    /* Anonymous: no Certificate. */
    expect(0x0018, "TLS_DH_anon_WITH_RC4_128_MD5", TLSX_KX_DH_ANON, TLSX_AUTH_ANONYMOUS, N, N);
    expect(0x0034, "TLS_DH_anon_WITH_AES_128_CBC_SHA", TLSX_KX_DH_ANON, TLSX_AUTH_ANONYMOUS, Y, N);
    expect(0x00A7, "TLS_DH_anon_WITH_AES_256_GCM_SHA384", TLSX_KX_DH_ANON, TLSX_AUTH_ANONYMOUS, N,
           N);
    expect(0xC018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA", TLSX_KX_ECDH_ANON, TLSX_AUTH_ANONYMOUS, Y,
           N);
    expect(0xC015, "TLS_ECDH_anon_WITH_NULL_SHA", TLSX_KX_ECDH_ANON, TLSX_AUTH_ANONYMOUS, N, N);
    /* Kerberos: no Certificate. */
    expect(0x001E, "TLS_KRB5_WITH_DES_CBC_SHA", TLSX_KX_KRB5, TLSX_AUTH_KRB5, Y, N);
    expect(0x0020, "TLS_KRB5_WITH_RC4_128_SHA", TLSX_KX_KRB5, TLSX_AUTH_KRB5, N, N);
    expect(0x002B, "TLS_KRB5_EXPORT_WITH_RC4_40_MD5", TLSX_KX_KRB5, TLSX_AUTH_KRB5, N, N);
    /* PSK kinds: only RSA_PSK has a Certificate. */
    expect(0x002C, "TLS_PSK_WITH_NULL_SHA", TLSX_KX_PSK, TLSX_AUTH_PSK, N, N);
    expect(0x008C, "TLS_PSK_WITH_AES_128_CBC_SHA", TLSX_KX_PSK, TLSX_AUTH_PSK, Y, N);
    expect(0x00A8, "TLS_PSK_WITH_AES_128_GCM_SHA256", TLSX_KX_PSK, TLSX_AUTH_PSK, N, N);
    expect(0x00AE, "TLS_PSK_WITH_AES_128_CBC_SHA256", TLSX_KX_PSK, TLSX_AUTH_PSK, Y, N);
    expect(0xC0A4, "TLS_PSK_WITH_AES_128_CCM", TLSX_KX_PSK, TLSX_AUTH_PSK, N, N);
    expect(0xCCAB, "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256", TLSX_KX_PSK, TLSX_AUTH_PSK, N, N);
    expect(0x0090, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA", TLSX_KX_DHE_PSK, TLSX_AUTH_PSK, Y, N);
    expect(0x00AA, "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256", TLSX_KX_DHE_PSK, TLSX_AUTH_PSK, N, N);
    expect(0xC0AA, "TLS_PSK_DHE_WITH_AES_128_CCM_8", TLSX_KX_DHE_PSK, TLSX_AUTH_PSK, N, N);
    expect(0xCCAD, "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256", TLSX_KX_DHE_PSK, TLSX_AUTH_PSK, N,
           N);
    expect(0xC035, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA", TLSX_KX_ECDHE_PSK, TLSX_AUTH_PSK, Y, N);
    expect(0xC03B, "TLS_ECDHE_PSK_WITH_NULL_SHA384", TLSX_KX_ECDHE_PSK, TLSX_AUTH_PSK, N, N);
    expect(0xCCAC, "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256", TLSX_KX_ECDHE_PSK, TLSX_AUTH_PSK,
           N, N);
    expect(0xD001, "TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256", TLSX_KX_ECDHE_PSK, TLSX_AUTH_PSK, N, N);
    expect(0xD005, "TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256", TLSX_KX_ECDHE_PSK, TLSX_AUTH_PSK, N, N);
    expect(0x0094, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA", TLSX_KX_RSA_PSK, TLSX_AUTH_RSA, Y, Y);
    expect(0x00AC, "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256", TLSX_KX_RSA_PSK, TLSX_AUTH_RSA, N, Y);
    expect(0xCCAE, "TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256", TLSX_KX_RSA_PSK, TLSX_AUTH_RSA, N,
           Y);
    /* SRP: a Certificate only when RSA or DSS signs. */
    expect(0xC01A, "TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA", TLSX_KX_SRP, TLSX_AUTH_SRP, Y, N);
    expect(0xC01E, "TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA", TLSX_KX_SRP, TLSX_AUTH_RSA, Y, Y);
    expect(0xC022, "TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA", TLSX_KX_SRP, TLSX_AUTH_DSS, Y, Y);
    /* Elliptic curves. */
    expect(0xC004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA", TLSX_KX_ECDH, TLSX_AUTH_ECDSA, Y, Y);
    expect(0xC00E, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA", TLSX_KX_ECDH, TLSX_AUTH_RSA, Y, Y);
    expect(0xC032, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384", TLSX_KX_ECDH, TLSX_AUTH_RSA, N, Y);
    expect(0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", TLSX_KX_ECDHE, TLSX_AUTH_ECDSA, N, Y);
    expect(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", TLSX_KX_ECDHE, TLSX_AUTH_ECDSA, Y, Y);
    expect(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", TLSX_KX_ECDHE, TLSX_AUTH_RSA, Y, Y);
    expect(0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", TLSX_KX_ECDHE, TLSX_AUTH_RSA, Y, Y);
    expect(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", TLSX_KX_ECDHE, TLSX_AUTH_ECDSA, N, Y);
    expect(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", TLSX_KX_ECDHE, TLSX_AUTH_RSA, N, Y);
    expect(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", TLSX_KX_ECDHE, TLSX_AUTH_RSA, N,
           Y);
    expect(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", TLSX_KX_ECDHE, TLSX_AUTH_ECDSA,
           N, Y);
    expect(0xC0AC, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", TLSX_KX_ECDHE, TLSX_AUTH_ECDSA, N, Y);
    expect(0xC0AF, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8", TLSX_KX_ECDHE, TLSX_AUTH_ECDSA, N, Y);
    /* Camellia, SEED and ARIA. */
    expect(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", TLSX_KX_RSA, TLSX_AUTH_RSA, Y, Y);
    expect(0x0089, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA", TLSX_KX_DH_ANON, TLSX_AUTH_ANONYMOUS, Y,
           N);
    expect(0x009A, "TLS_DHE_RSA_WITH_SEED_CBC_SHA", TLSX_KX_DHE, TLSX_AUTH_RSA, Y, Y);
    expect(0x00C4, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256", TLSX_KX_DHE, TLSX_AUTH_RSA, Y, Y);
    expect(0xC03C, "TLS_RSA_WITH_ARIA_128_CBC_SHA256", TLSX_KX_RSA, TLSX_AUTH_RSA, Y, Y);
    expect(0xC047, "TLS_DH_anon_WITH_ARIA_256_CBC_SHA384", TLSX_KX_DH_ANON, TLSX_AUTH_ANONYMOUS, Y,
           N);
    expect(0xC061, "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384", TLSX_KX_ECDHE, TLSX_AUTH_RSA, N, Y);
    expect(0xC06A, "TLS_PSK_WITH_ARIA_128_GCM_SHA256", TLSX_KX_PSK, TLSX_AUTH_PSK, N, N);
    expect(0xC071, "TLS_ECDHE_PSK_WITH_ARIA_256_CBC_SHA384", TLSX_KX_ECDHE_PSK, TLSX_AUTH_PSK, Y,
           N);
    expect(0xC072, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256", TLSX_KX_ECDHE, TLSX_AUTH_ECDSA,
           Y, Y);
    expect(0xC08B, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384", TLSX_KX_ECDHE, TLSX_AUTH_RSA, N,
           Y);
    expect(0xC093, "TLS_RSA_PSK_WITH_CAMELLIA_256_GCM_SHA384", TLSX_KX_RSA_PSK, TLSX_AUTH_RSA, N,
           Y);
    expect(0xC09B, "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384", TLSX_KX_ECDHE_PSK, TLSX_AUTH_PSK,
           Y, N);
    /* TLS 1.3: the suite names neither; no answer on the Certificate. */
    expect(0x1301, "TLS_AES_128_GCM_SHA256", TLSX_KX_TLS13, TLSX_AUTH_NOT_IN_SUITE, N, N);
    expect(0x1303, "TLS_CHACHA20_POLY1305_SHA256", TLSX_KX_TLS13, TLSX_AUTH_NOT_IN_SUITE, N, N);
    expect(0x1305, "TLS_AES_128_CCM_8_SHA256", TLSX_KX_TLS13, TLSX_AUTH_NOT_IN_SUITE, N, N);
    expect(0x00C6, "TLS_SM4_GCM_SM3", TLSX_KX_TLS13, TLSX_AUTH_NOT_IN_SUITE, N, N);
    expect(0xC0B4, "TLS_SHA256_SHA256", TLSX_KX_TLS13, TLSX_AUTH_NOT_IN_SUITE, N, N);

    /* Not suites, or not ones the table knows. */
    expect_unknown(0x0000, "TLS_NULL_WITH_NULL_NULL");
    expect_unknown(0x001C, "unassigned (SSL 3 Fortezza)");
    expect_unknown(0x0047, "unassigned");
    expect_unknown(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
    expect_unknown(0x1306, "unassigned");
    expect_unknown(0x5600, "TLS_FALLBACK_SCSV");
    expect_unknown(0x0A0A, "GREASE");
    expect_unknown(0xFAFA, "GREASE");
    expect_unknown(0xC0B0, "TLS_ECCPWD_WITH_AES_128_GCM_SHA256 (not in the table)");
    expect_unknown(0xD004, "unassigned");
    expect_unknown(0xFFFF, "unassigned");

    /* How many codes the table knows, and how many of them go without a
     * Certificate, CBC, or TLS 1.3: a row lost or doubled changes these. */
    unsigned known = 0, no_cert = 0, cbc = 0, tls13 = 0;
    for (unsigned code = 0; code <= 0xFFFF; code++) {
        tlsx_suite_info in;
        if (!tlsx_suite_info_of((uint16_t)code, &in))
            continue;
        known++;
        no_cert += tlsx_suite_no_server_cert((uint16_t)code);
        cbc += in.cbc;
        tls13 += in.kx == TLSX_KX_TLS13;
    }
    printf("known %u, no certificate %u, cbc %u, tls13 %u\n", known, no_cert, cbc, tls13);
    checks++;
    if (known != 336 || no_cert != 110 || cbc != 180 || tls13 != 9) {
        failures++;
        fprintf(stderr, "counts changed\n");
    }

    /* Names. */
    checks++;
    if (strcmp(tlsx_kx_name(TLSX_KX_DH_ANON), "DH_anon") != 0 ||
        strcmp(tlsx_kx_name(TLSX_KX_TLS13), "TLS 1.3") != 0 ||
        strcmp(tlsx_kx_name(200), "unknown") != 0 ||
        strcmp(tlsx_auth_name(TLSX_AUTH_ANONYMOUS), "anonymous") != 0 ||
        strcmp(tlsx_auth_name(TLSX_AUTH_NOT_IN_SUITE), "not in suite") != 0 ||
        strcmp(tlsx_auth_name(200), "unknown") != 0) {
        failures++;
        fprintf(stderr, "names wrong\n");
    }

    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
