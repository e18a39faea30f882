/* packet-tlsexplain-store.c: what is kept of a frame's steps between passes.
 *
 * Every frame with steps keeps them for the second pass and for each click
 * in the GUI, for the whole life of the capture file, so they are kept
 * small: packed by tlsx_pack.c (a few bytes a step), after the numbers of
 * the handshakes they belong to (whose records a table finds), one after
 * the other in 64 KiB blocks of file-scope memory.  An index of (frame number, place), 8 bytes a
 * frame in blocks of its own, finds them: the first pass stores frames in
 * order, so the index only grows at its end and a lookup is a binary search.
 * Frame proto data would cost a list node and an entry per frame, and a
 * doubling array up to twice its size.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "tlsexplain.h"

#include "tlsx_pack.h"

#define BLOCK_BITS 16
#define BLOCK_SIZE (1u << BLOCK_BITS)
#define INDEX_BLOCK 8192  /* entries */
#define RECORD_BLOCK 4096 /* records */

typedef struct {
    guint32 frame;
    guint32 place; /* block number << BLOCK_BITS | offset in the block */
} entry;

/* Grows a file-scope array of pointers by doubling: it holds one pointer a
 * block, so it stays small. */
typedef struct {
    gpointer *v;
    guint len, size;
} pointers;

static pointers blocks;  /* of kept steps; a frame larger than a block has one of its own */
static gsize block_used; /* in the last block */
static pointers indexes; /* blocks of INDEX_BLOCK entries */
static pointers records; /* blocks of RECORD_BLOCK records, by handshake number */
static guint entries;    /* in all */
static gboolean in_order;

void tlsexplain_store_init(void)
{
    memset(&blocks, 0, sizeof blocks);
    memset(&indexes, 0, sizeof indexes);
    memset(&records, 0, sizeof records);
    block_used = BLOCK_SIZE;
    entries = 0;
    in_order = TRUE;
}

static void append(pointers *p, gpointer item)
{
    if (p->len == p->size) {
        p->size = p->size ? p->size * 2 : 64;
        p->v = (gpointer *)wmem_realloc(wmem_file_scope(), p->v, p->size * sizeof(gpointer));
    }
    p->v[p->len++] = item;
}

/* Copies n bytes in; returns their place. */
static guint32 keep(const guint8 *bytes, gsize n)
{
    if (n > BLOCK_SIZE) {
        guint8 *own = (guint8 *)wmem_alloc(wmem_file_scope(), n);
        memcpy(own, bytes, n);
        append(&blocks, own);
        block_used = BLOCK_SIZE; /* the next frame starts a new block */
        return (blocks.len - 1) << BLOCK_BITS;
    }
    if (block_used + n > BLOCK_SIZE) {
        append(&blocks, wmem_alloc(wmem_file_scope(), BLOCK_SIZE));
        block_used = 0;
    }
    const guint32 place = ((blocks.len - 1) << BLOCK_BITS) | (guint32)block_used;
    memcpy((guint8 *)blocks.v[blocks.len - 1] + block_used, bytes, n);
    block_used += n;
    return place;
}

static const guint8 *bytes_at(guint32 place)
{
    return (const guint8 *)blocks.v[place >> BLOCK_BITS] + (place & (BLOCK_SIZE - 1));
}

static entry *entry_at(guint i)
{
    return (entry *)indexes.v[i / INDEX_BLOCK] + i % INDEX_BLOCK;
}

/* The first entry whose frame is not below frame. */
static guint position_of(guint32 frame)
{
    guint lo = 0, hi = entries;
    while (lo < hi) {
        const guint mid = lo + (hi - lo) / 2;
        if (entry_at(mid)->frame < frame)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void index_add(guint32 frame, guint32 place)
{
    if (entries && entry_at(entries - 1)->frame >= frame) {
        /* Not the first pass's order: keep the entries sorted (never seen
         * in tshark or the GUI, which store each frame once, in order). */
        const guint at = position_of(frame);
        if (at < entries && entry_at(at)->frame == frame) {
            entry_at(at)->place = place;
            return;
        }
        in_order = FALSE;
    }
    if (entries == indexes.len * INDEX_BLOCK)
        append(&indexes, wmem_alloc(wmem_file_scope(), INDEX_BLOCK * sizeof(entry)));
    entry_at(entries)->frame = frame;
    entry_at(entries)->place = place;
    entries++;
    for (guint i = entries - 1; !in_order && i > 0 && entry_at(i - 1)->frame > frame; i--) {
        const entry tmp = *entry_at(i - 1);
        *entry_at(i - 1) = *entry_at(i);
        *entry_at(i) = tmp;
    }
}

static tlsexplain_record **record_slot(guint32 id)
{
    const guint block = (id - 1) / RECORD_BLOCK;
    while (records.len <= block)
        append(&records,
               wmem_alloc0(wmem_file_scope(), RECORD_BLOCK * sizeof(tlsexplain_record *)));
    return (tlsexplain_record **)records.v[block] + (id - 1) % RECORD_BLOCK;
}

void tlsexplain_store_record(tlsexplain_record *rec)
{
    if (rec->id)
        *record_slot(rec->id) = rec;
}

static tlsexplain_record *record_of(guint32 id)
{
    const guint block = (id - 1) / RECORD_BLOCK;
    if (id == 0 || block >= records.len)
        return NULL;
    return ((tlsexplain_record **)records.v[block])[(id - 1) % RECORD_BLOCK];
}

void tlsexplain_store_frame(packet_info *pinfo, const tlsexplain_frame *fs)
{
    /* The frame's records, each once, in order of first use: as many as it
     * has steps at most (one segment can hold dozens of Client Hellos). */
    const tlsexplain_record **recs =
        wmem_alloc_array(pinfo->pool, const tlsexplain_record *, fs->count);
    guint nrec = 0;
    tlsx_pack_step *steps = wmem_alloc_array(pinfo->pool, tlsx_pack_step, fs->count);
    for (guint i = 0; i < fs->count; i++) {
        const tlsexplain_frame_step *f = &fs->steps[i];
        guint r = 0;
        while (r < nrec && recs[r] != f->rec)
            r++;
        if (r == nrec)
            recs[nrec++] = f->rec;
        steps[i].st = f->st;
        steps[i].record = r;
        steps[i].point = f->point;
        steps[i].rtt_estimated = f->rtt_estimated;
        steps[i].rtt = f->rtt;
        /* Measured by TCP: the connection's, which the record points to. */
        steps[i].rtt_elsewhere = !f->rtt_estimated && f->rec->tcp && f->rec->tcp->known &&
                                 tlsx_time_cmp(f->rtt, f->rec->tcp->rtt) == 0;
    }

    guint8 *bytes =
        (guint8 *)wmem_alloc(pinfo->pool, 10 + (gsize)nrec * 10 + tlsx_pack_bound(fs->count));
    guint8 *p = tlsx_pack_uint(bytes, nrec);
    for (guint r = 0; r < nrec; r++)
        p = tlsx_pack_uint(p, recs[r]->id);
    p += tlsx_pack(steps, fs->count, p);
    index_add(pinfo->num, keep(bytes, (gsize)(p - bytes)));
}

tlsexplain_frame *tlsexplain_stored_frame(packet_info *pinfo)
{
    const guint at = position_of(pinfo->num);
    if (at == entries || entry_at(at)->frame != pinfo->num)
        return NULL;
    const guint8 *packed = bytes_at(entry_at(at)->place);
    guint64 n;
    packed = tlsx_unpack_uint(packed, &n);
    const guint nrec = (guint)n;
    tlsexplain_record **recs = wmem_alloc_array(pinfo->pool, tlsexplain_record *, nrec ? nrec : 1);
    for (guint r = 0; r < nrec; r++) {
        guint64 id;
        packed = tlsx_unpack_uint(packed, &id);
        recs[r] = id <= G_MAXUINT32 ? record_of((guint32)id) : NULL;
        if (!recs[r])
            return NULL; /* cannot happen: every record is stored */
    }

    const guint count = tlsx_unpack_count(packed);
    tlsx_pack_step *steps = wmem_alloc_array(pinfo->pool, tlsx_pack_step, count);
    tlsx_unpack(packed, steps);
    tlsexplain_frame *fs = (tlsexplain_frame *)wmem_alloc(
        pinfo->pool, sizeof(tlsexplain_frame) + count * sizeof(tlsexplain_frame_step));
    fs->count = count;
    fs->first_pass = FALSE;
    for (guint i = 0; i < count; i++) {
        tlsexplain_frame_step *f = &fs->steps[i];
        memset(f, 0, sizeof *f);
        f->st = steps[i].st;
        f->rec = recs[steps[i].record < nrec ? steps[i].record : 0];
        f->st.handshake = f->rec->id;
        f->point = steps[i].point;
        f->rtt_estimated = steps[i].rtt_estimated;
        f->rtt = steps[i].rtt_elsewhere ? f->rec->tcp->rtt : steps[i].rtt;
    }
    return fs;
}
