/* Cutting the lines of a text table into cells, for every table reader.
 *
 * Text tables come with their columns separated by tabs, pipes (a | b | c, full-width ｜ too) or
 * gaps of two or more spaces (ASCII, U+3000, NBSP). A single space never separates cells: labels
 * contain them ("1. 政府公报…"). Each tab or pipe after the first in one gap stands for an empty
 * cell, so column positions survive blank cells; leading and trailing separators (and one outer
 * pipe on each side) are ignored. */
#ifndef GIPR_CELLS_H
#define GIPR_CELLS_H

#include "internal.h"

typedef struct {
    size_t start, len; /* a cell of the line, trimmed; len 0 for an empty cell */
} gipr_span;

/* The next cell of s[0..n) from *pos (start with *pos = 0). Returns 1 and sets *cell, or 0 when
 * the line has no more cells. */
int gipr_next_cell(const char *s, size_t n, size_t *pos, gipr_span *cell);

/* Append the cells of ctx->lines[li] to table t as row `row` (col 0, 1, …), each a trimmed,
 * NUL-terminated copy in the arena. Returns the number of cells, or -1 when memory ran out. */
int gipr_cut_line_cells(gipr_ctx *c, gipr_table *t, int li, int row);

/* Add a text table of `kind` over ctx->lines[first..last]: its narrative lines become
 * GIPR_LINE_TABLE and are cut into cells, row = the line's offset from `first` (so that a gap of
 * blank lines stays visible to the readers); blank and chrome lines inside it belong to it
 * without cells. Lines another table already holds are left to it. NULL when memory ran out. */
gipr_table *gipr_add_text_table(gipr_ctx *c, int kind, int first, int last);

#endif
