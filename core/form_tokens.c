/* Cells of the t2019/t2021 tables as tokens (see form_tokens.h). */
#include "form_tokens.h"

#include "numbers.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* A number run longer than this is no cell of these forms, nor a row of them glued together. */
enum { MAX_RUN = 200 };
/* Words of one label are joined up to this length: beyond it the text is no label anyway, and
 * joining a long line word by word would cost its square. */
enum { MAX_LABEL = 600 };

static uint32_t cp_at(const char *s, size_t n, size_t i, int *k)
{
    uint32_t cp = 0;
    *k = i < n ? gipr_utf8_next(s + i, n - i, &cp) : 0;
    return gipr_fold_cp(cp);
}

static int is_digit_cp(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static int digit_at(const char *s, size_t n, size_t i)
{
    int k;
    return i < n && is_digit_cp(cp_at(s, n, i, &k));
}

/* "-3-", "- 3 -": a page number a PDF converter left inside the table */
static int is_page_number(const char *s, size_t n)
{
    size_t i = 0, digits = 0;
    int k;
    if (cp_at(s, n, i, &k) != '-')
        return 0;
    for (i += (size_t)k; i < n; i += (size_t)k) {
        uint32_t cp = cp_at(s, n, i, &k);
        if (is_digit_cp(cp))
            digits++;
        else if (cp == '-' && digits && i + (size_t)k == n)
            return 1;
        else if (cp != ' ')
            return 0;
    }
    return 0;
}

static form_token *add_token(gipr_ctx *c, form_tokens *out, int type, const gipr_cell *cell,
                             const char *s, size_t len)
{
    void *items = out->items;
    if (gipr_grow(c->arena, &items, &out->cap, out->n, sizeof(form_token))) {
        c->oom = 1;
        return NULL;
    }
    out->items = items;
    form_token *t = &out->items[out->n++];
    memset(t, 0, sizeof *t);
    t->type = type;
    t->s = gipr_arena_strndup(c->arena, s, len);
    if (!t->s) {
        c->oom = 1;
        out->n--;
        return NULL;
    }
    t->len = len;
    t->line = cell->line;
    t->cell_row = cell->row;
    return t;
}

/* Length of a thousands group at i: ',' and exactly three digits, no fourth (1,208 / 3,286,513);
 * 0 when there is none. */
static size_t thousands_group_len(const char *s, size_t n, size_t i)
{
    int k;
    if (cp_at(s, n, i, &k) != ',')
        return 0;
    size_t j = i + (size_t)k;
    for (int d = 0; d < 3; d++) {
        if (!digit_at(s, n, j))
            return 0;
        cp_at(s, n, j, &k);
        j += (size_t)k;
    }
    return digit_at(s, n, j) ? 0 : j - i;
}

/* End of the run of digits starting at i: digits, with '.' or '-' between digits, a leading sign
 * (本年增/减 is written -3 or +12) and thousands separators after a first group of at most three
 * digits. A list number glued to its end (…信息3200000326.属于…) is left out: its digit opens the
 * next label. */
static size_t number_run_end(const char *s, size_t n, size_t i)
{
    size_t j = i;
    int k;
    uint32_t first = cp_at(s, n, j, &k);
    if (first == '-' || first == '+')
        j += (size_t)k;
    size_t lead_digits = 0, group;
    while (j < n) {
        uint32_t cp = cp_at(s, n, j, &k);
        if (is_digit_cp(cp)) {
            lead_digits++;
            j += (size_t)k;
        } else if ((cp == '.' || cp == '-') && digit_at(s, n, j + (size_t)k)) {
            lead_digits = 4; /* a thousands separator comes only in the integer part */
            j += (size_t)k;
        } else if (lead_digits >= 1 && lead_digits <= 3 && (group = thousands_group_len(s, n, j))) {
            j += group;
            lead_digits = 3;
        } else {
            break;
        }
    }
    int k2;
    uint32_t after = cp_at(s, n, j, &k);
    if ((after == '.' || after == 0x3001 /* 、 */) && j + (size_t)k < n &&
        !digit_at(s, n, j + (size_t)k) && cp_at(s, n, j + (size_t)k, &k2) != ' ' &&
        digit_at(s, n, j - 1))
        j--; /* the list number is one digit: the forms number sub-rows 1 to 8 */
    return j;
}

/* The length of a unit after a number: 万元 / 元 (sets *yuan for 元), or a measure word. */
static size_t unit_len(const char *s, size_t n, int *yuan)
{
    static const char *const units[] = {"万元", "元", "件", "条", "项", "个"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t m = strlen(units[u]);
        if (m <= n && memcmp(s, units[u], m) == 0) {
            *yuan = u == 1;
            return m;
        }
    }
    return 0;
}

static void set_number(form_token *t, const char *s, size_t len)
{
    char buf[64];
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < sizeof buf;) {
        int k;
        uint32_t cp = cp_at(s, len, i, &k);
        if (is_digit_cp(cp) || cp == '.' || cp == '-')
            buf[o++] = (char)cp;
        i += (size_t)k;
    }
    buf[o] = 0;
    t->value = strtod(buf, NULL);
}

/* One word (no spaces) into pieces: text, numbers, digit runs. prev_text: the token index of the
 * text piece the word may continue (-1 when none). Returns the index of the last text token of
 * the word, or -1 when it ends in a number. */
static int tokenize_word(gipr_ctx *c, const gipr_cell *cell, const char *w, size_t n,
                         form_tokens *out, int prev_text)
{
    if (is_page_number(w, n))
        return -1;
    if (gipr_is_empty_cell(w, n) && !digit_at(w, n, 1)) {
        add_token(c, out, TOK_EMPTY, cell, w, n);
        return -1;
    }
    size_t i = 0;
    int last_text = prev_text;
    while (i < n) {
        int k;
        uint32_t cp = cp_at(w, n, i, &k);
        int starts_number =
            is_digit_cp(cp) || ((cp == '-' || cp == '+') && digit_at(w, n, i + (size_t)k));
        size_t list_len = 0;
        if (starts_number) {
            size_t j = number_run_end(w, n, i);
            if (j == i) { /* a lone digit that numbers the label after it */
                list_len = 1;
            } else {
                int yuan = 0;
                size_t u = unit_len(w + j, n - j, &yuan);
                int glued = i > 0 && last_text >= 0;
                int multi = memchr(w + i + 1, '-', j - i - 1) != NULL;
                /* thousands separators make it one number, however it is glued */
                int grouped = memchr(w + i, ',', j - i) != NULL;
                int type = (glued || multi) && !grouped && j - i > 1 ? TOK_DIGITS : TOK_NUMBER;
                if (j - i > MAX_RUN)
                    type = TOK_DIGITS;
                form_token *t = add_token(c, out, type, cell, w + i, j - i + u);
                if (!t)
                    return -1;
                t->glued = glued;
                t->yuan = yuan;
                t->len = j - i; /* the digits; s keeps the unit as written */
                set_number(t, w + i, j - i);
                i = j + u;
                last_text = -1;
                continue;
            }
        }
        /* text up to the next number (a list number at its start belongs to it) */
        size_t j = i + list_len;
        while (j < n) {
            uint32_t d = cp_at(w, n, j, &k);
            if (is_digit_cp(d) || ((d == '-' || d == '+') && digit_at(w, n, j + (size_t)k)))
                break;
            j += (size_t)k;
        }
        if (j == i)
            j += (size_t)k ? (size_t)k : 1;
        if (last_text >= 0 && !list_len && out->items[last_text].len < MAX_LABEL) {
            /* the words of one label split by a space or a converter: one label */
            form_token *t = &out->items[last_text];
            char *merged = gipr_arena_printf(c->arena, "%s%.*s", t->s, (int)(j - i), w + i);
            if (!merged) {
                c->oom = 1;
                return -1;
            }
            t->s = merged;
            t->len = strlen(merged);
        } else {
            if (!add_token(c, out, TOK_TEXT, cell, w + i, j - i))
                return -1;
            last_text = out->n - 1;
        }
        i = j;
    }
    return last_text;
}

/* "1." or "1、" alone: a sub-row's list number written apart from its label ("1. 属于国家秘密"). */
static int is_bare_list_number(const char *w, size_t n)
{
    size_t digits = 0;
    while (digits < n && w[digits] >= '0' && w[digits] <= '9')
        digits++;
    if (digits == 0 || digits > 2)
        return 0;
    return (n == digits + 1 && w[digits] == '.') ||
           (n == digits + 3 && memcmp(w + digits, "、", 3) == 0);
}

int form_tokenize_cell(gipr_ctx *c, const gipr_cell *cell, form_tokens *out)
{
    const char *s = cell->s;
    size_t n = cell->len;
    if (n == 0 || gipr_is_empty_cell(s, n)) {
        return add_token(c, out, TOK_EMPTY, cell, s, n) ? 0 : -1;
    }
    int prev_text = -1;
    size_t i = 0;
    while (i < n && out->n <= FORM_MAX_TOKENS) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        size_t next = j;
        while (next < n && s[next] == ' ')
            next++;
        if (j > i && next < n && is_bare_list_number(s + i, j - i) && !digit_at(s, n, next)) {
            /* the label's words join it (tokenize_word merges text into prev_text) */
            if (!add_token(c, out, TOK_TEXT, cell, s + i, j - i))
                return -1;
            prev_text = out->n - 1;
        } else if (j > i) {
            prev_text = tokenize_word(c, cell, s + i, j - i, out, prev_text);
        }
        if (c->oom)
            return -1;
        i = j;
    }
    return 0;
}

/* ---- the cells of a table kind ----------------------------------------------------------- */

/* An HTML cell merged over several columns comes once per column it covers, its text shared:
 * one cell as printed, one number (规章 | 13 (colspan 2) | 524 holds two numbers, not three).
 * Empty cells are left alone: they may share one empty string without being one cell. */
static int is_colspan_copy(const gipr_table *t, int k)
{
    if (!t->from_html || k == 0)
        return 0;
    const gipr_cell *cell = &t->cells[k], *prev = &t->cells[k - 1];
    return cell->len > 0 && cell->s == prev->s && cell->row == prev->row &&
           cell->col == prev->col + 1;
}

/* A markdown table's separator row (|---|:---:|): every cell three dashes or more, colons at
 * the ends allowed. Its cells are no blank cells of the table. */
static int is_rule_cell(const gipr_cell *cell)
{
    size_t i = 0, dashes = 0, n = cell->len;
    if (n > 0 && cell->s[0] == ':')
        i++;
    if (n > i && cell->s[n - 1] == ':')
        n--;
    for (; i < n && cell->s[i] == '-'; i++)
        dashes++;
    return i == n && dashes >= 3;
}

/* 1 when the row that starts at cell k is such a separator row. */
static int is_rule_row(const gipr_table *t, int k)
{
    if (t->from_html)
        return 0;
    for (int j = k; j < t->ncells && t->cells[j].row == t->cells[k].row; j++)
        if (!is_rule_cell(&t->cells[j]))
            return 0;
    return 1;
}

/* 1 when the row of a cell marks every cell, blank ones too: an HTML row, or a text line cut at
 * tabs or pipes. Text aligned with spaces drops its blank cells. */
static int row_marks_cells(const gipr_ctx *c, const gipr_table *t, const gipr_cell *cell)
{
    if (t->from_html)
        return 1;
    int li = t->first_line + cell->row;
    if (li < 0 || li >= c->nlines)
        return 0;
    const gipr_line *l = &c->lines[li];
    return memchr(l->s, '\t', l->len) != NULL || memchr(l->s, '|', l->len) != NULL;
}

int form_tokenize_tables(gipr_ctx *c, int kind, form_tokens *out)
{
    int any = 0;
    for (int i = 0; i < c->ntables; i++) {
        const gipr_table *t = &c->tables[i];
        if (t->kind != kind)
            continue;
        any = 1;
        for (int k = 0, rule_row = 0; k < t->ncells; k++) {
            if (k == 0 || t->cells[k].row != t->cells[k - 1].row)
                rule_row = is_rule_row(t, k);
            if (out->n > FORM_MAX_TOKENS) {
                gipr_diag(c,
                          "line %d: a table of the form with more than %d cells; the rest not read",
                          t->cells[k].line, FORM_MAX_TOKENS);
                return any;
            }
            gipr_cell cell = t->cells[k];
            if (rule_row || is_colspan_copy(t, k))
                continue;
            cell.row += i * 100000; /* rows of different tables never count as one */
            int from = out->n;
            if (form_tokenize_cell(c, &cell, out))
                return any;
            int marked = row_marks_cells(c, t, &t->cells[k]);
            for (int j = from; j < out->n; j++)
                out->items[j].marked_cells = marked;
        }
    }
    return any;
}
