/* Table cells of the t2019/t2021 forms as tokens: a label, a number, an empty cell, or a run of
 * digits in which a converter dropped the separators between cells.
 *
 * One cell as cut from a line may hold a whole row ("规章 0 0 0" with single spaces) or a whole
 * table ("规章000行政规范性文件6233440"); tokenising re-cuts it: text, numbers and empty marks
 * (——, /, -) apart, a list number glued to the digits before it ("…信息3200000326.属于…": the
 * 6 opens the next label) given back to its label. */
#ifndef GIPR_FORM_TOKENS_H
#define GIPR_FORM_TOKENS_H

#include "internal.h"

enum { TOK_TEXT = 1, TOK_NUMBER, TOK_EMPTY, TOK_DIGITS };

typedef struct {
    int type;
    const char *s; /* as written: NUL-terminated (arena) */
    size_t len;
    double value; /* TOK_NUMBER */
    int yuan;     /* the number was written in 元 (not 万元) */
    int glued;    /* the digits follow text with no separator at all */
    int line;     /* source line */
    int cell_row; /* gipr_cell.row: the tokens of one source row share it */
    int marked_cells; /* its row marks every cell (tabs, pipes, HTML): blank cells keep their
                         place, so cells missing at the end of the row are blank ones */
} form_token;

typedef struct {
    form_token *items;
    int n, cap;
} form_tokens;

/* The official tables have some 200 cells; text many times that size is no such table, and
 * reading it would only cost memory: tokenising stops past this many tokens. */
enum { FORM_MAX_TOKENS = 20000 };

/* Appends the tokens of one cell (none past FORM_MAX_TOKENS). Returns 0, or -1 when memory ran
 * out. */
int form_tokenize_cell(gipr_ctx *c, const gipr_cell *cell, form_tokens *out);

/* Appends the tokens of every table of the given kind (GIPR_TABLE_ART20 …) in the report, in
 * order; an HTML cell merged over columns and a markdown separator row give none. Returns 1 when
 * the report has such a table (0 when not), having stopped past FORM_MAX_TOKENS with a
 * diagnostic. */
int form_tokenize_tables(gipr_ctx *c, int kind, form_tokens *out);

#endif
