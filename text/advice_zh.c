/* advice_zh.c: the advice's words in Chinese (tlsx_advice_text.h).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_advice_text.h"

#include <stddef.h>

const char *const tlsx_advice_labels_zh[TLSX_ADVICE_TEXT_KINDS] = {
    "服务器首轮消息超出拥塞窗口",
    "未恢复会话",
    "客户端提供了 TLS 1.3，却用了 TLS 1.2",
    "HelloRetryRequest",
    "0-RTT 数据被拒绝",
    "未装订 OCSP",
    "TLS False Start",
    "0-RTT 数据被接受",
    "RSA 密钥交换",
    "CBC 套件未用 encrypt-then-MAC",
    "过时的协议版本",
};

const char *const tlsx_advice_findings_zh[TLSX_ADVICE_TEXT_KINDS][4] = {
    {"服务器首轮消息 {flight_bytes} 字节，发出 {sent_before} 字节后停了 {pause}（往返 {rtt}）："
     "拥塞窗口已满，多花 {rtts} 个往返",
     NULL},
    {"完整握手，而第 {earlier} 次握手已留下会话票据或 ID（第 {earlier_frame} 帧）：恢复可省 {rtts} "
     "个往返",
     "完整握手，而第 {earlier} 次握手已留下票据（第 {earlier_frame} 帧）：恢复可省去证书，"
     "只有 0-RTT 才省往返",
     "完整握手：客户端提出恢复第 {earlier} 次握手的会话（第 {earlier_frame} "
     "帧的票据），服务器未接受：多花 {rtts} 个往返",
     "完整握手：客户端提出恢复第 {earlier} 次握手的会话（第 {earlier_frame} "
     "帧的票据），服务器未接受：没有多花往返，证书又发了一次"},
    {"客户端提供 {offered}，服务器选了 {version}：比 TLS 1.3 多 {rtts} 个往返", NULL},
    {"HelloRetryRequest：多 {rtts} 个往返；客户端应先提供服务器所用组的密钥共享",
     "HelloRetryRequest 要求 {group}：多 {rtts} 个往返；客户端应先提供 {group} 的密钥共享"},
    {"0-RTT 早期数据被拒绝：客户端须在握手后重发", NULL},
    {"客户端请求 OCSP 装订，服务器未装订：客户端可能自己去取 OCSP",
     "客户端请求 OCSP 装订，服务器未装订：客户端自己取了 OCSP（第 {ocsp_frame} 帧）"},
    {"TLS False Start：客户端在服务器的 Finished 之前发送数据：省 {rtts} 个往返", NULL},
    {"0-RTT 早期数据被接受：请求早发 {rtts} 个往返", NULL},
    {"RSA 密钥交换（{cipher}）：无前向保密", NULL},
    {"CBC 套件 {cipher} 未用 encrypt-then-MAC（RFC 7366）", NULL},
    {"{version} 已废弃（RFC 8996）", NULL},
};

const char *const tlsx_advice_sentences_zh[TLSX_ADVICE_TEXT_KINDS][4] = {
    {"服务器的首轮消息共 {flight_bytes} 字节，发出其中 {sent_before} 字节后停了 {pause}（第 "
     "{frame} 帧），而往返时间为 {rtt}：它的拥塞窗口已满，在等客户端的确认，多花了 {rtts} "
     "个往返。Certificate 占 {cert_bytes} 字节，含 {cert_count} 张证书：更短的证书链（不带根证书、"
     "不带多余的中间证书）、ECDSA 证书、证书压缩（RFC 8879）或更大的初始窗口（RFC 6928）"
     "都能让这轮消息在一个往返内发完",
     NULL},
    {"这是一次完整握手，而此客户端与此服务器的第 {earlier} 次握手早已完成，并留下了会话票据或"
     "会话 ID（第 {earlier_frame} 帧）：恢复该会话（RFC 5077）可省去证书与密钥交换，在 TLS 1.2 "
     "的两个往返中省下 {rtts} 个",
     "这是一次完整握手，而此客户端与此服务器的第 {earlier} 次握手早已完成，并留下了会话票据（第 "
     "{earlier_frame} 帧）：用预共享密钥恢复（RFC 8446 2.2）可省去证书的字节与校验，但不省往返"
     "；只有 0-RTT 数据（RFC 8446 2.3）能让请求早一个往返发出",
     "这是一次完整握手，尽管客户端提出恢复第 {earlier} 次握手的会话（票据在第 {earlier_frame} "
     "帧）：服务器没有接受（票据密钥变了、票据过期，或它不做恢复），多花了 {rtts} 个往返；"
     "保留票据密钥与会话缓存的服务器能让客户端恢复",
     "这是一次完整握手，尽管客户端提出恢复第 {earlier} 次握手的会话（票据在第 {earlier_frame} "
     "帧）：服务器没有接受（票据密钥变了、票据过期，或它不做恢复）；没有多花往返（TLS 1.3 "
     "的恢复省的是证书，不是往返），多花的是证书的字节与校验；保留票据密钥与会话缓存的服务器能让"
     "客户端恢复"},
    {"客户端提供了 {offered}，服务器选了 {version}：完整的 TLS 1.2 握手要两个往返，TLS 1.3 只要"
     "一个（RFC 8446 第 2 节）；服务器启用 TLS 1.3 可省 {rtts} 个往返",
     NULL},
    {"服务器用 HelloRetryRequest 回应第一个 Client Hello，因为客户端的密钥共享没有一个属于它接受的"
     "组：多花了 {rtts} 个往返（RFC 8446 4.1.4）；客户端若首先提供服务器所用组的密钥共享即可省下",
     "服务器用 HelloRetryRequest 要求 {group}，因为客户端的密钥共享没有一个属于它接受的组：多花了 "
     "{rtts} 个往返（RFC 8446 4.1.4）；客户端若首先提供 {group} 的密钥共享即可省下"},
    {"客户端发送了 0-RTT 早期数据，服务器的 Encrypted Extensions 没有接受：客户端须在握手后重发这些"
     "数据，没有省下往返（RFC 8446 4.2.10）",
     NULL},
    {"客户端请求了 OCSP 装订（status_request），服务器发来的证书却不带 OCSP 响应：客户端可能要自己"
     "去问证书颁发机构（另一条连接，常常是另一台主机）才能信任证书；装订（RFC 6066 第 8 节、RFC "
     "8446 4.4.2.1）可省去这一步",
     "客户端请求了 OCSP 装订（status_request），服务器发来的证书却不带 OCSP "
     "响应，客户端在握手结束前"
     "自己发出了 OCSP 请求（第 {ocsp_frame} 帧）：装订（RFC 6066 第 8 节、RFC 8446 4.4.2.1）"
     "可省去这次请求的往返"},
    {"TLS False Start：客户端在自己的 Finished 之后、服务器的 Finished 之前就发送了应用数据（RFC "
     "7918），在完整的 TLS 1.2 握手中省下 {rtts} 个往返",
     NULL},
    {"0-RTT：服务器接受了客户端随 Client Hello 发送的早期数据（RFC 8446 2.3）：请求早发出了 {rtts} "
     "个往返（早期数据可被重放：只应放幂等请求）",
     NULL},
    {"套件 {cipher} 用 RSA 加密交换密钥：日后拿到服务器私钥的人能解密这段被录下的会话（没有前向"
     "保密）；ECDHE 套件与 TLS 1.3 都有前向保密",
     NULL},
    {"套件 {cipher} 以 CBC 模式、先 MAC 后加密来保护记录，而服务器没有同意 encrypt-then-MAC（RFC "
     "7366）：这正是填充预言攻击所利用的构造；AEAD 套件（GCM、ChaCha20-Poly1305）或 "
     "encrypt_then_mac 可避免",
     NULL},
    {"{version} 已被废弃（RFC 8996）：缺少现代的套件与防护；至少应使用 TLS 1.2 或 1.3（DTLS 1.2 或 "
     "1.3）",
     NULL},
};

const char *const tlsx_advice_ocsp_for_zh = "第 {handshake} 次握手的客户端发出的 OCSP "
                                            "请求，该握手的服务器没有装订证书状态（第 {frame} 帧）";
