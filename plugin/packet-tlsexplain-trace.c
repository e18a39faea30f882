/* packet-tlsexplain-trace.c: tshark -q -z tlsexplain,trace[,FILTER].
 *
 * A transcript of every handshake, printed at the end of the run in order of
 * the handshakes' numbers: the connection, then one line per step laid out as
 * ssldump does (handshake and step number, seconds since the handshake's
 * start and, in brackets, since the previous step, who sent it, the message)
 * followed by the line curl -v prints for it, and each repeated message
 * (a retransmission, "-" for its step number); then curl's closing lines, the
 * round trips and the duration, or the alert that made it fail.
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
} trace_handshake;

typedef struct {
    char *filter;
    GPtrArray *handshakes; /* trace_handshake *, in order of first step */
} trace_data;

static void handshake_free(gpointer p)
{
    trace_handshake *h = (trace_handshake *)p;
    g_free(h->client);
    g_free(h->server);
    g_array_free(h->steps, TRUE);
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

gboolean tlsexplain_step_curl(char *buf, size_t size, const tlsx_step *st)
{
    if (st->kind == TLSX_STEP_ALERT)
        return tlsx_curl_alert_line(buf, size, st->alert_level, st->alert_desc, (tlsx_side)st->side,
                                    st->version);
    return tlsx_curl_line(buf, size, (tlsx_step_kind)st->kind, st->hs_type, (tlsx_side)st->side,
                          st->version);
}

static trace_handshake *handshake_of(trace_data *td, packet_info *pinfo,
                                     const tlsexplain_frame_step *f)
{
    for (guint i = td->handshakes->len; i > 0; i--) {
        trace_handshake *h = (trace_handshake *)g_ptr_array_index(td->handshakes, i - 1);
        if (h->id == f->st.handshake)
            return h;
    }
    trace_handshake *h = g_new0(trace_handshake, 1);
    h->id = f->st.handshake;
    h->rec = f->rec;
    h->steps = g_array_new(FALSE, FALSE, sizeof(trace_step));
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
        if (!f->st.step && !(f->st.flags & TLSX_FLAG_DUPLICATE))
            continue; /* post-handshake messages are no steps */
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

static void append_ending(GString *out, const trace_handshake *h)
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
        g_string_append_printf(out, "Handshake %u incomplete: nothing of it follows in the capture",
                               h->id);
        if (rec->facts.waiting_for != TLSX_MSG_NONE)
            g_string_append_printf(out, " (the %s was still to come)",
                                   tlsx_sequence_msg_name(rec->facts.waiting_for));
        g_string_append_printf(out, ", %s s after its first step (frames %u-%u)\n", secs,
                               first->frame, last->frame);
        return;
    }
    tlsx_summary_kind(s, kind, sizeof kind);
    format_secs(secs, s->duration);
    if (s->complete) {
        if (s->cipher &&
            tlsx_curl_summary_line(curl, sizeof curl, s->version, s->cipher, rec->cipher))
            g_string_append_printf(out, "* %s\n", curl);
        if (rec->alpn)
            g_string_append_printf(out, "* ALPN: server accepted %s\n", rec->alpn);
        g_string_append_printf(out, "Handshake %u complete: %s, %u RTT%s, %s s (frames %u-%u)\n",
                               h->id, kind, s->rtts, plurality(s->rtts, "", "s"), secs,
                               first->frame, last->frame);
        return;
    }
    g_string_append_printf(out, "Handshake %u failed: ", h->id);
    if (s->has_alert) {
        const char *name = tlsx_alert_name(s->alert);
        g_string_append_printf(out, "alert %s (%u)", name ? name : "unknown", s->alert);
    } else {
        g_string_append(out, "an encrypted alert");
    }
    if (last->st.kind == TLSX_STEP_ALERT)
        g_string_append_printf(out, " from the %s",
                               last->st.side == TLSX_CLIENT ? "client" : "server");
    g_string_append_printf(out, ", %s, %u RTT%s, %s s (frames %u-%u)\n", kind, s->rtts,
                           plurality(s->rtts, "", "s"), secs, first->frame, last->frame);
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
    g_string_append(out, "TLS Handshake Explainer: transcript\n");
    g_string_append_printf(out, "Filter: %s\n", td->filter ? td->filter : "none");
    g_string_append_printf(out, "Handshakes: %u\n", order->len);
    for (guint i = 0; i < order->len; i++) {
        const trace_handshake *h = (const trace_handshake *)g_ptr_array_index(order, i);
        const tlsexplain_record *rec = h->rec;
        g_string_append_printf(out, "\nHandshake %u: %s -> %s, ", h->id, h->client, h->server);
        if (rec->sni)
            g_string_append_printf(out, "SNI %s\n", rec->sni);
        else
            g_string_append(out, "no SNI\n");
        for (guint k = 0; k < h->steps->len; k++) {
            const trace_step *t = &g_array_index(h->steps, trace_step, k);
            format_secs(start, t->st.since_start);
            format_secs(prev, t->st.since_prev);
            if (!t->st.step) {
                /* A retransmission or a duplicated frame: no step, no curl line. */
                g_string_append_printf(out, "%u -  %s (%s)  %s  ", h->id, start, prev,
                                       t->st.side == TLSX_CLIENT ? "C>S" : "S>C");
                ssldump_message(out, &t->st);
                g_string_append(out, " (repeated)\n");
                continue;
            }
            g_string_append_printf(out, "%u %u  %s (%s)  %s  ", h->id, t->st.step, start, prev,
                                   t->st.side == TLSX_CLIENT ? "C>S" : "S>C");
            ssldump_message(out, &t->st);
            g_string_append_c(out, '\n');
            if (tlsexplain_step_curl(curl, sizeof curl, &t->st))
                g_string_append_printf(out, "    * %s\n", curl);
        }
        append_ending(out, h);
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

    if (g_str_has_prefix(opt_arg, TRACE_CLI ",") && opt_arg[strlen(TRACE_CLI ",")])
        filter = opt_arg + strlen(TRACE_CLI ",");
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
