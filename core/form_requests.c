/* 表三 when labels and numbers come apart: what the form's identities recover for certain.
 *
 * - Numbers no label claimed (PDF text prints a row's numbers before or after its label) go to
 *   the rows whose labels stand alone, in form order, read across or down the block, whichever
 *   alone satisfies the row identity (总计 = the six applicant columns).
 * - A table printed block by block (PDF text in reading order) is read again in the form's row
 *   order, each block across or down, keeping the cells every consistent reading agrees on.
 * - Runs of digits with several cuts are settled by the column identities of the whole table
 *   (（七）总计 = the results above it; new + carried in = total + carried out).
 * Everything else stays out, with a diagnostic. */
#include "form_reader.h"

#include <math.h>
#include <string.h>

/* Places a run of orphan numbers of 表三 on the given rows: across (row by row) or down (column
 * by column, as PDF converters print a block), whichever alone satisfies every row's identity. */
static int place_request_run(form_reader *rd, const int *toks, int n, const int *rows, int nrows)
{
    if (nrows == 0 || n != nrows * 7)
        return 0;
    int across_ok = 1, down_ok = 1, same = 1;
    for (int r = 0; r < nrows; r++) {
        double a[7], d[7];
        for (int k = 0; k < 7; k++) {
            a[k] = rd->toks.items[toks[r * 7 + k]].value;
            d[k] = rd->toks.items[toks[k * nrows + r]].value;
            same &= a[k] == d[k];
        }
        across_ok &= form_row_adds_up(a);
        down_ok &= form_row_adds_up(d);
    }
    int down = !across_ok && down_ok;
    if (!across_ok && !down_ok)
        return 0;
    if (across_ok && down_ok && !same)
        return 0;
    rd->scrambled |= down;
    for (int r = 0; r < nrows; r++) {
        form_row_state *st = &rd->rows[rows[r]];
        const char *dims[FORM_MAX_DIMS];
        st->ncols = reader_row_dims(rd, rows[r], dims);
        for (int k = 0; k < st->ncols; k++)
            st->cols[k] = dims[k];
        for (int k = 0; k < 7; k++) {
            const form_token *t = &rd->toks.items[toks[down ? k * nrows + r : r * 7 + k]];
            reader_put_slot(rd, rows[r], k, t, t->value, t->s);
        }
        st->filled = 7;
        st->lines_used = 2; /* recovered: treated as read from many lines */
    }
    return 1;
}

/* Rows that may take a run: labelled, empty, not an aggregate, between the rows around the run
 * in form order; first those whose labels stand between those rows in the text, then any. */
static int run_candidates(form_reader *rd, int prev, int next, int tok_lo, int tok_hi, int *rows)
{
    int n = 0;
    int lo = prev < 0 ? -1 : prev, hi = next < 0 ? rd->fc->nrows : next;
    for (int r = lo + 1; r < hi; r++) {
        const form_row_state *st = &rd->rows[r];
        if (rd->fc->rows[r].kind != rd->kind || !reader_row_in_form(rd, r) || !st->seen ||
            st->filled || reader_is_aggregate(rd, r))
            continue;
        if (tok_hi >= 0 && (st->label_tok < tok_lo || st->label_tok > tok_hi))
            continue;
        rows[n++] = r;
    }
    return n;
}

static void remember_unplaced(form_reader *rd, int line, int count)
{
    rd->unplaced += count;
    void *items = rd->unplaced_runs;
    if (gipr_grow(rd->c->arena, &items, &rd->cap_unplaced_runs, rd->nunplaced_runs,
                  sizeof(form_unplaced_run))) {
        rd->c->oom = 1;
        return;
    }
    rd->unplaced_runs = items;
    rd->unplaced_runs[rd->nunplaced_runs++] = (form_unplaced_run){line, count};
}

void requests_place_orphans(form_reader *rd)
{
    int *toks = gipr_arena_alloc(rd->c->arena, sizeof(int) * (size_t)(rd->norphans + 1));
    if (!toks) {
        rd->c->oom = 1;
        return;
    }
    for (int o = 0; o < rd->norphans;) {
        int e = o;
        while (e + 1 < rd->norphans && rd->orphans[e + 1].prev_row == rd->orphans[o].prev_row)
            e++;
        int n = e - o + 1;
        for (int k = 0; k < n; k++)
            toks[k] = rd->orphans[o + k].tok;
        int prev = rd->orphans[o].prev_row, next = rd->orphans[e].next_row;
        int tok_lo = prev >= 0 ? rd->rows[prev].label_tok : 0;
        int tok_hi = next >= 0 ? rd->rows[next].label_tok : rd->toks.n;
        int rows[FORM_MAX_ROWS];
        int nr = run_candidates(rd, prev, next, tok_lo, tok_hi, rows);
        int placed = place_request_run(rd, toks, n, rows, nr);
        if (!placed) {
            nr = run_candidates(rd, prev, next, 0, -1, rows);
            placed = place_request_run(rd, toks, n, rows, nr);
        }
        if (!placed)
            remember_unplaced(rd, rd->toks.items[toks[0]].line, n);
        o = e + 1;
    }
}

void requests_report_unplaced(form_reader *rd)
{
    for (int i = 0; i < rd->nunplaced_runs; i++)
        gipr_diag(rd->c,
                  "line %d: %d numbers of the table of section 三 stand apart from any row label "
                  "and could not be placed for certain; left out",
                  rd->unplaced_runs[i].line, rd->unplaced_runs[i].count);
}

/* ---- 表三 in the form's row order ---------------------------------------------------------------
 * PDF text in reading order prints 表三 block by block, each block of rows either across (row by
 * row) or down (column by column), with the labels wherever the converter put them. The numbers
 * still come in the form's row order, block after block. When the labels could not place them,
 * the whole table is read again that way: every cut of the numbers into blocks of consecutive
 * rows, each read across or down, in which every row satisfies its identity, is a possible
 * reading; a cell is read when all possible readings agree on it. */

enum { MAX_BLOCK_ROWS = 12, MAX_READINGS = 4096 };

typedef struct {
    const form_reader *rd;
    const form_token **nums; /* 表三's numbers in the order printed: 7 per row */
    const int *rows;         /* its rows with numbers, in form order */
    int nrows;
    unsigned char *ends;  /* ends[r]: rows r.. can be read to the end */
    unsigned char *holds; /* block_holds of every block, computed once */
    double *cur;          /* the reading being built, nrows × 7 */
    const form_token **cur_from;
    double *value; /* what the readings kept say of each cell */
    const form_token **from;
    unsigned char *known; /* per cell: 0 nothing yet, 1 one value, 2 several */
    long readings;
    int check_columns; /* keep only readings whose columns add up too */
    int kept;
} block_search;

static const form_token *block_token(const block_search *b, int r, int k, int down, int i, int col)
{
    int p = 7 * r;
    return b->nums[down ? p + col * k + i : p + i * 7 + col];
}

/* 1 when the k rows from row r, read across or down, each satisfy their identity. */
static int block_holds(const block_search *b, int r, int k, int down)
{
    for (int i = 0; i < k; i++) {
        double v[7];
        for (int col = 0; col < 7; col++)
            v[col] = block_token(b, r, k, down, i, col)->value;
        if (!form_row_adds_up(v))
            return 0;
    }
    return 1;
}

static int block_ok(const block_search *b, int r, int k, int down)
{
    return b->holds[((size_t)r * (MAX_BLOCK_ROWS + 1) + (size_t)k) * 2 + (size_t)down];
}

/* 表三's column identities on a whole reading: （七）总计 = the results above it, and new + carried
 * in = total + carried out, in every column. */
static int reading_columns_hold(const block_search *b)
{
    int total = -1, in_new = -1, in_old = -1, out = -1;
    for (int i = 0; i < b->nrows; i++) {
        const char *code = b->rd->fc->rows[b->rows[i]].entry->code;
        if (strcmp(code, "request.result.total") == 0)
            total = i;
        else if (strcmp(code, "request.new") == 0)
            in_new = i;
        else if (strcmp(code, "request.carried_in") == 0)
            in_old = i;
        else if (strcmp(code, "request.carried_out") == 0)
            out = i;
    }
    if (total < 0 || in_new < 0 || in_old < 0 || out < 0)
        return 0;
    for (int col = 0; col < 7; col++) {
        double sum = 0;
        for (int i = 0; i < b->nrows; i++)
            if (i != total &&
                strncmp(b->rd->fc->rows[b->rows[i]].entry->code, "request.result.", 15) == 0)
                sum += b->cur[i * 7 + col];
        double t = b->cur[total * 7 + col];
        if (fabs(sum - t) > 1e-6 || fabs(b->cur[in_new * 7 + col] + b->cur[in_old * 7 + col] - t -
                                         b->cur[out * 7 + col]) > 1e-6)
            return 0;
    }
    return 1;
}

static void merge_cell(block_search *b, size_t cell, double v, const form_token *t)
{
    if (b->known[cell] == 0) {
        b->known[cell] = 1;
        b->value[cell] = v;
        b->from[cell] = t;
    } else if (b->value[cell] != v) {
        b->known[cell] = 2;
    }
}

/* Every complete reading of rows r.. (depth first, at most MAX_READINGS of them). */
static void each_reading(block_search *b, int r)
{
    if (b->readings > MAX_READINGS)
        return;
    if (r == b->nrows) {
        b->readings++;
        if (b->check_columns && !reading_columns_hold(b))
            return;
        b->kept++;
        for (size_t cell = 0; cell < (size_t)b->nrows * 7; cell++)
            merge_cell(b, cell, b->cur[cell], b->cur_from[cell]);
        return;
    }
    for (int k = 1; k <= MAX_BLOCK_ROWS && r + k <= b->nrows; k++)
        for (int down = 0; down <= (k > 1); down++) {
            if (!b->ends[r + k] || !block_ok(b, r, k, down))
                continue;
            for (int i = 0; i < k; i++)
                for (int col = 0; col < 7; col++) {
                    const form_token *t = block_token(b, r, k, down, i, col);
                    b->cur[(r + i) * 7 + col] = t->value;
                    b->cur_from[(r + i) * 7 + col] = t;
                }
            each_reading(b, r + k);
        }
}

/* Without the column identities (a report whose columns do not add up, or too many readings):
 * every block on some complete reading says what it says of its cells. */
static void merge_blocks(block_search *b, const unsigned char *starts)
{
    for (int r = 0; r < b->nrows; r++)
        for (int k = 1; k <= MAX_BLOCK_ROWS && r + k <= b->nrows; k++)
            for (int down = 0; down <= (k > 1); down++) {
                if (!starts[r] || !b->ends[r + k] || !block_ok(b, r, k, down))
                    continue;
                for (int i = 0; i < k; i++)
                    for (int col = 0; col < 7; col++) {
                        const form_token *t = block_token(b, r, k, down, i, col);
                        merge_cell(b, (size_t)(r + i) * 7 + (size_t)col, t->value, t);
                    }
            }
}

int requests_read_in_form_order(form_reader *rd)
{
    int rows[FORM_MAX_ROWS], nrows = 0, nnums = 0;
    for (int r = 0; r < rd->fc->nrows; r++)
        if (rd->fc->rows[r].kind == GIPR_TABLE_REQUESTS && rd->fc->rows[r].entry &&
            rd->rows[r].seen && !reader_is_aggregate(rd, r))
            rows[nrows++] = r;
    for (int i = 0; i < rd->toks.n; i++) {
        int type = rd->toks.items[i].type;
        if (type == TOK_DIGITS || type == TOK_EMPTY)
            return 0; /* the cut relies on every cell being there, one number each */
        nnums += type == TOK_NUMBER;
    }
    if (nrows == 0 || nnums != nrows * 7)
        return 0;
    size_t cells = (size_t)nnums;
    block_search b = {.rd = rd, .rows = rows, .nrows = nrows};
    b.nums = gipr_arena_alloc(rd->c->arena, sizeof *b.nums * cells);
    b.ends = gipr_arena_alloc(rd->c->arena, (size_t)nrows + 1);
    unsigned char *starts = gipr_arena_alloc(rd->c->arena, (size_t)nrows + 1);
    b.cur = gipr_arena_alloc(rd->c->arena, sizeof *b.cur * cells);
    b.cur_from = gipr_arena_alloc(rd->c->arena, sizeof *b.cur_from * cells);
    b.value = gipr_arena_alloc(rd->c->arena, sizeof *b.value * cells);
    b.from = gipr_arena_alloc(rd->c->arena, sizeof *b.from * cells);
    b.known = gipr_arena_alloc(rd->c->arena, cells);
    if (!b.nums || !b.ends || !starts || !b.cur || !b.cur_from || !b.value || !b.from || !b.known) {
        rd->c->oom = 1;
        return 0;
    }
    for (int i = 0, k = 0; i < rd->toks.n; i++)
        if (rd->toks.items[i].type == TOK_NUMBER)
            b.nums[k++] = &rd->toks.items[i];
    size_t nblocks = (size_t)nrows * (MAX_BLOCK_ROWS + 1) * 2;
    b.holds = gipr_arena_alloc(rd->c->arena, nblocks);
    if (!b.holds) {
        rd->c->oom = 1;
        return 0;
    }
    memset(b.holds, 0, nblocks);
    for (int r = 0; r < nrows; r++)
        for (int k = 1; k <= MAX_BLOCK_ROWS && r + k <= nrows; k++)
            for (int down = 0; down <= (k > 1); down++)
                b.holds[((size_t)r * (MAX_BLOCK_ROWS + 1) + (size_t)k) * 2 + (size_t)down] =
                    (unsigned char)block_holds(&b, r, k, down);
    memset(b.ends, 0, (size_t)nrows + 1);
    memset(starts, 0, (size_t)nrows + 1);
    b.ends[nrows] = 1;
    for (int r = nrows - 1; r >= 0; r--)
        for (int k = 1; k <= MAX_BLOCK_ROWS && r + k <= nrows && !b.ends[r]; k++)
            for (int down = 0; down <= (k > 1); down++)
                if (b.ends[r + k] && block_ok(&b, r, k, down))
                    b.ends[r] = 1;
    if (!b.ends[0])
        return 0;
    starts[0] = 1;
    for (int r = 0; r < nrows; r++)
        for (int k = 1; starts[r] && k <= MAX_BLOCK_ROWS && r + k <= nrows; k++)
            for (int down = 0; down <= (k > 1); down++)
                if (block_ok(&b, r, k, down))
                    starts[r + k] = 1;
    memset(b.known, 0, cells);
    b.check_columns = 1;
    each_reading(&b, 0);
    if (b.readings > MAX_READINGS || b.kept == 0) {
        memset(b.known, 0, cells);
        merge_blocks(&b, starts);
    }
    int read = 0;
    for (int i = 0; i < nrows; i++) {
        form_row_state *st = &rd->rows[rows[i]];
        const char *dims[FORM_MAX_DIMS];
        st->ncols = reader_row_dims(rd, rows[i], dims);
        for (int col = 0; col < st->ncols; col++) {
            st->cols[col] = dims[col];
            st->v[col].has = 0;
        }
        for (int col = 0; col < 7; col++) {
            size_t cell = (size_t)i * 7 + (size_t)col;
            if (b.known[cell] == 1) {
                reader_put_slot(rd, rows[i], col, b.from[cell], b.value[cell], b.from[cell]->s);
                read++;
            }
        }
        st->filled = 7;
        st->lines_used = 1; /* every row it reads adds up */
    }
    gipr_diag(rd->c,
              "the table of section 三 was read in the form's row order, its blocks across "
              "or down as its sums require: %d of %d cells certain",
              read, nnums);
    return 1;
}

/* ---- 表三 across the whole table: its column identities ------------------------------------- */

enum { MAX_COMBINATIONS = 4096 };

/* The value of a row in column k under one choice of readings (pick[r] for ambiguous rows); an
 * aggregate with its sub-rows present counts as their sum. Returns 0 when unknown. */
static int column_value(const form_reader *rd, int row, int k, const int *pick, double *v)
{
    if (reader_is_aggregate(rd, row)) {
        double sum = 0;
        for (int r = 0; r < rd->fc->nrows; r++) {
            double x;
            if (rd->fc->rows[r].parent != row || !rd->rows[r].seen)
                continue;
            if (!column_value(rd, r, k, pick, &x))
                return 0;
            sum += x;
        }
        *v = sum;
        return 1;
    }
    const form_row_state *st = &rd->rows[row];
    if (st->ncands) {
        *v = st->cands[pick[row]].value[k];
        return 1;
    }
    if (k >= st->ncols || !st->v[k].has)
        return 0;
    *v = st->v[k].value;
    return 1;
}

static int row_of(const form_reader *rd, const char *code)
{
    for (int r = 0; r < rd->fc->nrows; r++)
        if (rd->fc->rows[r].entry && strcmp(rd->fc->rows[r].entry->code, code) == 0)
            return r;
    return -1;
}

/* 1 when every identity of 表三 that can be checked holds: （七）总计 = the results, and
 * new + carried in = total + carried out, per column. */
static int columns_hold(const form_reader *rd, const int *pick)
{
    int total = row_of(rd, "request.result.total");
    int in_new = row_of(rd, "request.new"), in_old = row_of(rd, "request.carried_in");
    int out = row_of(rd, "request.carried_out");
    for (int k = 0; k < 7; k++) {
        double t, sum = 0, x, a, b, c;
        int known = total >= 0 && column_value(rd, total, k, pick, &t);
        for (int r = 0; known && r < rd->fc->nrows; r++)
            if (rd->fc->rows[r].parent == total && rd->rows[r].seen) {
                known = column_value(rd, r, k, pick, &x);
                sum += x;
            }
        if (known && fabs(sum - t) > 1e-6)
            return 0;
        if (total >= 0 && in_new >= 0 && in_old >= 0 && out >= 0 &&
            column_value(rd, total, k, pick, &t) && column_value(rd, in_new, k, pick, &a) &&
            column_value(rd, in_old, k, pick, &b) && column_value(rd, out, k, pick, &c) &&
            fabs(a + b - t - c) > 1e-6)
            return 0;
    }
    return 1;
}

/* A row whose digits the column sums did not settle: what its readings gave it. */
static void unsettled(form_reader *rd, int row)
{
    form_row_state *st = &rd->rows[row];
    reader_diag_several_cuts(rd, row, st->cands_tok, 7,
                             st->cands_agreed ? "kept the cells all readings agree on"
                                              : "left out");
    st->ncands = 0;
}

/* Rows whose digits admit several readings: the reading every consistent completion of the table
 * uses is the row's; rows the columns do not settle keep what all their readings agree on. */
void requests_settle_by_columns(form_reader *rd)
{
    int rows[FORM_MAX_ROWS], n = 0;
    long combos = 1;
    for (int r = 0; r < rd->fc->nrows; r++)
        if (rd->rows[r].ncands) {
            rows[n++] = r;
            combos *= rd->rows[r].ncands;
            if (combos > MAX_COMBINATIONS)
                break;
        }
    if (n == 0)
        return;
    if (combos > MAX_COMBINATIONS) {
        gipr_diag(rd->c, "the table of section 三 has too many rows run together to settle");
        for (int r = 0; r < rd->fc->nrows; r++)
            if (rd->rows[r].ncands)
                unsettled(rd, r);
        return;
    }
    int pick[FORM_MAX_ROWS] = {0};
    unsigned long long used[FORM_MAX_ROWS] = {0}; /* bit i: reading i fits some completion */
    int overflow[FORM_MAX_ROWS] = {0};
    for (long c = 0; c < combos; c++) {
        long rest = c;
        for (int i = 0; i < n; i++) {
            pick[rows[i]] = (int)(rest % rd->rows[rows[i]].ncands);
            rest /= rd->rows[rows[i]].ncands;
        }
        if (!columns_hold(rd, pick))
            continue;
        for (int i = 0; i < n; i++) {
            if (pick[rows[i]] < 64)
                used[i] |= 1ull << pick[rows[i]];
            else
                overflow[i] = 1;
        }
    }
    for (int i = 0; i < n; i++) {
        form_row_state *st = &rd->rows[rows[i]];
        int only = -1, count = 0;
        for (int b = 0; b < 64; b++)
            if (used[i] >> b & 1ull) {
                only = b;
                count++;
            }
        if (count == 1 && !overflow[i]) {
            for (int k = 0; k < 7; k++)
                reader_put_part(rd, rows[i], k, st->cands_tok, &st->cands[only], k);
            gipr_diag(rd->c, "line %d: %s: digits '%s' settled by the table's column sums",
                      st->cands_tok->line, rd->fc->rows[rows[i]].entry->code, st->cands_tok->s);
            st->ncands = 0;
        } else {
            unsettled(rd, rows[i]);
        }
    }
}

/* 1 when a row of 表三 spans sub-rows in the given form (（三）不予公开; （六）其他处理 in the
 * 2021 form), and so has no numbers of its own. */
static int spans_sub_rows(const form_catalog *fc, int row, int form)
{
    return row + 1 < fc->nrows && fc->rows[row + 1].parent == row &&
           (fc->rows[row + 1].forms & form);
}

/* The rows of 表三 that hold numbers in the given form, in form order; returns the count. */
static int numbered_rows(const form_catalog *fc, int form, int *rows)
{
    int n = 0;
    for (int r = 0; r < fc->nrows; r++)
        if (fc->rows[r].kind == GIPR_TABLE_REQUESTS && fc->rows[r].entry &&
            (fc->rows[r].forms & form) && !spans_sub_rows(fc, r, form))
            rows[n++] = r;
    return n;
}

static int names_a_row(const form_reader *rd)
{
    for (int i = 0; i < rd->toks.n; i++) {
        const form_token *t = &rd->toks.items[i];
        size_t label_at;
        if (t->type == TOK_TEXT &&
            form_match_glued_row(rd->fc, GIPR_TABLE_REQUESTS, t->s, t->len, &label_at) >= 0)
            return 1;
    }
    return 0;
}

/* Fills the rows of the form from the numbers in form order, seven a row; returns 1 when every
 * row and column identity holds, else clears them again. */
static int fill_in_form_order(form_reader *rd, const int *rows, int nrows, const int *nums)
{
    for (int r = 0; r < rd->fc->nrows; r++)
        if (rd->fc->rows[r].kind == GIPR_TABLE_REQUESTS && (rd->fc->rows[r].forms & rd->form))
            rd->rows[r].seen = 1; /* aggregates too: the column sums go through them */
    int holds = 1;
    for (int i = 0; i < nrows; i++) {
        form_row_state *st = &rd->rows[rows[i]];
        const char *dims[FORM_MAX_DIMS];
        st->ncols = reader_row_dims(rd, rows[i], dims);
        double v[7];
        for (int k = 0; k < 7 && k < st->ncols; k++) {
            const form_token *t = &rd->toks.items[nums[i * 7 + k]];
            st->cols[k] = dims[k];
            reader_put_slot(rd, rows[i], k, t, t->value, t->s);
            v[k] = t->value;
        }
        st->filled = st->ncols;
        holds &= st->ncols == 7 && form_row_adds_up(v);
    }
    int pick[FORM_MAX_ROWS] = {0};
    if (holds && columns_hold(rd, pick))
        return 1;
    for (int r = 0; r < rd->fc->nrows; r++)
        memset(&rd->rows[r], 0, sizeof rd->rows[r]);
    return 0;
}

int requests_read_unlabelled(form_reader *rd)
{
    if (names_a_row(rd))
        return 0;
    int *nums = gipr_arena_alloc(rd->c->arena, sizeof *nums * ((size_t)rd->toks.n + 1));
    if (!nums) {
        rd->c->oom = 1;
        return 0;
    }
    int n = 0, other_cells = 0, line = 0;
    for (int i = 0; i < rd->toks.n; i++) {
        int type = rd->toks.items[i].type;
        if (type == TOK_NUMBER && !line)
            line = rd->toks.items[i].line;
        if (type == TOK_NUMBER)
            nums[n++] = i;
        else
            other_cells += type != TOK_TEXT;
    }
    if (n == 0)
        return 0;
    int rows[FORM_MAX_ROWS], nrows = numbered_rows(rd->fc, rd->form, rows);
    int other[FORM_MAX_ROWS];
    int other_form = rd->form == FORM_2021 ? FORM_2019 : FORM_2021;
    if (other_cells || n != nrows * 7) {
        int fits_other = !other_cells && n == numbered_rows(rd->fc, other_form, other) * 7;
        gipr_diag(rd->c,
                  "line %d: the table of section 三 gives %d %s without row labels, %s; left out",
                  line, n + other_cells, other_cells ? "cells, some blank or run together," : "numbers",
                  fits_other ? "the cell count of the other form than the report's"
                             : "not the cell count of its form");
        return 0;
    }
    if (!fill_in_form_order(rd, rows, nrows, nums)) {
        gipr_diag(rd->c,
                  "line %d: the %d numbers of the table of section 三 without row labels do not "
                  "add up in the form's order; left out",
                  line, n);
        return 0;
    }
    gipr_diag(rd->c,
              "line %d: the table of section 三 has no row labels; its %d numbers read in the "
              "form's order, every sum holding",
              line, n);
    return 1;
}
