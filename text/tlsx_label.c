/* tlsx_label.c: see tlsx_label.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_label.h"

static const char *const labels_en[TLSX_LABEL_COUNT] = {
    [TLSX_LABEL_STEP_BEFORE] = "Step ",
    [TLSX_LABEL_STEP_AFTER] = ": ",
    [TLSX_LABEL_REPEATED] = "Repeated: ",
    [TLSX_LABEL_POST_HANDSHAKE] = "Post-handshake: ",
    [TLSX_LABEL_SUMMARY_BEFORE] = "Handshake ",
    [TLSX_LABEL_SUMMARY_AFTER] = " summary: ",
    [TLSX_LABEL_SEPARATOR] = ", ",
    [TLSX_LABEL_COMPLETE] = "complete",
    [TLSX_LABEL_FAILED] = "failed",
    [TLSX_LABEL_RTT_ONE] = " RTT",
    [TLSX_LABEL_RTT_MANY] = " RTTs",
    [TLSX_LABEL_SECONDS] = " s",
    [TLSX_LABEL_PROBABLY] = ", probably ",
    [TLSX_LABEL_INFERRED] = "Inferred from its place and size: probably ",
    [TLSX_LABEL_BYTES_BEFORE] = " (",
    [TLSX_LABEL_BYTES_AFTER] = " bytes)",
};

static const char *const labels_zh[TLSX_LABEL_COUNT] = {
    [TLSX_LABEL_STEP_BEFORE] = "第 ",    [TLSX_LABEL_STEP_AFTER] = " 步：",
    [TLSX_LABEL_REPEATED] = "重复：",    [TLSX_LABEL_POST_HANDSHAKE] = "握手后：",
    [TLSX_LABEL_SUMMARY_BEFORE] = "第 ", [TLSX_LABEL_SUMMARY_AFTER] = " 次握手总结：",
    [TLSX_LABEL_SEPARATOR] = "，",       [TLSX_LABEL_COMPLETE] = "完成",
    [TLSX_LABEL_FAILED] = "失败",        [TLSX_LABEL_RTT_ONE] = " 个 RTT",
    [TLSX_LABEL_RTT_MANY] = " 个 RTT",   [TLSX_LABEL_SECONDS] = " 秒",
    [TLSX_LABEL_PROBABLY] = "，可能是 ", [TLSX_LABEL_INFERRED] = "由位置和大小推测：可能是 ",
    [TLSX_LABEL_BYTES_BEFORE] = "（",    [TLSX_LABEL_BYTES_AFTER] = " 字节）",
};

const char *tlsx_label(tlsx_lang lang, tlsx_label_key key)
{
    if ((unsigned)key >= TLSX_LABEL_COUNT)
        return "";
    return lang == TLSX_LANG_ZH ? labels_zh[key] : labels_en[key];
}
