/* tlsx_curl.h: the lines `curl -v` prints for handshake messages and
 * alerts, put together from the names in text/.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_CURL_H
#define TLSX_CURL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlsx_message.h"

/* Writes the line `curl -v` prints for the message, e.g.
 * "TLSv1.2 (OUT), TLS handshake, Client hello (1):".  Returns false, and
 * writes nothing, when curl would print no such line (an unreadable TLS 1.3
 * record) or the version is unknown. */
bool tlsx_curl_line(char *buf, size_t size, tlsx_step_kind kind, uint8_t hs_type, tlsx_side side,
                    uint16_t version);

/* curl's line for an alert, e.g. "TLSv1.2 (IN), TLS alert, handshake failure (552):"
 * (level * 256 + description, as curl prints it).  Returns false when the
 * alert could not be read or the version is unknown. */
bool tlsx_curl_alert_line(char *buf, size_t size, uint8_t level, uint8_t desc, tlsx_side side,
                          uint16_t version);

/* curl's closing line, "SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256":
 * OpenSSL's name of the suite when known, else the name given. */
bool tlsx_curl_summary_line(char *buf, size_t size, uint16_t version, uint16_t suite,
                            const char *fallback_name);

#endif
