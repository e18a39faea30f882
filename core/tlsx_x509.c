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
    while (t.left) {
        if (!next(&t, &d))
            return false;
        if (d.tag == 0xa3 && !read_extensions(&d, out))
            return false;
    }
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
