/* Finding the tables of the t2019/t2021 forms in text (gipr_find_form_tables, run before the
 * sections so that 一、本年新收… or 三、本年度办理结果 never become headings): each table opens with
 * a cue of its own (第二十条第（一）项 or 信息内容; 申请人情况 or 一、本年新收…; 行政复议) and runs
 * until the report's next heading or prose sentence; its lines are then cut into cells at tabs,
 * pipes and wide gaps (cells.c). HTML tables come cut already: those whose cells carry a form's
 * cue are claimed. Reading them is table_form.c's business. */
#include "cells.h"
#include "form_rows.h"
#include "tables.h"
#include "text.h"

#include <string.h>

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

/* Column headings of 表四 that no other table has: the cue that a table headed 行政复议 is the
 * form's 表四 (the legacy form counts 行政复议数 in a row of its own). */
static int names_review_column(const char *key)
{
    static const char *const columns[] = {"结果维持", "结果纠正", "尚未审结", "未经复议",
                                          "复议后起诉"};
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
        if (strstr(key, columns[i]))
            return 1;
    return 0;
}

/* A cue of 表四 in a line or cell: one of its column headings, or its two headings 行政复议 and
 * 行政诉讼 (together in a line of text; in cells of their own, 行政诉讼 alone). */
static int review_cue(const char *key)
{
    return names_review_column(key) || strcmp(key, "行政诉讼") == 0 ||
           (starts_with(key, "行政复议") && strstr(key, "行政诉讼"));
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
    const char *first = skip_lead(s);
    char number[16];
    form_list_number(first, first_cell_len(s, n), number, sizeof number);
    if (number[0] == 0 && (starts_with(key, "第二十条第") || starts_with(key, "信息内容")))
        return GIPR_TABLE_ART20;
    if (starts_with(key, "申请人情况") || (strstr(key, "申请人情况") && chars <= 20))
        return GIPR_TABLE_REQUESTS;
    int row = form_match_row(fc, GIPR_TABLE_REQUESTS, first, first_cell_len(s, n));
    if (row >= 0 && strcmp(fc->rows[row].entry->code, "request.new") == 0)
        return GIPR_TABLE_REQUESTS;
    /* 表四's heading: 行政复议 alone or beside 行政诉讼 or its columns; never a label that only
     * starts with it (行政复议数, a row of the legacy form) */
    char first_key[KEY_BUF];
    line_key(first, first_cell_len(s, n), first_key);
    if (number[0] == 0 && starts_with(key, "行政复议") &&
        (strcmp(first_key, "行政复议") == 0 || strstr(key, "行政诉讼") || names_review_column(key)))
        return GIPR_TABLE_REVIEWS;
    return 0;
}

/* 1 when a word of the line after its first names a row: a merged cell's text printed before
 * the label of its first sub-row ("（四）无 1.本机关不掌握相关政府信息 746 12 …"). The label comes
 * among the first words; a longer line is looked at no further. */
enum { MAX_WORDS_TO_LABEL = 8 };
static int later_word_names_row(const form_catalog *fc, int kind, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '|'))
        i++;
    for (int word = 0; i < n && word < MAX_WORDS_TO_LABEL; word++) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '|')
            j++;
        if (word > 0 && form_match_row(fc, kind, s + i, j - i) >= 0)
            return 1;
        while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '|'))
            j++;
        i = j;
    }
    return 0;
}

/* Runs of digits in s: the numbers a line holds. */
static int count_numbers(const char *s, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n; i++)
        count += s[i] >= '0' && s[i] <= '9' && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9');
    return count;
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
    /* a numbered line holding a whole row of 表三's numbers is a row whose label is unknown */
    int row_of_numbers = kind == GIPR_TABLE_REQUESTS && count_numbers(s, n) >= 7;
    if (listed && row < 0 && !row_of_numbers && !strstr(key, "本年度办理结果") &&
        (kind == GIPR_TABLE_REVIEWS || !later_word_names_row(fc, kind, s, n))) {
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

/* 1 when a cell holds one number or an empty mark (——, /, -), nothing else. */
static int is_number_cell(const gipr_cell *cell)
{
    double v;
    const char *qualifier = NULL;
    return cell->len == 0 || strspn(cell->s, "-/—") == cell->len ||
           (gipr_number(cell->s, cell->len, &v, &qualifier) == 1 && !qualifier);
}

/* 1 when an HTML table holds 表四 for certain: its headings (review_cue), or a row of 15
 * numbers; a table with a cell 行政复议 may be any other. */
static int html_has_review_cues(const gipr_table *t)
{
    for (int k = 0, numbers = 0; k < t->ncells; k++) {
        if (k == 0 || t->cells[k].row != t->cells[k - 1].row)
            numbers = 0;
        numbers += t->cells[k].len > 0 && is_number_cell(&t->cells[k]);
        char key[KEY_BUF];
        line_key(t->cells[k].s, t->cells[k].len, key);
        if (numbers >= 15 || review_cue(key))
            return 1;
    }
    return 0;
}

/* The same for the lines [first, last] of text. */
static int text_has_review_cues(const gipr_ctx *c, int first, int last)
{
    for (int i = first; i <= last; i++) {
        const gipr_line *l = &c->lines[i];
        char key[KEY_BUF];
        line_key(l->s, l->len, key);
        if (count_numbers(l->s, l->len) >= 15 || review_cue(key))
            return 1;
    }
    return 0;
}

/* A page number as printed: a few ASCII characters (3, - 3 -, 3/12). */
static int is_page_number(const char *s, size_t n)
{
    enum { PAGE_NUMBER_MAX = 12 };
    if (n > PAGE_NUMBER_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* 1 when nothing but blank lines, page furniture (a page number) or a 续表 caption stands
 * between two HTML tables: a page break, as a word processor saves one inside a table. */
static int only_page_break_between(const gipr_ctx *c, int before, int after)
{
    int last_of_before = -1, first_of_after = -1;
    for (int i = 0; i < c->nlines; i++) {
        if (c->lines[i].table == before)
            last_of_before = i;
        if (c->lines[i].table == after && first_of_after < 0)
            first_of_after = i;
    }
    if (last_of_before < 0 || first_of_after < last_of_before)
        return 0;
    for (int i = last_of_before + 1; i < first_of_after; i++) {
        const gipr_line *l = &c->lines[i];
        char key[KEY_BUF];
        size_t len = line_key(l->s, l->len, key);
        if (l->kind == GIPR_LINE_TEXT && len > 0 && !starts_with(key, "续表") &&
            !is_page_number(l->s, l->len))
            return 0;
    }
    return 1;
}

/* The cells of the first row of an HTML table that holds any text. */
static int first_row_end(const gipr_table *t, int *from)
{
    int k = 0;
    while (k < t->ncells && t->cells[k].len == 0)
        k++;
    *from = k;
    int end = k;
    while (end < t->ncells && t->cells[end].row == t->cells[k].row)
        end++;
    return end;
}

/* 1 when an HTML table with no cue of its own carries on the form table of the given kind just
 * before it, cut by a page break: its first row is a row of that table (a row label of it, or
 * for 表四, whose one row of numbers comes under its headings, that row or a heading). */
static int continues_form_table(const form_catalog *fc, int kind, const gipr_table *t)
{
    int from, end = first_row_end(t, &from);
    int numbers = 0, text = 0;
    for (int k = from; k < end; k++) {
        const gipr_cell *cell = &t->cells[k];
        if (cell->len == 0)
            continue;
        if (is_number_cell(cell)) {
            numbers++;
            continue;
        }
        text++;
        char key[KEY_BUF];
        line_key(cell->s, cell->len, key);
        if (kind == GIPR_TABLE_REVIEWS ? names_review_column(key)
                                       : form_match_row(fc, kind, cell->s, cell->len) >= 0)
            return 1;
    }
    return kind == GIPR_TABLE_REVIEWS && numbers > 0 && text == 0;
}

/* HTML tables come cut into cells: claim the ones whose cells carry a form's cues, and the
 * parts of them a page break cut off. */
static void claim_html_tables(gipr_ctx *c, const form_catalog *fc)
{
    for (int i = 0; i < c->ntables; i++) {
        gipr_table *t = &c->tables[i];
        if (!t->from_html || t->kind != 0)
            continue;
        for (int k = 0; k < t->ncells && !t->kind; k++)
            t->kind = opens_table(fc, t->cells[k].s, t->cells[k].len);
        if (t->kind == GIPR_TABLE_REVIEWS && !html_has_review_cues(t))
            t->kind = 0;
        const gipr_table *before = i > 0 ? &c->tables[i - 1] : NULL;
        int form_kind = before && before->from_html &&
                        (before->kind == GIPR_TABLE_ART20 || before->kind == GIPR_TABLE_REQUESTS ||
                         before->kind == GIPR_TABLE_REVIEWS);
        if (!t->kind && form_kind && only_page_break_between(c, i - 1, i) &&
            continues_form_table(fc, before->kind, t))
            t->kind = before->kind;
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

/* 1 when a line heads the columns of a table of the given kind without a cue of the form:
 * 表三's | 项目 | 自然人 | 法人或其他组织 | 总计 |, 表四's | 项目 | 结果维持 | … | 总计 | over rows
 * 行政复议, 行政诉讼…; or the markdown rule under such a line. */
static int heads_columns(int kind, const gipr_line *l)
{
    if (gipr_contains(l->s, l->len, "---"))
        return 1;
    if (kind == GIPR_TABLE_REQUESTS)
        return gipr_contains(l->s, l->len, "自然人") && gipr_contains(l->s, l->len, "总计");
    char key[KEY_BUF];
    line_key(l->s, l->len, key);
    return kind == GIPR_TABLE_REVIEWS && names_review_column(key);
}

/* A 表三 that opens at its first row (一、本年新收…) or a 表四 that opens at its row 行政复议 may
 * have its own column headings right above, with no cue of the form: the first line of the
 * table, taking them in. */
static int with_heading_row(const gipr_ctx *c, int kind, int first)
{
    for (int back = 0; back < 2 && first > 0; back++) {
        const gipr_line *l = &c->lines[first - 1];
        if (l->kind != GIPR_LINE_TEXT || l->table >= 0 || gipr_contains(l->s, l->len, "。") ||
            !heads_columns(kind, l))
            break;
        first--;
    }
    return first;
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
        int first = kind == GIPR_TABLE_ART20 ? i : with_heading_row(c, kind, i);
        if (has_digits(c, i, last) &&
            (kind != GIPR_TABLE_REVIEWS || text_has_review_cues(c, first, last)))
            gipr_add_text_table(c, kind, first, last);
        i = last + 1;
    }
}
