/* The shapes of a legacy table's text that need preparing before its cells are read (see
 * legacy_layout.h): numbering columns to leave out, cells holding rows run together to cut. */
#include "legacy_layout.h"

#include "text.h"

#include <string.h>

int gipr_legacy_row_end(const gipr_table *t, int i)
{
    int end = i;
    while (end < t->ncells && t->cells[end].row == t->cells[i].row)
        end++;
    return end;
}

/* ---- numbering columns: 序号 before the labels, 代码 01 02 … after them ----------------------- */

enum { MIN_SERIAL_RUN = 3, LONG_SERIAL_RUN = 6, MAX_SERIAL_DIGITS = 3, MAX_SERIAL_COLS = 16 };

typedef struct {
    int value;  /* -1: the cell is no bare integer */
    int leads;  /* first cell of its row, and the row's label follows it */
    int padded; /* written with a leading zero: 01, 02 */
} serial_mark;

/* A cell that is a bare small integer (1, 12, 05: no unit, no point). */
static serial_mark bare_serial(const gipr_cell *cell)
{
    serial_mark m = {-1, 0, 0};
    if (cell->len == 0 || cell->len > MAX_SERIAL_DIGITS)
        return m;
    int v = 0;
    for (size_t i = 0; i < cell->len; i++) {
        if (cell->s[i] < '0' || cell->s[i] > '9')
            return m;
        v = v * 10 + (cell->s[i] - '0');
    }
    m.value = v;
    m.padded = cell->len > 1 && cell->s[0] == '0';
    return m;
}

/* Every bare integer cell, and whether it leads its row: the first cell, followed in its row by
 * text that is no number (the label). */
static void serial_candidates(const gipr_table *t, serial_mark *cand)
{
    for (int i = 0; i < t->ncells;) {
        int end = gipr_legacy_row_end(t, i);
        int first = i;
        while (first < end && t->cells[first].len == 0)
            first++;
        for (int j = i; j < end; j++)
            cand[j] = bare_serial(&t->cells[j]);
        for (int j = first + 1; first < end && cand[first].value >= 0 && j < end; j++) {
            legacy_tail tl;
            gipr_legacy_read_tail(t->cells[j].s, t->cells[j].len, 0, &tl);
            if (tl.kind == TAIL_BAD) {
                cand[first].leads = 1;
                break;
            }
        }
        i = end;
    }
}

typedef struct {
    int first, last, len, all_padded;
} serial_run;

/* A run of integers counting up by one down a column numbers the rows when zero-padded (代码 01,
 * 02) or too long to be values by chance. */
static void close_run(const serial_run *run, const serial_mark *cand, const gipr_table *t,
                      int col, unsigned char *serial)
{
    if (run->len < LONG_SERIAL_RUN && !(run->len >= MIN_SERIAL_RUN && run->all_padded))
        return;
    for (int j = run->first; j <= run->last; j++)
        serial[j] |= t->cells[j].col == col && cand[j].value >= 0;
}

/* 1 when the cell before cell i (blank cells skipped) is a unit alone: 条 | 01. */
static int follows_unit(const gipr_table *t, int i)
{
    while (--i >= 0 && t->cells[i].len == 0)
        ;
    if (i < 0)
        return 0;
    legacy_tail tl;
    gipr_legacy_read_tail(t->cells[i].s, t->cells[i].len, 0, &tl);
    return tl.kind == TAIL_UNIT;
}

/* A 代码 column read one cell a line (the columns are lost): the bare integers right after the
 * unit cells count up through the table (01 02 03 … 10 11), where values would not. They are
 * codes when some are zero-padded (values are not written 01) or when there are at least
 * LONG_SERIAL_RUN of them, each at most MAX_CODE_STEP above the one before. */
enum { MAX_CODE_STEP = 3 };

static void mark_code_sequence(const gipr_table *t, const serial_mark *cand, unsigned char *skip)
{
    int count = 0, padded = 0, small_steps = 1, prev = -1;
    for (int i = 0; i < t->ncells; i++) {
        if (cand[i].value < 0 || !follows_unit(t, i))
            continue;
        if (cand[i].value <= prev)
            return; /* not counting up: values */
        small_steps &= prev < 0 || cand[i].value - prev <= MAX_CODE_STEP;
        padded |= cand[i].padded;
        prev = cand[i].value;
        count++;
    }
    if (!(count >= MIN_SERIAL_RUN && padded) && !(count >= LONG_SERIAL_RUN && small_steps))
        return;
    for (int i = 0; i < t->ncells; i++)
        skip[i] |= cand[i].value >= 0 && follows_unit(t, i);
}

/* ---- header rows ---------------------------------------------------------------------------- */

enum { COL_BLANK, COL_LABEL, COL_UNIT, COL_CODE, COL_VALUE, COL_YEAR, COL_OTHER };
static int column_role(const gipr_cell *cell, int *year);

/* 1 when the cell is a column heading of the table: 统计指标, 单位, 代码 … or 甲, 乙 of the column
 * index row of statistical forms (甲 乙 丙 1 2). */
static int is_column_heading(const gipr_cell *cell)
{
    int year, role = column_role(cell, &year);
    return role == COL_LABEL || role == COL_UNIT || role == COL_CODE;
}

/* Mark the numbers of header rows (统计指标 | 单位 | 2016, 甲 | 乙 | 丙 | 1 | 2): they head columns. */
static void mark_header_numbers(const gipr_table *t, unsigned char *skip)
{
    for (int i = 0; i < t->ncells;) {
        int end = gipr_legacy_row_end(t, i), heading = 0;
        for (int j = i; j < end; j++)
            heading |= is_column_heading(&t->cells[j]);
        for (int j = i; heading && j < end; j++) {
            legacy_tail tl;
            gipr_legacy_read_tail(t->cells[j].s, t->cells[j].len, 0, &tl);
            skip[j] |= tl.kind == TAIL_VALUE;
        }
        i = end;
    }
}

unsigned char *gipr_legacy_numbering_cells(gipr_ctx *c, const gipr_table *t)
{
    unsigned char *serial = gipr_arena_alloc(c->arena, (size_t)t->ncells + 1);
    serial_mark *cand = gipr_arena_alloc(c->arena, sizeof(serial_mark) * ((size_t)t->ncells + 1));
    if (!serial || !cand) {
        c->oom = 1;
        return NULL;
    }
    memset(serial, 0, (size_t)t->ncells + 1);
    serial_candidates(t, cand);
    /* a bare integer before a row's label (序号, restarting in each block or not) is no value:
     * values follow their labels */
    for (int i = 0; i < t->ncells; i++)
        serial[i] = (unsigned char)cand[i].leads;
    for (int col = 0; col < MAX_SERIAL_COLS; col++) {
        serial_run run = {0};
        int prev = -1;
        for (int i = 0; i < t->ncells; i++) {
            if (t->cells[i].col != col || cand[i].value < 0)
                continue;
            if (prev < 0 || cand[i].value != cand[prev].value + 1) {
                close_run(&run, cand, t, col, serial);
                run = (serial_run){.first = i, .all_padded = 1};
            }
            run.last = prev = i;
            run.len++;
            run.all_padded &= cand[i].padded;
        }
        close_run(&run, cand, t, col, serial);
    }
    mark_code_sequence(t, cand, serial);
    mark_header_numbers(t, serial);
    return serial;
}

/* ---- markdown in cells ----------------------------------------------------------------------- */

/* Length of a <br> tag (<br>, <br/>, <br />, any case) at s[i..n), or 0. */
static size_t br_tag_at(const char *s, size_t n, size_t i)
{
    if (n - i < 4 || s[i] != '<' || (s[i + 1] | 0x20) != 'b' || (s[i + 2] | 0x20) != 'r')
        return 0;
    size_t j = i + 3;
    while (j < n && (s[j] == ' ' || s[j] == '/'))
        j++;
    return j < n && s[j] == '>' ? j + 1 - i : 0;
}

char *gipr_legacy_without_markup(gipr_ctx *c, const char *s, size_t n)
{
    if (!memchr(s, '*', n) && !gipr_contains(s, n, "<br") && !gipr_contains(s, n, "<BR"))
        return NULL;
    char *out = gipr_arena_alloc(c->arena, n + 1);
    if (!out) {
        c->oom = 1;
        return NULL;
    }
    size_t o = 0, m;
    for (size_t i = 0; i < n;) {
        if (s[i] == '*') {
            i++;
        } else if ((m = br_tag_at(s, n, i)) > 0) {
            out[o++] = ' ';
            i += m;
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = 0;
    return out;
}

void gipr_legacy_strip_markup(gipr_ctx *c, gipr_table *t)
{
    for (int i = 0; i < t->ncells && !c->oom; i++) {
        gipr_cell *cell = &t->cells[i];
        char *clean = gipr_legacy_without_markup(c, cell->s, cell->len);
        if (!clean)
            continue;
        size_t n = strlen(clean);
        size_t start = gipr_legacy_skip_spaces(clean, n, 0);
        size_t end = gipr_legacy_trim_end(clean, start, n);
        clean[end] = 0;
        cell->s = clean + start;
        cell->len = end - start;
    }
}

/* ---- rows run together in one cell ---------------------------------------------------------- */

enum { MIN_RUN_LABELS = 2 };
enum { MAX_RUN_BYTES = 16384 }; /* a whole table in one line is a few KB; longer text is none */

static int has_sentence_marks(const char *s, size_t n)
{
    return gipr_contains(s, n, "，") || gipr_contains(s, n, "。") || gipr_contains(s, n, "；");
}

int gipr_legacy_run_together(const legacy_labels *ls, int kind, const char *s, size_t n,
                             legacy_piece *piece, int *labels)
{
    *labels = 0;
    if (n > MAX_RUN_BYTES || has_sentence_marks(s, n))
        return 0;
    int count = gipr_legacy_cut_rows(ls, kind, s, n, piece, MAX_RUN_PIECES);
    if (count < 2)
        return 0;
    legacy_scope sc = {.kind = kind, .block = 0, .last_order = -1};
    for (int i = 0; i < count; i++) {
        legacy_cell cls;
        gipr_legacy_classify(ls, &sc, s + piece[i].start, piece[i].len, &cls);
        *labels += cls.kind == CELL_LABEL;
    }
    return *labels >= MIN_RUN_LABELS ? count : 0;
}

void gipr_legacy_split_run_together(gipr_ctx *c, const legacy_labels *ls, gipr_table *t)
{
    legacy_piece piece[MAX_RUN_PIECES];
    gipr_table out = *t;
    out.cells = NULL;
    out.ncells = out.cap_cells = 0;
    int split = 0;
    for (int i = 0; i < t->ncells && !c->oom; i++) {
        const gipr_cell *cell = &t->cells[i];
        int labels;
        int count = gipr_legacy_run_together(ls, t->kind, cell->s, cell->len, piece, &labels);
        split |= count > 0;
        for (int k = 0; k < (count ? count : 1); k++) {
            gipr_cell *to = gipr_add_cell(c, &out);
            if (!to)
                return;
            *to = *cell;
            if (count) {
                to->s = gipr_arena_strndup(c->arena, cell->s + piece[k].start, piece[k].len);
                to->len = piece[k].len;
                to->col = cell->col + k;
                if (!to->s) {
                    c->oom = 1;
                    return;
                }
            }
        }
    }
    if (split && !c->oom)
        *t = out;
}

/* ---- several value columns: 统计指标 | 单位 | 本年 | 上年 ----------------------------------------- */

enum { MAX_HEADER_SEARCH = 48 }; /* cells searched for the header before the first row */
enum { MAX_OTHER_HEADING = 24 }; /* bytes of a key of another column's heading: 县(市、区) */

/* The year a heading names (2016, 2016年, 2016年度, 2016年数), or 0. */
static int heading_year(const char *key)
{
    int y = 0, i = 0;
    for (; i < 4; i++) {
        if (key[i] < '0' || key[i] > '9')
            return 0;
        y = y * 10 + key[i] - '0';
    }
    static const char *const tails[] = {"", "年", "年度", "年数", "年度数"};
    for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++)
        if (strcmp(key + i, tails[k]) == 0)
            return y >= 1990 && y <= 2100 ? y : 0;
    return 0;
}

static int key_in(const char *key, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(key, list[i]) == 0)
            return 1;
    return 0;
}

/* What a header cell heads (the column headings of the legacy table, one list for the file). */
static int column_role(const gipr_cell *cell, int *year)
{
    static const char *const label[] = {"统计指标", "指标名称", "指标", "项目", "统计项目"};
    static const char *const unit[] = {"单位", "计量单位"};
    static const char *const code[] = {"代码", "序号", "甲", "乙", "丙"};
    /* the report's own value; 上年, 历年累计, 市本级 … are not */
    static const char *const value[] = {"本年", "本年度", "本年数", "本年度数", "本期", "本期数",
                                        "当年", "全年", "合计", "总计", "统计数", "数量", "数值"};
#define IN(list) key_in(key, list, sizeof list / sizeof list[0])
    char key[64];
    *year = 0;
    if (gipr_label_key(cell->s, cell->len, key, sizeof key) == 0)
        return COL_BLANK;
    if (IN(label))
        return COL_LABEL;
    if (IN(unit))
        return COL_UNIT;
    if (IN(code))
        return COL_CODE;
    if (IN(value))
        return COL_VALUE;
#undef IN
    if ((*year = heading_year(key)) > 0)
        return COL_YEAR;
    return COL_OTHER;
}

/* 1 when a cell alone on its line may still be a heading of the header given one cell a line. */
static int may_head_column(const legacy_labels *ls, const gipr_cell *cell, int role)
{
    if (role == COL_LABEL)
        return 0;
    if (role != COL_OTHER)
        return 1;
    legacy_scope sc = {.kind = GIPR_TABLE_LEGACY, .block = 0, .last_order = -1};
    legacy_cell cls;
    gipr_legacy_classify(ls, &sc, cell->s, cell->len, &cls);
    return (cls.kind == CELL_OTHER || cls.kind == CELL_PAREN) && cell->len <= MAX_OTHER_HEADING;
}

/* The header's cells: the row of the 统计指标 cell i, or the cells alone on their lines after it. */
static int header_end(const legacy_labels *ls, const gipr_table *t, int i, int *row)
{
    int row_start = i;
    while (row_start > 0 && t->cells[row_start - 1].row == t->cells[i].row)
        row_start--;
    int end = gipr_legacy_row_end(t, i);
    if (end - row_start > 1) {
        *row = t->cells[i].row;
        return end;
    }
    *row = -1;
    int taken = 0;
    for (int j = i + 1; j < t->ncells && taken < MAX_VALUE_COLUMNS + 2; j++, taken++) {
        int year;
        int role = column_role(&t->cells[j], &year);
        if (gipr_legacy_row_end(t, j) != j + 1 || t->cells[j - 1].row == t->cells[j].row ||
            !may_head_column(ls, &t->cells[j], role))
            return j;
        end = j + 1;
    }
    return end;
}

/* The list of headings `list` (or NULL) with the cell's text appended after a 、, in the arena. */
static const char *join_heading(gipr_ctx *c, const char *list, const gipr_cell *cell)
{
    gipr_strbuf b = {0};
    if (list) {
        gipr_sb_add(&b, list, strlen(list));
        gipr_sb_add(&b, "、", strlen("、"));
    }
    gipr_sb_add(&b, cell->s, cell->len);
    const char *out = b.oom ? list : gipr_arena_strndup(c->arena, b.s, b.len);
    gipr_sb_free(&b);
    return out;
}

void gipr_legacy_value_columns(gipr_ctx *c, const legacy_labels *ls, const gipr_table *t,
                               unsigned char *skip, legacy_columns *out)
{
    memset(out, 0, sizeof *out);
    legacy_scope sc = {.kind = t->kind, .block = 0, .last_order = -1};
    int first = -1, year;
    for (int i = 0; i < t->ncells && i < MAX_HEADER_SEARCH && first < 0; i++) {
        legacy_cell cls;
        gipr_legacy_classify(ls, &sc, t->cells[i].s, t->cells[i].len, &cls);
        if (cls.kind == CELL_LABEL || cls.kind == CELL_HEADING)
            return; /* the rows began: no header */
        if (column_role(&t->cells[i], &year) == COL_LABEL)
            first = i;
    }
    if (first < 0 || t->kind != GIPR_TABLE_LEGACY)
        return;
    int row, end = header_end(ls, t, first, &row);
    int cols[MAX_VALUE_COLUMNS], years[MAX_VALUE_COLUMNS], cells[MAX_VALUE_COLUMNS];
    int n = 0, own = -1, owns = 0, latest = -1, latests = 0;
    for (int j = first + 1; j < end; j++) {
        int role = column_role(&t->cells[j], &year);
        out->has_unit |= role == COL_UNIT;
        if (role != COL_VALUE && role != COL_YEAR && role != COL_OTHER)
            continue;
        if (n == MAX_VALUE_COLUMNS)
            return;
        cols[n] = t->cells[j].col, years[n] = year, cells[n] = j;
        if (role == COL_VALUE)
            own = n, owns++;
        if (role == COL_YEAR && (latest < 0 || year >= years[latest]))
            latests = latest >= 0 && year == years[latest] ? latests + 1 : 1, latest = n;
        n++;
    }
    if (n < 2 || owns > 1)
        return; /* a single value column, or no single one is the report's: read as before */
    int pick = owns == 1 ? own : latests == 1 ? latest : -1;
    if (pick < 0)
        return;
    out->found = 1;
    out->first = first;
    out->end = end;
    out->row = row;
    for (int j = 0; row >= 0 && j < end; j++)
        out->row_cells += t->cells[j].row == row;
    out->ncols = n;
    out->pick = pick;
    out->line = t->cells[first].line;
    for (int k = 0; k < n; k++) {
        out->col[k] = cols[k];
        if (k == pick)
            out->picked = join_heading(c, NULL, &t->cells[cells[k]]);
        else
            out->others = join_heading(c, out->others, &t->cells[cells[k]]);
    }
    for (int j = first; j < end; j++)
        skip[j] = 1;
}
