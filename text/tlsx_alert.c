/* tlsx_alert.c: alert description names and the lookup functions.
 *
 * Two names per description: Wireshark's (the value string of
 * tls.alert_message.desc in Wireshark 4.0) and curl's (OpenSSL 3.0's
 * SSL_alert_desc_string_long(), which curl -v prints).
 * The explanations are in alert_en.c and alert_zh.c.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stddef.h>
#include <stdint.h>

#include "tlsx_alert.h"

typedef struct {
    const char *wireshark;
    const char *curl;
} tlsx_alert_names;

/* OpenSSL 3.0 has no long name for 1, 86, 109, 116 and 121: curl prints
 * "unknown" for them, so the table says so too. */
static const tlsx_alert_names names[256] = {
    [0] = {"Close Notify", "close notify"},
    [1] = {"End of Early Data", "unknown"},
    [10] = {"Unexpected Message", "unexpected_message"},
    [20] = {"Bad Record MAC", "bad record mac"},
    [21] = {"Decryption Failed", "decryption failed"},
    [22] = {"Record Overflow", "record overflow"},
    [30] = {"Decompression Failure", "decompression failure"},
    [40] = {"Handshake Failure", "handshake failure"},
    [41] = {"No Certificate", "no certificate"},
    [42] = {"Bad Certificate", "bad certificate"},
    [43] = {"Unsupported Certificate", "unsupported certificate"},
    [44] = {"Certificate Revoked", "certificate revoked"},
    [45] = {"Certificate Expired", "certificate expired"},
    [46] = {"Certificate Unknown", "certificate unknown"},
    [47] = {"Illegal Parameter", "illegal parameter"},
    [48] = {"Unknown CA", "unknown CA"},
    [49] = {"Access Denied", "access denied"},
    [50] = {"Decode Error", "decode error"},
    [51] = {"Decrypt Error", "decrypt error"},
    [60] = {"Export Restriction", "export restriction"},
    [70] = {"Protocol Version", "protocol version"},
    [71] = {"Insufficient Security", "insufficient security"},
    [80] = {"Internal Error", "internal error"},
    [86] = {"Inappropriate Fallback", "unknown"},
    [90] = {"User Canceled", "user canceled"},
    [100] = {"No Renegotiation", "no renegotiation"},
    [109] = {"Missing Extension", "unknown"},
    [110] = {"Unsupported Extension", "unsupported extension"},
    [111] = {"Certificate Unobtainable", "certificate unobtainable"},
    [112] = {"Unrecognized Name", "unrecognized name"},
    [113] = {"Bad Certificate Status Response", "bad certificate status response"},
    [114] = {"Bad Certificate Hash Value", "bad certificate hash value"},
    [115] = {"Unknown PSK Identity", "unknown PSK identity"},
    [116] = {"Certificate Required", "unknown"},
    [120] = {"No application Protocol", "no application protocol"},
    [121] = {"ECH Required", "unknown"},
};

const char *tlsx_alert_name(uint8_t desc)
{
    return names[desc].wireshark;
}

const char *tlsx_alert_curl_name(uint8_t desc)
{
    return names[desc].curl != NULL ? names[desc].curl : "unknown";
}

const char *tlsx_alert_explain(tlsx_lang lang, uint8_t desc)
{
    if (names[desc].wireshark == NULL) {
        return NULL;
    }
    return lang == TLSX_LANG_ZH ? tlsx_alert_explain_zh[desc] : tlsx_alert_explain_en[desc];
}
