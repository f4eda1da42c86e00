/* Cutting the lines of a text table into cells (see cells.h). */
#include "cells.h"
#include "text.h"

#include <string.h>

/* Byte length of a column delimiter at s: tab, |, ｜ (U+FF5C), │ (U+2502), else 0. */
static size_t delimiter_len(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == '\t' || s[0] == '|'))
        return 1;
    if (n >= 3 && (memcmp(s, "\xEF\xBD\x9C", 3) == 0 || memcmp(s, "\xE2\x94\x82", 3) == 0))
        return 3;
    return 0;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n && (k = gipr_blank_len(s + i, n - i, 0)) > 0)
        i += k;
    return i;
}

/* End of the line's content: without trailing spaces, tabs and one outer pipe. */
static size_t content_end(const char *s, size_t n)
{
    size_t end = n;
    for (;;) {
        size_t k = 0;
        while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
            end--;
        if (end >= 2 && memcmp(s + end - 2, "\xC2\xA0", 2) == 0)
            k = 2;
        else if (end >= 3 && memcmp(s + end - 3, "\xE3\x80\x80", 3) == 0)
            k = 3;
        if (!k)
            break;
        end -= k;
    }
    if (end >= 1 && s[end - 1] == '|')
        end--;
    else if (end >= 3 && delimiter_len(s + end - 3, 3) == 3)
        end -= 3;
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    return end;
}

int gipr_next_cell(const char *s, size_t n, size_t *pos, gipr_span *cell)
{
    size_t end = content_end(s, n), i = *pos, k;
    if (i == 0) { /* leading white space and one outer pipe */
        for (;;) {
            size_t j = skip_spaces(s, end, i);
            while (j < end && s[j] == '\t')
                j++;
            if (j == i)
                break;
            i = j;
        }
        if (i < end && s[i] != '\t' && (k = delimiter_len(s + i, end - i)) > 0)
            i = skip_spaces(s, end, i + k);
    }
    if (i >= end)
        return 0;
    size_t start = i, stop = i;
    while (i < end && delimiter_len(s + i, end - i) == 0) {
        if ((k = gipr_blank_len(s + i, end - i, 0)) > 0) {
            size_t run_end = skip_spaces(s, end, i);
            int wide =
                run_end - i > k || run_end >= end || delimiter_len(s + run_end, end - run_end);
            if (wide)
                break;
            i = run_end;
            continue;
        }
        i++;
        while (i < end && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        stop = i;
    }
    cell->start = start;
    cell->len = stop - start;
    /* the separator: spaces and at most one delimiter; a second delimiter opens an empty cell */
    int delimiters = 0;
    while (i < end) {
        if ((k = gipr_blank_len(s + i, end - i, 0)) > 0) {
            i += k;
        } else if ((k = delimiter_len(s + i, end - i)) > 0) {
            if (delimiters++)
                break;
            i += k;
        } else {
            break;
        }
    }
    *pos = i;
    return 1;
}

int gipr_cut_line_cells(gipr_ctx *c, gipr_table *t, int li, int row)
{
    const gipr_line *line = &c->lines[li];
    size_t pos = 0;
    gipr_span span;
    int col = 0;
    while (gipr_next_cell(line->s, line->len, &pos, &span)) {
        gipr_cell *cell = gipr_add_cell(c, t);
        char *copy = gipr_arena_strndup(c->arena, line->s + span.start, span.len);
        if (!cell || !copy) {
            c->oom = 1;
            return -1;
        }
        cell->s = copy;
        cell->len = span.len;
        cell->line = line->no;
        cell->row = row;
        cell->col = col++;
    }
    return col;
}

gipr_table *gipr_add_text_table(gipr_ctx *c, int kind, int first, int last)
{
    int index = c->ntables;
    gipr_table *t = gipr_add_table(c, kind);
    if (!t)
        return NULL;
    t->first_line = first;
    t->last_line = last;
    for (int i = first; i <= last; i++) {
        gipr_line *l = &c->lines[i];
        if (l->table >= 0 || l->kind == GIPR_LINE_TABLE)
            continue;
        l->table = (short)index;
        if (l->kind != GIPR_LINE_TEXT)
            continue;
        l->kind = GIPR_LINE_TABLE;
        if (gipr_cut_line_cells(c, t, i, i - first) < 0)
            return NULL;
    }
    return t;
}
