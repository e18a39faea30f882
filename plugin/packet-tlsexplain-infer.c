/* packet-tlsexplain-infer.c: what an encrypted TLS 1.3 record most
 * probably holds, as the core guessed it (core/tlsx_infer.h), shown as a
 * guess: the field tlsexplain.inferred with the messages' names, and
 * ", probably Certificate" after the step's label.  tlsexplain.message
 * stays "Encrypted handshake message": the record was not read.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <stdio.h>

#include "tlsx_infer.h"
#include "tlsx_label.h"

static int hf_inferred = -1;

/* "Encrypted Extensions, Certificate" into buf. */
static void names_of(const tlsx_step *st, tlsx_text *out)
{
    uint8_t types[6];
    const unsigned n = tlsx_infer_types(st->inferred, types);
    for (unsigned i = 0; i < n; i++) {
        if (i)
            tlsx_text_add(out, ", ");
        tlsx_text_add(out, tlsx_message_name(TLSX_STEP_HANDSHAKE, types[i]));
    }
}

/* "1,203": the record's length with thousands separated. */
static void add_length(tlsx_text *out, guint32 n)
{
    char digits[16];
    const int len = snprintf(digits, sizeof digits, "%u", n);
    char grouped[24];
    int j = 0;
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            grouped[j++] = ',';
        grouped[j++] = digits[i];
    }
    grouped[j] = '\0';
    tlsx_text_add(out, grouped);
}

void tlsexplain_infer_show(proto_tree *tree, tvbuff_t *tvb, proto_item *step_item,
                           const tlsx_step *st)
{
    if (!st->inferred)
        return;
    const tlsx_lang lang = tlsexplain_label_lang();
    char names[128];
    tlsx_text text;
    tlsx_text_init(&text, names, sizeof names);
    names_of(st, &text);

    char label[256];
    tlsx_text_init(&text, label, sizeof label);
    tlsx_text_add(&text, tlsx_label(lang, TLSX_LABEL_INFERRED));
    tlsx_text_add(&text, names);
    tlsx_text_add(&text, tlsx_label(lang, TLSX_LABEL_BYTES_BEFORE));
    add_length(&text, st->record_length);
    tlsx_text_add(&text, tlsx_label(lang, TLSX_LABEL_BYTES_AFTER));
    proto_item_set_generated(
        proto_tree_add_string_format(tree, hf_inferred, tvb, 0, 0, names, "%s", label));
    proto_item_append_text(step_item, "%s%s", tlsx_label(lang, TLSX_LABEL_PROBABLY), names);
}

void tlsexplain_infer_register(int proto)
{
    static hf_register_info hf[] = {
        {&hf_inferred,
         {"Inferred messages", "tlsexplain.inferred", FT_STRING, BASE_NONE, NULL, 0x0,
          "TLS 1.3 without keys: the messages the encrypted record most probably holds, "
          "guessed from its place in its sender's flight and its size (a Finished is the "
          "suite's hash length, 4 header bytes, 1 content type byte and the AEAD tag); a key "
          "log shows what it holds",
          HFILL}},
    };
    proto_register_field_array(proto, hf, array_length(hf));
}
