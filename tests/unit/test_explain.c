/* test_explain.c: explanations composed from what the handshake told.
 *
 * Each test plays a handshake as the glue would feed it, with what its hellos
 * said (tlsx_hello), and reads the step's explanation as a user does: the
 * texts of its parts joined as the tree joins them.  The texts are checked
 * whole: a fact that changes a word changes a test.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "check.h"

#include "tlsx_explain.h"
#include "tlsx_label.h"
#include "tlsx_pack.h"
#include "tlsx_verdict.h"

typedef struct {
    tlsx_handshake hs;
    uint32_t ids;
    int64_t ms;
    tlsx_step last;
} run;

static void start(run *r, uint8_t transport)
{
    memset(r, 0, sizeof *r);
    r->hs.slow_ms = UINT32_MAX;
    r->hs.transport = transport;
}

static void feed(run *r, tlsx_event ev)
{
    r->ms += 10;
    CHECK(tlsx_handshake_feed(&r->hs, &r->ids, &ev, &r->last));
}

static tlsx_event msg(run *r, tlsx_side side, uint8_t type)
{
    return hs_event(side, type, r->ms);
}

static void ccs(run *r, tlsx_side side)
{
    r->ms += 10;
    tlsx_event ev = record_event(TLSX_EV_CCS, side, r->ms);
    CHECK(tlsx_handshake_feed(&r->hs, &r->ids, &ev, &r->last));
}

/* The step's explanation in lang, its parts joined as the tree joins them:
 * Chinese puts no space between sentences. */
static const char *text_of(const run *r, tlsx_lang lang)
{
    static char buf[4096];
    tlsx_explanation e;
    tlsx_explanation_of(&r->last, r->hs.transport, -1, &e);
    buf[0] = '\0';
    for (unsigned i = 0; i < e.count; i++) {
        if (i && lang == TLSX_LANG_EN)
            strcat(buf, " ");
        CHECK(e.parts[i].kind == TLSX_PART_KEY);
        strcat(buf, tlsx_explain(lang, (tlsx_explain_key)e.parts[i].value));
    }
    return buf;
}

static tlsx_event client_hello(run *r, uint16_t version)
{
    tlsx_event ev = msg(r, TLSX_CLIENT, TLSX_HS_CLIENT_HELLO);
    ev.version = version;
    ev.session_id = 0x1234;
    return ev;
}

static tlsx_event server_hello(run *r, uint16_t version, uint16_t cipher)
{
    tlsx_event ev = msg(r, TLSX_SERVER, TLSX_HS_SERVER_HELLO);
    ev.version = version;
    ev.cipher = cipher;
    ev.session_id = 0x5678;
    return ev;
}

/* A TLS 1.2 full handshake up to the Client Key Exchange, with the suite
 * and what the Server Hello's extensions were. */
static void tls12_to_client_key_exchange(run *r, uint16_t cipher, uint32_t server_extensions)
{
    start(r, TLSX_TRANSPORT_TCP);
    feed(r, client_hello(r, TLSX_VERSION_TLS12));
    tlsx_event sh = server_hello(r, TLSX_VERSION_TLS12, cipher);
    sh.hello.extensions = server_extensions;
    feed(r, sh);
    feed(r, msg(r, TLSX_SERVER, TLSX_HS_CERTIFICATE));
    if (cipher != 0x009c) /* TLS_RSA_WITH_AES_128_GCM_SHA256 has none */
        feed(r, msg(r, TLSX_SERVER, TLSX_HS_SERVER_KEY_EXCHANGE));
    feed(r, msg(r, TLSX_SERVER, TLSX_HS_SERVER_HELLO_DONE));
    feed(r, msg(r, TLSX_CLIENT, TLSX_HS_CLIENT_KEY_EXCHANGE));
}

/* The document's case keeps the document's words: an ECDHE suite, no
 * extended master secret. */
static void test_document_case(void)
{
    run r;
    tls12_to_client_key_exchange(&r, 0xc02f, 0); /* ECDHE_RSA_WITH_AES_128_GCM_SHA256 */
    /* The document's text is composed of nothing else: the step keeps no facts. */
    CHECK(r.hs.keyx == TLSX_KEYX_ECDHE && r.last.keyx == 0 && r.last.told == 0);
    CHECK(r.last.explain == TLSX_EX_CLIENT_KEY_EXCHANGE);
    CHECK_STR(
        text_of(&r, TLSX_LANG_ZH),
        "Client Key Exchange，客户端给服务器端发送密钥交换算法的一些参数：ECDHE 时发送客户端的 "
        "ECDH 公钥，双方各自算出预备主密钥（pre-master secret）；RSA 密钥交换时客户端生成随机"
        "的预备主密钥，用服务器端的公钥加密后发送。预备主密钥不会以明文出现在网络上，是安全"
        "的；双方根据三个随机数（client random、server random、预备主密钥）生成主密钥（master "
        "secret），再导出对称加密中的密钥。");
    ccs(&r, TLSX_CLIENT);
    feed(&r, msg(&r, TLSX_CLIENT, TLSX_HS_FINISHED));
    ccs(&r, TLSX_SERVER);
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_FINISHED));
    CHECK(r.last.ends && r.last.explain == TLSX_EX_SERVER_FINISHED);
    CHECK_STR(
        text_of(&r, TLSX_LANG_ZH),
        "Finished，服务器端发送第一条加密的消息并做完整性验证：其中的 verify_data 是用主密钥对"
        "此前所有握手消息计算的哈希（PRF），客户端据此验证握手过程未被篡改。至此完整握手结束，"
        "共耗费两个 RTT，之后开始传输加密的应用数据。");
    tlsx_summary s;
    tlsx_handshake_summarize(&r.hs, &s);
    CHECK(s.rtts == 2 && s.keyx == TLSX_KEYX_ECDHE && !(s.told & TLSX_TOLD_EMS));
}

/* Both hellos carried extended_master_secret (RFC 7627): the document's
 * words up to the master secret, which comes from the session hash. */
static void test_ecdhe_with_ems(void)
{
    run r;
    tls12_to_client_key_exchange(&r, 0xc02f, TLSX_EXT_EXTENDED_MASTER_SECRET);
    CHECK(r.last.explain == TLSX_EX_CLIENT_KEY_EXCHANGE_ECDHE && (r.last.told & TLSX_TOLD_EMS));
    CHECK_STR(text_of(&r, TLSX_LANG_EN),
              "Client Key Exchange: the client sends the server its key exchange parameters. With "
              "ECDHE it sends its ECDH public key and both sides compute the pre-master secret; "
              "with RSA key exchange the client encrypts a random pre-master secret with the "
              "server's public key. The pre-master secret never crosses the network in the clear, "
              "so it is safe. Both hellos carried the "
              "extended_master_secret extension (RFC 7627), so both sides derive the master secret "
              "from the pre-master secret and the session hash, a hash of the handshake messages "
              "from the Client Hello up to this one, instead of the two random numbers: the master "
              "secret belongs to this handshake alone, which defeats the triple handshake attack. "
              "The keys for symmetric encryption are then derived from it and the two random "
              "numbers.");
}

static void test_rsa(void)
{
    run r;
    tls12_to_client_key_exchange(&r, 0x009c, 0); /* RSA_WITH_AES_128_GCM_SHA256 */
    CHECK(r.hs.keyx == TLSX_KEYX_RSA && r.last.explain == TLSX_EX_CLIENT_KEY_EXCHANGE_RSA);
    CHECK_STR(text_of(&r, TLSX_LANG_EN),
              "Client Key Exchange: with RSA key exchange the client generates a random pre-master "
              "secret, encrypts it with the public key of the server's certificate and sends it: "
              "only the holder of the certificate's private key can decrypt it. This key exchange "
              "is not forward secret: whoever later obtains that private key can decrypt a "
              "recorded handshake and the whole connection. From the three random values (client "
              "random, server random, pre-master secret) both sides derive the master secret and "
              "from it the keys for symmetric encryption.");
    CHECK_STR(tlsx_keyx_name(r.hs.keyx), "RSA");
}

static void test_dhe(void)
{
    run r;
    tls12_to_client_key_exchange(&r, 0x009e, 0); /* DHE_RSA_WITH_AES_128_GCM_SHA256 */
    CHECK(r.hs.keyx == TLSX_KEYX_DHE && r.last.explain == TLSX_EX_CLIENT_KEY_EXCHANGE_DHE);
    CHECK_STR(
        text_of(&r, TLSX_LANG_EN),
        "Client Key Exchange: the client sends the server its ephemeral Diffie-Hellman public "
        "value, for the p and g of the Server Key Exchange; from its own private value and "
        "the other's public value each side computes the same pre-master secret, which never "
        "crosses the network. From the three random values (client random, server random, "
        "pre-master secret) both sides derive the master secret and from it the keys for "
        "symmetric encryption.");
    /* Its Server Key Exchange. */
    start(&r, TLSX_TRANSPORT_TCP);
    feed(&r, client_hello(&r, TLSX_VERSION_TLS12));
    feed(&r, server_hello(&r, TLSX_VERSION_TLS12, 0x009e));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_CERTIFICATE));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_SERVER_KEY_EXCHANGE));
    CHECK_STR(text_of(&r, TLSX_LANG_EN),
              "Server Key Exchange: the server sends the client the parameters of finite-field "
              "Diffie-Hellman (DHE): the prime modulus p, the generator g and the server's "
              "ephemeral public value, signed with the certificate's private key.");
    CHECK_STR(text_of(&r, TLSX_LANG_ZH),
              "Server Key Exchange，服务器端给客户端发送有限域 Diffie-Hellman（DHE）的参数：素数模 "
              "p、生成元 g 和服务器端的临时公钥，并用证书私钥签名。");
}

/* A suite of no kind the texts tell apart, with the extended master
 * secret: a text that names no exchange. */
static void test_other_exchange(void)
{
    run r;
    tls12_to_client_key_exchange(&r, 0x00a8, TLSX_EXT_EXTENDED_MASTER_SECRET); /* PSK */
    CHECK(r.hs.keyx == TLSX_KEYX_PSK && r.last.explain == TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER);
    tls12_to_client_key_exchange(&r, 0xc0ff, TLSX_EXT_EXTENDED_MASTER_SECRET); /* unknown */
    CHECK(r.hs.keyx == TLSX_KEYX_UNKNOWN && r.last.explain == TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER);
    /* Unknown, no extended master secret: the document's words. */
    tls12_to_client_key_exchange(&r, 0xc0ff, 0);
    CHECK(r.last.explain == TLSX_EX_CLIENT_KEY_EXCHANGE);
}

/* A modern client: TLS 1.3 offered with an X25519 key share, a ticket
 * offered as a PSK, and 0-RTT data. */
static void test_tls13_client_hello(void)
{
    run r;
    start(&r, TLSX_TRANSPORT_TCP);
    tlsx_event ch = client_hello(&r, TLSX_VERSION_TLS13);
    ch.hello.extensions = TLSX_EXT_SUPPORTED_VERSIONS | TLSX_EXT_KEY_SHARE |
                          TLSX_EXT_PRE_SHARED_KEY | TLSX_EXT_EARLY_DATA;
    ch.hello.key_share_count = 1;
    ch.hello.key_share[0] = 0x001d;
    ch.hello.psk_identities = 1;
    ch.hello.psk_modes = TLSX_PSK_MODE_DHE_KE;
    feed(&r, ch);
    CHECK(r.last.explain == TLSX_EX_CLIENT_HELLO_TLS13);
    CHECK(r.last.told ==
          (TLSX_TOLD_TLS13_OFFERED | TLSX_TOLD_PSK_OFFERED | TLSX_TOLD_EARLY_OFFERED));
    CHECK_STR(
        text_of(&r, TLSX_LANG_EN),
        "Client Hello: the client offers TLS 1.3 in the supported_versions extension (the old "
        "version field stays at TLS 1.2, for compatibility), with the cipher suites it "
        "supports and a random number (client random); in the key_share extension it can "
        "already send its public keys for groups it expects the server to accept, so that "
        "the keys are agreed without another round trip. Its SessionId field is a leftover "
        "of TLS 1.2: it can only resume a TLS 1.2 session, and is otherwise empty or a random "
        "value of middlebox compatibility mode; TLS 1.3 resumes a session with the "
        "pre_shared_key extension. Its pre_shared_key extension offers pre-shared keys, "
        "usually tickets from a New Session Ticket of an earlier connection, to resume a "
        "session (RFC 8446 4.2.11); psk_key_exchange_modes says whether the client also "
        "wants a fresh (EC)DHE exchange with it. With the early_data extension the client "
        "sends application data right after this Client Hello (0-RTT), before the handshake "
        "completes, encrypted with a key derived from the first PSK it offers; such data is "
        "not forward secret and can be replayed (RFC 8446 2.3).");
    /* Without the hello's extensions read, the offered version alone. */
    start(&r, TLSX_TRANSPORT_TCP);
    feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
    CHECK_STR(text_of(&r, TLSX_LANG_ZH),
              "Client Hello，客户端在 supported_versions 扩展中提供 TLS 1.3（为了兼容，原来的版本号"
              "字段仍写 TLS 1.2），连同自身支持的 cipher suites 和一个随机数（client random）；它还"
              "可以在 key_share 扩展中预先发送自己对若干 group 的公钥（预计服务器端会接受的），这样"
              "无需再多一个来回就能协商出密钥。SessionId 字段是 TLS 1.2 的遗留：只能用来复用 TLS "
              "1.2 的 Session，否则为空或是中间设备兼容模式下的随机值；TLS 1.3 用 pre_shared_key "
              "扩展复用会话。");
    /* A TLS 1.2 client presenting a session ticket. */
    start(&r, TLSX_TRANSPORT_TCP);
    ch = client_hello(&r, TLSX_VERSION_TLS12);
    ch.hello.extensions = TLSX_EXT_SESSION_TICKET;
    ch.hello.session_ticket_data = true;
    feed(&r, ch);
    CHECK_STR(text_of(&r, TLSX_LANG_EN),
              "Client Hello: the client sends the server the TLS versions and cipher suites it "
              "supports, a random number (client random) and a SessionId (a previous session may "
              "be reused). Its SessionTicket extension carries a ticket from an earlier connection "
              "(RFC 5077), with which the server may resume that session.");
}

/* X25519MLKEM768 offered and chosen. */
static void test_hybrid(void)
{
    run r;
    start(&r, TLSX_TRANSPORT_TCP);
    tlsx_event ch = client_hello(&r, TLSX_VERSION_TLS13);
    ch.hello.key_share_count = 2;
    ch.hello.key_share[0] = 0x11ec;
    ch.hello.key_share[1] = 0x001d;
    feed(&r, ch);
    CHECK(r.last.told == (TLSX_TOLD_TLS13_OFFERED | TLSX_TOLD_HYBRID_OFFERED));
    tlsx_explanation e;
    tlsx_explanation_of(&r.last, TLSX_TRANSPORT_TCP, -1, &e);
    CHECK(e.count == 2 && e.parts[1].value == TLSX_EX_PART_HYBRID_OFFERED);
    tlsx_event sh = server_hello(&r, TLSX_VERSION_TLS13, 0x1301);
    sh.group = 0x11ec;
    feed(&r, sh);
    CHECK(r.hs.keyx == TLSX_KEYX_HYBRID && r.last.explain == TLSX_EX_SERVER_HELLO_TLS13);
    CHECK_STR(text_of(&r, TLSX_LANG_EN),
              "Server Hello: the server picks TLS 1.3 (in the supported_versions extension) and a "
              "cipher suite, and sends a random number (server random) and its key_share (and, "
              "when resuming, the chosen PSK). Both sides then derive the handshake keys and the "
              "rest of the handshake is encrypted. The group it chose is a hybrid post-quantum "
              "one: its key_share holds an elliptic-curve public key and an ML-KEM ciphertext "
              "encapsulated to the client's key, and the shared secret combines both.");
    CHECK(tlsx_group_is_hybrid(0x11eb) && tlsx_group_is_hybrid(0x6399) &&
          !tlsx_group_is_hybrid(0x001d) && !tlsx_group_is_hybrid(0x0100));
    CHECK(tlsx_group_is_ffdhe(0x0100) && !tlsx_group_is_ffdhe(0x0017));
    /* A classic group: the text alone. */
    start(&r, TLSX_TRANSPORT_TCP);
    feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
    sh = server_hello(&r, TLSX_VERSION_TLS13, 0x1301);
    sh.group = 0x0017;
    feed(&r, sh);
    CHECK(r.hs.keyx == TLSX_KEYX_ECDHE);
    tlsx_explanation_of(&r.last, TLSX_TRANSPORT_TCP, -1, &e);
    CHECK(e.count == 1 && e.is_static);
    sh.group = 0x0100;
    start(&r, TLSX_TRANSPORT_TCP);
    feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
    feed(&r, sh);
    CHECK(r.hs.keyx == TLSX_KEYX_DHE);
}

/* A TLS 1.3 Server Hello that accepts a PSK, with and without a key share;
 * the first step's hello offered it. */
static void test_psk(void)
{
    run r;
    for (int dhe = 0; dhe < 2; dhe++) {
        start(&r, TLSX_TRANSPORT_TCP);
        feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
        tlsx_event sh = server_hello(&r, TLSX_VERSION_TLS13, 0x1301);
        sh.psk = true;
        sh.group = dhe ? 0x001d : 0;
        feed(&r, sh);
        CHECK(r.last.explain == TLSX_EX_SERVER_HELLO_PSK && (r.hs.told & TLSX_TOLD_PSK));
        CHECK(r.hs.keyx == (dhe ? TLSX_KEYX_PSK_DHE : TLSX_KEYX_PSK));
        const char *head =
            "Server Hello (PSK): the server picks TLS 1.3 and accepts one of the pre-shared keys "
            "offered in the client's pre_shared_key extension, usually a ticket from a New "
            "Session Ticket of an earlier connection: the session is resumed, and as the PSK "
            "already authenticates the server it sends no Certificate or Certificate Verify. ";
        char want[2048];
        snprintf(want, sizeof want, "%s%s", head,
                 dhe ? "With the PSK it sends a fresh key_share (psk_dhe_ke mode), so the new keys "
                       "are forward secret."
                     : "It sends no key_share (psk_ke mode): the keys come from the PSK alone and "
                       "are not forward secret: whoever obtains the PSK can decrypt a recorded "
                       "connection.");
        CHECK_STR(text_of(&r, TLSX_LANG_EN), want);
    }
    /* Encrypted Extensions accepting 0-RTT data. */
    tlsx_event ee = msg(&r, TLSX_SERVER, TLSX_HS_ENCRYPTED_EXTENSIONS);
    ee.hello.extensions = TLSX_EXT_EARLY_DATA;
    feed(&r, ee);
    CHECK(r.last.told & TLSX_TOLD_EARLY_ACCEPTED);
    CHECK_STR(text_of(&r, TLSX_LANG_ZH),
              "Encrypted Extensions，服务器端发送的第一条加密的握手消息，带有与密钥协商无关的扩展"
              "（如 ALPN 选定的协议），这些在 TLS 1.2 中是以明文放在 Server Hello 里的。它带有 "
              "early_data 扩展：服务器端接受了客户端的 0-RTT 数据。");
}

/* A HelloRetryRequest by what it asked for, the second Client Hello, and
 * the client's Finished that says two round trips. */
static void play_hrr(run *r, bool group, bool cookie)
{
    start(r, TLSX_TRANSPORT_TCP);
    feed(r, client_hello(r, TLSX_VERSION_TLS13));
    tlsx_event hrr = server_hello(r, TLSX_VERSION_TLS13, 0x1301);
    hrr.hrr = true;
    hrr.group = group ? 0x0017 : 0;
    hrr.hello.extensions = cookie ? TLSX_EXT_COOKIE : 0;
    feed(r, hrr);
}

static void test_hrr(void)
{
    run r;
    play_hrr(&r, true, false);
    CHECK(r.last.explain == TLSX_EX_HELLO_RETRY_REQUEST);
    CHECK_STR(text_of(&r, TLSX_LANG_EN),
              "Hello Retry Request: a Server Hello whose random is a special value (the SHA-256 of "
              "\"HelloRetryRequest\"): the client's key_share held no group the server accepts, so "
              "the server names the group it wants and the client must send a second Client "
              "Hello, which costs an extra round trip.");
    feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
    CHECK(r.last.explain == TLSX_EX_CLIENT_HELLO_RETRY);

    play_hrr(&r, false, true);
    CHECK(r.last.explain == TLSX_EX_HELLO_RETRY_REQUEST_COOKIE);
    CHECK_STR(text_of(&r, TLSX_LANG_EN),
              "Hello Retry Request: a Server Hello whose random is a special value (the SHA-256 of "
              "\"HelloRetryRequest\"): the server asks for no other group but sends a cookie that "
              "the client must echo in a second Client Hello, so that the server can check the "
              "client's address, or keep no state until then (RFC 8446 4.2.2); this costs an extra "
              "round trip.");
    feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
    CHECK_STR(
        text_of(&r, TLSX_LANG_EN),
        "Client Hello (retry): the client's second Client Hello, answering the server's Hello "
        "Retry Request: the same as the first, except that it echoes the server's cookie in "
        "its cookie extension. This is the extra round trip the Hello Retry Request costs.");
    tlsx_event sh = server_hello(&r, TLSX_VERSION_TLS13, 0x1301);
    sh.group = 0x001d;
    feed(&r, sh);
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_ENCRYPTED_EXTENSIONS));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_CERTIFICATE));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_CERTIFICATE_VERIFY));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_FINISHED));
    feed(&r, msg(&r, TLSX_CLIENT, TLSX_HS_FINISHED));
    CHECK(r.last.ends && r.last.explain == TLSX_EX_CLIENT_FINISHED_TLS13);
    CHECK_STR(text_of(&r, TLSX_LANG_ZH),
              "Finished，客户端发送对此前所有握手消息计算的 HMAC（verify_data），服务器端据此验证握"
              "手过程未被篡改。至此 TLS 1.3 握手完成，共耗费两个 RTT，其中一个是 Hello Retry "
              "Request 多出来的，双方改用应用数据密钥。");
    tlsx_summary s;
    tlsx_handshake_summarize(&r.hs, &s);
    CHECK(s.rtts == 2 && s.keyx == TLSX_KEYX_ECDHE);
    CHECK(s.told & TLSX_TOLD_SERVER_CERT);

    /* Both a group and a cookie. */
    play_hrr(&r, true, true);
    CHECK(r.last.explain == TLSX_EX_HELLO_RETRY_REQUEST);
    tlsx_explanation e;
    tlsx_explanation_of(&r.last, TLSX_TRANSPORT_TCP, -1, &e);
    CHECK(e.count == 2 && e.parts[1].value == TLSX_EX_PART_HRR_COOKIE_TOO);
    feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
    CHECK(r.last.explain == TLSX_EX_CLIENT_HELLO_RETRY);

    /* Nothing of it read: both reasons, neither claimed. */
    play_hrr(&r, false, false);
    CHECK(r.last.explain == TLSX_EX_HELLO_RETRY_REQUEST_UNKNOWN);
}

/* A TLS 1.3 handshake in one round trip keeps its text. */
static void test_tls13_one_round_trip(void)
{
    run r;
    start(&r, TLSX_TRANSPORT_TCP);
    feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
    tlsx_event sh = server_hello(&r, TLSX_VERSION_TLS13, 0x1301);
    sh.group = 0x001d;
    feed(&r, sh);
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_ENCRYPTED_EXTENSIONS));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_FINISHED));
    feed(&r, msg(&r, TLSX_CLIENT, TLSX_HS_FINISHED));
    CHECK(r.last.ends && r.last.explain == TLSX_EX_CLIENT_FINISHED_TLS13);
    CHECK_STR(
        text_of(&r, TLSX_LANG_EN),
        "Finished: the client sends an HMAC (verify_data) over all handshake messages so far, "
        "with which the server verifies that the handshake was not tampered with. This "
        "completes the TLS 1.3 handshake, after one RTT; both sides switch to the "
        "application traffic keys.");
    tlsx_summary s;
    tlsx_handshake_summarize(&r.hs, &s);
    CHECK(s.rtts == 1);

    /* GnuTLS: the client's compatibility ChangeCipherSpec comes between the
     * server's Hello and the rest of its flight; the server waits for it no
     * more than for nothing: still one round trip, and the text says so. */
    start(&r, TLSX_TRANSPORT_TCP);
    feed(&r, client_hello(&r, TLSX_VERSION_TLS13));
    feed(&r, sh);
    ccs(&r, TLSX_SERVER);
    ccs(&r, TLSX_CLIENT);
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_ENCRYPTED_EXTENSIONS));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_FINISHED));
    feed(&r, msg(&r, TLSX_CLIENT, TLSX_HS_FINISHED));
    tlsx_handshake_summarize(&r.hs, &s);
    CHECK(r.last.ends && s.rtts == 1 && !s.hrr);
    CHECK_STR(text_of(&r, TLSX_LANG_ZH),
              "Finished，客户端发送对此前所有握手消息计算的 HMAC（verify_data），服务器端据此验证握"
              "手过程未被篡改。至此 TLS 1.3 握手完成，共耗费一个 RTT，双方改用应用数据密钥。");
    CHECK_STR(s.history, "CsiIofF");
}

/* DTLS 1.2 with a cookie exchange: three round trips, said so. */
static void test_dtls_cookie(void)
{
    run r;
    start(&r, TLSX_TRANSPORT_DTLS);
    const uint16_t dtls12 = 0xfefd;
    feed(&r, client_hello(&r, dtls12));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_HELLO_VERIFY_REQUEST));
    feed(&r, client_hello(&r, dtls12));
    CHECK(r.last.explain == TLSX_EX_CLIENT_HELLO_COOKIE);
    feed(&r, server_hello(&r, dtls12, 0xc02b));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_CERTIFICATE));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_SERVER_KEY_EXCHANGE));
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_SERVER_HELLO_DONE));
    feed(&r, msg(&r, TLSX_CLIENT, TLSX_HS_CLIENT_KEY_EXCHANGE));
    ccs(&r, TLSX_CLIENT);
    feed(&r, msg(&r, TLSX_CLIENT, TLSX_HS_FINISHED));
    ccs(&r, TLSX_SERVER);
    feed(&r, msg(&r, TLSX_SERVER, TLSX_HS_FINISHED));
    CHECK(r.last.ends && r.last.explain == TLSX_EX_SERVER_FINISHED);
    CHECK_STR(text_of(&r, TLSX_LANG_EN),
              "Finished: the server's first encrypted message, an integrity check. Its verify_data "
              "is a hash (PRF) keyed with the master secret over all handshake messages so far, "
              "with which the client verifies that the handshake was not tampered with. This "
              "completes the full handshake, after three round trips (RTT), one of them the cookie "
              "exchange; encrypted application data follows.");
    tlsx_summary s;
    tlsx_handshake_summarize(&r.hs, &s);
    CHECK(s.rtts == 3 && s.cookie && (s.told & TLSX_TOLD_DTLS_COOKIE));
}

/* TLS 1.2 resumption: by the session ID, or by the ticket it came with. */
static void test_resumption(void)
{
    for (int ticket = 0; ticket < 2; ticket++) {
        run r;
        start(&r, TLSX_TRANSPORT_TCP);
        tlsx_event ch = client_hello(&r, TLSX_VERSION_TLS12);
        ch.hello.session_ticket_data = ticket;
        feed(&r, ch);
        tlsx_event sh = server_hello(&r, TLSX_VERSION_TLS12, 0xc02f);
        sh.session_id = ch.session_id;
        feed(&r, sh);
        CHECK(r.last.explain == TLSX_EX_SERVER_HELLO_RESUMED);
        CHECK(r.hs.told & (ticket ? TLSX_TOLD_RESUMED_TICKET : TLSX_TOLD_RESUMED_ID));
        CHECK(!(r.hs.told & (ticket ? TLSX_TOLD_RESUMED_ID : TLSX_TOLD_RESUMED_TICKET)));
    }
}

/* A step's facts survive packing; a step without any costs nothing. */
static void test_pack_facts(void)
{
    tlsx_pack_step in[2], out[2];
    memset(in, 0, sizeof in);
    in[0].st.explain = TLSX_EX_CLIENT_HELLO_TLS13;
    in[0].st.keyx = TLSX_KEYX_HYBRID;
    in[0].st.told = TLSX_TOLD_TLS13_OFFERED | TLSX_TOLD_CLIENT_AUTH;
    in[1].st.explain = TLSX_EX_UNKNOWN;
    uint8_t buf[256];
    const size_t with = tlsx_pack(in, 2, buf);
    tlsx_unpack(buf, out);
    CHECK(out[0].st.explain == TLSX_EX_CLIENT_HELLO_TLS13 && out[0].st.keyx == TLSX_KEYX_HYBRID);
    CHECK(out[0].st.told == in[0].st.told);
    CHECK(out[1].st.explain == TLSX_EX_UNKNOWN && !out[1].st.keyx && !out[1].st.told);
    in[0].st.keyx = 0;
    in[0].st.told = 0;
    CHECK(tlsx_pack(in, 2, buf) == with - 4); /* keyx, and told in 3 bytes */
}

/* Every label and every explanation has its words in both languages. */
static void test_tables_complete(void)
{
    for (int k = 0; k < TLSX_LABEL_COUNT; k++)
        CHECK(tlsx_label(TLSX_LANG_EN, (tlsx_label_key)k)[0] &&
              tlsx_label(TLSX_LANG_ZH, (tlsx_label_key)k)[0]);
    for (int k = 0; k < TLSX_EX_COUNT; k++)
        CHECK(tlsx_explain_en[k] && tlsx_explain_zh[k]);
    CHECK_STR(tlsx_label(TLSX_LANG_ZH, TLSX_LABEL_STEP_AFTER), " 步：");
}

int main(void)
{
    test_tables_complete();
    test_document_case();
    test_ecdhe_with_ems();
    test_rsa();
    test_dhe();
    test_other_exchange();
    test_tls13_client_hello();
    test_hybrid();
    test_psk();
    test_hrr();
    test_tls13_one_round_trip();
    test_dtls_cookie();
    test_resumption();
    test_pack_facts();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures != 0;
}
