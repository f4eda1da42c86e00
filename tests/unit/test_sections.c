/* Sections: heading levels and their variants, what is not a heading, the tree and the bodies,
 * and the level-1 sections of every seed against the golden file. */
#include "testutil.h"

#include "internal.h"

/* The level-1 sections of r as "number heading" lines joined by '|'. */
static void top_sections(const gipr_report *r, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = 0;
    for (int i = 0; i < r->nsections; i++) {
        const gipr_section *s = &r->sections[i];
        if (s->level != 1)
            continue;
        o += (size_t)snprintf(out + o, cap - o, "%s%s %s", o ? "|" : "", s->number, s->heading);
        assert_true(o < cap);
    }
}

static const gipr_section *section(const gipr_report *r, int seq)
{
    assert_true(seq >= 1 && seq <= r->nsections);
    assert_int_equal(r->sections[seq - 1].seq, seq);
    return &r->sections[seq - 1];
}

static void assert_section(const gipr_report *r, int seq, int level, int parent, const char *number,
                           const char *heading, int line)
{
    const gipr_section *s = section(r, seq);
    assert_int_equal(s->level, level);
    assert_int_equal(s->parent, parent);
    assert_string_equal(s->number, number);
    assert_string_equal(s->heading, heading);
    assert_int_equal(s->line, line);
}

/* The sections stage alone on lines of the given kinds (NULL kinds: all narrative), without
 * the table locators that run before it in a parse. */
static gipr_report *sections_of_lines(const char *const *text, const unsigned char *kinds, int n)
{
    gipr_report *r = gipr_report_new();
    assert_non_null(r);
    gipr_ctx c = {.r = r, .arena = &r->arena};
    gipr_line *lines = gipr_arena_alloc(&r->arena, (size_t)n * sizeof *lines);
    assert_non_null(lines);
    for (int i = 0; i < n; i++)
        lines[i] = (gipr_line){text[i], strlen(text[i]), i + 1, kinds ? kinds[i] : GIPR_LINE_TEXT, -1};
    c.lines = lines;
    c.nlines = n;
    gipr_find_sections(&c);
    assert_int_equal(c.oom, 0);
    return r;
}

static void test_levels_tree_and_bodies(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt",
                                "某市2020年政府信息公开工作年度报告\n"     /* 1 */
                                "一、总体情况\n"                           /* 2 */
                                "全年工作概述。\n"                         /* 3 */
                                "(一)主动公开情况。主要通过门户网站公开。\n" /* 4 */
                                "第二行正文。\n"                           /* 5 */
                                "1. 完善制度建设\n"                        /* 6 */
                                "文件正文。\n"                             /* 7 */
                                "2、政策解读\n"                            /* 8 */
                                "（二）依申请公开情况\n"                   /* 9 */
                                "二、主动公开政府信息情况\n"               /* 10 */
                                "见下表。\n");                             /* 11 */
    assert_int_equal(r->nsections, 6);
    assert_section(r, 1, 1, 0, "一", "总体情况", 2);
    assert_section(r, 2, 2, 1, "一", "主动公开情况", 4);
    assert_section(r, 3, 3, 2, "1", "完善制度建设", 6);
    assert_section(r, 4, 3, 2, "2", "政策解读", 8);
    assert_section(r, 5, 2, 1, "二", "依申请公开情况", 9);
    assert_section(r, 6, 1, 0, "二", "主动公开政府信息情况", 10);
    assert_string_equal(section(r, 1)->body, "全年工作概述。");
    assert_string_equal(section(r, 2)->body, "主要通过门户网站公开。\n第二行正文。");
    assert_string_equal(section(r, 3)->body, "文件正文。");
    assert_string_equal(section(r, 4)->body, "");
    assert_string_equal(section(r, 6)->body, "见下表。");
    gipr_report_free(r);
}

/* Full-width and ASCII forms of every level; headings cut at 。 or :. */
static void test_number_variants(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt",
                                "\xE3\x80\x80\xE3\x80\x80一、总体情况 \n" /* ideographic spaces before */
                                "（一）存在的问题：\n"
                                "１．第一项。正文\n"
                                "2﹒第二项\n"
                                "3.第三项\n"
                                "4 、第四项\n"
                                "(二)改进措施:正文\n"
                                "二.工作打算\n"
                                "三、其他\n");
    assert_int_equal(r->nsections, 8);
    assert_section(r, 1, 1, 0, "一", "总体情况", 1);
    assert_section(r, 2, 2, 1, "一", "存在的问题", 2);
    assert_section(r, 3, 3, 2, "1", "第一项", 3);
    assert_string_equal(section(r, 3)->body, "正文");
    assert_string_equal(section(r, 5)->body, "4 、第四项"); /* a space before 、: not a number */
    assert_section(r, 4, 3, 2, "2", "第二项", 4);
    assert_section(r, 5, 3, 2, "3", "第三项", 5);
    assert_section(r, 6, 2, 1, "二", "改进措施", 7);
    assert_section(r, 7, 1, 0, "二", "工作打算", 8);
    assert_section(r, 8, 1, 0, "三", "其他", 9);
    gipr_report_free(r);
}

/* Heading styles of converted and hand-typed reports: Markdown marks, a lost bracket. */
static void test_field_heading_styles(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.md",
                                "# 某县人民政府 2025 年 政府信息公开工作年度报告\n" /* 1 */
                                "## 一、总体情况\n"                                 /* 2 */
                                "### (一) 系统化推进主动公开。\n"                   /* 3 */
                                "全年主动公开政府信息4511条。\n"                    /* 4 */
                                "(二)依申请公开情况\n"                              /* 5 */
                                "三)政府信息管理情况\n"                             /* 6 */
                                "建立健全工作机制。\n"                              /* 7 */
                                "**二、主动公开政府信息情况**\n"                    /* 8 */
                                "见下表。\n");                                      /* 9 */
    assert_int_equal(r->nsections, 5);
    assert_section(r, 1, 1, 0, "一", "总体情况", 2);
    assert_section(r, 2, 2, 1, "一", "系统化推进主动公开", 3);
    assert_section(r, 3, 2, 1, "二", "依申请公开情况", 5);
    assert_section(r, 4, 2, 1, "三", "政府信息管理情况", 6);
    assert_section(r, 5, 1, 0, "二", "主动公开政府信息情况", 8);
    assert_string_equal(section(r, 2)->body, "全年主动公开政府信息4511条。");
    assert_string_equal(section(r, 4)->body, "建立健全工作机制。");
    assert_string_equal(r->title, "某县人民政府2025年政府信息公开工作年度报告");
    gipr_report_free(r);
    /* a heading running on into sentences that end in a number is no table row */
    r = parse_text("t.txt", "一、总体情况\n(一)基本情况。认真学习条例。通过网站主动公开政府信息共88条,其中工作动态48条\n"
                            "二、主动公开政府信息情况\n见下表。\n");
    assert_int_equal(r->nsections, 3);
    assert_section(r, 2, 2, 1, "一", "基本情况", 2);
    gipr_report_free(r);
}

static void test_not_headings(void **state)
{
    (void)state;
    gipr_report *r = parse_text(
        "t.txt",
        "一、总体情况\n"
        "一是加强组织领导。二是完善制度。\n"               /* enumeration */
        "一、全年共办理申请事项一百余件，其中大部分在法定期限内办结，群众满意度较高，得到上级肯定。\n" /* paragraph */
        "2018.5万元的经费。\n"                             /* a number */
        "96171.6\n"
        "二、主动公开情况\n"
        "三、\n"                                           /* a cell cut apart */
        "一、工作要求\n"                                   /* restarts the numbering */
        "(一)这一条也不是\n"                               /* under a rejected heading */
        "三、依申请公开情况\n"
        "四、举报投诉数量0件\n"                            /* a table row with its value */
        "四、机构建设情况——\n"
        "四、存在问题\n");
    char top[1024];
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "一 总体情况|二 主动公开情况|三 依申请公开情况|四 存在问题");
    assert_int_equal(r->nsections, 4);
    gipr_report_free(r);
}

/* Rows of a statistics table are not headings even when no table locator marked them. */
static void test_table_rows_are_not_sections(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt",
                                "一、概述\n"
                                "正文。\n"
                                "二、存在问题\n"
                                "正文。\n"
                                "政府信息公开情况统计表\n"
                                "统 计 指 标\n"
                                "一、主动公开情况\n"
                                "(一)主动公开政府信息数\n"
                                "1.政府公报公开政府信息数\n"
                                "三、依申请公开情况\n" /* continues the numbering, but is a table row */
                                "(一)收到申请数\n"
                                "(一)予以公开\n"
                                "1.属于国家秘密\n");
    char top[1024];
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "一 概述|二 存在问题");
    assert_string_equal(section(r, 2)->body, "正文。");
    gipr_report_free(r);

    /* the same when no table reader marked the rows */
    static const char *const text[] = {"一、概述", "正文。", "二、存在问题", "正文。", "政府信息公开情况统计表",
                                       "统 计 指 标", "一、主动公开情况", "(一)主动公开政府信息数",
                                       "1.政府公报公开政府信息数", "三、依申请公开情况", "(一)收到申请数",
                                       "(一)予以公开", "1.属于国家秘密"};
    r = sections_of_lines(text, NULL, (int)(sizeof text / sizeof text[0]));
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "一 概述|二 存在问题");
    assert_int_equal(r->nsections, 2);
    assert_string_equal(section(r, 2)->body, "正文。");
    gipr_report_free(r);
}

/* Catalog labels are table rows wherever they appear. */
static void test_catalog_labels(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt",
                                "一、总体情况\n"
                                "二、主动公开政府信息情况\n"
                                "三、收到和处理政府信息公开申请情况\n"
                                "四、结转下年度继续办理\n"
                                "(一)予以公开\n"
                                "(二)部分公开(区分处理的,只计这一情\n"
                                "四、政府信息公开行政复议、行政诉讼情况\n");
    char top[1024];
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "一 总体情况|二 主动公开政府信息情况|三 收到和处理政府信息公开申请情况|"
                             "四 政府信息公开行政复议、行政诉讼情况");
    assert_int_equal(r->nsections, 4);
    gipr_report_free(r);
}

/* Lines marked as table or chrome by earlier stages are never headings nor body. */
static void test_marked_lines(void **state)
{
    (void)state;
    static const char *const text[] = {"一、总体情况", "正文。", "二、页面导航", "-1-", "二、主动公开情况", "一、主动公开情况"};
    static const unsigned char kinds[] = {GIPR_LINE_TEXT, GIPR_LINE_TEXT, GIPR_LINE_CHROME,
                                          GIPR_LINE_CHROME, GIPR_LINE_TEXT, GIPR_LINE_TABLE};
    gipr_report *r = sections_of_lines(text, kinds, 6);
    assert_int_equal(r->nsections, 2);
    assert_section(r, 1, 1, 0, "一", "总体情况", 1);
    assert_string_equal(section(r, 1)->body, "正文。");
    assert_section(r, 2, 1, 0, "二", "主动公开情况", 5);
    assert_string_equal(section(r, 2)->body, "");
    gipr_report_free(r);
}

/* A text table before the narrative, found by no locator: its rows number 一, 二 … like the
 * sections would, but no sentence follows them. */
static void test_table_first(void **state)
{
    (void)state;
    static const char *const text[] = {
        "政府信息公开情况统计表", "统 计 指 标", "一、主动公开情况", "——", "(一)主动公开政府信息数", "1026",
        "二、回应解读情况", "——", "一、总体情况", "(一)主动公开情况", "全年主动公开政府信息1026条,均及时发布。",
        "二、存在问题", "人员力量不足。"};
    gipr_report *r = sections_of_lines(text, NULL, (int)(sizeof text / sizeof text[0]));
    char top[1024];
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "一 总体情况|二 存在问题");
    assert_int_equal(r->nsections, 3);
    assert_section(r, 2, 2, 1, "一", "主动公开情况", 10);
    assert_string_equal(section(r, 2)->body, "全年主动公开政府信息1026条,均及时发布。");
    gipr_report_free(r);
}

/* PDF text cut at the page width: a heading filling the line ends on the next one. */
static void test_wrapped_heading(void **state)
{
    (void)state;
    const char *filler = "这是一行按页宽折行的正文文字内容这是一行按页宽折行的\n"; /* 26 CJK = 52 columns */
    enum { BEFORE = 20 }; /* a page of text: enough lines to tell it was cut at a width */
    char text[8192] = "一、总体情况\n";
    for (int i = 0; i < BEFORE; i++)
        strcat(text, filler);
    strcat(text, "二、因政府信息公开工作被申请行政复议、提起行政诉讼情\n" /* 26 CJK */
                 "况\n");
    for (int i = 0; i < 3; i++)
        strcat(text, filler);
    strcat(text, "三、其他需要报告的事项\n");
    gipr_report *r = parse_text("t.txt", text);
    char top[1024];
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "一 总体情况|二 因政府信息公开工作被申请行政复议、提起行政诉讼情况|三 其他需要报告的事项");
    assert_int_equal(section(r, 2)->line, BEFORE + 2);
    /* lines cut at the page width are one paragraph again */
    char para[1024];
    size_t line = strlen(filler) - 1; /* without its \n */
    for (int i = 0; i < 3; i++)
        memcpy(para + i * line, filler, line);
    para[3 * line] = 0;
    assert_string_equal(section(r, 2)->body, para);
    gipr_report_free(r);

    /* a few lines of similar width are not a page cut at a width; 无。 is text, not a heading's end */
    r = parse_text("t.txt", "二、主动公开政府信息情况\n全年通过政府网站公开信息1000条。\n"
                            "三、存在的主要问题及改进情况\n无。\n");
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "二 主动公开政府信息情况|三 存在的主要问题及改进情况");
    assert_string_equal(section(r, 2)->body, "无。");
    gipr_report_free(r);
}

/* A misnumbered heading followed by its text keeps the numbering going. */
static void test_numbering_gap(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt",
                                "一、总体情况\n"
                                "全年工作稳步推进，成效明显。\n"
                                "三、依申请公开情况\n" /* 二 is missing */
                                "全年共受理申请十件，均按时答复。\n"
                                "四、存在问题\n"
                                "六、下一步工作\n" /* a gap without text under it */
                                "七、其他\n");
    char top[1024];
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "一 总体情况|三 依申请公开情况|四 存在问题");
    gipr_report_free(r);
}

/* An excerpt, or a report whose 一、 二、 are not numbered: the headings start at 三、. */
static void test_late_first_heading(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt",
                                "某县2020年政府信息公开工作年度报告\n"       /* 1 */
                                "总体情况\n"                                 /* 2 */
                                "全年主动公开政府信息1200条。\n"             /* 3 */
                                "三、收到和处理政府信息公开申请情况\n"       /* 4 */
                                "(一)收到申请情况\n"                         /* 5 */
                                "全年共收到申请15件,均按期答复。\n"          /* 6 */
                                "四、存在的主要问题及改进情况\n"             /* 7 */
                                "人员力量不足。\n"                           /* 8 */
                                "五、其他需要报告的事项\n"                   /* 9 */
                                "无。\n");                                   /* 10 */
    char top[1024];
    top_sections(r, top, sizeof top);
    assert_string_equal(top, "三 收到和处理政府信息公开申请情况|四 存在的主要问题及改进情况|五 其他需要报告的事项");
    assert_int_equal(r->nsections, 4);
    assert_section(r, 1, 1, 0, "三", "收到和处理政府信息公开申请情况", 4);
    assert_section(r, 2, 2, 1, "一", "收到申请情况", 5);
    assert_string_equal(section(r, 2)->body, "全年共收到申请15件,均按期答复。");
    assert_section(r, 4, 1, 0, "五", "其他需要报告的事项", 9);
    assert_string_equal(section(r, 4)->body, "无。");
    assert_true(r->diagnostics == NULL || strstr(r->diagnostics, "no numbered headings") == NULL);
    gipr_report_free(r);

    /* not when the numbering does not go on, nor without the words of a report section, nor
     * without text under it */
    static const char *const cases[] = {
        "三、依申请公开情况\n全年收到申请15件。\n五、其他\n无。\n",
        "三、张三李四\n全年收到申请15件。\n四、王五赵六\n无。\n",
        "三、依申请公开情况\n四、存在的问题\n一是不够。\n",
        "十二、依申请公开情况\n全年收到申请15件。\n十三、存在的问题\n一是不够。\n",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        r = parse_text("t.txt", cases[i]);
        assert_int_equal(r->nsections, 0);
        assert_non_null(strstr(r->diagnostics, "no numbered headings"));
        gipr_report_free(r);
    }

    /* after a table its reader marked, under 一、 二、 left unnumbered */
    static const char *const marked[] = {"主动公开政府信息情况", "第二十条第(一)项", "规章", "三、收到和处理政府信息公开申请情况",
                                         "全年共收到申请15件。", "四、存在的主要问题及改进情况", "人员不足。"};
    static const unsigned char kinds[] = {GIPR_LINE_TEXT, GIPR_LINE_TABLE, GIPR_LINE_TABLE, GIPR_LINE_TEXT,
                                          GIPR_LINE_TEXT, GIPR_LINE_TEXT, GIPR_LINE_TEXT};
    r = sections_of_lines(marked, kinds, (int)(sizeof marked / sizeof marked[0]));
    assert_int_equal(r->nsections, 2);
    assert_section(r, 1, 1, 0, "三", "收到和处理政府信息公开申请情况", 4);
    assert_string_equal(section(r, 1)->body, "全年共收到申请15件。");
    assert_section(r, 2, 1, 0, "四", "存在的主要问题及改进情况", 6);
    gipr_report_free(r);

    /* a table's rows numbered from 三、 after its title are no late start */
    static const char *const table[] = {"政府信息公开情况统计表", "三、依申请公开情况", "全年收到申请15件。",
                                        "四、存在的问题", "一是不够。"};
    r = sections_of_lines(table, NULL, (int)(sizeof table / sizeof table[0]));
    assert_int_equal(r->nsections, 0);
    gipr_report_free(r);
}

/* Sentences numbered 1、 are text: in the preamble, and wherever they are one long sentence. */
static void test_sentence_items(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt",
                                "某市2020年政府信息公开工作年度报告\n"                             /* 1 */
                                "本报告根据《条例》要求编制。\n"                                   /* 2 */
                                "1、本报告中所列数据的统计期限自2020年1月1日起至12月31日止。\n"   /* 3 */
                                "2、报告全文可在本市政府门户网站查阅。\n"                          /* 4 */
                                "一、总体情况\n"                                                   /* 5 */
                                "1.完善制度建设\n"                                                 /* 6 */
                                "制定了工作规则。\n"                                               /* 7 */
                                "2.建设新平台,巩固主流舆论阵地。开展调查。\n"                      /* 8 */
                                "3.网上大厅建设需加强完善,而且尚存在数据壁垒。\n"                  /* 9 */
                                "4.加强政府公报数字转型,全面开放市政府公报电子数据,方便公众查阅政府公报内容。全年发布12期。\n" /* 10 */
                                "二、存在问题\n");                                                 /* 11 */
    assert_int_equal(r->nsections, 4);
    assert_section(r, 1, 1, 0, "一", "总体情况", 5);
    assert_section(r, 2, 3, 1, "1", "完善制度建设", 6);
    assert_section(r, 3, 3, 1, "2", "建设新平台,巩固主流舆论阵地", 8);
    assert_string_equal(section(r, 3)->body,
                        "开展调查。\n3.网上大厅建设需加强完善,而且尚存在数据壁垒。\n"
                        "4.加强政府公报数字转型,全面开放市政府公报电子数据,方便公众查阅政府公报内容。全年发布12期。");
    assert_section(r, 4, 1, 0, "二", "存在问题", 11);
    gipr_report_free(r);

    /* short items before the first 一、 are the preamble's list too; without any 一、 they are
     * the report's headings */
    r = parse_text("t.txt", "说明\n1.统计期限\n2.数据来源\n一、总体情况\n正文。\n");
    assert_int_equal(r->nsections, 1);
    assert_section(r, 1, 1, 0, "一", "总体情况", 4);
    gipr_report_free(r);
    r = parse_text("t.txt", "1.统计期限\n全年。\n2.数据来源\n统计系统。\n");
    assert_int_equal(r->nsections, 2);
    assert_section(r, 2, 3, 0, "2", "数据来源", 3);
    assert_string_equal(section(r, 2)->body, "统计系统。");
    gipr_report_free(r);
}

/* Subsections run together in one paragraph are split at their (二) (三) openings. */
static void test_run_on_subsections(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt",
                                "一、总体情况\n"                                                  /* 1 */
                                "(一)主动公开情况。全年公开信息100条。(二)依申请公开情况。"
                                "全年收到申请5件,如(三)项所列。 (三)政府信息管理:规范发布。\n" /* 2 */
                                "第二段。\n"                                                      /* 3 */
                                "全年概述。(四)平台建设情况。网站运行平稳;(五)监督保障。无。\n" /* 4 */
                                "二、存在问题\n"                                                  /* 5 */
                                "正文。(一)这一条是正文的一部分,不是标题。(二)也不是\n");      /* 6 */
    assert_int_equal(r->nsections, 7);
    assert_section(r, 1, 1, 0, "一", "总体情况", 1);
    assert_section(r, 2, 2, 1, "一", "主动公开情况", 2);
    assert_string_equal(section(r, 2)->body, "全年公开信息100条。");
    assert_section(r, 3, 2, 1, "二", "依申请公开情况", 2);
    assert_string_equal(section(r, 3)->body, "全年收到申请5件,如(三)项所列。");
    assert_section(r, 4, 2, 1, "三", "政府信息管理", 2);
    assert_string_equal(section(r, 4)->body, "规范发布。\n第二段。\n全年概述。");
    assert_section(r, 5, 2, 1, "四", "平台建设情况", 4);
    assert_string_equal(section(r, 5)->body, "网站运行平稳;");
    assert_section(r, 6, 2, 1, "五", "监督保障", 4);
    assert_string_equal(section(r, 6)->body, "无。");
    assert_section(r, 7, 1, 0, "二", "存在问题", 5);
    assert_string_equal(section(r, 7)->body, "正文。(一)这一条是正文的一部分,不是标题。(二)也不是");
    gipr_report_free(r);

    /* right after a heading's 。, and under a level-1 heading running on */
    r = parse_text("t.txt", "一、总体情况。 (一)主动公开。全年100条。\n(二)依申请公开。 (三)管理。无。\n");
    assert_int_equal(r->nsections, 4);
    assert_section(r, 2, 2, 1, "一", "主动公开", 1);
    assert_string_equal(section(r, 1)->body, "");
    assert_string_equal(section(r, 2)->body, "全年100条。");
    assert_section(r, 3, 2, 1, "二", "依申请公开", 2);
    assert_string_equal(section(r, 3)->body, "");
    assert_section(r, 4, 2, 1, "三", "管理", 2);
    assert_string_equal(section(r, 4)->body, "无。");
    gipr_report_free(r);
}

static void test_empty_and_garbage(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt", "");
    assert_int_equal(r->nsections, 0);
    gipr_report_free(r);
    r = parse_text("t.txt", "(\n(一\n一\n、\n1.\n\xE4\xB8\n(一)\n");
    assert_int_equal(r->nsections, 0);
    assert_non_null(r->diagnostics);
    assert_non_null(strstr(r->diagnostics, "no numbered headings"));
    gipr_report_free(r);
}

/* The level-1 sections of a seed, read by the whole pipeline and by the sections stage alone
 * (as if no table reader had marked its table), equal want. */
static void check_seed(const char *file, const char *want)
{
    size_t n;
    char *bytes = read_fixture(file, &n), got[4096];
    gipr_report *r = gipr_report_new();
    assert_int_equal(gipr_parse(r, file, bytes, n, NULL), 0);
    top_sections(r, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("%s:\n got  %s\n want %s", file, got, want);
    gipr_report_free(r);

    enum { MAX_LINES = 4096 };
    static const char *lines[MAX_LINES];
    int count = 0;
    for (char *p = bytes; p && count < MAX_LINES; count++) {
        lines[count] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = 0;
    }
    r = sections_of_lines(lines, NULL, count);
    top_sections(r, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("%s, sections stage alone:\n got  %s\n want %s", file, got, want);
    gipr_report_free(r);
    free(bytes);
}

/* Each seed's level-1 sections equal the golden file (file, number, heading rows), in order. */
static void test_seeds_against_golden(void **state)
{
    (void)state;
    size_t len;
    char *golden = read_fixture("golden/sections.tsv", &len);
    char want[4096] = "", file[256] = "";
    int files = 0;
    char *save = NULL;
    for (char *line = strtok_r(golden, "\n", &save);; line = strtok_r(NULL, "\n", &save)) {
        if (line && line[0] == '#')
            continue;
        char *number = line ? strchr(line, '\t') : NULL;
        if (line && !number)
            continue;
        if (number)
            *number++ = 0;
        if (file[0] && (!line || strcmp(line, file) != 0)) { /* the rows of file are complete */
            check_seed(file, want);
            files++;
            want[0] = 0;
        }
        if (!line)
            break;
        snprintf(file, sizeof file, "%s", line);
        char *heading = strchr(number, '\t');
        assert_non_null(heading);
        *heading++ = 0;
        size_t o = strlen(want);
        snprintf(want + o, sizeof want - o, "%s%s %s", o ? "|" : "", number, heading);
    }
    assert_int_equal(files, 5);
    free(golden);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels_tree_and_bodies),
        cmocka_unit_test(test_number_variants),
        cmocka_unit_test(test_field_heading_styles),
        cmocka_unit_test(test_not_headings),
        cmocka_unit_test(test_table_rows_are_not_sections),
        cmocka_unit_test(test_table_first),
        cmocka_unit_test(test_catalog_labels),
        cmocka_unit_test(test_marked_lines),
        cmocka_unit_test(test_wrapped_heading),
        cmocka_unit_test(test_numbering_gap),
        cmocka_unit_test(test_late_first_heading),
        cmocka_unit_test(test_sentence_items),
        cmocka_unit_test(test_run_on_subsections),
        cmocka_unit_test(test_empty_and_garbage),
        cmocka_unit_test(test_seeds_against_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
