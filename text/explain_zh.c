/* explain_zh.c: the Chinese explanation table, one text per message key.
 *
 * The ten TLS 1.2 steps follow the document this plugin is based on, with its
 * slips corrected; the other messages are written in the same voice.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_explain.h"

const char *const tlsx_explain_zh[TLSX_EX_COUNT] = {
    [TLSX_EX_CLIENT_HELLO] = "Client Hello，客户端选出自身支持的 TLS 版本号、"
                             "cipher suites、一个随机数（client random）、SessionId "
                             "传送给服务器端（有可能可复用 Session）。",
    [TLSX_EX_SERVER_HELLO] = "Server Hello，服务器端选出双方都支持的 TLS 版本和 cipher suite，"
                             "连同一个随机数（server random）、SessionId 发给客户端（SessionId 与 "
                             "Client Hello 中的相同即表示复用 Session）。",
    [TLSX_EX_SERVER_CERTIFICATE] = "Certificate，服务器端给客户端发送证书（链），"
                                   "用以身份验证及提供公钥。",
    [TLSX_EX_SERVER_KEY_EXCHANGE] = "Server Key Exchange，服务器端给客户端发送密钥交换算法"
                                    "的一些参数，例如 ECDHE 的曲线和服务器端的临时公钥，"
                                    "并用证书私钥签名（RSA 密钥交换时没有这条消息）。",
    [TLSX_EX_SERVER_HELLO_DONE] = "Server Hello Done（握手类型 14，curl 显示为 Server finished），"
                                  "服务器端告知它的 Server Hello 及相关消息已全部发送完毕，"
                                  "接下来轮到客户端；它不是 Finished 消息。",
    [TLSX_EX_CLIENT_KEY_EXCHANGE] = "Client Key Exchange，客户端给服务器端发送密钥交换"
                                    "算法的一些参数：ECDHE 时发送客户端的 ECDH 公钥，"
                                    "双方各自算出预备主密钥（pre-master secret）；RSA "
                                    "密钥交换时客户端生成随机的预备主密钥，用服务器端的"
                                    "公钥加密后发送。预备主密钥不会以明文出现在网络上，"
                                    "是安全的；双方根据三个随机数（client random、"
                                    "server random、预备主密钥）生成主密钥（master secret），"
                                    "再导出对称加密中的密钥。",
    [TLSX_EX_CLIENT_CCS] = "Change Cipher Spec，客户端告知服务器端，以后的消息将由 TLS "
                           "记录层协议用刚协商出的密钥加密。",
    [TLSX_EX_CLIENT_FINISHED] = "Finished，客户端发送第一条加密的消息并做完整性验证：其中的 "
                                "verify_data 是用主密钥对此前所有握手消息计算的哈希（PRF），"
                                "服务器端据此验证握手过程未被篡改。",
    [TLSX_EX_SERVER_CCS] = "Change Cipher Spec，服务器端告知客户端，以后的消息将由 TLS "
                           "记录层协议用协商出的密钥加密。",
    [TLSX_EX_SERVER_FINISHED] =
        "Finished，服务器端发送第一条加密的消息并做完整性验证：其中的 verify_data "
        "是用主密钥对此前所有握手消息计算的哈希（PRF），客户端据此验证握手过程未被篡改。",
    [TLSX_EX_HELLO_REQUEST] = "Hello Request，服务器端请求客户端重新发起一次握手（重协商），"
                              "客户端应回复新的 Client Hello，也可以忽略它或以 "
                              "no_renegotiation 告警拒绝。",
    [TLSX_EX_CERTIFICATE_REQUEST] = "Certificate Request，服务器端要求客户端也发送证书，"
                                    "以验证客户端的身份（双向认证），并列出它接受的签名算法和 CA。",
    [TLSX_EX_CLIENT_CERTIFICATE] = "Certificate，客户端应服务器端的 Certificate Request "
                                   "发送自己的证书（链），用于客户端身份验证；"
                                   "没有合适的证书时发送空的证书列表。",
    [TLSX_EX_CLIENT_CERTIFICATE_VERIFY] = "Certificate Verify，客户端用其证书私钥对此前所有握手消"
                                          "息签名，证明自己确实持有所发送证书的私钥。",
    [TLSX_EX_NEW_SESSION_TICKET] = "New Session Ticket，服务器端把加密后的会话状态作为 ticket "
                                   "交给客户端保存，客户端下次在 Client Hello 的 SessionTicket "
                                   "扩展中带上它即可复用 Session，服务器端无需缓存会话。"
                                   "它在服务器端的 Change Cipher Spec 之前发送。",
    [TLSX_EX_CERTIFICATE_STATUS] = "Certificate Status，服务器端紧跟在 Certificate 之后发送 "
                                   "CA 的 OCSP 响应（OCSP stapling），证明证书未被吊销，"
                                   "客户端无需再自行查询 OCSP 服务器；仅当 Client Hello 带有 "
                                   "status_request 扩展时出现。",
    [TLSX_EX_SERVER_HELLO_RESUMED] = "Server Hello（复用 Session），服务器端连同一个新的随机数"
                                     "（server random）原样返回 Client Hello 中的 SessionId，表示"
                                     "接受保存的 Session（按 SessionId 找到，或由客户端的 session "
                                     "ticket 带来）及其 TLS 版本和 cipher suite：以简短握手"
                                     "（abbreviated handshake）复用 Session，没有 Certificate、"
                                     "Server Key Exchange 和 Server Hello Done；双方由保存的主密钥"
                                     "和两个新的随机数导出新的密钥。",
    [TLSX_EX_SERVER_CCS_RESUMED] = "Change Cipher Spec（复用 Session），简短握手中服务器端先切换："
                                   "紧跟在 Server Hello（及可能有的 New Session Ticket）之后告知客"
                                   "户端，以后的消息将由 TLS 记录层协议用由保存的主密钥导出的密钥"
                                   "加密。",
    [TLSX_EX_SERVER_FINISHED_RESUMED] = "Finished（复用 Session），服务器端先于客户端发送第一条加"
                                        "密的消息并做完整性验证：其中的 verify_data 是用主密钥对此"
                                        "前所有握手消息计算的哈希（PRF），客户端据此验证握手过程未"
                                        "被篡改，且服务器端确实持有保存的主密钥。",
    [TLSX_EX_CLIENT_FINISHED_RESUMED] = "Finished（复用 Session），客户端回以自己的 Change Cipher "
                                        "Spec 和这条 Finished，服务器端据此同样验证握手过程。",
    [TLSX_EX_CLIENT_HELLO_RENEGOTIATION] = "Client Hello（重协商），客户端在已建立的连接中发起一次"
                                           "新的握手，消息用当前的密钥加密；它可以自行发起，也可以"
                                           "是应服务器端的 Hello Request；通常是为了更改参数，或服"
                                           "务器端要求客户端证书以访问受保护的资源。安全重协商"
                                           "（RFC 5746）时 renegotiation_info 扩展带有客户端上一"
                                           "次 Finished 的 verify_data，把两次握手绑定在一起，防止"
                                           "中间人拼接。TLS 1.3 已取消重协商。",
    [TLSX_EX_ENCRYPTED_RENEGOTIATION] = "Encrypted Handshake Message（重协商），握手完成后出现的握"
                                        "手记录，用连接的密钥加密，没有密钥无法解密：在 TLS 1.2 中"
                                        "这是重协商，即在已建立的连接中进行的又一次握手（Hello "
                                        "Request，或 Client Hello 及其后的消息）。用 "
                                        "SSLKEYLOGFILE 密钥日志文件（Wireshark 首选项 "
                                        "tls.keylog_file）即可解密，并把每条消息显示为单独的步骤。",
    [TLSX_EX_SERVER_HELLO_TLS13] = "Server Hello，服务器端通过 supported_versions 扩展选定 "
                                   "TLS 1.3，选出 cipher suite，并发送一个随机数（server random）"
                                   "和自己的 key_share（复用会话时还会选定 PSK）。"
                                   "此后双方算出握手密钥，之后的握手消息都被加密。",
    [TLSX_EX_HELLO_RETRY_REQUEST] = "Hello Retry Request，形式上是一条 Server Hello，但 "
                                    "random 是特殊值（“HelloRetryRequest” 的 SHA-256）："
                                    "客户端的 key_share 中没有服务器端接受的 group，"
                                    "服务器端指明要用的 group，客户端必须再发送一次 "
                                    "Client Hello，因此多耗费一个 RTT。",
    [TLSX_EX_CLIENT_HELLO_RETRY] = "Client Hello（重试），客户端应服务器端的 Hello Retry Request "
                                   "发送的第二个 Client Hello：与第一个相同，只是 key_share 中换成"
                                   "服务器端指定的 group 的公钥（服务器端给了 cookie 时原样带"
                                   "上）。Hello Retry Request 多耗费的那个 RTT 就在这里。",
    [TLSX_EX_SERVER_HELLO_PSK] = "Server Hello（PSK），服务器端选定 TLS 1.3，并接受客户端在 "
                                 "pre_shared_key 扩展中提供的某个预共享密钥（PSK），通常是此前连接"
                                 "中 New Session Ticket 给的 ticket：会话得以复用，PSK 已能证明服"
                                 "务器端的身份，因此服务器端不再发送 Certificate 和 Certificate "
                                 "Verify。",
    [TLSX_EX_ENCRYPTED_EXTENSIONS] = "Encrypted Extensions，服务器端发送的第一条加密的握手消息，"
                                     "带有与密钥协商无关的扩展（如 ALPN 选定的协议），这些在 "
                                     "TLS 1.2 中是以明文放在 Server Hello 里的。",
    [TLSX_EX_SERVER_CERTIFICATE_TLS13] = "Certificate，服务器端给客户端发送证书（链），"
                                         "用以身份验证及提供公钥；TLS 1.3 中这条消息已加密，"
                                         "公钥只用于验证 Certificate Verify 的签名，"
                                         "不再用于密钥交换。",
    [TLSX_EX_SERVER_CERTIFICATE_VERIFY_TLS13] = "Certificate Verify，"
                                                "服务器端用证书私钥对此前所有握手消息的哈希签名，"
                                                "证明自己确实持有该证书的私钥。",
    [TLSX_EX_SERVER_FINISHED_TLS13] = "Finished，服务器端发送对此前所有握手消息计算的 "
                                      "HMAC（verify_data），客户端据此验证握手过程未被篡改；"
                                      "此后服务器端即可发送应用数据。",
    [TLSX_EX_CLIENT_FINISHED_TLS13] = "Finished，客户端发送对此前所有握手消息计算的 "
                                      "HMAC（verify_data），服务器端据此验证握手过程未被篡改。",
    [TLSX_EX_END_OF_EARLY_DATA] = "End Of Early Data，客户端告知服务器端 0-RTT "
                                  "早期数据（early data）已发送完毕，此后改用握手密钥加密。",
    [TLSX_EX_NEW_SESSION_TICKET_TLS13] = "New Session Ticket，握手完成后服务器端发送的消息，"
                                         "不属于握手本身：它给客户端一个 ticket，下次连接时可作为 "
                                         "PSK 复用会话，服务器端允许时还可借此发送 0-RTT 数据。",
    [TLSX_EX_KEY_UPDATE] = "Key Update，握手完成后的消息，不属于握手本身："
                           "发送方告知对方，此后它发送的数据改用更新后的密钥加密，"
                           "并可要求对方也更新密钥（update_requested）。",
    [TLSX_EX_COMPAT_CCS_TLS13] = "Change Cipher Spec，TLS 1.3 中间设备兼容模式（RFC 8446 "
                                 "附录 D.4）发送的假消息，不改变任何状态，只是为了让中间设备把连接"
                                 "当作复用 Session 的 TLS 1.2 握手，接收方应忽略它。",
    [TLSX_EX_ENCRYPTED_SERVER_TLS13] = "加密的握手消息（Wireshark 显示为 Application Data），"
                                       "来自服务器端，没有密钥无法解密。其中依次应有 "
                                       "Encrypted Extensions、（Certificate Request、）"
                                       "Certificate、Certificate Verify 和 Finished，"
                                       "一条记录可装一条或多条消息（用 PSK 复用会话时没有 "
                                       "Certificate 和 Certificate Verify）。用 SSLKEYLOGFILE 环境"
                                       "变量导出密钥日志文件并在 Wireshark 首选项 tls.keylog_file "
                                       "中指定它，即可解密并把每条消息显示为单独的步骤。",
    [TLSX_EX_ENCRYPTED_CLIENT_TLS13] = "加密的握手消息（Wireshark 显示为 Application Data），"
                                       "来自客户端，是结束握手的 Finished（若服务器端要求了证书，"
                                       "之前还有 Certificate 和 Certificate Verify）。"
                                       "同样可用 SSLKEYLOGFILE 密钥日志文件（Wireshark 首选项 "
                                       "tls.keylog_file）解密，并把每条消息显示为单独的步骤。",
    [TLSX_EX_ENCRYPTED_SERVER_TLS13_MORE] =
        "加密的握手消息（Wireshark 显示为 Application "
        "Data），来自服务器端，是其加密消息的又一条记录。"
        "这些记录依次装有 Encrypted Extensions、（Certificate Request、）Certificate、"
        "Certificate Verify 和 Finished，一条记录可装一条或多条消息（用 PSK 复用会话时没有 "
        "Certificate 和 Certificate Verify）。",
    [TLSX_EX_ENCRYPTED_CLIENT_TLS13_MORE] =
        "加密的握手消息（Wireshark 显示为 Application Data），来自客户端，是结束握手的 Finished"
        "（若服务器端要求了证书，之前还有 Certificate 和 Certificate Verify；若服务器端接受了 "
        "early data，之前还有 End of Early Data）。",
    [TLSX_EX_ALERT_FATAL] = "Alert（fatal），发送方报告错误并立即中止握手或连接，双方都不能再继"
                            "续，该 Session 也不能再复用；description 字段说明原因。",
    [TLSX_EX_ALERT_WARNING] = "Alert（warning），通知而非错误，例如 close_notify（发送方正常关闭连"
                              "接）或 no_renegotiation（拒绝重协商，连接继续）。TLS 1.3 中只有 "
                              "close_notify 和 user_canceled 不是错误，其他告警无论 level 如何都"
                              "按 fatal 处理。",
    [TLSX_EX_ALERT_ENCRYPTED] = "Encrypted Alert，用连接的密钥加密的告警记录，没有密钥日志文件"
                                "（SSLKEYLOGFILE，Wireshark 首选项 tls.keylog_file）就读不出它的 "
                                "level 和 description。在应用数据之后出现时通常是 close_notify；在"
                                "握手过程中出现几乎总是表示握手失败。",
    [TLSX_EX_ALERT_ENCRYPTED_AFTER_FINISHED] =
        "Encrypted Alert，由已经发出自己 Finished 的一方发送的加密告警记录，没有密钥日志文件"
        "（SSLKEYLOGFILE，Wireshark 首选项 tls.keylog_file）就读不出它的 level 和 description。"
        "发送方已没有握手消息要发，所以它多半是 close_notify，只关闭发送方这一方向的连接：TLS 1.3 "
        "服务器端可能先回答以 0-RTT 早期数据发来的请求，并在客户端的 Finished 到达之前关闭连接。"
        "握手并不在此结束：随后若有对方的 Finished，握手即完成。",
    [TLSX_EX_HELLO_VERIFY_REQUEST] = "Hello Verify Request，DTLS 服务器端回给客户端一个 cookie，"
                                     "客户端须在第二个 Client Hello 中带上它以证明源地址真实，"
                                     "防止利用伪造源地址的放大攻击；这多耗费一个 RTT。",
    [TLSX_EX_CLIENT_HELLO_COOKIE] = "Client Hello（cookie），客户端再次发送 Client Hello，这次带上 "
                                    "Hello Verify Request 给的 cookie。只有真正能在其源地址收到数据"
                                    "包的客户端才能回显 cookie，所以服务器端此时才保存状态，并回复"
                                    "它那一组大得多的消息。cookie 交换多耗费的那个 RTT 就在这里。",
    [TLSX_EX_ENCRYPTED_SERVER_QUIC] =
        "加密的握手消息（QUIC Handshake 数据包），来自服务器端，没有"
        "密钥无法解密。其中的 CRYPTO 帧依次装着 Encrypted Extensions、"
        "（Certificate Request、）Certificate、Certificate Verify 和 "
        "Finished，与 TLS 1.3 在 TCP 上用加密记录发送的相同。用 "
        "SSLKEYLOGFILE 密钥日志文件（Wireshark 首选项 tls.keylog_file）"
        "即可解密，并把每条消息显示为单独的步骤。",
    [TLSX_EX_ENCRYPTED_CLIENT_QUIC] = "加密的握手消息（QUIC Handshake 数据包），来自客户端，是结束"
                                      "握手的 Finished（若服务器端要求了证书，之前还有 Certificate "
                                      "和 Certificate Verify）。有密钥日志文件时 Wireshark 可解密，"
                                      "并把每条消息显示为单独的步骤。",
    [TLSX_EX_CONTEXT_DTLS] = "这次握手走的是 DTLS，即面向数据报（UDP）的 TLS：每条消息带有序号，"
                             "以便接收方重新排序；一个数据报装不下的消息会被分片；一方迟迟收不到"
                             "回复时，会在超时后把自己上一组消息整组重发。",
    [TLSX_EX_CONTEXT_QUIC] =
        "这次握手在 QUIC 之中进行：消息装在 CRYPTO 帧里，没有 TLS 记录层，也没有 Change Cipher "
        "Spec：Client Hello 和 Server Hello 在 Initial 数据包中，其保护密钥由客户端的第一个 "
        "Destination Connection ID 导出，看到数据包的人都能算出（RFC 9001 5.2）；其余握手消息在用"
        "握手密钥保护的 Handshake 数据包中；握手之后的 New Session Ticket 在 1-RTT 数据包中。"
        "QUIC 没有自己单独的握手：这次握手同时建立连接和密钥，而 TCP 在 TLS 开始之前还要先完成"
        "自己的三次握手。",
    [TLSX_EX_UPGRADE_SMTP] = "这条连接以明文 SMTP 开始：客户端发出 STARTTLS，服务器端同意（220），"
                             "本 Client Hello 就在同一条 TCP 连接上开始 TLS；之后的登录和邮件都受"
                             "保护。",
    [TLSX_EX_UPGRADE_IMAP] = "这条连接以明文 IMAP 开始：客户端发出 STARTTLS，服务器端同意（OK），"
                             "本 Client Hello 就在同一条 TCP 连接上开始 TLS；之后的登录和邮件都受"
                             "保护。",
    [TLSX_EX_UPGRADE_POP3] = "这条连接以明文 POP3 开始：客户端发出 STLS，服务器端同意（+OK），"
                             "本 Client Hello 就在同一条 TCP 连接上开始 TLS；之后的登录和邮件都受"
                             "保护。",
    [TLSX_EX_UPGRADE_FTP] = "这条连接以明文 FTP 控制连接开始：客户端发出 AUTH TLS，服务器端同意"
                            "（234），本 Client Hello 就在同一条 TCP 连接上开始 TLS；之后的登录和"
                            "命令都受保护。",
    [TLSX_EX_UPGRADE_LDAP] =
        "这条连接以明文 LDAP 开始：客户端发出 StartTLS 扩展请求，服务器端同意，"
        "本 Client Hello 就在同一条 TCP 连接上开始 TLS；之后的绑定和查询都受"
        "保护。",
    [TLSX_EX_UPGRADE_XMPP] = "这条连接以明文 XMPP 流开始：客户端发出 <starttls/>，服务器端同意"
                             "（<proceed/>），本 Client Hello 就在同一条 TCP 连接上开始 TLS；之后的"
                             "认证和消息都受保护。",
    [TLSX_EX_UPGRADE_PGSQL] =
        "这条连接以明文 PostgreSQL 开始：客户端发出 SSLRequest，服务器端同意"
        "（S），本 Client Hello 就在同一条 TCP 连接上开始 TLS；之后的启动消息、"
        "认证和查询都受保护。",
    [TLSX_EX_UPGRADE_MYSQL] =
        "这条连接以明文 MySQL 开始：收到服务器端的问候后，客户端发出 SSL 请求"
        "（带 CLIENT_SSL 的能力标志，不含登录信息），本 Client Hello 就在同一条 "
        "TCP 连接上开始 TLS；之后的登录和查询都受保护。",
    [TLSX_EX_CERTIFICATE_URL] = "Certificate URL，客户端不直接发送证书，而是发送证书（链）的 URL "
                                "和哈希，由服务器端自行下载，适合带宽受限的客户端（RFC 6066 的 "
                                "client_certificate_url 扩展）。",
    [TLSX_EX_SUPPLEMENTAL_DATA] = "Supplemental Data，在证书之前随握手传递的应用层补充数据"
                                  "（RFC 4680），如用户映射信息（RFC 4681），很少见。",
    [TLSX_EX_COMPRESSED_CERTIFICATE] = "Compressed Certificate，TLS 1.3 中经压缩的 Certificate "
                                       "消息（RFC 8879），压缩算法（zlib、brotli 或 zstd）由 "
                                       "compress_certificate 扩展协商，用以减少握手的数据量。",
    [TLSX_EX_NEXT_PROTOCOL] = "Next Protocol，NPN 扩展（已被 ALPN 取代）的消息："
                              "客户端在 Change Cipher Spec 之后、Finished 之前，"
                              "以加密方式告知服务器端它选用的应用层协议。",
    [TLSX_EX_MESSAGE_HASH] = "Message Hash，TLS 1.3 中不在网络上传输的合成消息：发生 "
                             "Hello Retry Request 后，计算握手哈希时用它代替第一个 Client Hello；"
                             "在抓包中出现说明数据有误。",
    [TLSX_EX_UNKNOWN] = "未知的握手消息，本插件没有这种握手消息类型的解释，请参考 "
                        "Wireshark 对其字段的解析。",
    [TLSX_EX_CLIENT_HELLO_TLS13] =
        "Client Hello，客户端在 supported_versions 扩展中提供 TLS 1.3（为了兼容，原来的版本号字段"
        "仍写 TLS 1.2），连同自身支持的 cipher suites 和一个随机数（client random）；它还可以在 "
        "key_share 扩展中预先发送自己对若干 group 的公钥（预计服务器端会接受的），这样无需再多一个"
        "来回就能协商出密钥。SessionId 字段是 TLS 1.2 的遗留：只能用来复用 TLS 1.2 的 Session，"
        "否则为空或是中间设备兼容模式下的随机值；TLS 1.3 用 pre_shared_key 扩展复用会话。",
    [TLSX_EX_PART_TICKET_OFFERED] = "它的 SessionTicket 扩展带有此前连接得到的 ticket（RFC "
                                    "5077），服务器端可凭它复用那个 Session。",
    [TLSX_EX_PART_PSK_OFFERED] = "它的 pre_shared_key 扩展提供预共享密钥（PSK），通常是此前连接中 "
                                 "New Session Ticket 给的 ticket，用以复用会话（RFC 8446 "
                                 "4.2.11）；psk_key_exchange_modes 扩展说明客户端是否同时要进行新"
                                 "的 (EC)DHE 交换。",
    [TLSX_EX_PART_EARLY_OFFERED] = "它带有 early_data 扩展：客户端在握手完成之前、紧接着这个 "
                                   "Client Hello 就发送应用数据（0-RTT），用由它提供的第一个 PSK "
                                   "导出的密钥加密；这些数据没有前向安全性，也可能被重放（RFC "
                                   "8446 2.3）。",
    [TLSX_EX_PART_HYBRID_OFFERED] = "它的某个 key share 属于混合后量子 group（如 "
                                    "X25519MLKEM768），把椭圆曲线 Diffie-Hellman 与 ML-KEM 密钥"
                                    "封装结合在一起：只要两者之一不被攻破，密钥就是安全的，即使有"
                                    "人录下今天的握手、将来用量子计算机攻击它。",
    [TLSX_EX_PART_HYBRID_CHOSEN] = "它选的是混合后量子 group：它的 key_share 中有一个椭圆曲线公钥"
                                   "和一个用客户端的 ML-KEM 公钥封装的密文，共享密钥由两者合成。",
    [TLSX_EX_SERVER_KEY_EXCHANGE_DHE] = "Server Key Exchange，服务器端给客户端发送有限域 "
                                        "Diffie-Hellman（DHE）的参数：素数模 p、生成元 g 和服务器"
                                        "端的临时公钥，并用证书私钥签名。",
    [TLSX_EX_CLIENT_KEY_EXCHANGE_ECDHE] = "Client Key Exchange，客户端给服务器端发送密钥交换"
                                          "算法的一些参数：ECDHE 时发送客户端的 ECDH 公钥，"
                                          "双方各自算出预备主密钥（pre-master secret）；RSA "
                                          "密钥交换时客户端生成随机的预备主密钥，用服务器端的"
                                          "公钥加密后发送。预备主密钥不会以明文出现在网络上，"
                                          "是安全的。",
    [TLSX_EX_CLIENT_KEY_EXCHANGE_DHE] = "Client Key Exchange，客户端给服务器端发送它的临时 "
                                        "Diffie-Hellman 公钥（基于 Server Key Exchange 中的 p 和 "
                                        "g）；双方各用自己的私钥和对方的公钥算出同一个预备主密钥"
                                        "（pre-master secret），它从不在网络上传输。",
    [TLSX_EX_CLIENT_KEY_EXCHANGE_RSA] = "Client Key Exchange，RSA 密钥交换时客户端生成随机的预备主"
                                        "密钥（pre-master secret），用服务器端证书中的公钥加密后"
                                        "发送：只有持有证书私钥的一方才能解密。这种密钥交换没有前"
                                        "向安全性：日后谁得到了这个私钥，就能解密录下的握手乃至整"
                                        "个连接。",
    [TLSX_EX_CLIENT_KEY_EXCHANGE_OTHER] = "Client Key Exchange，客户端给服务器端发送 cipher suite "
                                          "所定的密钥交换中它的那一部分，双方由此得到同一个预备主"
                                          "密钥（pre-master secret）。",
    [TLSX_EX_PART_MASTER_FROM_RANDOMS] = "双方根据三个随机数（client random、server random、预备"
                                         "主密钥）生成主密钥（master secret），再导出对称加密中的"
                                         "密钥。",
    [TLSX_EX_PART_MASTER_FROM_SESSION_HASH] =
        "双方的 hello 都带有 extended_master_secret 扩展（RFC 7627），因此主密钥（master secret）"
        "不是由两个随机数，而是由预备主密钥和 session hash（从 Client Hello 到这条消息为止所有握手"
        "消息的哈希）生成：主密钥只属于这一次握手，可以抵御三次握手攻击（triple handshake "
        "attack）。对称加密中的密钥再由主密钥和两个随机数导出。",
    [TLSX_EX_HELLO_RETRY_REQUEST_COOKIE] =
        "Hello Retry Request，形式上是一条 Server Hello，但 random 是特殊值（“HelloRetryRequest” "
        "的 SHA-256）：服务器端没有要求换 group，而是给出一个 cookie，客户端须在第二个 Client "
        "Hello 中原样带上，使服务器端可以验证客户端的地址，或在此之前不保存状态（RFC 8446 "
        "4.2.2）；这多耗费一个 RTT。",
    [TLSX_EX_HELLO_RETRY_REQUEST_UNKNOWN] =
        "Hello Retry Request，形式上是一条 Server Hello，但 random 是特殊值（“HelloRetryRequest” "
        "的 SHA-256）：服务器端要求客户端再发送一次 Client Hello，带上它指定的 group 的 key share"
        "（key_share），或原样带回它给的 cookie（cookie），或两者都要；这多耗费一个 RTT。",
    [TLSX_EX_PART_HRR_COOKIE_TOO] = "它还带有一个 cookie，客户端须原样带回（RFC 8446 4.2.2）。",
    [TLSX_EX_CLIENT_HELLO_RETRY_COOKIE] = "Client Hello（重试），客户端应服务器端的 Hello Retry "
                                          "Request 发送的第二个 Client Hello：与第一个相同，只是在 "
                                          "cookie 扩展中原样带上服务器端给的 cookie。Hello Retry "
                                          "Request 多耗费的那个 RTT 就在这里。",
    [TLSX_EX_PART_PSK_DHE_KE] = "它连同 PSK 还发送了新的 key_share（psk_dhe_ke 模式），因此新的"
                                "密钥具有前向安全性。",
    [TLSX_EX_PART_PSK_KE] = "它没有发送 key_share（psk_ke 模式）：密钥只由 PSK 导出，没有前向安全"
                            "性，谁得到了这个 PSK 就能解密录下的连接。",
    [TLSX_EX_PART_EARLY_ACCEPTED] = "它带有 early_data 扩展：服务器端接受了客户端的 0-RTT 数据。",
    [TLSX_EX_PART_END_FULL_TWO] = "至此完整握手结束，共耗费两个 RTT，之后开始传输加密的应用数据。",
    [TLSX_EX_PART_END_FULL_COOKIE] =
        "至此完整握手结束，共耗费三个 RTT，其中一个用于 cookie 交换，之后开始传输加密的应用数据。",
    [TLSX_EX_PART_END_FULL] = "至此完整握手结束，之后开始传输加密的应用数据。",
    [TLSX_EX_PART_END_RESUMED_ONE] =
        "至此简短握手结束，只耗费一个 RTT（完整握手需两个），之后开始传输加密的应用数据。",
    [TLSX_EX_PART_END_RESUMED_COOKIE] = "至此简短握手结束，耗费两个 RTT，其中一个用于 cookie "
                                        "交换（完整握手需三个），之后开始传输加密的应用数据。",
    [TLSX_EX_PART_END_RESUMED] = "至此简短握手结束，之后开始传输加密的应用数据。",
    [TLSX_EX_PART_END_TLS13_ONE] = "至此 TLS 1.3 握手完成，共耗费一个 RTT，双方改用应用数据密钥。",
    [TLSX_EX_PART_END_TLS13_HRR] = "至此 TLS 1.3 握手完成，共耗费两个 RTT，其中一个是 Hello Retry "
                                   "Request 多出来的，双方改用应用数据密钥。",
    [TLSX_EX_PART_END_TLS13] = "至此 TLS 1.3 握手完成，双方改用应用数据密钥。",
    [TLSX_EX_PART_END_FULL_STALL] =
        "至此完整握手结束，共耗费三个 RTT，其中一个是服务器的第一批消息超出了拥塞窗口，"
        "等待客户端的确认（ACK），之后开始传输加密的应用数据。",
    [TLSX_EX_PART_END_TLS13_STALL] =
        "至此 TLS 1.3 握手完成，共耗费两个 RTT，其中一个是服务器的第一批消息超出了拥塞窗口，"
        "等待客户端的确认（ACK），双方改用应用数据密钥。",
};
