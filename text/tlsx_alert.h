/* tlsx_alert.h: alert descriptions (RFC 5246 7.2, RFC 8446 6 and later
 * registrations), named as Wireshark and curl name them and explained in
 * each language.  The tables are plain data (alert_en.c, alert_zh.c,
 * tlsx_alert.c); a unit test checks that every description Wireshark 4.0
 * knows has a name and both explanations.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_ALERT_H
#define TLSX_ALERT_H

#include <stdint.h>

#include "tlsx_explain.h"

enum { TLSX_ALERT_WARNING = 1, TLSX_ALERT_FATAL = 2 };

/* Wireshark's name, e.g. "Handshake Failure"; NULL when unassigned. */
const char *tlsx_alert_name(uint8_t desc);

/* The name curl prints in "TLSv1.2 (IN), TLS alert, handshake failure (552):",
 * which is OpenSSL's SSL_alert_desc_string_long(); "unknown" when unassigned. */
const char *tlsx_alert_curl_name(uint8_t desc);

/* What the description means and what usually causes it; NULL when
 * unassigned. */
const char *tlsx_alert_explain(tlsx_lang lang, uint8_t desc);

/* The raw tables, for the completeness test: indexed by description. */
extern const char *const tlsx_alert_explain_en[256];
extern const char *const tlsx_alert_explain_zh[256];

#endif
