/* tlsx_advice_text.c: see tlsx_advice_text.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_advice_text.h"

#include <stddef.h>

extern const char *const tlsx_advice_labels_en[TLSX_ADVICE_TEXT_KINDS];
extern const char *const tlsx_advice_labels_zh[TLSX_ADVICE_TEXT_KINDS];
extern const char *const tlsx_advice_sentences_en[TLSX_ADVICE_TEXT_KINDS][4];
extern const char *const tlsx_advice_sentences_zh[TLSX_ADVICE_TEXT_KINDS][4];
extern const char *const tlsx_advice_findings_en[TLSX_ADVICE_TEXT_KINDS][4];
extern const char *const tlsx_advice_findings_zh[TLSX_ADVICE_TEXT_KINDS][4];

static const char *pick(const char *const (*table)[4], uint8_t kind, uint8_t variant)
{
    const char *s = variant < 4 ? table[kind][variant] : NULL;
    return s ? s : table[kind][0];
}

const char *tlsx_advice_label(tlsx_lang lang, uint8_t kind)
{
    if (kind >= TLSX_ADVICE_TEXT_KINDS)
        return "";
    return lang == TLSX_LANG_ZH ? tlsx_advice_labels_zh[kind] : tlsx_advice_labels_en[kind];
}

const char *tlsx_advice_sentence(tlsx_lang lang, uint8_t kind, uint8_t variant)
{
    if (kind >= TLSX_ADVICE_TEXT_KINDS)
        return "";
    return pick(lang == TLSX_LANG_ZH ? tlsx_advice_sentences_zh : tlsx_advice_sentences_en, kind,
                variant);
}

const char *tlsx_advice_finding(tlsx_lang lang, uint8_t kind, uint8_t variant)
{
    if (kind >= TLSX_ADVICE_TEXT_KINDS)
        return "";
    return pick(lang == TLSX_LANG_ZH ? tlsx_advice_findings_zh : tlsx_advice_findings_en, kind,
                variant);
}

extern const char *const tlsx_advice_ocsp_for_en;
extern const char *const tlsx_advice_ocsp_for_zh;

const char *tlsx_advice_ocsp_for(tlsx_lang lang)
{
    return lang == TLSX_LANG_ZH ? tlsx_advice_ocsp_for_zh : tlsx_advice_ocsp_for_en;
}

const char *tlsx_advice_heading(tlsx_lang lang)
{
    return lang == TLSX_LANG_ZH ? "建议：" : "Advice: ";
}
