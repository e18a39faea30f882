/* tlsx_text.h: short texts (labels, curl lines) built piece by piece.
 *
 * Formatting with snprintf costs more than most tree items, and these texts
 * are built for every step shown; a text never overruns its buffer and is
 * always terminated, cut short when the buffer is.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_TEXT_H
#define TLSX_TEXT_H

#include <stddef.h>

typedef struct {
    char *p;     /* where the next byte goes */
    size_t left; /* bytes left, the terminating NUL included */
} tlsx_text;

/* Starts an empty text in buf; size must be at least 1. */
void tlsx_text_init(tlsx_text *t, char *buf, size_t size);
void tlsx_text_add(tlsx_text *t, const char *s);
void tlsx_text_add_uint(tlsx_text *t, unsigned v);

#endif
