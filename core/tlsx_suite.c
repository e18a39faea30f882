/* tlsx_suite.c: see tlsx_suite.h.
 *
 * The table is written from the meaning of each registry entry: the words
 * before WITH give the key exchange and the server's authentication, the
 * words after it the record protection.  Rows are ranges of codes with the
 * same three facts, in increasing order.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_suite.h"

#include <stddef.h>
#include <string.h>

typedef struct {
    uint16_t first, last;
    uint8_t kx, auth;
    bool cbc;
} suite_range;

/* Shorthands for the rows. */
#define RSA TLSX_KX_RSA, TLSX_AUTH_RSA
#define DH_DSS TLSX_KX_DH, TLSX_AUTH_DSS
#define DH_RSA TLSX_KX_DH, TLSX_AUTH_RSA
#define DHE_DSS TLSX_KX_DHE, TLSX_AUTH_DSS
#define DHE_RSA TLSX_KX_DHE, TLSX_AUTH_RSA
#define DH_ANON TLSX_KX_DH_ANON, TLSX_AUTH_ANONYMOUS
#define KRB5 TLSX_KX_KRB5, TLSX_AUTH_KRB5
#define PSK TLSX_KX_PSK, TLSX_AUTH_PSK
#define DHE_PSK TLSX_KX_DHE_PSK, TLSX_AUTH_PSK
#define RSA_PSK TLSX_KX_RSA_PSK, TLSX_AUTH_RSA
#define ECDHE_PSK TLSX_KX_ECDHE_PSK, TLSX_AUTH_PSK
#define ECDH_ECDSA TLSX_KX_ECDH, TLSX_AUTH_ECDSA
#define ECDHE_ECDSA TLSX_KX_ECDHE, TLSX_AUTH_ECDSA
#define ECDH_RSA TLSX_KX_ECDH, TLSX_AUTH_RSA
#define ECDHE_RSA TLSX_KX_ECDHE, TLSX_AUTH_RSA
#define ECDH_ANON TLSX_KX_ECDH_ANON, TLSX_AUTH_ANONYMOUS
#define SRP TLSX_KX_SRP, TLSX_AUTH_SRP
#define SRP_RSA TLSX_KX_SRP, TLSX_AUTH_RSA
#define SRP_DSS TLSX_KX_SRP, TLSX_AUTH_DSS
#define TLS13 TLSX_KX_TLS13, TLSX_AUTH_NOT_IN_SUITE
#define CBC true
#define NOT_CBC false /* stream, AEAD, or no encryption */

static const suite_range ranges[] = {
    /* The original suites: RSA with no cipher, RC4, then CBC ciphers. */
    {0x0001, 0x0005, RSA, NOT_CBC},
    {0x0006, 0x000A, RSA, CBC},
    {0x000B, 0x000D, DH_DSS, CBC},
    {0x000E, 0x0010, DH_RSA, CBC},
    {0x0011, 0x0013, DHE_DSS, CBC},
    {0x0014, 0x0016, DHE_RSA, CBC},
    {0x0017, 0x0018, DH_ANON, NOT_CBC}, /* RC4 */
    {0x0019, 0x001B, DH_ANON, CBC},
    /* Kerberos: DES, 3DES, RC4 and IDEA with SHA then MD5, then export. */
    {0x001E, 0x001F, KRB5, CBC},
    {0x0020, 0x0020, KRB5, NOT_CBC},
    {0x0021, 0x0023, KRB5, CBC},
    {0x0024, 0x0024, KRB5, NOT_CBC},
    {0x0025, 0x0027, KRB5, CBC},
    {0x0028, 0x0028, KRB5, NOT_CBC},
    {0x0029, 0x002A, KRB5, CBC},
    {0x002B, 0x002B, KRB5, NOT_CBC},
    /* PSK with no encryption. */
    {0x002C, 0x002C, PSK, NOT_CBC},
    {0x002D, 0x002D, DHE_PSK, NOT_CBC},
    {0x002E, 0x002E, RSA_PSK, NOT_CBC},
    /* AES-CBC, 128 then 256 bits. */
    {0x002F, 0x002F, RSA, CBC},
    {0x0030, 0x0030, DH_DSS, CBC},
    {0x0031, 0x0031, DH_RSA, CBC},
    {0x0032, 0x0032, DHE_DSS, CBC},
    {0x0033, 0x0033, DHE_RSA, CBC},
    {0x0034, 0x0034, DH_ANON, CBC},
    {0x0035, 0x0035, RSA, CBC},
    {0x0036, 0x0036, DH_DSS, CBC},
    {0x0037, 0x0037, DH_RSA, CBC},
    {0x0038, 0x0038, DHE_DSS, CBC},
    {0x0039, 0x0039, DHE_RSA, CBC},
    {0x003A, 0x003A, DH_ANON, CBC},
    /* TLS 1.2's SHA-256 MAC. */
    {0x003B, 0x003B, RSA, NOT_CBC},
    {0x003C, 0x003D, RSA, CBC},
    {0x003E, 0x003E, DH_DSS, CBC},
    {0x003F, 0x003F, DH_RSA, CBC},
    {0x0040, 0x0040, DHE_DSS, CBC},
    /* Camellia-CBC 128. */
    {0x0041, 0x0041, RSA, CBC},
    {0x0042, 0x0042, DH_DSS, CBC},
    {0x0043, 0x0043, DH_RSA, CBC},
    {0x0044, 0x0044, DHE_DSS, CBC},
    {0x0045, 0x0045, DHE_RSA, CBC},
    {0x0046, 0x0046, DH_ANON, CBC},
    /* AES-CBC with SHA-256. */
    {0x0067, 0x0067, DHE_RSA, CBC},
    {0x0068, 0x0068, DH_DSS, CBC},
    {0x0069, 0x0069, DH_RSA, CBC},
    {0x006A, 0x006A, DHE_DSS, CBC},
    {0x006B, 0x006B, DHE_RSA, CBC},
    {0x006C, 0x006D, DH_ANON, CBC},
    /* Camellia-CBC 256. */
    {0x0084, 0x0084, RSA, CBC},
    {0x0085, 0x0085, DH_DSS, CBC},
    {0x0086, 0x0086, DH_RSA, CBC},
    {0x0087, 0x0087, DHE_DSS, CBC},
    {0x0088, 0x0088, DHE_RSA, CBC},
    {0x0089, 0x0089, DH_ANON, CBC},
    /* RFC 4279: RC4, 3DES, AES-128, AES-256 for each PSK kind. */
    {0x008A, 0x008A, PSK, NOT_CBC},
    {0x008B, 0x008D, PSK, CBC},
    {0x008E, 0x008E, DHE_PSK, NOT_CBC},
    {0x008F, 0x0091, DHE_PSK, CBC},
    {0x0092, 0x0092, RSA_PSK, NOT_CBC},
    {0x0093, 0x0095, RSA_PSK, CBC},
    /* SEED-CBC. */
    {0x0096, 0x0096, RSA, CBC},
    {0x0097, 0x0097, DH_DSS, CBC},
    {0x0098, 0x0098, DH_RSA, CBC},
    {0x0099, 0x0099, DHE_DSS, CBC},
    {0x009A, 0x009A, DHE_RSA, CBC},
    {0x009B, 0x009B, DH_ANON, CBC},
    /* AES-GCM, two sizes each. */
    {0x009C, 0x009D, RSA, NOT_CBC},
    {0x009E, 0x009F, DHE_RSA, NOT_CBC},
    {0x00A0, 0x00A1, DH_RSA, NOT_CBC},
    {0x00A2, 0x00A3, DHE_DSS, NOT_CBC},
    {0x00A4, 0x00A5, DH_DSS, NOT_CBC},
    {0x00A6, 0x00A7, DH_ANON, NOT_CBC},
    {0x00A8, 0x00A9, PSK, NOT_CBC},
    {0x00AA, 0x00AB, DHE_PSK, NOT_CBC},
    {0x00AC, 0x00AD, RSA_PSK, NOT_CBC},
    /* RFC 5487: PSK with AES-CBC and SHA-2, then with no encryption. */
    {0x00AE, 0x00AF, PSK, CBC},
    {0x00B0, 0x00B1, PSK, NOT_CBC},
    {0x00B2, 0x00B3, DHE_PSK, CBC},
    {0x00B4, 0x00B5, DHE_PSK, NOT_CBC},
    {0x00B6, 0x00B7, RSA_PSK, CBC},
    {0x00B8, 0x00B9, RSA_PSK, NOT_CBC},
    /* Camellia-CBC with SHA-256, 128 then 256 bits. */
    {0x00BA, 0x00BA, RSA, CBC},
    {0x00BB, 0x00BB, DH_DSS, CBC},
    {0x00BC, 0x00BC, DH_RSA, CBC},
    {0x00BD, 0x00BD, DHE_DSS, CBC},
    {0x00BE, 0x00BE, DHE_RSA, CBC},
    {0x00BF, 0x00BF, DH_ANON, CBC},
    {0x00C0, 0x00C0, RSA, CBC},
    {0x00C1, 0x00C1, DH_DSS, CBC},
    {0x00C2, 0x00C2, DH_RSA, CBC},
    {0x00C3, 0x00C3, DHE_DSS, CBC},
    {0x00C4, 0x00C4, DHE_RSA, CBC},
    {0x00C5, 0x00C5, DH_ANON, CBC},
    /* RFC 8998: SM4 for TLS 1.3. */
    {0x00C6, 0x00C7, TLS13, NOT_CBC},
    /* TLS 1.3: AES-GCM, ChaCha20-Poly1305, AES-CCM. */
    {0x1301, 0x1305, TLS13, NOT_CBC},
    /* RFC 4492 and 8422: no cipher, RC4, 3DES, AES-128, AES-256 for each. */
    {0xC001, 0xC002, ECDH_ECDSA, NOT_CBC},
    {0xC003, 0xC005, ECDH_ECDSA, CBC},
    {0xC006, 0xC007, ECDHE_ECDSA, NOT_CBC},
    {0xC008, 0xC00A, ECDHE_ECDSA, CBC},
    {0xC00B, 0xC00C, ECDH_RSA, NOT_CBC},
    {0xC00D, 0xC00F, ECDH_RSA, CBC},
    {0xC010, 0xC011, ECDHE_RSA, NOT_CBC},
    {0xC012, 0xC014, ECDHE_RSA, CBC},
    {0xC015, 0xC016, ECDH_ANON, NOT_CBC},
    {0xC017, 0xC019, ECDH_ANON, CBC},
    /* RFC 5054: SRP alone, with RSA, with DSS; 3DES, AES-128, AES-256. */
    {0xC01A, 0xC01A, SRP, CBC},
    {0xC01B, 0xC01B, SRP_RSA, CBC},
    {0xC01C, 0xC01C, SRP_DSS, CBC},
    {0xC01D, 0xC01D, SRP, CBC},
    {0xC01E, 0xC01E, SRP_RSA, CBC},
    {0xC01F, 0xC01F, SRP_DSS, CBC},
    {0xC020, 0xC020, SRP, CBC},
    {0xC021, 0xC021, SRP_RSA, CBC},
    {0xC022, 0xC022, SRP_DSS, CBC},
    /* RFC 5289: SHA-2 MACs, then GCM. */
    {0xC023, 0xC024, ECDHE_ECDSA, CBC},
    {0xC025, 0xC026, ECDH_ECDSA, CBC},
    {0xC027, 0xC028, ECDHE_RSA, CBC},
    {0xC029, 0xC02A, ECDH_RSA, CBC},
    {0xC02B, 0xC02C, ECDHE_ECDSA, NOT_CBC},
    {0xC02D, 0xC02E, ECDH_ECDSA, NOT_CBC},
    {0xC02F, 0xC030, ECDHE_RSA, NOT_CBC},
    {0xC031, 0xC032, ECDH_RSA, NOT_CBC},
    /* RFC 5489: ECDHE_PSK with RC4, 3DES, AES, then no encryption. */
    {0xC033, 0xC033, ECDHE_PSK, NOT_CBC},
    {0xC034, 0xC038, ECDHE_PSK, CBC},
    {0xC039, 0xC03B, ECDHE_PSK, NOT_CBC},
    /* RFC 6209: ARIA, CBC pairs then GCM pairs, then the PSK ones. */
    {0xC03C, 0xC03D, RSA, CBC},
    {0xC03E, 0xC03F, DH_DSS, CBC},
    {0xC040, 0xC041, DH_RSA, CBC},
    {0xC042, 0xC043, DHE_DSS, CBC},
    {0xC044, 0xC045, DHE_RSA, CBC},
    {0xC046, 0xC047, DH_ANON, CBC},
    {0xC048, 0xC049, ECDHE_ECDSA, CBC},
    {0xC04A, 0xC04B, ECDH_ECDSA, CBC},
    {0xC04C, 0xC04D, ECDHE_RSA, CBC},
    {0xC04E, 0xC04F, ECDH_RSA, CBC},
    {0xC050, 0xC051, RSA, NOT_CBC},
    {0xC052, 0xC053, DHE_RSA, NOT_CBC},
    {0xC054, 0xC055, DH_RSA, NOT_CBC},
    {0xC056, 0xC057, DHE_DSS, NOT_CBC},
    {0xC058, 0xC059, DH_DSS, NOT_CBC},
    {0xC05A, 0xC05B, DH_ANON, NOT_CBC},
    {0xC05C, 0xC05D, ECDHE_ECDSA, NOT_CBC},
    {0xC05E, 0xC05F, ECDH_ECDSA, NOT_CBC},
    {0xC060, 0xC061, ECDHE_RSA, NOT_CBC},
    {0xC062, 0xC063, ECDH_RSA, NOT_CBC},
    {0xC064, 0xC065, PSK, CBC},
    {0xC066, 0xC067, DHE_PSK, CBC},
    {0xC068, 0xC069, RSA_PSK, CBC},
    {0xC06A, 0xC06B, PSK, NOT_CBC},
    {0xC06C, 0xC06D, DHE_PSK, NOT_CBC},
    {0xC06E, 0xC06F, RSA_PSK, NOT_CBC},
    {0xC070, 0xC071, ECDHE_PSK, CBC},
    /* RFC 6367: Camellia with the EC key exchanges (CBC), GCM, then PSK. */
    {0xC072, 0xC073, ECDHE_ECDSA, CBC},
    {0xC074, 0xC075, ECDH_ECDSA, CBC},
    {0xC076, 0xC077, ECDHE_RSA, CBC},
    {0xC078, 0xC079, ECDH_RSA, CBC},
    {0xC07A, 0xC07B, RSA, NOT_CBC},
    {0xC07C, 0xC07D, DHE_RSA, NOT_CBC},
    {0xC07E, 0xC07F, DH_RSA, NOT_CBC},
    {0xC080, 0xC081, DHE_DSS, NOT_CBC},
    {0xC082, 0xC083, DH_DSS, NOT_CBC},
    {0xC084, 0xC085, DH_ANON, NOT_CBC},
    {0xC086, 0xC087, ECDHE_ECDSA, NOT_CBC},
    {0xC088, 0xC089, ECDH_ECDSA, NOT_CBC},
    {0xC08A, 0xC08B, ECDHE_RSA, NOT_CBC},
    {0xC08C, 0xC08D, ECDH_RSA, NOT_CBC},
    {0xC08E, 0xC08F, PSK, NOT_CBC},
    {0xC090, 0xC091, DHE_PSK, NOT_CBC},
    {0xC092, 0xC093, RSA_PSK, NOT_CBC},
    {0xC094, 0xC095, PSK, CBC},
    {0xC096, 0xC097, DHE_PSK, CBC},
    {0xC098, 0xC099, RSA_PSK, CBC},
    {0xC09A, 0xC09B, ECDHE_PSK, CBC},
    /* RFC 6655 and 7251: AES-CCM. */
    {0xC09C, 0xC09D, RSA, NOT_CBC},
    {0xC09E, 0xC09F, DHE_RSA, NOT_CBC},
    {0xC0A0, 0xC0A1, RSA, NOT_CBC},
    {0xC0A2, 0xC0A3, DHE_RSA, NOT_CBC},
    {0xC0A4, 0xC0A5, PSK, NOT_CBC},
    {0xC0A6, 0xC0A7, DHE_PSK, NOT_CBC},
    {0xC0A8, 0xC0A9, PSK, NOT_CBC},
    {0xC0AA, 0xC0AB, DHE_PSK, NOT_CBC},
    {0xC0AC, 0xC0AF, ECDHE_ECDSA, NOT_CBC},
    /* RFC 9150: TLS 1.3 integrity only. */
    {0xC0B4, 0xC0B5, TLS13, NOT_CBC},
    /* RFC 7905: ChaCha20-Poly1305. */
    {0xCCA8, 0xCCA8, ECDHE_RSA, NOT_CBC},
    {0xCCA9, 0xCCA9, ECDHE_ECDSA, NOT_CBC},
    {0xCCAA, 0xCCAA, DHE_RSA, NOT_CBC},
    {0xCCAB, 0xCCAB, PSK, NOT_CBC},
    {0xCCAC, 0xCCAC, ECDHE_PSK, NOT_CBC},
    {0xCCAD, 0xCCAD, DHE_PSK, NOT_CBC},
    {0xCCAE, 0xCCAE, RSA_PSK, NOT_CBC},
    /* RFC 8442: ECDHE_PSK with AES-GCM and AES-CCM (0xD004 is unassigned). */
    {0xD001, 0xD003, ECDHE_PSK, NOT_CBC},
    {0xD005, 0xD005, ECDHE_PSK, NOT_CBC},
};

/* Whether a TLS <= 1.2 server of this key exchange and authentication
 * sends a Certificate: not when the key or password is shared beforehand,
 * nobody is authenticated, or Kerberos authenticates. */
static bool sends_certificate(uint8_t kx, uint8_t auth)
{
    switch (auth) {
    case TLSX_AUTH_RSA:
    case TLSX_AUTH_ECDSA:
    case TLSX_AUTH_DSS:
        return kx != TLSX_KX_TLS13;
    default:
        return false;
    }
}

bool tlsx_suite_info_of(uint16_t suite, tlsx_suite_info *out)
{
    memset(out, 0, sizeof *out);
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const suite_range *r = &ranges[mid];
        if (suite < r->first) {
            hi = mid;
        } else if (suite > r->last) {
            lo = mid + 1;
        } else {
            out->known = true;
            out->kx = r->kx;
            out->auth = r->auth;
            out->cbc = r->cbc;
            out->server_cert = sends_certificate(r->kx, r->auth);
            return true;
        }
    }
    return false;
}

bool tlsx_suite_no_server_cert(uint16_t suite)
{
    /* The model asks at every event of a handshake, always of the same
     * suite: the last answer is kept. */
    static uint16_t last_suite;
    static bool last_answer, answered;
    if (answered && suite == last_suite)
        return last_answer;
    tlsx_suite_info info;
    last_answer = tlsx_suite_info_of(suite, &info) && info.kx != TLSX_KX_TLS13 && !info.server_cert;
    last_suite = suite;
    answered = true;
    return last_answer;
}

const char *tlsx_kx_name(uint8_t kx)
{
    static const char *const names[] = {
        [TLSX_KX_UNKNOWN] = "unknown",
        [TLSX_KX_RSA] = "RSA",
        [TLSX_KX_DHE] = "DHE",
        [TLSX_KX_ECDHE] = "ECDHE",
        [TLSX_KX_DH] = "DH",
        [TLSX_KX_ECDH] = "ECDH",
        [TLSX_KX_PSK] = "PSK",
        [TLSX_KX_DHE_PSK] = "DHE_PSK",
        [TLSX_KX_ECDHE_PSK] = "ECDHE_PSK",
        [TLSX_KX_RSA_PSK] = "RSA_PSK",
        [TLSX_KX_DH_ANON] = "DH_anon",
        [TLSX_KX_ECDH_ANON] = "ECDH_anon",
        [TLSX_KX_SRP] = "SRP",
        [TLSX_KX_KRB5] = "KRB5",
        [TLSX_KX_TLS13] = "TLS 1.3",
    };
    return kx < sizeof names / sizeof names[0] ? names[kx] : names[0];
}

const char *tlsx_auth_name(uint8_t auth)
{
    static const char *const names[] = {
        [TLSX_AUTH_UNKNOWN] = "unknown",
        [TLSX_AUTH_RSA] = "RSA",
        [TLSX_AUTH_ECDSA] = "ECDSA",
        [TLSX_AUTH_DSS] = "DSS",
        [TLSX_AUTH_PSK] = "PSK",
        [TLSX_AUTH_ANONYMOUS] = "anonymous",
        [TLSX_AUTH_SRP] = "SRP",
        [TLSX_AUTH_KRB5] = "KRB5",
        [TLSX_AUTH_NOT_IN_SUITE] = "not in suite",
    };
    return auth < sizeof names / sizeof names[0] ? names[auth] : names[0];
}
