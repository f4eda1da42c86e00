/* Numbers stated in the narrative: "全市共受理当面申请364件", "维持具体行政行为51件，占63.8%".
 *
 * Each narrative line is cut into number tokens (a count with its measure word, or a percent).
 * The text before a count, back to the previous clause mark or count, is its context; the
 * context is matched against ONE phrase lexicon (code -> phrases). A statement is kept only when
 * exactly one code matches and it is about the whole report in the report year: statements about
 * a part (市本级, 其中市级, 各部门…), growth (较上年增加, 同比) or another year are left out.
 * Outcomes (维持, 纠错 …) belong to the topic (复议 / 诉讼) named nearest their total. Amounts
 * ("收取费用0.12万元", "1200元") are kept in 万元. Shares ("N件，占P%", "分别占P1%、P2%") are
 * recorded for the PERCENT check with the total their 其中 list hangs from. */
#include "internal.h"
#include "numbers.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the lexicon ------------------------------------------------------------------------------ */

enum {
    LEX_TOPIC = 1,    /* sets the topic (review / litigation) for the outcome phrases after it */
    LEX_OUTCOME = 2,  /* code is a suffix (".upheld") appended to the current topic */
    LEX_SHORT = 4,    /* the phrase must be nearly the whole context (bare "公开43件") */
    LEX_PAST_OK = 8,  /* may name an earlier year (结转2019年9件, 上年结转) */
    LEX_WEAK = 16,    /* a bare noun (信息公开申请) or channel (网站公开): yields to any other code the
                         context names */
    LEX_AFTER = 32,   /* may also follow its number (另有3件顺延到下年度答复) */
    LEX_ON_REQUESTS = 64, /* a bare verb (公开): only where the paragraph already speaks of requests */
    LEX_RECEIVED = 128    /* a category (依申请公开): a number of requests only when received (收到, 受理 …) */
};

typedef struct {
    const char *code;
    const char *phrases; /* '|' separated, as they read after normalisation */
    unsigned flags;
} lexeme;

/* Entries whose code is not part of the report's form are ignored, so the legacy and the 2019
 * wording of the same statement can both be listed. */
static const lexeme lexicon[] = {
    {"active.total", "主动公开政府信息|主动公开政务信息|主动公开信息|主动公开各类政府信息|"
                     "主动发布政府信息|主动发布各类政府信息", 0},
    {"active.via_website", "网站公开|网站发布", LEX_WEAK}, /* not 网站公开政策解读稿23篇 */
    {"active.normative", "主动公开行政规范性文件|主动公开规范性文件|发布行政规范性文件|公开规范性文件", 0},
    {"response.press_conferences", "新闻发布会|召开发布会", 0},
    {"response.press_conferences_by_leaders", "负责同志参加新闻发布会|领导参加新闻发布会|负责人参加新闻发布会", 0},
    {"response.online_interviews", "在线访谈", 0},
    {"response.interpretations", "解读稿|解读政策稿件|解读材料|解读文章|政策解读", 0},
    {"response.via_social", "微博微信回应|微信微博回应|政务微博微信回应", 0},
    {"response.via_other", "其他方式回应|其它方式回应", 0},
    {"response.hotspots", "关注热点|重大舆情", 0},
    {"request.received", "依申请公开件|申请总数|申请总量", 0},
    {"request.received", "信息公开申请|收到申请|受理申请", LEX_WEAK},
    {"request.received", "依申请公开", LEX_WEAK | LEX_RECEIVED}, /* not 发文96件，其中…依申请公开0件 */
    {"request.received.in_person", "当面申请|当面提出申请|现场申请", 0},
    {"request.received.fax", "传真申请", 0},
    {"request.received.online", "网络申请|网上申请|在线申请|网络在线申请|电子邮件申请", 0},
    {"request.received.letter", "信函申请|邮寄申请|信件申请", 0},
    {"request.answered", "答复政府信息公开申请|答复信息公开申请|答复申请|共答复|已答复", 0},
    {"request.answered.already_public", "已主动公开|已经主动公开", 0},
    {"request.answered.granted", "同意公开", 0},
    {"request.answered.partly_granted", "部分公开|同意部分公开", 0},
    {"request.answered.refused", "不同意公开|不予公开", 0},
    {"request.answered.not_this_agency", "不属于本行政机关|不属于本机关|非本机关", 0},
    {"request.answered.nonexistent", "信息不存在", 0},
    {"request.answered.clarify", "更改补充|更改、补充", 0},
    {"request.answered.other_channel", "其他途径|其它途径", 0},
    {"review.total", "行政复议|复议", LEX_TOPIC},
    {"litigation.total", "行政诉讼|诉讼", LEX_TOPIC},
    {"litigation.direct.total", "未经复议直接起诉|未经复议直接向法院起诉", 0}, /* not 复议 (a topic) */
    {"litigation.after_review.total", "复议后起诉|复议后提起诉讼|经复议后起诉", 0},
    {".upheld", "维持|驳回原告诉讼请求|驳回原告讼诉请求|驳回原告|驳回起诉", LEX_OUTCOME},
    {".corrected", "纠错|纠正|败诉", LEX_OUTCOME},
    {".other", "其他情形|其余情形|其它情形|其他结果", LEX_OUTCOME},
    {".pending", "尚未审结|未审结", LEX_OUTCOME},
    {"fees.total", "收取费用|收取的费用|收取相关费用|收费", 0}, /* an amount only: see unit_fits */
    {"complaints.total", "公开类投诉|信息公开投诉|公开工作投诉|公开相关投诉", 0},
    {"training.classes", "培训班", 0},
    {"training.trainees", "接受培训|参加培训|培训人员|培训人数", 0},
    {"training.trainees", "培训|参训", LEX_WEAK}, /* 培训150人次: people only, see unit_fits */
    {"training.meetings", "工作会议|专题会议", 0},
    {"org.staff.full_time", "专职人员|专职工作人员", 0}, /* not 专兼职人员 */
    {"org.staff.part_time", "兼职人员|兼职工作人员", 0},
    {"org.reading_points", "查阅点|查阅场所", 0},
    /* the 2019 and 2021 forms */
    {"request.new", "新收|受理依申请公开", 0},
    {"request.new", "信息公开申请|收到申请|受理申请", LEX_WEAK},
    {"request.new", "依申请公开", LEX_WEAK | LEX_RECEIVED},
    {"request.carried_in", "上年结转|结转上年|结转", LEX_PAST_OK},
    {"request.carried_out", "转下年度|转下一年度|结转下年|结转下一年|结转至下年|结转至下一年|结转到下年|"
                            "结转到下一年|转入下年|转入下一年|下年度办理|下一年度办理|下年度继续办理|"
                            "下一年度继续办理|顺延到下年度|顺延至下年度", LEX_AFTER},
    {"request.result.total", "办结|办理完毕|办理答复|答复申请|共答复|已答复|答复政府信息公开申请|"
                             "答复信息公开申请", 0},
    {"request.result.granted", "予以公开", 0},
    {"request.result.granted", "公开", LEX_SHORT | LEX_ON_REQUESTS}, /* 办结的114件中公开43件 */
    {"request.result.partly_granted", "部分公开", 0},
    {"request.result.refused", "不予公开", 0},
    {"request.result.unavailable", "无法提供", 0},
    {"request.result.not_processed", "不予处理", 0},
    {"request.result.not_processed.petition", "信访举报投诉", 0},
    {"request.result.other", "其他处理|其它处理", 0},
};

/* Words that make a statement about a part of the report's area or about change. */
static const char *const part_words[] = {"本级", "市级", "区级", "县级", "各部门", "部门及", "镇街",
                                         "重点领域", "代表", NULL}; /* 区政府办代表区政府受理… */
static const char *const change_words[] = {"增长", "增加", "减少", "下降", "上升", "增设", "新增",
                                           "新建", "建设", "增幅", "同比", "较上", "比上", "较去",
                                           "比去", "翻番", NULL};
static const char *const past_words[] = {"去年", "上年", "上一年", "同期", NULL};
/* Verbs that make a category of requests (依申请公开) a number of requests received. */
static const char *const receipt_words[] = {"收到", "受理", "接到", "接收", "发生", "办理", NULL};

/* Measure words of counts, longest first. */
static const char *const count_units[] = {"人次", "场次", "件", "条", "次", "篇", "个", "场", "人",
                                          "名", "份", "项", "期", NULL};
/* A measure word followed by these is part of a word: 一件事, 3名称, 1元旦 (""= after any unit). */
static const char *const unit_word_tails[][2] = {{"", "事"}, {"名", "称"}, {"名", "单"}, {"名", "义"},
                                                 {"名", "录"}, {"名", "额"}, {"元", "旦"}, {"元", "素"}};
/* Amounts are kept in 万元, the unit of the catalog's amounts. */
static const char amount_unit[] = "万元";

/* ---- tokens: the numbers of one line ---------------------------------------------------------- */

enum { TOKEN_COUNT, TOKEN_PERCENT, TOKEN_YEAR };

typedef struct {
    int kind;
    size_t start, num_end, end; /* number starts, number ends, measure word ends */
    double value;
    const char *qualifier;
    const char *unit;      /* the measure word of a count (件, 条, 人次 …) */
    int decimals;          /* digits after the point, for percents */
    const char *code;      /* the indicator the count states, once resolved */
    const char *parent;    /* the common parent when the context names several codes */
    int handled;
} token;

#define MAX_TOKENS 512

static size_t starts_with(const char *s, size_t n, const char *w)
{
    size_t m = 0; /* byte by byte, stopping at the first difference: called at most positions */
    while (w[m] && m < n && s[m] == w[m])
        m++;
    return w[m] ? 0 : m;
}

static int is_ascii_alnum(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           ch == '.';
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

static int decimals_written(const char *s, size_t n)
{
    const char *dot = memchr(s, '.', n);
    return dot ? (int)(n - (size_t)(dot - s) - 1) : 0;
}

static int unit_starts_word(const char *unit, const char *rest, size_t n)
{
    for (size_t k = 0; k < sizeof unit_word_tails / sizeof unit_word_tails[0]; k++)
        if ((!unit_word_tails[k][0][0] || strcmp(unit, unit_word_tails[k][0]) == 0) &&
            starts_with(rest, n, unit_word_tails[k][1]))
            return 1;
    return 0;
}

/* An amount after the number t (read up to j): "0.12万元" (the scanner read 1200, 万 included),
 * "0.12 万元", "1200元"; kept in 万元. */
static int read_amount(const char *s, size_t n, size_t j, token *t)
{
    size_t m = starts_with(s + j, n - j, amount_unit);
    double wan = t->value;
    if (!m) {
        if (!(m = starts_with(s + j, n - j, "元")) || unit_starts_word("元", s + j + m, n - j - m))
            return 0;
        /* in 元 (the scale read into the number): whole 元 stay exact in 万元 */
        wan = fabs(t->value - round(t->value)) < 1e-6 ? round(t->value) / 1e4 : t->value / 1e4;
    }
    t->kind = TOKEN_COUNT;
    t->unit = amount_unit;
    t->value = wan;
    t->end = j + m;
    return 1;
}

/* Reads the number at s+i with what follows it; returns 1 and fills *t for a count, a percent or
 * a year, 0 otherwise. */
static int read_token(const char *s, size_t n, size_t i, token *t)
{
    double v;
    const char *q;
    size_t len = gipr_scan_number(s + i, n - i, &v, &q);
    if (!len)
        return 0;
    memset(t, 0, sizeof *t);
    t->start = i;
    t->num_end = i + len;
    t->value = v;
    t->qualifier = q;
    size_t j = skip_spaces(s, n, t->num_end);
    size_t m;
    if ((m = starts_with(s + j, n - j, "%")) || (m = starts_with(s + j, n - j, "％"))) {
        t->kind = TOKEN_PERCENT;
        t->decimals = decimals_written(s + i, len);
        t->end = j + m;
        return 1;
    }
    if ((m = starts_with(s + j, n - j, "年")) && v >= 1990 && v <= 2100 && !q) {
        t->kind = TOKEN_YEAR;
        t->end = j + m;
        return 1;
    }
    if (read_amount(s, n, j, t))
        return 1;
    for (int u = 0; count_units[u]; u++)
        if ((m = starts_with(s + j, n - j, count_units[u]))) {
            if (unit_starts_word(count_units[u], s + j + m, n - j - m))
                return 0;
            t->kind = TOKEN_COUNT;
            t->unit = count_units[u];
            t->end = j + m;
            return 1;
        }
    t->end = t->num_end;
    t->kind = -1; /* a number without a measure word: it still ends a context */
    return 1;
}

static int tokenize(const char *s, size_t n, token *out, int cap)
{
    int nt = 0;
    size_t i = 0;
    while (i < n && nt < cap) {
        if (i > 0 && is_ascii_alnum(s[i - 1]) && is_ascii_alnum(s[i])) { /* inside V2.0, a URL */
            i++;
            continue;
        }
        if (read_token(s, n, i, &out[nt])) {
            i = out[nt].end > i ? out[nt].end : i + 1;
            nt++;
            continue;
        }
        uint32_t cp;
        i += (size_t)gipr_utf8_next(s + i, n - i, &cp);
    }
    return nt;
}

/* ---- contexts ------------------------------------------------------------------------------- */

/* 1 when a sentence mark (。;！? …) or, unless sentence_only, a clause mark (,，:：) starts at
 * byte i. Called at every byte while looking back, so it decodes once and switches. */
static int is_clause_mark(const char *s, size_t n, size_t i, int sentence_only)
{
    uint32_t cp;
    gipr_utf8_next(s + i, n - i, &cp);
    switch (cp) {
    case 0x3002: case ';': case 0xFF1B: case '!': case '?': case 0xFF01: case 0xFF1F:
        return 1; /* 。 ; ； ! ? ！ ？ */
    case ',': case 0xFF0C: case ':': case 0xFF1A:
        return !sentence_only; /* , ， : ： */
    default:
        return 0;
    }
}

/* An aside in brackets longer than this is no aside but a text of its own. */
#define MAX_ASIDE 120

/* A context longer than this is no phrase: looking back further would only cost time. */
#define MAX_LOOK_BACK 600

/* Start of the clause (sentence_only: sentence) that contains position `at`, not before `floor`
 * nor more than MAX_LOOK_BACK bytes back. */
static size_t clause_start(const char *s, size_t n, size_t floor, size_t at, int sentence_only)
{
    if (at > floor + MAX_LOOK_BACK)
        floor = at - MAX_LOOK_BACK;
    size_t start = floor;
    for (size_t i = at; i > floor; i--)
        if (is_clause_mark(s, n, i - 1, sentence_only)) {
            start = i; /* just after the mark's first byte: stepped over below */
            break;
        }
    while (start < at && ((unsigned char)s[start] & 0xC0) == 0x80) /* mid-character: step on */
        start++;
    return start;
}

static int contains_any(const char *s, size_t n, const char *const *words)
{
    for (int k = 0; words[k]; k++)
        if (gipr_contains(s, n, words[k]))
            return 1;
    return 0;
}

/* The context without quotes and spaces, so that “同意公开”的158件 reads 同意公开的. */
static size_t clean_context(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = gipr_utf8_next(s + i, n - i, &cp);
        int drop = cp == ' ' || cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D ||
                   cp == 0x2018 || cp == 0x2019 || cp == 0x300C || cp == 0x300D || cp == 0x300A ||
                   cp == 0x300B;
        if (!drop && o + (size_t)k < cap) {
            memcpy(out + o, s + i, (size_t)k);
            o += (size_t)k;
        }
        i += (size_t)k;
    }
    out[o] = 0;
    return o;
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Past spaces and the 、 left by the previous item, so that raw starts at the phrase. */
static const char *skip_leading_marks(const char *s, const char *end)
{
    for (;;) {
        size_t m = starts_with(s, (size_t)(end - s), "、");
        if (!m && s < end && (*s == ' ' || *s == ','))
            m = 1;
        if (!m)
            return s;
        s += m;
    }
}

/* ---- resolving a context to a code ------------------------------------------------------------ */

typedef struct {
    gipr_ctx *c;
    const char *form;  /* legacy | t2019 | t2021 */
    const char *topic; /* "review" | "litigation" | NULL */
    unsigned only;     /* when set, only lexemes with these flags are read */
    int on_requests;   /* the paragraph so far speaks of requests (申请) */
    const char *ctx;   /* the context of the count being read, cleaned */
} reader;

static int in_form(const reader *rd, const char *code)
{
    const gipr_catalog_entry *e = gipr_catalog_find(code);
    if (!e || !rd->form)
        return 0;
    size_t n = strlen(rd->form);
    for (const char *p = e->templates; (p = strstr(p, rd->form)) != NULL; p += n)
        if ((p == e->templates || p[-1] == ',') && (p[n] == 0 || p[n] == ','))
            return 1;
    return 0;
}

/* The code of a lexeme in this report: outcome phrases take the current topic. */
static const char *lexeme_code(reader *rd, const lexeme *x)
{
    const char *code = x->code;
    if (x->flags & LEX_OUTCOME) {
        if (!rd->topic)
            return NULL;
        code = gipr_arena_printf(rd->c->arena, "%s%s", rd->topic, x->code);
    }
    return code && in_form(rd, code) ? code : NULL;
}

typedef struct {
    const lexeme *x;
    const char *code;
    const char *phrase;
    size_t at, len;
} match;

#define MAX_MATCHES 16

/* All lexicon phrases in ctx, without those inside a longer match ("同意公开" in "不同意公开"). */
/* The length of the phrase at p in a '|' separated list; the next one starts after it and its bar. */
static size_t phrase_len(const char *p)
{
    const char *bar = strchr(p, '|');
    return bar ? (size_t)(bar - p) : strlen(p);
}

static const char *next_phrase(const char *p, size_t len)
{
    return p + len + (p[len] == '|');
}

static const char *last_occurrence(const char *s, const char *w)
{
    const char *last = NULL;
    for (const char *p = strstr(s, w); p; p = strstr(p + 1, w))
        last = p;
    return last;
}

static int find_matches(reader *rd, const char *ctx, size_t n, match *out)
{
    int nm = 0;
    for (size_t e = 0; e < sizeof lexicon / sizeof lexicon[0]; e++) {
        const lexeme *x = &lexicon[e];
        if ((rd->only && !(x->flags & rd->only)) || ((x->flags & LEX_ON_REQUESTS) && !rd->on_requests) ||
            ((x->flags & LEX_RECEIVED) && !contains_any(ctx, n, receipt_words)))
            continue;
        const char *code = lexeme_code(rd, x);
        if (!code && !(x->flags & (LEX_OUTCOME | LEX_TOPIC))) /* a topic counts even off the form */
            continue;
        for (const char *p = x->phrases; *p && nm < MAX_MATCHES;) {
            size_t len = phrase_len(p);
            char phrase[64];
            if (len < sizeof phrase) {
                memcpy(phrase, p, len);
                phrase[len] = 0;
                /* a topic is the one named last: "…复议、诉讼的情况行政复议案件12件" */
                const char *hit = (x->flags & LEX_TOPIC) ? last_occurrence(ctx, phrase) : strstr(ctx, phrase);
                int fits = !(x->flags & LEX_SHORT) || utf8_chars(ctx, n) <= utf8_chars(phrase, len) + 2;
                if (hit && fits)
                    out[nm++] = (match){x, code, p, (size_t)(hit - ctx), len};
            }
            p = next_phrase(p, len);
        }
    }
    int kept = 0;
    for (int i = 0; i < nm; i++) {
        int inside = 0;
        for (int j = 0; j < nm && !inside; j++)
            inside = j != i && out[j].len > out[i].len && out[j].at <= out[i].at &&
                     out[i].at + out[i].len <= out[j].at + out[j].len;
        if (!inside)
            out[kept++] = out[i];
    }
    return kept;
}

typedef struct {
    const char *code;   /* the one code the context states, or NULL */
    const char *parent; /* when several codes: their common catalog parent, or NULL */
    const lexeme *x;
    const char *phrase;
    size_t phrase_len;
    const char *topic; /* "review" | "litigation" when the context names one */
    int topic_open;    /* it names both as one ("行政复议、行政诉讼案件"): no topic */
} resolution;

/* Whether a phrase of the lexicon, of any form but of another code than `code`, ends at
 * ctx[end] (before_end) or starts there. */
static int other_phrase_at(const char *ctx, size_t n, size_t end, int before_end, const char *code)
{
    for (size_t e = 0; e < sizeof lexicon / sizeof lexicon[0]; e++) {
        if (strcmp(lexicon[e].code, code) == 0) /* 关注热点或重大舆情: one indicator's words */
            continue;
        for (const char *p = lexicon[e].phrases; *p; p = next_phrase(p, phrase_len(p))) {
            size_t len = phrase_len(p);
            if (before_end ? len <= end && memcmp(ctx + end - len, p, len) == 0
                           : end + len <= n && memcmp(ctx + end, p, len) == 0)
                return 1;
        }
    }
    return 0;
}

/* "同意公开或部分公开共81件", "予以公开及部分公开258件": the phrase m is joined by a conjunction to
 * the phrase of another indicator, so the number counts both together. */
static int joined_to_another(const char *ctx, size_t n, const match *m)
{
    static const char *const conjunctions[] = {"或者", "以及", "或", "及", "和", "与", "、", NULL};
    size_t end = m->at + m->len;
    for (int k = 0; conjunctions[k]; k++) {
        size_t c = strlen(conjunctions[k]);
        if (m->at >= c && memcmp(ctx + m->at - c, conjunctions[k], c) == 0 &&
            other_phrase_at(ctx, n, m->at - c, 1, m->x->code))
            return 1;
        if (end + c <= n && memcmp(ctx + end, conjunctions[k], c) == 0 &&
            other_phrase_at(ctx, n, end + c, 0, m->x->code))
            return 1;
    }
    return 0;
}

/* "公开政府文件、政策解读、财政预决算公开等信息55条": the phrase is one item of a list the number
 * counts as a whole. */
static int listed_with_others(const char *ctx, size_t n, const match *m)
{
    static const char *const etc[] = {"等信息", "等各类", "等类", "等内容", "等文件", "等事项", "等方面",
                                      "等材料", "等政府信息", NULL};
    size_t end = m->at + m->len;
    return contains_any(ctx + end, n - end, etc);
}

static const char *topic_of(const lexeme *x)
{
    return strncmp(x->code, "review", 6) == 0 ? "review" : "litigation";
}

/* "行政复议、行政诉讼", "复议和被提起诉讼": the topic phrase `earlier` joins the phrase `later`
 * by a conjunction (and a verb at most), so that both are one subject. */
static int topics_joined(const char *ctx, const match *earlier, const match *later)
{
    static const char *const conjunctions[] = {"或者", "以及", "或", "及", "和", "与", "、", NULL};
    enum { MAX_VERB_BYTES = 9 }; /* 提起, 被提起: three characters */
    size_t from = earlier->at + earlier->len;
    if (later->at < from)
        return 0;
    size_t gap = later->at - from;
    for (int k = 0; conjunctions[k]; k++) {
        size_t c = starts_with(ctx + from, gap, conjunctions[k]);
        if (c && gap - c <= MAX_VERB_BYTES)
            return 1;
    }
    return 0;
}

/* The subject of the outcomes that follow is the topic named nearest the number ("…申请行政复议、
 * 提起行政诉讼的情况行政复议案件12件": review), unless it is joined to the other topic. Keeps in m the
 * topic match that may state a total (the subject's), drops the others; returns the new count. */
static int resolve_topic(const char *ctx, match *m, int nm, resolution *res)
{
    int nearest = -1;
    for (int i = 0; i < nm; i++)
        if ((m[i].x->flags & LEX_TOPIC) &&
            (nearest < 0 || m[i].at + m[i].len > m[nearest].at + m[nearest].len))
            nearest = i;
    if (nearest >= 0) {
        res->topic = topic_of(m[nearest].x);
        for (int i = 0; i < nm; i++)
            if ((m[i].x->flags & LEX_TOPIC) && strcmp(topic_of(m[i].x), res->topic) != 0 &&
                topics_joined(ctx, &m[i], &m[nearest]))
                res->topic_open = 1;
        if (res->topic_open)
            res->topic = NULL;
    }
    int kept = 0;
    for (int i = 0; i < nm; i++) {
        int topic = (m[i].x->flags & LEX_TOPIC) != 0;
        /* both totals stay when the topic is open: the number is then no one code */
        if (!topic || (m[i].code && (i == nearest || res->topic_open)))
            m[kept++] = m[i];
    }
    return kept;
}

static resolution resolve(reader *rd, const char *ctx, size_t n)
{
    match m[MAX_MATCHES];
    int nm = find_matches(rd, ctx, n, m);
    resolution res = {0};
    nm = resolve_topic(ctx, m, nm, &res);
    int kept = 0;
    int strong = 0;
    for (int i = 0; i < nm; i++)
        strong |= !(m[i].x->flags & LEX_WEAK);
    kept = 0;
    for (int i = 0; i < nm; i++)
        if (!strong || !(m[i].x->flags & LEX_WEAK))
            m[kept++] = m[i];
    nm = kept;
    if (nm == 0)
        return res;
    int same = 1;
    for (int i = 1; i < nm; i++)
        same &= m[i].code && m[0].code && strcmp(m[i].code, m[0].code) == 0;
    if (same && m[0].code && !joined_to_another(ctx, n, &m[0]) && !listed_with_others(ctx, n, &m[0])) {
        res.code = m[0].code;
        res.x = m[0].x;
        res.phrase = m[0].phrase;
        res.phrase_len = m[0].len;
        return res;
    }
    /* several codes: ambiguous, but a share of them may still be checked against their parent */
    const char *parent = NULL;
    for (int i = 0; i < nm; i++) {
        const gipr_catalog_entry *e = m[i].code ? gipr_catalog_find(m[i].code) : NULL;
        if (!e || !e->parent[0] || (parent && strcmp(parent, e->parent) != 0))
            return res;
        parent = e->parent;
    }
    res.parent = parent;
    return res;
}

/* One paragraph: narrative lines joined where a PDF wrapped them, and its numbers. */
#define MAX_PARA_LINES 64
typedef struct {
    const char *s;
    size_t n;
    token *tokens;
    int nt;
    size_t offs[MAX_PARA_LINES]; /* where each source line starts in s */
    int nos[MAX_PARA_LINES];     /* its line number */
    int nlines;
} line_tokens;

static int line_no(const line_tokens *lt, size_t offset)
{
    int k = 0;
    while (k + 1 < lt->nlines && lt->offs[k + 1] <= offset)
        k++;
    return lt->nlines ? lt->nos[k] : 0;
}

/* ---- emitting --------------------------------------------------------------------------------- */

static const char *whole_report_dim(const char *code)
{
    const gipr_catalog_entry *e = gipr_catalog_find(code);
    return e && strcmp(e->dims, "applicant") == 0 ? "total" : NULL;
}

static int is_person_unit(const char *unit)
{
    return unit && (strcmp(unit, "人") == 0 || strcmp(unit, "人次") == 0 || strcmp(unit, "名") == 0);
}

static int is_amount_unit(const char *unit)
{
    return unit && strcmp(unit, amount_unit) == 0;
}

static int is_information_unit(const char *unit)
{
    return unit && (strcmp(unit, "条") == 0 || strcmp(unit, "篇") == 0);
}

/* Whether a count in `unit` can state the indicator e: people are never items, amounts (万元)
 * never counts; items of
 * information (条, 篇) are never events ("常务会议信息47条" is no number of meetings), and are
 * requests or cases only when the phrase names the requests themselves or their receipt:
 * "受理政府信息公开申请2条" and "收到依申请公开信息3条" are, "累计公开186条信息", "依申请公开信息459条"
 * and "不予公开信息1535条" count information by how it is disclosed. */
static int unit_fits(const gipr_catalog_entry *e, const resolution *res, const char *ctx, const char *unit)
{
    static const char request[] = "申请";
    if (!unit)
        return 1;
    if (is_person_unit(unit) != is_person_unit(e->unit) || is_amount_unit(unit) != is_amount_unit(e->unit))
        return 0;
    if (!is_information_unit(unit) || is_information_unit(e->unit))
        return 1;
    if (strcmp(e->unit, "件") != 0)
        return 0;
    size_t n = res->phrase_len, k = sizeof request - 1;
    if (res->phrase && n >= k && memcmp(res->phrase + n - k, request, k) == 0)
        return 1;
    return strncmp(e->code, "request.", 8) == 0 && ctx && contains_any(ctx, strlen(ctx), receipt_words);
}

/* Adds the row count t states; sets t->code when it does. */
static void emit(reader *rd, const line_tokens *lt, token *t, const resolution *res,
                 const char *raw, size_t raw_len)
{
    gipr_ctx *c = rd->c;
    const gipr_catalog_entry *e = gipr_catalog_find(res->code);
    if (!e)
        return;
    int amount = is_amount_unit(e->unit);
    if (t->value < 0 || (!amount && t->value != floor(t->value))) /* counts are whole: 3.5件 is none */
        return;
    if (!unit_fits(e, res, rd->ctx, t->unit))
        return;
    gipr_indicator *x = gipr_add_indicator(c);
    if (!x)
        return;
    t->code = e->code;
    x->code = e->code;
    x->dim = whole_report_dim(e->code);
    x->label = gipr_arena_strndup(c->arena, res->phrase, res->phrase_len);
    x->unit = e->unit;
    x->value = t->value;
    x->is_real = amount;
    x->raw = gipr_arena_strndup(c->arena, raw, raw_len);
    x->source = GIPR_SOURCE_TEXT;
    x->qualifier = t->qualifier;
    x->line = line_no(lt, t->start);
}

/* A year other than the report's in the context ("2017年受理…"). */
static int names_other_year(const reader *rd, const token *tokens, int from, int to)
{
    int year = rd->c->r->year;
    for (int i = from; i < to && year; i++)
        if (tokens[i].kind == TOKEN_YEAR && (int)tokens[i].value != year)
            return 1;
    return 0;
}


/* The context of count i: back to the previous clause mark or the previous count. */
static size_t context_start(const line_tokens *lt, int i, int *first_token)
{
    size_t floor = 0;
    int k = i - 1;
    for (; k >= 0; k--)
        if (lt->tokens[k].kind == TOKEN_COUNT || lt->tokens[k].kind == TOKEN_PERCENT) {
            floor = lt->tokens[k].end;
            break;
        }
    *first_token = k + 1;
    return clause_start(lt->s, lt->n, floor, lt->tokens[i].start, 0);
}

/* Record what count i states; emit it when it is one code. raw runs from raw_from to raw_end. */
static void state_count(reader *rd, const line_tokens *lt, int i, const resolution *res,
                        const char *raw_from, const char *raw_end)
{
    token *t = &lt->tokens[i];
    t->parent = res->parent;
    if (res->topic || res->topic_open)
        rd->topic = res->topic;
    if (res->code)
        emit(rd, lt, t, res, raw_from, (size_t)(raw_end - raw_from));
}

/* The words after count i, up to the next clause mark or number, read with the lexemes that
 * may follow their number. Sets *raw_end past them when they name a code. */
static resolution resolve_after(reader *rd, const line_tokens *lt, int i, const char **raw_end)
{
    const token *t = &lt->tokens[i];
    size_t end = i + 1 < lt->nt ? lt->tokens[i + 1].start : lt->n;
    for (size_t k = t->end; k < end; k++)
        if (is_clause_mark(lt->s, lt->n, k, 0)) {
            end = k;
            break;
        }
    char ctx[1024];
    size_t ctx_len = clean_context(lt->s + t->end, end - t->end, ctx, sizeof ctx);
    rd->only = LEX_AFTER;
    resolution res = resolve(rd, ctx, ctx_len);
    rd->only = 0;
    if (res.code)
        *raw_end = lt->s + end;
    return res;
}

/* 网络、信函、当面申请量分别为654件、373件、164件: the items before 分别, one count each; an item
 * that names nothing borrows the tail of the last one (网络 + 申请量). */
static int read_respectively(reader *rd, line_tokens *lt, int i,
                             const char *ctx, size_t ctx_len)
{
    const char *resp = strstr(ctx, "分别");
    if (!resp)
        return 0;
    const char *items[16];
    size_t lens[16];
    int ni = 0;
    for (const char *p = ctx; p < resp && ni < 16;) {
        const char *sep = strstr(p, "、");
        const char *end = sep && sep < resp ? sep : resp;
        items[ni] = p;
        lens[ni++] = (size_t)(end - p);
        p = end == resp ? resp : end + strlen("、");
    }
    int run = 1;
    while (i + run < lt->nt && lt->tokens[i + run].kind == TOKEN_COUNT) {
        size_t gap = skip_spaces(lt->s, lt->n, lt->tokens[i + run - 1].end);
        if (!starts_with(lt->s + gap, lt->n - gap, "、") ||
            skip_spaces(lt->s, lt->n, gap + strlen("、")) != lt->tokens[i + run].start)
            break;
        run++;
    }
    if (ni < 2 || run != ni)
        return 0;
    const char *last = items[ni - 1];
    size_t last_len = lens[ni - 1];
    for (int k = 0; k < ni; k++) {
        char buf[256];
        size_t tail = 0;
        resolution res = {0};
        /* try the item alone, then with ever shorter tails of the last item */
        while (tail <= last_len) {
            size_t from = last_len - tail;
            if (k == ni - 1 && tail)
                break;
            int w = snprintf(buf, sizeof buf, "%.*s%.*s", (int)lens[k], items[k], (int)tail,
                             last + from);
            if (w <= 0 || (size_t)w >= sizeof buf)
                break;
            res = resolve(rd, buf, (size_t)w);
            if (res.code || res.parent)
                break;
            do /* whole characters only */
                tail++;
            while (tail < last_len && ((unsigned char)last[last_len - tail] & 0xC0) == 0x80);
        }
        token *t = &lt->tokens[i + k];
        t->handled = 1;
        t->parent = res.parent;
        if (!res.code)
            continue;
        const char *raw = gipr_arena_printf(rd->c->arena, "%s…%.*s", buf, (int)(t->end - t->start),
                                            lt->s + t->start);
        emit(rd, lt, t, &res, raw, strlen(raw));
    }
    return 1;
}

/* "各街道受理申请15件": a clause whose subject is each of the parts, not the whole ("全区各单位…",
 * "市政府及各县…" are the whole, and so are "各类申请", "各级行政机关"). */
static int about_each_part(const char *ctx, size_t n)
{
    static const char *const parts[] = {"部门", "单位", "街道", "乡镇", "镇", "区", "县", "市", "委", "局",
                                        "办", "科室", "处室", "社区", "村", NULL};
    size_t k = starts_with(ctx, n, "各");
    for (int i = 0; k && parts[i]; i++)
        if (starts_with(ctx + k, n - k, parts[i]))
            return 1;
    return 0;
}

/* "主动公开政府信息73条，其中依托网站主动公开信息73条", "召开新闻发布会200场，其中，疫情防控新闻发布会
 * 151场": a statement of the code the sentence already stated, after 其中 (or 包括), is about a part
 * of it, whatever clause marks stand between. */
static int restates_as_part(const line_tokens *lt, int i, size_t sentence, const char *code)
{
    static const char *const of_which[] = {"其中", "包括", NULL};
    if (!code)
        return 0;
    for (int k = i - 1; k >= 0 && lt->tokens[k].start >= sentence; k--)
        if (lt->tokens[k].code && strcmp(lt->tokens[k].code, code) == 0)
            return contains_any(lt->s + lt->tokens[k].end, lt->tokens[i].start - lt->tokens[k].end, of_which);
    return 0;
}

/* "区政府办公室受理申请8件", "县府办全年主动公开信息300条": a sentence whose subject is one office of
 * the government speaks for that office, not for the government's report. A department's report
 * may name itself so, and an office named as the object (向区政府办公室提出申请…) or with others
 * (全区各级行政机关及区政府办公室…) is no such subject. */
static int office_is_subject(const reader *rd, const char *s, size_t n)
{
    static const char *const offices[] = {"办公室", "府办", NULL};
    static const char *const acts[] = {"受理", "收到", "接到", "接收", "办理", "答复", "主动", "公开", "发布", "召开",
                                       "代表", "共", "全年", "累计", "本年", "今年", "年内", "依法", NULL};
    static const char *const not_alone[] = {"向", "通过", "在", "经", "由", "到", "于", "对", "给", "为", "将", "从",
                                            NULL};
    static const char *const with_others[] = {"全", "各", "及", "和", "与", "、", NULL};
    const char *level = rd->c->r->level;
    if (level && strcmp(level, "department") == 0)
        return 0;
    for (int w = 0; offices[w]; w++) {
        size_t wl = strlen(offices[w]);
        for (const char *p = memmem(s, n, offices[w], wl); p;
             p = memmem(p + wl, n - (size_t)(p + wl - s), offices[w], wl)) {
            size_t at = (size_t)(p - s), after = at + wl;
            int acts_next = 0;
            for (int a = 0; acts[a] && !acts_next; a++)
                acts_next = starts_with(s + after, n - after, acts[a]) > 0;
            if (!acts_next)
                continue;
            size_t subject = clause_start(s, n, 0, at, 0);
            int alone = !contains_any(s + subject, at - subject, with_others);
            for (int k = 0; not_alone[k] && alone; k++)
                alone = !starts_with(s + subject, at - subject, not_alone[k]);
            if (alone)
                return 1;
        }
    }
    return 0;
}

static int ends_with_word(const char *s, size_t n, const char *w)
{
    size_t m = strlen(w);
    return m <= n && memcmp(s + n - m, w, m) == 0;
}

/* A count that defines how things are counted, not how many there were: "相同信息计1条",
 * "同一热点计1次", "视为1件", "按1件计". Bare 计 is a rule only for one item (共计, 合计, 累计 … and
 * "计1200条" state totals). */
static int counting_rule(const line_tokens *lt, const token *t)
{
    static const char *const rule_verbs[] = {"计为", "记为", "计作", "记作", "算作", "算为", "视为", "视作", NULL};
    static const char *const total_words[] = {"共计", "合计", "累计", "总计", "统计", "小计", "估计", "预计", NULL};
    static const char *const per_words[] = {"按", "以", NULL};
    size_t before = t->start;
    while (before > 0 && lt->s[before - 1] == ' ')
        before--;
    for (int k = 0; rule_verbs[k]; k++)
        if (ends_with_word(lt->s, before, rule_verbs[k]))
            return 1;
    if (ends_with_word(lt->s, before, "计")) {
        for (int k = 0; total_words[k]; k++)
            if (ends_with_word(lt->s, before, total_words[k]))
                return 0;
        return t->value == 1;
    }
    size_t after = skip_spaces(lt->s, lt->n, t->end);
    int counted_as = starts_with(lt->s + after, lt->n - after, "计") && !starts_with(lt->s + after, lt->n - after, "计划");
    for (int k = 0; counted_as && per_words[k]; k++)
        if (ends_with_word(lt->s, before, per_words[k]))
            return 1;
    return 0;
}

static void read_counts(reader *rd, line_tokens *lt)
{
    for (int i = 0; i < lt->nt; i++) {
        token *t = &lt->tokens[i];
        if (t->kind != TOKEN_COUNT || t->handled)
            continue;
        if (counting_rule(lt, t)) {
            t->handled = 1;
            continue;
        }
        int first;
        size_t from = context_start(lt, i, &first);
        size_t sentence = clause_start(lt->s, lt->n, 0, t->start, 1);
        const char *raw = lt->s + from;
        size_t raw_len = t->start - from;
        char ctx[1024];
        size_t ctx_len = clean_context(raw, raw_len, ctx, sizeof ctx);
        if (contains_any(lt->s + sentence, t->start - sentence, part_words) ||
            office_is_subject(rd, lt->s + sentence, t->start - sentence) ||
            contains_any(ctx, ctx_len, change_words) || about_each_part(ctx, ctx_len))
            continue;
        rd->on_requests = gipr_contains(lt->s, t->start, "申请");
        rd->ctx = ctx;
        if (read_respectively(rd, lt, i, ctx, ctx_len))
            continue;
        resolution res = resolve(rd, ctx, ctx_len);
        const char *raw_end = lt->s + t->end;
        if (!res.code && !res.parent && !res.topic && !res.topic_open)
            res = resolve_after(rd, lt, i, &raw_end);
        int past_ok = res.x && (res.x->flags & LEX_PAST_OK);
        if (!past_ok && (contains_any(ctx, ctx_len, past_words) || names_other_year(rd, lt->tokens, first, i)))
            continue;
        if (restates_as_part(lt, i, sentence, res.code))
            continue;
        state_count(rd, lt, i, &res, skip_leading_marks(raw, lt->s + t->start), raw_end);
    }
}

/* ---- shares ----------------------------------------------------------------------------------- */

static gipr_share *add_share(gipr_ctx *c)
{
    void *items = c->shares;
    if (gipr_grow(c->arena, &items, &c->cap_shares, c->nshares, sizeof(gipr_share))) {
        c->oom = 1;
        return NULL;
    }
    c->shares = items;
    gipr_share *s = &c->shares[c->nshares++];
    memset(s, 0, sizeof *s);
    return s;
}

/* The total a share phrase names: 占总申请量的 -> the requests received. */
static const char *named_base(const reader *rd, const char *gap, size_t n)
{
    int new_form = rd->form && strcmp(rd->form, "legacy") != 0;
    if (gipr_contains(gap, n, "答复"))
        return new_form ? "request.result.total" : "request.answered";
    if (gipr_contains(gap, n, "申请"))
        return new_form ? "request.new" : "request.received";
    return NULL;
}

/* Past an aside in brackets at i ("(含上年结转2件)"), or i when there is none. */
static size_t skip_aside(const char *s, size_t n, size_t i)
{
    static const char *const pairs[][2] = {{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}};
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        size_t open = starts_with(s + i, n - i, pairs[k][0]);
        if (!open)
            continue;
        const char *close = memmem(s + i + open, n - i - open, pairs[k][1], strlen(pairs[k][1]));
        size_t end = close ? (size_t)(close - s) : n;
        if (!close || end - i > MAX_ASIDE || clause_start(s, end, i, end, 1) != i)
            return i; /* no aside: unclosed, too long or over a sentence end */
        return end + strlen(pairs[k][1]);
    }
    return i;
}

/* Whether count t opens a list "其中…" of its parts ("320件，其中", "320件(含上年结转2件)，其中"). */
static int opens_list(const line_tokens *lt, const token *t)
{
    size_t j = skip_spaces(lt->s, lt->n, t->end);
    j = skip_spaces(lt->s, lt->n, skip_aside(lt->s, lt->n, j));
    if (j < lt->n && is_clause_mark(lt->s, lt->n, j, 0)) { /* past the mark: ASCII or not */
        uint32_t cp;
        j += (size_t)gipr_utf8_next(lt->s + j, lt->n - j, &cp);
    }
    return starts_with(lt->s + j, lt->n - j, "其中") > 0;
}

/* "N件，占P%", "N件(占P%)", "N1件、N2件，分别占P1%、P2%", "…，占比分别为P1%、P2%". */
static void read_shares(reader *rd, line_tokens *lt)
{
    double local_total = 0;
    for (int i = 0; i < lt->nt; i++) {
        token *t = &lt->tokens[i];
        /* "1177件，其中…" (or "完成答复件502，其中…"): the total of what follows; "2300余条，其中…"
         * opens the same kind of list, but an approximate number is no total to compare with */
        if ((t->kind == TOKEN_COUNT || (t->kind == -1 && t->value > 0 && t->value == floor(t->value))) &&
            opens_list(lt, t))
            local_total = t->qualifier ? 0 : t->value;
        if (t->kind != TOKEN_PERCENT || i == 0 || lt->tokens[i - 1].kind != TOKEN_COUNT)
            continue;
        const char *gap = lt->s + lt->tokens[i - 1].end;
        size_t gap_len = t->start - lt->tokens[i - 1].end;
        if (gap_len > 60 || !gipr_contains(gap, gap_len, "占") || gipr_contains(gap, gap_len, "率") ||
            clause_start(gap, gap_len, 0, gap_len, 1) != 0)
            continue;
        int np = 1; /* the run of percents: P1%、P2%… */
        while (i + np < lt->nt && lt->tokens[i + np].kind == TOKEN_PERCENT) {
            size_t between = skip_spaces(lt->s, lt->n, lt->tokens[i + np - 1].end);
            if (!starts_with(lt->s + between, lt->n - between, "、"))
                break;
            np++;
        }
        int nc = 0; /* as many counts just before */
        while (nc < np && i - 1 - nc >= 0 && lt->tokens[i - 1 - nc].kind == TOKEN_COUNT)
            nc++;
        if (nc != np)
            continue;
        for (int k = 0; k < np; k++) {
            const token *count = &lt->tokens[i - np + k], *pct = &lt->tokens[i + k];
            if (count->qualifier || pct->qualifier) /* approximate numbers are never compared */
                continue;
            gipr_share *s = add_share(rd->c);
            if (!s)
                return;
            s->count = count->value;
            s->percent = pct->value;
            s->decimals = pct->decimals;
            s->code = count->code;
            s->base = named_base(rd, gap, gap_len);
            if (!s->base)
                s->base = count->parent;
            s->local_total = local_total;
            s->line = line_no(lt, count->start);
            s->raw = np == 1 ? gipr_arena_strndup(rd->c->arena, lt->s + count->start, pct->end - count->start)
                             : gipr_arena_printf(rd->c->arena, "%.*s…%.*s%.*s", (int)(count->end - count->start),
                                                 lt->s + count->start, (int)gap_len, gap,
                                                 (int)(pct->end - pct->start), lt->s + pct->start);
        }
        i += np - 1;
    }
}

/* ---- the stage -------------------------------------------------------------------------------- */

static const char *prose_form(const gipr_report *r)
{
    const char *t = gipr_template_name(r->template_);
    if (t)
        return t;
    if (!r->year)
        return "legacy";
    return r->year >= 2021 ? "t2021" : r->year >= 2019 ? "t2019" : "legacy";
}

/* A line a PDF wrapped: long, and not ending a sentence. The next line continues it unless it
 * starts a new numbered item. */
static int continues(const gipr_line *prev, const gipr_line *next)
{
    static const char *const ends[] = {"。", ";", "；", ":", "：", "!", "！", "?", "？", NULL};
    if (!prev || prev->kind != GIPR_LINE_TEXT || next->kind != GIPR_LINE_TEXT ||
        utf8_chars(prev->s, prev->len) < 20 || gipr_list_number_len(next->s, next->len))
        return 0;
    for (int k = 0; ends[k]; k++) {
        size_t m = strlen(ends[k]);
        if (prev->len >= m && memcmp(prev->s + prev->len - m, ends[k], m) == 0)
            return 0;
    }
    return 1;
}

static void read_paragraph(reader *rd, line_tokens *lt, token *tokens)
{
    lt->tokens = tokens;
    lt->nt = tokenize(lt->s, lt->n, tokens, MAX_TOKENS);
    rd->topic = NULL;
    read_counts(rd, lt);
    read_shares(rd, lt);
}

void gipr_read_prose(gipr_ctx *c)
{
    token *tokens = malloc(MAX_TOKENS * sizeof *tokens);
    gipr_strbuf para = {0};
    if (!tokens) {
        c->oom = 1;
        return;
    }
    reader rd = {.c = c, .form = prose_form(c->r)};
    line_tokens lt = {0};
    for (int li = 0; li < c->nlines && !c->oom; li++) {
        const gipr_line *l = &c->lines[li];
        if (l->kind != GIPR_LINE_TEXT)
            continue;
        gipr_sb_clear(&para);
        lt.nlines = 0;
        for (;;) { /* join the lines of one wrapped paragraph */
            lt.offs[lt.nlines] = para.len;
            lt.nos[lt.nlines++] = l->no;
            gipr_sb_add(&para, l->s, l->len);
            if (li + 1 >= c->nlines || lt.nlines == MAX_PARA_LINES || !continues(l, &c->lines[li + 1]))
                break;
            l = &c->lines[++li];
        }
        if (para.oom) {
            c->oom = 1;
            break;
        }
        lt.s = para.s;
        lt.n = para.len;
        read_paragraph(&rd, &lt, tokens);
    }
    gipr_sb_free(&para);
    free(tokens);
}
