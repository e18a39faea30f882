/* tlsx_text.c: see tlsx_text.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_text.h"

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

void tlsx_text_add_uint(tlsx_text *t, unsigned v)
{
    char digits[12];
    size_t i = sizeof digits;
    digits[--i] = '\0';
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    tlsx_text_add(t, digits + i);
}
