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
    /* The statistics tree's servers (-z tlsexplain,tree): a node per server
     * name, or address when the Client Hello named none. */
    TLSX_LABEL_NODE_SERVERS,
    TLSX_LABEL_NODE_RESUMED,    /* its handshakes that resumed a session */
    TLSX_LABEL_NODE_HRR,        /* that had a HelloRetryRequest */
    TLSX_LABEL_NODE_SETUP,      /* the connection set-up of its complete ones (ms) */
    TLSX_LABEL_NODE_SETUP_RTTS, /* and its round trips */
    TLSX_LABEL_NODE_ADVICE,     /* the advice its handshakes had, by kind */
    /* The advice report (-z tlsexplain,advice). */
    TLSX_LABEL_ADVICE_TITLE,
    TLSX_LABEL_ADVICE_SERVERS,        /* after the number of handshakes, before the servers' */
    TLSX_LABEL_ADVICE_NONE,           /* no handshake had any advice */
    TLSX_LABEL_ADVICE_SPEED,          /* the heading of what cost or saved round trips */
    TLSX_LABEL_ADVICE_SECURITY,       /* the heading of the security notes */
    TLSX_LABEL_ADVICE_TABLE,          /* the heading of the servers' table */
    TLSX_LABEL_ADVICE_MORE_ADDRESSES, /* "and N more": before N */
    TLSX_LABEL_ADVICE_MORE_AFTER,     /* after it */
    TLSX_LABEL_ADVICE_COST_BEFORE,    /* a server's heading: before the round trips it lost */
    TLSX_LABEL_ADVICE_NO_COST,        /* a server's heading when it lost none */
    TLSX_LABEL_ADVICE_OF,             /* "2 of 3 handshakes": between the numbers */
    TLSX_LABEL_ADVICE_HANDSHAKES,     /* after them */
    TLSX_LABEL_ADVICE_LOST,           /* before the round trips COST advice cost */
    TLSX_LABEL_ADVICE_SAVED,          /* before those SAVED advice saved */
    TLSX_LABEL_ADVICE_FRAME,          /* before one proving frame */
    TLSX_LABEL_ADVICE_FRAMES,         /* before several */
    TLSX_LABEL_ADVICE_GROUP,          /* HRR: before the group the server asked for */
    /* What each kind of advice says (tlsx_advice_kind's order). */
    TLSX_LABEL_ADVICE_CWND,
    TLSX_LABEL_ADVICE_NO_RESUMPTION,
    TLSX_LABEL_ADVICE_TLS12_NOT_13,
    TLSX_LABEL_ADVICE_HRR,
    TLSX_LABEL_ADVICE_EARLY_REJECTED,
    TLSX_LABEL_ADVICE_NO_STAPLE,
    TLSX_LABEL_ADVICE_FALSE_START,
    TLSX_LABEL_ADVICE_EARLY_ACCEPTED,
    TLSX_LABEL_ADVICE_RSA_KEYX,
    TLSX_LABEL_ADVICE_CBC_NO_ETM,
    TLSX_LABEL_ADVICE_OLD_VERSION,
    /* The servers' table's headings. */
    TLSX_LABEL_COLUMN_SERVER,
    TLSX_LABEL_COLUMN_HANDSHAKES,
    TLSX_LABEL_COLUMN_VERSIONS,
    TLSX_LABEL_COLUMN_RESUMED,
    TLSX_LABEL_COLUMN_HRR,
    TLSX_LABEL_COLUMN_SETUP,
    TLSX_LABEL_COLUMN_SETUP_RTTS,
    TLSX_LABEL_COLUMN_ADVICE,
    TLSX_LABEL_UNKNOWN_VERSION, /* a handshake that never ended */
    TLSX_LABEL_COUNT
} tlsx_label_key;

/* The words for a key in a language; never NULL for a valid key. */
const char *tlsx_label(tlsx_lang lang, tlsx_label_key key);

#endif
