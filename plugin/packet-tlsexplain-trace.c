/* packet-tlsexplain-trace.c: tshark -q -z tlsexplain,trace[,FILTER].
 *
 * A transcript of every handshake, printed at the end of the run in order of
 * the handshakes' numbers: the connection, then one line per step laid out as
 * ssldump does (handshake and step number, seconds since the handshake's
 * start and, in brackets, since the previous step, who sent it, the message)
 * followed by the line curl -v prints for it, and each repeated message
 * (a retransmission, "-" for its step number); then curl's closing lines, the
 * round trips and the duration, or the alert that made it fail; then the
 * messages after the handshake ("+" for their step number).  The curl lines
 * are those of curl 8 or curl 7.88 (tlsx_curl.h), by the preference
 * tlsexplain.curl_version or the option curl7 / curl8.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <stdio.h>

#include <epan/to_str.h>
#include <epan/stat_tap_ui.h>
#include <epan/tap.h>
#include <wsutil/str_util.h>

#include "tlsx_alert.h"
#include "tlsx_cipher.h"
#include "tlsx_label.h"

/* The transcript's own words, in the language of the labels (curl's lines
 * stay curl's). */
#define L(key) tlsx_label(tlsexplain_label_lang(), TLSX_LABEL_##key)

#define TRACE_CLI "tlsexplain,trace"

typedef struct {
    tlsx_step st;
    guint32 frame;
} trace_step;

typedef struct {
    guint32 id;
    char *client, *server; /* "addr:port" */
    const tlsexplain_record *rec;
    GArray *steps; /* trace_step */
    GArray *after; /* trace_step: post-handshake messages */
} trace_handshake;

typedef struct {
    char *filter;
    tlsx_curl_dialect dialect; /* whose curl -v lines */
    GPtrArray *handshakes;     /* trace_handshake *, in order of first step */
} trace_data;

static void handshake_free(gpointer p)
{
    trace_handshake *h = (trace_handshake *)p;
    g_free(h->client);
    g_free(h->server);
    g_array_free(h->steps, TRUE);
    g_array_free(h->after, TRUE);
    g_free(h);
}

static void trace_reset(void *tapdata)
{
    trace_data *td = (trace_data *)tapdata;
    g_ptr_array_set_size(td->handshakes, 0);
}

char *tlsexplain_endpoint(const address *addr, guint32 port)
{
    char *a = address_to_str(NULL, addr);
    char *s = addr->type == AT_IPv6 ? g_strdup_printf("[%s]:%u", a, port)
                                    : g_strdup_printf("%s:%u", a, port);
    wmem_free(NULL, a);
    return s;
}

tlsx_curl_result tlsexplain_step_curl(char *buf, size_t size, tlsx_curl_dialect dialect,
                                      const tlsx_step *st, const tlsexplain_record *rec)
{
    return tlsx_curl_step_line(buf, size, dialect, st, rec->transport);
}

gboolean tlsexplain_closing_line(char *buf, size_t size, tlsx_curl_dialect dialect,
                                 const tlsexplain_record *rec)
{
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    if (!s || !s->complete || !s->cipher || rec->transport == TLSX_TRANSPORT_DTLS)
        return FALSE; /* curl never speaks DTLS */
    /* The server's signature: read from its key exchange or CertificateVerify;
     * none in a resumption or an RSA key exchange; TLS 1.0 and 1.1 sign with
     * the certificate's key without naming a scheme. */
    tlsx_curl_sig_kind sig = TLSX_CURL_SIG_UNREAD;
    if (s->resumed)
        sig = TLSX_CURL_SIG_NONE;
    else if (tlsx_version_rank(s->version) < tlsx_version_rank(TLSX_VERSION_TLS12) &&
             rec->has_scheme)
        sig = rec->cipher && strstr(rec->cipher, "_RSA_") ? TLSX_CURL_SIG_RSA_KEY
                                                          : TLSX_CURL_SIG_UNREAD;
    else if (rec->has_scheme)
        sig = TLSX_CURL_SIG_SCHEME;
    else if (!tlsx_version_is_tls13(s->version) && !s->group_known)
        sig = TLSX_CURL_SIG_NONE;
    return tlsx_curl_closing_line(buf, size, dialect, s, rec->cipher, sig, rec->scheme);
}

static trace_handshake *find_handshake(trace_data *td, guint32 id)
{
    for (guint i = td->handshakes->len; i > 0; i--) {
        trace_handshake *h = (trace_handshake *)g_ptr_array_index(td->handshakes, i - 1);
        if (h->id == id)
            return h;
    }
    return NULL;
}

static trace_handshake *handshake_of(trace_data *td, packet_info *pinfo,
                                     const tlsexplain_frame_step *f)
{
    trace_handshake *h = find_handshake(td, f->st.handshake);
    if (h)
        return h;
    h = g_new0(trace_handshake, 1);
    h->id = f->st.handshake;
    h->rec = f->rec;
    h->steps = g_array_new(FALSE, FALSE, sizeof(trace_step));
    h->after = g_array_new(FALSE, FALSE, sizeof(trace_step));
    char *src = tlsexplain_endpoint(&pinfo->src, pinfo->srcport);
    char *dst = tlsexplain_endpoint(&pinfo->dst, pinfo->destport);
    gboolean from_client = f->st.side == TLSX_CLIENT;
    h->client = from_client ? src : dst;
    h->server = from_client ? dst : src;
    g_ptr_array_add(td->handshakes, h);
    return h;
}

static tap_packet_status trace_packet(void *tapdata, packet_info *pinfo, epan_dissect_t *edt _U_,
                                      const void *data, tap_flags_t flags _U_)
{
    trace_data *td = (trace_data *)tapdata;
    const tlsexplain_frame *fs = (const tlsexplain_frame *)data;

    for (guint i = 0; i < fs->count; i++) {
        const tlsexplain_frame_step *f = &fs->steps[i];
        if (!f->st.step && !(f->st.flags & TLSX_FLAG_DUPLICATE)) {
            /* A post-handshake message, after the handshake's lines. */
            trace_handshake *h = find_handshake(td, f->st.handshake);
            if (h) {
                trace_step ts = {f->st, pinfo->num};
                g_array_append_val(h->after, ts);
            }
            continue;
        }
        trace_handshake *h = handshake_of(td, pinfo, f);
        trace_step ts = {f->st, pinfo->num};
        g_array_append_val(h->steps, ts);
    }
    return TAP_PACKET_REDRAW;
}

/* "0.0072": seconds to a tenth of a millisecond, as ssldump prints them. */
static void format_secs(char *buf, tlsx_time t)
{
    tlsexplain_time_text(buf, t, 0, 4);
}

char *tlsexplain_camel_name(const tlsx_step *st)
{
    GString *out = g_string_new(NULL);
    gboolean word_start = TRUE;
    for (const char *p = tlsx_step_name(st); *p; p++) {
        if (*p == ' ') {
            word_start = TRUE;
            continue;
        }
        g_string_append_c(out, word_start ? g_ascii_toupper(*p) : *p);
        word_start = FALSE;
    }
    return g_string_free(out, FALSE);
}

/* The message as ssldump names it: "Handshake ClientHello", "ChangeCipherSpec",
 * "Alert fatal handshake_failure". */
static void ssldump_message(GString *out, const tlsx_step *st)
{
    switch (st->kind) {
    case TLSX_STEP_CCS:
        g_string_append(out, "ChangeCipherSpec");
        return;
    case TLSX_STEP_ENCRYPTED_RECORD:
        g_string_append(out, "Handshake (encrypted record)");
        return;
    case TLSX_STEP_ALERT:
        if (!st->alert_level) {
            g_string_append(out, "Alert (encrypted)");
        } else {
            const char *name = tlsx_alert_name(st->alert_desc);
            g_string_append_printf(out, "Alert %s ",
                                   st->alert_level == TLSX_ALERT_FATAL ? "fatal" : "warning");
            if (name)
                g_string_append(out, name);
            else
                g_string_append_printf(out, "%u", st->alert_desc);
        }
        return;
    default:
        break;
    }
    char *name = tlsexplain_camel_name(st);
    g_string_append_printf(out, "Handshake %s%s", name, st->encrypted ? " (encrypted)" : "");
    g_free(name);
}

/* curl's "Server certificate:" block, from the leaf certificate, and what
 * curl prints there that the capture cannot know. */
static void append_certificate(GString *out, const tlsexplain_record *rec,
                               tlsx_curl_dialect dialect)
{
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    char line[TLSX_X509_NAME_SIZE + 32];
    if (rec->transport == TLSX_TRANSPORT_DTLS)
        return;
    if (!rec->cert) {
        if (s->resumed)
            g_string_append(out, "(Server certificate: none in a resumed handshake; curl prints "
                                 "the one of the session it resumed)\n");
        else if (s->encrypted)
            g_string_append(out, "(Server certificate: encrypted; the key log shows it)\n");
        return;
    }
    for (unsigned i = 0; tlsx_curl_cert_line(line, sizeof line, dialect, rec->cert, rec->sni, i);
         i++)
        g_string_append_printf(out, "* %s\n", line);
    if (dialect == TLSX_CURL_8) {
        if (tlsx_curl_level0_known(rec->cert))
            g_string_append(out, "(curl 8 prints one Certificate level line per certificate of "
                                 "the chain it checked; levels 1 and up, if any, are not "
                                 "shown)\n");
        else
            g_string_append(out, "(no Certificate level 0 line: the certificate's key type or "
                                 "signature algorithm is one the plugin does not name)\n");
    }
    g_string_append(out, "(the client's verdict on the certificate, which curl prints next, "
                         "is not in the capture)\n");
}

static void append_ending(GString *out, const trace_handshake *h, tlsx_curl_dialect dialect)
{
    const tlsexplain_record *rec = h->rec;
    const tlsx_summary *s = tlsexplain_summary_of(rec);
    char kind[64], secs[TLSX_TIME_TEXT_SIZE], curl[128];
    const trace_step *first = &g_array_index(h->steps, trace_step, 0);
    /* Repeats come after the step that ended a handshake, not instead. */
    const trace_step *last = &g_array_index(h->steps, trace_step, h->steps->len - 1);
    for (guint k = h->steps->len; k > 0; k--) {
        const trace_step *t = &g_array_index(h->steps, trace_step, k - 1);
        if (t->st.step) {
            last = t;
            break;
        }
    }

    if (!s) {
        format_secs(secs, last->st.since_start);
        g_string_append_printf(out, "%s%u%s", L(HANDSHAKE_BEFORE), h->id, L(TRACE_INCOMPLETE));
        if (rec->facts.waiting_for != TLSX_MSG_NONE)
            g_string_append_printf(out, "%s%s%s", L(TRACE_WAITING),
                                   tlsx_sequence_msg_name(rec->facts.waiting_for),
                                   L(TRACE_WAITING_AFTER));
        g_string_append_printf(out, "%s%s%s%s%s%u-%u%s\n", L(TRACE_FIRST_BEFORE), secs,
                               L(TRACE_SINCE_FIRST), L(OPEN), L(FRAMES), first->frame, last->frame,
                               L(CLOSE));
        return;
    }
    tlsx_summary_kind(s, kind, sizeof kind);
    format_secs(secs, s->duration);
    if (s->complete) {
        if (tlsexplain_closing_line(curl, sizeof curl, dialect, rec))
            g_string_append_printf(out, "* %s\n", curl);
        else if (rec->transport != TLSX_TRANSPORT_DTLS && s->cipher)
            g_string_append(out, "(no curl closing line: curl 8 names the server's signature "
                                 "too, which this capture does not show)\n");
        /* Whether the server agreed on a protocol is known once its hello or
         * Encrypted Extensions was read. */
        if (rec->alpn ||
            (rec->alpn_offered && !s->encrypted && rec->transport == TLSX_TRANSPORT_TCP)) {
            tlsx_curl_alpn_result_line(curl, sizeof curl, dialect, rec->alpn);
            g_string_append_printf(out, "* %s\n", curl);
        }
        append_certificate(out, rec, dialect);
        g_string_append_printf(out, "%s%u%s", L(HANDSHAKE_BEFORE), h->id, L(TRACE_COMPLETE));
    } else {
        g_string_append_printf(out, "%s%u%s", L(HANDSHAKE_BEFORE), h->id, L(TRACE_FAILED));
        if (s->has_alert) {
            const char *name = tlsx_alert_name(s->alert);
            g_string_append_printf(out, "%s%s (%u)", L(TRACE_ALERT), name ? name : "unknown",
                                   s->alert);
        } else {
            g_string_append(out, L(TRACE_ENCRYPTED_ALERT));
        }
        if (last->st.kind == TLSX_STEP_ALERT)
            g_string_append(out, last->st.side == TLSX_CLIENT ? L(TRACE_FROM_CLIENT)
                                                              : L(TRACE_FROM_SERVER));
        g_string_append(out, L(SEPARATOR));
    }
    /* "TLS 1.2 full, 2 RTTs, 0.0097 s (frames 4-9)" */
    g_string_append_printf(out, "%s%s%u%s%s%s%s%s%s%u-%u%s\n", kind, L(SEPARATOR), s->rtts,
                           s->rtts == 1 ? L(RTT_ONE) : L(RTT_MANY), L(SEPARATOR), secs, L(SECONDS),
                           L(OPEN), L(FRAMES), first->frame, last->frame, L(CLOSE));
}

/* The messages after the handshake (New Session Tickets, KeyUpdates,
 * alerts), with the lines curl prints for them. */
static void append_after(GString *out, const trace_handshake *h, tlsx_curl_dialect dialect)
{
    char start[TLSX_TIME_TEXT_SIZE], prev[TLSX_TIME_TEXT_SIZE], curl[128];
    for (guint k = 0; k < h->after->len; k++) {
        const trace_step *t = &g_array_index(h->after, trace_step, k);
        format_secs(start, t->st.since_start);
        format_secs(prev, t->st.since_prev);
        g_string_append_printf(out, "%u +  %s (%s)  %s  ", h->id, start, prev,
                               t->st.side == TLSX_CLIENT ? "C>S" : "S>C");
        ssldump_message(out, &t->st);
        g_string_append_printf(out, "%s%u%s\n", L(TRACE_AFTER), t->frame, L(CLOSE));
        if (h->rec->transport != TLSX_TRANSPORT_TCP)
            continue;
        if (t->st.kind == TLSX_STEP_ALERT && t->st.side == TLSX_SERVER && t->st.alert_level) {
            g_string_append(out, "    (no curl line: curl prints it only if it still reads the "
                                 "connection, which a capture cannot show)\n");
            continue;
        }
        if (tlsexplain_step_curl(curl, sizeof curl, dialect, &t->st, h->rec) == TLSX_CURL_LINE)
            g_string_append_printf(out, "    * %s\n", curl);
    }
}

static void trace_draw(void *tapdata)
{
    trace_data *td = (trace_data *)tapdata;
    GString *out = g_string_new(NULL);
    char start[TLSX_TIME_TEXT_SIZE], prev[TLSX_TIME_TEXT_SIZE], curl[128];

    /* In order of their numbers, which a handshake takes at its first step
     * even when an earlier one's first step came later. */
    GPtrArray *order = g_ptr_array_sized_new(td->handshakes->len);
    for (guint i = 0; i < td->handshakes->len; i++)
        g_ptr_array_add(order, g_ptr_array_index(td->handshakes, i));
    for (guint i = 1; i < order->len; i++) {
        for (guint j = i; j > 0; j--) {
            trace_handshake *a = (trace_handshake *)g_ptr_array_index(order, j - 1);
            trace_handshake *b = (trace_handshake *)g_ptr_array_index(order, j);
            if (a->id <= b->id)
                break;
            order->pdata[j - 1] = b;
            order->pdata[j] = a;
        }
    }

    g_string_append(out, "\n===================================================================\n");
    g_string_append_printf(out, "%s\n", L(TRACE_TITLE));
    g_string_append_printf(out, "%s%s\n", L(TRACE_FILTER),
                           td->filter ? td->filter : L(TRACE_NO_FILTER));
    g_string_append_printf(out, "%s%s\n", L(TRACE_CURL), td->dialect == TLSX_CURL_7 ? "7.88" : "8");
    g_string_append_printf(out, "%s%u\n", L(TRACE_COUNT), order->len);
    for (guint i = 0; i < order->len; i++) {
        const trace_handshake *h = (const trace_handshake *)g_ptr_array_index(order, i);
        const tlsexplain_record *rec = h->rec;
        g_string_append_printf(out, "\n%s%u%s%s -> %s%s", L(HANDSHAKE_BEFORE), h->id,
                               L(TRACE_HEADING), h->client, h->server, L(SEPARATOR));
        if (rec->sni)
            g_string_append_printf(out, "%s%s\n", L(SNI), rec->sni);
        else
            g_string_append_printf(out, "%s\n", L(NO_SNI));
        tlsx_curl_result none =
            tlsx_curl_step_line(curl, sizeof curl, td->dialect,
                                &g_array_index(h->steps, trace_step, 0).st, rec->transport);
        if (rec->transport != TLSX_TRANSPORT_TCP && tlsx_curl_none_note(none))
            g_string_append_printf(out, "(no curl lines: %s)\n", tlsx_curl_none_note(none));
        const tlsx_step *prev_step = NULL;
        char late[128] = "";
        /* A client that rejected the certificate read nothing after it. */
        guint unread_from = G_MAXUINT, unread_to = 0;
        for (guint k = h->steps->len; k > 0; k--) {
            const tlsx_step *a = &g_array_index(h->steps, trace_step, k - 1).st;
            if (!a->step || !tlsx_curl_rejects_certificate(a))
                continue;
            for (guint j = k - 1; j > 0; j--) {
                const tlsx_step *c = &g_array_index(h->steps, trace_step, j - 1).st;
                if (c->kind == TLSX_STEP_HANDSHAKE && c->hs_type == TLSX_HS_CERTIFICATE &&
                    c->side == TLSX_SERVER) {
                    unread_from = j;
                    unread_to = k - 1;
                    break;
                }
            }
            break;
        }
        for (guint k = 0; k < h->steps->len; k++) {
            const trace_step *t = &g_array_index(h->steps, trace_step, k);
            format_secs(start, t->st.since_start);
            format_secs(prev, t->st.since_prev);
            if (!t->st.step) {
                /* A retransmission or a duplicated frame: no step, no curl line. */
                g_string_append_printf(out, "%u -  %s (%s)  %s  ", h->id, start, prev,
                                       t->st.side == TLSX_CLIENT ? "C>S" : "S>C");
                ssldump_message(out, &t->st);
                g_string_append_printf(out, "%s\n", L(TRACE_REPEATED));
                continue;
            }
            if (late[0] && t->st.side == TLSX_SERVER) {
                g_string_append_printf(out, "    * %s\n", late);
                late[0] = '\0';
            }
            g_string_append_printf(out, "%u %u  %s (%s)  %s  ", h->id, t->st.step, start, prev,
                                   t->st.side == TLSX_CLIENT ? "C>S" : "S>C");
            ssldump_message(out, &t->st);
            g_string_append_c(out, '\n');
            tlsx_curl_result r = tlsexplain_step_curl(curl, sizeof curl, td->dialect, &t->st, rec);
            if (k >= unread_from && k < unread_to && t->st.side == TLSX_SERVER)
                r = TLSX_CURL_NONE_UNREAD;
            if (r == TLSX_CURL_LINE && t->st.step == 1 && t->st.kind == TLSX_STEP_HANDSHAKE &&
                t->st.hs_type == TLSX_HS_CLIENT_HELLO && rec->alpn_offered) {
                char alpn[160];
                tlsx_curl_alpn_offer_line(alpn, sizeof alpn, td->dialect, rec->alpn_offered);
                g_string_append_printf(out, "    * %s\n", alpn);
            }
            if (r == TLSX_CURL_LINE && tlsx_curl_prints_late(td->dialect, &t->st, prev_step)) {
                g_strlcpy(late, curl, sizeof late); /* after the client's next flight */
                g_string_append_printf(out, "    %s\n", L(TRACE_LATE));
            } else if (r == TLSX_CURL_LINE)
                g_string_append_printf(out, "    * %s\n", curl);
            else if (tlsx_curl_none_note(r) && rec->transport == TLSX_TRANSPORT_TCP)
                g_string_append_printf(out, "    (no curl line: %s)\n", tlsx_curl_none_note(r));
            prev_step = &t->st;
        }
        if (late[0])
            g_string_append_printf(out, "    * %s\n", late);
        append_ending(out, h, td->dialect);
        append_after(out, h, td->dialect);
    }
    g_string_append(out, "===================================================================\n");
    g_ptr_array_free(order, TRUE);
    /* Composed first, written to tshark's standard output in one piece. */
    fputs(out->str, stdout);
    g_string_free(out, TRUE);
}

static void trace_finish(void *tapdata)
{
    trace_data *td = (trace_data *)tapdata;
    g_ptr_array_free(td->handshakes, TRUE);
    g_free(td->filter);
    g_free(td);
}

static TLSEXPLAIN_STAT_TAP_INIT_RESULT trace_init(const char *opt_arg, void *userdata _U_)
{
    trace_data *td = g_new0(trace_data, 1);
    const char *filter = NULL;

    /* -z tlsexplain,trace[,curl7|,curl8][,FILTER]: whose curl lines, by
     * default the preference's (tlsexplain.curl_version). */
    td->dialect = (tlsx_curl_dialect)tlsexplain_prefs.curl_version;
    const char *rest =
        g_str_has_prefix(opt_arg, TRACE_CLI ",") ? opt_arg + strlen(TRACE_CLI ",") : "";
    static const struct {
        const char *word;
        tlsx_curl_dialect dialect;
    } dialects[] = {{"curl7", TLSX_CURL_7}, {"curl8", TLSX_CURL_8}};
    for (guint i = 0; i < G_N_ELEMENTS(dialects); i++) {
        size_t n = strlen(dialects[i].word);
        if (strncmp(rest, dialects[i].word, n) == 0 && (rest[n] == '\0' || rest[n] == ',')) {
            td->dialect = dialects[i].dialect;
            rest += rest[n] ? n + 1 : n;
        }
    }
    if (rest[0])
        filter = rest;
    td->filter = g_strdup(filter);
    td->handshakes = g_ptr_array_new_with_free_func(handshake_free);

    GString *error = register_tap_listener("tlsexplain", td, filter, TL_REQUIRES_NOTHING,
                                           trace_reset, trace_packet, trace_draw, trace_finish);
    if (error) {
        fprintf(stderr, "tlsexplain,trace: could not register its tap listener: %s\n", error->str);
        g_string_free(error, TRUE);
        trace_finish(td);
        TLSEXPLAIN_STAT_TAP_INIT_FAIL();
    }
    TLSEXPLAIN_STAT_TAP_INIT_OK();
}

static tap_param trace_params[] = {
    {PARAM_FILTER, "filter", "Filter", NULL, TRUE},
};

static stat_tap_ui trace_ui = {
    REGISTER_STAT_GROUP_GENERIC,
    "TLS Handshake Explainer transcript",
    TRACE_CLI,
    trace_init,
    G_N_ELEMENTS(trace_params),
    trace_params,
};

void tlsexplain_trace_register(void)
{
    register_stat_tap_ui(&trace_ui, NULL);
}
