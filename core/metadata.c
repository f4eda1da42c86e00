/* Metadata: what a report is (title, year, issuer, region, level) and when (statistics period,
 * publication and signature dates). Every line is read whatever its kind: the title and the
 * publication date often sit in page chrome.
 *
 *   title      台州市椒江区人民政府 / 2020年政府信息公开工作报告  (joined, spaces dropped)
 *   year       from the title (2018年度), else from the statistics period
 *   period     统计期限为2018年1月1日至12月31日; 统计期限自 2024 年 1 月 1 日起至 … 止
 *   published  发布日期: 2020- 09- 23 10: 53, 发布时间, 发文日期, 成文日期
 *   signed     the date line under the closing signature (温州市瓯海区人民政府 / 2019年1月3日)
 *   issuer     the title's part before the year (a bare place name means its 人民政府), else
 *              发布机构, else the signature
 *   level      department unless the issuer is a people's government; township for 乡/镇/街道 */
#include "dates.h"
#include "internal.h"
#include "regions.h"
#include "text.h"

#include <limits.h>
#include <string.h>

enum { TITLE_MAX_CPS = 60, SHORT_LINE_CPS = 30, PERIOD_LOOKAHEAD_CPS = 24, SEPARATOR_LOOKAHEAD_CPS = 3 };

/* A line in compact form (folded, without white space); empty for blank lines. */
typedef struct {
    const char *s;
    size_t len;
} cline;

typedef struct {
    gipr_ctx *c;
    cline *lines; /* compact form of each line, made on demand */
    unsigned char *made;
    const char *signer; /* the name above the signature date */
} meta_pass;

static cline compact_line(meta_pass *m, int i)
{
    if (!m->made[i]) {
        const gipr_line *l = &m->c->lines[i];
        m->lines[i].s = gipr_compact(m->c->arena, l->s, l->len, &m->lines[i].len);
        if (!m->lines[i].s) {
            m->c->oom = 1;
            m->lines[i].len = 0;
        }
        m->made[i] = 1;
    }
    return m->lines[i];
}

static const char *find(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    return k ? memmem(s, n, needle, k) : NULL;
}

static int starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static int next_cp(const char *s, size_t n, uint32_t *cp) { return gipr_utf8_next(s, n, cp); }

/* ---- years ----------------------------------------------------------------------------------- */
/* The first "2018年" / "二〇一八年" in s: returns the year and sets *at to where it starts. */
static int find_year(const char *s, size_t n, size_t *at)
{
    int prev_numeral = 0;
    for (size_t i = 0; i < n;) {
        size_t used;
        long v = prev_numeral ? -1 : gipr_numeral(s + i, n - i, 4, &used, NULL);
        if (v >= 1900 && v <= 2200 && starts_with(s + i + used, n - i - used, "年")) {
            *at = i;
            return (int)v;
        }
        uint32_t cp;
        int k = next_cp(s + i, n - i, &cp);
        prev_numeral = (cp >= '0' && cp <= '9');
        i += (size_t)(k > 0 ? k : 1);
    }
    return 0;
}

/* The year a year-end date closes: "截至2023年12月31日" -> 2023, else 0. */
static int year_end_stated(const char *s, size_t n)
{
    static const char *const until[] = {"截至", "截止"};
    for (size_t k = 0; k < sizeof until / sizeof until[0]; k++)
        for (const char *p = find(s, n, until[k]); p; p = find(p + 1, n - (size_t)(p + 1 - s), until[k])) {
            size_t at = (size_t)(p - s) + strlen(until[k]);
            int y, mo, d;
            if (gipr_date_at(s + at, n - at, 1, &y, &mo, &d) && mo == 12 && d == 31)
                return y;
        }
    return 0;
}

/* The year the narrative is about, for a report whose title has none (驼峰路街道办事处政府信息公开
 * 工作年度报告): the year most paragraphs open with ("2020年，我街道…", "2020年度我街办…") or
 * close at ("截至2023年12月31日"). */
static int narrative_year(meta_pass *m)
{
    enum { FIRST_YEAR = 2007, LAST_YEAR = 2100, MAX_SPAN = LAST_YEAR - FIRST_YEAR + 1 };
    unsigned short votes[MAX_SPAN] = {0};
    int best = 0;
    for (int i = 0; i < m->c->nlines; i++) {
        const gipr_line *l = &m->c->lines[i];
        if (l->kind != GIPR_LINE_TEXT)
            continue;
        size_t skip = gipr_list_number_len(l->s, l->len), used, at;
        int opens = gipr_numeral(l->s + skip, l->len - skip, 4, &used, NULL) >= FIRST_YEAR;
        if (!opens && !gipr_contains(l->s, l->len, "截"))
            continue;
        cline c = compact_line(m, i);
        skip = gipr_list_number_len(c.s, c.len);
        int y = find_year(c.s + skip, c.len - skip, &at);
        if (!y || at != 0)
            y = year_end_stated(c.s, c.len);
        if (y < FIRST_YEAR || y > LAST_YEAR)
            continue;
        if (votes[y - FIRST_YEAR] < USHRT_MAX)
            votes[y - FIRST_YEAR]++;
        if (!best || votes[y - FIRST_YEAR] > votes[best - FIRST_YEAR])
            best = y;
    }
    return best;
}

/* ---- title ----------------------------------------------------------------------------------- */
static int is_breadcrumb(cline l)
{
    return find(l.s, l.len, ">") || find(l.s, l.len, "位置");
}

/* The title of a breadcrumb is its last part: 首页>信息公开>XX2018年…报告 */
static cline breadcrumb_tail(cline l)
{
    const char *p;
    while ((p = find(l.s, l.len, ">")) != NULL) {
        l.len -= (size_t)(p + 1 - l.s);
        l.s = p + 1;
    }
    const char *colon = find(l.s, l.len, ":");
    if (colon) {
        l.len -= (size_t)(colon + 1 - l.s);
        l.s = colon + 1;
    }
    return l;
}

/* …年度报告 or …年度报告(2019年): a title ends with 报告, perhaps followed by a bracketed note */
static int ends_as_report(const char *s, size_t n)
{
    if (n > 0 && s[n - 1] == ')') {
        for (size_t open = n - 1; open-- > 0;)
            if (s[open] == '(') {
                n = open;
                break;
            }
    }
    return ends_with(s, n, "报告");
}

static int looks_like_title(const char *s, size_t n)
{
    return n > 0 && ends_as_report(s, n) && find(s, n, "公开") &&
           gipr_cp_count(s, n) <= TITLE_MAX_CPS && !find(s, n, "。") && !find(s, n, ",") &&
           !starts_with(s, n, "本") && !starts_with(s, n, "现") && !starts_with(s, n, "根据");
}

/* A title needs its issuer in front: 2020年政府信息公开工作报告, 政府信息公开工作年度报告 or 工作年度
 * 报告 alone is the second half of a title split over two lines. */
static int title_needs_head(const char *s, size_t n)
{
    size_t at;
    uint32_t cp;
    next_cp(s, n, &cp);
    return !looks_like_title(s, n) || (cp >= '0' && cp <= '9') || (find_year(s, n, &at) && at == 0) ||
           starts_with(s, n, "政府信息公开") || starts_with(s, n, "政务公开") || starts_with(s, n, "信息公开");
}

static size_t date_within(const char *s, size_t n, size_t max_cps, int with_year, int *y, int *m, int *d,
                          size_t *start);

/* The line before line i when it can be the first part of a title: short, not a sentence, no
 * metadata row (发布机构 某某县人民政府 发布时间 2017-05-04). Returns its index, or -1. */
static int title_head_line(meta_pass *m, int i, cline *head)
{
    for (int j = i - 1; j >= 0; j--) {
        cline p = compact_line(m, j);
        if (p.len == 0)
            continue;
        int y, mo, d;
        size_t start;
        if (gipr_cp_count(p.s, p.len) > SHORT_LINE_CPS || find(p.s, p.len, "。") || find(p.s, p.len, ",") ||
            find(p.s, p.len, ":") || is_breadcrumb(p) || ends_as_report(p.s, p.len) ||
            date_within(p.s, p.len, SHORT_LINE_CPS, 1, &y, &mo, &d, &start))
            return -1;
        *head = p;
        return j;
    }
    return -1;
}

/* A page title names its site after the report: …年度报告_某某县人民政府, …报告|门户网站 */
static cline without_site_name(cline l)
{
    static const char *const separators[] = {"报告_", "报告|", "报告-", "报告—"};
    for (size_t k = 0; k < sizeof separators / sizeof separators[0]; k++) {
        const char *p = find(l.s, l.len, separators[k]);
        if (p) {
            l.len = (size_t)(p - l.s) + strlen("报告");
            break;
        }
    }
    return l;
}

/* A page's info table labels its title: 名称:…报告, 标题:…, 文件名称:…, 文章标题:…. The label is
 * no part of the title: a short key ending in a naming word, then ':'. */
static cline without_field_key(cline l)
{
    enum { KEY_MAX_CPS = 6 };
    static const char *const naming_words[] = {"名称", "标题", "题名", "题目"};
    const char *colon = find(l.s, l.len, ":");
    if (!colon)
        return l;
    size_t key_len = (size_t)(colon - l.s);
    if (gipr_cp_count(l.s, key_len) > KEY_MAX_CPS)
        return l;
    for (size_t k = 0; k < sizeof naming_words / sizeof naming_words[0]; k++)
        if (ends_with(l.s, key_len, naming_words[k])) {
            l.len -= key_len + 1;
            l.s = colon + 1;
            break;
        }
    return l;
}

/* The title at line i, joined with the lines before it when they hold its beginning
 * (淮安市洪泽区人民政府 / 2024 年政府信息公开 / 工作年度报告); NULL when none. */
static char *title_at(meta_pass *m, int i, int *from_breadcrumb)
{
    enum { TITLE_MAX_LINES = 3 };
    cline l = without_field_key(without_site_name(compact_line(m, i)));
    *from_breadcrumb = is_breadcrumb(l);
    if (*from_breadcrumb)
        l = breadcrumb_tail(l);
    if (!ends_as_report(l.s, l.len))
        return NULL;
    char *title = looks_like_title(l.s, l.len) ? gipr_arena_strndup(m->c->arena, l.s, l.len) : NULL;
    cline tail = l, head;
    for (int lines = 1, at = i; lines < TITLE_MAX_LINES && !*from_breadcrumb && title_needs_head(tail.s, tail.len);
         lines++) {
        at = title_head_line(m, at, &head);
        if (at < 0)
            break;
        char *joined = gipr_arena_printf(m->c->arena, "%.*s%.*s", (int)head.len, head.s, (int)tail.len, tail.s);
        if (!joined) {
            m->c->oom = 1;
            break;
        }
        tail = (cline){joined, strlen(joined)};
        if (looks_like_title(tail.s, tail.len))
            title = joined;
    }
    return title;
}

/* The report as a sentence names it: "现公布泰州市人民政府2017年政府信息公开工作年度报告。". Not a
 * title (the page may title it otherwise), but it names the issuer when nothing else does. The
 * name must carry its issuer and year ("现将我局2017年…报告如下" names no one). */
static const char *report_named_in_sentence(meta_pass *m)
{
    static const char *const verbs[] = {"现公布", "现将", "特发布", "现发布", "公布", "特编制", "编制了《", "编制"};
    static const char *const not_names[] = {"我", "本", "该", "其", "此"};
    for (int i = 0; i < m->c->nlines; i++) {
        if (m->c->lines[i].kind != GIPR_LINE_TEXT || !gipr_contains(m->c->lines[i].s, m->c->lines[i].len, "报告"))
            continue;
        cline l = compact_line(m, i);
        for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
            const char *at = find(l.s, l.len, verbs[v]);
            if (!at)
                continue;
            at += strlen(verbs[v]);
            size_t rest = l.len - (size_t)(at - l.s), year_at;
            const char *end = find(at, rest, "报告");
            if (!end)
                continue;
            size_t n = (size_t)(end - at) + strlen("报告");
            int named = 1;
            for (size_t k = 0; k < sizeof not_names / sizeof not_names[0]; k++)
                named &= !starts_with(at, n, not_names[k]);
            if (named && looks_like_title(at, n) && find_year(at, n, &year_at) && year_at > 0)
                return gipr_arena_strndup(m->c->arena, at, n);
        }
    }
    return NULL;
}

/* The first title that is not in a breadcrumb; a breadcrumb's when there is no other. */
static const char *read_title(meta_pass *m)
{
    const char *crumb = NULL;
    for (int i = 0; i < m->c->nlines && !m->c->oom; i++) {
        if (!gipr_contains(m->c->lines[i].s, m->c->lines[i].len, "报告"))
            continue;
        int from_breadcrumb;
        char *t = title_at(m, i, &from_breadcrumb);
        if (t && !from_breadcrumb)
            return t;
        if (t && !crumb)
            crumb = t;
    }
    return crumb;
}

/* ---- dates ----------------------------------------------------------------------------------- */
/* The compact text of the whole report, lines joined: statements wrap over lines in PDF text. */
static char *flat_text(gipr_ctx *c, size_t *len)
{
    size_t total = 0;
    for (int i = 0; i < c->nlines; i++)
        total += c->lines[i].len + 1;
    char *joined = gipr_arena_alloc(c->arena, total + 1);
    if (!joined)
        return NULL;
    size_t o = 0;
    for (int i = 0; i < c->nlines; i++) {
        memcpy(joined + o, c->lines[i].s, c->lines[i].len);
        o += c->lines[i].len;
        joined[o++] = '\n';
    }
    return gipr_compact(c->arena, joined, o, len);
}

/* Skips up to max code points of s looking for a date; returns its end or 0. */
static size_t date_within(const char *s, size_t n, size_t max_cps, int with_year, int *y, int *m, int *d,
                          size_t *start)
{
    size_t i = 0;
    for (size_t cps = 0; cps <= max_cps && i < n; cps++) {
        size_t len = gipr_date_at(s + i, n - i, with_year, y, m, d);
        if (len) {
            *start = i;
            return i + len;
        }
        uint32_t cp;
        int k = next_cp(s + i, n - i, &cp);
        i += (size_t)(k > 0 ? k : 1);
    }
    return 0;
}

static int is_range_separator(uint32_t cp)
{
    return cp == 0x81F3 /* 至 */ || cp == 0x5230 /* 到 */ || cp == '-' || cp == '~' || cp == 0x2014 ||
           cp == 0x2013 || cp == 0x301C;
}

typedef struct {
    int y1, m1, d1, y2, m2, d2;
} period;

/* "…2018年1月1日(起)至(2018年)12月31日…" right after a period keyword. */
static int period_after(const char *s, size_t n, period *p)
{
    size_t start, end = date_within(s, n, PERIOD_LOOKAHEAD_CPS, 1, &p->y1, &p->m1, &p->d1, &start);
    if (!end)
        return 0;
    size_t i = end;
    for (int cps = 0; cps <= SEPARATOR_LOOKAHEAD_CPS && i < n; cps++) {
        uint32_t cp;
        int k = next_cp(s + i, n - i, &cp);
        i += (size_t)(k > 0 ? k : 1);
        if (!is_range_separator(cp))
            continue;
        p->y2 = p->y1;
        return gipr_date_at(s + i, n - i, 1, &p->y2, &p->m2, &p->d2) ||
               gipr_date_at(s + i, n - i, 0, &p->y2, &p->m2, &p->d2);
    }
    return 0;
}

/* Whether the keyword at flat[at] speaks of the report's data ("本报告所列数据的统计期限",
 * "统计时段") rather than of anything else with dates (公示期间, 征求意见期限). */
static int about_the_data(const char *flat, size_t at)
{
    enum { LOOK_BACK_BYTES = 30 };
    static const char *const words[] = {"统计", "数据", "报告", "年报"};
    size_t from = at > LOOK_BACK_BYTES ? at - LOOK_BACK_BYTES : 0;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
        if (memmem(flat + from, at - from + strlen(words[w]), words[w], strlen(words[w])))
            return 1;
    return 0;
}

/* The first period stated of the report's data after any of the keywords (统计期限, 时限 …).
 * Returns where its keyword is, or len. */
static size_t find_period(const char *flat, size_t len, period *best)
{
    static const char *const keywords[] = {"期限", "时限", "期间", "时段", "时间段", "统计时间", "统计区间",
                                           "统计周期", "统计数据", "所列数据"};
    period p;
    size_t best_at = len;
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
        size_t klen = strlen(keywords[k]);
        for (const char *at = memmem(flat, best_at, keywords[k], klen); at;
             at = memmem(at + klen, best_at - (size_t)(at + klen - flat), keywords[k], klen)) {
            size_t after = (size_t)(at - flat) + klen;
            if (about_the_data(flat, (size_t)(at - flat)) && period_after(flat + after, len - after, &p)) {
                *best = p;
                best_at = (size_t)(at - flat);
                break;
            }
        }
    }
    return best_at;
}

static void read_period(meta_pass *m, const char *flat, size_t len)
{
    period best = {0};
    if (find_period(flat, len, &best) == len)
        return;
    gipr_report *r = m->c->r;
    r->period_start = gipr_iso_date(m->c->arena, best.y1, best.m1, best.d1);
    r->period_end = gipr_iso_date(m->c->arena, best.y2, best.m2, best.d2);
    m->c->oom |= !r->period_start || !r->period_end;
}

/* 发布日期: 2020-09-23 10:53 and its kin, in order of preference; a bare 时间: or 日期: only in the
 * page's metadata rows (来源: 区政府办 时间: 2017-01-12 10:01, 日期:2021-01-29). */
static void read_published(meta_pass *m)
{
    static const struct {
        const char *key;
        int chrome_only;
    } keys[] = {{"发布日期", 0}, {"发布时间", 0}, {"发文日期", 0}, {"成文日期", 0}, {"时间", 1}, {"日期", 1}};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        for (int i = 0; i < m->c->nlines; i++) {
            const gipr_line *raw = &m->c->lines[i];
            if ((keys[k].chrome_only && raw->kind != GIPR_LINE_CHROME) || !gipr_contains(raw->s, raw->len, keys[k].key))
                continue;
            cline l = compact_line(m, i);
            const char *at = find(l.s, l.len, keys[k].key);
            if (!at)
                continue;
            at += strlen(keys[k].key);
            size_t rest = l.len - (size_t)(at - l.s), start;
            int y, mo, d;
            if (date_within(at, rest, 1, 1, &y, &mo, &d, &start)) {
                m->c->r->published = gipr_iso_date(m->c->arena, y, mo, d);
                return;
            }
        }
}

/* A signer: a short name line, not a sentence, no digits (温州市瓯海区人民政府). */
static int looks_like_signer(cline l)
{
    if (l.len == 0 || gipr_cp_count(l.s, l.len) > SHORT_LINE_CPS || find(l.s, l.len, "。") ||
        find(l.s, l.len, ",") || find(l.s, l.len, ":"))
        return 0;
    for (size_t i = 0; i < l.len; i++)
        if (l.s[i] >= '0' && l.s[i] <= '9')
            return 0;
    return 1;
}

/* The last line that is only a date, under a signer's name. */
static void read_signature(meta_pass *m)
{
    enum { DATE_LINE_MAX_BYTES = 64 };
    int prev = -1;     /* the last non-blank line before i */
    int last_text = -1; /* the last line of narrative */
    for (int i = 0; i < m->c->nlines; i++) {
        const gipr_line *raw = &m->c->lines[i];
        if (raw->kind == GIPR_LINE_BLANK || raw->len == 0)
            continue;
        if (raw->kind == GIPR_LINE_TEXT)
            last_text = i;
        int y, mo, d;
        cline l = raw->len <= DATE_LINE_MAX_BYTES ? compact_line(m, i) : (cline){"", 0};
        if (prev >= 0 && l.len && gipr_date_at(l.s, l.len, 1, &y, &mo, &d) == l.len &&
            looks_like_signer(compact_line(m, prev))) {
            m->c->r->signed_on = gipr_iso_date(m->c->arena, y, mo, d);
            m->signer = m->lines[prev].s;
        }
        prev = i;
    }
    /* a document that ends in its date alone, with no name above it, is dated by it (a web page
     * may end in a date of its own: only texts are read so) */
    int y, mo, d;
    int is_text = !m->c->r->format || strcmp(m->c->r->format, "text") == 0;
    if (is_text && !m->c->r->signed_on && last_text >= 0 && m->c->lines[last_text].len <= DATE_LINE_MAX_BYTES) {
        cline l = compact_line(m, last_text);
        if (l.len && gipr_date_at(l.s, l.len, 1, &y, &mo, &d) == l.len)
            m->c->r->signed_on = gipr_iso_date(m->c->arena, y, mo, d);
    }
}

/* ---- issuer and level ------------------------------------------------------------------------ */
static int is_place_name(const char *s, size_t n)
{
    static const char *const not_places[] = {"开发区", "高新区", "园区", "景区", "新城"};
    static const char *const suffixes[] = {"省", "市", "区", "县", "旗", "州", "盟", "乡", "镇"};
    for (size_t k = 0; k < sizeof not_places / sizeof not_places[0]; k++)
        if (ends_with(s, n, not_places[k]))
            return 0;
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++)
        if (ends_with(s, n, suffixes[k]))
            return 1;
    return 0;
}

/* The issuer named by a title: what comes before the year or before 政府信息公开. A bare place
 * name (台州市) stands for its people's government, a 街道 for its office. */
static const char *issuer_from_title(gipr_arena *a, const char *t, size_t n)
{
    static const char *const subjects[] = {"政府信息公开", "政务公开", "信息公开"};
    size_t end = n, at, used;
    if (find_year(t, n, &at)) {
        if (at > 0) {
            end = at;
        } else { /* 2019年度某某区政府信息公开…: the issuer follows the year */
            gipr_numeral(t, n, 4, &used, NULL);
            used += strlen("年");
            if (starts_with(t + used, n - used, "度"))
                used += strlen("度");
            t += used, n -= used, end = n;
        }
    }
    for (size_t k = 0; k < sizeof subjects / sizeof subjects[0]; k++) {
        const char *p = find(t, end, subjects[k]);
        if (p)
            end = (size_t)(p - t);
    }
    if (starts_with(t, end, "关于"))
        t += strlen("关于"), end -= strlen("关于");
    if (end == 0)
        return NULL;
    if (ends_with(t, end, "人民")) /* 台州市人民政府信息公开…: 政府 shared with the subject */
        return gipr_arena_printf(a, "%.*s政府", (int)end, t);
    if (is_place_name(t, end))
        return gipr_arena_printf(a, "%.*s人民政府", (int)end, t);
    if (ends_with(t, end, "街道"))
        return gipr_arena_printf(a, "%.*s办事处", (int)end, t);
    return gipr_arena_strndup(a, t, end);
}

/* The length of the leading run of white space (ideographic spaces too) of s when spaces is 1,
 * of the leading run of anything else when spaces is 0. */
static size_t span(const char *s, size_t n, int spaces)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = next_cp(s + i, n - i, &cp);
        if ((gipr_fold_cp(cp) == ' ') != spaces)
            break;
        i += (size_t)k;
    }
    return i;
}

/* 发布机构: 市行政服务中心 成文日期: … -> the name after the key: up to the next space, and up to
 * the next key when the page left no space (发布机构:市财政局发布日期:…); in a row of a metadata
 * table (发布机构 | 市政府办 | 发文日期 | …) up to the next bar. */
static const char *issuer_from_publisher(meta_pass *m)
{
    static const char key[] = "发布机构";
    static const char *const next_keys[] = {"成文日期", "发文日期", "发布日期", "发布时间", "公开方式",
                                            "索引号", "文号", "信息来源", "来源", "浏览次数", "主题分类"};
    for (int i = 0; i < m->c->nlines; i++) {
        const gipr_line *l = &m->c->lines[i];
        const char *p = find(l->s, l->len, key);
        if (!p)
            continue;
        p += sizeof key - 1;
        size_t n = l->len - (size_t)(p - l->s);
        size_t at = span(p, n, 1);
        uint32_t cp;
        int k = next_cp(p + at, n - at, &cp);
        if (k > 0 && (gipr_fold_cp(cp) == ':' || cp == '|')) /* 发布机构 | 市政府办 | in a table row */
            at += (size_t)k;
        at += span(p + at, n - at, 1);
        char *value = gipr_compact(m->c->arena, p + at, span(p + at, n - at, 0), NULL);
        if (!value) {
            m->c->oom = 1;
            return NULL;
        }
        for (size_t j = 0; j < sizeof next_keys / sizeof next_keys[0]; j++) {
            char *q = strstr(value, next_keys[j]);
            if (q)
                *q = 0;
        }
        char *bar = strchr(value, '|');
        if (bar)
            *bar = 0;
        if (value[0] && value[0] != ':')
            return value;
    }
    return NULL;
}

static const char *read_issuer(meta_pass *m, const char *title)
{
    const char *issuer = title ? issuer_from_title(m->c->arena, title, strlen(title)) : NULL;
    const char *named = issuer ? NULL : report_named_in_sentence(m);
    if (named)
        issuer = issuer_from_title(m->c->arena, named, strlen(named));
    if (!issuer)
        issuer = issuer_from_publisher(m);
    if (!issuer)
        issuer = m->signer;
    return issuer;
}

/* department | township | the region's level, or what the issuer's name tells */
static const char *issuer_level(const char *issuer, const gipr_region *region)
{
    size_t n = strlen(issuer);
    if (ends_with(issuer, n, "街道办事处"))
        return "township";
    static const char gov[] = "人民政府";
    size_t place = n;
    if (ends_with(issuer, n, gov))
        place = n - (sizeof gov - 1);
    else if (ends_with(issuer, n, "政府"))
        place = n - strlen("政府");
    else
        return "department";
    if (ends_with(issuer, place, "乡") || ends_with(issuer, place, "镇") || ends_with(issuer, place, "街道"))
        return "township";
    if (region)
        return region->level;
    if (ends_with(issuer, place, "省") || ends_with(issuer, place, "自治区"))
        return "province";
    if (ends_with(issuer, place, "区") || ends_with(issuer, place, "县") || ends_with(issuer, place, "旗"))
        return "county";
    return NULL; /* 某市: a city or a county-level city */
}

void gipr_read_metadata(gipr_ctx *c)
{
    gipr_report *r = c->r;
    if (c->nlines <= 0)
        return;
    meta_pass m = {.c = c};
    m.lines = gipr_arena_alloc(c->arena, (size_t)c->nlines * sizeof *m.lines);
    m.made = gipr_arena_alloc(c->arena, (size_t)c->nlines);
    size_t flat_len = 0;
    char *flat = flat_text(c, &flat_len);
    if (!m.lines || !m.made || !flat) {
        c->oom = 1;
        return;
    }
    memset(m.made, 0, (size_t)c->nlines);

    r->title = read_title(&m);
    size_t at;
    if (r->title)
        r->year = find_year(r->title, strlen(r->title), &at);
    read_period(&m, flat, flat_len);
    if (!r->year && r->period_start)
        r->year = (r->period_start[0] - '0') * 1000 + (r->period_start[1] - '0') * 100 +
                  (r->period_start[2] - '0') * 10 + (r->period_start[3] - '0');
    if (!r->year && (r->year = narrative_year(&m)) != 0)
        gipr_diag(c, "metadata: year %d taken from the narrative (none in the title or the statistics period)",
                  r->year);
    read_published(&m);
    read_signature(&m);
    r->issuer = read_issuer(&m, r->title);
    if (r->issuer) {
        const gipr_region *region = gipr_region_resolve(r->issuer, flat, flat_len);
        if (region) {
            r->region = region->full_name;
            r->region_code = region->code;
        }
        r->level = issuer_level(r->issuer, region);
    }
    if (!r->title)
        gipr_diag(c, "metadata: no report title found");
    if (!r->year)
        gipr_diag(c, "metadata: no report year in the title or the statistics period");
}
