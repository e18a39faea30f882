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
    /* The flow graph's comments and the transcript's own lines (not curl's):
     * "Handshake 1 step 2 IN", "Handshake 1 complete: ... (frames 4-9)". */
    TLSX_LABEL_HANDSHAKE_BEFORE, /* before a handshake's number */
    TLSX_LABEL_FLOW_STEP,        /* after it, before a step's number in a comment */
    TLSX_LABEL_FLOW_STEP_AFTER,  /* after it, before OUT or IN */
    TLSX_LABEL_FLOW_POST,        /* a post-handshake message, before OUT or IN */
    TLSX_LABEL_OPEN,             /* an aside's opening parenthesis */
    TLSX_LABEL_CLOSE,            /* and its closing one */
    TLSX_LABEL_CLIENT,           /* before a client's address */
    TLSX_LABEL_SERVER,           /* before a server's address */
    TLSX_LABEL_FRAMES,           /* before a range of frames */
    TLSX_LABEL_TRACE_HEADING,    /* after the number, in a handshake's heading */
    TLSX_LABEL_SNI,              /* before the server name */
    TLSX_LABEL_NO_SNI,           /* no server name */
    TLSX_LABEL_TRACE_TITLE,      /* the transcript's title */
    TLSX_LABEL_TRACE_FILTER,     /* before its filter */
    TLSX_LABEL_TRACE_NO_FILTER,  /* none */
    TLSX_LABEL_TRACE_CURL,       /* before curl's version */
    TLSX_LABEL_TRACE_COUNT,      /* before the number of handshakes */
    TLSX_LABEL_TRACE_COMPLETE,   /* after the number: the handshake completed */
    TLSX_LABEL_TRACE_FAILED,     /* it failed */
    TLSX_LABEL_TRACE_ALERT,      /* before an alert's name */
    TLSX_LABEL_TRACE_ENCRYPTED_ALERT,
    TLSX_LABEL_TRACE_FROM_CLIENT,   /* the alert came from the client */
    TLSX_LABEL_TRACE_FROM_SERVER,   /* from the server */
    TLSX_LABEL_TRACE_REPEATED,      /* after a repeated message */
    TLSX_LABEL_TRACE_AFTER,         /* before the frame of a post-handshake message */
    TLSX_LABEL_TRACE_LATE,          /* curl 8 prints a line later */
    TLSX_LABEL_TRACE_INCOMPLETE,    /* after the number: the capture holds no more of it */
    TLSX_LABEL_TRACE_WAITING,       /* before the message still to come */
    TLSX_LABEL_TRACE_WAITING_AFTER, /* after it */
    TLSX_LABEL_TRACE_FIRST_BEFORE,  /* before a duration since the handshake's first step */
    TLSX_LABEL_TRACE_SINCE_FIRST,   /* after it */
    TLSX_LABEL_COUNT
} tlsx_label_key;

/* The words for a key in a language; never NULL for a valid key. */
const char *tlsx_label(tlsx_lang lang, tlsx_label_key key);

#endif
