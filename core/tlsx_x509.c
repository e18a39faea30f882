/* tlsx_x509.c: see tlsx_x509.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_x509.h"

#include <string.h>

#include "tlsx_text.h"

/* A DER element: its tag, and its contents within the input. */
typedef struct {
    uint8_t tag;
    const uint8_t *p;
    size_t len;
} der;

/* A cursor over the contents of an element. */
typedef struct {
    const uint8_t *p;
    size_t left;
} cursor;

/* Reads the next element (one-byte tags only: all X.509 needs). */
static bool next(cursor *c, der *out)
{
    if (c->left < 2)
        return false;
    const uint8_t tag = c->p[0];
    size_t at = 2, len = c->p[1];
    if ((tag & 0x1f) == 0x1f)
        return false;
    if (len & 0x80) {
        const size_t n = len & 0x7f;
        if (n == 0 || n > 4 || c->left - 2 < n)
            return false;
        len = 0;
        for (size_t i = 0; i < n; i++)
            len = len << 8 | c->p[2 + i];
        at += n;
    }
    if (c->left - at < len)
        return false;
    out->tag = tag;
    out->p = c->p + at;
    out->len = len;
    c->p += at + len;
    c->left -= at + len;
    return true;
}

static bool next_tag(cursor *c, uint8_t tag, der *out)
{
    return next(c, out) && out->tag == tag;
}

static cursor inside(const der *d)
{
    cursor c = {d->p, d->len};
    return c;
}

/* OpenSSL's short names of the attributes names are made of. */
static const char *attribute_name(const der *oid)
{
    static const struct {
        uint8_t len;
        uint8_t bytes[10];
        const char *name;
    } known[] = {
        {3, {0x55, 0x04, 0x03}, "CN"},
        {3, {0x55, 0x04, 0x06}, "C"},
        {3, {0x55, 0x04, 0x07}, "L"},
        {3, {0x55, 0x04, 0x08}, "ST"},
        {3, {0x55, 0x04, 0x0a}, "O"},
        {3, {0x55, 0x04, 0x0b}, "OU"},
        {3, {0x55, 0x04, 0x05}, "serialNumber"},
        {9, {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01}, "emailAddress"},
        {10, {0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19}, "DC"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (oid->len == known[i].len && memcmp(oid->p, known[i].bytes, oid->len) == 0)
            return known[i].name;
    return NULL;
}

/* An OID in dotted form, for the attributes without a short name. */
static void add_oid(tlsx_text *t, const der *oid)
{
    unsigned long v = 0;
    bool first = true;
    for (size_t i = 0; i < oid->len; i++) {
        if (v > 0xffffffUL) /* an arc too big to be real: the rest is left out */
            return;
        v = v << 7 | (oid->p[i] & 0x7f);
        if (oid->p[i] & 0x80)
            continue;
        if (first) {
            const unsigned long top = v < 40 ? 0 : v < 80 ? 1 : 2;
            tlsx_text_add_uint(t, (unsigned)top);
            tlsx_text_add(t, ".");
            tlsx_text_add_uint(t, (unsigned)(v - top * 40));
            first = false;
        } else {
            tlsx_text_add(t, ".");
            tlsx_text_add_uint(t, (unsigned)v);
        }
        v = 0;
    }
}

static bool is_string_tag(uint8_t tag)
{
    /* UTF8String, NumericString, PrintableString, T61String, IA5String,
     * VisibleString, UniversalString, BMPString */
    return tag == 0x0c || tag == 0x12 || tag == 0x13 || tag == 0x14 || tag == 0x16 || tag == 0x1a ||
           tag == 0x1c || tag == 0x1e;
}

/* A Name as curl prints it: "C=US; O=Example; CN=x", in the certificate's
 * order; values escaped as names from the wire are.  *cn gets the last
 * commonName. */
static bool read_name(const der *name, char *out, size_t size, char *cn, size_t cn_size)
{
    tlsx_text t;
    tlsx_text_init(&t, out, size);
    cursor rdns = inside(name);
    bool first = true;
    while (rdns.left) {
        der rdn, atv;
        if (!next_tag(&rdns, 0x31, &rdn))
            return false;
        cursor atvs = inside(&rdn);
        while (atvs.left) {
            if (!next_tag(&atvs, 0x30, &atv))
                return false;
            cursor parts = inside(&atv);
            der oid, value;
            if (!next_tag(&parts, 0x06, &oid) || !next(&parts, &value))
                return false;
            char text[TLSX_NAME_SIZE];
            tlsx_escape_name(text, value.p, value.len);
            if (!is_string_tag(value.tag))
                text[0] = '\0';
            if (!first)
                tlsx_text_add(&t, "; ");
            first = false;
            const char *short_name = attribute_name(&oid);
            if (short_name)
                tlsx_text_add(&t, short_name);
            else
                add_oid(&t, &oid);
            tlsx_text_add(&t, "=");
            tlsx_text_add(&t, text);
            if (short_name && strcmp(short_name, "CN") == 0) {
                tlsx_text c;
                tlsx_text_init(&c, cn, cn_size);
                tlsx_text_add(&c, text);
            }
        }
    }
    return true;
}

static bool digits(const uint8_t *p, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return true;
}

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* UTCTime "YYMMDDHHMMSSZ" or GeneralizedTime "YYYYMMDDHHMMSSZ". */
static bool read_time(const der *d, int64_t *out)
{
    int y, mo, day, h, mi, s;
    const uint8_t *p = d->p;
    if (d->tag == 0x17 && d->len == 13) {
        if (!digits(p, 2, &y))
            return false;
        y += y < 50 ? 2000 : 1900;
        p += 2;
    } else if (d->tag == 0x18 && d->len == 15) {
        if (!digits(p, 4, &y))
            return false;
        p += 4;
    } else {
        return false;
    }
    if (!digits(p, 2, &mo) || !digits(p + 2, 2, &day) || !digits(p + 4, 2, &h) ||
        !digits(p + 6, 2, &mi) || !digits(p + 8, 2, &s) || p[10] != 'Z')
        return false;
    if (mo < 1 || mo > 12 || day < 1 || day > 31 || h > 23 || mi > 59 || s > 60)
        return false;
    *out = days_from_civil(y, mo, day) * 86400 + h * 3600 + mi * 60 + s;
    return true;
}

/* subjectAltName (2.5.29.17): its dNSNames. */
static bool read_san(const der *value, tlsx_x509 *out)
{
    cursor c = inside(value);
    der names, name;
    if (!next_tag(&c, 0x30, &names))
        return false;
    cursor n = inside(&names);
    while (n.left) {
        if (!next(&n, &name))
            return false;
        if (name.tag != 0x82)
            continue;
        out->has_san = true;
        if (out->dns_count == TLSX_X509_SAN_MAX)
            continue;
        char text[TLSX_NAME_SIZE];
        tlsx_escape_name(text, name.p, name.len);
        tlsx_text t;
        tlsx_text_init(&t, out->dns[out->dns_count++], TLSX_X509_DNS_SIZE);
        tlsx_text_add(&t, text);
    }
    return true;
}

static bool read_extensions(const der *exts, tlsx_x509 *out)
{
    static const uint8_t san_oid[] = {0x55, 0x1d, 0x11};
    cursor c = inside(exts);
    der list, ext;
    if (!next_tag(&c, 0x30, &list))
        return false;
    cursor l = inside(&list);
    while (l.left) {
        if (!next_tag(&l, 0x30, &ext))
            return false;
        cursor e = inside(&ext);
        der oid, part;
        if (!next_tag(&e, 0x06, &oid) || !next(&e, &part))
            return false;
        if (part.tag == 0x01 && !next(&e, &part)) /* critical */
            return false;
        if (part.tag != 0x04)
            return false;
        if (oid.len == sizeof san_oid && memcmp(oid.p, san_oid, sizeof san_oid) == 0 &&
            !read_san(&part, out))
            return false;
    }
    return true;
}

static bool oid_is(const der *oid, const uint8_t *bytes, size_t len)
{
    return oid->len == len && memcmp(oid->p, bytes, len) == 0;
}

/* The OIDs the key and signature names need, as DER contents. */
#define PKCS1 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01     /* 1.2.840.113549.1.1 */
#define X962 0x2a, 0x86, 0x48, 0xce, 0x3d                        /* 1.2.840.10045 */
#define SECG 0x2b, 0x81, 0x04, 0x00                              /* 1.3.132.0 */
#define BRAINPOOL 0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01 /* 1.3.36.3.3.2.8.1.1 */

typedef struct {
    uint8_t len;
    uint8_t bytes[10];
    const char *name;
    unsigned bits; /* a curve's order bits */
} oid_name;

static const oid_name *find_oid(const der *oid, const oid_name *table, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (oid_is(oid, table[i].bytes, table[i].len))
            return &table[i];
    return NULL;
}

/* signatureAlgorithm: OpenSSL's long names, which curl prints. */
static const char *signature_name(const der *oid)
{
    static const oid_name known[] = {
        {9, {PKCS1, 0x04}, "md5WithRSAEncryption", 0},
        {9, {PKCS1, 0x05}, "sha1WithRSAEncryption", 0},
        {9, {PKCS1, 0x0a}, "rsassaPss", 0},
        {9, {PKCS1, 0x0b}, "sha256WithRSAEncryption", 0},
        {9, {PKCS1, 0x0c}, "sha384WithRSAEncryption", 0},
        {9, {PKCS1, 0x0d}, "sha512WithRSAEncryption", 0},
        {9, {PKCS1, 0x0e}, "sha224WithRSAEncryption", 0},
        {7, {X962, 0x04, 0x01}, "ecdsa-with-SHA1", 0},
        {8, {X962, 0x04, 0x03, 0x01}, "ecdsa-with-SHA224", 0},
        {8, {X962, 0x04, 0x03, 0x02}, "ecdsa-with-SHA256", 0},
        {8, {X962, 0x04, 0x03, 0x03}, "ecdsa-with-SHA384", 0},
        {8, {X962, 0x04, 0x03, 0x04}, "ecdsa-with-SHA512", 0},
        {3, {0x2b, 0x65, 0x70}, "ED25519", 0},
        {3, {0x2b, 0x65, 0x71}, "ED448", 0},
    };
    const oid_name *o = find_oid(oid, known, sizeof known / sizeof known[0]);
    return o ? o->name : NULL;
}

/* Named curves: OpenSSL's names and the bits of each curve's order. */
static const oid_name *curve_of(const der *oid)
{
    static const oid_name known[] = {
        {8, {X962, 0x03, 0x01, 0x07}, "prime256v1", 256},
        {5, {SECG, 0x21}, "secp224r1", 224},
        {5, {SECG, 0x22}, "secp384r1", 384},
        {5, {SECG, 0x23}, "secp521r1", 521},
        {5, {SECG, 0x0a}, "secp256k1", 256},
        {9, {BRAINPOOL, 0x07}, "brainpoolP256r1", 256},
        {9, {BRAINPOOL, 0x0b}, "brainpoolP384r1", 384},
        {9, {BRAINPOOL, 0x0d}, "brainpoolP512r1", 512},
    };
    return find_oid(oid, known, sizeof known / sizeof known[0]);
}

/* Natural logarithm and cube root of a positive number, with arithmetic
 * alone (the core links no maths library). */
static double ln(double x)
{
    static const double ln2 = 0.69314718055994530942;
    int k = 0;
    while (x > 2) {
        x /= 2;
        k++;
    }
    while (x < 1) {
        x *= 2;
        k--;
    }
    /* ln x = 2 atanh((x - 1) / (x + 1)), |z| <= 1/3 */
    const double z = (x - 1) / (x + 1), z2 = z * z;
    double term = z, sum = 0;
    for (int i = 1; i < 80; i += 2) {
        sum += term / i;
        term *= z2;
    }
    return 2 * sum + k * ln2;
}

static double cube_root(double v)
{
    double r = 1;
    while (r * r * r < v)
        r *= 2;
    for (int i = 0; i < 100; i++)
        r = (2 * r + v / (r * r)) / 3;
    return r;
}

unsigned tlsx_x509_rsa_security_bits(unsigned n)
{
    /* The standards' values first (SP 800-56B rev 2 Appendix D, FIPS
     * 140-2 IG 7.5): the formula does not give them exactly. */
    switch (n) {
    case 2048:
        return 112;
    case 3072:
        return 128;
    case 4096:
        return 152;
    case 6144:
        return 176;
    case 7680:
        return 192;
    case 8192:
        return 200;
    case 15360:
        return 256;
    default:
        break;
    }
    if (n >= 687737)
        return 1200;
    if (n < 8)
        return 0;
    /* E = (1.923 * cbrt(x * ln(x)^2) - 4.69) / ln 2, x = n ln 2, rounded to
     * the nearest multiple of 8 and kept below the next canonical value. */
    const double ln2 = 0.69314718055994530942, x = n * ln2, lx = ln(x);
    const double e = (1.923 * cube_root(x * lx * lx) - 4.69) / ln2;
    unsigned y = e > 0 ? (unsigned)e : 0;
    y = (y + 4) & ~7u;
    const unsigned cap = n <= 7680 ? 192 : n <= 15360 ? 256 : 1200;
    return y > cap ? cap : y;
}

/* OpenSSL's estimate for an EC key, from the bits of its curve's order. */
static unsigned ec_security_bits(unsigned bits)
{
    return bits >= 512   ? 256
           : bits >= 384 ? 192
           : bits >= 256 ? 128
           : bits >= 224 ? 112
           : bits >= 160 ? 80
                         : bits / 2;
}

const char *tlsx_x509_key_name(tlsx_x509_key_type type)
{
    switch (type) {
    case TLSX_X509_KEY_RSA:
        return "RSA";
    case TLSX_X509_KEY_RSA_PSS:
        return "RSA-PSS";
    case TLSX_X509_KEY_EC:
        return "EC";
    case TLSX_X509_KEY_ED25519:
        return "ED25519";
    case TLSX_X509_KEY_ED448:
        return "ED448";
    default:
        return NULL;
    }
}

/* An RSA public key's modulus bits, from the subjectPublicKey's contents
 * (RSAPublicKey: SEQUENCE { modulus INTEGER, publicExponent INTEGER }). */
static bool rsa_modulus_bits(const der *bits, unsigned *out)
{
    if (bits->len < 1 || bits->p[0] != 0) /* unused bits */
        return false;
    cursor c = {bits->p + 1, bits->len - 1};
    der seq, n, e;
    if (!next_tag(&c, 0x30, &seq) || c.left)
        return false;
    cursor s = inside(&seq);
    if (!next_tag(&s, 0x02, &n) || !next_tag(&s, 0x02, &e) || n.len == 0 || (n.p[0] & 0x80))
        return false;
    size_t i = 0;
    while (i < n.len && n.p[i] == 0)
        i++;
    if (i == n.len || n.len - i > 0x10000)
        return false;
    unsigned top = 0;
    for (uint8_t b = n.p[i]; b; b >>= 1)
        top++;
    *out = (unsigned)(n.len - i - 1) * 8 + top;
    return true;
}

/* subjectPublicKeyInfo: the key's type and size; left unknown (not an
 * error) when the reader does not name them. */
static void read_key(const der *spki, tlsx_x509 *out)
{
    static const uint8_t rsa[] = {PKCS1, 0x01}, pss[] = {PKCS1, 0x0a}, ec[] = {X962, 0x02, 0x01},
                         ed25519[] = {0x2b, 0x65, 0x70}, ed448[] = {0x2b, 0x65, 0x71};
    cursor c = inside(spki);
    der alg, oid, bits;
    if (!next_tag(&c, 0x30, &alg) || !next_tag(&c, 0x03, &bits))
        return;
    cursor a = inside(&alg);
    if (!next_tag(&a, 0x06, &oid))
        return;
    unsigned n;
    if (oid_is(&oid, rsa, sizeof rsa) || oid_is(&oid, pss, sizeof pss)) {
        if (!rsa_modulus_bits(&bits, &n))
            return;
        out->key_type = oid_is(&oid, rsa, sizeof rsa) ? TLSX_X509_KEY_RSA : TLSX_X509_KEY_RSA_PSS;
        out->key_bits = n;
        out->key_sec_bits = tlsx_x509_rsa_security_bits(n);
    } else if (oid_is(&oid, ec, sizeof ec)) {
        der param;
        const oid_name *curve;
        if (!next_tag(&a, 0x06, &param) || !(curve = curve_of(&param)))
            return; /* explicit parameters, or a curve not named here */
        out->key_type = TLSX_X509_KEY_EC;
        out->curve = curve->name;
        out->key_bits = curve->bits;
        out->key_sec_bits = ec_security_bits(curve->bits);
    } else if (oid_is(&oid, ed25519, sizeof ed25519)) {
        out->key_type = TLSX_X509_KEY_ED25519;
        out->key_bits = 256;
        out->key_sec_bits = 128;
    } else if (oid_is(&oid, ed448, sizeof ed448)) {
        out->key_type = TLSX_X509_KEY_ED448;
        out->key_bits = 456;
        out->key_sec_bits = 224;
    }
}

bool tlsx_x509_read(const uint8_t *bytes, size_t len, tlsx_x509 *out)
{
    memset(out, 0, sizeof *out);
    if (!bytes)
        return false;
    cursor all = {bytes, len};
    der cert, tbs, d, issuer, validity, subject;
    if (!next_tag(&all, 0x30, &cert))
        return false;
    cursor cc = inside(&cert);
    if (!next_tag(&cc, 0x30, &tbs))
        return false;
    cursor t = inside(&tbs);
    if (!next(&t, &d))
        return false;
    if (d.tag == 0xa0 && !next(&t, &d)) /* [0] version, then the serial number */
        return false;
    if (d.tag != 0x02 || !next_tag(&t, 0x30, &d)) /* the signature algorithm */
        return false;
    if (!next_tag(&t, 0x30, &issuer) || !next_tag(&t, 0x30, &validity) ||
        !next_tag(&t, 0x30, &subject))
        return false;
    cursor v = inside(&validity);
    der nb, na;
    if (!next(&v, &nb) || !next(&v, &na) || !read_time(&nb, &out->not_before) ||
        !read_time(&na, &out->not_after))
        return false;
    char unused[TLSX_X509_DNS_SIZE];
    if (!read_name(&issuer, out->issuer, sizeof out->issuer, unused, sizeof unused) ||
        !read_name(&subject, out->subject, sizeof out->subject, out->cn, sizeof out->cn))
        return false;
    if (!next_tag(&t, 0x30, &d)) /* subjectPublicKeyInfo */
        return false;
    read_key(&d, out);
    while (t.left) {
        if (!next(&t, &d))
            return false;
        if (d.tag == 0xa3 && !read_extensions(&d, out))
            return false;
    }
    /* The certificate's signatureAlgorithm, after the signed part. */
    der sig_alg, sig_oid;
    if (!next_tag(&cc, 0x30, &sig_alg))
        return false;
    cursor sa = inside(&sig_alg);
    if (next_tag(&sa, 0x06, &sig_oid))
        out->sig_alg = signature_name(&sig_oid);
    return true;
}

static size_t uint24(const uint8_t *p)
{
    return (size_t)p[0] << 16 | (size_t)p[1] << 8 | p[2];
}

/* The first certificate of a certificate_list that starts at at. */
static bool first_of_list(const uint8_t *msg, size_t len, size_t at, const uint8_t **der_out,
                          size_t *der_len)
{
    if (len - at < 3 || uint24(msg + at) != len - at - 3)
        return false;
    at += 3;
    if (len - at < 3)
        return false;
    const size_t n = uint24(msg + at);
    if (n == 0 || len - at - 3 < n)
        return false;
    *der_out = msg + at + 3;
    *der_len = n;
    return true;
}

bool tlsx_x509_leaf(const uint8_t *msg, size_t len, const uint8_t **der_out, size_t *der_len)
{
    if (!msg || len < 4 || msg[0] != 11)
        return false;
    /* The message's own length bounds what is read. */
    if (uint24(msg + 1) < len - 4)
        len = uint24(msg + 1) + 4;
    /* TLS 1.0-1.2: the list right away; TLS 1.3: a context first. */
    if (first_of_list(msg, len, 4, der_out, der_len))
        return true;
    return len > 4 && len - 5 >= msg[4] &&
           first_of_list(msg, len, 5 + (size_t)msg[4], der_out, der_len);
}

void tlsx_x509_date(char *buf, size_t size, int64_t t)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int64_t days = t / 86400, secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    /* civil_from_days */
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    const int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    const int64_t y = yoe + era * 400 + (m <= 2);
    char two[3] = {0, 0, 0};
    tlsx_text x;
    tlsx_text_init(&x, buf, size);
    tlsx_text_add(&x, months[m - 1]);
    tlsx_text_add(&x, d < 10 ? "  " : " ");
    tlsx_text_add_uint(&x, (unsigned)d);
    tlsx_text_add(&x, " ");
    const unsigned hms[3] = {(unsigned)(secs / 3600), (unsigned)(secs / 60 % 60),
                             (unsigned)(secs % 60)};
    for (int i = 0; i < 3; i++) {
        two[0] = (char)('0' + hms[i] / 10);
        two[1] = (char)('0' + hms[i] % 10);
        if (i)
            tlsx_text_add(&x, ":");
        tlsx_text_add(&x, two);
    }
    tlsx_text_add(&x, " ");
    if (y < 0)
        tlsx_text_add(&x, "-");
    tlsx_text_add_uint(&x, (unsigned)(y < 0 ? -y : y));
    tlsx_text_add(&x, " GMT");
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool same_name(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

/* A certificate's name against a host name: equal but for case (a
 * trailing dot on either ignored), or "*.rest" with host one label more
 * than rest. */
static bool name_matches(const char *pattern, const char *host)
{
    size_t pl = strlen(pattern), hl = strlen(host);
    if (pl && pattern[pl - 1] == '.')
        pl--;
    if (hl && host[hl - 1] == '.')
        hl--;
    if (pl == 0 || hl == 0)
        return false;
    if (pl == hl && same_name(pattern, host, pl))
        return true;
    if (pl > 2 && pattern[0] == '*' && pattern[1] == '.' && memchr(pattern + 2, '.', pl - 2)) {
        const char *dot = memchr(host, '.', hl);
        const size_t rest = pl - 1; /* ".example.com" */
        return dot && dot != host && (size_t)(host + hl - dot) == rest &&
               same_name(dot, pattern + 1, rest);
    }
    return false;
}

bool tlsx_x509_matches(const tlsx_x509 *c, const char *host, const char **matched)
{
    *matched = NULL;
    if (!host || !host[0])
        return false;
    if (c->has_san) {
        for (uint8_t i = 0; i < c->dns_count; i++) {
            if (name_matches(c->dns[i], host)) {
                *matched = c->dns[i];
                return true;
            }
        }
        return false;
    }
    if (c->cn[0] && name_matches(c->cn, host)) {
        *matched = c->cn;
        return true;
    }
    return false;
}
