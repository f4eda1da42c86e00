/* The rows and columns of the t2019/t2021 tables (国办公开办函〔2019〕60号 and 〔2021〕30号),
 * derived from catalog.def, and the matching of labels as written against them.
 *
 * A row of 表二 (GIPR_TABLE_ART20) or 表三 (GIPR_TABLE_REQUESTS) is one catalog code; its
 * columns are its dims. 表四 (GIPR_TABLE_REVIEWS) is one row of 15 cells, one code each. */
#ifndef GIPR_FORM_ROWS_H
#define GIPR_FORM_ROWS_H

#include "internal.h"

/* The two forms, as bits: a row or a column heading may belong to both. */
enum { FORM_2019 = 1, FORM_2021 = 2, FORM_BOTH = 3 };
enum { FORM_MAX_ROWS = 64, FORM_MAX_DIMS = 8, FORM_MAX_HEADINGS = 32, FORM_KEY_CAP = 160 };

typedef struct {
    const gipr_catalog_entry *entry; /* NULL for a row a regional form adds without a code */
    int kind;                        /* GIPR_TABLE_ART20 | GIPR_TABLE_REQUESTS */
    int forms;                       /* FORM_2019 | FORM_2021 */
    int parent;                      /* index of the aggregate row above it, or -1 */
    char key[FORM_KEY_CAP];          /* label key without list number (gipr_label_key) */
    char alias[FORM_KEY_CAP];        /* a second key some published forms use, or "" */
    char number[16]; /* list number: "(一" for （一）, "一" for 一、, "1" for 1. */
    int ndims[2];    /* per form (index 0: t2019, 1: t2021) */
    char dims[2][FORM_MAX_DIMS][16];
} form_row;

typedef struct {
    char key[48];    /* heading key, e.g. 本年新制作数量 */
    const char *dim; /* points into a form_row's dims */
    int forms;
} form_heading;

typedef struct {
    form_row rows[FORM_MAX_ROWS]; /* official order */
    int nrows;
    form_heading headings[FORM_MAX_HEADINGS]; /* column headings of 表二 */
    int nheadings;
} form_catalog;

void form_catalog_build(form_catalog *fc);

/* Index 0 or 1 of a form bit, for form_row.dims. */
static inline int form_index(int form)
{
    return form == FORM_2021 ? 1 : 0;
}

/* The row a label as written names, among rows of the given table kind; -1 when it names none
 * or more than one. */
int form_match_row(const form_catalog *fc, int kind, const char *s, size_t n);
/* A short label written without its list number (总计 for （七）总计, 其他 for 3.其他), which
 * form_match_row takes for a column heading: the one row whose key it is. For callers that know
 * the label starts a row of numbers. */
int form_match_unnumbered_row(const form_catalog *fc, int kind, const char *s, size_t n);
/* The same, for text that may have the label run together after other text (tables converted
 * without separators); *label_at: where the label starts in s. */
int form_match_glued_row(const form_catalog *fc, int kind, const char *s, size_t n,
                         size_t *label_at);

/* The list number at the start of s as a short key ("(一", "一", "1"); "" when none. */
void form_list_number(const char *s, size_t n, char *out, size_t cap);

/* Column headings of 表二 in s, in the order written: their dims (at most max) and the forms
 * they belong to, ORed into *forms. Returns the count. */
int form_header_dims(const form_catalog *fc, const char *s, size_t n, const char **dims, int max,
                     int *forms);

/* The dim of a 表三 column heading (自然人 -> natural_person … 总计 -> total); "" for
 * 法人或其他组织, which heads five columns; NULL for text that is no such heading. */
const char *form_applicant_heading_dim(const char *s, size_t n);

/* 表四: the 15 codes of its one row, in the official column order. */
extern const char *const form_review_codes[15];

#endif
