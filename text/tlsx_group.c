/* tlsx_group.c: see tlsx_group.h.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_group.h"

#include <stddef.h>

typedef struct {
    uint16_t code;
    bool post_quantum;
    const char *name;
} group_row;

/* In the registry's order of codes. */
static const group_row groups[] = {
    {0x0017, false, "secp256r1"},
    {0x0018, false, "secp384r1"},
    {0x0019, false, "secp521r1"},
    {0x001a, false, "brainpoolP256r1"},
    {0x001b, false, "brainpoolP384r1"},
    {0x001c, false, "brainpoolP512r1"},
    {0x001d, false, "x25519"},
    {0x001e, false, "x448"},
    {0x001f, false, "brainpoolP256r1tls13"},
    {0x0020, false, "brainpoolP384r1tls13"},
    {0x0021, false, "brainpoolP512r1tls13"},
    {0x0029, false, "curveSM2"},
    {0x0100, false, "ffdhe2048"},
    {0x0101, false, "ffdhe3072"},
    {0x0102, false, "ffdhe4096"},
    {0x0103, false, "ffdhe6144"},
    {0x0104, false, "ffdhe8192"},
    {0x0200, true, "MLKEM512"},
    {0x0201, true, "MLKEM768"},
    {0x0202, true, "MLKEM1024"},
    {0x11eb, true, "SecP256r1MLKEM768"},
    {0x11ec, true, "X25519MLKEM768"},
    {0x11ed, true, "SecP384r1MLKEM1024"},
    {0x6399, true, "X25519Kyber768Draft00"},
    {0x639a, true, "SecP256r1Kyber768Draft00"},
};

static const group_row *row_of(uint16_t group)
{
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
        if (groups[i].code == group)
            return &groups[i];
    }
    return NULL;
}

bool tlsx_group_is_grease(uint16_t group)
{
    return (group & 0x0f0f) == 0x0a0a && (group >> 8) == (group & 0xff);
}

const char *tlsx_group_name(uint16_t group)
{
    if (tlsx_group_is_grease(group))
        return "GREASE";
    const group_row *r = row_of(group);
    return r ? r->name : NULL;
}

bool tlsx_group_is_post_quantum(uint16_t group)
{
    const group_row *r = row_of(group);
    return r && r->post_quantum;
}
