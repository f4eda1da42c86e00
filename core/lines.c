/* text -> lines. Each line is cut in place (NUL-terminated), trimmed of surrounding white space
 * and classified: BLANK when nothing is left, CHROME for page furniture that is not narrative
 * (breadcrumbs, 索引号/发布日期 metadata rows, print/close/share buttons, font-size pickers, PDF
 * page numbers such as -1-, - 2 -, — 3 —, 第 4 页), TEXT otherwise. The metadata reader still
 * reads CHROME lines; the section and prose readers skip them. line->no is the 1-based line
 * number of the source: only line feeds (after CRLF/CR -> LF) count. */
#include "internal.h"
#include "text.h"

#include <string.h>

/* Lines longer than this are narrative even when they mention a button's caption. */
enum { CHROME_MAX_BYTES = 240 };

static int is_trim_byte(unsigned char b) { return b == ' ' || b == '\t' || b == '\f' || b == '\r'; }

static int starts_with(const char *s, size_t n, const char *prefix)
{
    size_t m = 0; /* byte by byte, stopping at the first difference: tried on every line */
    while (prefix[m] && m < n && s[m] == prefix[m])
        m++;
    return prefix[m] == 0;
}

static int starts_with_any(const char *s, size_t n, const char *const *prefixes)
{
    for (; *prefixes; prefixes++)
        if (starts_with(s, n, *prefixes))
            return 1;
    return 0;
}

static int contains_any(const char *s, size_t n, const char *const *needles)
{
    for (; *needles; needles++)
        if (gipr_contains(s, n, *needles))
            return 1;
    return 0;
}

/* Index after the spaces at s[i..n). */
static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n && (k = gipr_blank_len(s + i, n - i, 1)) > 0)
        i += k;
    return i;
}

/* 首页 > 政务公开 > 年报, 当前位置: …, 您现在的位置: … */
static int is_breadcrumb(const char *s, size_t n)
{
    static const char *const where[] = {"当前位置", "您现在的位置", "您的位置", "你的位置",
                                        "您当前的位置", "当前所在位置", "所在位置", NULL};
    static const char *const arrows[] = {">", "»", "›", "→", "〉", "/", "|", NULL};
    if (starts_with_any(s, n, where))
        return 1;
    return n <= CHROME_MAX_BYTES && starts_with(s, n, "首页") && contains_any(s, n, arrows);
}

/* 索引号: …, 发布日期: … — a label of the page's metadata block followed by a colon. */
static int is_metadata_row(const char *s, size_t n)
{
    static const char *const labels[] = {
        "索引号", "发布日期", "发布时间", "发布机构", "发文机关", "发文机构", "成文日期",
        "生成日期", "信息来源", "来源", "文号", "发文字号", "主题分类", "公开方式", "公开范围",
        "公开时限", "信息分类", "组配分类", "体裁分类", "主题词", "有效性", "作者", "责任编辑",
        "浏览次数", "阅读次数", "点击数", "访问量", "日期", "时间", NULL};
    if (starts_with(s, n, "索引号"))
        return 1;
    for (const char *const *l = labels; *l; l++) {
        if (!starts_with(s, n, *l))
            continue;
        size_t i = skip_spaces(s, n, strlen(*l));
        if (i < n && s[i] == ':')
            return 1;
    }
    return 0;
}

/* Buttons and widgets of a web page: 打印本页, 关闭窗口, 【返回顶部】, 字体:[大 中 小], 分享到 … */
static int is_page_widget(const char *s, size_t n)
{
    static const char *const widgets[] = {
        "打印本页", "关闭窗口", "关闭本页", "返回顶部", "【打印】", "【关闭】", "[打印]", "[关闭]",
        "分享到", "浏览次数", "大 中 小", "大中小", "[大][中][小]", "【大】【中】【小】",
        "扫一扫在手机", "在手机上打开", "加入收藏", "设为首页", "网站地图", "ICP备", "网站标识码",
        "上一篇:", "下一篇:", NULL};
    static const char *const pickers[] = {"字体:", "字号:", "字体 :", "字号 :", NULL};
    static const char *const brackets[] = {"【", "[", NULL};
    if (contains_any(s, n, widgets))
        return 1;
    if (n <= 60 && starts_with_any(s, n, pickers)) /* 字号: T | T */
        return 1;
    /* 【打印】 【关闭】 written another way, alone on the line */
    return n <= 40 && starts_with_any(s, n, brackets) &&
           (gipr_contains(s, n, "打印") || gipr_contains(s, n, "关闭"));
}

/* Index after a run of dashes (- — – －) at s[i..n), with spaces around. */
static size_t skip_dashes(const char *s, size_t n, size_t i)
{
    static const char *const dashes[] = {"-", "—", "–", "―", "－", NULL};
    for (;;) {
        i = skip_spaces(s, n, i);
        size_t before = i;
        for (const char *const *d = dashes; *d; d++)
            if (starts_with(s + i, n - i, *d)) {
                i += strlen(*d);
                break;
            }
        if (i == before)
            return i;
    }
}

static size_t skip_digits(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* A PDF page number alone on its line: -1-, - 2 -, — 3 —, 第 4 页, 第4页 共10页, 第 4 页/共 10 页. */
static int is_page_number(const char *s, size_t n)
{
    size_t i = skip_dashes(s, n, 0);
    if (i > 0) { /* dashes on both sides of the number */
        size_t d = skip_digits(s, n, i = skip_spaces(s, n, i));
        if (d == i || d - i > 4)
            return 0;
        size_t end = skip_dashes(s, n, d);
        return end > skip_spaces(s, n, d) && end == n;
    }
    static const char *const parts[][2] = {{"第", "页"}, {"共", "页"}};
    while (i < n) {
        int matched = 0;
        for (size_t p = 0; p < 2 && !matched; p++) {
            if (!starts_with(s + i, n - i, parts[p][0]))
                continue;
            size_t j = skip_spaces(s, n, i + strlen(parts[p][0]));
            size_t d = skip_digits(s, n, j);
            if (d == j)
                return 0;
            j = skip_spaces(s, n, d);
            if (!starts_with(s + j, n - j, parts[p][1]))
                return 0;
            i = j + strlen(parts[p][1]);
            matched = 1;
        }
        if (!matched)
            return 0;
        i = skip_spaces(s, n, i);
        if (i < n && (s[i] == '/' || s[i] == ','))
            i = skip_spaces(s, n, i + 1);
    }
    return 1;
}

/* Markdown conversions of reports mark headings "## 一、总体情况" and bold lines "**二、…**": the
 * marks are presentation, not text. Returns how many bytes to drop at each end of s[0..n). */
static void markdown_marks(const char *s, size_t n, size_t *lead, size_t *trail)
{
    enum { MAX_HASHES = 6 };
    size_t i = 0;
    *lead = *trail = 0;
    while (i < n && i < MAX_HASHES && s[i] == '#')
        i++;
    /* "## 标题" (CommonMark) or "##标题" as some converters write it; never "#1" or "#" alone */
    if (i > 0 && i < n && (s[i] == ' ' || (unsigned char)s[i] >= 0x80)) {
        *lead = skip_spaces(s, n, i);
        return;
    }
    if (n > 4 && memcmp(s, "**", 2) == 0 && memcmp(s + n - 2, "**", 2) == 0 &&
        memchr(s + 2, '*', n - 4) == NULL) {
        *lead = skip_spaces(s, n - 2, 2);
        *trail = 2;
    }
}

static int is_chrome(const char *s, size_t n)
{
    if (is_breadcrumb(s, n) || is_metadata_row(s, n) || is_page_number(s, n))
        return 1;
    return n <= CHROME_MAX_BYTES && is_page_widget(s, n);
}

static int add_line(gipr_ctx *c, char *start, char *end, int no)
{
    void *items = c->lines;
    if (gipr_grow(c->arena, &items, &c->cap_lines, c->nlines, sizeof(gipr_line))) {
        c->oom = 1;
        return -1;
    }
    c->lines = items;
    gipr_line *l = &c->lines[c->nlines++];
    size_t n = (size_t)(end - start);
    size_t i = skip_spaces(start, n, 0);
    while (n > i) { /* trailing white space: ASCII, or the last bytes of U+3000 / NBSP */
        if (is_trim_byte((unsigned char)start[n - 1]))
            n--;
        else if (n - i >= 3 && gipr_blank_len(start + n - 3, 3, 1) == 3)
            n -= 3;
        else if (n - i >= 2 && gipr_blank_len(start + n - 2, 2, 1) == 2)
            n -= 2;
        else
            break;
    }
    l->no = no;
    l->table = -1;
    if (n == i) { /* at the line's end, so that gipr_line_leading_tabs sees all of it */
        l->s = end;
        l->len = 0;
        l->kind = GIPR_LINE_BLANK;
        return 0;
    }
    size_t lead, trail;
    markdown_marks(start + i, n - i, &lead, &trail);
    if (lead + trail >= n - i) { /* "##" or "****" alone: nothing but marks */
        l->s = end;
        l->len = 0;
        l->kind = GIPR_LINE_BLANK;
        return 0;
    }
    i += lead;
    n -= trail;
    while (n > i && is_trim_byte((unsigned char)start[n - 1]))
        n--;
    start[n] = 0;
    l->s = start + i;
    l->len = n - i;
    l->kind = is_chrome(l->s, l->len) ? GIPR_LINE_CHROME : GIPR_LINE_TEXT;
    return 0;
}

int gipr_split_lines(gipr_ctx *c)
{
    char *p = c->text, *end = c->text + c->text_len;
    int no = 1;
    /* one line per LF plus the last one, even when empty, as the stages were written for */
    while (p <= end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        *nl = 0; /* end is the text's own terminating NUL */
        if (add_line(c, p, nl, no++))
            return -1;
        p = nl + 1;
    }
    return 0;
}

int gipr_line_leading_tabs(const gipr_ctx *c, int i)
{
    if (i < 0 || i >= c->nlines)
        return 0;
    int tabs = 0;
    for (const char *p = c->lines[i].s; p > c->text && p[-1] != 0 && p[-1] != '\n'; p--)
        tabs += p[-1] == '\t';
    return tabs;
}
