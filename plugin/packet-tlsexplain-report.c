/* packet-tlsexplain-report.c: tshark -q -z tlsexplain,advice[,FILTER].
 *
 * The advice of the capture's handshakes (tlsx_advice.h) as a report a
 * person can act on, printed at the end of the run: per server, most costly
 * first (round trips x connections), what cost round trips and what saved
 * them, each with how many of the server's handshakes it concerns and the
 * frames that prove it; then a table of the servers (handshakes, versions,
 * resumptions, HelloRetryRequests, median connection set-up and its round
 * trips, the kinds of advice); then the security notes.  The core groups,
 * sums, orders and works out the medians (tlsx_advice_report.h); this file
 * words it in the labels' language and formats every number.
 *
 * A handshake is read at the end of the run, as the whole capture left it:
 * one pass and two print the same.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include <stdio.h>

#include <epan/stat_tap_ui.h>
#include <epan/tap.h>

#include "tlsx_advice_report.h"
#include "tlsx_cipher.h"
#include "tlsx_group.h"
#include "tlsx_label.h"

#define L(key) tlsx_label(tlsexplain_label_lang(), TLSX_LABEL_##key)

#define ADVICE_CLI "tlsexplain,advice"

/* At most this many frames are listed for one line of advice. */
#define FRAMES_SHOWN 20

typedef struct {
    guint32 id;
    char *server; /* "addr:port" */
    const tlsexplain_record *rec;
} advice_handshake;

typedef struct {
    char *filter;
    GHashTable *seen;      /* handshake numbers already kept */
    GPtrArray *handshakes; /* advice_handshake *, in order of first step */
} advice_data;

static void handshake_free(gpointer p)
{
    advice_handshake *h = (advice_handshake *)p;
    g_free(h->server);
    g_free(h);
}

static void advice_reset(void *tapdata)
{
    advice_data *ad = (advice_data *)tapdata;
    g_ptr_array_set_size(ad->handshakes, 0);
    g_hash_table_remove_all(ad->seen);
}

static tap_packet_status advice_packet(void *tapdata, packet_info *pinfo, epan_dissect_t *edt _U_,
                                       const void *data, tap_flags_t flags _U_)
{
    advice_data *ad = (advice_data *)tapdata;
    const tlsexplain_frame *fs = (const tlsexplain_frame *)data;

    for (guint i = 0; i < fs->count; i++) {
        const tlsexplain_frame_step *f = &fs->steps[i];
        if (!f->st.step || g_hash_table_contains(ad->seen, GUINT_TO_POINTER(f->st.handshake)))
            continue;
        g_hash_table_add(ad->seen, GUINT_TO_POINTER(f->st.handshake));
        advice_handshake *h = g_new0(advice_handshake, 1);
        h->id = f->st.handshake;
        h->rec = f->rec;
        h->server = f->st.side == TLSX_CLIENT ? tlsexplain_endpoint(&pinfo->dst, pinfo->destport)
                                              : tlsexplain_endpoint(&pinfo->src, pinfo->srcport);
        g_ptr_array_add(ad->handshakes, h);
    }
    return TAP_PACKET_REDRAW;
}

/* "a.example (192.0.2.1:443)", "a.example (192.0.2.1:443 and 1 more)",
 * "192.0.2.1:443" for a server that named none. */
static void server_name(GString *out, const tlsx_report_server *s)
{
    g_string_append(out, s->name);
    if (strcmp(s->name, s->address) == 0)
        return;
    g_string_append_printf(out, "%s%s", L(OPEN), s->address);
    if (s->addresses > 1)
        g_string_append_printf(out, "%s%u%s", L(ADVICE_MORE_ADDRESSES), s->addresses - 1,
                               L(ADVICE_MORE_AFTER));
    g_string_append(out, L(CLOSE));
}

static void append_figure(GString *out, const tlsx_report_item *it)
{
    if (!it->figure)
        return;
    switch (it->kind) {
    case TLSX_ADVICE_HRR: {
        const char *name = tlsx_group_name(it->figure);
        if (name)
            g_string_append_printf(out, "%s%s", L(ADVICE_GROUP), name);
        else
            g_string_append_printf(out, "%s0x%04x", L(ADVICE_GROUP), it->figure);
        break;
    }
    case TLSX_ADVICE_OLD_VERSION: {
        const char *name = tlsx_version_name(it->figure);
        g_string_append_printf(out, "%s%s", L(TRACE_HEADING), name ? name : "?");
        break;
    }
    case TLSX_ADVICE_RSA_KEYX:
    case TLSX_ADVICE_CBC_NO_ETM: {
        const char *name = tlsx_cipher_openssl_name(it->figure);
        if (name)
            g_string_append_printf(out, "%s%s", L(TRACE_HEADING), name);
        else
            g_string_append_printf(out, "%s0x%04x", L(TRACE_HEADING), it->figure);
        break;
    }
    default:
        break;
    }
}

/* "  - <what> (2 of 3 handshakes; round trips lost: 2; frames 40, 77)" */
static void append_item(GString *out, const tlsx_report *r, const tlsx_report_item *it)
{
    const tlsx_report_server *s = &r->servers[it->server];
    if (it->kind >= TLSX_ADVICE_KINDS)
        return;
    g_string_append_printf(
        out, "  - %s",
        tlsx_label(tlsexplain_label_lang(), (tlsx_label_key)(TLSX_LABEL_ADVICE_CWND + it->kind)));
    append_figure(out, it);
    g_string_append_printf(out, "%s%u%s%u%s", L(OPEN), it->count, L(ADVICE_OF), s->handshakes,
                           L(ADVICE_HANDSHAKES));
    if (it->cls == TLSX_ADVICE_COST && it->rtts)
        g_string_append_printf(out, "%s%u", L(ADVICE_LOST), it->rtts);
    else if (it->cls == TLSX_ADVICE_SAVED && it->rtts)
        g_string_append_printf(out, "%s%u", L(ADVICE_SAVED), it->rtts);
    g_string_append(out, it->nframes == 1 ? L(ADVICE_FRAME) : L(ADVICE_FRAMES));
    for (guint32 k = 0; k < it->nframes && k < FRAMES_SHOWN; k++)
        g_string_append_printf(out, "%s%u", k ? ", " : "", it->frames[k]);
    if (it->nframes > FRAMES_SHOWN)
        g_string_append(out, ", ...");
    g_string_append_printf(out, "%s\n", L(CLOSE));
}

/* The items of one class or more, per server; FALSE when none. */
static gboolean append_items(GString *out, const tlsx_report *r, gboolean speed)
{
    gboolean any = FALSE;
    guint32 server = G_MAXUINT32;
    for (guint32 i = 0; i < r->nitems; i++) {
        const tlsx_report_item *it = &r->items[i];
        if ((it->cls == TLSX_ADVICE_SECURITY) == speed)
            continue;
        any = TRUE;
        if (it->server != server) {
            const tlsx_report_server *s = &r->servers[it->server];
            server = it->server;
            server_name(out, s);
            if (speed && s->cost)
                g_string_append_printf(out, "%s%u", L(ADVICE_COST_BEFORE), s->cost);
            else if (speed)
                g_string_append(out, L(ADVICE_NO_COST));
            g_string_append_c(out, '\n');
        }
        append_item(out, r, it);
    }
    return any;
}

/* The columns' widths as a terminal shows them: a CJK character takes two. */
static guint display_width(const char *s)
{
    guint w = 0;
    for (const char *p = s; *p; p = g_utf8_next_char(p))
        w += g_unichar_iswide(g_utf8_get_char(p)) ? 2 : 1;
    return w;
}

#define COLUMNS 8

static void append_table(GString *out, const tlsx_report *r)
{
    GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
    static const tlsx_label_key heads[COLUMNS] = {
        TLSX_LABEL_COLUMN_SERVER,     TLSX_LABEL_COLUMN_HANDSHAKES, TLSX_LABEL_COLUMN_VERSIONS,
        TLSX_LABEL_COLUMN_RESUMED,    TLSX_LABEL_COLUMN_HRR,        TLSX_LABEL_COLUMN_SETUP,
        TLSX_LABEL_COLUMN_SETUP_RTTS, TLSX_LABEL_COLUMN_ADVICE,
    };
    for (guint c = 0; c < COLUMNS; c++)
        g_ptr_array_add(cells, g_strdup(tlsx_label(tlsexplain_label_lang(), heads[c])));
    for (guint32 i = 0; i < r->nservers; i++) {
        const tlsx_report_server *s = &r->servers[i];
        GString *cell = g_string_new(NULL);
        server_name(cell, s);
        g_ptr_array_add(cells, g_string_free(cell, FALSE));
        g_ptr_array_add(cells, g_strdup_printf("%u", s->handshakes));
        cell = g_string_new(NULL);
        for (guint32 v = 0; v < s->nversions; v++) {
            const char *name = s->versions[v].version ? tlsx_version_name(s->versions[v].version)
                                                      : L(UNKNOWN_VERSION);
            g_string_append_printf(cell, "%s%s %u", v ? ", " : "", name ? name : "?",
                                   s->versions[v].count);
        }
        g_ptr_array_add(cells, g_string_free(cell, FALSE));
        g_ptr_array_add(cells, g_strdup_printf("%u%s%u", s->resumed, L(ADVICE_OF), s->handshakes));
        g_ptr_array_add(cells, g_strdup_printf("%u", s->hrr));
        if (s->setups) {
            char ms[TLSX_TIME_TEXT_SIZE];
            g_ptr_array_add(cells, g_strdup(tlsexplain_ms_text(ms, s->median_setup)));
            g_ptr_array_add(cells, s->median_rtts_x2 % 2
                                       ? g_strdup_printf("%u.5", s->median_rtts_x2 / 2)
                                       : g_strdup_printf("%u", s->median_rtts_x2 / 2));
        } else {
            g_ptr_array_add(cells, g_strdup("-"));
            g_ptr_array_add(cells, g_strdup("-"));
        }
        cell = g_string_new(NULL);
        for (guint k = 0; k < TLSX_ADVICE_KINDS; k++)
            if (s->advice[k])
                g_string_append_printf(cell, "%s%s %u", cell->len ? ", " : "",
                                       tlsx_advice_kind_name((uint8_t)k), s->advice[k]);
        if (!cell->len)
            g_string_append_c(cell, '-');
        g_ptr_array_add(cells, g_string_free(cell, FALSE));
    }
    guint width[COLUMNS] = {0};
    for (guint i = 0; i < cells->len; i++)
        width[i % COLUMNS] =
            MAX(width[i % COLUMNS], display_width((const char *)g_ptr_array_index(cells, i)));
    for (guint i = 0; i < cells->len; i++) {
        const char *cell = (const char *)g_ptr_array_index(cells, i);
        g_string_append(out, cell);
        if (i % COLUMNS == COLUMNS - 1) {
            g_string_append_c(out, '\n');
            continue;
        }
        for (guint w = display_width(cell); w < width[i % COLUMNS] + 2; w++)
            g_string_append_c(out, ' ');
    }
    g_ptr_array_free(cells, TRUE);
}

static void advice_draw(void *tapdata)
{
    advice_data *ad = (advice_data *)tapdata;
    /* The room grows with the handshakes; too many for it: a report of none
     * (over 390 million handshakes, more than a 32-bit count of frames). */
    const guint n = tlsx_report_room(ad->handshakes->len) ? ad->handshakes->len : 0;
    tlsx_report_handshake *hs = g_new0(tlsx_report_handshake, MAX(n, 1));
    for (guint i = 0; i < n; i++) {
        const advice_handshake *h = (const advice_handshake *)g_ptr_array_index(ad->handshakes, i);
        const tlsexplain_record *rec = h->rec;
        const tlsx_summary *s = tlsexplain_summary_of(rec);
        tlsx_report_handshake *rh = &hs[i];
        rh->name = rec->sni;
        rh->address = h->server;
        rh->handshake = h->id;
        if (s) {
            rh->ended = TRUE;
            rh->complete = s->complete;
            rh->resumed = s->resumed;
            rh->hrr = s->hrr;
            rh->version = s->version;
            rh->has_setup = rec->has_setup;
            rh->setup = rec->setup_time;
            rh->setup_rtts = rec->setup_rtts;
            rh->advice = rec->advice;
        }
    }
    tlsx_report r;
    void *room = g_malloc(tlsx_report_room(n));
    tlsx_report_make(&r, hs, n, room);

    GString *out = g_string_new(NULL);
    g_string_append(out, "\n===================================================================\n");
    g_string_append_printf(out, "%s\n", L(ADVICE_TITLE));
    g_string_append_printf(out, "%s%s\n", L(TRACE_FILTER),
                           ad->filter ? ad->filter : L(TRACE_NO_FILTER));
    g_string_append_printf(out, "%s%u%s%u\n", L(TRACE_COUNT), r.handshakes, L(ADVICE_SERVERS),
                           r.nservers);
    if (r.nservers) {
        GString *speed = g_string_new(NULL), *security = g_string_new(NULL);
        gboolean any_speed = append_items(speed, &r, TRUE);
        gboolean any_security = append_items(security, &r, FALSE);
        if (!any_speed && !any_security)
            g_string_append_printf(out, "\n%s\n", L(ADVICE_NONE));
        if (any_speed)
            g_string_append_printf(out, "\n%s\n%s", L(ADVICE_SPEED), speed->str);
        g_string_append_printf(out, "\n%s\n", L(ADVICE_TABLE));
        append_table(out, &r);
        if (any_security)
            g_string_append_printf(out, "\n%s\n%s", L(ADVICE_SECURITY), security->str);
        g_string_free(speed, TRUE);
        g_string_free(security, TRUE);
    }
    g_string_append(out, "===================================================================\n");
    g_free(room);
    g_free(hs);
    fputs(out->str, stdout);
    g_string_free(out, TRUE);
}

static void advice_finish(void *tapdata)
{
    advice_data *ad = (advice_data *)tapdata;
    g_ptr_array_free(ad->handshakes, TRUE);
    g_hash_table_destroy(ad->seen);
    g_free(ad->filter);
    g_free(ad);
}

static TLSEXPLAIN_STAT_TAP_INIT_RESULT advice_init(const char *opt_arg, void *userdata _U_)
{
    advice_data *ad = g_new0(advice_data, 1);
    const char *filter = NULL;
    if (g_str_has_prefix(opt_arg, ADVICE_CLI ",") && opt_arg[strlen(ADVICE_CLI ",")])
        filter = opt_arg + strlen(ADVICE_CLI ",");
    ad->filter = g_strdup(filter);
    ad->handshakes = g_ptr_array_new_with_free_func(handshake_free);
    ad->seen = g_hash_table_new(g_direct_hash, g_direct_equal);

    GString *error = register_tap_listener("tlsexplain", ad, filter, TL_REQUIRES_NOTHING,
                                           advice_reset, advice_packet, advice_draw, advice_finish);
    if (error) {
        fprintf(stderr, "tlsexplain,advice: could not register its tap listener: %s\n", error->str);
        g_string_free(error, TRUE);
        advice_finish(ad);
        TLSEXPLAIN_STAT_TAP_INIT_FAIL();
    }
    TLSEXPLAIN_STAT_TAP_INIT_OK();
}

static tap_param advice_params[] = {
    {PARAM_FILTER, "filter", "Filter", NULL, TRUE},
};

static stat_tap_ui advice_ui = {
    REGISTER_STAT_GROUP_GENERIC,
    "TLS Handshake Explainer advice",
    ADVICE_CLI,
    advice_init,
    G_N_ELEMENTS(advice_params),
    advice_params,
};

void tlsexplain_advice_report_register(void)
{
    register_stat_tap_ui(&advice_ui, NULL);
}
