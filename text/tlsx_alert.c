/* tlsx_alert.c: alert description names and the lookup functions.
 *
 * Three names per description: Wireshark's (the value string of
 * tls.alert_message.desc in Wireshark 4.0), curl's (OpenSSL 3.0's
 * SSL_alert_desc_string_long(), which curl -v prints) and the RFC's (as
 * RFC 8446 spells it, with the _RESERVED suffix where it reserves the code).
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
    const char *rfc;
} tlsx_alert_names;

/* OpenSSL 3.0 has no long name for 1, 86, 109, 116 and 121: curl prints
 * "unknown" for them, so the table says so too. */
static const tlsx_alert_names names[256] = {
    [0] = {"Close Notify", "close notify", "close_notify"},
    [1] = {"End of Early Data", "unknown", "end_of_early_data"},
    [10] = {"Unexpected Message", "unexpected_message", "unexpected_message"},
    [20] = {"Bad Record MAC", "bad record mac", "bad_record_mac"},
    [21] = {"Decryption Failed", "decryption failed", "decryption_failed_RESERVED"},
    [22] = {"Record Overflow", "record overflow", "record_overflow"},
    [30] = {"Decompression Failure", "decompression failure", "decompression_failure_RESERVED"},
    [40] = {"Handshake Failure", "handshake failure", "handshake_failure"},
    [41] = {"No Certificate", "no certificate", "no_certificate_RESERVED"},
    [42] = {"Bad Certificate", "bad certificate", "bad_certificate"},
    [43] = {"Unsupported Certificate", "unsupported certificate", "unsupported_certificate"},
    [44] = {"Certificate Revoked", "certificate revoked", "certificate_revoked"},
    [45] = {"Certificate Expired", "certificate expired", "certificate_expired"},
    [46] = {"Certificate Unknown", "certificate unknown", "certificate_unknown"},
    [47] = {"Illegal Parameter", "illegal parameter", "illegal_parameter"},
    [48] = {"Unknown CA", "unknown CA", "unknown_ca"},
    [49] = {"Access Denied", "access denied", "access_denied"},
    [50] = {"Decode Error", "decode error", "decode_error"},
    [51] = {"Decrypt Error", "decrypt error", "decrypt_error"},
    [60] = {"Export Restriction", "export restriction", "export_restriction_RESERVED"},
    [70] = {"Protocol Version", "protocol version", "protocol_version"},
    [71] = {"Insufficient Security", "insufficient security", "insufficient_security"},
    [80] = {"Internal Error", "internal error", "internal_error"},
    [86] = {"Inappropriate Fallback", "unknown", "inappropriate_fallback"},
    [90] = {"User Canceled", "user canceled", "user_canceled"},
    [100] = {"No Renegotiation", "no renegotiation", "no_renegotiation_RESERVED"},
    [109] = {"Missing Extension", "unknown", "missing_extension"},
    [110] = {"Unsupported Extension", "unsupported extension", "unsupported_extension"},
    [111] = {"Certificate Unobtainable", "certificate unobtainable",
             "certificate_unobtainable_RESERVED"},
    [112] = {"Unrecognized Name", "unrecognized name", "unrecognized_name"},
    [113] = {"Bad Certificate Status Response", "bad certificate status response",
             "bad_certificate_status_response"},
    [114] = {"Bad Certificate Hash Value", "bad certificate hash value",
             "bad_certificate_hash_value_RESERVED"},
    [115] = {"Unknown PSK Identity", "unknown PSK identity", "unknown_psk_identity"},
    [116] = {"Certificate Required", "unknown", "certificate_required"},
    [120] = {"No application Protocol", "no application protocol", "no_application_protocol"},
    [121] = {"ECH Required", "unknown", "ech_required"},
};

const char *tlsx_alert_name(uint8_t desc)
{
    return names[desc].wireshark;
}

const char *tlsx_alert_curl_name(uint8_t desc)
{
    return names[desc].curl != NULL ? names[desc].curl : "unknown";
}

const char *tlsx_alert_rfc_name(uint8_t desc)
{
    return names[desc].rfc;
}

const char *tlsx_alert_explain(tlsx_lang lang, uint8_t desc)
{
    if (names[desc].wireshark == NULL) {
        return NULL;
    }
    return lang == TLSX_LANG_ZH ? tlsx_alert_explain_zh[desc] : tlsx_alert_explain_en[desc];
}
