/* tlsx_group.h: key exchange groups (IANA "TLS Supported Groups" registry)
 * by name, the post-quantum and hybrid ones included, and GREASE values.
 *
 * Wireshark names the groups it knows; 4.0 prints a number for the
 * post-quantum and hybrid groups browsers offer today (X25519MLKEM768 and
 * its kin), which this table names.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TLSX_GROUP_H
#define TLSX_GROUP_H

#include <stdbool.h>
#include <stdint.h>

/* The registry's name of a group, e.g. "x25519", "X25519MLKEM768"; "GREASE"
 * for a GREASE value; NULL when the table does not have it. */
const char *tlsx_group_name(uint16_t group);

/* A GREASE value (RFC 8701: 0x0A0A, 0x1A1A, ... 0xFAFA): offered to keep
 * servers tolerant of unknown values, never a group anyone chooses. */
bool tlsx_group_is_grease(uint16_t group);

/* A group whose key exchange resists a quantum computer, alone (ML-KEM) or
 * combined with a classical one (hybrid). */
bool tlsx_group_is_post_quantum(uint16_t group);

#endif
