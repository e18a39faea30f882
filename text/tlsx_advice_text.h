/* tlsx_advice_text.h: the words of the advice (core/tlsx_advice.h), one
 * table per language: a short label per kind, and the sentence that names
 * the figures proving it and what would have saved or strengthened it.
 *
 * A sentence holds its figures as {name} tokens that the glue fills from
 * the advice's own fields: {flight_bytes}, {sent_before}, {cert_bytes},
 * {cert_count}, {pause}, {rtt}, {rtts}, {earlier}, {earlier_frame},
 * {ocsp_frame}, {group}, {version}, {offered}, {cipher}, {frame}.  The
 * kinds are numbered as tlsx_advice_kind (text/ includes nothing of core/).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_ADVICE_TEXT_H
#define TLSX_ADVICE_TEXT_H

#include <stdint.h>

#include "tlsx_explain.h"

#define TLSX_ADVICE_TEXT_KINDS 11

/* Text variants, chosen by the core (tlsx_advice_variant()): most kinds
 * have one; NO_RESUMPTION has one where resuming would have saved a round
 * trip (TLS 1.2), one where it saves none (TLS 1.3), and the same two for a
 * client that offered to resume and was refused; NO_STAPLE one without and
 * one with the client's OCSP request seen, HRR one without and one with the
 * group known.  A variant for no round trip says so in words, never with
 * {rtts}. */
enum {
    TLSX_ADVICE_TEXT_BASE = 0,
    TLSX_ADVICE_TEXT_OTHER = 1,
    TLSX_ADVICE_TEXT_THIRD = 2,
    TLSX_ADVICE_TEXT_FOURTH = 3
};

/* The label of a kind ("Server's first flight over the congestion
 * window"); its finding, short enough for an expert info (under 240 bytes
 * with its figures); and its sentence, which says why and what would save
 * or strengthen it, shown as lines.  Never NULL for a kind below
 * TLSX_ADVICE_TEXT_KINDS. */
const char *tlsx_advice_label(tlsx_lang lang, uint8_t kind);
const char *tlsx_advice_finding(tlsx_lang lang, uint8_t kind, uint8_t variant);
const char *tlsx_advice_sentence(tlsx_lang lang, uint8_t kind, uint8_t variant);

/* The expert info on the first OCSP request a client sent after a
 * handshake whose server did not staple, with {handshake} and {frame}
 * (that handshake's summary). */
const char *tlsx_advice_ocsp_for(tlsx_lang lang);

/* What stands before the advice's label in the summary ("Advice: "). */
const char *tlsx_advice_heading(tlsx_lang lang);

#endif
