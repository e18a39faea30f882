/* fuzz_core.c: libFuzzer target of the epan-free core.
 *
 * The input is read as a sequence of events, 12 bytes each, of every kind,
 * side, handshake type (all 256), version, time stamp (forwards, backwards,
 * far jumps, the ends of the range), length, alert level and description,
 * fed to one connection (or, by a flag, to a second one sharing the
 * capture's handshake numbering).  After each event the invariants the glue
 * relies on are checked; a broken one aborts, which libFuzzer reports.  The
 * whole input is also a name from the wire, escaped: safe to print, and
 * read back to the same bytes unless cut, and as a record, a handshake
 * message (TLS and DTLS) and the body of every message type the parser
 * reads: it stays inside the input (ASan), and what it returns holds
 * together; and a server's signed handshake message, its signature scheme
 * read within its bytes, and a certificate (or a Certificate message),
 * read within its bytes too.
 *
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DTLSEXPLAIN_FUZZ=ON
 *   cmake --build build-fuzz --target fuzz_core
 *   build-fuzz/tests/fuzz/fuzz_core -max_total_time=60 tests/fuzz/corpus
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlsx_alert.h"
#include "tlsx_explain.h"
#include "tlsx_curl.h"
#include "tlsx_handshake.h"
#include "tlsx_verdict.h"
#include "tlsx_x509.h"
#include "tlsx_message.h"
#include "tlsx_parse.h"
#include "tlsx_sequence.h"
#include "tlsx_text.h"

#define EVENT_BYTES 12
#define MAX_EVENTS 4096

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_core: invariant broken at event %u: %s (%s:%d)\n", n_event,      \
                    #cond, __FILE__, __LINE__);                                                    \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static unsigned n_event;

static const uint16_t versions[] = {
    0,
    0x0300,
    0x0301,
    0x0302,
    TLSX_VERSION_TLS12,
    TLSX_VERSION_TLS13,
    0x7f1c,
    0x7f17,
    0xfeff,
    0xfefd,
    0xfefc,
    0x0a0a,
    0x0002,
    0xffff,
    0x0305,
    0x0304,
};

static const int64_t far_secs[] = {
    INT64_MIN, INT64_MIN + 1, -1, 0, 1, INT32_MAX, (int64_t)UINT32_MAX, INT64_MAX - 1, INT64_MAX,
};

static bool time_ok(tlsx_time t)
{
    return t.secs >= 0 && t.nsecs >= 0 && t.nsecs < 1000000000;
}

/* The time stamp of the next event: mostly a small step (forwards or
 * backwards), sometimes a jump to an extreme. */
static tlsx_time next_time(tlsx_time now, const uint8_t *b)
{
    const int16_t delta_ms = (int16_t)(b[0] | b[1] << 8);
    switch (b[2] & 7) {
    case 0: { /* a far jump, maybe with a fraction out of range (pcap) */
        static const int32_t odd_nsecs[] = {INT32_MIN, -1, 1000000000, INT32_MAX};
        tlsx_time t = {far_secs[b[3] % (sizeof far_secs / sizeof far_secs[0])],
                       b[4] & 1 ? odd_nsecs[(b[4] >> 1) & 3]
                                : (int32_t)((b[3] * 7919u) % 1000000000u)};
        return t;
    }
    case 1: /* the same instant */
        return now;
    default: {
        now.nsecs = now.nsecs < 0 || now.nsecs >= 1000000000 ? 0 : now.nsecs;
        int64_t ns = (int64_t)now.nsecs + (int64_t)delta_ms * 1000003;
        int64_t secs = now.secs;
        while (ns < 0) {
            ns += 1000000000;
            if (secs == INT64_MIN)
                return now;
            secs--;
        }
        while (ns >= 1000000000) {
            ns -= 1000000000;
            if (secs == INT64_MAX)
                return now;
            secs++;
        }
        tlsx_time t = {secs, (int32_t)ns};
        return t;
    }
    }
}

static void decode(const uint8_t *b, tlsx_time *now, tlsx_event *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->kind = (tlsx_event_kind)(b[0] % 5);
    ev->side = (b[0] >> 3) & 1 ? TLSX_SERVER : TLSX_CLIENT;
    ev->decrypted = (b[0] >> 4) & 1;
    ev->hrr = (b[0] >> 5) & 1;
    ev->psk = (b[0] >> 6) & 1;
    /* Mostly the types that matter, sometimes any byte at all. */
    static const uint8_t common[] = {0, 1, 2, 4, 5, 8, 11, 12, 13, 14, 15, 16, 20, 24, 22, 6};
    ev->hs_type = b[1] & 0x80 ? b[1] : common[b[1] % sizeof common];
    ev->version = versions[b[2] & 15];
    if (ev->kind == TLSX_EV_HANDSHAKE && ev->hs_type != TLSX_HS_CLIENT_HELLO &&
        ev->hs_type != TLSX_HS_SERVER_HELLO && !(b[2] & 0x10))
        ev->version = 0; /* only hellos carry one, usually */
    *now = next_time(*now, b + 3);
    ev->ts = *now;
    static const uint32_t lengths[] = {0, 1, 19, 40, 53, 300, 16384, UINT32_MAX};
    ev->length = b[2] & 0x20 ? lengths[b[6] & 7] : b[6];
    ev->alert_level = b[7] % 4;
    ev->alert_desc = b[8];
    ev->session_id = b[9] & 3;
    ev->cipher = (uint16_t)(b[9] >> 2) | 0x1300;
    ev->group = b[10] & 1 ? (uint16_t)(b[10] >> 1) : 0;
}

static void check_text(const char *s)
{
    REQUIRE(s != NULL);
    REQUIRE(strlen(s) < 4096);
}

/* A time written out: whole, one point, no sign. */
static void check_time_text(tlsx_time t)
{
    static const unsigned formats[][2] = {{0, 4}, {0, 6}, {3, 1}, {3, 3}, {0, 9}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char buf[TLSX_TIME_TEXT_SIZE];
        tlsx_text text;
        tlsx_text_init(&text, buf, sizeof buf);
        tlsx_text_add_time(&text, t, formats[i][0], formats[i][1]);
        REQUIRE(strlen(buf) < sizeof buf - 1);
        REQUIRE(strchr(buf, '-') == NULL);
        const char *point = strchr(buf, '.');
        REQUIRE(point && strchr(point + 1, '.') == NULL);
        REQUIRE(strlen(point + 1) == formats[i][1]);
        REQUIRE(strspn(buf, "0123456789.") == strlen(buf));
    }
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The input as a name: at most TLSX_NAME_MAX bytes of printable ASCII,
 * UTF-8 and escapes, which read back to the input's first bytes (all of
 * them unless the marker ends the text). */
static void check_name(const uint8_t *data, size_t size)
{
    char out[TLSX_NAME_SIZE];
    tlsx_escape_name(out, data, size);
    const size_t n = strlen(out);
    REQUIRE(n <= TLSX_NAME_MAX);
    size_t back = 0; /* bytes of the input read back */
    for (size_t i = 0; i < n;) {
        const unsigned char c = (unsigned char)out[i];
        REQUIRE(c >= 0x20 && c != 0x7f);
        if (c >= 0x80) {
            /* A whole UTF-8 character, no C1 control, as it was. */
            const size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            REQUIRE(c >= 0xc2 && c <= 0xf4 && i + len <= n);
            for (size_t k = 1; k < len; k++)
                REQUIRE(((unsigned char)out[i + k] & 0xc0) == 0x80);
            REQUIRE(!(c == 0xc2 && (unsigned char)out[i + 1] < 0xa0));
            REQUIRE(back + len <= size && memcmp(data + back, out + i, len) == 0);
            i += len;
            back += len;
            continue;
        }
        if (c != '\\') {
            REQUIRE(back < size && data[back] == c);
            i++;
            back++;
            continue;
        }
        if (out[i + 1] == '\\') {
            REQUIRE(back < size && data[back] == '\\');
            i += 2;
            back++;
        } else if (out[i + 1] == 'x') {
            const int hi = hex_digit(out[i + 2]), lo = hex_digit(out[i + 3]);
            REQUIRE(hi >= 0 && lo >= 0);
            REQUIRE(back < size && data[back] == (uint8_t)(hi << 4 | lo));
            i += 4;
            back++;
        } else {
            char marker[40];
            snprintf(marker, sizeof marker, "\\...(%zu bytes)", size);
            REQUIRE(strcmp(out + i, marker) == 0);
            REQUIRE(back < size);
            return;
        }
    }
    REQUIRE(back == size);
}

static void check_summary(const tlsx_handshake *hs)
{
    tlsx_summary sum;
    tlsx_handshake_summarize(hs, &sum);
    REQUIRE(sum.handshake == hs->id);
    REQUIRE(time_ok(sum.duration));
    check_time_text(sum.duration);
    REQUIRE(sum.variant <= TLSX_VARIANT_0RTT);
    REQUIRE(strlen(sum.history) <= TLSX_HISTORY_MAX);
    char kind[8], big[64];
    tlsx_summary_kind(&sum, kind, sizeof kind); /* cut short, never overflows */
    tlsx_summary_kind(&sum, big, sizeof big);
    REQUIRE(strlen(kind) < sizeof kind);
    uint16_t next = tlsx_handshake_waiting_for(hs);
    if (next != TLSX_MSG_NONE)
        check_text(tlsx_sequence_msg_name(next));
}

static void check_step(const tlsx_handshake *hs, const tlsx_event *ev, const tlsx_step *st,
                       uint32_t *last_step, uint32_t last_id)
{
    REQUIRE(st->handshake == hs->id);
    REQUIRE(st->handshake >= last_id);
    REQUIRE(st->side == ev->side);
    REQUIRE(st->kind <= TLSX_STEP_ALERT);
    REQUIRE(st->explain < TLSX_EX_COUNT);
    check_text(tlsx_explain(TLSX_LANG_EN, (tlsx_explain_key)st->explain));
    check_text(tlsx_explain(TLSX_LANG_ZH, (tlsx_explain_key)st->explain));
    check_text(tlsx_step_name(st));
    REQUIRE(time_ok(st->since_prev));
    REQUIRE(time_ok(st->since_peer));
    REQUIRE(time_ok(st->since_start));
    check_time_text(st->since_prev);
    check_time_text(st->since_peer);
    check_time_text(st->since_start);
    /* Counted steps go 1, 2, 3, ... within a handshake. */
    if (st->handshake != last_id)
        *last_step = 0;
    if (st->step) {
        REQUIRE(st->step == *last_step + 1);
        REQUIRE(st->step == hs->steps);
        REQUIRE(st->flight >= 1 && st->flight <= st->step);
        *last_step = st->step;
    }
    if (st->flags & TLSX_FLAG_DUPLICATE)
        REQUIRE(st->step == 0);
    /* A slow wait is a counted step's; an end overturned is an alert's. */
    if (st->flags & TLSX_FLAG_SLOW)
        REQUIRE(st->step && st->has_since_peer && !st->time_backwards);
    if (st->flags & TLSX_FLAG_OVERTURNS)
        REQUIRE(st->kind == TLSX_STEP_ALERT && st->step && st->ends && hs->failed);
    if (st->flags & TLSX_FLAG_MISSING)
        check_text(tlsx_sequence_msg_name(st->missing));
    if (st->kind == TLSX_STEP_ALERT) {
        /* NULL for an unassigned description, both languages alike. */
        const char *en = tlsx_alert_explain(TLSX_LANG_EN, st->alert_desc);
        const char *zh = tlsx_alert_explain(TLSX_LANG_ZH, st->alert_desc);
        REQUIRE(!en == !zh);
        if (en) {
            check_text(en);
            check_text(zh);
        }
    }
    char curl[128];
    if (st->kind == TLSX_STEP_ALERT
            ? tlsx_curl_alert_line(curl, sizeof curl, st->alert_level, st->alert_desc,
                                   (tlsx_side)st->side, st->version)
            : tlsx_curl_line(curl, sizeof curl, (tlsx_step_kind)st->kind, st->hs_type,
                             (tlsx_side)st->side, st->version))
        REQUIRE(strlen(curl) < sizeof curl);
    REQUIRE(hs->history_len <= TLSX_HISTORY_MAX);
    REQUIRE(strlen(hs->history) == hs->history_len);
    REQUIRE(hs->rtts <= hs->flights);
    if (st->ends)
        REQUIRE(!tlsx_handshake_open(hs));
}

/* What a reader is told of the step, before and after the whole capture
 * is read: verdicts within bounds, each naming its step, texts that exist. */
static void check_verdicts(const tlsx_step *st, const tlsx_facts *f, uint32_t frame, uint32_t slow)
{
    for (int read = 0; read < 2; read++) {
        const tlsx_reading at = {frame, read != 0, slow};
        tlsx_verdict v[TLSX_VERDICTS_MAX];
        const unsigned n = tlsx_verdicts(st, f, &at, v);
        REQUIRE(n <= TLSX_VERDICTS_MAX);
        for (unsigned i = 0; i < n; i++) {
            REQUIRE(v[i].kind <= TLSX_VERDICT_EXTRA_RTT);
            REQUIRE(v[i].handshake == st->handshake && v[i].side == st->side);
            if (v[i].kind == TLSX_VERDICT_MISSING ||
                (v[i].kind == TLSX_VERDICT_INCOMPLETE && v[i].message != TLSX_MSG_NONE))
                check_text(tlsx_sequence_msg_name(v[i].message));
            if (v[i].kind == TLSX_VERDICT_INCOMPLETE)
                REQUIRE(read && st->step == f->last_step);
            if (v[i].kind == TLSX_VERDICT_SLOW)
                REQUIRE(time_ok(v[i].wait) && time_ok(v[i].network) && time_ok(v[i].processing));
        }
    }
    tlsx_explanation e;
    tlsx_explanation_of(st, TLSX_TRANSPORT_TCP, st->step == 1 ? TLSX_EX_UPGRADE_SMTP : -1, &e);
    REQUIRE(e.count >= 1 && e.count <= TLSX_EXPLAIN_PARTS_MAX);
    for (unsigned i = 0; i < e.count; i++) {
        if (e.parts[i].kind == TLSX_PART_KEY)
            check_text(tlsx_explain(TLSX_LANG_ZH, (tlsx_explain_key)e.parts[i].value));
        else
            REQUIRE(e.parts[i].kind == TLSX_PART_ALERT);
    }
}

/* What the parser returned from n bytes: names inside them, counts within
 * their arrays, the version one of those the message said. */
static void check_parsed(const tlsx_parsed *p, size_t n)
{
    REQUIRE(p->server_name.offset + (size_t)p->server_name.length <= n);
    REQUIRE(p->alpn.offset + (size_t)p->alpn.length <= n);
    REQUIRE(p->hello.key_share_count <= TLSX_HELLO_GROUPS_MAX);
    for (unsigned i = 0; i < p->hello.key_share_count; i++)
        REQUIRE(!tlsx_is_grease(p->hello.key_share[i]));
    REQUIRE(p->version == (p->supported_version ? p->supported_version : p->legacy_version));
    REQUIRE(p->session_id_hash == 0 || p->hello.session_id_length > 0);
    if (!p->read)
        REQUIRE(p->version == 0 && p->hello.extensions == 0);
}

static void check_parse(const uint8_t *data, size_t size)
{
    static const uint8_t types[] = {TLSX_HS_CLIENT_HELLO,         TLSX_HS_SERVER_HELLO,
                                    TLSX_HS_HELLO_VERIFY_REQUEST, TLSX_HS_ENCRYPTED_EXTENSIONS,
                                    TLSX_HS_SERVER_KEY_EXCHANGE,  TLSX_HS_FINISHED};
    for (int dtls = 0; dtls < 2; dtls++) {
        tlsx_record_header r;
        if (tlsx_parse_record(data, size, dtls, &r))
            REQUIRE(r.header == (dtls ? 13 : 5) && r.complete == (size - r.header >= r.length));
        tlsx_hs_header h;
        if (tlsx_parse_hs_header(data, size, dtls, &h))
            REQUIRE(h.header == (dtls ? 12 : 4) && (!h.complete || size - h.header >= h.length));
        tlsx_parsed p;
        tlsx_parse_message(data, size, dtls, &p);
        check_parsed(&p, size);
        REQUIRE(!p.read || h.complete);
        for (size_t i = 0; i < sizeof types; i++) {
            tlsx_parse_body(types[i], data, size, dtls, &p);
            check_parsed(&p, size);
            REQUIRE(p.hs_type == types[i]);
        }
    }
    uint8_t level, desc;
    REQUIRE(tlsx_parse_alert(data, size, &level, &desc) == (size == 2));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Two connections of one capture: handshake ids are shared. */
    tlsx_handshake conns[2];
    tlsx_facts facts[2]; /* of each connection's current handshake */
    uint32_t last_step[2] = {0, 0}, last_id[2] = {0, 0};
    uint32_t next_id = 0, prev_next_id = 0;
    tlsx_time now = {1700000000, 0};
    memset(conns, 0, sizeof conns);
    memset(facts, 0, sizeof facts);
    /* The slow threshold, from 0 ms (every wait) on. */
    conns[0].slow_ms = conns[1].slow_ms = size ? data[size - 1] * 10u : 0;

    n_event = 0;
    check_name(data, size);
    check_parse(data, size);
    /* The whole input as a server's key exchange or CertificateVerify: ASan
     * catches a read past its end. */
    uint16_t scheme;
    (void)tlsx_curl_read_scheme(data, size, &scheme);
    /* OpenSSL's security bits never shrink as the modulus grows. */
    const unsigned n = size >= 3 ? (unsigned)(data[0] << 16 | data[1] << 8 | data[2]) : 0;
    REQUIRE(tlsx_x509_rsa_security_bits(n) <= tlsx_x509_rsa_security_bits(n + 1));
    /* ... and as a certificate, and as a Certificate message. */
    static tlsx_x509 cert;
    if (tlsx_x509_read(data, size, &cert)) {
        check_text(cert.subject);
        check_text(cert.issuer);
        /* The key and signature curl 8's Certificate level 0 line names. */
        REQUIRE(cert.key_sec_bits <= 1200 && (cert.key_type != TLSX_X509_KEY_UNKNOWN ||
                                              (cert.key_bits == 0 && cert.curve == NULL)));
        if (cert.sig_alg)
            check_text(cert.sig_alg);
        for (unsigned i = 0; i < 16; i++) {
            char line[TLSX_X509_NAME_SIZE + 32];
            if (tlsx_curl_cert_line(line, sizeof line, (tlsx_curl_dialect)(7 + (i & 1)), &cert,
                                    cert.cn, i))
                check_text(line);
        }
    }
    const uint8_t *der;
    size_t der_len;
    if (tlsx_x509_leaf(data, size, &der, &der_len))
        REQUIRE(der >= data && der_len <= size && (size_t)(der - data) <= size - der_len);
    for (size_t off = 0; off + EVENT_BYTES <= size && n_event < MAX_EVENTS;
         off += EVENT_BYTES, n_event++) {
        const uint8_t *b = data + off;
        const int c = b[11] & 1;
        tlsx_event ev;
        tlsx_step st;
        decode(b, &now, &ev);
        const bool is_step = tlsx_handshake_feed(&conns[c], &next_id, &ev, &st);
        REQUIRE(next_id >= prev_next_id && next_id <= prev_next_id + 1);
        prev_next_id = next_id;
        REQUIRE(conns[c].id <= next_id);
        (void)tlsx_handshake_reads_app_data(&conns[c]);
        if (is_step) {
            check_step(&conns[c], &ev, &st, &last_step[c], last_id[c]);
            for (int d = TLSX_CURL_7; d <= TLSX_CURL_8; d++) {
                char line[128];
                tlsx_curl_result r =
                    tlsx_curl_step_line(line, sizeof line, (tlsx_curl_dialect)d, &st, b[11] >> 6);
                if (r == TLSX_CURL_LINE)
                    check_text(line);
                else if (tlsx_curl_none_note(r))
                    check_text(tlsx_curl_none_note(r));
            }
            if (st.handshake != last_id[c]) {
                tlsx_facts_note_next(&facts[c], &st);
                memset(&facts[c], 0, sizeof facts[c]);
            }
            tlsx_facts_note_step(&facts[c], &conns[c], &st, (uint32_t)n_event + 1);
            check_verdicts(&st, &facts[c], (uint32_t)n_event + 1, conns[c].slow_ms);
            last_id[c] = st.handshake;
        }
        if (conns[c].id)
            check_summary(&conns[c]);
    }
    return 0;
}
