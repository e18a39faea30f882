/* A TLS 1.2 client that uses False Start, for the advice-falsestart sample
 * (make-advice-samples.sh builds and runs it): GnuTLS does False Start when a
 * session is made with GNUTLS_ENABLE_FALSE_START, but gnutls-cli has no
 * option for it, and NSS's tstclnt -g turns it on without the callback NSS
 * asks for, so it never starts early.
 *
 *   falsestart-client ADDRESS PORT SERVER-NAME REQUEST
 *
 * It connects to ADDRESS:PORT (IPv4), offers TLS 1.2 only with GnuTLS's
 * NORMAL suites, names SERVER-NAME in its Server Name Indication, does not
 * check the server's certificate, and sends REQUEST as soon as
 * gnutls_handshake() returns: with False Start that is right after its own
 * Finished, before the server's Change Cipher Spec and Finished (TCP_NODELAY
 * on, so that it leaves at once).  It prints
 * on stderr whether the handshake returned early ("false start: yes"), then
 * writes what the server answers on stdout until the server closes, and
 * closes with a close_notify.  GnuTLS writes the key log SSLKEYLOGFILE names.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int fail(const char *what, int err)
{
    fprintf(stderr, "falsestart-client: %s: %s\n", what,
            err ? gnutls_strerror(err) : strerror(errno));
    return 1;
}

int main(int argc, char **argv)
{
    struct sockaddr_in addr;
    gnutls_certificate_credentials_t cred;
    gnutls_session_t session;
    char buf[4096];
    ssize_t n;
    int fd, ret;

    if (argc != 5) {
        fprintf(stderr, "usage: falsestart-client ADDRESS PORT SERVER-NAME REQUEST\n");
        return 2;
    }
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
        fprintf(stderr, "falsestart-client: %s is not an IPv4 address\n", argv[1]);
        return 2;
    }
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0)
        return fail("connect", 0);
    /* As curl and browsers do: without it, Nagle's algorithm holds the
     * request until the server's ACK of the Finished, which comes with the
     * server's Finished. */
    ret = 1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &ret, sizeof ret) < 0)
        return fail("TCP_NODELAY", 0);

    if ((ret = gnutls_global_init()) < 0)
        return fail("gnutls_global_init", ret);
    if ((ret = gnutls_certificate_allocate_credentials(&cred)) < 0)
        return fail("credentials", ret);
    if ((ret = gnutls_init(&session, GNUTLS_CLIENT | GNUTLS_ENABLE_FALSE_START)) < 0)
        return fail("gnutls_init", ret);
    if ((ret = gnutls_priority_set_direct(session, "NORMAL:-VERS-ALL:+VERS-TLS1.2", NULL)) < 0)
        return fail("priority", ret);
    if ((ret = gnutls_server_name_set(session, GNUTLS_NAME_DNS, argv[3], strlen(argv[3]))) < 0)
        return fail("server name", ret);
    if ((ret = gnutls_credentials_set(session, GNUTLS_CRD_CERTIFICATE, cred)) < 0)
        return fail("credentials", ret);
    gnutls_transport_set_int(session, fd);

    do
        ret = gnutls_handshake(session);
    while (ret < 0 && !gnutls_error_is_fatal(ret));
    if (ret < 0)
        return fail("handshake", ret);
    fprintf(stderr, "falsestart-client: handshake returned, false start: %s\n",
            (gnutls_session_get_flags(session) & GNUTLS_SFLAGS_FALSE_START) ? "yes" : "no");

    do
        n = gnutls_record_send(session, argv[4], strlen(argv[4]));
    while (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED);
    if (n < 0)
        return fail("send", (int)n);
    for (;;) {
        n = gnutls_record_recv(session, buf, sizeof buf);
        if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED)
            continue;
        if (n <= 0)
            break;
        fwrite(buf, 1, (size_t)n, stdout);
    }
    if (n < 0)
        return fail("receive", (int)n);
    fprintf(stderr, "falsestart-client: the server closed\n");
    gnutls_bye(session, GNUTLS_SHUT_WR);
    close(fd);
    gnutls_deinit(session);
    gnutls_certificate_free_credentials(cred);
    gnutls_global_deinit();
    return 0;
}
