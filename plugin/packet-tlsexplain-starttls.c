/* packet-tlsexplain-starttls.c: the plaintext command that upgraded a
 * connection to TLS (STARTTLS and its kin).
 *
 * Mail, directory, chat and database protocols start in plaintext and switch to TLS on the
 * same TCP connection when the client asks and the server agrees; Wireshark's
 * dissectors then hand the connection to TLS.  Each protocol has one command
 * for it, and the client sends nothing else before its Client Hello: its
 * last plaintext message is that command.  So no field needs to be asked
 * for (each wanted field costs something in every frame of every capture):
 * the frames of these protocols are noted by their layer alone.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

typedef struct {
    const char *proto; /* Wireshark's filter name */
    const char *label; /* the command, as the step names it */
    tlsx_explain_key key;
} upgrade_command;

static const upgrade_command commands[] = {
    {"smtp", "SMTP STARTTLS", TLSX_EX_UPGRADE_SMTP},
    {"imap", "IMAP STARTTLS", TLSX_EX_UPGRADE_IMAP},
    {"pop", "POP3 STLS", TLSX_EX_UPGRADE_POP3},
    {"ftp", "FTP AUTH TLS", TLSX_EX_UPGRADE_FTP},
    {"ldap", "LDAP StartTLS", TLSX_EX_UPGRADE_LDAP},
    {"xmpp", "XMPP STARTTLS", TLSX_EX_UPGRADE_XMPP},
    {"pgsql", "PostgreSQL SSLRequest", TLSX_EX_UPGRADE_PGSQL},
    {"mysql", "MySQL SSL request", TLSX_EX_UPGRADE_MYSQL},
};

#define N_COMMANDS ((int)G_N_ELEMENTS(commands))

static int protos[G_N_ELEMENTS(commands)];

void tlsexplain_starttls_lookup(void)
{
    for (int i = 0; i < N_COMMANDS; i++)
        protos[i] = proto_get_id_by_filter_name(commands[i].proto);
}

int tlsexplain_starttls_count(void)
{
    return N_COMMANDS;
}

int tlsexplain_starttls_proto(int command)
{
    return command >= 0 && command < N_COMMANDS ? protos[command] : -1;
}

int tlsexplain_starttls_proto_index(int proto)
{
    for (int i = 0; i < N_COMMANDS; i++) {
        if (protos[i] == proto && proto > 0)
            return i;
    }
    return -1;
}

const char *tlsexplain_starttls_label(int command)
{
    return command >= 0 && command < N_COMMANDS ? commands[command].label : NULL;
}

int tlsexplain_starttls_explain_key(int command)
{
    return command >= 0 && command < N_COMMANDS ? (int)commands[command].key : -1;
}
