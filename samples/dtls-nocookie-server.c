/* A DTLS 1.2 server without the cookie exchange, for the dtls12-nocookie
 * sample (make-transport-samples.sh builds and runs it): openssl s_server
 * always turns SSL_OP_COOKIE_EXCHANGE on for DTLS and has no option to turn
 * it off, so its first answer is always a Hello Verify Request.  This one
 * answers the first Client Hello with its Server Hello.
 *
 *   dtls-nocookie-server PORT CERT KEY
 *
 * It serves one client on 127.0.0.1:PORT: the handshake, then it prints the
 * client's line, answers with one of its own, and closes when the client does
 * (close_notify both ways).  It prints "listening" when its socket is bound.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void die(const char *what)
{
    fprintf(stderr, "dtls-nocookie-server: %s\n", what);
    ERR_print_errors_fp(stderr);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: dtls-nocookie-server PORT CERT KEY\n");
        return 2;
    }
    SSL_CTX *ctx = SSL_CTX_new(DTLS_server_method());
    if (!ctx
        || !SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION)
        || !SSL_CTX_set_max_proto_version(ctx, DTLS1_2_VERSION)
        || SSL_CTX_use_certificate_chain_file(ctx, argv[2]) != 1
        || SSL_CTX_use_PrivateKey_file(ctx, argv[3], SSL_FILETYPE_PEM) != 1)
        die("cannot set up the context");
    /* As the other DTLS samples (s_server -no_ticket): no session ticket. */
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(atoi(argv[1])) };
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0)
        die("cannot bind");
    printf("listening\n");
    fflush(stdout);

    /* The first datagram's sender is the client: talk to it only. */
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    char byte;
    if (recvfrom(fd, &byte, 1, MSG_PEEK, (struct sockaddr *)&peer, &len) < 0
        || connect(fd, (struct sockaddr *)&peer, len) != 0)
        die("cannot connect to the client");
    BIO *bio = BIO_new_dgram(fd, BIO_NOCLOSE);
    BIO_ctrl(bio, BIO_CTRL_DGRAM_SET_CONNECTED, 0, &peer);
    SSL *ssl = SSL_new(ctx);
    SSL_set_bio(ssl, bio, bio);
    /* The same MTU as s_server -mtu 1400 in the other samples. */
    SSL_set_options(ssl, SSL_OP_NO_QUERY_MTU);
    if (!DTLS_set_link_mtu(ssl, 1400))
        die("cannot set the MTU");
    if (SSL_accept(ssl) != 1)
        die("handshake failed");

    char buf[512];
    int n = SSL_read(ssl, buf, sizeof buf - 1);
    if (n <= 0)
        die("no line from the client");
    fwrite(buf, 1, n, stdout);
    fflush(stdout);
    const char *line = "hello from the server\n";
    if (SSL_write(ssl, line, strlen(line)) <= 0)
        die("cannot answer");
    /* Then wait for the client's close_notify and answer it. */
    while ((n = SSL_read(ssl, buf, sizeof buf)) > 0)
        ;
    if (SSL_get_error(ssl, n) != SSL_ERROR_ZERO_RETURN)
        die("the client did not close cleanly");
    SSL_shutdown(ssl);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    close(fd);
    return 0;
}
