/* What a cell of the legacy statistics table or the 申请来源统计表 says (see legacy_cells.h): the
 * rows' labels from the catalog, keys, numbers with their units and dashes, and the kind of a cell.
 */
#include "legacy_cells.h"

#include "numbers.h"
#include "text.h"

#include <string.h>

/* ---- the catalog rows of the two tables ------------------------------------------------------ */

/* The blocks 一…九 of the legacy table, by code family (the first part of a code). */
static const struct {
    const char *family;
    int block;
} legacy_blocks[] = {
    {"active", 1},     {"response", 2}, {"request", 3}, {"review", 4},   {"litigation", 5},
    {"complaints", 6}, {"fees", 7},     {"org", 8},     {"training", 9},
};

/* Labels reports use for a row besides the catalog's, keyed by code. Labels that differ from the
 * catalog's by one character (具有/具体行政行为) need no entry: long labels match with one
 * character off. */
static const struct {
    const char *code, *label;
} label_aliases[] = {
    {"org.reading_points", "政府信息公开查阅点数"}, /* 设置 left out (Jiangsu) */
    {"request.answered.refused.security", "危及三安全一稳定"}, /* 危及“三安全一稳定” */
    /* the last row of the 申请来源统计表 */
    {"request.source.total", "合计"},
    {"request.source.total", "总计"},
    {"request.source.total", "申请总数"},
};

enum { KEY_MAX = 160 }; /* code points kept of a label key */
enum { FUZZY_MIN = 8 }; /* labels at least this long match with one character off */
enum { LABEL_WINDOW = 256 }; /* bytes that hold the key of the longest label, spaces and all */

/* A text reduced to a key, remembering where each kept character ends in the text. */
typedef struct {
    uint32_t cp[KEY_MAX];
    size_t end[KEY_MAX];
    int n;
} text_key;

/* 1 when gipr_label_key keeps the (folded) character: not white space, not punctuation. */
static int is_key_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
               cp == '%';
    if (cp >= 0x4E00 && cp <= 0x9FFF) /* ideographs: the common case, no need to ask */
        return 1;
    char buf[4], out[8];
    int m = gipr_utf8_put(cp, buf);
    return gipr_label_key(buf, (size_t)m, out, sizeof out) > 0;
}

/* 1 for a list number written as one enclosed character: ① ⑴ ⒈ ㈠ ㊀. */
static int is_enclosed_numeral(uint32_t cp)
{
    return (cp >= 0x2460 && cp <= 0x249B) || (cp >= 0x3220 && cp <= 0x3229) ||
           (cp >= 0x3280 && cp <= 0x3289);
}

/* Length of a list number at the start of s[0..n): 一、 (一) 1. and the enclosed ones. */
static size_t list_number_len(const char *s, size_t n)
{
    size_t i = gipr_list_number_len(s, n);
    uint32_t cp;
    int m;
    if (i == 0 && (m = gipr_utf8_next(s, n, &cp)) > 0 && is_enclosed_numeral(cp))
        i = gipr_legacy_skip_spaces(s, n, (size_t)m);
    return i;
}

/* The key of s[0..n): like gipr_label_key, and without parenthetical remarks, so that
 * 主动公开政府信息数（不同渠道…计1条） and 主动公开政府信息数 have the same key. */
static void make_key(const char *s, size_t n, text_key *k)
{
    static const char of_which[] = "其中";
    size_t i = list_number_len(s, n);
    uint32_t cp;
    k->n = 0;
    if (n - i >= sizeof of_which - 1 && memcmp(s + i, of_which, sizeof of_which - 1) == 0) {
        size_t j = i + sizeof of_which - 1;
        int m = gipr_utf8_next(s + j, n - j, &cp);
        if (m && gipr_fold_cp(cp) == ':') {
            i = gipr_legacy_skip_spaces(s, n, j + (size_t)m);
            i += list_number_len(s + i, n - i); /* 其中：1.当面申请数 */
        }
    }
    int depth = 0;
    while (i < n && k->n < KEY_MAX) {
        int m = gipr_utf8_next(s + i, n - i, &cp);
        i += (size_t)m;
        cp = gipr_fold_cp(cp);
        if (cp == '(')
            depth++;
        else if (cp == ')' && depth > 0)
            depth--;
        else if (depth == 0 && is_key_char(cp)) {
            k->cp[k->n] = cp;
            k->end[k->n++] = i;
        }
    }
}

/* The family's block, or 0. */
static int block_of(const char *code)
{
    size_t n = strcspn(code, ".");
    for (size_t i = 0; i < sizeof legacy_blocks / sizeof legacy_blocks[0]; i++)
        if (strlen(legacy_blocks[i].family) == n && memcmp(legacy_blocks[i].family, code, n) == 0)
            return legacy_blocks[i].block;
    return 0;
}

int gipr_legacy_list_has(const char *list, const char *item)
{
    size_t m = strlen(item);
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        if (n == m && memcmp(p, item, m) == 0)
            return 1;
        p += n + (p[n] == ',');
    }
    return 0;
}

static int add_label(gipr_ctx *c, legacy_labels *ls, int *cap, const gipr_catalog_entry *e,
                     int order, const char *label)
{
    /* the catalog appends notes to some labels after " (": they are not part of the label */
    const char *note = strstr(label, " (");
    size_t n = note ? (size_t)(note - label) : strlen(label);
    text_key k;
    make_key(label, n, &k);
    void *items = ls->v;
    if (k.n == 0 || gipr_grow(c->arena, &items, cap, ls->n, sizeof(legacy_label)))
        return k.n == 0 ? 0 : -1;
    ls->v = items;
    legacy_label *l = &ls->v[ls->n];
    l->key = gipr_arena_alloc(c->arena, sizeof(uint32_t) * (size_t)k.n);
    if (!l->key)
        return -1;
    memcpy(l->key, k.cp, sizeof(uint32_t) * (size_t)k.n);
    l->nkey = k.n;
    l->entry = e;
    l->order = order;
    l->kind =
        e->dims[0] ? GIPR_TABLE_SOURCE : GIPR_TABLE_LEGACY; /* only the source table has dims */
    l->block = l->kind == GIPR_TABLE_LEGACY ? block_of(e->code) : 0;
    ls->n++;
    return 0;
}

/* The row labels of both tables: every legacy row of the catalog, and the aliases. */
int gipr_legacy_labels(gipr_ctx *c, legacy_labels *ls)
{
    int cap = 0;
    ls->v = NULL;
    ls->n = 0;
    for (int i = 0; i < gipr_catalog_count; i++) {
        const gipr_catalog_entry *e = &gipr_catalog[i];
        if (!gipr_legacy_list_has(e->templates, "legacy"))
            continue;
        if (add_label(c, ls, &cap, e, i, e->label))
            goto oom;
        for (size_t a = 0; a < sizeof label_aliases / sizeof label_aliases[0]; a++)
            if (strcmp(label_aliases[a].code, e->code) == 0 &&
                add_label(c, ls, &cap, e, i, label_aliases[a].label))
                goto oom;
    }
    return 0;
oom:
    c->oom = 1;
    return -1;
}

/* ---- what a cell holds ----------------------------------------------------------------------- */

static const struct {
    const char *written, *unit;
} units[] = {
    {"万元", "万元"}, {"元", "元"}, {"人次", "人次"}, {"件", "件"}, {"条", "条"}, {"次", "次"},
    {"篇", "篇"},     {"个", "个"}, {"人", "人"},     {"项", "项"}, {"%", "%"},   {"％", "%"},
};

size_t gipr_legacy_skip_spaces(const char *s, size_t n, size_t i)
{
    uint32_t cp;
    while (i < n) {
        int m = gipr_utf8_next(s + i, n - i, &cp);
        cp = gipr_fold_cp(cp);
        if (cp != ' ' && cp != '\r' && cp != '\n')
            break;
        i += (size_t)m;
    }
    return i;
}

size_t gipr_legacy_trim_end(const char *s, size_t start, size_t end)
{
    while (end > start) {
        size_t back = end - 1;
        while (back > start && ((unsigned char)s[back] & 0xC0) == 0x80)
            back--;
        uint32_t cp;
        gipr_utf8_next(s + back, end - back, &cp);
        cp = gipr_fold_cp(cp);
        if (cp != ' ' && cp != '\r' && cp != '\n')
            break;
        end = back;
    }
    return end;
}

static size_t unit_at(const char *s, size_t n, size_t i, const char **unit);

/* The unit a parenthetical remark s[open..close] names, when that is all it holds: 费用（元）. */
static const char *unit_in_parens(const char *s, size_t open, size_t close)
{
    uint32_t cp;
    size_t start = open + (size_t)gipr_utf8_next(s + open, close - open, &cp);
    start = gipr_legacy_skip_spaces(s, close, start);
    size_t end = gipr_legacy_trim_end(s, start, close);
    const char *unit = NULL;
    return end > start && unit_at(s, end, start, &unit) == end - start ? unit : NULL;
}

/* Past the parenthetical remarks at s[i..): returns where they end; *open when one is unclosed,
 * *unit when one names a unit. */
static size_t skip_parentheticals(const char *s, size_t n, size_t i, int *open, const char **unit)
{
    *open = 0;
    for (;;) {
        i = gipr_legacy_skip_spaces(s, n, i);
        uint32_t cp;
        int m = gipr_utf8_next(s + i, n - i, &cp);
        if (!m || gipr_fold_cp(cp) != '(')
            return i;
        size_t at = i;
        int depth = 0;
        do {
            m = gipr_utf8_next(s + i, n - i, &cp);
            cp = gipr_fold_cp(cp);
            depth += cp == '(';
            depth -= cp == ')';
            i += (size_t)m;
        } while (i < n && depth > 0);
        if (depth > 0) {
            *open = 1;
            return n;
        }
        const char *named = unit_in_parens(s, at, i - (size_t)m);
        if (named)
            *unit = named;
    }
}

/* 1 for a closing quotation mark, which may end a label: 危及“三安全一稳定” */
static int is_closing_quote(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == '"' || cp == '\'' || cp == 0x300D || cp == 0x300F;
}

/* Past the closing quotes at s[i..). */
static size_t skip_closing_quotes(const char *s, size_t n, size_t i)
{
    uint32_t cp;
    int m;
    while ((m = gipr_utf8_next(s + i, n - i, &cp)) > 0 && is_closing_quote(gipr_fold_cp(cp)))
        i += (size_t)m;
    return i;
}

/* Past a colon or equals sign between a label and its value (收到申请数：12). */
static size_t skip_colon(const char *s, size_t n, size_t i)
{
    uint32_t cp;
    i = gipr_legacy_skip_spaces(s, n, i);
    int m = gipr_utf8_next(s + i, n - i, &cp);
    cp = gipr_fold_cp(cp);
    return m && (cp == ':' || cp == '=') ? i + (size_t)m : i;
}

/* The unit written at s[i..) (longest first): sets *unit and returns its length, or 0. */
static size_t unit_at(const char *s, size_t n, size_t i, const char **unit)
{
    size_t best = 0;
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t m = strlen(units[u].written);
        if (m > best && i + m <= n && memcmp(s + i, units[u].written, m) == 0) {
            best = m;
            *unit = units[u].unit;
        }
    }
    return best;
}

/* Length of an empty-cell mark (——, /, 无) at s[i..) up to the next space, or 0. */
static size_t empty_mark_at(const char *s, size_t n, size_t i)
{
    size_t j = i;
    uint32_t cp;
    while (j < n) {
        int m = gipr_utf8_next(s + j, n - j, &cp);
        if (gipr_fold_cp(cp) == ' ')
            break;
        j += (size_t)m;
    }
    return j > i && gipr_is_empty_cell(s + i, j - i) ? j - i : 0;
}

/* Past a parenthetical right after a number: its unit (1026（条）) or a remark (0（无）). */
static size_t skip_remark_after_number(const char *s, size_t end, size_t i, const char **unit)
{
    size_t at = gipr_legacy_skip_spaces(s, end, i);
    int open;
    const char *named = NULL;
    size_t past = skip_parentheticals(s, end, at, &open, &named);
    if (past == at || open)
        return i;
    if (named && !*unit)
        *unit = named;
    return past;
}

/* One number with its unit, or an empty-cell mark, at s[i..end): returns its end, or 0. */
static size_t read_item(const char *s, size_t end, size_t i, legacy_item *it)
{
    size_t m;
    memset(it, 0, sizeof *it);
    it->start = i;
    if ((m = empty_mark_at(s, end, i)) > 0) {
        it->empty = 1;
        i += m;
    } else if ((m = gipr_scan_number(s + i, end - i, &it->value, &it->qualifier)) > 0) {
        i += m;
        size_t at = gipr_legacy_skip_spaces(s, end, i);
        if ((m = unit_at(s, end, at, &it->unit)) > 0)
            i = at + m;
        i = skip_remark_after_number(s, end, i, &it->unit);
    } else {
        return 0;
    }
    it->len = i - it->start;
    return i;
}

void gipr_legacy_read_tail(const char *s, size_t n, size_t from, legacy_tail *t)
{
    memset(t, 0, sizeof *t);
    const char *paren_unit = NULL;
    size_t i = skip_parentheticals(s, n, from > 0 ? skip_closing_quotes(s, n, from) : 0,
                                   &t->open_paren, &paren_unit);
    t->label_end = gipr_legacy_trim_end(s, 0, i);
    if (from > 0)
        i = skip_colon(s, n, i);
    size_t end = gipr_legacy_trim_end(s, i, n);
    i = gipr_legacy_skip_spaces(s, end, i + unit_at(s, end, i, &t->lead_unit));
    if (!t->lead_unit && from > 0) /* a label's 费用（元） names the unit of its value */
        t->lead_unit = paren_unit;
    int numbers = 0, items = 0;
    while (i < end) {
        legacy_item it;
        size_t next = read_item(s, end, i, &it);
        if (next == 0 || (next < end && gipr_legacy_skip_spaces(s, end, next) == next)) {
            t->kind = TAIL_BAD; /* not a number, or one run into other text: 2018年度 */
            return;
        }
        numbers += !it.empty;
        if (items++ < TAIL_ITEMS)
            t->item[t->nitems++] = it;
        i = gipr_legacy_skip_spaces(s, end, next);
    }
    if (items == 0)
        t->kind = t->lead_unit ? TAIL_UNIT : TAIL_NONE;
    else
        t->kind = numbers ? TAIL_VALUE : TAIL_EMPTY;
}

/* ---- matching labels ------------------------------------------------------------------------- */

/* 1 when a and b are equal but for at most one character substituted, inserted or dropped. */
static int one_edit_apart(const uint32_t *a, int na, const uint32_t *b, int nb)
{
    if (na - nb > 1 || nb - na > 1)
        return 0;
    int i = 0, j = 0, edits = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            i++, j++;
            continue;
        }
        if (++edits > 1)
            return 0;
        if (na > nb)
            i++;
        else if (nb > na)
            j++;
        else
            i++, j++;
    }
    return edits + (na - i) + (nb - j) <= 1;
}

/* How well l fits the scope: in its block first, then after the last row read. */
static int scope_rank(const legacy_label *l, const legacy_scope *sc)
{
    return (sc->block == 0 || l->block == sc->block) * 2 + (l->order > sc->last_order);
}

/* 1 when the label l starts the text (key k), exactly or (fuzzy) with one character off, and
 * what follows it is a tail: nothing, a unit, numbers or dashes. */
static int label_fits(const legacy_label *l, const text_key *k, int fuzzy, const char *s, size_t n,
                      legacy_tail *t)
{
    static const int stretch[] = {0, -1, 1}; /* a character substituted, dropped, inserted */
    for (int d = 0; d < (fuzzy ? 3 : 1); d++) {
        int covered = l->nkey + stretch[d];
        if (covered <= 0 || covered > k->n)
            continue;
        int same = fuzzy ? one_edit_apart(l->key, l->nkey, k->cp, covered)
                         : memcmp(l->key, k->cp, sizeof(uint32_t) * (size_t)covered) == 0;
        if (!same)
            continue;
        gipr_legacy_read_tail(s, n, k->end[covered - 1], t);
        return t->kind != TAIL_BAD;
    }
    return 0;
}

/* The label at the start of s[0..n) (key k), with what follows it; 0 when none fits. A label
 * fits when the rest of the text is a value, a unit, a dash or nothing: 收到申请数 does not fit
 * 收到申请数量统计. Exact matches first, best in scope, longest; a match with one character off
 * must be the only one of its rank (政务微X… is neither 微博 nor 微信). */
static int match_label(const legacy_labels *ls, const legacy_scope *sc, const char *s, size_t n,
                       const text_key *k, legacy_match *out)
{
    for (int fuzzy = 0; fuzzy <= 1; fuzzy++) {
        int best_rank = -1, best_len = 0, ambiguous = 0;
        for (int i = 0; i < ls->n; i++) {
            const legacy_label *l = &ls->v[i];
            legacy_tail t;
            if (l->kind != sc->kind || (fuzzy && l->nkey < FUZZY_MIN) ||
                !label_fits(l, k, fuzzy, s, n, &t))
                continue;
            int rank = scope_rank(l, sc);
            if (rank > best_rank || (rank == best_rank && l->nkey > best_len)) {
                best_rank = rank;
                best_len = l->nkey;
                out->label = l;
                out->tail = t;
                ambiguous = 0;
            } else if (rank == best_rank && l->nkey == best_len && l->entry != out->label->entry) {
                ambiguous = 1;
            }
        }
        if (best_rank >= 0)
            return !(fuzzy && ambiguous);
    }
    return 0;
}

int gipr_legacy_is_label_prefix(const legacy_labels *ls, const legacy_scope *sc, const char *s,
                                size_t n)
{
    text_key k;
    make_key(s, n, &k);
    if (k.n < MIN_PREFIX_KEY)
        return 0;
    for (int i = 0; i < ls->n; i++) {
        const legacy_label *l = &ls->v[i];
        if (l->kind == sc->kind && l->nkey > k.n &&
            memcmp(l->key, k.cp, sizeof(uint32_t) * (size_t)k.n) == 0)
            return 1;
    }
    return 0;
}

/* ---- cutting rows run together --------------------------------------------------------------- */

static int is_ascii_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* 1 when a list number starts at s[i..n) and is no decimal (2.5万元), no part of a longer number
 * (12.政府… is cut before the 1, 十一、 before the 十) and not a value run into one (0四、). */
static int list_number_at(const char *s, size_t n, size_t i, uint32_t prev)
{
    size_t m = list_number_len(s + i, n - i);
    if (m == 0)
        return 0;
    int ascii = 0, cjk = 0;
    uint32_t cp;
    for (size_t j = i; j < i + m;) {
        int k = gipr_utf8_next(s + j, n - j, &cp);
        if (k <= 0)
            break;
        cp = gipr_fold_cp(cp);
        ascii |= is_ascii_digit(cp);
        cjk |= gipr_is_cjk_numeral(cp);
        j += (size_t)k;
    }
    if ((ascii && cjk) || (ascii && (is_ascii_digit(prev) || prev == '.')) ||
        (cjk && gipr_is_cjk_numeral(prev)))
        return 0;
    return !(gipr_utf8_next(s + i + m, n - i - m, &cp) && is_ascii_digit(gipr_fold_cp(cp)));
}

/* 1 when 其中 and a colon start at s[i..n). */
static int of_which_at(const char *s, size_t n, size_t i)
{
    static const char of_which[] = "其中";
    size_t m = sizeof of_which - 1;
    uint32_t cp;
    return n - i > m && memcmp(s + i, of_which, m) == 0 &&
           gipr_utf8_next(s + i + m, n - i - m, &cp) &&
           gipr_fold_cp(cp) == ':';
}

/* 1 when what ends before a label may end a row: a number, a dash, a unit, a closing bracket. */
static int may_end_row(uint32_t prev)
{
    const char *unit;
    char buf[4];
    int m = gipr_utf8_put(prev, buf);
    return is_ascii_digit(prev) || prev == ')' || prev == '%' ||
           (prev >= 0x2010 && prev <= 0x2015) || /* dashes */
           prev == '-' || prev == '/' || unit_at(buf, (size_t)m, 0, &unit) == (size_t)m;
}

/* 1 when a label of the kind starts at s[i..n), with its first character (list numbers and
 * 其中: are cut at by themselves). */
static int label_at(const legacy_labels *ls, int kind, const char *s, size_t n, size_t i)
{
    uint32_t first;
    if (!gipr_utf8_next(s + i, n - i, &first) || !is_key_char(gipr_fold_cp(first)) ||
        is_ascii_digit(gipr_fold_cp(first)) || list_number_len(s + i, n - i) > 0)
        return 0;
    text_key k;
    make_key(s + i, n - i < LABEL_WINDOW ? n - i : LABEL_WINDOW, &k);
    for (int j = 0; j < ls->n; j++) {
        const legacy_label *l = &ls->v[j];
        if (l->kind == kind && l->nkey <= k.n &&
            memcmp(l->key, k.cp, sizeof(uint32_t) * (size_t)l->nkey) == 0)
            return 1;
    }
    return 0;
}

static void add_piece(const char *s, size_t start, size_t end, legacy_piece *seg, int max, int *n)
{
    start = gipr_legacy_skip_spaces(s, end, start);
    end = gipr_legacy_trim_end(s, start, end);
    if (end > start && *n < max)
        seg[(*n)++] = (legacy_piece){start, end - start};
}

int gipr_legacy_cut_rows(const legacy_labels *ls, int kind, const char *s, size_t n,
                         legacy_piece *seg, int max)
{
    int count = 0, depth = 0;
    size_t from = 0;
    uint32_t prev = 0, last = 0, cp; /* the code point before, and the last one not a space */
    for (size_t i = 0; i < n && count < max - 1;) {
        int m = gipr_utf8_next(s + i, n - i, &cp);
        if (m <= 0)
            break;
        cp = gipr_fold_cp(cp);
        /* a list number or 其中: just cut at stays with its label */
        int bare_lead = list_number_len(s + from, i - from) == i - from ||
                        (of_which_at(s, n, from) && i - from <= strlen("其中:") + 1);
        if (depth == 0 && i > from && cp != ' ' &&
            (list_number_at(s, n, i, prev) || of_which_at(s, n, i) ||
             (!bare_lead && may_end_row(last) && label_at(ls, kind, s, n, i)))) {
            add_piece(s, from, i, seg, max - 1, &count);
            from = i;
        }
        depth += cp == '(';
        depth -= cp == ')' && depth > 0;
        prev = cp;
        if (cp != ' ')
            last = cp;
        i += (size_t)m;
    }
    add_piece(s, from, n, seg, max, &count);
    return count;
}

/* ---- classifying cells ----------------------------------------------------------------------- */

/* The numeral of a top-level list number (一、 … 九、), or 0. */
int gipr_legacy_top_level_number(const char *s, size_t n)
{
    size_t len = gipr_list_number_len(s, n);
    uint32_t cp;
    if (len == 0 || !gipr_utf8_next(s, n, &cp) || !gipr_is_cjk_numeral(cp))
        return 0;
    double v;
    size_t m = gipr_scan_number(s, len, &v, NULL);
    return m > 0 && v >= 1 && v <= 20 ? (int)v : 0;
}

static int is_sentence(const char *s, size_t n, const text_key *k)
{
    return gipr_contains(s, n, "。") || gipr_contains(s, n, "；") || k->n > 60;
}

/* Offsets of a tail read from a cell's text past `by` leading bytes, made relative to the cell. */
static void shift_tail(legacy_tail *t, size_t by)
{
    for (int i = 0; i < t->nitems; i++)
        t->item[i].start += by;
    t->label_end += by;
}

void gipr_legacy_classify(const legacy_labels *ls, const legacy_scope *sc, const char *s, size_t n,
                          legacy_cell *out)
{
    memset(out, 0, sizeof *out);
    n = gipr_legacy_trim_end(s, 0, n);
    size_t start = gipr_legacy_skip_spaces(s, n, 0);
    s += start, n -= start;
    if (n == 0) {
        out->kind = CELL_BLANK;
        return;
    }
    gipr_legacy_read_tail(s, n, 0, &out->tail);
    shift_tail(&out->tail, start);
    switch (out->tail.kind) {
    case TAIL_VALUE: out->kind = CELL_VALUE; return;
    case TAIL_UNIT: out->kind = CELL_UNIT; return;
    case TAIL_EMPTY: out->kind = CELL_EMPTY; return;
    case TAIL_NONE: out->kind = CELL_PAREN; return;
    default: break;
    }
    out->top_block = sc->kind == GIPR_TABLE_LEGACY ? gipr_legacy_top_level_number(s, n) : 0;
    legacy_scope here = *sc;
    if (out->top_block)
        here.block = out->top_block;
    text_key k;
    make_key(s, n, &k);
    if (k.n > 0 && match_label(ls, &here, s, n, &k, &out->match)) {
        out->kind = CELL_LABEL;
        shift_tail(&out->match.tail, start);
        return;
    }
    if (is_sentence(s, n, &k))
        out->kind = CELL_NARRATIVE;
    else if (list_number_len(s, n) > 0)
        out->kind = CELL_HEADING;
    else
        out->kind = CELL_OTHER;
}
