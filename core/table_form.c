/* The tables of the t2019/t2021 forms (国办公开办函〔2019〕60号, 〔2021〕30号): 表二 (第二十条,
 * section 二), 表三 (requests, section 三) and 表四 (reviews and lawsuits, section 四).
 *
 * Finding them (gipr_find_form_tables): each table opens with a cue of its own (第二十条第（一）项
 * or 信息内容; 申请人情况 or 一、本年新收…; 行政复议) and runs until the report's next heading or
 * prose sentence. Its lines are cut into cells at tabs, pipes and wide gaps.
 *
 * Reading them (gipr_read_form_tables): the cells become tokens (form_tokens.c); a label names a
 * row of the catalog (form_rows.c) and the numbers after it fill the row's columns in the fixed
 * order of the form. What converters do to tables is undone where the result is certain:
 * digits run together are cut by the forms' identities (digit_split.c); numbers printed before
 * or away from their labels (PDF text) go to the rows whose labels stand alone, in form order,
 * read across or down the table, whichever satisfies 表三's row identity; a column printed
 * apart from its block goes to the one row that lacks it. Anything else is left out, with a
 * diagnostic: never a guess. */
#include "cells.h"
#include "form_reader.h"
#include "tables.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- finding the tables ------------------------------------------------------------------- */

enum { SHORT_LINE_CHARS = 45, KEY_BUF = 512 };

static size_t line_key(const char *s, size_t n, char *key)
{
    return gipr_label_key(s, n, key, KEY_BUF);
}

static size_t utf8_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The first cell of a line: text up to a tab, a pipe or a wide gap. */
static size_t first_cell_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == '|' || s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t start = i;
    while (i < n && s[i] != '\t' && s[i] != '|' && !(s[i] == ' ' && i + 1 < n && s[i + 1] == ' '))
        i++;
    return i - start;
}

static const char *skip_lead(const char *s)
{
    while (*s == '|' || *s == ' ' || *s == '\t')
        s++;
    return s;
}

/* The table a line opens, or 0. */
static int opens_table(const form_catalog *fc, const char *s, size_t n)
{
    if (gipr_contains(s, n, "。"))
        return 0;
    char key[KEY_BUF];
    size_t len = line_key(s, n, key);
    size_t chars = utf8_count(key, len);
    /* a numbered line (（一）行政复议) is a heading of the narrative, not a table's caption */
    char number[16];
    form_list_number(skip_lead(s), first_cell_len(s, n), number, sizeof number);
    if (number[0] == 0 && (starts_with(key, "第二十条第") || starts_with(key, "信息内容")))
        return GIPR_TABLE_ART20;
    if (starts_with(key, "申请人情况") || (strstr(key, "申请人情况") && chars <= 20))
        return GIPR_TABLE_REQUESTS;
    const char *first = skip_lead(s);
    int row = form_match_row(fc, GIPR_TABLE_REQUESTS, first, first_cell_len(s, n));
    if (row >= 0 && strcmp(fc->rows[row].entry->code, "request.new") == 0)
        return GIPR_TABLE_REQUESTS;
    if (number[0] == 0 && starts_with(key, "行政复议") &&
        (chars <= 20 || strstr(key, "结果维持") || strstr(key, "尚未审结")))
        return GIPR_TABLE_REVIEWS;
    return 0;
}

/* 1 when a line ends the table of the given kind: the report's next heading, or prose. */
static int ends_table(const form_catalog *fc, int kind, const char *s, size_t n)
{
    if (gipr_contains(s, n, "。"))
        return 1;
    char key[KEY_BUF];
    size_t len = line_key(s, n, key);
    if (len == 0)
        return 0;
    const char *first = skip_lead(s);
    size_t first_len = first_cell_len(s, n);
    char number[16];
    form_list_number(first, first_len, number, sizeof number);
    int listed = number[0] && !(number[0] >= '0' && number[0] <= '9');
    int row = kind == GIPR_TABLE_REVIEWS ? -1 : form_match_row(fc, kind, first, first_len);
    if (listed && row < 0 && !strstr(key, "本年度办理结果")) {
        char first_key[KEY_BUF];
        if (line_key(first, first_len, first_key) > 0)
            return 1;
    }
    /* a long line of words, no numbers, no cells: narrative */
    if (utf8_count(s, n) > SHORT_LINE_CHARS && row < 0 && !strpbrk(s, "0123456789\t|") &&
        !strstr(s, "  "))
        return 1;
    return 0;
}

/* HTML tables come cut into cells: claim the ones whose cells carry a form's cues. */
static void claim_html_tables(gipr_ctx *c, const form_catalog *fc)
{
    for (int i = 0; i < c->ntables; i++) {
        gipr_table *t = &c->tables[i];
        if (!t->from_html || t->kind != 0)
            continue;
        for (int k = 0; k < t->ncells && !t->kind; k++)
            t->kind = opens_table(fc, t->cells[k].s, t->cells[k].len);
    }
}

/* A table has numbers: a cue followed by no digit at all is a heading or a caption alone. */
static int has_digits(const gipr_ctx *c, int first, int last)
{
    for (int i = first; i <= last; i++)
        if (c->lines[i].kind == GIPR_LINE_TEXT && strpbrk(c->lines[i].s, "0123456789"))
            return 1;
    return 0;
}

void gipr_find_form_tables(gipr_ctx *c)
{
    form_catalog *fc = gipr_arena_alloc(c->arena, sizeof *fc);
    if (!fc) {
        c->oom = 1;
        return;
    }
    form_catalog_build(fc);
    claim_html_tables(c, fc);
    int i = 0;
    while (i < c->nlines) {
        gipr_line *l = &c->lines[i];
        int kind = l->kind == GIPR_LINE_TEXT && l->table < 0 ? opens_table(fc, l->s, l->len) : 0;
        if (!kind) {
            i++;
            continue;
        }
        int last = i, j = i + 1;
        for (; j < c->nlines; j++) {
            gipr_line *m = &c->lines[j];
            if (m->table >= 0)
                break;
            if (m->kind != GIPR_LINE_TEXT)
                continue;
            int other = opens_table(fc, m->s, m->len);
            if ((other && other != kind) || ends_table(fc, kind, m->s, m->len))
                break;
            last = j;
        }
        if (has_digits(c, i, last))
            gipr_add_text_table(c, kind, i, last);
        i = last + 1;
    }
}

/* ---- reading the tables ------------------------------------------------------------------- */

int reader_row_dims(const form_reader *rd, int row, const char **dims)
{
    const form_row *fr = &rd->fc->rows[row];
    int f = form_index(rd->form);
    int n = fr->ndims[f];
    for (int i = 0; i < n; i++)
        dims[i] = fr->dims[f][i];
    return n;
}

int reader_row_in_form(const form_reader *rd, int row)
{
    return (rd->fc->rows[row].forms & rd->form) != 0;
}

void reader_put_slot(form_reader *rd, int row, int col, const form_token *t, double value,
                     const char *raw)
{
    form_row_state *st = &rd->rows[row];
    if (col >= st->ncols)
        return;
    form_slot *sl = &st->v[col];
    sl->set = 1;
    sl->has = t->type != TOK_EMPTY;
    sl->value = value;
    sl->raw = raw;
    sl->line = t->line;
    sl->yuan = t->yuan;
    if (st->last_row != t->cell_row + 1) {
        st->lines_used++;
        st->last_row = t->cell_row + 1;
    }
}

/* （三）不予公开 … spans the sub-rows under it and has no numbers of its own; （七）总计 sums
 * rows above it and has its own. */
int reader_is_aggregate(const form_reader *rd, int row)
{
    if (row + 1 >= rd->fc->nrows || rd->fc->rows[row + 1].parent != row)
        return 0;
    for (int r = row + 1; r < rd->fc->nrows && rd->fc->rows[r].parent == row; r++)
        if (rd->rows[r].seen)
            return 1;
    return 0;
}

int form_row_adds_up(const double *v)
{
    double sum = 0;
    for (int i = 0; i < 6; i++)
        sum += v[i];
    return fabs(sum - v[6]) < 1e-6;
}

void reader_put_part(form_reader *rd, int row, int col, const form_token *t, const gipr_split *sp,
                     int p)
{
    reader_put_slot(rd, row, col, t, sp->value[p],
                    gipr_arena_strndup(rd->c->arena, t->s + sp->start[p], sp->len[p]));
}

static void add_orphan(form_reader *rd, int tok, int prev_row, const char *dim)
{
    void *items = rd->orphans;
    if (gipr_grow(rd->c->arena, &items, &rd->cap_orphans, rd->norphans, sizeof(form_orphan))) {
        rd->c->oom = 1;
        return;
    }
    rd->orphans = items;
    rd->orphans[rd->norphans++] = (form_orphan){tok, prev_row, -1, dim};
}

/* The split spec of the columns [from, ncols) of a row. */
static gipr_split_spec split_spec(const form_reader *rd, const form_row_state *st, int from)
{
    gipr_split_spec sp = {.nparts = st->ncols - from};
    for (int i = from; i < st->ncols; i++) {
        if (strcmp(st->cols[i], "change") == 0)
            sp.negative_parts |= 1u << (i - from);
        if (strcmp(st->cols[i], "amount") == 0)
            sp.decimal_parts |= 1u << (i - from);
    }
    if (rd->kind == GIPR_TABLE_REQUESTS && from == 0)
        sp.group = st->ncols;
    return sp;
}

enum { MAX_SPLITS = 64 };

/* A run of digits with the separators lost: its one reading, or the cells every reading agrees
 * on (表三 keeps the readings for settle_by_columns). */
static void fill_from_digits(form_reader *rd, int row, const form_token *t)
{
    form_row_state *st = &rd->rows[row];
    int from = st->filled;
    gipr_split_spec sp = split_spec(rd, st, from);
    if (!rd->splits &&
        !(rd->splits = gipr_arena_alloc(rd->c->arena, sizeof(gipr_split) * MAX_SPLITS))) {
        rd->c->oom = 1;
        return;
    }
    const gipr_split *splits = rd->splits;
    int found = gipr_digit_split(t->s, t->len, &sp, rd->splits, MAX_SPLITS);
    st->filled = st->ncols;
    if (found == 1) {
        for (int p = 0; p < sp.nparts; p++)
            reader_put_part(rd, row, from + p, t, &splits[0], p);
        return;
    }
    int readings = found > 1 && found <= MAX_SPLITS, agreed = 0;
    for (int p = 0; readings && p < sp.nparts; p++) {
        int same = 1;
        for (int k = 1; k < found && same; k++)
            same = splits[k].start[p] == splits[0].start[p] && splits[k].len[p] == splits[0].len[p];
        if (same) {
            reader_put_part(rd, row, from + p, t, &splits[0], p);
            agreed++;
        }
    }
    if (readings && rd->kind == GIPR_TABLE_REQUESTS && from == 0) {
        gipr_split *kept = gipr_arena_alloc(rd->c->arena, sizeof(gipr_split) * (size_t)found);
        if (kept) {
            memcpy(kept, splits, sizeof(gipr_split) * (size_t)found);
            st->cands = kept;
            st->ncands = found;
            st->cands_tok = t;
        }
    }
    gipr_diag(rd->c, "line %d: %s: digits '%s' can be cut into %d cells in %s ways; %s", t->line,
              rd->fc->rows[row].entry ? rd->fc->rows[row].entry->code : "row", t->s, sp.nparts,
              found < 0 || found > MAX_SPLITS ? "too many"
              : found == 0                    ? "no"
                                              : "several",
              agreed ? "kept the cells all readings agree on" : "left out");
}

/* Starts a row at its label (token tok, the label itself at label). header: the 表二 column
 * headings in force (may be 0). */
static void open_row(form_reader *rd, int row, int tok, const char *label, const char **header,
                     int nheader)
{
    form_row_state *st = &rd->rows[row];
    if (st->seen && st->filled) {
        gipr_diag(rd->c, "line %d: row '%s' given twice; the first kept", rd->toks.items[tok].line,
                  rd->toks.items[tok].s);
        return;
    }
    const char *dims[FORM_MAX_DIMS];
    int n = reader_row_dims(rd, row, dims);
    int fits = nheader > 0;
    for (int h = 0, d = 0; h < nheader && fits; h++) {
        while (d < n && dims[d] != header[h] && strcmp(dims[d], header[h]) != 0)
            d++;
        fits = d < n;
    }
    st->ncols = fits ? nheader : n;
    for (int i = 0; i < st->ncols; i++)
        st->cols[i] = fits ? header[i] : dims[i];
    if (!st->seen) {
        st->seen = 1;
        st->label_tok = tok;
        st->label = label;
    }
}

/* Walks the tokens: labels open rows, numbers fill the open row; the rest waits as orphans. */
static void walk(form_reader *rd)
{
    const char *header[FORM_MAX_DIMS];
    int nheader = 0, header_open = 0, header_used = 0;
    int open = -1, last_filled = -1;
    for (int i = 0; i < rd->toks.n; i++) {
        form_token *t = &rd->toks.items[i];
        if (t->type == TOK_TEXT) {
            /* headings first: run together, they may carry the first row's label after them */
            int forms = 0;
            const char *dims[FORM_MAX_DIMS];
            int nd = rd->kind == GIPR_TABLE_ART20
                         ? form_header_dims(rd->fc, t->s, t->len, dims, FORM_MAX_DIMS, &forms)
                         : 0;
            if (nd > 0) {
                if (!header_open)
                    nheader = 0;
                for (int d = 0; d < nd && nheader < FORM_MAX_DIMS; d++)
                    header[nheader++] = dims[d];
                header_open = 1;
                header_used = 0;
                open = -1;
            }
            size_t label_at;
            int row = form_match_glued_row(rd->fc, rd->kind, t->s, t->len, &label_at);
            if (row >= 0 && reader_row_in_form(rd, row)) {
                open_row(rd, row, i, t->s + label_at, header, nheader);
                open = rd->rows[row].filled ? -1 : row;
                header_open = 0;
            }
            continue;
        }
        header_open = 0;
        form_row_state *st = open >= 0 ? &rd->rows[open] : NULL;
        if (st && st->filled < st->ncols) {
            if (t->type == TOK_DIGITS && st->ncols - st->filled > 1) {
                fill_from_digits(rd, open, t);
            } else if (t->type == TOK_DIGITS && memchr(t->s + 1, '-', t->len - 1)) {
                st->filled++;
                gipr_diag(rd->c, "line %d: '%s' holds more numbers than the row has cells", t->line,
                          t->s);
            } else {
                reader_put_slot(rd, open, st->filled++, t, t->value, t->s);
            }
            st->via_label = 1;
            last_filled = open;
            continue;
        }
        if (t->type == TOK_EMPTY)
            continue;
        const char *dim =
            rd->kind == GIPR_TABLE_ART20 && header_used < nheader ? header[header_used++] : NULL;
        add_orphan(rd, i, last_filled, dim);
    }
    /* the row filled from its label next after each orphan */
    for (int o = 0; o < rd->norphans; o++) {
        int best_tok = rd->toks.n;
        for (int r = 0; r < rd->fc->nrows; r++) {
            const form_row_state *st = &rd->rows[r];
            if (st->via_label && st->label_tok > rd->orphans[o].tok && st->label_tok < best_tok) {
                best_tok = st->label_tok;
                rd->orphans[o].next_row = r;
            }
        }
    }
}

/* The column of a row that holds dim (only a column already read when read is 1), or -1. */
static int column_of(const form_row_state *st, const char *dim, int read)
{
    for (int k = 0; k < st->ncols; k++)
        if (strcmp(st->cols[k], dim) == 0 && (!read || st->v[k].set))
            return k;
    return -1;
}

/* 表二: a column printed apart from its block (本年增/减 … 9) belongs to the one row that
 * lacks it. */
static void place_art20_orphans(form_reader *rd)
{
    for (int o = 0; o < rd->norphans; o++) {
        const form_orphan * or = &rd->orphans[o];
        const form_token *t = &rd->toks.items[or->tok];
        int found = -1, count = 0;
        for (int r = 0; or->dim && r < rd->fc->nrows; r++) {
            if (rd->fc->rows[r].kind != GIPR_TABLE_ART20 || !rd->fc->rows[r].entry ||
                !reader_row_in_form(rd, r) || !rd->rows[r].seen)
                continue;
            const char *dims[FORM_MAX_DIMS];
            int n = reader_row_dims(rd, r, dims);
            for (int d = 0; d < n; d++)
                if (strcmp(dims[d], or->dim) == 0 && column_of(&rd->rows[r], or->dim, 1) < 0) {
                    found = r;
                    count++;
                }
        }
        if (count != 1 || t->type == TOK_DIGITS) {
            gipr_diag(rd->c,
                      "line %d: number '%s' of the table of section 二 belongs to no row "
                      "for certain; left out",
                      t->line, t->s);
            continue;
        }
        form_row_state *st = &rd->rows[found];
        int col = column_of(st, or->dim, 0);
        if (col < 0) {
            if (st->ncols >= FORM_MAX_DIMS)
                continue;
            col = st->ncols++;
            st->cols[col] = or->dim;
        }
        reader_put_slot(rd, found, col, t, t->value, t->s);
    }
}

/* ---- emitting rows ------------------------------------------------------------------------- */

static int is_amount(const char *dim)
{
    return strcmp(dim, "amount") == 0;
}

static const char *unit_of(const gipr_catalog_entry *e, const char *dim)
{
    if (strcmp(e->unit, "项 / 万元") == 0)
        return is_amount(dim) ? "万元" : "项";
    return e->unit;
}

static void emit(form_reader *rd, const char *code, const char *dim, const char *label,
                 const form_slot *sl)
{
    const gipr_catalog_entry *e = gipr_catalog_find(code);
    gipr_indicator *x = gipr_add_indicator(rd->c);
    if (!x || !e)
        return;
    x->code = e->code;
    x->dim = dim;
    x->label = label;
    x->unit = dim ? unit_of(e, dim) : e->unit;
    x->is_real = dim && is_amount(dim);
    x->value = x->is_real && sl->yuan ? sl->value / 10000.0 : sl->value;
    x->raw = sl->raw;
    x->source = GIPR_SOURCE_TABLE;
    x->line = sl->line;
}

static void emit_rows(form_reader *rd)
{
    for (int r = 0; r < rd->fc->nrows; r++) {
        const form_row_state *st = &rd->rows[r];
        const form_row *fr = &rd->fc->rows[r];
        if (fr->kind != rd->kind || !fr->entry || !st->seen)
            continue;
        /* where numbers had to be read down the columns, a row that does not add up was not
         * read right either */
        if (rd->kind == GIPR_TABLE_REQUESTS && rd->scrambled && st->lines_used > 1 &&
            st->filled == 7) {
            double v[7];
            int all = 1;
            for (int k = 0; k < 7; k++) {
                all &= st->v[k].has;
                v[k] = st->v[k].value;
            }
            if (all && !form_row_adds_up(v)) {
                gipr_diag(rd->c, "%s: numbers do not add up in a scrambled table; left out",
                          fr->entry->code);
                continue;
            }
        }
        for (int k = 0; k < st->ncols; k++)
            if (st->v[k].has)
                emit(rd, fr->entry->code, st->cols[k], st->label, &st->v[k]);
    }
}

/* ---- 表四: one row of 15 cells ----------------------------------------------------------- */

static int review_groups_add_up(const double *v)
{
    for (int g = 0; g < 3; g++)
        if (fabs(v[g * 5] + v[g * 5 + 1] + v[g * 5 + 2] + v[g * 5 + 3] - v[g * 5 + 4]) > 1e-6)
            return 0;
    return 1;
}

/* A blank cell of 表四 holds a place only between numbers of its row: heading rows and filler
 * pipes after the last number hold none. Marks, per token, whether it is such a cell. */
static unsigned char *blank_cells_that_count(form_reader *rd)
{
    const form_tokens *toks = &rd->toks;
    unsigned char *counts = gipr_arena_alloc(rd->c->arena, (size_t)toks->n + 1);
    if (!counts) {
        rd->c->oom = 1;
        return NULL;
    }
    for (int i = 0, number_before = 0; i < toks->n; i++) { /* a number earlier in its row */
        if (i == 0 || toks->items[i].cell_row != toks->items[i - 1].cell_row)
            number_before = 0;
        counts[i] = (unsigned char)number_before;
        number_before |= toks->items[i].type == TOK_NUMBER;
    }
    for (int i = toks->n - 1, number_after = 0; i >= 0; i--) { /* and one later */
        if (i == toks->n - 1 || toks->items[i].cell_row != toks->items[i + 1].cell_row)
            number_after = 0;
        counts[i] &= (unsigned char)number_after;
        number_after |= toks->items[i].type == TOK_NUMBER;
    }
    return counts;
}

static void read_reviews(form_reader *rd)
{
    const form_token *cells[15];
    int n = 0, rows_seen = 0, last_row = -1, too_many = 0;
    unsigned char *blank_counts = blank_cells_that_count(rd);
    if (!blank_counts)
        return;
    for (int i = 0; i < rd->toks.n; i++) {
        const form_token *t = &rd->toks.items[i];
        if (t->type == TOK_TEXT || (t->type == TOK_EMPTY && !blank_counts[i]))
            continue;
        if (t->type == TOK_DIGITS) {
            gipr_split_spec sp = {.nparts = 15 - n, .group = n == 0 ? 5 : 0};
            gipr_split sol[2];
            if (n == 0 && gipr_digit_split(t->s, t->len, &sp, sol, 2) == 1) {
                for (int k = 0; k < 15; k++) {
                    form_slot sl = {.set = 1,
                                    .has = 1,
                                    .value = sol[0].value[k],
                                    .line = t->line,
                                    .raw = gipr_arena_strndup(rd->c->arena, t->s + sol[0].start[k],
                                                              sol[0].len[k])};
                    emit(rd, form_review_codes[k], NULL, NULL, &sl);
                }
                return;
            }
            gipr_diag(rd->c,
                      "line %d: digits '%s' of the table of section 四 cannot be cut into "
                      "cells for certain; left out",
                      t->line, t->s);
            return;
        }
        if (n == 15) {
            too_many = 1;
            break;
        }
        if (t->cell_row != last_row) {
            rows_seen++;
            last_row = t->cell_row;
        }
        cells[n++] = t;
    }
    if (n == 0)
        return;
    if (n != 15 || too_many) {
        gipr_diag(rd->c, "line %d: the table of section 四 gives %s cells instead of 15; left out",
                  cells[0]->line, too_many ? "more" : "fewer");
        return;
    }
    double v[15];
    for (int k = 0; k < 15; k++)
        v[k] = cells[k]->value;
    /* one row as printed is read as printed, even when the report's own sums are wrong; cells
     * gathered from many lines are a PDF's reading order, trusted only when the sums hold */
    if (rows_seen > 1 && !review_groups_add_up(v)) {
        gipr_diag(rd->c,
                  "line %d: the cells of the table of section 四 come in an order that "
                  "does not add up; left out",
                  cells[0]->line);
        return;
    }
    for (int k = 0; k < 15; k++) {
        form_slot sl = {.set = 1,
                        .has = cells[k]->type == TOK_NUMBER,
                        .value = v[k],
                        .raw = cells[k]->s,
                        .line = cells[k]->line};
        if (sl.has)
            emit(rd, form_review_codes[k], NULL, NULL, &sl);
    }
}

/* ---- which form -------------------------------------------------------------------------- */

/* Cues of the form in a table's tokens: ORed FORM_2019/FORM_2021 bits, counted. */
static void count_cues(const form_catalog *fc, int kind, const form_tokens *toks, int *c2019,
                       int *c2021)
{
    for (int i = 0; i < toks->n; i++) {
        const form_token *t = &toks->items[i];
        if (t->type != TOK_TEXT)
            continue;
        size_t label_at;
        int row = form_match_glued_row(fc, kind, t->s, t->len, &label_at);
        int forms[2] = {row >= 0 ? fc->rows[row].forms : 0, 0};
        if (kind == GIPR_TABLE_ART20) {
            const char *dims[FORM_MAX_DIMS];
            form_header_dims(fc, t->s, t->len, dims, FORM_MAX_DIMS, &forms[1]);
        }
        for (int k = 0; k < 2; k++) {
            if (forms[k] == FORM_2019)
                (*c2019)++;
            else if (forms[k] == FORM_2021)
                (*c2021)++;
        }
    }
}

static int tokens_of(gipr_ctx *c, int kind, form_tokens *out)
{
    int any = 0;
    for (int i = 0; i < c->ntables; i++) {
        const gipr_table *t = &c->tables[i];
        if (t->kind != kind)
            continue;
        any = 1;
        for (int k = 0; k < t->ncells; k++) {
            if (out->n > FORM_MAX_TOKENS) {
                gipr_diag(c,
                          "line %d: a table of the form with more than %d cells; the rest not read",
                          t->cells[k].line, FORM_MAX_TOKENS);
                return any;
            }
            gipr_cell cell = t->cells[k];
            cell.row += i * 100000; /* rows of different tables never count as one */
            if (form_tokenize_cell(c, &cell, out))
                return any;
        }
    }
    return any;
}

static int form_of(int c2019, int c2021)
{
    if (c2019 > c2021)
        return FORM_2019;
    if (c2021 > c2019)
        return FORM_2021;
    return 0;
}

void gipr_read_form_tables(gipr_ctx *c)
{
    form_catalog *fc = gipr_arena_alloc(c->arena, sizeof *fc);
    if (!fc) {
        c->oom = 1;
        return;
    }
    form_catalog_build(fc);
    static const int kinds[3] = {GIPR_TABLE_ART20, GIPR_TABLE_REQUESTS, GIPR_TABLE_REVIEWS};
    form_tokens toks[3] = {{0}};
    int present[3], cues[3][2] = {{0}};
    for (int k = 0; k < 3; k++) {
        present[k] = tokens_of(c, kinds[k], &toks[k]);
        if (k < 2)
            count_cues(fc, kinds[k], &toks[k], &cues[k][0], &cues[k][1]);
    }
    if (c->oom || !(present[0] || present[1] || present[2]))
        return;
    int art20_form = form_of(cues[0][0], cues[0][1]);
    /* 表三 tells the forms apart only by the three sub-rows of （六）其他处理 (t2021) */
    int requests_form = cues[1][1] ? FORM_2021 : present[1] ? FORM_2019 : 0;
    if (cues[0][0] && cues[0][1])
        gipr_diag(c,
                  "the table of section 二 mixes the column headings of the 2019 and 2021 forms");
    if (art20_form && present[1] && requests_form != art20_form)
        gipr_diag(c,
                  "the table of section 二 follows the %s form, the table of section 三 the %s "
                  "form",
                  art20_form == FORM_2021 ? "2021" : "2019",
                  requests_form == FORM_2021 ? "2021" : "2019");
    int form = art20_form ? art20_form : requests_form;
    if (!form) {
        gipr_diag(c, "the tables do not say which form they follow; read as the 2019 form");
        form = FORM_2019;
    }
    gipr_template t = form == FORM_2021 ? GIPR_TEMPLATE_T2021 : GIPR_TEMPLATE_T2019;
    if (c->r->template_ == GIPR_TEMPLATE_LEGACY)
        gipr_diag(c, "the report has both the legacy statistics table and tables of the %s form",
                  gipr_template_name(t));
    else
        c->r->template_ = t;

    for (int k = 0; k < 3; k++) {
        if (!present[k])
            continue;
        form_reader *rd = gipr_arena_alloc(c->arena, sizeof *rd);
        if (!rd) {
            c->oom = 1;
            return;
        }
        memset(rd, 0, sizeof *rd);
        rd->c = c;
        rd->fc = fc;
        rd->kind = kinds[k];
        rd->toks = toks[k];
        /* 表三 of a mixed report keeps its own form: the rows it has */
        rd->form = kinds[k] == GIPR_TABLE_REQUESTS ? (requests_form | form) : form;
        if (kinds[k] == GIPR_TABLE_REVIEWS) {
            read_reviews(rd);
            continue;
        }
        walk(rd);
        if (kinds[k] == GIPR_TABLE_REQUESTS) {
            requests_place_orphans(rd);
            requests_settle_by_columns(rd);
            if (rd->unplaced || rd->scrambled)
                requests_read_in_form_order(rd);
        } else
            place_art20_orphans(rd);
        emit_rows(rd);
    }
}
