/* tlsx_text.c: see tlsx_text.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

void tlsx_text_init(tlsx_text *t, char *buf, size_t size)
{
    t->p = buf;
    t->left = size;
    *t->p = '\0';
}

void tlsx_text_add(tlsx_text *t, const char *s)
{
    size_t n = strlen(s);
    if (n >= t->left)
        n = t->left - 1;
    memcpy(t->p, s, n);
    t->p += n;
    t->left -= n;
    *t->p = '\0';
}

/* v in decimal, with leading zeros up to width digits. */
static void add_digits(tlsx_text *t, uint64_t v, unsigned width)
{
    char digits[24];
    size_t i = sizeof digits;
    digits[--i] = '\0';
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v || sizeof digits - 1 - i < width);
    tlsx_text_add(t, digits + i);
}

void tlsx_text_add_uint(tlsx_text *t, unsigned v)
{
    add_digits(t, v, 0);
}

/* The length of the valid UTF-8 character at p (2 to 4 bytes) and its code
 * point; 0 when the bytes there are none: overlong forms, surrogates and
 * code points beyond U+10FFFF are not characters. */
static size_t utf8_char(const unsigned char *p, size_t left, uint32_t *cp)
{
    size_t n;
    uint32_t v, least;
    if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        n = 2;
        v = p[0] & 0x1fu;
        least = 0x80;
    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        n = 3;
        v = p[0] & 0x0fu;
        least = 0x800;
    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        n = 4;
        v = p[0] & 0x07u;
        least = 0x10000;
    } else {
        return 0;
    }
    if (left < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        v = v << 6 | (p[i] & 0x3fu);
    }
    if (v < least || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return n;
}

/* Characters that act on the text around them instead of showing: C1
 * controls (some terminals obey them), line and paragraph separators, and
 * the bidirectional controls that reorder what follows. */
static bool acts_on_text(uint32_t cp)
{
    return cp <= 0x9f || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
           (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

void tlsx_escape_name(char *out, const unsigned char *bytes, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    char marker[40];
    tlsx_text m;
    tlsx_text_init(&m, marker, sizeof marker);
    tlsx_text_add(&m, "\\...(");
    add_digits(&m, len, 0);
    tlsx_text_add(&m, " bytes)");
    /* When the name does not fit, the longest start of it that leaves room
     * for the marker; cut is its length once known. */
    const size_t room = TLSX_NAME_MAX - strlen(marker);
    size_t used = 0, cut = 0;
    bool cut_known = false;

    for (size_t i = 0; i < len;) {
        char unit[4];
        size_t n = 0, take = 1;
        uint32_t cp;
        const unsigned char c = bytes[i];
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            unit[n++] = (char)c;
        } else if (c == '\\') {
            unit[n++] = '\\';
            unit[n++] = '\\';
        } else if (c >= 0x80 && (take = utf8_char(bytes + i, len - i, &cp)) != 0 &&
                   !acts_on_text(cp)) {
            memcpy(unit, bytes + i, take);
            n = take;
        } else {
            /* One byte at a time: what follows it may still be a character. */
            take = 1;
            unit[n++] = '\\';
            unit[n++] = 'x';
            unit[n++] = hex[c >> 4];
            unit[n++] = hex[c & 15];
        }
        if (!cut_known && used + n > room) {
            cut = used;
            cut_known = true;
        }
        if (used + n > TLSX_NAME_MAX) {
            memcpy(out + cut, marker, strlen(marker) + 1);
            return;
        }
        memcpy(out + used, unit, n);
        used += n;
        i += take;
    }
    out[used] = '\0';
}

void tlsx_text_add_time(tlsx_text *t, tlsx_time v, unsigned unit, unsigned decimals)
{
    static const uint32_t pow10[10] = {1,      10,      100,      1000,      10000,
                                       100000, 1000000, 10000000, 100000000, 1000000000};
    if (unit > 9)
        unit = 9;
    if (unit + decimals > 9)
        decimals = 9 - unit;
    v = tlsx_time_normalized(v);
    /* The magnitude: whole seconds and nanoseconds. */
    const bool negative = v.secs < 0;
    uint64_t secs = (uint64_t)v.secs;
    uint32_t ns = (uint32_t)v.nsecs;
    if (negative) {
        secs = (uint64_t)(-(v.secs + 1)); /* no overflow at INT64_MIN */
        if (ns)
            ns = 1000000000u - ns;
        else
            secs++;
    }
    /* The fraction in units of the last digit shown, rounded half up; a
     * carry makes a whole second more, which 64 bits still hold. */
    const uint32_t step = pow10[9 - unit - decimals];
    uint32_t frac = (ns + step / 2) / step;
    if (frac == pow10[unit + decimals]) {
        frac = 0;
        secs++;
    }
    if (negative && (secs || frac))
        tlsx_text_add(t, "-");
    /* The whole part: the seconds' digits, then the unit's (the
     * milliseconds'), padded. */
    if (secs) {
        add_digits(t, secs, 0);
        if (unit)
            add_digits(t, frac / pow10[decimals], unit);
    } else {
        add_digits(t, frac / pow10[decimals], 0);
    }
    if (decimals) {
        tlsx_text_add(t, ".");
        add_digits(t, frac % pow10[decimals], decimals);
    }
}

void tlsx_text_add_ms(tlsx_text *t, tlsx_time v)
{
    /* Below 1.000 ms once rounded to the microsecond. */
    const bool below = v.secs == 0 && v.nsecs < 999500;
    tlsx_text_add_time(t, v, 3, below ? 3 : 1);
    tlsx_text_add(t, " ms");
}
