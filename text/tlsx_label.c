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
    [TLSX_LABEL_NODE_HANDSHAKES] = "Handshakes",
    [TLSX_LABEL_NODE_KIND] = "By kind",
    [TLSX_LABEL_NODE_VERSION] = "By version",
    [TLSX_LABEL_NODE_TRANSPORT] = "By transport",
    [TLSX_LABEL_NODE_REPEATED] = "Repeated messages",
    [TLSX_LABEL_NODE_OUTCOME] = "By outcome",
    [TLSX_LABEL_NODE_COMPLETE] = "complete",
    [TLSX_LABEL_NODE_FAILED] = "failed",
    [TLSX_LABEL_NODE_INCOMPLETE] = "incomplete",
    [TLSX_LABEL_NODE_DURATION] = "Duration (ms)",
    [TLSX_LABEL_NODE_STEPS] = "Steps by message",
    [TLSX_LABEL_NODE_SINCE_PEER] = "Time since peer by message (ms)",
};

static const char *const labels_zh[TLSX_LABEL_COUNT] = {
    [TLSX_LABEL_STEP_BEFORE] = "第 ",
    [TLSX_LABEL_STEP_AFTER] = " 步：",
    [TLSX_LABEL_REPEATED] = "重复：",
    [TLSX_LABEL_POST_HANDSHAKE] = "握手后：",
    [TLSX_LABEL_SUMMARY_BEFORE] = "第 ",
    [TLSX_LABEL_SUMMARY_AFTER] = " 次握手总结：",
    [TLSX_LABEL_SEPARATOR] = "，",
    [TLSX_LABEL_COMPLETE] = "完成",
    [TLSX_LABEL_FAILED] = "失败",
    [TLSX_LABEL_RTT_ONE] = " 个 RTT",
    [TLSX_LABEL_RTT_MANY] = " 个 RTT",
    [TLSX_LABEL_SECONDS] = " 秒",
    [TLSX_LABEL_PROBABLY] = "，可能是 ",
    [TLSX_LABEL_INFERRED] = "由位置和大小推测：可能是 ",
    [TLSX_LABEL_BYTES_BEFORE] = "（",
    [TLSX_LABEL_BYTES_AFTER] = " 字节）",
    [TLSX_LABEL_NODE_HANDSHAKES] = "握手",
    [TLSX_LABEL_NODE_KIND] = "按类型",
    [TLSX_LABEL_NODE_VERSION] = "按版本",
    [TLSX_LABEL_NODE_TRANSPORT] = "按传输方式",
    [TLSX_LABEL_NODE_REPEATED] = "重复的消息",
    [TLSX_LABEL_NODE_OUTCOME] = "按结果",
    [TLSX_LABEL_NODE_COMPLETE] = "完成",
    [TLSX_LABEL_NODE_FAILED] = "失败",
    [TLSX_LABEL_NODE_INCOMPLETE] = "未完成",
    [TLSX_LABEL_NODE_DURATION] = "耗时（毫秒）",
    [TLSX_LABEL_NODE_STEPS] = "各消息的步骤数",
    [TLSX_LABEL_NODE_SINCE_PEER] = "各消息距对方的时间（毫秒）",
};

const char *tlsx_label(tlsx_lang lang, tlsx_label_key key)
{
    if ((unsigned)key >= TLSX_LABEL_COUNT)
        return "";
    return lang == TLSX_LANG_ZH ? labels_zh[key] : labels_en[key];
}
