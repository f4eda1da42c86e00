/* The shapes of a legacy table's text that need preparing before table_legacy.c reads its cells.
 *
 * Numbering columns: a 序号 column before the labels (1, 2, 3 …) or a 代码 column after the unit
 * (01, 02 …) numbers the rows; its integers are no row's value. A bare integer that starts a row
 * whose label follows is one (values follow their labels); elsewhere, a column's bare integers
 * are when they count up by one down the rows, zero-padded over at least three rows or over at
 * least six.
 *
 * Markdown: emphasis and <br> tags in the cells of markdown pipe tables are left out.
 *
 * Rows run together: a whole table flattened into one line of text (cells joined without gaps,
 * 一、主动公开情况————（一）主动公开政府信息数条356其中：…) is cut into one cell per row. */
#ifndef GIPR_LEGACY_LAYOUT_H
#define GIPR_LEGACY_LAYOUT_H

#include "legacy_cells.h"

/* The end of the row of cells of t that starts at cell i (cells of one text line or <tr>). */
int gipr_legacy_row_end(const gipr_table *t, int i);

/* One flag a cell of t: 1 for the cells of a numbering column and the numbers of header rows
 * (统计指标 | 单位 | 2016, 甲 | 乙 | 丙 | 1 | 2), which are no row's values. NULL when memory ran
 * out. */
unsigned char *gipr_legacy_numbering_cells(gipr_ctx *c, const gipr_table *t);

/* Markdown tables (| **四、行政复议数量** | 件 | **3** |, labels with <br>): emphasis marks are
 * dropped and <br> tags become spaces, in every cell of t. */
void gipr_legacy_strip_markup(gipr_ctx *c, gipr_table *t);

/* The text s[0..n) so cleaned, NUL-terminated in the arena; NULL when it has no markup (or
 * memory ran out). */
char *gipr_legacy_without_markup(gipr_ctx *c, const char *s, size_t n);

enum { MAX_RUN_PIECES = 192 };

/* The rows of a cell s[0..n) of a table of `kind` that holds several rows run together, cut into
 * piece (at most MAX_RUN_PIECES): their count, or 0 when the cell is a sentence (，。；), too long
 * for a table, or holds fewer than two labels. *labels gets the count of labels. */
int gipr_legacy_run_together(const legacy_labels *ls, int kind, const char *s, size_t n,
                             legacy_piece *piece, int *labels);

/* Replace each cell of t that holds rows run together by one cell per row (same line and row). */
void gipr_legacy_split_run_together(gipr_ctx *c, const legacy_labels *ls, gipr_table *t);

/* ---- several value columns: 统计指标 | 单位 | 本年 | 上年 ----------------------------------------- */
enum { MAX_VALUE_COLUMNS = 8 };

/* The value columns a legacy table's header names, when it names several and one of them is the
 * report's own value: 本年, 本年度, 合计, 统计数, 数量, or the latest year (2016年度 | 历年累计,
 * 2016年 | 2015年). 上年, 历年累计, 市本级, 县(市、区), 备注 … are not the report's value. */
typedef struct {
    int found;          /* 0: no header, a single value column, or no single report's column */
    int first, end;     /* the header's cells [first, end) in t (one row, or one cell a line) */
    int row;            /* the header's row when its cells share one (tabs, pipes, HTML), else -1 */
    int row_cells;      /* cells of that row */
    int has_unit;       /* a 单位 column: a dash before a row's unit is its */
    int ncols;          /* value columns, in order */
    int col[MAX_VALUE_COLUMNS]; /* their col in the header row */
    int pick;           /* which of them is the report's */
    const char *picked; /* the picked column's heading, and the others' joined by 、 */
    const char *others;
    int line;
} legacy_columns;

/* Find the header of t (a legacy table) before its first row; *out.found says whether it chooses a
 * column. The header's cells are flagged in skip. */
void gipr_legacy_value_columns(gipr_ctx *c, const legacy_labels *ls, const gipr_table *t,
                               unsigned char *skip, legacy_columns *out);

#endif
