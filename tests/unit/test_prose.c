/* Numbers in prose (core/prose.c): the phrase lexicon, qualifiers, statements about parts, other
 * years and growth, topics of outcomes, 分别 lists, wrapped lines and the shares PERCENT checks.
 * The narrative is given as lines directly, so these tests do not depend on the other stages. */
#include "testutil.h"

#include "internal.h"

typedef struct {
    gipr_report *r;
    gipr_ctx c;
} prose;

/* Read `text` (one narrative line per \n) as a report of the given form, year and issuer level
 * (NULL: not known). */
static prose *read_prose_at(const char *text, gipr_template t, int year, const char *level)
{
    prose *p = calloc(1, sizeof *p);
    assert_non_null(p);
    p->r = gipr_report_new();
    p->c.r = p->r;
    p->c.arena = &p->r->arena;
    p->r->template_ = t;
    p->r->year = year;
    p->r->level = level;
    char *copy = gipr_arena_strdup(&p->r->arena, text);
    int no = 1;
    for (char *s = copy; s; no++) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = 0;
        void *items = p->c.lines;
        assert_int_equal(gipr_grow(p->c.arena, &items, &p->c.cap_lines, p->c.nlines, sizeof(gipr_line)), 0);
        p->c.lines = items;
        gipr_line *l = &p->c.lines[p->c.nlines++];
        memset(l, 0, sizeof *l);
        l->s = s;
        l->len = strlen(s);
        l->no = no;
        l->kind = l->len ? GIPR_LINE_TEXT : GIPR_LINE_BLANK;
        l->table = -1;
        s = nl ? nl + 1 : NULL;
    }
    gipr_read_prose(&p->c);
    assert_int_equal(p->c.oom, 0);
    return p;
}

static prose *read_prose(const char *text, gipr_template t, int year)
{
    return read_prose_at(text, t, year, NULL);
}

static void free_prose(prose *p)
{
    gipr_report_free(p->r);
    free(p);
}

static const gipr_indicator *text_row(const prose *p, const char *code)
{
    for (int i = 0; i < p->r->nindicators; i++)
        if (strcmp(p->r->indicators[i].code, code) == 0)
            return &p->r->indicators[i];
    return NULL;
}

static void assert_row(const prose *p, const char *code, double value, int line)
{
    const gipr_indicator *x = text_row(p, code);
    if (!x)
        fail_msg("no text row %s", code);
    assert_int_equal(x->source, GIPR_SOURCE_TEXT);
    assert_true(x->value == value);
    assert_int_equal(x->line, line);
}

static void test_channels(void **state)
{
    (void)state;
    prose *p = read_prose("（一）申请及受理情况。\n"
                          "2018年，全市共收到政府信息公开申请1523件，同比增长37%。全市共受理当面申请364件、"
                          "传真申请62件、信函申请669件、网络在线申请428件。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 5);
    assert_row(p, "request.received", 1523, 2);
    assert_row(p, "request.received.in_person", 364, 2);
    assert_row(p, "request.received.fax", 62, 2);
    assert_row(p, "request.received.letter", 669, 2);
    assert_row(p, "request.received.online", 428, 2);
    const gipr_indicator *x = text_row(p, "request.received.fax");
    assert_string_equal(x->label, "传真申请");
    assert_string_equal(x->raw, "传真申请62件");
    assert_string_equal(x->unit, "件");
    assert_null(x->dim);
    assert_null(x->qualifier);
    free_prose(p);
}

/* Normalised text (ASCII punctuation) and unnormalised (full-width) read the same. */
static void test_punctuation_forms(void **state)
{
    (void)state;
    const char *forms[] = {"从申请渠道方面分析,当面申请102件、信函申请259件、网络申请50件、传真申请0件。",
                           "从申请渠道方面分析，当面申请102件、信函申请259件、网络申请50件、传真申请0件。"};
    for (int k = 0; k < 2; k++) {
        prose *p = read_prose(forms[k], GIPR_TEMPLATE_LEGACY, 2018);
        assert_int_equal(p->r->nindicators, 4);
        assert_row(p, "request.received.fax", 0, 1);
        assert_row(p, "request.received.letter", 259, 1);
        free_prose(p);
    }
}

static void test_qualifiers(void **state)
{
    (void)state;
    prose *p = read_prose("全区主动公开政府信息4.4万多条。\n"
                          "举办新闻发布会百余次。\n"
                          "全市召开政府信息公开工作会议近100次，全年举办培训班三次。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    const gipr_indicator *x = text_row(p, "active.total");
    assert_non_null(x);
    assert_true(x->value == 44000);
    assert_string_equal(x->qualifier, "多");
    assert_string_equal(x->raw, "全区主动公开政府信息4.4万多条");
    x = text_row(p, "response.press_conferences");
    assert_true(x->value == 100);
    assert_string_equal(x->qualifier, "余");
    x = text_row(p, "training.meetings");
    assert_true(x->value == 100);
    assert_string_equal(x->qualifier, "近");
    x = text_row(p, "training.classes");
    assert_true(x->value == 3);
    assert_null(x->qualifier);
    free_prose(p);
}

/* Parts of the area, growth and other years are not the report's values. */
static void test_parts_growth_years(void **state)
{
    (void)state;
    prose *p = read_prose("2018年全区共受理政府信息依申请公开件411件，答复率100%。其中：区政府本级受理政府信息公开申请77件、"
                          "各部门及镇街受理334件，总量较2017年增长167件。\n"
                          "市本级全年共举行各类新闻发布会82场次。\n"
                          "全市行政复议机关共办理有关政府信息公开的行政复议80件，比2017年增加31件。\n"
                          "2017年全市共受理政府信息公开申请1100件。\n"
                          "去年收到政府信息公开申请900件。\n"
                          "增设村(社区)信息公开查阅点420个，全市信息公开查阅点达854个。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 3);
    assert_row(p, "request.received", 411, 1);
    assert_row(p, "review.total", 80, 3);
    assert_row(p, "org.reading_points", 854, 6);
    free_prose(p);

    /* a clause about each of the parts (各街道…) is not the whole; 全区各单位… and X及各Y… are */
    p = read_prose("全区各单位举办培训班63次。各街道举办培训班15次。市政府及各县召开新闻发布会345场。"
                   "各类政府信息公开申请共20件。",
                   GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 3);
    assert_row(p, "training.classes", 63, 1);
    assert_row(p, "response.press_conferences", 345, 1);
    assert_row(p, "request.received", 20, 1);
    free_prose(p);
}

/* A context naming several codes states none of them. */
static void test_ambiguous(void **state)
{
    (void)state;
    prose *p = read_prose("“申请信息不存在”的69件，占16.8%；“不属于本行政机关、告知作出更改补充、告知通过其他途径办理”的48件，占11.7%。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "request.answered.nonexistent", 69, 1);
    /* both shares are kept: the second against the parent of the codes it names */
    assert_int_equal(p->c.nshares, 2);
    assert_null(p->c.shares[1].code);
    assert_string_equal(p->c.shares[1].base, "request.answered");
    free_prose(p);
}

/* The same words for reviews and suits: the topic of the sentence decides. */
static void test_topics(void **state)
{
    (void)state;
    prose *p = read_prose("2018年全区被提起复议政府信息公开案件9件,其中:维持具体行政行为5件、被依法纠错0件、其余情形4件;"
                          "被提起行政诉讼案件7件,其中:维持具体行政行为或驳回原告诉讼请求2件、被依法纠错1件、其余情形4件。\n"
                          "被依法纠错3件。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    assert_row(p, "review.total", 9, 1);
    assert_row(p, "review.upheld", 5, 1);
    assert_row(p, "review.corrected", 0, 1);
    assert_row(p, "review.other", 4, 1);
    assert_row(p, "litigation.total", 7, 1);
    assert_row(p, "litigation.upheld", 2, 1);
    assert_row(p, "litigation.corrected", 1, 1);
    assert_row(p, "litigation.other", 4, 1);
    assert_int_equal(p->r->nindicators, 8); /* line 2 has no topic */
    free_prose(p);
}

/* The subject of outcomes is the topic named nearest their total: a heading a PDF joined to the
 * paragraph ("…行政复议、提起行政诉讼的情况") names both, the clause before the 其中 list one. */
static void test_topic_nearest_the_total(void **state)
{
    (void)state;
    prose *p = read_prose("四、因政府信息公开申请行政复议、提起行政诉讼的情况\n"
                          "行政复议案件12件，其中维持具体行政行为8件，被依法纠错2件，其他情形2件；行政诉讼案件5件，"
                          "其中维持具体行政行为3件，被依法纠错1件，其他情形1件。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 8);
    assert_row(p, "review.total", 12, 2);
    assert_row(p, "review.upheld", 8, 2);
    assert_row(p, "review.corrected", 2, 2);
    assert_row(p, "review.other", 2, 2);
    assert_row(p, "litigation.total", 5, 2);
    assert_row(p, "litigation.upheld", 3, 2);
    assert_row(p, "litigation.corrected", 1, 2);
    assert_row(p, "litigation.other", 1, 2);
    free_prose(p);

    /* mirrored: 诉讼 first */
    p = read_prose("四、因政府信息公开申请提起行政诉讼、行政复议的情况\n"
                   "行政诉讼案件5件，其中维持具体行政行为3件，被依法纠错1件，其他情形1件；行政复议案件12件，"
                   "其中维持具体行政行为8件，被依法纠错2件，其他情形2件。",
                   GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 8);
    assert_row(p, "litigation.total", 5, 2);
    assert_row(p, "litigation.upheld", 3, 2);
    assert_row(p, "review.total", 12, 2);
    assert_row(p, "review.upheld", 8, 2);
    assert_row(p, "review.other", 2, 2);
    free_prose(p);

    /* the new forms: 结果维持/结果纠正/其他结果/尚未审结; 行政诉讼 alone is no row of theirs */
    const gipr_template forms[] = {GIPR_TEMPLATE_T2019, GIPR_TEMPLATE_T2021};
    for (int k = 0; k < 2; k++) {
        p = read_prose("五、政府信息公开行政复议、行政诉讼情况本年度\n"
                       "行政诉讼5件，其中结果维持3件，结果纠正1件，其他结果1件，尚未审结0件；行政复议12件，"
                       "其中结果维持8件，结果纠正2件，其他结果1件，尚未审结1件。",
                       forms[k], 2022);
        assert_int_equal(p->r->nindicators, 5);
        assert_row(p, "review.total", 12, 2);
        assert_row(p, "review.upheld", 8, 2);
        assert_row(p, "review.corrected", 2, 2);
        assert_row(p, "review.other", 1, 2);
        assert_row(p, "review.pending", 1, 2);
        free_prose(p);
    }

    /* both topics as one subject: the outcomes belong to neither */
    p = read_prose("全年发生行政复议、行政诉讼案件12件，其中维持具体行政行为8件，被依法纠错2件，其他情形2件。",
                   GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 0);
    free_prose(p);

    /* 复议 inside the kinds of litigation is no topic */
    p = read_prose("政府信息公开行政诉讼46件，其中未经复议直接起诉26件，复议后起诉20件。", GIPR_TEMPLATE_T2019, 2020);
    assert_int_equal(p->r->nindicators, 2);
    assert_row(p, "litigation.direct.total", 26, 1);
    assert_row(p, "litigation.after_review.total", 20, 1);
    assert_null(text_row(p, "review.total"));
    free_prose(p);
}

/* Legacy narratives: answered, fees (an amount in 万元), website items, trainees, staff (名). */
static void test_legacy_statements(void **state)
{
    (void)state;
    prose *p = read_prose("全年共收到申请326件，已答复320件。依申请公开收取费用0.12万元。\n"
                          "通过政府网站公开3.2万条。举办培训班3期，培训150人次。配备专职人员1名、兼职人员3名。",
                          GIPR_TEMPLATE_LEGACY, 2010);
    assert_int_equal(p->r->nindicators, 8);
    assert_row(p, "request.received", 326, 1);
    assert_row(p, "request.answered", 320, 1);
    assert_row(p, "fees.total", 0.12, 1);
    const gipr_indicator *x = text_row(p, "fees.total");
    assert_int_equal(x->is_real, 1);
    assert_string_equal(x->unit, "万元");
    assert_string_equal(x->raw, "依申请公开收取费用0.12万元");
    assert_row(p, "active.via_website", 32000, 2);
    assert_int_equal(text_row(p, "active.via_website")->is_real, 0);
    assert_row(p, "training.classes", 3, 2);
    assert_row(p, "training.trainees", 150, 2);
    assert_row(p, "org.staff.full_time", 1, 2);
    assert_string_equal(text_row(p, "org.staff.full_time")->unit, "人");
    assert_row(p, "org.staff.part_time", 3, 2);
    free_prose(p);

    /* amounts in 元 and spaced 万元; an amount states no count and a count no amount; a channel
     * yields to what it names; 培训 counts people only; 名称 and 元旦 are no measure words */
    p = read_prose("收取费用1200元。\n"
                   "收费 0.5 万元。\n"
                   "在政府网站公开政策解读稿23篇。\n"
                   "收取费用3件，召开新闻发布会0.5万元。\n"
                   "培训3次，专职人员名称2名称，收费1元旦。",
                   GIPR_TEMPLATE_LEGACY, 2010);
    assert_int_equal(p->r->nindicators, 3);
    assert_row(p, "fees.total", 0.12, 1);
    assert_row(p, "response.interpretations", 23, 3);
    x = &p->r->indicators[1];
    assert_string_equal(x->code, "fees.total");
    assert_true(x->value == 0.5);
    assert_int_equal(x->line, 2);
    free_prose(p);

    /* the legacy codes are not read on the new forms */
    p = read_prose("收取费用0.12万元，通过政府网站公开3.2万条，已答复320件。", GIPR_TEMPLATE_T2021, 2022);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "request.result.total", 320, 1);
    free_prose(p);
}

static void test_respectively(void **state)
{
    (void)state;
    prose *p = read_prose("从申请来源看, 网络、信函、当面申请量分别为654件、373件、164件,占比分别为54.91%、31.32%、13.77%。",
                          GIPR_TEMPLATE_LEGACY, 2017);
    assert_int_equal(p->r->nindicators, 3);
    assert_row(p, "request.received.online", 654, 1);
    assert_row(p, "request.received.letter", 373, 1);
    assert_row(p, "request.received.in_person", 164, 1);
    assert_int_equal(p->c.nshares, 3);
    assert_true(p->c.shares[2].count == 164);
    assert_true(p->c.shares[2].percent == 13.77);
    assert_int_equal(p->c.shares[2].decimals, 2);
    assert_string_equal(p->c.shares[2].code, "request.received.in_person");
    free_prose(p);
}

static void test_shares(void **state)
{
    (void)state;
    prose *p = read_prose("全年答复政府信息公开申请1177件,其中属于\"已主动公开\"115件,占比9.77%;公开率为55.7%。\n"
                          "不同意公开的共有171件，占11.4%；申请内容不明确作出更改补充的有47件，占3 %。\n"
                          "土地征收类信息174件、房屋征收类信息61件,分别占总申请件数的41.4%、14.8%。\n"
                          "申请人更倾向于通过邮寄信件的形式提出申请,占总申请量的63%。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->c.nshares, 5);
    const gipr_share *s = &p->c.shares[0];
    assert_true(s->count == 115 && s->percent == 9.77 && s->local_total == 1177);
    assert_string_equal(s->code, "request.answered.already_public");
    s = &p->c.shares[1];
    assert_true(s->count == 171 && s->percent == 11.4);
    assert_int_equal(s->decimals, 1);
    assert_int_equal(s->line, 2);
    assert_string_equal(s->raw, "171件，占11.4%");
    s = &p->c.shares[2];
    assert_true(s->count == 47 && s->percent == 3);
    assert_int_equal(s->decimals, 0);
    s = &p->c.shares[3];
    assert_null(s->code);
    assert_string_equal(s->base, "request.received"); /* 占总申请件数 */
    assert_true(s->count == 174 && s->percent == 41.4);
    free_prose(p);

    /* a total written with its measure word first, then 其中: still the total of what follows */
    p = read_prose("收到政府信息公开申请534件,完成答复件502,其中“同意公开”的为368件,占73%。", GIPR_TEMPLATE_LEGACY, 2006);
    assert_int_equal(p->c.nshares, 1);
    assert_true(p->c.shares[0].count == 368 && p->c.shares[0].local_total == 502);
    free_prose(p);
    /* the total a 其中 list hangs from is the count before it, past an aside in brackets; not the
     * paragraph's first total */
    p = read_prose("共收到申请326件，已答复320件（含上年结转2件），其中同意公开208件，占65%。", GIPR_TEMPLATE_LEGACY, 2010);
    assert_int_equal(p->c.nshares, 1);
    assert_true(p->c.shares[0].count == 208 && p->c.shares[0].percent == 65 && p->c.shares[0].local_total == 320);
    assert_string_equal(p->c.shares[0].code, "request.answered.granted");
    free_prose(p);
    /* an unclosed bracket is no aside */
    p = read_prose("已答复320件（含上年结转2件，其中同意公开208件，占65%。", GIPR_TEMPLATE_LEGACY, 2010);
    assert_int_equal(p->c.nshares, 1);
    assert_true(p->c.shares[0].local_total == 2);
    free_prose(p);
    /* an approximate number is no total to compare with */
    p = read_prose("政府网站发布信息2300余条，其中政策解读26篇，占1.1%。", GIPR_TEMPLATE_T2021, 2022);
    assert_int_equal(p->c.nshares, 1);
    assert_true(p->c.shares[0].local_total == 0);
    free_prose(p);
}

/* The 2019 forms: request.* statements are whole-report values (dim total). */
static void test_t2019(void **state)
{
    (void)state;
    prose *p = read_prose("全年主动公开政务信息6752条，本年新收及2019年结转依申请公开116件、办结114件，转下年度办理2件。\n"
                          "2020年全年受理依申请公开107件，结转2019年9件，办结114件，转下年度办理2件。其中：办结的114件中公开43件、"
                          "部分公开14件、不予公开8件、无法提供件45件、信访举报投诉类1件、其他处理3件。",
                          GIPR_TEMPLATE_T2019, 2020);
    assert_row(p, "active.total", 6752, 1);
    assert_null(text_row(p, "active.total")->dim);
    const gipr_indicator *x = text_row(p, "request.new");
    assert_non_null(x);
    assert_true(x->value == 107); /* 116 (new and carried together) is not request.new */
    assert_string_equal(x->dim, "total");
    assert_row(p, "request.carried_in", 9, 2);
    assert_row(p, "request.carried_out", 2, 1);
    assert_row(p, "request.result.total", 114, 1);
    assert_row(p, "request.result.granted", 43, 2);
    assert_row(p, "request.result.partly_granted", 14, 2);
    assert_row(p, "request.result.refused", 8, 2);
    assert_row(p, "request.result.unavailable", 45, 2);
    assert_row(p, "request.result.not_processed.petition", 1, 2);
    assert_row(p, "request.result.other", 3, 2);
    /* legacy codes are not read on the new forms */
    assert_null(text_row(p, "request.received"));
    free_prose(p);

    /* the usual summary sentence */
    p = read_prose("2020年，共收到政府信息公开申请56件，上年结转3件，办理答复57件，结转下年度2件。",
                   GIPR_TEMPLATE_T2019, 2020);
    assert_int_equal(p->r->nindicators, 4);
    assert_row(p, "request.new", 56, 1);
    assert_row(p, "request.carried_in", 3, 1);
    assert_row(p, "request.result.total", 57, 1);
    assert_row(p, "request.carried_out", 2, 1);
    free_prose(p);

    /* carried out, in other words: 结转 names the next year here */
    p = read_prose("本年度办结政府信息公开申请120件，结转下一年度继续办理5件，另有3件顺延到下年度答复。",
                   GIPR_TEMPLATE_T2021, 2022);
    assert_int_equal(p->r->nindicators, 3);
    assert_row(p, "request.result.total", 120, 1);
    assert_row(p, "request.carried_out", 5, 1);
    assert_null(text_row(p, "request.carried_in"));
    free_prose(p);
}

/* Field cases: statements that look like a code but are not it. */
static void test_field_misreadings(void **state)
{
    (void)state;
    /* 答复…申请 is the number decided on the new forms, not the number received; 予以公开及部分公开
     * is two rows together (its share is of their parent, the results) */
    prose *p = read_prose("市政府办公厅共收到政府信息公开申请859件；答复政府信息公开申请805件（含上年度结转申请18件，"
                          "另有72件申请按照《条例》顺延到下年度答复）。予以公开及部分公开258件，占32.0%；不予公开35件，"
                          "占4.34%。",
                          GIPR_TEMPLATE_T2019, 2019);
    assert_row(p, "request.new", 859, 1);
    assert_row(p, "request.result.total", 805, 1);
    assert_row(p, "request.carried_in", 18, 1);
    assert_row(p, "request.carried_out", 72, 1);
    assert_row(p, "request.result.refused", 35, 1);
    assert_null(text_row(p, "request.result.granted"));
    assert_null(text_row(p, "request.result.partly_granted"));
    assert_int_equal(p->r->nindicators, 5);
    assert_int_equal(p->c.nshares, 2);
    assert_null(p->c.shares[0].code);
    assert_string_equal(p->c.shares[0].base, "request.result.total");
    assert_true(p->c.shares[0].count == 258);
    free_prose(p);

    /* 公开 alone is 予以公开 only where the paragraph speaks of requests; information items (条) are
     * never requests; a person count is never an item count */
    p = read_prose("(一)主动公开。累计公开186条信息,其中网站公开42条。\n"
                   "本年收到申请20件，办结的20件中公开12件；新收申请来自30人。",
                   GIPR_TEMPLATE_T2019, 2020);
    assert_row(p, "request.result.granted", 12, 2);
    assert_row(p, "request.new", 20, 2);
    assert_row(p, "request.result.total", 20, 2);
    assert_int_equal(p->r->nindicators, 3);
    free_prose(p);
    p = read_prose("做好依申请公开工作，累计公开186条信息。2022年度共受理政府信息公开申请2条，办结率100%。",
                   GIPR_TEMPLATE_T2021, 2022);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "request.new", 2, 1);
    free_prose(p);
    /* one item of a list counted as a whole */
    p = read_prose("通过政府网站公开政府文件、政策解读、财政预决算公开等信息55条。发布政策解读稿件12篇。",
                   GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "response.interpretations", 12, 1);
    free_prose(p);
    /* information about meetings is no number of meetings */
    p = read_prose("在政府网站公开全市助力精准扶贫工作会议、农村工作会议、常务会议信息47条。", GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 0);
    free_prose(p);
    /* information counted by how it is disclosed is not a number of requests */
    p = read_prose("2018年,共制作政府信息3021条,其中主动公开信息1027条,依申请公开信息459条,不予公开信息1535条。",
                   GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "active.total", 1027, 1);
    free_prose(p);
    /* two indicators joined by 或/及 are counted together: no row for either (the words of one
     * indicator joined, 关注热点或重大舆情, are still that indicator) */
    p = read_prose("全区共受理政府信息公开申请267件,其中同意公开或部分公开共81件,公开率为30.80%。\n"
                   "全市回应公众关注热点或重大舆情17次。",
                   GIPR_TEMPLATE_T2021, 2022);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "request.new", 267, 1);
    free_prose(p);
    p = read_prose("全市回应公众关注热点或重大舆情17次。", GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "response.hotspots", 17, 1);
    free_prose(p);

    /* 依申请公开 is a category of documents unless requests are received under it */
    p = read_prose("2021年,我镇共发文96件,其中主动公开文件0件,不公开文件96件,依申请公开0件。\n"
                   "2021年度共收到依申请公开2件。",
                   GIPR_TEMPLATE_T2021, 2021);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "request.new", 2, 2);
    free_prose(p);
    p = read_prose("3、依申请公开信息情况。全年收到依申请公开信息3条,答复率100%。", GIPR_TEMPLATE_T2019, 2019);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "request.new", 3, 1);
    free_prose(p);

    /* 其中 restating the code of the sentence is a part of it */
    p = read_prose("2020年主动公开政府信息73条,其中依托市政府网站主动公开信息73条;通过政务公开栏公开政府信息73条。",
                   GIPR_TEMPLATE_T2019, 2020);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "active.total", 73, 1);
    free_prose(p);
}

/* A table's notes define how items are counted: the number of a counting rule states nothing. */
static void test_counting_rules(void **state)
{
    (void)state;
    prose *p = read_prose("(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)\n"
                          "2.主动公开政府信息数不同渠道和方式公开相同信息计1条，回应公众关注热点或重大舆情数不同方式"
                          "回应同一热点或舆情计1次;\n"
                          "同一申请人就同一事项多次申请的视为1件，主动公开政府信息按1条计。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 0);
    free_prose(p);
    /* a total still counts, however it is introduced */
    p = read_prose("全年主动公开政府信息共计1200条，回应公众关注热点或重大舆情计75次，不同渠道公开相同信息计1条。",
                   GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 2);
    assert_row(p, "active.total", 1200, 1);
    assert_row(p, "response.hotspots", 75, 1);
    free_prose(p);
}

/* A clause about one office of the government, or a part stated after its total, is not the
 * report's value. */
static void test_offices_and_subsets(void **state)
{
    (void)state;
    prose *p = read_prose("2018年，区政府办公室受理申请8件，全部按时答复。\n"
                          "区政府办代表区政府受理政府信息公开申请12件。\n"
                          "县府办全年主动公开政府信息300条。\n"
                          "全区共召开新闻发布会200场，其中，疫情防控新闻发布会151场。\n"
                          "群众向区政府办公室提出政府信息公开申请30件。\n"
                          "全区各级行政机关及区政府办公室共主动公开政府信息1200条。",
                          GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 3);
    assert_row(p, "response.press_conferences", 200, 4);
    assert_row(p, "request.received", 30, 5);
    assert_row(p, "active.total", 1200, 6);
    free_prose(p);
    /* a department's own report may name itself */
    p = read_prose_at("区政府办公室受理申请8件，全部按时答复。", GIPR_TEMPLATE_LEGACY, 2018, "department");
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "request.received", 8, 1);
    free_prose(p);
}

/* A PDF wraps lines in the middle of a phrase or between a number and its measure word. */
static void test_wrapped_lines(void **state)
{
    (void)state;
    prose *p = read_prose("着力强化与申请人的直接沟通，提高答复的及时性和针对性。2024 年，全市共受理政府信息公开申请 3119\n"
                          "件，均在法定期限内予以答复。政府信息公开行政复议 351\n"
                          "件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n"
                          "未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n"
                          "件。\n"
                          "（二）依申请公开情况。",
                          GIPR_TEMPLATE_T2021, 2024);
    assert_row(p, "request.new", 3119, 1);
    assert_row(p, "review.total", 351, 2);
    assert_row(p, "review.upheld", 72, 3);
    assert_row(p, "review.corrected", 64, 3);
    assert_row(p, "review.other", 178, 3);
    assert_row(p, "review.pending", 37, 4); /* the number is on line 4 */
    assert_int_equal(p->r->nindicators, 6); /* the suits of the 2021 form have no such codes */
    free_prose(p);
}

/* Input that is not a report: no crash, no invented numbers. */
static void test_garbage(void **state)
{
    (void)state;
    char junk[4096];
    unsigned seed = 12345;
    for (size_t i = 0; i < sizeof junk - 1; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned char ch = (unsigned char)(seed >> 16);
        junk[i] = ch == 0 ? ' ' : (char)ch;
    }
    junk[sizeof junk - 1] = 0;
    prose *p = read_prose(junk, GIPR_TEMPLATE_NONE, 0);
    assert_int_equal(p->r->nindicators, 0);
    free_prose(p);

    p = read_prose("一是统一思想，最多跑一次，“一件事”107项，V2.0版，网址http://x.gov.cn/2018/12.html。",
                   GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 0);
    free_prose(p);

    /* a count followed by a one-byte clause mark at the very end: nothing is read past the text
     * (valgrind and the sanitizers would see it) */
    p = read_prose("全年受理政府信息公开申请12件;", GIPR_TEMPLATE_LEGACY, 2018);
    assert_int_equal(p->r->nindicators, 1);
    assert_row(p, "request.received", 12, 1);
    free_prose(p);
}

/* The seeds: every narrative statement of the golden file is found (source text). */
static void test_seed_statements(void **state)
{
    (void)state;
    size_t len;
    char *golden = read_fixture("golden/indicators.tsv", &len);
    int checked = 0;
    const char *open_file = NULL;
    gipr_report *r = gipr_report_new();
    for (char *line = strtok(golden, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        char *f[6] = {0};
        char *p = line;
        for (int k = 0; k < 6 && p; k++) {
            f[k] = p;
            char *tab = strchr(p, '\t');
            if (tab)
                *tab = 0;
            p = tab ? tab + 1 : NULL;
        }
        if (!f[4] || strcmp(f[4], "text") != 0)
            continue;
        if (!open_file || strcmp(open_file, f[0]) != 0) {
            char path[512];
            snprintf(path, sizeof path, "%s/%s", GIPR_FIXTURES, f[0]);
            assert_int_equal(gipr_parse_file(r, path, NULL), 0);
            open_file = f[0];
        }
        const gipr_indicator *x = find_indicator(r, f[1], f[2][0] ? f[2] : NULL, GIPR_SOURCE_TEXT);
        int found = 0;
        for (int i = 0; i < r->nindicators && !found; i++) {
            const gipr_indicator *y = &r->indicators[i];
            found = y->source == GIPR_SOURCE_TEXT && strcmp(y->code, f[1]) == 0 &&
                    y->value == atof(f[3]) && ((f[2][0] == 0) == (y->dim == NULL));
        }
        if (!found)
            fail_msg("%s: no text row %s[%s] = %s (first: %g)", f[0], f[1], f[2], f[3], x ? x->value : -1);
        checked++;
    }
    assert_int_equal(checked, 81);
    gipr_report_free(r);
    free(golden);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_channels),
        cmocka_unit_test(test_punctuation_forms),
        cmocka_unit_test(test_qualifiers),
        cmocka_unit_test(test_parts_growth_years),
        cmocka_unit_test(test_ambiguous),
        cmocka_unit_test(test_topics),
        cmocka_unit_test(test_topic_nearest_the_total),
        cmocka_unit_test(test_legacy_statements),
        cmocka_unit_test(test_respectively),
        cmocka_unit_test(test_shares),
        cmocka_unit_test(test_t2019),
        cmocka_unit_test(test_field_misreadings),
        cmocka_unit_test(test_counting_rules),
        cmocka_unit_test(test_offices_and_subsets),
        cmocka_unit_test(test_wrapped_lines),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_seed_statements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
