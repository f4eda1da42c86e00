/* The pipeline: one report from bytes to rows, stage by stage (see gipr.h). */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

gipr_report *gipr_report_new(void)
{
    return calloc(1, sizeof(gipr_report));
}

/* The one reset path: every row, string and table of the last parse goes with the arena. */
void gipr_report_reset(gipr_report *r)
{
    gipr_arena arena = r->arena;
    char *diag = r->diag_buf;
    size_t diag_cap = r->diag_cap;
    gipr_arena_reset(&arena);
    memset(r, 0, sizeof *r);
    r->arena = arena;
    r->diag_buf = diag;
    r->diag_cap = diag_cap;
    if (diag)
        diag[0] = 0;
}

void gipr_report_free(gipr_report *r)
{
    if (!r)
        return;
    gipr_arena_free(&r->arena);
    free(r->diag_buf);
    free(r);
}

const char *gipr_template_name(gipr_template t)
{
    switch (t) {
    case GIPR_TEMPLATE_LEGACY: return "legacy";
    case GIPR_TEMPLATE_T2019: return "t2019";
    case GIPR_TEMPLATE_T2021: return "t2021";
    default: return NULL;
    }
}

const char *gipr_status_name(gipr_status s)
{
    switch (s) {
    case GIPR_CHECK_PASS: return "pass";
    case GIPR_CHECK_FAIL: return "fail";
    default: return "skip";
    }
}

void gipr_diag(gipr_ctx *c, const char *fmt, ...)
{
    gipr_report *r = c->r;
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof tmp)
        n = sizeof tmp - 1;
    if (r->diag_len > 4096) /* bounded: a garbage file must not produce megabytes of it */
        return;
    size_t need = r->diag_len + (size_t)n + 2;
    if (need > r->diag_cap) {
        size_t cap = r->diag_cap ? r->diag_cap : 256;
        while (cap < need)
            cap *= 2;
        char *p = realloc(r->diag_buf, cap);
        if (!p)
            return;
        r->diag_buf = p;
        r->diag_cap = cap;
    }
    if (r->diag_len)
        r->diag_buf[r->diag_len++] = '\n';
    memcpy(r->diag_buf + r->diag_len, tmp, (size_t)n);
    r->diag_len += (size_t)n;
    r->diag_buf[r->diag_len] = 0;
    r->diagnostics = r->diag_buf;
}

#define ADD_ROW(c, arr, n, cap, type)                                                        \
    do {                                                                                     \
        void *items_ = (c)->r->arr;                                                          \
        if (gipr_grow((c)->arena, &items_, &(c)->r->cap, (c)->r->n, sizeof(type))) {         \
            (c)->oom = 1;                                                                    \
            return NULL;                                                                     \
        }                                                                                    \
        (c)->r->arr = items_;                                                                \
        type *row_ = &(c)->r->arr[(c)->r->n++];                                              \
        memset(row_, 0, sizeof *row_);                                                       \
        return row_;                                                                         \
    } while (0)

gipr_section *gipr_add_section(gipr_ctx *c) { ADD_ROW(c, sections, nsections, cap_sections, gipr_section); }
gipr_indicator *gipr_add_indicator(gipr_ctx *c) { ADD_ROW(c, indicators, nindicators, cap_indicators, gipr_indicator); }
gipr_check *gipr_add_check(gipr_ctx *c) { ADD_ROW(c, checks, nchecks, cap_checks, gipr_check); }

gipr_table *gipr_add_table(gipr_ctx *c, int kind)
{
    void *items = c->tables;
    if (gipr_grow(c->arena, &items, &c->cap_tables, c->ntables, sizeof(gipr_table))) {
        c->oom = 1;
        return NULL;
    }
    c->tables = items;
    gipr_table *t = &c->tables[c->ntables++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->first_line = t->last_line = -1;
    return t;
}

gipr_cell *gipr_add_cell(gipr_ctx *c, gipr_table *t)
{
    void *items = t->cells;
    if (gipr_grow(c->arena, &items, &t->cap_cells, t->ncells, sizeof(gipr_cell))) {
        c->oom = 1;
        return NULL;
    }
    t->cells = items;
    gipr_cell *cell = &t->cells[t->ncells++];
    memset(cell, 0, sizeof *cell);
    return cell;
}

/* bytes -> normalised text -> lines; HTML pages come with their tables already cut into cells */
static int read_text(gipr_ctx *c, const char *name, const unsigned char *bytes, size_t len)
{
    int html = c->opt && c->opt->is_html >= 0 ? c->opt->is_html : gipr_looks_like_html(name, bytes, len);
    if (html)
        return gipr_html_read(c, bytes, len);
    char *utf8, *norm;
    size_t utf8_len, norm_len;
    c->r->format = "text";
    if (gipr_decode(c, bytes, len, &utf8, &utf8_len))
        return -1;
    if (gipr_normalize(c, utf8, utf8_len, &norm, &norm_len))
        return -1;
    c->text = norm;
    c->text_len = norm_len;
    return gipr_split_lines(c);
}

int gipr_parse(gipr_report *r, const char *name, const void *bytes, size_t len,
               const gipr_options *opt)
{
    gipr_report_reset(r);
    gipr_ctx c = {.r = r, .arena = &r->arena, .opt = opt};
    r->path = gipr_arena_strdup(&r->arena, name ? name : "");
    r->bytes = len;
    if (read_text(&c, name ? name : "", bytes, len) == 0) {
        gipr_find_tables(&c);
        gipr_find_sections(&c);
        gipr_read_legacy_tables(&c);
        gipr_read_form_tables(&c);
        gipr_read_metadata(&c);
        gipr_read_prose(&c);
        gipr_run_checks(&c);
    }
    if (c.oom) {
        gipr_diag(&c, "out of memory");
        return -1;
    }
    return 0;
}

/* Files are read whole: reports are small, and one pass over one buffer is the fast path. */
int gipr_parse_file(gipr_report *r, const char *path, const gipr_options *opt)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            errno = ENOMEM;
            return -1;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
        if (len == cap) {
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb)
                free(buf);
            buf = nb;
            cap *= 2;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        errno = EIO;
        return -1;
    }
    int rc = gipr_parse(r, path, buf, len, opt);
    free(buf);
    return rc;
}
