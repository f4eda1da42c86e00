/* The rows and column headings of the t2019/t2021 tables, derived from catalog.def (see
 * form_rows.h), and label matching. */
#include "form_rows.h"

#include "text.h"

#include <string.h>

const char *const form_review_codes[15] = {
    "review.upheld",
    "review.corrected",
    "review.other",
    "review.pending",
    "review.total",
    "litigation.direct.upheld",
    "litigation.direct.corrected",
    "litigation.direct.other",
    "litigation.direct.pending",
    "litigation.direct.total",
    "litigation.after_review.upheld",
    "litigation.after_review.corrected",
    "litigation.after_review.other",
    "litigation.after_review.pending",
    "litigation.after_review.total",
};

/* 表三's columns: spec/indicators.tsv, section 三 (自然人|商业企业|科研机构|社会公益组织|
 * 法律服务机构|其他|总计); catalog.def names them "applicant". */
static const char *const applicant_dims[] = {"natural_person", "business",  "research", "nonprofit",
                                             "legal_service",  "other_org", "total"};

/* 表三's column headings (spec/indicators.tsv names them in the applicant dims' order), and
 * 法人或其他组织, the heading over the five columns between 自然人 and 总计: a table that prints it
 * as one column has no column of the form under it (""). */
static const struct {
    const char *heading, *dim;
} applicant_headings[] = {
    {"自然人", "natural_person"}, {"商业企业", "business"},      {"科研机构", "research"},
    {"社会公益组织", "nonprofit"}, {"法律服务机构", "legal_service"}, {"其他", "other_org"},
    {"总计", "total"},            {"法人或其他组织", ""},
};

const char *form_applicant_heading_dim(const char *s, size_t n)
{
    char key[FORM_KEY_CAP];
    if (gipr_label_key(s, n, key, sizeof key) == 0)
        return NULL;
    for (size_t i = 0; i < sizeof applicant_headings / sizeof *applicant_headings; i++)
        if (strcmp(key, applicant_headings[i].heading) == 0)
            return applicant_headings[i].dim;
    return NULL;
}

/* Labels the catalog does not spell out, and why. The one place for such variants: every other
 * label and heading comes from catalog.def. A NULL code is a row some regional forms add that has
 * no code: its numbers are read and set aside, never given to a neighbour. */
static const struct {
    const char *code, *label;
} row_aliases[] = {
    {"art20.normative_docs", "行政规范性文件"}, /* the t2021 form's wording of the row */
    {"request.result.total", "合计"},           /* （七）合计 for （七）总计 */
    {NULL, "其他主动公开文件"},                 /* Hubei adds this row to 表二 */
};
static const struct {
    const char *heading, *dim;
    int forms;
} heading_aliases[] = {
    {"本年数量", "change", FORM_2019}, /* regional forms head 本年增/减 so */
};

static int has_form(const char *templates, const char *form)
{
    return strstr(templates, form) != NULL;
}

static int table_kind_of(const char *code)
{
    if (strncmp(code, "art20.", 6) == 0)
        return GIPR_TABLE_ART20;
    if (strncmp(code, "request.", 8) == 0)
        return GIPR_TABLE_REQUESTS;
    return 0;
}

void form_list_number(const char *s, size_t n, char *out, size_t cap)
{
    size_t len = gipr_list_number_len(s, n), o = 0;
    for (size_t i = 0; i < len && o + 5 < cap;) {
        uint32_t cp;
        int k = gipr_utf8_next(s + i, len - i, &cp);
        cp = gipr_fold_cp(cp);
        i += (size_t)k;
        if (cp == '(' || (cp >= '0' && cp <= '9') || (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3007)
            o += (size_t)gipr_utf8_put(cp, out + o);
    }
    out[o] = 0;
}

/* The label of a row in a catalog label: "第二十条第（一）项 规章 (t2019 columns …)" -> 规章;
 * "（一）予以公开" stays whole. The last word before the parenthetical note. */
static void row_label_of(const char *label, char *out, size_t cap)
{
    const char *end = strstr(label, " (");
    size_t n = end ? (size_t)(end - label) : strlen(label);
    const char *word = label;
    for (size_t i = 0; i < n; i++)
        if (label[i] == ' ')
            word = label + i + 1;
    size_t m = (size_t)(label + n - word);
    if (m >= cap)
        m = cap - 1;
    memcpy(out, word, m);
    out[m] = 0;
}

/* Parses one dims list "a,b,c" into the row's dims for form index f. */
static void set_dims(form_row *row, int f, const char *s, size_t n)
{
    row->ndims[f] = 0;
    size_t i = 0;
    while (i < n && row->ndims[f] < FORM_MAX_DIMS) {
        while (i < n && (s[i] == ' ' || s[i] == ','))
            i++;
        size_t j = i;
        while (j < n && s[j] != ',' && s[j] != ' ' && s[j] != ';')
            j++;
        if (j > i && j - i < sizeof row->dims[f][0]) {
            memcpy(row->dims[f][row->ndims[f]], s + i, j - i);
            row->dims[f][row->ndims[f]++][j - i] = 0;
        }
        i = j;
    }
}

/* catalog dims: "applicant", "as <code>", "t2019: a,b; t2021: c", or a plain list. */
static void parse_dims(form_catalog *fc, form_row *row)
{
    const char *d = row->entry->dims;
    if (strcmp(d, "applicant") == 0) {
        for (int f = 0; f < 2; f++) {
            row->ndims[f] = 7;
            for (int i = 0; i < 7; i++)
                strcpy(row->dims[f][i], applicant_dims[i]);
        }
        return;
    }
    if (strncmp(d, "as ", 3) == 0) {
        for (int i = 0; i < fc->nrows; i++)
            if (fc->rows[i].entry && strcmp(fc->rows[i].entry->code, d + 3) == 0) {
                memcpy(row->ndims, fc->rows[i].ndims, sizeof row->ndims);
                memcpy(row->dims, fc->rows[i].dims, sizeof row->dims);
            }
        return;
    }
    static const char *const names[2] = {"t2019:", "t2021:"};
    int any = 0;
    for (int f = 0; f < 2; f++) {
        const char *p = strstr(d, names[f]);
        if (!p)
            continue;
        any = 1;
        p += strlen(names[f]);
        const char *e = strchr(p, ';');
        set_dims(row, f, p, e ? (size_t)(e - p) : strlen(p));
    }
    if (!any)
        for (int f = 0; f < 2; f++)
            set_dims(row, f, d, strlen(d));
}

static void add_heading(form_catalog *fc, const char *s, size_t n, const char *dim, int forms)
{
    if (fc->nheadings >= FORM_MAX_HEADINGS)
        return;
    form_heading *h = &fc->headings[fc->nheadings];
    /* "本年收费金额（单位：万元）": the unit note is often left out or wrapped away */
    const char *paren = strstr(s, "（");
    if (paren && (size_t)(paren - s) < n)
        n = (size_t)(paren - s);
    if (gipr_label_key(s, n, h->key, sizeof h->key) == 0)
        return;
    for (int i = 0; i < fc->nheadings; i++)
        if (strcmp(fc->headings[i].key, h->key) == 0 && strcmp(fc->headings[i].dim, dim) == 0) {
            fc->headings[i].forms |= forms;
            return;
        }
    h->dim = dim;
    h->forms = forms;
    fc->nheadings++;
}

/* Column headings from a catalog label: "(t2019 columns A|B|C; t2021 column D)" or
 * "(columns A|B)", paired in order with the row's dims of that form. */
static void parse_headings(form_catalog *fc, const form_row *row)
{
    const char *label = row->entry->label;
    const char *p = label;
    while ((p = strstr(p, "column")) != NULL) {
        int form = row->forms;
        if (p - label >= 6 && strncmp(p - 6, "t2019 ", 6) == 0)
            form = FORM_2019;
        else if (p - label >= 6 && strncmp(p - 6, "t2021 ", 6) == 0)
            form = FORM_2021;
        p = strchr(p, ' ');
        if (!p)
            return;
        p++;
        const char *end = p + strcspn(p, ";)");
        const form_row *dims_row = row;
        int f = form_index(form);
        for (int i = 0; p < end; i++) {
            const char *bar = memchr(p, '|', (size_t)(end - p));
            const char *cell_end = bar ? bar : end;
            if (i < dims_row->ndims[f])
                add_heading(fc, p, (size_t)(cell_end - p), dims_row->dims[f][i], form);
            p = bar ? bar + 1 : end;
        }
    }
}

static const char *dim_pointer(const form_catalog *fc, const char *dim)
{
    for (int i = 0; i < fc->nrows; i++)
        for (int f = 0; f < 2; f++)
            for (int d = 0; d < fc->rows[i].ndims[f]; d++)
                if (strcmp(fc->rows[i].dims[f][d], dim) == 0)
                    return fc->rows[i].dims[f][d];
    return NULL;
}

void form_catalog_build(form_catalog *fc)
{
    memset(fc, 0, sizeof *fc);
    for (int i = 0; i < gipr_catalog_count && fc->nrows < FORM_MAX_ROWS; i++) {
        const gipr_catalog_entry *e = &gipr_catalog[i];
        int kind = table_kind_of(e->code);
        int forms = (has_form(e->templates, "t2019") ? FORM_2019 : 0) |
                    (has_form(e->templates, "t2021") ? FORM_2021 : 0);
        if (!kind || !forms)
            continue;
        form_row *row = &fc->rows[fc->nrows++];
        row->entry = e;
        row->kind = kind;
        row->forms = forms;
        row->parent = -1;
        char label[FORM_KEY_CAP];
        row_label_of(e->label, label, sizeof label);
        gipr_label_key(label, strlen(label), row->key, sizeof row->key);
        form_list_number(label, strlen(label), row->number, sizeof row->number);
        parse_dims(fc, row);
        if (kind == GIPR_TABLE_ART20)
            parse_headings(fc, row);
    }
    for (int i = 0; i < fc->nrows; i++)
        for (int j = 0; j < fc->nrows; j++)
            if (fc->rows[i].entry->parent[0] &&
                strcmp(fc->rows[i].entry->parent, fc->rows[j].entry->code) == 0)
                fc->rows[i].parent = j;
    for (size_t a = 0; a < sizeof row_aliases / sizeof *row_aliases; a++) {
        const char *label = row_aliases[a].label;
        if (row_aliases[a].code) {
            for (int i = 0; i < fc->nrows; i++)
                if (strcmp(fc->rows[i].entry->code, row_aliases[a].code) == 0)
                    gipr_label_key(label, strlen(label), fc->rows[i].alias,
                                   sizeof fc->rows[i].alias);
        } else if (fc->nrows < FORM_MAX_ROWS) {
            form_row *row = &fc->rows[fc->nrows++];
            row->kind = GIPR_TABLE_ART20;
            row->forms = FORM_BOTH;
            row->parent = -1;
            gipr_label_key(label, strlen(label), row->key, sizeof row->key);
        }
    }
    for (size_t a = 0; a < sizeof heading_aliases / sizeof *heading_aliases; a++) {
        const char *dim = dim_pointer(fc, heading_aliases[a].dim);
        if (dim)
            add_heading(fc, heading_aliases[a].heading, strlen(heading_aliases[a].heading), dim,
                        heading_aliases[a].forms);
    }
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static size_t common_prefix_chars(const char *a, const char *b)
{
    size_t n = 0, i = 0;
    while (a[i] && a[i] == b[i]) {
        if (((unsigned char)a[i] & 0xC0) != 0x80)
            n++;
        i++;
    }
    /* a multi-byte character counts only when all of it matched */
    if (a[i] && ((unsigned char)a[i] & 0xC0) == 0x80)
        n--;
    return n;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* How well a label (key, list number) names a row: 3 the same words, 2 one a prefix of the other
 * (labels wrapped over lines, or lengthened by a regional note), 1 the same list number and a
 * common start of three characters (a word dropped by a typo), 0 no match. */
static int match_strength(const form_row *row, const char *key, const char *number)
{
    if (number[0] && row->number[0] && strcmp(number, row->number) != 0)
        return 0;
    /* without its list number a short label is a column heading (总计, 其他), not the row */
    if (!number[0] && row->number[0] && utf8_chars(key) < 4)
        return 0;
    if (strcmp(key, row->key) == 0 || (row->alias[0] && strcmp(key, row->alias) == 0))
        return 3;
    size_t chars = utf8_chars(key);
    int numbered = number[0] && row->number[0];
    if ((chars >= 2 || (numbered && chars >= 1)) &&
        (starts_with(row->key, key) || (row->alias[0] && starts_with(row->alias, key))))
        return 2;
    if (utf8_chars(row->key) >= 2 && starts_with(key, row->key))
        return 2;
    if (numbered && common_prefix_chars(key, row->key) >= 3)
        return 1;
    return 0;
}

static int match_at(const form_catalog *fc, int kind, const char *s, size_t n, int min_strength)
{
    char key[FORM_KEY_CAP], number[16];
    if (gipr_label_key(s, n, key, sizeof key) == 0)
        return -1;
    form_list_number(s, n, number, sizeof number);
    int best = -1, best_strength = 0, ties = 0;
    for (int i = 0; i < fc->nrows; i++) {
        if (fc->rows[i].kind != kind)
            continue;
        int m = match_strength(&fc->rows[i], key, number);
        if (m > best_strength) {
            best = i;
            best_strength = m;
            ties = 0;
        } else if (m && m == best_strength) {
            ties++;
        }
    }
    return ties || best_strength < min_strength ? -1 : best;
}

int form_match_row(const form_catalog *fc, int kind, const char *s, size_t n)
{
    return match_at(fc, kind, s, n, 1);
}

int form_match_unnumbered_row(const form_catalog *fc, int kind, const char *s, size_t n)
{
    char key[FORM_KEY_CAP], number[16];
    form_list_number(s, n, number, sizeof number);
    if (number[0] || gipr_label_key(s, n, key, sizeof key) == 0)
        return -1;
    int found = -1, count = 0;
    for (int i = 0; i < fc->nrows; i++) {
        const form_row *row = &fc->rows[i];
        if (row->kind == kind &&
            (strcmp(key, row->key) == 0 || (row->alias[0] && strcmp(key, row->alias) == 0))) {
            found = i;
            count++;
        }
    }
    return count == 1 ? found : -1;
}

/* A label run together with the text before it (headings: "…对外公开总数量规章"; a merged cell:
 * "三、本年度办理结果（一）予以公开"): the longest tail of its key that is a row's key word for
 * word. A tail has lost its list number, so a numbered row needs four characters to be named
 * (总计 or 其他 at the end of a heading row name no row). */
static int match_tail(const form_catalog *fc, int kind, const char *s, size_t n)
{
    char key[FORM_KEY_CAP * 4];
    size_t len = gipr_label_key(s, n, key, sizeof key);
    for (size_t i = 1; i < len; i++) {
        if (((unsigned char)key[i] & 0xC0) == 0x80)
            continue;
        int found = -1, count = 0;
        for (int r = 0; r < fc->nrows; r++) {
            const form_row *row = &fc->rows[r];
            if (row->kind != kind || utf8_chars(key + i) < (row->number[0] ? 4u : 2u))
                continue;
            if (strcmp(key + i, row->key) == 0 ||
                (row->alias[0] && strcmp(key + i, row->alias) == 0)) {
                found = r;
                count++;
            }
        }
        if (count == 1)
            return found;
    }
    return -1;
}

/* Where the label of a row starts in text it is run together with: the first place from which
 * the rest of the text keys as the row (so （一） stays with 予以公开). Bounded: longer text keeps
 * its start. */
enum { MAX_LABEL_SEARCH = 2000 };

static int keys_as_row(const form_row *row, const char *s, size_t n)
{
    char key[FORM_KEY_CAP * 4];
    gipr_label_key(s, n, key, sizeof key);
    return strcmp(key, row->key) == 0 || (row->alias[0] && strcmp(key, row->alias) == 0);
}

static size_t label_start(const form_row *row, const char *s, size_t n)
{
    for (size_t i = 0; n <= MAX_LABEL_SEARCH && i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80 || !keys_as_row(row, s + i, n - i))
            continue;
        /* it starts at its list number or at a word, not at punctuation the key does not see
         * (the ） closing a heading before it) */
        size_t len = 1;
        while (i + len < n && ((unsigned char)s[i + len] & 0xC0) == 0x80)
            len++;
        char first[8];
        if (gipr_list_number_len(s + i, n - i) > 0 || gipr_label_key(s + i, len, first, sizeof first))
            return i;
    }
    return 0;
}

int form_match_glued_row(const form_catalog *fc, int kind, const char *s, size_t n,
                         size_t *label_at)
{
    *label_at = 0;
    int row = match_at(fc, kind, s, n, 1);
    if (row >= 0)
        return row;
    row = match_tail(fc, kind, s, n);
    if (row >= 0)
        *label_at = label_start(&fc->rows[row], s, n);
    return row;
}

int form_header_dims(const form_catalog *fc, const char *s, size_t n, const char **dims, int max,
                     int *forms)
{
    char key[512];
    size_t len = gipr_label_key(s, n, key, sizeof key);
    int count = 0;
    for (size_t i = 0; i < len && count < max;) {
        const form_heading *best = NULL;
        size_t best_len = 0;
        for (int h = 0; h < fc->nheadings; h++) {
            size_t m = strlen(fc->headings[h].key);
            if (m > best_len && i + m <= len && memcmp(key + i, fc->headings[h].key, m) == 0) {
                best = &fc->headings[h];
                best_len = m;
            }
        }
        if (best) {
            dims[count++] = best->dim;
            *forms |= best->forms;
            i += best_len;
        } else {
            i++;
        }
    }
    return count;
}
