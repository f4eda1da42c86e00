/* The tables of the t2019/t2021 forms (国办公开办函〔2019〕60号, 〔2021〕30号): 表二 (第二十条,
 * section 二), 表三 (requests, section 三) and 表四 (reviews and lawsuits, section 四).
 *
 * Finding them is form_locate.c's business. Reading them (gipr_read_form_tables): the cells
 * become tokens (form_tokens.c); a label names a
 * row of the catalog (form_rows.c) and the numbers after it fill the row's columns in the fixed
 * order of the form. What converters do to tables is undone where the result is certain:
 * digits run together are cut by the forms' identities (digit_split.c); numbers printed before
 * or away from their labels (PDF text) go to the rows whose labels stand alone, in form order,
 * read across or down the table, whichever satisfies 表三's row identity; a column printed
 * apart from its block goes to the one row that lacks it. Anything else is left out, with a
 * diagnostic: never a guess. */
#include "form_reader.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    sl->marked_cells = t->marked_cells;
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
    if (rd->kind == GIPR_TABLE_REQUESTS && from == 0 && st->ncols == 7)
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
    /* 表三 keeps the readings for its column sums (requests_settle_by_columns), which say what
     * became of them */
    if (readings && rd->kind == GIPR_TABLE_REQUESTS && from == 0 && st->ncols == 7) {
        gipr_split *kept = gipr_arena_alloc(rd->c->arena, sizeof(gipr_split) * (size_t)found);
        if (kept) {
            memcpy(kept, splits, sizeof(gipr_split) * (size_t)found);
            st->cands = kept;
            st->ncands = found;
            st->cands_tok = t;
            st->cands_agreed = agreed;
            return;
        }
    }
    if (readings)
        reader_diag_several_cuts(rd, row, t, sp.nparts,
                                 agreed ? "kept the cells all readings agree on" : "left out");
    else
        gipr_diag(rd->c, "line %d: %s: digits '%s' can be cut into %d cells in %s ways; left out",
                  t->line, rd->fc->rows[row].entry ? rd->fc->rows[row].entry->code : "row", t->s,
                  sp.nparts, found == 0 ? "no" : "too many");
}

void reader_diag_several_cuts(form_reader *rd, int row, const form_token *t, int nparts,
                              const char *outcome)
{
    gipr_diag(rd->c, "line %d: %s: digits '%s' can be cut into %d cells in several ways; %s",
              t->line, rd->fc->rows[row].entry ? rd->fc->rows[row].entry->code : "row", t->s,
              nparts, outcome);
}

/* The cells after a label in its source row: numbers and blanks up to the next text. */
static int cells_after_label(const form_reader *rd, int label_tok)
{
    const form_token *items = rd->toks.items;
    int cells = 0;
    for (int j = label_tok + 1; j < rd->toks.n && items[j].cell_row == items[label_tok].cell_row &&
                                items[j].type != TOK_TEXT;
         j++)
        cells++;
    return cells;
}

/* 1 when a heading gives its unit as 元 (本年收费金额（单位：元）, 采购总金额（元）), not 万元. */
static int heading_in_yuan(const char *s)
{
    for (const char *p = strstr(s, "元"); p; p = strstr(p + 1, "元"))
        if (p - s < 3 || strncmp(p - 3, "万", 3) != 0)
            return 1;
    return 0;
}

/* Starts a row at its label (token tok, the label itself at label). header: the 表二 column
 * headings in force (may be 0), header_yuan: they give amounts in 元. */
static void open_row(form_reader *rd, int row, int tok, const char *label, const char **header,
                     int nheader, int header_yuan)
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
    st->amount_in_yuan = fits && header_yuan;
    for (int i = 0; i < st->ncols; i++)
        st->cols[i] = fits ? header[i] : dims[i];
    if (rd->nheading_cols && cells_after_label(rd, tok) == rd->nheading_cols) {
        st->ncols = rd->nheading_cols;
        memcpy(st->cols, rd->heading_cols, sizeof *st->cols * (size_t)st->ncols);
    }
    if (!st->seen) {
        st->seen = 1;
        st->label_tok = tok;
        st->label = label;
    }
}

/* Blank cells right after a label that only pad it: a converter that keeps a merged label's
 * columns as empty cells (| 一、本年新收… | | | 13612 | …) gives its row more cells than it has
 * columns, and the excess can only be those leading blanks. */
static int padding_blanks(const form_reader *rd, int label_tok, int room)
{
    const form_token *items = rd->toks.items;
    int cells = 0, leading = 0, numbers_seen = 0;
    for (int j = label_tok + 1; j < rd->toks.n && items[j].cell_row == items[label_tok].cell_row &&
                                items[j].type != TOK_TEXT;
         j++) {
        if (items[j].type == TOK_DIGITS)
            return 0; /* how many cells it holds is not known yet */
        numbers_seen |= items[j].type == TOK_NUMBER;
        leading += !numbers_seen;
        cells++;
    }
    int excess = cells - room;
    return excess <= 0 ? 0 : excess < leading ? excess : leading;
}

/* 1 when token i opens its source row (only blank cells before it) and a number follows it in
 * that row: a row label, not a column heading. */
static int starts_row_of_numbers(const form_reader *rd, int i)
{
    const form_token *items = rd->toks.items;
    for (int j = i - 1; j >= 0 && items[j].cell_row == items[i].cell_row; j--)
        if (items[j].type != TOK_EMPTY)
            return 0;
    return i + 1 < rd->toks.n && items[i + 1].cell_row == items[i].cell_row &&
           (items[i + 1].type == TOK_NUMBER || items[i + 1].type == TOK_DIGITS);
}

/* Heading rows that number their columns (| 类别 | 数据1 | 数据2 | … |, as converters name a
 * table's columns): rows where at least two numbers are glued to the end of text that names no
 * row. Marks, per token, whether it is in such a row; one pass over the tokens. */
static unsigned char *numbered_heading_rows(form_reader *rd)
{
    const form_token *items = rd->toks.items;
    unsigned char *marks = gipr_arena_alloc(rd->c->arena, (size_t)rd->toks.n + 1);
    if (!marks) {
        rd->c->oom = 1;
        return NULL;
    }
    for (int i = 0, end; i < rd->toks.n; i = end) {
        int numbered = 0;
        for (end = i; end < rd->toks.n && items[end].cell_row == items[i].cell_row; end++) {
            size_t label_at;
            if (numbered < 2 && end > i && items[end].type == TOK_NUMBER && items[end].glued &&
                items[end - 1].type == TOK_TEXT &&
                form_match_glued_row(rd->fc, rd->kind, items[end - 1].s, items[end - 1].len,
                                     &label_at) < 0)
                numbered++;
        }
        memset(marks + i, numbered >= 2, (size_t)(end - i));
    }
    return marks;
}

/* 表三 under a heading row of its own making (| 项目 | 自然人 | 法人或其他组织 | 总计 |): a row of
 * column headings with no number in which 法人或其他组织 stands as one column, between 自然人 and
 * 总计, and none of the five columns it heads. Sets rd->heading_cols to that row's dims. */
static void find_requests_heading_columns(form_reader *rd)
{
    const form_token *items = rd->toks.items;
    for (int i = 0, end; i < rd->toks.n; i = end) {
        const char *cols[FORM_MAX_DIMS];
        int n = 0, numbers = 0, merged_at = -1;
        for (end = i; end < rd->toks.n && items[end].cell_row == items[i].cell_row; end++) {
            numbers += items[end].type == TOK_NUMBER || items[end].type == TOK_DIGITS;
            const char *dim = items[end].type == TOK_TEXT
                                  ? form_applicant_heading_dim(items[end].s, items[end].len)
                                  : NULL;
            if (!dim || n == FORM_MAX_DIMS)
                continue;
            if (!dim[0])
                merged_at = n;
            cols[n++] = dim;
        }
        int sub_columns = 0;
        for (int k = 0; k < n; k++)
            sub_columns += cols[k][0] && strcmp(cols[k], "natural_person") != 0 &&
                           strcmp(cols[k], "total") != 0;
        if (numbers || merged_at < 1 || merged_at + 1 >= n || sub_columns ||
            strcmp(cols[merged_at - 1], "natural_person") != 0 ||
            strcmp(cols[merged_at + 1], "total") != 0)
            continue;
        memcpy(rd->heading_cols, cols, sizeof *cols * (size_t)n);
        rd->nheading_cols = n;
        return;
    }
}

/* Walks the tokens: labels open rows, numbers fill the open row; the rest waits as orphans. */
static void walk(form_reader *rd)
{
    const char *header[FORM_MAX_DIMS];
    int nheader = 0, header_open = 0, header_used = 0, header_yuan = 0;
    int open = -1, last_filled = -1, skip_blanks = 0;
    unsigned char *numbered_heading = numbered_heading_rows(rd);
    if (!numbered_heading)
        return;
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
                    nheader = header_yuan = 0;
                header_yuan |= heading_in_yuan(t->s);
                for (int d = 0; d < nd && nheader < FORM_MAX_DIMS; d++)
                    header[nheader++] = dims[d];
                header_open = 1;
                header_used = 0;
                open = -1;
            }
            size_t label_at;
            int row = form_match_glued_row(rd->fc, rd->kind, t->s, t->len, &label_at);
            if (row < 0 && starts_row_of_numbers(rd, i))
                row = form_match_unnumbered_row(rd->fc, rd->kind, t->s, t->len);
            if (row >= 0 && reader_row_in_form(rd, row)) {
                open_row(rd, row, i, t->s + label_at, header, nheader, header_yuan);
                open = rd->rows[row].filled ? -1 : row;
                skip_blanks = open < 0 ? 0 : padding_blanks(rd, i, rd->rows[row].ncols);
                header_open = 0;
            }
            continue;
        }
        header_open = 0;
        if (t->glued && numbered_heading[i])
            continue;
        if (t->type == TOK_EMPTY && skip_blanks > 0) {
            skip_blanks--;
            continue;
        }
        skip_blanks = 0;
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

/* ---- page numbers printed inside a table --------------------------------------------------
 * PDF text keeps a page's number where the page breaks: a bare 3 on its own line, inside a table
 * printed one cell per line. It is taken for a page number only by its context (a blank line or
 * form feed next to it, or the page numbered just before it printed as -2- / - 2 - earlier), and
 * dropped only where it is one cell too many and the table's identities hold without it. */

/* The index of source line no in c->lines, or -1. */
static int line_index(const gipr_ctx *c, int no)
{
    int lo = 0, hi = c->nlines - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c->lines[mid].no == no)
            return mid;
        if (c->lines[mid].no < no)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int all_digits(const char *s, size_t n)
{
    if (n == 0 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* The number of a page footer written -2- or - 2 -, or -1. */
static long dashed_page_number(const char *s, size_t n)
{
    while (n && *s == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    if (n < 3 || s[0] != '-' || s[n - 1] != '-')
        return -1;
    s++, n -= 2;
    while (n && *s == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    return all_digits(s, n) ? strtol(s, NULL, 10) : -1;
}

static int line_is_blank(const gipr_ctx *c, int i)
{
    return i >= 0 && i < c->nlines && (c->lines[i].kind == GIPR_LINE_BLANK || c->lines[i].len == 0);
}

/* How far back the number of the page before is looked for: a page or two of text. */
enum { PAGE_LOOKBACK_LINES = 200 };

/* 1 when token i reads as a page number by its context. */
static int looks_like_page_number(const form_reader *rd, int i)
{
    const form_token *items = rd->toks.items;
    const form_token *t = &items[i];
    if (t->type != TOK_NUMBER || t->glued || !all_digits(t->s, t->len) || t->value < 1 ||
        (i > 0 && items[i - 1].cell_row == t->cell_row) ||
        (i + 1 < rd->toks.n && items[i + 1].cell_row == t->cell_row))
        return 0;
    const gipr_ctx *c = rd->c;
    int at = line_index(c, t->line);
    if (at < 0 || c->lines[at].len != t->len)
        return 0; /* not alone on its line */
    if (line_is_blank(c, at - 1) || line_is_blank(c, at + 1))
        return 1;
    for (int k = at - 1; k >= 0 && k >= at - PAGE_LOOKBACK_LINES; k--) {
        long page = dashed_page_number(c->lines[k].s, c->lines[k].len);
        if (page >= 0)
            return page + 1 == (long)t->value;
    }
    return 0;
}

/* Removes token i from the table's tokens. */
static void drop_token(form_reader *rd, int i)
{
    const form_token *t = &rd->toks.items[i];
    gipr_diag(rd->c, "line %d: '%s' inside the table is a page number; left out", t->line, t->s);
    memmove(&rd->toks.items[i], &rd->toks.items[i + 1],
            sizeof *rd->toks.items * (size_t)(rd->toks.n - i - 1));
    rd->toks.n--;
}

/* The row a text token labels, in the form being read, or -1. */
static int row_labelled_by(const form_reader *rd, const form_token *t)
{
    size_t label_at;
    int row = form_match_glued_row(rd->fc, rd->kind, t->s, t->len, &label_at);
    if (row < 0)
        row = form_match_unnumbered_row(rd->fc, rd->kind, t->s, t->len);
    return row >= 0 && reader_row_in_form(rd, row) ? row : -1;
}

/* 表三: a page number among the eight cells from..to after a row's label; dropped when the row's
 * identity (总计 = the six columns) holds without it. */
static int drop_page_number_in_run(form_reader *rd, int from, int to)
{
    int row = row_labelled_by(rd, &rd->toks.items[from - 1]);
    const char *dims[FORM_MAX_DIMS];
    if (row < 0 || reader_row_dims(rd, row, dims) != 7)
        return 0;
    for (int i = from; i <= to; i++) {
        if (!looks_like_page_number(rd, i))
            continue;
        double v[7];
        int n = 0, numbers = 1;
        for (int k = from; k <= to; k++) {
            if (k == i)
                continue;
            numbers &= rd->toks.items[k].type == TOK_NUMBER;
            v[n++] = rd->toks.items[k].value;
        }
        if (numbers && form_row_adds_up(v)) {
            drop_token(rd, i);
            return 1;
        }
    }
    return 0;
}

/* 表三: a page number among the numbers after a row's label gives the row one cell too many. */
static void drop_request_page_numbers(form_reader *rd)
{
    for (int from = 1, to; from < rd->toks.n; from = to + 1) {
        /* a run of cells after a text token, one too many for a row */
        if (rd->toks.items[from].type == TOK_TEXT) {
            to = from;
            continue;
        }
        for (to = from; to + 1 < rd->toks.n && rd->toks.items[to + 1].type != TOK_TEXT; to++)
            ;
        if (to - from + 1 == 8)
            to -= drop_page_number_in_run(rd, from, to);
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

/* A heading merged over two columns comes twice in text that repeats merged cells (a word
 * processor's table saved as text): 本年增/减 | 本年增/减. Column k is emitted when it is the
 * first of its heading and every cell under the heading says the same; cells that differ mean the
 * row's own merged cells do not line up with the heading's (上一年项目数量 spanning two columns
 * under one 本年增/减), and then nothing under it is certain. */
static int first_of_merged_heading(form_reader *rd, const form_row_state *st, int k,
                                   const char *code)
{
    for (int j = 0; j < k; j++)
        if (strcmp(st->cols[j], st->cols[k]) == 0)
            return 0;
    for (int j = k + 1; j < st->ncols; j++)
        if (strcmp(st->cols[j], st->cols[k]) == 0 && st->v[j].has &&
            st->v[j].value != st->v[k].value) {
            gipr_diag(rd->c,
                      "line %d: %s: the cells under the merged heading %s differ (%s, %s); "
                      "left out",
                      st->v[k].line, code, st->cols[k], st->v[k].raw, st->v[j].raw);
            return 0;
        }
    return 1;
}

/* A row whose cells ran out before its columns did, in text aligned with spaces: such text drops
 * blank cells without a trace (821 35 _ _ 2 1 859 prints as 821 35 2 1 859), so which columns
 * the numbers belong to is not known. Its numbers are left out, never shifted into other columns.
 * Rows that mark their cells (tabs, pipes, HTML) keep blanks in place: what is missing there is
 * blank cells at the end. */
static int cells_ran_out(form_reader *rd, const form_row_state *st, const char *code)
{
    int set = 0, numbers = 0, marked = 1;
    for (int k = 0; k < st->ncols; k++) {
        set += st->v[k].set;
        numbers += st->v[k].has;
        marked &= !st->v[k].has || st->v[k].marked_cells;
    }
    if (numbers == 0 || marked || st->filled >= st->ncols || set >= st->ncols)
        return 0;
    gipr_diag(rd->c,
              "line %d: %s: %d cells for %d columns, blank cells not marked; which columns "
              "they belong to is not certain; left out",
              st->v[0].line, code, set, st->ncols);
    return 1;
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
        if (cells_ran_out(rd, st, fr->entry->code))
            continue;
        for (int k = 0; k < st->ncols; k++) {
            if (!st->v[k].has || !st->cols[k][0] ||
                !first_of_merged_heading(rd, st, k, fr->entry->code))
                continue;
            form_slot sl = st->v[k];
            sl.yuan |= st->amount_in_yuan;
            emit(rd, fr->entry->code, st->cols[k], st->label, &sl);
        }
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

/* A blank cell of 表四 holds a place between numbers of its row, and anywhere in a row of exactly
 * the form's 15 cells (复议后起诉 all blank); heading rows and filler pipes after the last number
 * of a longer row hold none. Marks, per token, whether it is such a cell. */
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
    for (int i = 0, end; i < toks->n; i = end) {
        int cells = 0, numbers = 0;
        for (end = i; end < toks->n && toks->items[end].cell_row == toks->items[i].cell_row; end++) {
            cells += toks->items[end].type != TOK_TEXT;
            numbers += toks->items[end].type == TOK_NUMBER;
        }
        for (int k = i; numbers && cells == 15 && k < end; k++)
            counts[k] = 1;
    }
    return counts;
}

/* The values of 表四's cells with token skip left out (-1: none); returns the count of cells
 * (at most 15 stored), -1 when a run of digits makes the count unknown. */
static int review_cell_values(const form_reader *rd, const unsigned char *blank_counts, int skip,
                              double *v)
{
    int n = 0;
    for (int i = 0; i < rd->toks.n; i++) {
        const form_token *t = &rd->toks.items[i];
        if (i == skip || t->type == TOK_TEXT || (t->type == TOK_EMPTY && !blank_counts[i]))
            continue;
        if (t->type == TOK_DIGITS)
            return -1;
        if (n < 15)
            v[n] = t->type == TOK_NUMBER ? t->value : 0;
        n++;
    }
    return n;
}

/* 表四 with one cell too many: a page number printed among its cells is dropped when it is the
 * one such number whose removal leaves 15 cells that add up. */
static void drop_review_page_number(form_reader *rd, const unsigned char *blank_counts)
{
    double v[15];
    if (review_cell_values(rd, blank_counts, -1, v) != 16)
        return;
    int found = -1, count = 0;
    for (int i = 0; i < rd->toks.n; i++)
        if (looks_like_page_number(rd, i) && review_cell_values(rd, blank_counts, i, v) == 15 &&
            review_groups_add_up(v)) {
            found = i;
            count++;
        }
    if (count == 1)
        drop_token(rd, found);
}

/* Reads 表四's one row; returns 1 when its 15 cells were there (blank ones too). */
static int read_reviews(form_reader *rd)
{
    const form_token *cells[15];
    int n = 0, rows_seen = 0, last_row = -1, too_many = 0;
    unsigned char *blank_counts = blank_cells_that_count(rd);
    if (!blank_counts)
        return 0;
    int before = rd->toks.n;
    drop_review_page_number(rd, blank_counts);
    if (rd->toks.n != before && !(blank_counts = blank_cells_that_count(rd)))
        return 0;
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
                return 1;
            }
            gipr_diag(rd->c,
                      "line %d: digits '%s' of the table of section 四 cannot be cut into "
                      "cells for certain; left out",
                      t->line, t->s);
            return 0;
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
        return 0;
    if (n != 15 || too_many) {
        gipr_diag(rd->c, "line %d: the table of section 四 gives %s cells instead of 15; left out",
                  cells[0]->line, too_many ? "more" : "fewer");
        return 0;
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
        return 0;
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
    return 1;
}

/* ---- 表二 without column headings ----------------------------------------------------------
 * Rows printed with their labels but no column headings say which columns they have only by
 * their number of cells: 3/3/3/3/3/3/2/2 in the 2019 form, 3/3/1/1/1/1 in the 2021 form. */

enum { ART20_HAS_HEADINGS = -1 };

/* The forms (bits) whose columns fit the cell count of every row of a 表二 printed without
 * column headings; ART20_HAS_HEADINGS when it has headings, or rows whose cells are not all on
 * their label's line (how many they have is then not known). */
static int art20_forms_by_cell_counts(const form_catalog *fc, const form_tokens *toks)
{
    int forms = FORM_BOTH, rows = 0;
    for (int i = 0; i < toks->n; i++) {
        const form_token *t = &toks->items[i];
        if (t->type != TOK_TEXT)
            continue;
        const char *dims[FORM_MAX_DIMS];
        int heading_forms = 0;
        if (form_header_dims(fc, t->s, t->len, dims, FORM_MAX_DIMS, &heading_forms) > 0)
            return ART20_HAS_HEADINGS;
        size_t label_at;
        int row = form_match_glued_row(fc, GIPR_TABLE_ART20, t->s, t->len, &label_at);
        if (row < 0 || !fc->rows[row].entry)
            continue;
        int cells = 0;
        for (int j = i + 1; j < toks->n && toks->items[j].cell_row == t->cell_row &&
                            toks->items[j].type != TOK_TEXT;
             j++) {
            if (toks->items[j].type == TOK_DIGITS)
                return ART20_HAS_HEADINGS;
            cells++;
        }
        if (cells == 0)
            return ART20_HAS_HEADINGS;
        rows++;
        for (int f = FORM_2019; f <= FORM_2021; f <<= 1)
            if (!(fc->rows[row].forms & f) || fc->rows[row].ndims[form_index(f)] != cells)
                forms &= ~f;
    }
    return rows ? forms : ART20_HAS_HEADINGS;
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

/* 表三 tells the forms apart only by （六）其他处理: three sub-rows of the 2021 form (cues counted
 * in c2021), a row of its own in the 2019 form. A table without that row says nothing. */
static int requests_form_of(const form_catalog *fc, const form_tokens *toks, int c2021)
{
    if (c2021)
        return FORM_2021;
    for (int i = 0; i < toks->n; i++) {
        const form_token *t = &toks->items[i];
        size_t label_at;
        int row = t->type == TOK_TEXT
                      ? form_match_glued_row(fc, GIPR_TABLE_REQUESTS, t->s, t->len, &label_at)
                      : -1;
        if (row >= 0 && strcmp(fc->rows[row].entry->code, "request.result.other") == 0)
            return FORM_2019;
    }
    return 0;
}

static int form_of(int c2019, int c2021)
{
    if (c2019 > c2021)
        return FORM_2019;
    if (c2021 > c2019)
        return FORM_2021;
    return 0;
}

static int any_row_seen(const form_reader *rd)
{
    for (int r = 0; r < rd->fc->nrows; r++)
        if (rd->rows[r].seen)
            return 1;
    return 0;
}

/* The report follows the form its tables follow; only tables in which a row of the form was
 * found say so (a table that merely looks like one says nothing). */
static void set_template(gipr_ctx *c, int form, int form_unknown)
{
    if (form_unknown)
        gipr_diag(c, "the tables do not say which form they follow; read as the 2019 form");
    gipr_template t = form == FORM_2021 ? GIPR_TEMPLATE_T2021 : GIPR_TEMPLATE_T2019;
    if (c->r->template_ == GIPR_TEMPLATE_LEGACY)
        gipr_diag(c, "the report has both the legacy statistics table and tables of the %s form",
                  gipr_template_name(t));
    else
        c->r->template_ = t;
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
        present[k] = form_tokenize_tables(c, kinds[k], &toks[k]);
        if (k < 2)
            count_cues(fc, kinds[k], &toks[k], &cues[k][0], &cues[k][1]);
    }
    if (c->oom || !(present[0] || present[1] || present[2]))
        return;
    int art20_form = form_of(cues[0][0], cues[0][1]);
    int art20_shape = present[0] ? art20_forms_by_cell_counts(fc, &toks[0]) : ART20_HAS_HEADINGS;
    if (art20_shape == FORM_2019 || art20_shape == FORM_2021) {
        if (art20_form && art20_form != art20_shape) {
            gipr_diag(c, "the rows of the table of section 二 have the labels of one form and the "
                         "cell counts of the other; left out");
            present[0] = 0;
        }
        art20_form = art20_shape;
    } else if (art20_shape != ART20_HAS_HEADINGS) {
        gipr_diag(c, "the table of section 二 has no column headings and its rows' cell counts fit "
                     "%s form; left out",
                  art20_shape ? "both forms, not one" : "neither");
        present[0] = 0;
        art20_form = 0;
    }
    int requests_form = present[1] ? requests_form_of(fc, &toks[1], cues[1][1]) : 0;
    if (cues[0][0] && cues[0][1])
        gipr_diag(c,
                  "the table of section 二 mixes the column headings of the 2019 and 2021 forms");
    if (art20_form && requests_form && requests_form != art20_form)
        gipr_diag(c,
                  "the table of section 二 follows the %s form, the table of section 三 the %s "
                  "form",
                  art20_form == FORM_2021 ? "2021" : "2019",
                  requests_form == FORM_2021 ? "2021" : "2019");
    int form = art20_form ? art20_form : requests_form;
    int form_unknown = !form;
    if (!form)
        form = FORM_2019;
    int recognised = 0; /* tables in which a row of the form was found */
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
            recognised += read_reviews(rd);
            continue;
        }
        if (kinds[k] == GIPR_TABLE_REQUESTS && requests_read_unlabelled(rd)) {
            emit_rows(rd);
            recognised++;
            continue;
        }
        if (kinds[k] == GIPR_TABLE_REQUESTS) {
            drop_request_page_numbers(rd);
            find_requests_heading_columns(rd);
        }
        walk(rd);
        if (kinds[k] == GIPR_TABLE_REQUESTS) {
            requests_place_orphans(rd);
            requests_settle_by_columns(rd);
            /* the runs left out are reported only when reading in form order did not
             * recover the table */
            if (!((rd->unplaced || rd->scrambled) && requests_read_in_form_order(rd)))
                requests_report_unplaced(rd);
        } else
            place_art20_orphans(rd);
        emit_rows(rd);
        recognised += any_row_seen(rd);
    }
    if (recognised)
        set_template(c, form, form_unknown);
}
