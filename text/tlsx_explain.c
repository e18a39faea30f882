/* tlsx_explain.c: looks a key up in the table of a language.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_explain.h"

const char *tlsx_explain(tlsx_lang lang, tlsx_explain_key key)
{
    if ((unsigned)key >= TLSX_EX_COUNT)
        key = TLSX_EX_UNKNOWN;
    return lang == TLSX_LANG_ZH ? tlsx_explain_zh[key] : tlsx_explain_en[key];
}
