/* What a cell of the legacy statistics table (政府信息公开情况统计表) or of the Jiangsu
 * 申请来源统计表 says, for table_legacy.c.
 *
 * The rows' labels come from the catalog (catalog.def rows of the `legacy` form) and are compared
 * as keys: without list number, 其中:, parenthetical remarks, spaces and punctuation, so that
 * （一）主动公开政府信息数（不同渠道和方式公开相同信息计1条） and (一)主动公开政府信息数 are the
 * same row. A label matches at the start of a cell when what follows it is nothing, a unit, numbers
 * or dashes (label, value and unit run together: 主动公开政府信息数1026条); long labels also match
 * with one character off (具有/具体行政行为). */
#ifndef GIPR_LEGACY_CELLS_H
#define GIPR_LEGACY_CELLS_H

#include "internal.h"

/* A row of one of the two tables, with the key of its label (or of one of its aliases). */
typedef struct {
    const gipr_catalog_entry *entry;
    int kind;  /* GIPR_TABLE_LEGACY or GIPR_TABLE_SOURCE */
    int block; /* 1…9 in the legacy table (一、主动公开情况 … 九、…会议和培训情况), 0 in the source
                  table */
    int order; /* position in the catalog, which follows the table's row order */
    uint32_t *key;
    int nkey;
} legacy_label;

typedef struct {
    legacy_label *v;
    int n;
} legacy_labels;

/* 1 when the comma-separated list (a catalog entry's templates or dims) has the item. */
int gipr_legacy_list_has(const char *list, const char *item);

/* The labels of both tables (arena). Returns 0, or -1 when memory ran out. */
int gipr_legacy_labels(gipr_ctx *c, legacy_labels *ls);

/* ---- what follows a label in a cell, or a whole cell ----------------------------------------- */
enum { TAIL_NONE, TAIL_VALUE, TAIL_UNIT, TAIL_EMPTY, TAIL_BAD };
enum { TAIL_ITEMS = 8 };

/* One number, or one empty-cell mark. */
typedef struct {
    int empty; /* a dash, slash or 无: the cell is left empty */
    double value;
    const char *qualifier; /* 多, 余 … of an approximate number, or NULL */
    const char *unit;      /* the unit written right after the number, or NULL */
    size_t start, len;     /* as written */
} legacy_item;

/* Nothing (TAIL_NONE, also for parenthetical remarks alone), a unit alone (TAIL_UNIT), or
 * numbers and empty-cell marks (TAIL_VALUE, or TAIL_EMPTY when there are only marks): 1026条,
 * 条 256540, 1038 87.15%, 件 —— ——. Anything else is TAIL_BAD. */
typedef struct {
    int kind;
    const char *lead_unit; /* a unit before the numbers, or alone */
    legacy_item item[TAIL_ITEMS];
    int nitems;       /* kept; more are read but not kept */
    int open_paren;   /* a parenthetical remark runs on into the next cells */
    size_t label_end; /* where the text before the numbers (label and remarks) ends */
} legacy_tail;

/* Read s[from..n) as a tail (from > 0: after a label, where a colon may come first). */
void gipr_legacy_read_tail(const char *s, size_t n, size_t from, legacy_tail *t);

/* ---- what a cell is -------------------------------------------------------------------------- */
typedef struct {
    int kind;       /* the table's kind */
    int block;      /* the current block, 0 when unknown */
    int last_order; /* catalog order of the last row read, -1 */
} legacy_scope;

typedef struct {
    const legacy_label *label;
    legacy_tail tail; /* what follows the label */
} legacy_match;

enum {
    CELL_BLANK,
    CELL_VALUE, /* numbers, maybe with units */
    CELL_UNIT,  /* a unit alone */
    CELL_EMPTY, /* ——, /, - … */
    CELL_PAREN, /* only parenthetical remarks: a wrapped label's tail, (2018年度) */
    CELL_LABEL, /* a row label, maybe with its values */
    CELL_HEADING, /* a numbered line that is no row: 一、主动公开情况, (二)通过不同渠道… */
    CELL_NARRATIVE, /* a sentence: the table has ended */
    CELL_OTHER
};

typedef struct {
    int kind;           /* CELL_* */
    legacy_tail tail;   /* VALUE, UNIT, EMPTY, PAREN */
    legacy_match match; /* LABEL */
    int top_block;      /* the numeral of a top-level number 四、 in the legacy table, or 0 */
} legacy_cell;

/* What s[0..n) is, in a table of sc->kind: labels are matched within sc->block first (a
 * top-level number in the cell sets the block), then after sc->last_order. */
void gipr_legacy_classify(const legacy_labels *ls, const legacy_scope *sc, const char *s, size_t n,
                          legacy_cell *out);

/* 1 when s[0..n) is the start of a label of sc->kind, cut short (at least MIN_PREFIX_KEY
 * characters of its key, and fewer than all): the first part of a label wrapped over cells, as in
 * （一）召开政府信息公开工作会议或专题会 | 次 | 2 | 议数. */
enum { MIN_PREFIX_KEY = 4 };
int gipr_legacy_is_label_prefix(const legacy_labels *ls, const legacy_scope *sc, const char *s,
                                size_t n);

/* ---- rows run together in one cell ---------------------------------------------------------- */
/* A cell holding several rows without any gap between them (a whole table flattened into one line
 * of text: 一、主动公开情况————（一）主动公开政府信息数条356其中：主动公开规范性文件数条2…) is cut
 * before each list number (一、 (一) 1.), each 其中: and each label of sc->kind that starts right
 * after a value, a dash or a unit. Writes the pieces (offsets into s, trimmed) to seg and returns
 * their count (at most max); 1 when the cell is not cut. */
typedef struct {
    size_t start, len;
} legacy_piece;
int gipr_legacy_cut_rows(const legacy_labels *ls, int kind, const char *s, size_t n,
                         legacy_piece *seg, int max);

/* The numeral of a top-level list number (一、 … 九、), or 0. */
int gipr_legacy_top_level_number(const char *s, size_t n);

/* White space (folded: U+3000 and NBSP too) skipped from s[i..n) forward; trimmed from the end of
 * s[start..end) backward. */
size_t gipr_legacy_skip_spaces(const char *s, size_t n, size_t i);
size_t gipr_legacy_trim_end(const char *s, size_t start, size_t end);

#endif
