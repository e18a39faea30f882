/* packet-tlsexplain-starttls.c: the plaintext command that upgraded a
 * connection to TLS (STARTTLS and its kin).
 *
 * Mail and directory protocols start in plaintext and switch to TLS on the
 * same TCP connection when the client asks and the server agrees; Wireshark's
 * dissectors then hand the connection to TLS.  The handshake that follows is
 * explained like any other; this file finds the command that asked for it,
 * read from the request fields those dissectors already decode, so that the
 * first step can name it.  Only frames of these protocols are looked at.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <epan/proto.h>

/* One upgrade command: its protocol, the request field that names it and
 * the value that asks for TLS; arg_field, when set, must be arg_value too. */
typedef struct {
    const char *proto;
    const char *label; /* as the step shows it */
    const char *field;
    const char *value;
    const char *arg_field;
    const char *arg_value;
    tlsx_explain_key key;
} upgrade_command;

static const upgrade_command commands[] = {
    {"smtp", "SMTP STARTTLS", "smtp.req.command", "STARTTLS", NULL, NULL, TLSX_EX_UPGRADE_SMTP},
    {"imap", "IMAP STARTTLS", "imap.request.command", "STARTTLS", NULL, NULL, TLSX_EX_UPGRADE_IMAP},
    {"pop", "POP3 STLS", "pop.request.command", "STLS", NULL, NULL, TLSX_EX_UPGRADE_POP3},
    {"ftp", "FTP AUTH TLS", "ftp.request.command", "AUTH", "ftp.request.arg", "TLS",
     TLSX_EX_UPGRADE_FTP},
    {"ldap", "LDAP StartTLS", "ldap.requestName", "1.3.6.1.4.1.1466.20037", NULL, NULL,
     TLSX_EX_UPGRADE_LDAP},
};

#define N_COMMANDS G_N_ELEMENTS(commands)

static int protos[N_COMMANDS];
static GArray *fields[N_COMMANDS];
static GArray *arg_fields[N_COMMANDS];

void tlsexplain_starttls_lookup(GArray *wanted)
{
    for (guint i = 0; i < N_COMMANDS; i++) {
        protos[i] = proto_get_id_by_filter_name(commands[i].proto);
        fields[i] = g_array_new(FALSE, FALSE, sizeof(int));
        tlsx_append_hfids_by_name(fields[i], commands[i].field);
        g_array_append_vals(wanted, fields[i]->data, fields[i]->len);
        arg_fields[i] = g_array_new(FALSE, FALSE, sizeof(int));
        if (commands[i].arg_field) {
            tlsx_append_hfids_by_name(arg_fields[i], commands[i].arg_field);
            g_array_append_vals(wanted, arg_fields[i]->data, arg_fields[i]->len);
        }
    }
}

int tlsexplain_starttls_proto_index(int proto)
{
    for (guint i = 0; i < N_COMMANDS; i++) {
        if (protos[i] == proto && proto > 0)
            return (int)i;
    }
    return -1;
}

/* Whether a string field of the frame equals value (case aside: SMTP and
 * IMAP commands are case-insensitive; the words after FTP's AUTH too). */
static gboolean has_value(proto_tree *tree, const GArray *ids, const char *value)
{
    for (guint i = 0; i < ids->len; i++) {
        GPtrArray *a = proto_get_finfo_ptr_array(tree, g_array_index(ids, int, i));
        for (guint j = 0; a && j < a->len; j++) {
            const char *s = tlsx_finfo_string((const field_info *)a->pdata[j]);
            if (!s)
                continue;
            char *word = g_strstrip(g_strdup(s));
            const gboolean same = g_ascii_strcasecmp(word, value) == 0;
            g_free(word);
            if (same)
                return TRUE;
        }
    }
    return FALSE;
}

int tlsexplain_starttls_command(proto_tree *tree, int index)
{
    if (index < 0 || (guint)index >= N_COMMANDS)
        return -1;
    const upgrade_command *c = &commands[index];
    if (!has_value(tree, fields[index], c->value))
        return -1;
    if (c->arg_field && !has_value(tree, arg_fields[index], c->arg_value) &&
        !has_value(tree, arg_fields[index], "SSL"))
        return -1;
    return index;
}

const char *tlsexplain_starttls_label(int command)
{
    return command >= 0 && (guint)command < N_COMMANDS ? commands[command].label : NULL;
}

int tlsexplain_starttls_explain_key(int command)
{
    return command >= 0 && (guint)command < N_COMMANDS ? (int)commands[command].key : -1;
}
