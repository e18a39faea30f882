/* tlsx_text.h: short texts (labels, curl lines) built piece by piece, names
 * read from the wire made safe to show, and times written out.
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

#include "tlsx_time.h"

typedef struct {
    char *p;     /* where the next byte goes */
    size_t left; /* bytes left, the terminating NUL included */
} tlsx_text;

/* Starts an empty text in buf; size must be at least 1. */
void tlsx_text_init(tlsx_text *t, char *buf, size_t size);
void tlsx_text_add(tlsx_text *t, const char *s);
void tlsx_text_add_uint(tlsx_text *t, unsigned v);

/* A name read from the wire (a server name, an application protocol), as
 * text that shows it and nothing else wherever it is printed: a terminal, a
 * transcript line, a tree label, a field.  Printable ASCII and valid UTF-8
 * characters are kept; every other byte is written \xNN (two lowercase hex
 * digits): control bytes (ESC, BEL, NUL, CR, LF ...) and DEL, bytes of
 * invalid UTF-8 (stray continuation bytes, overlong forms, surrogates,
 * sequences cut short, beyond U+10FFFF), and the bytes of the characters
 * that act on the text around them instead of showing: C1 controls
 * (U+0080-U+009F), line and paragraph separators, bidirectional controls.
 * A backslash is written \\, so each \ starts an escape.
 *
 * The text is at most TLSX_NAME_MAX bytes: a longer one is cut after its
 * last whole character or escape that leaves room for the marker
 * \...(N bytes), N being the name's length on the wire.  out must hold
 * TLSX_NAME_SIZE bytes. */
#define TLSX_NAME_MAX 255
#define TLSX_NAME_SIZE (TLSX_NAME_MAX + 1)
void tlsx_escape_name(char *out, const unsigned char *bytes, size_t len);

/* Appends a distance as a decimal number of seconds (unit 0) or of
 * milliseconds (unit 3) with that many decimals (unit + decimals <= 9),
 * rounded half up, exact at any size: "0.0072", "7.165",
 * "9223372036854775807.9999".  A negative time (no distance is) gets one
 * minus sign in front of its magnitude. */
#define TLSX_TIME_TEXT_SIZE 40 /* holds any of them */
void tlsx_text_add_time(tlsx_text *t, tlsx_time v, unsigned unit, unsigned decimals);

/* Appends a distance in milliseconds as the plugin's notes print it, unit
 * included: to the tenth from 1 ms on ("7.2 ms", "168.7 ms"), to the
 * microsecond below ("0.045 ms"), so that a round trip over loopback does
 * not read "0.0 ms". */
void tlsx_text_add_ms(tlsx_text *t, tlsx_time v);

#endif
