/* alert_zh.c: the Chinese explanation of each alert description.
 *
 * The same content as alert_en.c, in the terms of the document this plugin
 * is based on (握手, 证书, 密钥, 客户端, 服务器端, 随机数).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsx_alert.h"

const char *const tlsx_alert_explain_zh[256] = {
    [0] = "Close Notify (0)，发送方不再发送数据，正常关闭连接，不是错误。对方应回复自己的 "
          "close_notify；它还表明数据没有被攻击者截断（截断攻击）。很多客户端和服务器端"
          "不发送它就直接关闭 TCP 连接。所有版本都使用：TLS 1.3 之前是 warning，TLS 1.3 "
          "中它和 user_canceled 是两种关闭告警。",
    [1] = "End of Early Data (1)，早期 TLS 1.3 草案中的告警，标志客户端 0-RTT 早期数据结束；"
          "RFC 8446 改用 End Of Early Data 握手消息，因此只有实现草案的程序才会发送它。",
    [10] = "Unexpected Message (10)，发送方在此时收到了不该出现的消息，例如顺序不对的握手消息，"
           "或内容类型不对的记录。说明两端 TLS 实现之一有缺陷或互不兼容，或路径上的代理、"
           "中间设备改动了数据流。总是 fatal；所有版本。",
    [20] = "Bad Record MAC (20)，一条记录未通过完整性校验（MAC 或 AEAD 标签），无法解密："
           "它在传输中被改动，或双方导出的密钥不同。通常是路径上的设备损坏或篡改了数据，"
           "或一方的密钥导出有缺陷。总是 fatal；所有版本；自 TLS 1.1 起填充错误也用它报告，"
           "取代 Decryption Failed。",
    [21] = "Decryption Failed (21)，仅 TLS 1.0：记录的密文长度不是分组长度的整数倍，或填充"
           "有误。TLS 1.1 起保留此代码，改发 bad_record_mac，因为区分两者会助长填充预言"
           "（padding oracle）攻击；见到它说明对方的实现非常老旧。",
    [22] = "Record Overflow (22)，记录超出允许的长度：明文超过 2^14 字节（TLS 1.3 中指解密后），"
           "或密文超出允许的扩展长度。是发送方的缺陷，或对方无视 max_fragment_length 或 "
           "record_size_limit 协商的记录长度上限。总是 fatal；TLS 1.0 及以后。",
    [30] = "Decompression Failure (30)，记录无法解压（数据无效，或解压后过大）。只在协商了 TLS "
           "压缩时才可能出现，而 CRIME 攻击（2012 年）之后各实现已弃用压缩；SSL 3.0 至 TLS "
           "1.2，TLS 1.3 没有压缩，保留此代码。",
    [40] = "Handshake Failure (40)，发送方无法从对方提供的选项中协商出一组安全参数：最常见的是"
           "双方没有共同的加密套件（cipher suite）、group（曲线）或签名算法，例如老客户端遇上"
           "加固过的服务器端，或反过来；TLS 1.2 中也可能是服务器端要求客户端证书而客户端没有"
           "发送。有些实现也用它报告其他握手错误。总是 fatal；所有版本。",
    [41] = "No Certificate (41)，仅 SSL 3.0：客户端没有合适的证书来回应服务器端的 Certificate "
           "Request。TLS 1.0 起改为发送空的 Certificate 消息，TLS 1.3 保留此代码。",
    [42] = "Bad Certificate (42)，证书已损坏、签名验证失败，或没有通过某项没有专门告警的检查。"
           "例如 OpenSSL 对尚未生效的证书、与预期主机名不符的证书发送它；服务器端拒绝客户端"
           "证书（双向认证）时也发送它。总是 fatal；所有版本。",
    [43] = "Unsupported Certificate (43)，证书的类型接收方不支持，或不能用于此用途：例如它无法"
           "处理的密钥类型，或扩展密钥用法不允许用于 TLS 服务器端（或客户端）认证。总是 fatal；"
           "所有版本。",
    [44] = "Certificate Revoked (44)，证书已被签发者吊销，CRL 或 OCSP 响应（可能是 stapling "
           "送来的）表明了这一点。通常是客户端针对服务器端的证书发送，须更换证书。总是 fatal；"
           "所有版本。",
    [45] = "Certificate Expired (45)，证书链中有证书已过期或当前不在有效期内。通常由客户端发送："
           "服务器端证书没有及时续期，或客户端的系统时间不对。总是 fatal；所有版本。",
    [46] = "Certificate Unknown (46)，处理证书时出现其他未具体说明的问题，使证书不被接受，是一个"
           "笼统的告警。例如 Java（JSSE）客户端在服务器端证书链无法追溯到它信任的 CA 时"
           "（“PKIX path building failed”）发送它。总是 fatal；所有版本。",
    [47] = "Illegal Parameter (47)，握手消息能正确解析，但某个字段超出范围或与其他字段矛盾："
           "例如客户端没有提供的版本、加密套件或 group，或不是曲线上有效点的 key share。说明两端"
           "实现之一有缺陷或互不兼容。总是 fatal；所有版本。",
    [48] = "Unknown CA (48)，收到了有效的证书链，但接收方不信任链顶端的 CA，或无法构建到受信任 "
           "CA 的链：自签名证书或私有 CA 签发的证书，或服务器端没有发送中间证书。通常由客户端"
           "发送（curl 显示为 “TLS alert, unknown CA (560)”）；解决办法是发送完整的证书链，或把"
           " CA 交给客户端（curl --cacert）。总是 fatal；所有版本。",
    [49] = "Access Denied (49)，收到了有效的证书或 PSK，但访问控制不允许发送方继续，例如客户端"
           "证书有效但未被授权访问此服务器。总是 fatal；TLS 1.0 及以后。",
    [50] = "Decode Error (50)，消息无法解析：字段超出规定范围，或长度与消息不符。说明某一端实现"
           "有缺陷、消息被截断，或数据根本不是 TLS。总是 fatal；TLS 1.0 及以后。",
    [51] = "Decrypt Error (51)，握手中的密码学运算失败：签名（Server Key Exchange、Certificate "
           "Verify 或证书中的）、Finished 的 verify_data 或 TLS 1.3 的 PSK binder 验证不通过。"
           "常见原因是对方的证书与私钥不匹配、握手被篡改或实现缺陷。总是 fatal；TLS 1.0 及以后。",
    [60] = "Export Restriction (60)，仅 TLS 1.0：协商不符合美国出口限制，例如出口级加密套件使用了"
           "超过 512 位的 RSA 密钥。出口级加密套件早已淘汰，TLS 1.1 起保留此代码。",
    [70] = "Protocol Version (70)，对方的协议版本可以识别但不被支持：例如客户端只提供 TLS 1.0 或 "
           "1.1，而服务器端要求 TLS 1.2 及以上，或反过来。通常由服务器端在收到 Client Hello 后"
           "发送；解决办法是升级或重新配置较旧的一端。总是 fatal；TLS 1.0 及以后。",
    [71] = "Insufficient Security (71)，服务器端要求的参数比客户端支持的任何参数都更安全时，"
           "用它代替 handshake_failure，例如只接受具有前向安全性或 AEAD 加密套件的服务器端。"
           "总是 fatal；TLS 1.0 及以后。",
    [80] = "Internal Error (80)，与对方和协议无关的错误使发送方无法继续：发送方的缺陷、资源不足"
           "（如内存）或配置错误。它并不说明对方做错了什么，应查看发送方的日志。总是 fatal；"
           "TLS 1.0 及以后。",
    [86] = "Inappropriate Fallback (86)，客户端在一次失败后降低版本重试，并在 Client Hello 中加入 "
           "TLS_FALLBACK_SCSV 加密套件作标记，而服务器端支持比客户端所提供的更高的版本："
           "服务器端借此阻止降级（RFC 7507）。说明第一次尝试被某种原因破坏了。总是 fatal；"
           "TLS 1.0 及以后。",
    [90] = "User Canceled (90)，因与协议错误无关的原因取消握手，例如用户中止；之后通常跟着 "
           "close_notify。TLS 1.0 至 1.2 中是 warning；TLS 1.3 中它和 close_notify 是两种关闭"
           "告警。",
    [100] = "No Renegotiation (100)，发送方拒绝重协商：客户端收到 Hello Request，或服务器端"
            "收到新的 Client Hello 时，以这个 warning 代替新的握手；由对方决定是否在不重协商的"
            "情况下继续。TLS 1.0 至 1.2；TLS 1.3 没有重协商，保留此代码。",
    [109] = "Missing Extension (109)，TLS 1.3：握手消息缺少对所提供的版本或参数而言必须带有的"
            "扩展，例如提供 TLS 1.3 的 Client Hello 没有 signature_algorithms 扩展。由收到不完整"
            "消息的一方发送，说明另一端实现有缺陷。总是 fatal。",
    [110] = "Unsupported Extension (110)，发送方收到了它没有提供、或该消息中不允许出现的扩展，例如 "
            "Server Hello 带有 Client Hello 中没有的扩展。说明另一端实现有缺陷或互不兼容。总是 "
            "fatal；带扩展的 TLS（RFC 3546、RFC 5246）及以后。",
    [111] = "Certificate Unobtainable (111)，服务器端无法从客户端在 Certificate URL 消息中给出的 "
            "URL 下载客户端证书（RFC 6066 的 client_certificate_url）。很少见；TLS 1.2 及以前，"
            "TLS 1.3 保留此代码。",
    [112] = "Unrecognized Name (112)，服务器端没有与客户端在 server_name（SNI）扩展中发送的名称"
            "对应的证书或虚拟主机：主机名拼写错误、DNS 记录指向了错误的服务器，或服务器端没有"
            "配置该名称。作为 warning（TLS 1.2 中可见）时客户端可以继续；作为 fatal 则握手结束。"
            "带扩展的 TLS（RFC 6066）及以后。",
    [113] = "Bad Certificate Status Response (113)，客户端请求了 OCSP stapling（status_request），"
            "而服务器端的 OCSP 响应无效或不可接受，例如已过期或签名有误。由客户端发送。总是 "
            "fatal；带扩展的 TLS（RFC 6066）及以后。",
    [114] = "Bad Certificate Hash Value (114)，服务器端从客户端的 Certificate URL 下载的证书与"
            "客户端给出的哈希不符（RFC 6066）。很少见；TLS 1.2 及以前，TLS 1.3 保留此代码。",
    [115] = "Unknown PSK Identity (115)，服务器端不认识客户端提供的预共享密钥（PSK）的身份"
            "（RFC 4279 的 PSK 加密套件，或 TLS 1.3 的外部 PSK）：身份错误或没有配置。服务器端"
            "不再接受的复用 Session 的 ticket 不会引发它，此时服务器端改做完整握手。总是 fatal；"
            "使用 PSK 的 TLS 1.0 及以后。",
    [116] = "Certificate Required (116)，TLS 1.3：服务器端要求客户端证书（双向认证），而客户端"
            "没有发送；TLS 1.2 的服务器端此时发送 handshake_failure。它在客户端的 Finished 之后"
            "加密送达，因此客户端在读到它之前可能以为握手已经成功。解决办法是配置客户端证书"
            "（curl --cert）。总是 fatal。",
    [120] = "No application Protocol (120)，客户端在 ALPN 扩展中提供了应用层协议（如 h2、"
            "http/1.1），而服务器端一个都不支持（RFC 7301），例如客户端只提供 h2，服务器端却不"
            "支持 HTTP/2。由服务器端发送。总是 fatal；使用 ALPN 的任何版本。",
    [121] = "ECH Required (121)，客户端提供了 Encrypted Client Hello，服务器端没有接受：客户端"
            "以此告警中止握手，并可用服务器端返回的 ECH 配置（retry_configs）重试。仅 TLS 1.3；"
            "较新，少见。",
};
