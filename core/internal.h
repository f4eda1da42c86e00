/* Shared internals of core/: memory, the parse context that flows through the pipeline, and the
 * entry point of each stage. Nothing here is public API. */
#ifndef GIPR_INTERNAL_H
#define GIPR_INTERNAL_H

#include "gipr.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- memory (arena.c) -----------------------------------------------------------------------
 * Every allocation of a parse comes from the report's arena and is released at once by
 * gipr_arena_reset (the one reset path). Blocks grow geometrically; a reset keeps the largest
 * block for the next report, so a long scan allocates nothing per row in steady state. */
void *gipr_arena_alloc(gipr_arena *a, size_t n);              /* 8-aligned, NULL on OOM */
char *gipr_arena_strndup(gipr_arena *a, const char *s, size_t n);
char *gipr_arena_strdup(gipr_arena *a, const char *s);
char *gipr_arena_printf(gipr_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void gipr_arena_reset(gipr_arena *a);
void gipr_arena_free(gipr_arena *a);

/* Grow an arena-backed array geometrically: *items has *cap slots of size elt; make room for one
 * more. Returns 0, or -1 on OOM. */
int gipr_grow(gipr_arena *a, void **items, int *cap, int count, size_t elt);

/* ---- string building (strbuf.c): a heap buffer that grows geometrically -------------------- */
typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} gipr_strbuf;
void gipr_sb_add(gipr_strbuf *b, const char *s, size_t n);
void gipr_sb_adds(gipr_strbuf *b, const char *s);
void gipr_sb_addc(gipr_strbuf *b, char c);
void gipr_sb_printf(gipr_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gipr_sb_clear(gipr_strbuf *b);
void gipr_sb_free(gipr_strbuf *b);

/* ---- lines (lines.c) ------------------------------------------------------------------------ */
enum {
    GIPR_LINE_TEXT = 0, /* narrative */
    GIPR_LINE_BLANK,    /* empty after trimming */
    GIPR_LINE_CHROME,   /* page furniture: breadcrumbs, 索引号, 打印本页, page numbers ... */
    GIPR_LINE_TABLE     /* part of a statistics table (never a section heading) */
};

typedef struct {
    const char *s; /* NUL-terminated, trimmed of surrounding white space, normalised */
    size_t len;
    int no;          /* 1-based line number in the source text */
    unsigned char kind;
    short table;     /* index into ctx->tables, or -1 */
} gipr_line;

/* ---- table blocks (blocks.c) ------------------------------------------------------------------
 * A statistics table as a stream of cells in reading order. Text tables are cut into cells from
 * their lines (tabs, pipes, wide gaps); HTML tables give their cells as they are. The readers of
 * the table forms consume cells, so text and HTML go through the same reader. */
enum {
    GIPR_TABLE_LEGACY = 1, /* 政府信息公开情况统计表 */
    GIPR_TABLE_SOURCE,     /* 申请来源统计表 (Jiangsu) */
    GIPR_TABLE_ART20,      /* t2019/t2021 section 二 */
    GIPR_TABLE_REQUESTS,   /* t2019/t2021 section 三 */
    GIPR_TABLE_REVIEWS     /* t2019/t2021 section 四 */
};

typedef struct {
    const char *s; /* NUL-terminated, trimmed */
    size_t len;
    int line;      /* source line number */
    int row;       /* row index within the table: cells of one text line or <tr> share it */
    int col;       /* column within its row (after colspan expansion for HTML) */
} gipr_cell;

typedef struct {
    int kind;       /* GIPR_TABLE_* */
    int first_line; /* index range into ctx->lines (text tables); -1 for HTML tables */
    int last_line;
    gipr_cell *cells;
    int ncells, cap_cells;
    int from_html;
} gipr_table;

/* ---- shares stated in the narrative (prose.c -> checks.c, rule PERCENT) ------------------------ */
typedef struct {
    double count;       /* N of "N件，占P%" */
    double percent;     /* P */
    int decimals;       /* digits written after the point of P: the tolerance is one unit of the last */
    const char *code;   /* the indicator N states, or NULL when it is not one */
    const char *base;   /* the code of the total the text names or implies (占总申请量…), or NULL */
    double local_total; /* a total stated just before in the same sentence ("1177件，其中…"), or 0 */
    const char *raw;    /* the phrase as written */
    int line;
} gipr_share;

/* ---- the parse context ------------------------------------------------------------------------ */
typedef struct gipr_ctx {
    gipr_report *r;
    gipr_arena *arena; /* == &r->arena */
    const gipr_options *opt;

    char *text; /* the whole normalised UTF-8 text (arena) */
    size_t text_len;

    gipr_line *lines;
    int nlines, cap_lines;

    gipr_table *tables;
    int ntables, cap_tables;

    gipr_share *shares; /* filled by prose.c, checked by checks.c */
    int nshares, cap_shares;

    int oom; /* set by any stage that ran out of memory */
} gipr_ctx;

/* ---- stages, in pipeline order ---------------------------------------------------------------- */
/* decode.c: bytes -> UTF-8 (arena), sets r->encoding. Undecodable bytes become U+FFFD with a
 * diagnostic, never a failure. */
int gipr_decode(gipr_ctx *c, const unsigned char *bytes, size_t len, char **out, size_t *outlen);
/* normalize.c: in place-or-copy normalisation of decoded text: CRLF/CR -> LF, full-width ASCII ->
 * ASCII, U+3000/NBSP -> space, ﹒ -> ., zero-width characters dropped. */
int gipr_normalize(gipr_ctx *c, const char *in, size_t len, char **out, size_t *outlen);
/* html.c: HTML bytes -> text lines and table blocks (sets r->format = "html"). */
int gipr_html_read(gipr_ctx *c, const unsigned char *bytes, size_t len);
int gipr_looks_like_html(const char *name, const unsigned char *bytes, size_t len);
/* lines.c: cut ctx->text into ctx->lines; marks blank and chrome lines. */
int gipr_split_lines(gipr_ctx *c);
/* blocks.c: find the statistics tables, mark their lines GIPR_LINE_TABLE and cut them into cells. */
void gipr_find_tables(gipr_ctx *c);
/* sections.c: the numbered narrative headings as a tree. */
void gipr_find_sections(gipr_ctx *c);
/* metadata.c: title, year, period, issuer, region, dates. */
void gipr_read_metadata(gipr_ctx *c);
/* table_legacy.c: values of the legacy statistics table and the 申请来源统计表. */
void gipr_read_legacy_tables(gipr_ctx *c);
/* table_form.c: values of the t2019/t2021 tables; decides r->template_ between the two forms. */
void gipr_read_form_tables(gipr_ctx *c);
/* prose.c: numbers stated in the narrative. */
void gipr_read_prose(gipr_ctx *c);
/* checks.c: every rule of rules.def, one row per rule instance. */
void gipr_run_checks(gipr_ctx *c);

/* ---- adding rows (report.c) ------------------------------------------------------------------- */
gipr_section *gipr_add_section(gipr_ctx *c);
gipr_indicator *gipr_add_indicator(gipr_ctx *c);
gipr_check *gipr_add_check(gipr_ctx *c);
gipr_table *gipr_add_table(gipr_ctx *c, int kind);
gipr_cell *gipr_add_cell(gipr_ctx *c, gipr_table *t);
/* Append one line to r->diagnostics ("line 12: ..." style, short, English). */
void gipr_diag(gipr_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- UTF-8 helpers (utf8.c) ------------------------------------------------------------------- */
/* The complete decoder behind gipr_utf8_next: 2- and 4-byte sequences, invalid bytes. */
int gipr_utf8_next_slow(const char *s, size_t n, uint32_t *cp);
/* Decode one code point at s (n bytes available); returns its length (>= 1) and sets *cp;
 * invalid bytes give U+FFFD and length 1 (0 and cp 0 when n is 0). Every reader decodes text
 * code point by code point, so the common cases (ASCII and the 3-byte characters of CJK text)
 * are decoded inline; the rest goes to gipr_utf8_next_slow. */
static inline int gipr_utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (n >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        uint32_t v = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
                     (u[2] & 0x3F);
        if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
            *cp = v;
            return 3;
        }
    }
    return gipr_utf8_next_slow(s, n, cp);
}
/* Encode cp to out; returns its length. Inline for the same reason as gipr_utf8_next. */
static inline int gipr_utf8_put(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
int gipr_utf8_valid(const char *s, size_t n);

#endif
