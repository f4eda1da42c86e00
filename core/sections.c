/* Sections: the numbered narrative headings of a report as a tree with their bodies.
 *
 *   level 1  一、总体情况          (一. also)
 *   level 2  (一)主动公开情况。…   （一） folds to (一)
 *   level 3  1. / 1、 / 1． / 1﹒
 *
 * A numbered line is only a heading when it looks like one and fits the numbering: level-1
 * headings are short lines that continue the sequence 一, 二, 三 …; rows of a statistics table
 * (一、主动公开情况, (一)予以公开, 1.属于国家秘密) are not headings even when no table locator
 * marked them: their labels are the catalog's, they restart the numbering, or they follow a table
 * title (政府信息公开情况统计表, 统计指标). Narrative enumerations (一是…) are never headings.
 *
 * The numbering may start late (三、 in an excerpt, or when 一、 二、 were left unnumbered) when the
 * heading reads like a report section, narrative follows and the numbering goes on. A 1、 item
 * that is a sentence, or comes before the first 一、 outside any section, is body text. Subsections
 * run together in one paragraph (…。(三)政府信息管理情况。…) are split at their openings. */
#include "dates.h"
#include "internal.h"
#include "text.h"

#include <string.h>

/* Code points after folding: ， ； ： （ ） are ASCII by then; 、 and 。 stay. */
#define CP_COMMA_IDEO 0x3001 /* 、 */
#define CP_FULLSTOP 0x3002   /* 。 */

/* A level-1 heading is a short line; longer ones are paragraphs that happen to start with 一、. */
enum { LEVEL1_MAX_CPS = 40, LEVEL1_RUN_ON_MAX_CPS = 25, HEADING_MAX_CPS = 60, KEY_CAP = 512 };

/* The code point that ends s[0..end); returns its start. */
static size_t prev_cp(const char *s, size_t end, uint32_t *cp)
{
    size_t back = end - 1;
    while (back > 0 && ((unsigned char)s[back] & 0xC0) == 0x80)
        back--;
    gipr_next_folded(s + back, end - back, cp);
    return back;
}

/* ---- the heading number ---------------------------------------------------------------------- */
typedef struct {
    int level;
    long value;
    size_t number_at, number_len; /* the numeral itself, without punctuation */
    size_t text_at;               /* where the heading text starts */
} heading_number;

/* Reads 一、 (一) 1. at the start of a line; 0 when the line has no heading number. */
static int read_heading_number(const char *s, size_t n, heading_number *h)
{
    size_t i = gipr_skip_spaces(s, n, 0), used;
    uint32_t cp;
    int k = gipr_next_folded(s + i, n - i, &cp);
    int ascii;
    if (k <= 0)
        return 0;
    if (cp == '(') {
        size_t at = i + (size_t)k;
        long v = gipr_numeral(s + at, n - at, 3, &used, &ascii);
        if (v < 1 || ascii) /* (1) is a list item, not a heading of ours */
            return 0;
        size_t j = at + used;
        k = gipr_next_folded(s + j, n - j, &cp);
        if (k <= 0 || cp != ')')
            return 0;
        j += (size_t)k;
        k = gipr_next_folded(s + j, n - j, &cp);
        if (k > 0 && cp == CP_COMMA_IDEO) /* （一）、 */
            j += (size_t)k;
        *h = (heading_number){2, v, at, used, gipr_skip_spaces(s, n, j)};
        return 1;
    }
    long v = gipr_numeral(s + i, n - i, 3, &used, &ascii);
    if (v < 1 || (ascii && used > 2))
        return 0;
    size_t j = i + used;
    k = gipr_next_folded(s + j, n - j, &cp);
    if (k > 0 && cp == ')' && !ascii) { /* 三)政府信息管理情况: (三) with its bracket lost */
        j += (size_t)k;
        *h = (heading_number){2, v, i, used, gipr_skip_spaces(s, n, j)};
        return 1;
    }
    if (k <= 0 || !(cp == CP_COMMA_IDEO || cp == '.'))
        return 0;
    j += (size_t)k;
    if (ascii) {
        uint32_t after;
        if (gipr_next_folded(s + j, n - j, &after) > 0 && after >= '0' && after <= '9')
            return 0; /* 96171.6, 1.5万: a number, not a heading */
    }
    *h = (heading_number){ascii ? 3 : 1, v, i, used, gipr_skip_spaces(s, n, j)};
    return 1;
}

/* ---- the heading text ------------------------------------------------------------------------ */
typedef struct {
    size_t at, len;  /* the heading text in the line */
    size_t rest_at;  /* the run-on text after 。 or :, or the line's length */
    size_t cps;      /* code points of the heading text */
    int has_comma;   /* , or ; inside the heading text */
    char *joined;    /* a heading wrapped over two lines, joined; NULL otherwise */
    int next_line;   /* the index of the line that ended a wrapped heading */
} heading_text;

static int is_trailing_punct(uint32_t cp)
{
    return cp == ' ' || cp == CP_FULLSTOP || cp == ':' || cp == ';' || cp == ',' || cp == CP_COMMA_IDEO;
}

/* The heading is the text up to the first 。 or :, the rest of the line runs on into the body. */
static heading_text read_heading_text(const char *s, size_t n, size_t at)
{
    heading_text t = {at, 0, n, 0, 0, NULL, -1};
    size_t i = at, end = n, first_comma = 0;
    while (i < n) {
        uint32_t cp;
        int k = gipr_next_folded(s + i, n - i, &cp);
        if (cp == CP_FULLSTOP || cp == ':') {
            end = i;
            t.rest_at = gipr_skip_spaces(s, n, i + (size_t)k);
            break;
        }
        if ((cp == ',' || cp == ';') && !first_comma)
            first_comma = i;
        i += (size_t)k;
    }
    /* trim trailing spaces and punctuation */
    while (end > at) {
        uint32_t cp;
        size_t back = prev_cp(s, end, &cp);
        if (back < at || !is_trailing_punct(cp))
            break;
        end = back;
    }
    t.has_comma = first_comma && first_comma < end;
    /* a numbered paragraph without a full stop: its first clause is the heading */
    if (gipr_cp_count(s + at, end - at) > HEADING_MAX_CPS && t.has_comma) {
        t.rest_at = gipr_skip_spaces(s, n, first_comma + 1);
        end = first_comma;
        t.has_comma = 0;
    }
    t.len = end - at;
    t.cps = gipr_cp_count(s + at, t.len);
    return t;
}

/* ---- table guards ---------------------------------------------------------------------------- */
typedef struct {
    char **keys; /* label keys of the catalog, built on first use */
    size_t *lens;
    int count;
} catalog_keys;

static void build_catalog_keys(gipr_ctx *c, catalog_keys *ck)
{
    ck->keys = gipr_arena_alloc(c->arena, (size_t)gipr_catalog_count * sizeof *ck->keys);
    ck->lens = gipr_arena_alloc(c->arena, (size_t)gipr_catalog_count * sizeof *ck->lens);
    if (!ck->keys || !ck->lens) {
        c->oom = 1;
        ck->count = 0;
        return;
    }
    char key[KEY_CAP];
    for (int i = 0; i < gipr_catalog_count; i++) {
        const char *label = gipr_catalog[i].label;
        const char *note = strstr(label, " ("); /* "四、行政复议数量 (t2019/t2021: …)" */
        size_t n = note ? (size_t)(note - label) : strlen(label);
        size_t len = gipr_label_key(label, n, key, sizeof key);
        ck->keys[i] = gipr_arena_strndup(c->arena, key, len);
        ck->lens[i] = ck->keys[i] ? len : 0;
        c->oom |= !ck->keys[i];
    }
    ck->count = gipr_catalog_count;
}

/* A table row label: equal to a catalog label, or the start of one wrapped over lines
 * ("(二)部分公开(区分处理的,只计这一情"). */
static int is_table_row_label(gipr_ctx *c, catalog_keys *ck, const char *s, size_t n, int level,
                              int has_stop)
{
    enum { GENERIC_KEY_CPS = 2, WRAPPED_MIN_CPS = 4, WRAPPED_MIN_PERCENT = 60 };
    if (!ck->keys)
        build_catalog_keys(c, ck);
    char key[KEY_CAP];
    size_t len = gipr_label_key(s, n, key, sizeof key), cps = gipr_cp_count(key, len);
    if (len == 0 || (level == 1 && cps <= GENERIC_KEY_CPS)) /* 三、其他 is a fine heading */
        return 0;
    for (int i = 0; i < ck->count; i++) {
        if (ck->lens[i] == len && memcmp(ck->keys[i], key, len) == 0)
            return 1;
        if (!has_stop && cps >= WRAPPED_MIN_CPS && ck->lens[i] > len && memcmp(ck->keys[i], key, len) == 0 &&
            cps * 100 >= gipr_cp_count(ck->keys[i], ck->lens[i]) * WRAPPED_MIN_PERCENT)
            return 1;
    }
    return 0;
}

static int is_unit_cp(uint32_t cp)
{
    static const char units[] = "件条次篇个人万元项家份期场%";
    char buf[5];
    if (cp == 0)
        return 0;
    int k = gipr_utf8_put(cp, buf);
    buf[k] = 0;
    return strstr(units, buf) != NULL;
}

/* A row of a text table carries its value: "七、依申请公开信息收取的费用0万元",
 * "八、机构建设和保障经费情况——". Headings never end in a number or an empty-cell dash. */
static int ends_with_cell_value(const char *s, size_t n)
{
    size_t end = n;
    uint32_t cp = 0;
    while (end > 0) {
        size_t back = prev_cp(s, end, &cp);
        if (!is_unit_cp(cp))
            break;
        end = back;
    }
    if (end == 0)
        return 0;
    prev_cp(s, end, &cp);
    return (cp >= '0' && cp <= '9') || cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2500;
}

/* 政府信息公开情况统计表, 2017年度政府信息公开申请来源统计表, 统 计 指 标 … */
static int is_table_title(const char *s, size_t n)
{
    char key[KEY_CAP];
    size_t len = gipr_label_key(s, n, key, sizeof key);
    if (gipr_contains(s, n, "。") || gipr_cp_count(s, n) > LEVEL1_MAX_CPS)
        return 0;
    static const char stats[] = "统计指标";
    if (len >= sizeof stats - 1 && memcmp(key, stats, sizeof stats - 1) == 0)
        return 1;
    return gipr_contains(key, len, "统计表");
}

/* ---- headings wrapped over lines (PDF text) ---------------------------------------------------
 * pdftotext cuts every line at the page width, so a long heading can end on the next line:
 * "四、因政府信息公开工作被申请行政复议、提起行政诉讼情" / "况". Such a text has many lines of
 * about the same width; a heading line of that width followed by a short unnumbered line is one
 * heading. */
enum { WRAP_MIN_WIDTH = 20, WRAP_MIN_LINES = 20, WRAP_TOLERANCE = 2, WRAP_SHARE_PERCENT = 30, WRAP_SLACK = 4 };

/* Display width as printed: CJK characters count two columns, and so does the punctuation of
 * Chinese text, which normalisation folded to ASCII ，-> , （ -> ( ： -> :. */
static size_t display_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = gipr_next_folded(s + i, n - i, &cp);
        int narrow = cp < 0x80 && (cp == ' ' || cp == '.' || cp == '-' || cp == '/' || cp == '%' ||
                                   (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                                   (cp >= 'a' && cp <= 'z'));
        w += narrow ? 1 : 2;
        i += (size_t)k;
    }
    return w;
}

/* The width at which the text was cut into lines, or 0 when it was not. */
static size_t hard_wrap_width(const gipr_ctx *c)
{
    enum { MAX_WIDTH = 256 };
    int count[MAX_WIDTH + 1] = {0}, wide = 0;
    for (int i = 0; i < c->nlines; i++) {
        if (c->lines[i].kind != GIPR_LINE_TEXT)
            continue;
        size_t w = display_width(c->lines[i].s, c->lines[i].len);
        if (w < WRAP_MIN_WIDTH)
            continue;
        wide++;
        count[w > MAX_WIDTH ? MAX_WIDTH : w]++;
    }
    int best = 0;
    size_t best_width = 0;
    for (size_t w = WRAP_MIN_WIDTH; w + WRAP_TOLERANCE < MAX_WIDTH; w++) {
        int near = 0;
        for (size_t v = w - WRAP_TOLERANCE; v <= w + WRAP_TOLERANCE; v++)
            near += count[v];
        if (near > best)
            best = near, best_width = w;
    }
    return wide >= WRAP_MIN_LINES && best * 100 >= wide * WRAP_SHARE_PERCENT ? best_width + WRAP_TOLERANCE : 0;
}

/* Joins the line after a heading that fills the whole wrap width when that line is its end. */
static void join_wrapped_heading(gipr_ctx *c, size_t wrap, int i, const gipr_line *l, heading_text *t)
{
    if (!wrap || t->rest_at < l->len || display_width(l->s, l->len) + WRAP_SLACK < wrap)
        return;
    int j = i + 1;
    while (j < c->nlines && (c->lines[j].kind == GIPR_LINE_BLANK || c->lines[j].kind == GIPR_LINE_CHROME))
        j++;
    if (j >= c->nlines || c->lines[j].kind != GIPR_LINE_TEXT)
        return;
    gipr_line next = c->lines[j];
    heading_number h;
    heading_text tail = read_heading_text(next.s, next.len, 0);
    if (read_heading_number(next.s, next.len, &h) || tail.rest_at < next.len ||
        gipr_contains(next.s, next.len, "。") || display_width(next.s, next.len) * 2 > wrap)
        return; /* "无。" under a heading is its text, not its end */
    char *head = gipr_compact(c->arena, l->s + t->at, t->len, NULL);
    char *end = gipr_compact(c->arena, next.s + tail.at, tail.len, NULL);
    t->joined = head && end ? gipr_arena_printf(c->arena, "%s%s", head, end) : NULL;
    if (!t->joined) {
        c->oom = 1;
        return;
    }
    t->cps += gipr_cp_count(end, strlen(end));
    t->next_line = j;
}

/* ---- the pass over the lines ----------------------------------------------------------------- */
/* Where a section is: its heading line, where its number starts in the (trimmed) line (not 0 for
 * a subsection run on inside a paragraph) and where the line runs on into its body. */
typedef struct {
    int line;
    size_t start_at, rest_at;
} section_place;

typedef struct {
    gipr_ctx *c;
    catalog_keys catalog;
    long last[4];     /* last accepted number per level (1..3) */
    int current[4];   /* seq of the open section per level */
    int suppress;     /* a heading-like line broke the level-1 numbering: no subheadings */
    int in_table;     /* after a table title, up to the next level-1 heading or paragraph */
    int titled_table; /* in_table since a table title (not a table marked by its reader) */
    int table_numbering; /* in a table whose rows restarted the numbering (一、主动公开情况) */
    size_t wrap;      /* the width lines were cut at (PDF text), 0 when not cut */
    unsigned char *is_body; /* per line: part of a section body */
    section_place *places;  /* per section: where it is in the lines */
    int cap_places;
    int first_level1_line; /* the first line numbered like a level-1 heading, or -1 */
} section_pass;

/* Narrative: a sentence (。), or a long line with commas that is not a numbered table label
 * such as "(二)部分公开(区分处理的,只计这一情形,不计其他情形)". */
static int is_prose(const gipr_line *l, size_t min_cps)
{
    enum { COMMA_PROSE_MIN_CPS = 20 };
    size_t cps = gipr_cp_count(l->s, l->len);
    if (cps < min_cps)
        return 0;
    if (gipr_contains(l->s, l->len, "。"))
        return 1;
    return cps >= COMMA_PROSE_MIN_CPS && gipr_list_number_len(l->s, l->len) == 0 &&
           (gipr_contains(l->s, l->len, "，") || gipr_contains(l->s, l->len, ","));
}

/* Whether narrative follows line i, as under a heading, rather than more table rows: the next
 * lines, past a few short subheadings ((一)主动公开情况), hold a sentence. */
static int followed_by_prose(const gipr_ctx *c, int i)
{
    enum { PROSE_MIN_CPS = 10, MAX_SUBHEADINGS = 2 };
    int subheadings = 0;
    for (int j = i + 1; j < c->nlines; j++) {
        const gipr_line *l = &c->lines[j];
        if (l->kind == GIPR_LINE_BLANK || l->kind == GIPR_LINE_CHROME)
            continue;
        if (l->kind != GIPR_LINE_TEXT)
            return 0;
        if (is_prose(l, PROSE_MIN_CPS))
            return 1;
        heading_number h;
        if (!read_heading_number(l->s, l->len, &h) || h.level == 1 || ends_with_cell_value(l->s, l->len) ||
            ++subheadings > MAX_SUBHEADINGS)
            return 0;
    }
    return 0;
}

/* Words of the headings the regulations ask for (总体情况, 主动公开政府信息情况, 收到和处理政府信息
 * 公开申请情况, 行政复议、行政诉讼情况, 存在的主要问题及改进情况, 其他需要报告的事项) and of the
 * usual variants: a late first heading must use them. */
static int has_section_vocabulary(const char *s, size_t n)
{
    static const char *const words[] = {"情况", "问题", "事项", "工作", "改进", "措施", "计划", "打算",
                                        "公开", "申请", "复议", "诉讼", "其他", "其它", "概述"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (gipr_contains(s, n, words[i]))
            return 1;
    return 0;
}

/* A short line numbered like a level-1 heading (一、总体情况), whatever its context. */
static int is_level1_candidate(const gipr_line *line, heading_number *h)
{
    if (line->kind != GIPR_LINE_TEXT || !read_heading_number(line->s, line->len, h) || h->level != 1)
        return 0;
    heading_text t = read_heading_text(line->s, line->len, h->text_at);
    return t.cps >= 2 && t.cps <= LEVEL1_MAX_CPS;
}

/* The index of the first level-1 candidate, or -1 when there is none. */
static int first_level1_candidate(const gipr_ctx *c)
{
    for (int i = 0; i < c->nlines; i++) {
        heading_number h;
        if (is_level1_candidate(&c->lines[i], &h))
            return i;
    }
    return -1;
}

/* Whether the next level-1 candidate after line i is numbered value: the numbering goes on. */
static int level1_follows(const gipr_ctx *c, int i, long value)
{
    for (int j = i + 1; j < c->nlines; j++) {
        heading_number h;
        if (is_level1_candidate(&c->lines[j], &h))
            return h.value == value;
    }
    return 0;
}

/* The first level-1 heading of an excerpt, or of a report that left 一、 二、 unnumbered, is
 * 三、 or later: accepted when it reads like a report section, narrative follows it and the
 * numbering goes on after it; also right after a table its reader marked (the 2021 form under an
 * unnumbered 二、), but not among the rows after a table title. */
static int is_late_first_heading(section_pass *p, const gipr_line *l, const heading_number *h,
                                 const heading_text *t, int last_line)
{
    enum { LATE_START_MAX = 9 };
    const char *text = t->joined ? t->joined : l->s + t->at;
    size_t len = t->joined ? strlen(t->joined) : t->len;
    return p->last[1] == 0 && h->value > 1 && h->value <= LATE_START_MAX && !p->titled_table &&
           has_section_vocabulary(text, len) && followed_by_prose(p->c, last_line) &&
           level1_follows(p->c, last_line, h->value + 1);
}

/* "1、本报告中所列数据的统计期限自2020年1月1日起至12月31日止。": a list item ending in 。 that is
 * one sentence (long, or with commas) is text, not a heading; so is a longer first sentence
 * before more text. "2.建设新平台,巩固舆论阵地。开展…" is a heading running on. */
static int is_sentence_item(const gipr_line *l, const heading_text *t)
{
    enum { ONE_SENTENCE_MAX_CPS = 20, RUN_ON_HEADING_MAX_CPS = 30 };
    uint32_t last = 0;
    if (l->len == 0)
        return 0;
    prev_cp(l->s, l->len, &last);
    if (last != CP_FULLSTOP)
        return 0;
    if (t->rest_at < l->len)
        return t->cps > RUN_ON_HEADING_MAX_CPS;
    return t->cps > ONE_SENTENCE_MAX_CPS || t->has_comma;
}

static int parent_of(const section_pass *p, int level)
{
    for (int up = level - 1; up >= 1; up--)
        if (p->current[up])
            return p->current[up];
    return 0;
}

/* Decides whether the numbered line i is a heading; updates the numbering state either way. */
static int accept_heading(section_pass *p, int i, const gipr_line *l, const heading_number *h,
                          const heading_text *t)
{
    if (t->cps < 2)
        return 0; /* "三、" alone, "(三)不": cells of a table cut apart */
    int run_on = t->rest_at < l->len;
    int has_stop = run_on || gipr_contains(l->s + t->at, l->len - t->at, "。");
    /* a row of a text table ends in its value and holds no sentence; "(一)基本情况。…共88条" does */
    int table_row = (ends_with_cell_value(l->s, l->len) && !gipr_contains(l->s, l->len, "。")) ||
                    is_table_row_label(p->c, &p->catalog, l->s, l->len, h->level, has_stop);
    if (h->level == 1) {
        int short_line = t->cps <= LEVEL1_MAX_CPS &&
                         (!run_on || (t->cps <= LEVEL1_RUN_ON_MAX_CPS && !t->has_comma));
        if (!short_line)
            return 0;
        int last_line = t->next_line > i ? t->next_line : i;
        /* inside a table that numbers its own rows, the next heading is followed by prose */
        int table_numbering = (p->table_numbering || p->titled_table) && !followed_by_prose(p->c, last_line);
        /* one heading lost or misnumbered (一, 二, 四) must not lose the rest of the report */
        int next = h->value == p->last[1] + 1 ||
                   (h->value == p->last[1] + 2 && !p->in_table && followed_by_prose(p->c, last_line)) ||
                   (!table_row && !table_numbering && is_late_first_heading(p, l, h, t, last_line));
        if (!next || table_row || table_numbering) {
            p->suppress = 1;
            p->table_numbering |= p->in_table;
            return 0;
        }
        p->last[1] = h->value;
        p->last[2] = p->last[3] = 0;
        p->suppress = p->in_table = p->titled_table = p->table_numbering = 0;
        return 1;
    }
    if (p->suppress || (p->in_table && !run_on && !followed_by_prose(p->c, i)))
        return 0;
    if (h->level == 3 && (is_sentence_item(l, t) || (!parent_of(p, 3) && i < p->first_level1_line)))
        return 0; /* a sentence of a list, or a list item of the preamble before 一、 */
    if (h->value > p->last[h->level] + 2 || table_row)
        return 0;
    p->in_table = p->titled_table = p->table_numbering = 0;
    p->last[h->level] = h->value;
    if (h->level == 2)
        p->last[3] = 0;
    return 1;
}

static int remember_place(section_pass *p, int seq, section_place place)
{
    void *places = p->places;
    if (gipr_grow(p->c->arena, &places, &p->cap_places, seq - 1, sizeof place))
        return -1;
    p->places = places;
    p->places[seq - 1] = place;
    return 0;
}

/* l is the trimmed line at line_index: h and t are offsets into it; the section starts at
 * start_at (0: the whole line is its heading line). */
static void add_section(section_pass *p, int line_index, const gipr_line *l, size_t start_at,
                        const heading_number *h, const heading_text *t)
{
    gipr_ctx *c = p->c;
    gipr_section *s = gipr_add_section(c);
    if (!s)
        return;
    s->seq = c->r->nsections;
    s->level = h->level;
    s->parent = parent_of(p, h->level);
    s->number = gipr_compact(c->arena, l->s + h->number_at, h->number_len, NULL);
    s->heading = t->joined ? t->joined : gipr_compact(c->arena, l->s + t->at, t->len, NULL);
    s->line = l->no;
    if (!s->number || !s->heading || remember_place(p, s->seq, (section_place){line_index, start_at, t->rest_at})) {
        c->oom = 1;
        return;
    }
    p->current[h->level] = s->seq;
    for (int below = h->level + 1; below <= 3; below++)
        p->current[below] = 0;
}

/* The line without surrounding spaces (the lines stage may not have trimmed them). */
static gipr_line trimmed(const gipr_line *l)
{
    gipr_line t = *l;
    size_t start = gipr_skip_spaces(t.s, t.len, 0);
    t.s += start;
    t.len -= start;
    while (t.len > 0) {
        uint32_t cp;
        size_t back = prev_cp(t.s, t.len, &cp);
        if (cp != ' ' && cp != '\r')
            break;
        t.len = back;
    }
    return t;
}

/* s[0..n) without trailing spaces. */
static size_t trimmed_end(const char *s, size_t n)
{
    while (n > 0) {
        uint32_t cp;
        size_t back = prev_cp(s, n, &cp);
        if (cp != ' ')
            break;
        n = back;
    }
    return n;
}

/* ---- subsections run together in one paragraph --------------------------------------------------
 * "(二)依申请公开情况。全年收到申请5件。(三)政府信息管理情况。…": a converted report can lose the
 * line breaks between subsections. A (三) opening a sentence that continues the numbering, with a
 * short heading ended by 。 or :, starts a subsection on the same line. */
enum { RUN_ON_SUBHEADING_MAX_CPS = 25 };

static int is_sentence_end(uint32_t cp)
{
    return cp == CP_FULLSTOP || cp == ';' || cp == '!' || cp == '?';
}

/* Whether a subsection numbered p->last[2] + 1 starts at offset at of l; fills h and t. */
static int run_on_subheading_at(const section_pass *p, const gipr_line *l, size_t at, heading_number *h,
                                heading_text *t)
{
    if (!read_heading_number(l->s + at, l->len - at, h) || h->level != 2 || h->value != p->last[2] + 1)
        return 0;
    h->number_at += at;
    h->text_at += at;
    *t = read_heading_text(l->s, l->len, h->text_at);
    int ended = t->at + t->len < l->len; /* by 。 or :, not by the end of the line */
    return ended && t->cps >= 2 && t->cps <= RUN_ON_SUBHEADING_MAX_CPS && !t->has_comma;
}

/* Adds the subsections that open sentences of line i after offset from. */
static void split_run_on_subsections(section_pass *p, int i, const gipr_line *l, size_t from)
{
    if (p->suppress || p->in_table)
        return;
    uint32_t prev = 0; /* the code point before, spaces skipped */
    size_t before = trimmed_end(l->s, from);
    if (before > 0)
        prev_cp(l->s, before, &prev);
    for (size_t j = from; j < l->len && !p->c->oom;) {
        uint32_t cp;
        int k = gipr_next_folded(l->s + j, l->len - j, &cp);
        if (k <= 0)
            return;
        heading_number h;
        heading_text t;
        if (cp == '(' && is_sentence_end(prev) && run_on_subheading_at(p, l, j, &h, &t)) {
            p->last[2] = h.value;
            p->last[3] = 0;
            add_section(p, i, l, j, &h, &t);
            j = t.rest_at;
            prev = 0;
            continue;
        }
        if (cp != ' ')
            prev = cp;
        j += (size_t)k;
    }
}

/* A line of hard-wrapped text that fills the width goes on in the next line: no line break. */
static int fills_width(const section_pass *p, const gipr_line *l)
{
    return p->wrap && display_width(l->s, l->len) + WRAP_SLACK >= p->wrap;
}

/* Appends a piece of a body: a new line unless the piece before it filled the width. */
static void append_piece(section_pass *p, char *body, size_t *o, const gipr_line *piece, int *runs_on)
{
    if (*o && !*runs_on)
        body[(*o)++] = '\n';
    memcpy(body + *o, piece->s, piece->len);
    *o += piece->len;
    *runs_on = fills_width(p, piece);
}

/* Bodies: the run-on text of the heading line, then the body lines up to the next heading, one
 * paragraph a line (lines cut at the page width are joined again). A subsection run on inside a
 * paragraph ends the body before it, on its line. */
static void fill_bodies(section_pass *p)
{
    gipr_ctx *c = p->c;
    gipr_report *r = c->r;
    for (int k = 0; k < r->nsections; k++) {
        section_place at = p->places[k];
        int has_next = k + 1 < r->nsections;
        section_place next = has_next ? p->places[k + 1] : (section_place){c->nlines, 0, 0};
        gipr_line head = trimmed(&c->lines[at.line]), cut = {0};
        size_t head_end = next.line == at.line ? next.start_at : head.len;
        gipr_line rest = head;
        rest.s += at.rest_at < head_end ? at.rest_at : head_end;
        rest.len = at.rest_at < head_end ? trimmed_end(rest.s, head_end - at.rest_at) : 0;
        if (next.line > at.line && next.start_at > 0) { /* the paragraph before the subsection */
            cut = trimmed(&c->lines[next.line]);
            cut.len = trimmed_end(cut.s, next.start_at);
        }
        size_t total = rest.len + cut.len + 2;
        for (int i = at.line + 1; i < next.line; i++)
            if (p->is_body[i])
                total += trimmed(&c->lines[i]).len + 1;
        char *body = gipr_arena_alloc(c->arena, total);
        if (!body) {
            c->oom = 1;
            return;
        }
        size_t o = 0;
        memcpy(body, rest.s, rest.len);
        o += rest.len;
        int runs_on = fills_width(p, &head);
        for (int i = at.line + 1; i < next.line; i++) {
            if (!p->is_body[i])
                continue;
            gipr_line l = trimmed(&c->lines[i]);
            append_piece(p, body, &o, &l, &runs_on);
        }
        if (cut.len)
            append_piece(p, body, &o, &cut, &runs_on);
        body[o] = 0;
        r->sections[k].body = body;
    }
}

void gipr_find_sections(gipr_ctx *c)
{
    if (c->nlines <= 0)
        return;
    section_pass p = {.c = c};
    p.is_body = gipr_arena_alloc(c->arena, (size_t)c->nlines);
    if (!p.is_body) {
        c->oom = 1;
        return;
    }
    memset(p.is_body, 0, (size_t)c->nlines);
    p.wrap = hard_wrap_width(c);
    p.first_level1_line = first_level1_candidate(c);
    for (int i = 0; i < c->nlines && !c->oom; i++) {
        if (c->lines[i].kind == GIPR_LINE_TABLE)
            p.in_table = 1; /* unmarked rows after a table are still the table's */
        if (c->lines[i].kind != GIPR_LINE_TEXT)
            continue;
        gipr_line l = trimmed(&c->lines[i]);
        if (l.len == 0)
            continue;
        heading_number h;
        if (read_heading_number(l.s, l.len, &h)) {
            heading_text t = read_heading_text(l.s, l.len, h.text_at);
            join_wrapped_heading(c, p.wrap, i, &l, &t);
            if (accept_heading(&p, i, &l, &h, &t)) {
                add_section(&p, i, &l, 0, &h, &t);
                if (t.next_line > i)
                    i = t.next_line; /* the heading's second line is not body */
                else
                    split_run_on_subsections(&p, i, &l, t.rest_at);
                continue;
            }
        } else if (is_table_title(l.s, l.len)) {
            p.in_table = p.titled_table = 1;
            continue;
        } else if (is_prose(&l, LEVEL1_MAX_CPS)) {
            p.in_table = p.titled_table = p.table_numbering = 0; /* the table is over */
        }
        p.is_body[i] = !p.in_table;
        if (p.is_body[i])
            split_run_on_subsections(&p, i, &l, 0);
    }
    if (!c->oom)
        fill_bodies(&p);
    if (!c->oom && c->r->nsections == 0)
        gipr_diag(c, "sections: no numbered headings (一、 (一) 1.) found");
}
