/* tlsx_curl.c: see tlsx_curl.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_curl.h"

#include "tlsx_alert.h"
#include "tlsx_cipher.h"
#include "tlsx_text.h"

/* "TLSv1.2 (OUT), TLS <what>, <name> (<number>):" */
static void curl_line(char *buf, size_t size, const char *ver, tlsx_side side, const char *what,
                      const char *name, unsigned number)
{
    tlsx_text t;
    tlsx_text_init(&t, buf, size);
    tlsx_text_add(&t, ver);
    tlsx_text_add(&t, side == TLSX_CLIENT ? " (OUT), TLS " : " (IN), TLS ");
    tlsx_text_add(&t, what);
    tlsx_text_add(&t, ", ");
    tlsx_text_add(&t, name);
    tlsx_text_add(&t, " (");
    tlsx_text_add_uint(&t, number);
    tlsx_text_add(&t, "):");
}

bool tlsx_curl_line(char *buf, size_t size, tlsx_step_kind kind, uint8_t hs_type, tlsx_side side,
                    uint16_t version)
{
    const char *ver = tlsx_version_name(version);

    if (!ver || kind == TLSX_STEP_ENCRYPTED_RECORD || kind == TLSX_STEP_ALERT || size == 0)
        return false;
    const char *name = tlsx_message_curl_name(kind, hs_type);
    if (kind == TLSX_STEP_CCS) {
        curl_line(buf, size, ver, side, "change cipher", name, 1); /* its content, always 1 */
        return true;
    }
    curl_line(buf, size, ver, side, "handshake", name, hs_type);
    return true;
}

bool tlsx_curl_alert_line(char *buf, size_t size, uint8_t level, uint8_t desc, tlsx_side side,
                          uint16_t version)
{
    const char *ver = tlsx_version_name(version);

    if (!ver || level == 0 || size == 0)
        return false;
    curl_line(buf, size, ver, side, "alert", tlsx_alert_curl_name(desc),
              (unsigned)level * 256u + desc);
    return true;
}

bool tlsx_curl_summary_line(char *buf, size_t size, uint16_t version, uint16_t suite,
                            const char *fallback_name)
{
    const char *ver = tlsx_version_name(version);
    const char *name = tlsx_cipher_openssl_name(suite);

    if (!name)
        name = fallback_name;
    if (!ver || !name || size == 0)
        return false;
    tlsx_text t;
    tlsx_text_init(&t, buf, size);
    tlsx_text_add(&t, "SSL connection using ");
    tlsx_text_add(&t, ver);
    tlsx_text_add(&t, " / ");
    tlsx_text_add(&t, name);
    return true;
}
