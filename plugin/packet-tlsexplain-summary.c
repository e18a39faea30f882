/* packet-tlsexplain-summary.c: the handshake's story as a whole, shown on
 * the frame that completes it (its last Finished) or ends it (a fatal alert):
 * what curl prints at the end and what Zeek's ssl.log records.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <stdio.h>

#include <epan/expert.h>
#include <wsutil/str_util.h>

#include "tlsx_alert.h"
#include "tlsx_cipher.h"
#include "tlsx_label.h"

static int hf_summary_kind = -1;
static int hf_summary_version = -1;
static int hf_summary_cipher = -1;
static int hf_summary_group = -1;
static int hf_summary_sni = -1;
static int hf_summary_alpn = -1;
static int hf_summary_resumed = -1;
static int hf_summary_hrr = -1;
static int hf_summary_client_auth = -1;
static int hf_summary_complete = -1;
static int hf_summary_alert = -1;
static int hf_summary_history = -1;
static int hf_summary_rtts = -1;
static int hf_summary_duration = -1;
static int hf_summary_curl = -1;
static int hf_summary_time_to_app_data = -1;
static int hf_summary_setup_time = -1;
static int hf_summary_setup_rtts = -1;
static int hf_summary_transport = -1;
static int hf_summary_cookie = -1;
static int hf_summary_ech = -1;
static int hf_tcp_rtt = -1;
static int hf_capture_point = -1;
static int hf_cert_subject = -1;
static int hf_cert_issuer = -1;
static int hf_cert_not_before = -1;
static int hf_cert_not_after = -1;
static int hf_cert_san_match = -1;

static expert_field ei_cert_validity = EI_INIT;
static expert_field ei_cert_name = EI_INIT;

static gint ett_summary = -1;

value_string tlsexplain_alert_vals[256 + 1];

static void fill_alert_vals(void)
{
    guint n = 0;
    for (guint d = 0; d < 256; d++) {
        const char *name = tlsx_alert_name((uint8_t)d);
        if (name) {
            tlsexplain_alert_vals[n].value = d;
            tlsexplain_alert_vals[n].strptr = name;
            n++;
        }
    }
    tlsexplain_alert_vals[n].value = 0;
    tlsexplain_alert_vals[n].strptr = NULL;
}

void tlsexplain_summary_register(int proto)
{
    static hf_register_info hf[] = {
        {&hf_summary_kind,
         {"Kind", "tlsexplain.summary.kind", FT_STRING, BASE_NONE, NULL, 0x0,
          "Version and kind of the handshake: full, resumed, renegotiation, HelloRetryRequest, "
          "PSK resumption, 0-RTT (e.g. TLS 1.2 full)",
          HFILL}},
        {&hf_summary_version,
         {"Version", "tlsexplain.summary.version", FT_STRING, BASE_NONE, NULL, 0x0,
          "TLS version the server selected, as curl names it (e.g. TLSv1.3)", HFILL}},
        {&hf_summary_cipher,
         {"Cipher suite", "tlsexplain.summary.cipher", FT_STRING, BASE_NONE, NULL, 0x0,
          "Cipher suite the server selected, by its IANA name", HFILL}},
        {&hf_summary_group,
         {"Key exchange", "tlsexplain.summary.group", FT_STRING, BASE_NONE, NULL, 0x0,
          "Key exchange group (e.g. x25519, secp256r1), or the key exchange the suite names "
          "when no group is sent (RSA, DHE)",
          HFILL}},
        {&hf_summary_sni,
         {"Server name", "tlsexplain.summary.sni", FT_STRING, BASE_NONE, NULL, 0x0,
          "Server name the client asked for (SNI)", HFILL}},
        {&hf_summary_alpn,
         {"Application protocol", "tlsexplain.summary.alpn", FT_STRING, BASE_NONE, NULL, 0x0,
          "Application protocol the server accepted (ALPN), e.g. h2", HFILL}},
        {&hf_summary_resumed,
         {"Resumed", "tlsexplain.summary.resumed", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
          "An earlier session was resumed (session ID, session ticket or TLS 1.3 PSK)", HFILL}},
        {&hf_summary_hrr,
         {"HelloRetryRequest", "tlsexplain.summary.hrr", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
          "The server answered the first Client Hello with a HelloRetryRequest", HFILL}},
        {&hf_summary_client_auth,
         {"Client authenticated", "tlsexplain.summary.client_auth", FT_BOOLEAN, BASE_NONE, NULL,
          0x0, "The client proved it holds a certificate (Certificate and Certificate Verify)",
          HFILL}},
        {&hf_summary_complete,
         {"Complete", "tlsexplain.summary.complete", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
          "Both sides sent their Finished: the handshake succeeded", HFILL}},
        {&hf_summary_alert,
         {"Alert", "tlsexplain.summary.alert", FT_UINT8, BASE_DEC, VALS(tlsexplain_alert_vals), 0x0,
          "Description of the alert that ended the handshake", HFILL}},
        {&hf_summary_history,
         {"History", "tlsexplain.summary.history", FT_STRING, BASE_NONE, NULL, 0x0,
          "The handshake's messages in Zeek's ssl_history letters, client upper case, server "
          "lower case (e.g. CsxknGIFif)",
          HFILL}},
        {&hf_summary_rtts,
         {"Round trips", "tlsexplain.summary.rtts", FT_UINT32, BASE_DEC, NULL, 0x0,
          "Round trips the TLS handshake took: turns from the client's flight to the server's, "
          "and a wait of the server's first flight for the client's ACK (congestion window)",
          HFILL}},
        {&hf_summary_duration,
         {"Duration", "tlsexplain.summary.duration", FT_RELATIVE_TIME, BASE_NONE, NULL, 0x0,
          "Time from the Client Hello to the message that completed or ended the handshake",
          HFILL}},
        {&hf_summary_curl,
         {"curl -v summary", "tlsexplain.summary.curl", FT_STRING, BASE_NONE, NULL, 0x0,
          "The line curl -v prints once the handshake is done", HFILL}},
        {&hf_summary_time_to_app_data,
         {"Time to application data", "tlsexplain.summary.time_to_app_data", FT_RELATIVE_TIME,
          BASE_NONE, NULL, 0x0,
          "Time from the Client Hello to the connection's first application data record "
          "(known in two-pass tshark and in the GUI)",
          HFILL}},
        {&hf_summary_setup_time,
         {"Connection set-up", "tlsexplain.summary.setup_time", FT_RELATIVE_TIME, BASE_NONE, NULL,
          0x0,
          "Time from the TCP SYN to the message that completed the TLS handshake: TCP's "
          "handshake plus TLS's round trips (DTLS and QUIC: from the Client Hello, as nothing "
          "comes before it)",
          HFILL}},
        {&hf_summary_setup_rtts,
         {"Connection set-up round trips", "tlsexplain.summary.setup_rtts", FT_UINT32, BASE_DEC,
          NULL, 0x0,
          "Round trips before the application can send: 1 for TCP plus the TLS ones; DTLS and "
          "QUIC only the handshake's (QUIC sets up its connection in its TLS handshake)",
          HFILL}},
        {&hf_summary_transport,
         {"Transport", "tlsexplain.summary.transport", FT_STRING, BASE_NONE, NULL, 0x0,
          "What carried the handshake: TCP (TLS), UDP (DTLS) or QUIC", HFILL}},
        {&hf_summary_cookie,
         {"Cookie exchange", "tlsexplain.summary.cookie", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
          "The DTLS server answered the first Client Hello with a Hello Verify Request: a round "
          "trip that proves the client's address before the server does any work",
          HFILL}},
        {&hf_summary_ech,
         {"Encrypted Client Hello", "tlsexplain.summary.ech", FT_STRING, BASE_NONE, NULL, 0x0,
          "Whether the Client Hello carried encrypted_client_hello, and what the server's answer "
          "shows of it: offered (real ECH and GREASE look the same from outside), not used "
          "(retry configurations), or accepted (confirmed in a HelloRetryRequest)",
          HFILL}},
        {&hf_tcp_rtt,
         {"Network round trip", "tlsexplain.tcp.rtt", FT_RELATIVE_TIME, BASE_NONE, NULL, 0x0,
          "The network round trip, measured by the TCP handshake (SYN to ACK); without one in "
          "the capture, estimated from the shortest TLS answers and said so",
          HFILL}},
        {&hf_cert_subject,
         {"Certificate subject", "tlsexplain.cert.subject", FT_STRING, BASE_NONE, NULL, 0x0,
          "The subject of the server's certificate, as curl -v prints it (CN=...)", HFILL}},
        {&hf_cert_issuer,
         {"Certificate issuer", "tlsexplain.cert.issuer", FT_STRING, BASE_NONE, NULL, 0x0,
          "The issuer of the server's certificate, as curl -v prints it", HFILL}},
        {&hf_cert_not_before,
         {"Certificate valid from", "tlsexplain.cert.not_before", FT_ABSOLUTE_TIME,
          ABSOLUTE_TIME_UTC, NULL, 0x0, "notBefore of the server's certificate (curl: start date)",
          HFILL}},
        {&hf_cert_not_after,
         {"Certificate valid until", "tlsexplain.cert.not_after", FT_ABSOLUTE_TIME,
          ABSOLUTE_TIME_UTC, NULL, 0x0, "notAfter of the server's certificate (curl: expire date)",
          HFILL}},
        {&hf_cert_san_match,
         {"Certificate matches the SNI", "tlsexplain.cert.san_match", FT_BOOLEAN, BASE_NONE, NULL,
          0x0,
          "Whether a name of the server's certificate (its subjectAltName dNSNames, else its "
          "commonName) matches the server name the client asked for, as curl checks it",
          HFILL}},
        {&hf_capture_point,
         {"Capture point", "tlsexplain.capture_point", FT_STRING, BASE_NONE, NULL, 0x0,
          "Where the capture was taken: client, server, between or unknown, judged from which "
          "side of the TCP handshake holds the delay (SYN to SYN/ACK: the way to the server; "
          "SYN/ACK to ACK: the way to the client)",
          HFILL}},
    };
    static gint *ett[] = {&ett_summary};
    static ei_register_info ei[] = {
        {&ei_cert_validity,
         {"tlsexplain.cert_validity", PI_SECURITY, PI_WARN,
          "The server's certificate was expired or not yet valid when the capture was taken",
          EXPFILL}},
        {&ei_cert_name,
         {"tlsexplain.cert_name", PI_SECURITY, PI_WARN,
          "No name of the server's certificate matches the server name the client asked for",
          EXPFILL}},
    };

    fill_alert_vals();
    proto_register_field_array(proto, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert_register_field_array(expert_register_protocol(proto), ei, array_length(ei));
}

const char *tlsexplain_estimate_note(gboolean estimated, guint8 transport)
{
    if (!estimated)
        return "";
    return transport == TLSX_TRANSPORT_TCP
               ? " (estimated from TLS flights: no TCP handshake in the capture)"
               : " (estimated from the handshake's flights: there is no TCP handshake over UDP)";
}

void tlsexplain_append_note(proto_item *pi, const char *note)
{
    if (note[0])
        proto_item_append_text(pi, "%s", note);
}

void tlsexplain_add_baseline(proto_tree *tree, tvbuff_t *tvb, tlsx_capture_point point,
                             tlsx_time rtt, const char *note)
{
    proto_item *pi =
        proto_tree_add_string(tree, hf_capture_point, tvb, 0, 0, tlsx_capture_point_name(point));
    proto_item_set_generated(pi);
    tlsexplain_append_note(pi, note);
    if (point == TLSX_AT_UNKNOWN)
        return;
    pi = tlsexplain_add_time(tree, tvb, hf_tcp_rtt, rtt);
    tlsexplain_append_note(pi, note);
}

static void add_string(proto_tree *tree, tvbuff_t *tvb, int hf, const char *s)
{
    if (s)
        proto_item_set_generated(proto_tree_add_string(tree, hf, tvb, 0, 0, s));
}

static void add_bool(proto_tree *tree, tvbuff_t *tvb, int hf, gboolean b)
{
    proto_item_set_generated(proto_tree_add_boolean(tree, hf, tvb, 0, 0, b));
}

/* The group's name, or the key exchange the suite implies (RSA, DHE). */
static const char *group_of(const tlsexplain_record *rec, char *buf, size_t size)
{
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    if (rec->group)
        return rec->group;
    if (s->group_known) {
        snprintf(buf, size, "0x%04x", s->group);
        return buf;
    }
    if (s->resumed)
        return NULL; /* no key exchange: the session's keys are reused */
    return tlsx_cipher_key_exchange(rec->cipher);
}

const char *tlsexplain_transport_name(guint8 transport)
{
    switch (transport) {
    case TLSX_TRANSPORT_DTLS:
        return "UDP (DTLS)";
    case TLSX_TRANSPORT_QUIC:
        return "QUIC";
    default:
        return "TCP";
    }
}

/* What is wrong with the server's certificate, as far as the capture
 * shows: its validity at the time of its frame, its names against the SNI. */
typedef enum { CERT_OK = 0, CERT_NOT_YET = 1, CERT_EXPIRED = 2, CERT_NAME = 4 } cert_problem;

static unsigned cert_problems(const tlsexplain_record *rec)
{
    const tlsx_x509 *c = rec->cert;
    const char *matched;
    if (!c)
        return CERT_OK;
    unsigned p = rec->cert_seen < c->not_before  ? CERT_NOT_YET
                 : rec->cert_seen > c->not_after ? CERT_EXPIRED
                                                 : CERT_OK;
    if (rec->sni && !tlsx_x509_matches(c, rec->sni, &matched))
        p |= CERT_NAME;
    return p;
}

/* The expert infos, on the items given (NULL without a tree). */
static void cert_expert_infos(packet_info *pinfo, const tlsexplain_record *rec, proto_item *nb,
                              proto_item *na, proto_item *name)
{
    const unsigned p = cert_problems(rec);
    char date[40];
    if (p & CERT_NOT_YET) {
        tlsx_x509_date(date, sizeof date, rec->cert->not_before);
        expert_add_info_format(pinfo, nb, &ei_cert_validity,
                               "The server's certificate was not yet valid when the capture was "
                               "taken: valid from %s",
                               date);
    } else if (p & CERT_EXPIRED) {
        tlsx_x509_date(date, sizeof date, rec->cert->not_after);
        expert_add_info_format(pinfo, na, &ei_cert_validity,
                               "The server's certificate had expired when the capture was "
                               "taken: valid until %s",
                               date);
    }
    if (p & CERT_NAME)
        expert_add_info_format(pinfo, name, &ei_cert_name,
                               "No name of the server's certificate matches the server name "
                               "%s the client asked for",
                               rec->sni);
}

void tlsexplain_cert_expert_infos(packet_info *pinfo, const tlsexplain_record *rec)
{
    cert_expert_infos(pinfo, rec, NULL, NULL, NULL);
}

/* The server's certificate, as far as the capture shows it: who, valid
 * when, for which names.  Whether the client trusted it is its own verdict,
 * which no capture shows. */
static void show_certificate(proto_tree *t, tvbuff_t *tvb, packet_info *pinfo,
                             const tlsexplain_record *rec)
{
    const tlsx_x509 *c = rec->cert;
    if (!c)
        return;
    add_string(t, tvb, hf_cert_subject, c->subject);
    add_string(t, tvb, hf_cert_issuer, c->issuer);
    nstime_t nb = {(time_t)c->not_before, 0}, na = {(time_t)c->not_after, 0};
    proto_item *pnb = proto_tree_add_time(t, hf_cert_not_before, tvb, 0, 0, &nb);
    proto_item_set_generated(pnb);
    proto_item *pna = proto_tree_add_time(t, hf_cert_not_after, tvb, 0, 0, &na);
    proto_item_set_generated(pna);
    proto_item *pm = NULL;
    if (rec->sni) {
        const char *matched;
        gboolean ok = tlsx_x509_matches(c, rec->sni, &matched);
        pm = proto_tree_add_boolean(t, hf_cert_san_match, tvb, 0, 0, ok);
        proto_item_set_generated(pm);
        if (ok)
            proto_item_append_text(pm, " (\"%s\" matches \"%s\")", rec->sni, matched);
    }
    cert_expert_infos(pinfo, rec, pnb, pna, pm);
}

void tlsexplain_summary_show(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo,
                             const tlsexplain_record *rec)
{
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    char kind[64], group[16], cipher[16], curl[128];

    tlsx_summary_kind(s, kind, sizeof kind);
    char secs[TLSX_TIME_TEXT_SIZE];
    tlsexplain_time_text(secs, s->duration, 0, 6);
    /* "Handshake 1 summary: TLS 1.2 full, complete, 2 RTTs, 0.009696 s", its
     * words in the label language; the kind is a value, the same in all. */
    const tlsx_lang lang = tlsexplain_label_lang();
    const char *sep = tlsx_label(lang, TLSX_LABEL_SEPARATOR);
    char label[160];
    tlsx_text text;
    tlsx_text_init(&text, label, sizeof label);
    tlsx_text_add(&text, tlsx_label(lang, TLSX_LABEL_SUMMARY_BEFORE));
    tlsx_text_add_uint(&text, s->handshake);
    tlsx_text_add(&text, tlsx_label(lang, TLSX_LABEL_SUMMARY_AFTER));
    tlsx_text_add(&text, kind);
    tlsx_text_add(&text, sep);
    tlsx_text_add(&text, tlsx_label(lang, s->complete ? TLSX_LABEL_COMPLETE : TLSX_LABEL_FAILED));
    tlsx_text_add(&text, sep);
    tlsx_text_add_uint(&text, s->rtts);
    tlsx_text_add(&text, tlsx_label(lang, s->rtts == 1 ? TLSX_LABEL_RTT_ONE : TLSX_LABEL_RTT_MANY));
    tlsx_text_add(&text, sep);
    tlsx_text_add(&text, secs);
    tlsx_text_add(&text, tlsx_label(lang, TLSX_LABEL_SECONDS));
    proto_tree *t = proto_tree_add_subtree(tree, tvb, 0, 0, ett_summary, NULL, label);

    add_string(t, tvb, hf_summary_kind, kind);
    add_string(t, tvb, hf_summary_version, tlsx_version_name(s->version));
    const char *cipher_name = rec->cipher;
    if (!cipher_name && s->cipher) {
        snprintf(cipher, sizeof cipher, "0x%04x", s->cipher);
        cipher_name = cipher;
    }
    add_string(t, tvb, hf_summary_cipher, cipher_name);
    add_string(t, tvb, hf_summary_group, group_of(rec, group, sizeof group));
    add_string(t, tvb, hf_summary_sni, rec->sni);
    add_string(t, tvb, hf_summary_alpn, rec->alpn);
    add_bool(t, tvb, hf_summary_resumed, s->resumed);
    add_bool(t, tvb, hf_summary_hrr, s->hrr);
    add_bool(t, tvb, hf_summary_client_auth, s->client_auth);
    add_string(t, tvb, hf_summary_transport, tlsexplain_transport_name(s->transport));
    if (s->transport == TLSX_TRANSPORT_DTLS)
        add_bool(t, tvb, hf_summary_cookie, s->cookie);
    add_string(t, tvb, hf_summary_ech, tlsx_ech_outcome_name(s->ech));
    add_bool(t, tvb, hf_summary_complete, s->complete);
    if (s->has_alert)
        proto_item_set_generated(proto_tree_add_uint(t, hf_summary_alert, tvb, 0, 0, s->alert));
    add_string(t, tvb, hf_summary_history, s->history);
    proto_item_set_generated(proto_tree_add_uint(t, hf_summary_rtts, tvb, 0, 0, s->rtts));
    tlsexplain_add_time(t, tvb, hf_summary_duration, s->duration);
    if (rec->has_app_data)
        tlsexplain_add_time(t, tvb, hf_summary_time_to_app_data, rec->time_to_app_data);
    if (rec->tcp && rec->tcp->known)
        tlsexplain_add_baseline(t, tvb, tlsx_capture_point_of(rec->tcp), rec->tcp->rtt, "");
    if (rec->has_setup) {
        proto_item *st = tlsexplain_add_time(t, tvb, hf_summary_setup_time, rec->setup_time);
        char ms[TLSX_TIME_TEXT_SIZE], rtt_ms[TLSX_TIME_TEXT_SIZE], all_ms[TLSX_TIME_TEXT_SIZE];
        tlsexplain_ms_text(ms, rec->setup_time);
        if (rec->tcp && rec->tcp->known) {
            tlsexplain_ms_text(rtt_ms, rec->tcp->rtt);
            tlsexplain_ms_text(all_ms, tlsx_time_times(rec->tcp->rtt, rec->setup_rtts));
            proto_item_append_text(st, " (%s; %u round trips of %s would be %s)", ms,
                                   rec->setup_rtts, rtt_ms, all_ms);
        } else {
            proto_item_append_text(st, " (%s)", ms);
        }
        proto_item *pi = proto_tree_add_uint(t, hf_summary_setup_rtts, tvb, 0, 0, rec->setup_rtts);
        proto_item_set_generated(pi);
        if (s->transport == TLSX_TRANSPORT_QUIC)
            proto_item_append_text(pi, " (QUIC: its TLS handshake is its connection set-up)");
        else if (s->transport == TLSX_TRANSPORT_DTLS)
            proto_item_append_text(pi, " (UDP: none, DTLS %u)", s->rtts);
        else
            proto_item_append_text(pi, " (TCP 1, TLS %u)", s->rtts);
    }
    if (tlsexplain_closing_line(curl, sizeof curl, (tlsx_curl_dialect)tlsexplain_prefs.curl_version,
                                rec))
        add_string(t, tvb, hf_summary_curl, curl);
    show_certificate(t, tvb, pinfo, rec);
    tlsexplain_advice_show(t, tvb, pinfo, rec);
}
