/* The legacy statistics table (政府信息公开情况统计表, reports for 2018 and earlier) and the
 * Jiangsu 申请来源统计表: finding them among the lines, and reading their rows.
 *
 * Rows are recognised by their label, never by their position: each cell is matched against the
 * labels of the catalog (catalog.def rows of the `legacy` form), reduced to keys (list number,
 * 其中:, parentheticals, spaces and punctuation dropped). Whatever layout the table came in (one
 * cell per line, tab or pipe columns, label + value + unit run together on one line, HTML cells),
 * the reader sees one stream of cells: a label opens a row, the numbers after it are its values,
 * unit cells name its unit, dashes and blanks leave it empty (no row, never 0). Numbering columns
 * are left out and cells holding rows run together are cut first (legacy_layout.c).
 *
 * When the stream reads as labels without numbers and numbers without labels, the text gave them
 * apart: a row of labels over a row of numbers (paired column by column), or all labels, then
 * all units, then all numbers (PDF text taken column by column: paired in order).
 *
 * A header naming several value columns (统计指标 | 单位 | 本年 | 上年, 合计 | 市本级, 2016年度 |
 * 历年累计, 统计数 | 备注) has only the report's own column read (legacy_layout.c finds it); the
 * others are left out with one diagnostic. PDF text may put a number centred on a wrapped label
 * on the line above the label: it is held and given to the next row when that row has none.
 *
 * The legacy table repeats labels across its blocks 一…九 ((二)被依法纠错数 under 四、行政复议
 * and under 五、行政诉讼), so a label is matched within the block its heading opened. */
#include "cells.h"
#include "legacy_cells.h"
#include "legacy_layout.h"
#include "tables.h"
#include "text.h"

#include <string.h>

enum { CARRY_MAX = 3 };       /* cells a label may be wrapped over */
enum { PENDING_MAX = 4 };     /* value cells between the parts of a wrapped label */
enum { MIN_PAIRED_ROWS = 3 }; /* labels and numbers in separate runs: pair at least this many */
enum { EARLY_MAX = 4 };       /* value cells met before the label they belong to */

/* ---- reading a table ------------------------------------------------------------------------- */

/* What a legacy table listed, in order, to pair labels with numbers when the text gave them in
 * separate runs (all labels, then all numbers: PDF text taken column by column). */
typedef struct {
    const legacy_label *label; /* NULL for a heading that is no row */
    const char *text;
} listed_row;

typedef struct {
    legacy_item item;
    const gipr_cell *cell;
} listed_item;

typedef struct {
    listed_row *rows;
    int nrows, cap_rows, nlabels;
    listed_item *items; /* numbers and dashes of cells of their own */
    int nitems, cap_items;
    int unused; /* numbers no row took: a row's second number, or none's */
    /* the run of value cells being listed: a unit column's dashes are no values */
    int run_first_item, run_has_unit;
    const char **run_units; /* the run's units and dashes (NULL) before its first number */
    int nrun_units, cap_run_units;
    int run_last_unit;     /* index in run_units of the last unit before the first number, -1 */
    int run_items_at_unit; /* nitems when it came: the dashes before it are the unit column's */
    int run_numbers;       /* numbers met in the run */
    const char **unit_column; /* the units given apart, one a row, over all runs (pages) */
    int nunit_column, cap_unit_column;
} listing;

typedef struct {
    gipr_ctx *c;
    const legacy_labels *labels;
    legacy_scope scope;
    listing list;
    /* the row being read */
    const legacy_label *row; /* NULL: no row, or a heading that is not a catalog row */
    int after_heading;       /* numbers after a heading belong to no row: dropped without a word */
    const char *row_label_text;
    int row_dims;         /* dims of the source table taken: 1 count, 2 share */
    int row_values;       /* numbers read for the row */
    const char *row_unit; /* named by a unit cell before the value */
    int row_unit_given;   /* the value came with its own unit */
    int row_emitted;      /* index of the row's indicator, -1 */
    int in_paren;         /* a parenthetical runs on into the next cells */
    int carry[CARRY_MAX]; /* cells of a label that may continue in the next cell */
    int ncarry;
    int pending[PENDING_MAX]; /* value and unit cells met between the parts of a wrapped label */
    int npending;
    int extra_numbers; /* legacy rows with more than one number: the first was read */
    int extra_line;    /* the first of them */
    int rows_read;
    /* several value columns (本年 | 上年): only the report's is read */
    const gipr_table *table;
    legacy_columns cols;
    int row_slots;     /* value columns of the row met so far, when the cells give no columns */
    int row_unit_seen; /* the row's unit cell came */
    int left_out;      /* numbers of the other columns */
    /* PDF text puts a number vertically centred on a label wrapped over lines on the line above
     * the label's: a line of value cells after a row that had its value on its own line is held
     * until the next label shows whether it has a value of its own */
    int row_line;       /* the line of the row's label */
    int early[EARLY_MAX];
    int nearly;
    int early_armed; /* the next label came: the row now current may take them */
} reader;

static const char *arena_trimmed(gipr_ctx *c, const char *s, size_t n)
{
    size_t start = gipr_legacy_skip_spaces(s, n, 0);
    size_t end = gipr_legacy_trim_end(s, start, n);
    return gipr_arena_strndup(c->arena, s + start, end - start);
}

static void list_row(reader *x, const legacy_label *l, const char *text)
{
    listing *ls = &x->list;
    void *items = ls->rows;
    if (gipr_grow(x->c->arena, &items, &ls->cap_rows, ls->nrows, sizeof(listed_row))) {
        x->c->oom = 1;
        return;
    }
    ls->rows = items;
    ls->rows[ls->nrows++] = (listed_row){l, text};
    ls->nlabels += l != NULL;
}

static void list_items(reader *x, const legacy_tail *t, const gipr_cell *cell)
{
    listing *ls = &x->list;
    for (int i = 0; i < t->nitems; i++) {
        void *items = ls->items;
        if (gipr_grow(x->c->arena, &items, &ls->cap_items, ls->nitems, sizeof(listed_item))) {
            x->c->oom = 1;
            return;
        }
        ls->items = items;
        ls->items[ls->nitems++] = (listed_item){t->item[i], cell};
    }
}

/* Append the first n units and dashes of the run to the unit column. */
static void add_to_unit_column(reader *x, int n)
{
    listing *ls = &x->list;
    for (int i = 0; i < n; i++) {
        void *items = ls->unit_column;
        if (gipr_grow(x->c->arena, &items, &ls->cap_unit_column, ls->nunit_column,
                      sizeof(char *))) {
            x->c->oom = 1;
            return;
        }
        ls->unit_column = items;
        ls->unit_column[ls->nunit_column++] = ls->run_units[i];
    }
}

/* A run of value cells ends (a label, heading or text follows). The units and dashes a run starts
 * with, up to its last unit before any number, are the unit column given apart (件 件 —— 件, then
 * the numbers —— 20 5 … when nothing stands between the two columns); they are dropped from the
 * numbers and kept in order, run after run (a table cut by page breaks repeats its columns). */
static void end_item_run(reader *x)
{
    listing *ls = &x->list;
    if (ls->run_has_unit && ls->run_numbers == 0) {
        add_to_unit_column(x, ls->nrun_units);
        ls->nitems = ls->run_first_item;
    } else if (ls->run_last_unit >= 0) {
        add_to_unit_column(x, ls->run_last_unit + 1);
        int drop = ls->run_items_at_unit - ls->run_first_item;
        memmove(ls->items + ls->run_first_item, ls->items + ls->run_items_at_unit,
                sizeof(listed_item) * (size_t)(ls->nitems - ls->run_items_at_unit));
        ls->nitems -= drop;
    }
    ls->nrun_units = 0;
    ls->run_first_item = ls->nitems;
    ls->run_has_unit = 0;
    ls->run_last_unit = -1;
    ls->run_numbers = 0;
}

/* A unit or dash cell of the current run, for the unit column given apart. */
static void list_run_unit(reader *x, const char *unit)
{
    listing *ls = &x->list;
    void *items = ls->run_units;
    if (gipr_grow(x->c->arena, &items, &ls->cap_run_units, ls->nrun_units, sizeof(char *))) {
        x->c->oom = 1;
        return;
    }
    ls->run_units = items;
    ls->run_units[ls->nrun_units++] = unit;
}

static void settle_early(reader *x, int row_ends);

static void start_row(reader *x, const legacy_label *l, const char *label_text)
{
    settle_early(x, 1);
    x->early_armed = x->nearly > 0;
    list_row(x, l, label_text);
    x->row = l;
    x->after_heading = 0;
    x->row_label_text = label_text;
    x->row_dims = x->row_values = x->row_slots = x->row_unit_seen = 0;
    x->row_unit = NULL;
    x->row_unit_given = 0;
    x->row_emitted = -1;
    x->scope.last_order = l->order;
    if (l->block)
        x->scope.block = l->block;
}

static void end_row(reader *x, int heading)
{
    x->row = NULL;
    x->after_heading = heading;
}

/* 1 when the report already holds a table value for code[dim]; a different one is reported. */
static int already_read(reader *x, const char *code, const char *dim, double value, int line)
{
    const gipr_report *r = x->c->r;
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *d = &r->indicators[i];
        if (d->source != GIPR_SOURCE_TABLE || strcmp(d->code, code) != 0 ||
            (dim == NULL) != (d->dim == NULL) || (dim && strcmp(dim, d->dim) != 0))
            continue;
        if (d->value != value)
            gipr_diag(x->c, "line %d: %s%s%s given again as %g (line %d: %g); the first is kept",
                      line, code, dim ? ":" : "", dim ? dim : "", value, d->line, d->value);
        return 1;
    }
    return 0;
}

static int is_amount(const gipr_catalog_entry *e) { return strcmp(e->unit, "万元") == 0; }

static void emit(reader *x, const char *dim, const legacy_item *it, const char *unit,
                 const gipr_cell *cell)
{
    const gipr_catalog_entry *e = x->row->entry;
    int share = dim && strcmp(dim, "share") == 0;
    double value = it->value;
    if (is_amount(e) && unit && strcmp(unit, "元") == 0)
        value /= 10000; /* amounts are in 万元 */
    if (already_read(x, e->code, dim, value, cell->line))
        return;
    gipr_indicator *d = gipr_add_indicator(x->c);
    if (!d)
        return;
    d->code = e->code;
    d->dim = dim;
    d->label = x->row_label_text;
    d->unit = share ? "%" : e->unit;
    d->value = value;
    d->is_real = is_amount(e) || share;
    d->raw = gipr_arena_strndup(x->c->arena, cell->s + it->start, it->len);
    d->source = GIPR_SOURCE_TABLE;
    d->qualifier = it->qualifier;
    d->line = cell->line;
    x->row_emitted = x->c->r->nindicators - 1;
    x->row_unit_given = unit != NULL;
    x->rows_read++;
}

enum { SLOT_BY_ORDER = -1, SLOT_NO_VALUE = -2 };

/* The value column (index into x->cols.col) of a cell whose row keeps the header's columns (tabs,
 * pipes, HTML), SLOT_NO_VALUE for its label or unit column; SLOT_BY_ORDER when the row's cells
 * give no columns (one cell a line, wide gaps with a cell missing, a label joined from parts). */
static int cell_slot(const reader *x, const gipr_cell *cell)
{
    const gipr_table *t = x->table;
    const legacy_columns *k = &x->cols;
    if (k->row < 0 || !t || cell < t->cells || cell >= t->cells + t->ncells)
        return SLOT_BY_ORDER;
    int i = (int)(cell - t->cells), start = i;
    while (start > 0 && t->cells[start - 1].row == cell->row)
        start--;
    if (!t->from_html && gipr_legacy_row_end(t, i) - start != k->row_cells)
        return SLOT_BY_ORDER;
    for (int j = 0; j < k->ncols; j++)
        if (k->col[j] == cell->col)
            return j;
    return SLOT_NO_VALUE;
}

/* A number or empty mark of a legacy row when the header names several value columns: only the
 * report's column is its value. */
static void take_column_item(reader *x, const legacy_item *it, const char *unit,
                             const gipr_cell *cell)
{
    int slot = cell_slot(x, cell);
    if (slot == SLOT_NO_VALUE && it->empty)
        return;
    if (slot < 0) {
        /* a dash before the row's unit is the unit column's */
        if (it->empty && x->cols.has_unit && !x->row_unit_seen && x->row_slots == 0)
            return;
        slot = x->row_slots++;
    }
    if (slot != x->cols.pick) {
        x->left_out += !it->empty;
        return;
    }
    if (!it->empty && x->row_values++ == 0)
        emit(x, NULL, it, unit, cell);
}

/* One number or empty mark of the row: the legacy table's value, or the source table's count
 * then share (a number with % is the share). */
static void take_item(reader *x, const legacy_item *it, const char *unit, const gipr_cell *cell)
{
    if (!x->row) {
        if (!x->after_heading && !it->empty) {
            x->list.unused++;
            gipr_diag(x->c, "line %d: number %.*s in the statistics table belongs to no row",
                      cell->line, (int)it->len, cell->s + it->start);
        }
        return;
    }
    if (x->scope.kind == GIPR_TABLE_LEGACY && x->cols.found) {
        take_column_item(x, it, unit, cell);
        return;
    }
    if (x->scope.kind == GIPR_TABLE_LEGACY) {
        if (it->empty) /* the unit column may hold a dash too: it does not use up the value */
            return;
        int n = x->row_values++;
        if (n == 0)
            emit(x, NULL, it, unit, cell);
        else
            x->list.unused++;
        if (n == 1 && x->extra_numbers++ == 0)
            x->extra_line = cell->line;
        return;
    }
    x->row_values++;
    int share = (it->unit && strcmp(it->unit, "%") == 0) || (x->row_dims & 1);
    int bit = share ? 2 : 1;
    if (x->row_dims & bit)
        return;
    x->row_dims |= bit;
    const char *dim = share ? "share" : "count";
    /* the total has no share: its 100% is no value */
    if (!it->empty && gipr_legacy_list_has(x->row->entry->dims, dim))
        emit(x, dim, it, NULL, cell);
}

static void take_values(reader *x, const legacy_tail *t, const gipr_cell *cell)
{
    for (int i = 0; i < t->nitems; i++) {
        const legacy_item *it = &t->item[i];
        take_item(x, it, it->unit ? it->unit : t->lead_unit ? t->lead_unit : x->row_unit, cell);
    }
}

/* A unit cell: the row's unit before its value; a 元 after an amount's value converts it. */
static void take_unit(reader *x, const char *unit)
{
    if (!x->row)
        return;
    x->row_unit_seen = 1;
    if (x->row_emitted < 0) {
        x->row_unit = unit;
        return;
    }
    gipr_indicator *d = &x->c->r->indicators[x->row_emitted];
    if (!x->row_unit_given && is_amount(x->row->entry) && strcmp(unit, "元") == 0) {
        d->value /= 10000;
        x->row_unit_given = 1;
    }
}

/* A row label (cell holds the label, maybe with its value): its row starts. */
static void take_label(reader *x, const legacy_match *m, const gipr_cell *cell)
{
    size_t upto = m->tail.kind == TAIL_NONE ? cell->len : m->tail.label_end;
    const char *text = arena_trimmed(x->c, cell->s, upto);
    start_row(x, m->label, text ? text : "");
    x->row_line = cell->line;
    x->in_paren = m->tail.open_paren;
    if (m->tail.lead_unit)
        take_unit(x, m->tail.lead_unit);
    take_values(x, &m->tail, cell);
}

/* Try the fragments carried over from the cells before, joined with this cell, as one label. */
static int take_wrapped_label(reader *x, const gipr_table *t, int ci)
{
    const gipr_cell *cell = &t->cells[ci];
    for (int from = 0; from < x->ncarry; from++) {
        gipr_strbuf b = {0};
        for (int j = from; j < x->ncarry; j++)
            gipr_sb_add(&b, t->cells[x->carry[j]].s, t->cells[x->carry[j]].len);
        gipr_sb_add(&b, cell->s, cell->len);
        legacy_cell cls;
        if (!b.oom)
            gipr_legacy_classify(x->labels, &x->scope, b.s, b.len, &cls);
        if (!b.oom && cls.kind == CELL_LABEL) {
            gipr_cell joined = *cell;
            joined.s = gipr_arena_strndup(x->c->arena, b.s, b.len);
            joined.len = b.len;
            gipr_sb_free(&b);
            if (!joined.s) {
                x->c->oom = 1;
                return 1;
            }
            take_label(x, &cls.match, &joined);
            x->ncarry = 0;
            return 1;
        }
        gipr_sb_free(&b);
    }
    return 0;
}

static void carry(reader *x, int ci)
{
    if (x->ncarry == CARRY_MAX) {
        memmove(x->carry, x->carry + 1, sizeof x->carry[0] * (CARRY_MAX - 1));
        x->ncarry--;
    }
    x->carry[x->ncarry++] = ci;
}

/* A cell while a parenthetical remark wrapped from the cells before is open: skipped up to its
 * ')', and what follows the ')' is read. A cell that reads as a row, value or unit ends the remark
 * (a lost ')' must not swallow the table). Returns 1 when the cell was consumed. */
static int read_remark(reader *x, const gipr_cell *cell)
{
    const char *s = cell->s, *close = NULL;
    size_t n = cell->len;
    for (const char *p = s; p < s + n && !close; p++)
        if (*p == ')' || (p + 3 <= s + n && memcmp(p, "）", 3) == 0))
            close = p;
    if (!close) {
        legacy_cell cls;
        gipr_legacy_classify(x->labels, &x->scope, s, n, &cls);
        if (cls.kind == CELL_OTHER || cls.kind == CELL_NARRATIVE || cls.kind == CELL_BLANK)
            return 1;
        x->in_paren = 0;
        return 0;
    }
    x->in_paren = 0;
    size_t skip = (size_t)(close - s) + (*close == ')' ? 1 : 3);
    legacy_tail tl;
    gipr_legacy_read_tail(s, n, skip, &tl);
    if (tl.kind == TAIL_BAD)
        return 1;
    if (tl.lead_unit)
        take_unit(x, tl.lead_unit);
    take_values(x, &tl, cell);
    return 1;
}

/* 1 when the fragments carried over (from any of them on) begin a label: its value may come
 * before the rest of it. */
static int carries_label_start(reader *x, const gipr_table *t)
{
    int found = 0;
    for (int from = 0; from < x->ncarry && !found; from++) {
        gipr_strbuf b = {0};
        for (int j = from; j < x->ncarry; j++)
            gipr_sb_add(&b, t->cells[x->carry[j]].s, t->cells[x->carry[j]].len);
        found = !b.oom && gipr_legacy_is_label_prefix(x->labels, &x->scope, b.s, b.len);
        gipr_sb_free(&b);
    }
    return found;
}

/* A cell of numbers, dashes or a unit, for the current row. */
static void take_value_cell(reader *x, const legacy_cell *cls, const gipr_cell *cell)
{
    if (cls->tail.lead_unit)
        take_unit(x, cls->tail.lead_unit);
    listing *ls = &x->list;
    ls->run_has_unit |= cls->kind == CELL_UNIT;
    if (ls->run_numbers == 0 &&
        (cls->kind == CELL_UNIT || (cls->kind == CELL_EMPTY && cls->tail.nitems == 1))) {
        list_run_unit(x, cls->kind == CELL_UNIT ? cls->tail.lead_unit : NULL);
        if (cls->kind == CELL_UNIT) {
            ls->run_last_unit = ls->nrun_units - 1;
            ls->run_items_at_unit = ls->nitems;
        }
    }
    ls->run_numbers += cls->kind == CELL_VALUE;
    if (cls->kind != CELL_UNIT) {
        take_values(x, &cls->tail, cell);
        list_items(x, &cls->tail, cell);
    }
}

/* The value cells held back while a wrapped label was read: for the row now current. */
static void take_pending(reader *x, const gipr_table *t)
{
    for (int i = 0; i < x->npending; i++) {
        const gipr_cell *cell = &t->cells[x->pending[i]];
        legacy_cell cls;
        gipr_legacy_classify(x->labels, &x->scope, cell->s, cell->len, &cls);
        take_value_cell(x, &cls, cell);
    }
    x->npending = 0;
}

static int is_value_cell(int kind)
{
    return kind == CELL_VALUE || kind == CELL_EMPTY || kind == CELL_UNIT;
}

/* Settle the value cells held before a label (see reader.early): when a row ends (row_ends), the
 * row that came after them takes them if it has no value of its own and they hold one number;
 * a number no single row can take is left out with a word. When the table ends before any label
 * came, they are nobody's. */
static void settle_early(reader *x, int row_ends)
{
    if (!x->nearly || (row_ends && !x->early_armed))
        return;
    const gipr_table *t = x->table;
    int numbers = 0;
    legacy_cell cls[EARLY_MAX];
    for (int i = 0; i < x->nearly; i++) {
        const gipr_cell *cell = &t->cells[x->early[i]];
        gipr_legacy_classify(x->labels, &x->scope, cell->s, cell->len, &cls[i]);
        for (int k = 0; k < cls[i].tail.nitems; k++)
            numbers += !cls[i].tail.item[k].empty;
    }
    int n = x->nearly;
    x->nearly = 0;
    x->early_armed = 0;
    if (numbers == 1 && row_ends && x->row && x->row_emitted < 0) {
        for (int i = 0; i < n; i++)
            take_value_cell(x, &cls[i], &t->cells[x->early[i]]);
        return;
    }
    if (numbers > 0)
        gipr_diag(x->c,
                  "line %d: a number in the statistics table stands between two rows and could be "
                  "either's; it was left out",
                  t->cells[x->early[0]].line);
}

/* 1 when the value cell ci is held for the label after it: it continues a line already held, or
 * starts a line of value cells with a number after a row whose label had its value on its own
 * line (so this line is no continuation of that row's cells). */
static int holds_early(reader *x, const gipr_table *t, int ci)
{
    const gipr_cell *cell = &t->cells[ci];
    if (x->scope.kind != GIPR_TABLE_LEGACY || x->cols.found || x->early_armed ||
        x->nearly == EARLY_MAX)
        return 0;
    if (x->nearly > 0 && t->cells[x->early[x->nearly - 1]].row == cell->row)
        return 1;
    if (!x->row || x->row_emitted < 0 || x->c->r->indicators[x->row_emitted].line != x->row_line ||
        cell->line <= x->row_line || (ci > 0 && t->cells[ci - 1].row == cell->row))
        return 0;
    int numbers = 0;
    for (int i = ci; i < gipr_legacy_row_end(t, ci); i++) {
        legacy_cell cls;
        gipr_legacy_classify(x->labels, &x->scope, t->cells[i].s, t->cells[i].len, &cls);
        if (!is_value_cell(cls.kind) && cls.kind != CELL_BLANK)
            return 0;
        numbers += cls.kind == CELL_VALUE;
    }
    return numbers > 0;
}

static void read_cell(reader *x, const gipr_table *t, int ci)
{
    const gipr_cell *cell = &t->cells[ci];
    const char *s = cell->s;
    size_t n = cell->len;
    if (x->in_paren && read_remark(x, cell))
        return;
    legacy_cell cls;
    gipr_legacy_classify(x->labels, &x->scope, s, n, &cls);
    /* a label's continuation reads as text: 经济安全和社会稳定, 安全和社会稳定0件 */
    if ((cls.kind == CELL_OTHER || cls.kind == CELL_HEADING) && x->ncarry > 0 &&
        take_wrapped_label(x, t, ci)) {
        take_pending(x, t);
        return;
    }
    /* 召开…专题会 | 次 | 2 | 议数: the value sits between the parts of the label */
    if (is_value_cell(cls.kind) && x->ncarry > 0 && x->npending < PENDING_MAX &&
        carries_label_start(x, t)) {
        x->pending[x->npending++] = ci;
        return;
    }
    take_pending(x, t);
    if (is_value_cell(cls.kind) && holds_early(x, t, ci)) {
        x->early[x->nearly++] = ci;
        return;
    }
    if (!is_value_cell(cls.kind) && cls.kind != CELL_BLANK && cls.kind != CELL_PAREN)
        end_item_run(x);
    switch (cls.kind) {
    case CELL_VALUE:
    case CELL_EMPTY:
    case CELL_UNIT: take_value_cell(x, &cls, cell); break;
    case CELL_PAREN: x->in_paren = cls.tail.open_paren; break;
    case CELL_LABEL:
        if (cls.top_block)
            x->scope.block = cls.top_block;
        take_label(x, &cls.match, cell);
        break;
    case CELL_HEADING:
        /* a block's heading after held cells: they are nobody's (a numbered line within the
         * block may be the first part of a wrapped label, the row they stand before) */
        if (cls.top_block) {
            settle_early(x, x->early_armed);
            x->scope.block = cls.top_block;
        }
        end_row(x, 1);
        list_row(x, NULL, NULL);
        break;
    default: break;
    }
    if (cls.kind == CELL_HEADING || cls.kind == CELL_OTHER)
        carry(x, ci);
    else if (cls.kind != CELL_BLANK && cls.kind != CELL_PAREN)
        x->ncarry = 0;
}

/* 1 when the legacy table read as labels without numbers followed by numbers without labels:
 * most rows got none, and numbers were left over. */
static int reads_as_separate_runs(const reader *x, int values_read)
{
    return x->scope.kind == GIPR_TABLE_LEGACY && x->list.nlabels >= MIN_PAIRED_ROWS &&
           values_read * 2 < x->list.nlabels && x->list.unused >= 2;
}

/* Pair the listed rows with the listed numbers in order, when their counts agree: with the
 * headings (each with its dash), or without. Returns 0 when they do not. */
/* 1 when the unit column holds a dash: the mark of a heading's cell, so it pairs with headings. */
static int has_dash(const listing *ls)
{
    for (int i = 0; i < ls->nunit_column; i++)
        if (!ls->unit_column[i])
            return 1;
    return 0;
}

static int pair_runs(reader *x)
{
    const listing *ls = &x->list;
    int with_headings = ls->nitems == ls->nrows;
    if (!with_headings && ls->nitems != ls->nlabels)
        return 0;
    /* the unit column given apart pairs the same way, when it has as many cells */
    int units_with_headings = ls->nunit_column == ls->nrows;
    int units = units_with_headings || (ls->nunit_column == ls->nlabels && !has_dash(ls));
    /* a unit column that names 元 but cannot be paired leaves amounts unknown: 元 or 万元 */
    int yuan_unpaired = 0;
    for (int i = 0; !units && i < ls->nunit_column; i++)
        yuan_unpaired |= ls->unit_column[i] && strcmp(ls->unit_column[i], "元") == 0;
    int amounts_left = 0, amount_line = 0;
    int k = 0, u = 0;
    for (int i = 0; i < ls->nrows; i++) {
        const listed_row *row = &ls->rows[i];
        if (!row->label) {
            k += with_headings;
            u += units_with_headings;
            continue;
        }
        const listed_item *it = &ls->items[k++];
        const char *unit = units ? ls->unit_column[u++] : NULL;
        if (yuan_unpaired && is_amount(row->label->entry) && !it->item.unit && !it->item.empty) {
            if (amounts_left++ == 0)
                amount_line = it->cell->line;
            continue;
        }
        x->row = row->label;
        x->row_label_text = row->text;
        x->row_values = 0;
        x->row_unit = NULL;
        take_item(x, &it->item, it->item.unit ? it->item.unit : unit, it->cell);
    }
    if (amounts_left)
        gipr_diag(x->c,
                  "line %d: the statistics table's unit column names 元 but does not pair with "
                  "its rows; %d amount(s) left out",
                  amount_line, amounts_left);
    return 1;
}

/* ---- a table laid out across: labels in one row, their values in the next ------------------- */

/* What the cells [from, to) of a row are: a row of labels (at least two, no numbers), a row of
 * values (numbers and dashes only), or neither. */
enum { ROW_MIXED, ROW_LABELS, ROW_VALUES };

static int row_kind(const reader *x, const gipr_table *t, int from, int to)
{
    int labels = 0, values = 0, others = 0;
    for (int i = from; i < to; i++) {
        legacy_cell cls;
        gipr_legacy_classify(x->labels, &x->scope, t->cells[i].s, t->cells[i].len, &cls);
        if (cls.kind == CELL_LABEL && cls.match.tail.nitems == 0)
            labels++;
        else if (cls.kind == CELL_VALUE || cls.kind == CELL_EMPTY)
            values++;
        else if (cls.kind != CELL_BLANK && cls.kind != CELL_UNIT)
            others++;
    }
    if (labels >= 2 && values == 0)
        return ROW_LABELS;
    return values > 0 && labels == 0 && others == 0 ? ROW_VALUES : ROW_MIXED;
}

/* Labels in one row and their values in the next, column by column (收到申请数 | 当面申请数 …
 * over 15 | 2 …; blank cells keep the columns). Returns 1 when any such pair of rows was read. */
static int pair_by_columns(reader *x, const gipr_table *t)
{
    int found = 0;
    for (int i = 0; i < t->ncells && !x->c->oom;) {
        int end = gipr_legacy_row_end(t, i);
        int next = end < t->ncells ? gipr_legacy_row_end(t, end) : end;
        if (end == next || next - end != end - i || row_kind(x, t, i, end) != ROW_LABELS ||
            row_kind(x, t, end, next) != ROW_VALUES) {
            i = end;
            continue;
        }
        found = 1;
        for (int k = 0; k < end - i; k++) {
            const gipr_cell *label = &t->cells[i + k], *value = &t->cells[end + k];
            legacy_cell l, v;
            gipr_legacy_classify(x->labels, &x->scope, label->s, label->len, &l);
            gipr_legacy_classify(x->labels, &x->scope, value->s, value->len, &v);
            if (l.kind != CELL_LABEL || v.tail.nitems == 0)
                continue;
            x->row = l.match.label;
            x->row_label_text = arena_trimmed(x->c, label->s, label->len);
            x->row_values = x->row_dims = 0;
            x->row_unit = NULL;
            x->scope.last_order = l.match.label->order;
            if (l.match.label->block) /* 被依法纠错数 after 行政诉讼数量 is litigation's */
                x->scope.block = l.match.label->block;
            take_values(x, &v.tail, value);
        }
        i = next;
    }
    return found;
}

/* Read the rows of table t; *block is the block the table of the same kind before it ended in
 * (a table cut by a page break goes on in it), and the block this one ends in. */
static int read_table(gipr_ctx *c, const legacy_labels *ls, const gipr_table *t, int *block)
{
    reader x = {.c = c, .labels = ls, .row_emitted = -1, .table = t};
    x.list.run_last_unit = -1;
    x.scope.kind = t->kind;
    x.scope.block = *block;
    x.scope.last_order = -1;
    int first_indicator = c->r->nindicators;
    unsigned char *serial = gipr_legacy_numbering_cells(c, t);
    if (!serial)
        return 0;
    gipr_legacy_value_columns(c, ls, t, serial, &x.cols);
    for (int i = 0; i < t->ncells && !c->oom; i++)
        if (!serial[i])
            read_cell(&x, t, i);
    take_pending(&x, t);
    settle_early(&x, x.early_armed);
    end_item_run(&x);
    if (!c->oom && reads_as_separate_runs(&x, c->r->nindicators - first_indicator)) {
        int line = t->ncells ? t->cells[0].line : 0;
        c->r->nindicators = first_indicator; /* the rows read in place are wrong: drop them */
        x.rows_read = 0;
        x.cols.found = 0;
        x.left_out = 0;
        x.extra_numbers = 0;
        x.scope.last_order = -1;
        x.scope.block = 0;
        if (pair_by_columns(&x, t))
            gipr_diag(c,
                      "line %d: the statistics table gives its labels in rows of their own; "
                      "each row of numbers was paired with the labels above it",
                      line);
        else if (pair_runs(&x))
            gipr_diag(c,
                      "line %d: the statistics table lists its labels apart from its numbers; "
                      "they were paired in order",
                      line);
        else
            gipr_diag(c,
                      "line %d: the statistics table lists %d labels apart from %d numbers; "
                      "they cannot be paired, no value was read",
                      line, x.list.nlabels, x.list.nitems);
    }
    if (x.left_out)
        gipr_diag(c,
                  "line %d: the statistics table has several value columns; the %s column was "
                  "read, %s left out (%d number(s))",
                  x.cols.line, x.cols.picked ? x.cols.picked : "", x.cols.others ? x.cols.others : "",
                  x.left_out);
    if (x.extra_numbers)
        gipr_diag(c,
                  "line %d: %d row(s) of the statistics table have more than one number; the "
                  "first of each was read",
                  x.extra_line, x.extra_numbers);
    *block = x.scope.block;
    return x.rows_read;
}

static int is_form_table(int kind)
{
    return kind == GIPR_TABLE_ART20 || kind == GIPR_TABLE_REQUESTS || kind == GIPR_TABLE_REVIEWS;
}

void gipr_read_legacy_tables(gipr_ctx *c)
{
    legacy_labels ls;
    int read = 0, form = 0, block[2] = {0, 0}; /* the last block of each kind */
    for (int i = 0; i < c->ntables; i++)
        form |= is_form_table(c->tables[i].kind);
    for (int i = 0; i < c->ntables && !c->oom; i++) {
        const gipr_table *t = &c->tables[i];
        if (t->kind != GIPR_TABLE_LEGACY && t->kind != GIPR_TABLE_SOURCE)
            continue;
        if (!read && gipr_legacy_labels(c, &ls))
            return;
        read |= 1;
        if (read_table(c, &ls, t, &block[t->kind == GIPR_TABLE_SOURCE]) == 0)
            gipr_diag(c, "line %d: a statistics table with no row that could be read",
                      t->first_line >= 0 ? c->lines[t->first_line].no : 0);
    }
    if (!read)
        return;
    if (form)
        gipr_diag(c, "both a legacy statistics table and a 2019/2021-form table were found");
    else if (c->r->template_ == GIPR_TEMPLATE_NONE)
        c->r->template_ = GIPR_TEMPLATE_LEGACY;
}

/* ---- finding the tables ---------------------------------------------------------------------- */

enum { MIN_TABLE_ROWS = 3, MAX_WEAK_RUN = 6 };
enum { MAX_HEAD_RUN = 16 }; /* the header before the first row, one cell a line: 计量 / 单位 / 代码 … */
enum { MIN_CLAIM_KEY = 3 }; /* labels shorter than this do not make an HTML table ours */

/* The table a line opens: its title (政府信息公开情况统计表, 申请来源统计表), its header
 * (统 计 指 标 …) or its first row (一、主动公开情况). GIPR_TABLE_* or 0. */
static int table_opened_by(const gipr_line *l)
{
    char key[512];
    if (l->len > 240 || gipr_contains(l->s, l->len, "。"))
        return 0;
    gipr_label_key(l->s, l->len, key, sizeof key);
    if (strstr(key, "统计表") || strstr(key, "统计报表")) {
        if (strstr(key, "来源")) /* 申请来源统计表, 申请人来源… */
            return GIPR_TABLE_SOURCE;
        /* 政府信息公开情况统计表, 政务信息公开…, a part of it: 依申请公开情况统计表 */
        if (strstr(key, "信息公开") || strstr(key, "依申请公开") || strstr(key, "主动公开"))
            return GIPR_TABLE_LEGACY;
        return 0;
    }
    if (strncmp(key, "统计指标", strlen("统计指标")) == 0 ||
        strncmp(key, "指标名称", strlen("指标名称")) == 0)
        return GIPR_TABLE_LEGACY;
    if (strcmp(key, "申请来源") == 0)
        return GIPR_TABLE_SOURCE;
    if (strcmp(key, "主动公开情况") == 0 && gipr_legacy_top_level_number(l->s, l->len) == 1)
        return GIPR_TABLE_LEGACY;
    return 0;
}

/* A bare 附表 / 附件 line introducing the table (a numbered 五、附表 is a section heading). */
static int is_attachment_caption(const gipr_line *l)
{
    char key[64];
    gipr_label_key(l->s, l->len, key, sizeof key);
    return gipr_list_number_len(l->s, l->len) == 0 &&
           (strcmp(key, "附表") == 0 || strncmp(key, "附件", strlen("附件")) == 0) && l->len < 24;
}

enum { LINE_WEAK, LINE_STRONG, LINE_STOP };

/* Whether a line belongs to a table of the kind: strong (a row label or a value), weak (table
 * furniture, headings, wrapped label pieces: kept only when rows follow) or the end. */
/* Page furniture that closes the page (【返回顶部】…): the table cannot go on after it. */
static int ends_page(const gipr_line *l)
{
    static const char end_marks[][16] = {"【", "返回顶部", "打印本页", "关闭窗口"};
    for (size_t i = 0; i < sizeof end_marks / sizeof end_marks[0]; i++)
        if (gipr_contains(l->s, l->len, end_marks[i]))
            return 1;
    return 0;
}

static int line_role(gipr_ctx *c, const legacy_labels *ls, int kind, const gipr_line *l,
                     int *labels)
{
    if (ends_page(l))
        return LINE_STOP;
    int opens = table_opened_by(l);
    if (opens && opens != kind)
        return LINE_STOP;
    legacy_scope sc = {.kind = kind, .block = 0, .last_order = -1};
    size_t pos = 0;
    gipr_span span;
    int role = LINE_WEAK;
    while (gipr_next_cell(l->s, l->len, &pos, &span)) {
        const char *s = l->s + span.start;
        size_t n = span.len;
        const char *clean = gipr_legacy_without_markup(c, s, n); /* **四、行政复议数量** */
        if (clean)
            s = clean, n = strlen(clean);
        legacy_cell cls;
        gipr_legacy_classify(ls, &sc, s, n, &cls);
        switch (cls.kind) {
        case CELL_NARRATIVE: /* a whole table flattened into one line reads as a long text */
        case CELL_OTHER: {
            legacy_piece piece[MAX_RUN_PIECES];
            int found;
            if (gipr_legacy_run_together(ls, kind, s, n, piece, &found) == 0) {
                if (cls.kind == CELL_NARRATIVE)
                    return LINE_STOP;
                break;
            }
            *labels += found;
            role = LINE_STRONG;
            break;
        }
        case CELL_LABEL: ++*labels; /* fall through */
        case CELL_VALUE:
        case CELL_UNIT:
        case CELL_EMPTY: role = LINE_STRONG; break;
        default: break;
        }
    }
    return role;
}

/* 1 when line `li` (weak) ends a label begun by the first cell of one of the lines just before it
 * (up to CARRY_MAX back): the last row's label wrapped around its value (接受培训 | 人次 60 |
 * 人员数). */
static int ends_wrapped_label(gipr_ctx *c, const legacy_labels *ls, int kind, int li)
{
    const gipr_line *l = &c->lines[li];
    legacy_scope sc = {.kind = kind, .block = 0, .last_order = -1};
    for (int j = li - 1, back = 0; j >= 0 && back < CARRY_MAX; j--) {
        const gipr_line *p = &c->lines[j];
        if (p->kind == GIPR_LINE_BLANK)
            continue;
        back++;
        size_t pos = 0;
        gipr_span head;
        if (!gipr_next_cell(p->s, p->len, &pos, &head) ||
            !gipr_legacy_is_label_prefix(ls, &sc, p->s + head.start, head.len))
            continue;
        gipr_strbuf b = {0};
        gipr_sb_add(&b, p->s + head.start, head.len);
        gipr_sb_add(&b, l->s, l->len);
        legacy_cell cls;
        int label = 0;
        if (!b.oom) {
            gipr_legacy_classify(ls, &sc, b.s, b.len, &cls);
            label = cls.kind == CELL_LABEL;
        }
        gipr_sb_free(&b);
        if (label)
            return 1;
    }
    return 0;
}

/* The last line of a table of the kind whose first line is `first`, and its count of rows. */
static int table_end(gipr_ctx *c, const legacy_labels *ls, int kind, int first, int *rows)
{
    int last = first, weak_run = 0;
    *rows = 0;
    for (int i = first + 1; i < c->nlines; i++) {
        const gipr_line *l = &c->lines[i];
        if (l->kind == GIPR_LINE_CHROME && ends_page(l))
            break;
        if (l->kind == GIPR_LINE_BLANK || l->kind == GIPR_LINE_CHROME || l->kind == GIPR_LINE_TABLE)
            continue;
        int role = line_role(c, ls, kind, l, rows);
        if (role == LINE_STOP)
            break;
        if (role == LINE_STRONG || (weak_run == 0 && ends_wrapped_label(c, ls, kind, i))) {
            last = i;
            weak_run = 0;
        } else if (++weak_run > (last == first ? MAX_HEAD_RUN : MAX_WEAK_RUN)) {
            break;
        }
    }
    return last;
}

/* The line before `first` (blank lines skipped) when it is a bare 附表 caption, else first. */
static int with_caption(const gipr_ctx *c, int first)
{
    int i = first - 1;
    while (i >= 0 && c->lines[i].kind == GIPR_LINE_BLANK)
        i--;
    return i >= 0 && c->lines[i].kind == GIPR_LINE_TEXT && is_attachment_caption(&c->lines[i])
               ? i
               : first;
}

/* The labels an HTML table holds for a table kind: how many (long enough to prove anything: 其他,
 * 合计, 企业 name cells of other tables too), and the catalog order of the first and last. */
typedef struct {
    int count, first_order, last_order;
} claimed_labels;

static claimed_labels labels_in(const legacy_labels *ls, int kind, const gipr_table *t,
                                int after_order)
{
    claimed_labels got = {0, -1, -1};
    legacy_scope sc = {.kind = kind, .last_order = after_order};
    for (int j = 0; j < t->ncells; j++) {
        legacy_cell cls;
        gipr_legacy_classify(ls, &sc, t->cells[j].s, t->cells[j].len, &cls);
        if (cls.kind != CELL_LABEL || cls.match.label->nkey < MIN_CLAIM_KEY)
            continue;
        if (got.count++ == 0)
            got.first_order = cls.match.label->order;
        got.last_order = cls.match.label->order;
    }
    return got;
}

/* HTML tables come cut into cells: claim those whose cells are rows of one of the two tables, and
 * the table right after one of them that goes on with its rows (the table cut by a page break:
 * 4.信函申请数 after 3.网络申请数). */
static void claim_html_tables(gipr_ctx *c, const legacy_labels *ls)
{
    static const int kinds[2] = {GIPR_TABLE_LEGACY, GIPR_TABLE_SOURCE};
    int prev_kind = 0, prev_last = -1;
    for (int i = 0; i < c->ntables; i++) {
        gipr_table *t = &c->tables[i];
        if (!t->from_html)
            continue;
        if (t->kind != 0) {
            prev_kind = 0;
            continue;
        }
        claimed_labels got[2]; /* labels after those of the table before rank first */
        for (int k = 0; k < 2; k++)
            got[k] = labels_in(ls, kinds[k], t, prev_kind == kinds[k] ? prev_last : -1);
        int kind = 0, last = -1;
        if (got[0].count >= MIN_TABLE_ROWS && got[0].count >= got[1].count)
            kind = GIPR_TABLE_LEGACY, last = got[0].last_order;
        else if (got[1].count >= MIN_TABLE_ROWS)
            kind = GIPR_TABLE_SOURCE, last = got[1].last_order;
        for (int k = 0; k < 2 && !kind; k++)
            if (prev_kind == kinds[k] && got[k].count > 0 && got[k].first_order > prev_last)
                kind = kinds[k], last = got[k].last_order;
        t->kind = kind;
        prev_kind = kind;
        prev_last = last;
    }
}

/* The labels, loaded on first use: most reports (the 2019 and 2021 forms) never need them. */
static const legacy_labels *labels_of(gipr_ctx *c, legacy_labels *ls, int *loaded)
{
    if (!*loaded && gipr_legacy_labels(c, ls) == 0)
        *loaded = 1;
    return *loaded ? ls : NULL;
}

void gipr_find_legacy_tables(gipr_ctx *c)
{
    legacy_labels store;
    const legacy_labels *ls;
    int loaded = 0;
    for (int i = 0; i < c->ntables; i++)
        if (c->tables[i].kind == 0 && c->tables[i].from_html) {
            if ((ls = labels_of(c, &store, &loaded)) == NULL)
                return;
            claim_html_tables(c, ls);
            break;
        }
    for (int i = 0; i < c->nlines && !c->oom; i++) {
        const gipr_line *l = &c->lines[i];
        if (l->kind != GIPR_LINE_TEXT)
            continue;
        int kind = table_opened_by(l), rows;
        if (!kind)
            continue;
        if ((ls = labels_of(c, &store, &loaded)) == NULL)
            return;
        int last = table_end(c, ls, kind, i, &rows);
        /* the opening line itself may be the first row (一、主动公开情况 is no label, but a
         * run-together 一、党政机关0 0% is) */
        int own = 0;
        line_role(c, ls, kind, l, &own);
        /* no later opening line up to `last` could find more rows: skip them either way */
        if (rows + own >= MIN_TABLE_ROWS)
        {
            gipr_table *t = gipr_add_text_table(c, kind, with_caption(c, i), last);
            if (t) {
                gipr_legacy_strip_markup(c, t);
                gipr_legacy_split_run_together(c, ls, t);
            }
        }
        i = last;
    }
}
