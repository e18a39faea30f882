/* tlsx_label.h: the words of the labels around the values the plugin shows
 * (the step subtree's "Step 2: Server Hello [IN]", the summary subtree's
 * "Handshake 1 summary: ..."), one table per language.
 *
 * Only the words: message names, directions, kinds and numbers are values
 * users filter on, the same in every language.  "both" shows English.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_LABEL_H
#define TLSX_LABEL_H

#include "tlsx_explain.h"

typedef enum {
    TLSX_LABEL_STEP_BEFORE,    /* before a step's number */
    TLSX_LABEL_STEP_AFTER,     /* after it, before the message's name */
    TLSX_LABEL_REPEATED,       /* before the name of a step repeated (not counted) */
    TLSX_LABEL_POST_HANDSHAKE, /* before the name of a post-handshake message */
    TLSX_LABEL_SUMMARY_BEFORE, /* before a handshake's number */
    TLSX_LABEL_SUMMARY_AFTER,  /* after it, before the summary's kind */
    TLSX_LABEL_SEPARATOR,      /* between the summary's parts */
    TLSX_LABEL_COMPLETE,       /* the handshake completed */
    TLSX_LABEL_FAILED,         /* it did not */
    TLSX_LABEL_RTT_ONE,        /* after a round-trip count of 1 */
    TLSX_LABEL_RTT_MANY,       /* after any other count */
    TLSX_LABEL_SECONDS,        /* after a duration in seconds */
    TLSX_LABEL_PROBABLY,       /* after a step's label, before the messages its record
                                  most probably holds (TLS 1.3 without keys) */
    TLSX_LABEL_INFERRED,       /* before those messages, in the step's subtree */
    TLSX_LABEL_BYTES_BEFORE,   /* after them, before the record's length */
    TLSX_LABEL_BYTES_AFTER,    /* after the length */
    /* The nodes of the statistics tree (-z tlsexplain,tree). */
    TLSX_LABEL_NODE_HANDSHAKES,
    TLSX_LABEL_NODE_KIND,
    TLSX_LABEL_NODE_VERSION,
    TLSX_LABEL_NODE_TRANSPORT,
    TLSX_LABEL_NODE_REPEATED,
    TLSX_LABEL_NODE_OUTCOME,
    TLSX_LABEL_NODE_COMPLETE,
    TLSX_LABEL_NODE_FAILED,
    TLSX_LABEL_NODE_INCOMPLETE,
    TLSX_LABEL_NODE_DURATION,
    TLSX_LABEL_NODE_STEPS,
    TLSX_LABEL_NODE_SINCE_PEER,
    TLSX_LABEL_COUNT
} tlsx_label_key;

/* The words for a key in a language; never NULL for a valid key. */
const char *tlsx_label(tlsx_lang lang, tlsx_label_key key);

#endif
