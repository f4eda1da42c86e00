/* gipr_split_lines: trimming, line numbers, blank and chrome lines. */
#include "testutil.h"

#include "internal.h"
#include "text.h"

typedef struct {
    gipr_report *r;
    gipr_ctx c;
} split;

/* Decodes, normalises and splits text as the pipeline does. */
static split *split_text(const char *text, size_t n)
{
    split *s = calloc(1, sizeof *s);
    s->r = gipr_report_new();
    s->c = (gipr_ctx){.r = s->r, .arena = &s->r->arena};
    char *utf8;
    size_t len;
    assert_int_equal(gipr_decode(&s->c, (const unsigned char *)text, n, &utf8, &len), 0);
    assert_int_equal(gipr_normalize(&s->c, utf8, len, &s->c.text, &s->c.text_len), 0);
    assert_int_equal(gipr_split_lines(&s->c), 0);
    return s;
}

static void split_free(split *s)
{
    gipr_report_free(s->r);
    free(s);
}

static int kind_of(const char *line)
{
    split *s = split_text(line, strlen(line));
    assert_int_equal(s->c.nlines, 1);
    int kind = s->c.lines[0].kind;
    split_free(s);
    return kind;
}

static void test_numbering_and_trimming(void **state)
{
    (void)state;
    const char text[] = "  标题　\r\n\r\n\t一、总体情况\t\r\n最后一行";
    split *s = split_text(text, sizeof text - 1);
    assert_int_equal(s->c.nlines, 4);
    const char *want[] = {"标题", "", "一、总体情况", "最后一行"};
    const int kinds[] = {GIPR_LINE_TEXT, GIPR_LINE_BLANK, GIPR_LINE_TEXT, GIPR_LINE_TEXT};
    for (int i = 0; i < 4; i++) {
        const gipr_line *l = &s->c.lines[i];
        assert_string_equal(l->s, want[i]);
        assert_int_equal(l->len, strlen(want[i]));
        assert_int_equal(l->no, i + 1);
        assert_int_equal(l->kind, kinds[i]);
        assert_int_equal(l->table, -1);
    }
    split_free(s);
}

static void test_line_numbers_follow_the_source(void **state)
{
    (void)state;
    /* CR alone, CRLF and LF each end one line; a form feed does not */
    const char text[] = "a\rb\r\nc\nd\f\ne\n";
    split *s = split_text(text, sizeof text - 1);
    assert_int_equal(s->c.nlines, 6); /* the text after the last line break is a line too */
    const char *want[] = {"a", "b", "c", "d", "e", ""};
    for (int i = 0; i < 6; i++) {
        assert_string_equal(s->c.lines[i].s, want[i]);
        assert_int_equal(s->c.lines[i].no, i + 1);
    }
    assert_int_equal(s->c.lines[5].kind, GIPR_LINE_BLANK);
    split_free(s);
    s = split_text("", 0);
    assert_int_equal(s->c.nlines, 1);
    assert_int_equal(s->c.lines[0].kind, GIPR_LINE_BLANK);
    split_free(s);
    s = split_text("\n\n", 2);
    assert_int_equal(s->c.nlines, 3);
    assert_int_equal(s->c.lines[1].kind, GIPR_LINE_BLANK);
    split_free(s);
}

static void test_chrome(void **state)
{
    (void)state;
    const char *chrome[] = {
        "首页 > 政务公开 > 政府信息公开年报",
        "首页>信息公开>年度报告",
        "首页 | 政务公开 | 年报",
        "当前位置：首页 > 政府信息公开",
        "您现在的位置: 首页 » 年报",
        "索引号: 001008003/2019-00012",
        "索引号：11330000002482870B/2020-123 发布机构：省政府办公厅",
        "发布日期：2020-09-23",
        "发布机构: 台州市人民政府办公室",
        "成文日期 : 2020-01-15",
        "浏览次数：1234",
        "【打印本页】 【关闭窗口】",
        "打印本页 关闭窗口",
        "【返回顶部】",
        "【关闭本页】",
        "字体：[大 中 小]",
        "字号：大 中 小",
        "【字体：大 中 小】",
        "分享到：",
        "-1-",
        "- 2 -",
        "— 4 —",
        "－5－",
        "第 3 页",
        "第3页 共10页",
        "第 3 页/共 10 页",
        "\f",
    };
    for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++) {
        int kind = kind_of(chrome[i]);
        int want = strcmp(chrome[i], "\f") == 0 ? GIPR_LINE_BLANK : GIPR_LINE_CHROME;
        if (kind != want)
            fail_msg("kind %d for \"%s\", expected %d", kind, chrome[i], want);
    }
}

static void test_not_chrome(void **state)
{
    (void)state;
    const char *text[] = {
        "一、总体情况",
        "(一)主动公开情况",
        "1. 以政务公开助力“最多跑一次”改革。",
        "2018年，全市共受理政府信息公开申请1523件。",
        "关闭整合网站54家",
        "打印复印费用0万元",
        "发布日期说明",
        "【小微企业】",
        "首页改版",
        "3",
        "-5",
        "——",
        "第一节",
        "第3页内容较多",
        "1-2月",
        "2019-2020",
    };
    for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
        int kind = kind_of(text[i]);
        if (kind != GIPR_LINE_TEXT)
            fail_msg("kind %d for \"%s\", expected text", kind, text[i]);
    }
}

/* A long narrative line mentioning a button stays narrative. */
/* Markdown conversions: heading marks and bold marks are not part of the line's text */
static void test_markdown_marks(void **state)
{
    (void)state;
    const char text[] = "# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n## 一、总体情况\n"
                        "### （一）主动公开\n##二、主动公开政府信息情况\n**三、收到和处理政府信息公开申请情况**\n"
                        "#1 不是标题\n#\n** 加粗 **\n2**3**";
    split *s = split_text(text, sizeof text - 1);
    const char *want[] = {"沐阳县人民政府 2025 年 政府信息公开工作年度报告", "一、总体情况", "(一)主动公开",
                          "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "#1 不是标题", "#",
                          "加粗", "2**3**"};
    assert_int_equal(s->c.nlines, 9);
    for (int i = 0; i < 9; i++) {
        assert_string_equal(s->c.lines[i].s, want[i]);
        assert_int_equal(s->c.lines[i].len, strlen(want[i]));
        assert_int_equal(s->c.lines[i].kind, GIPR_LINE_TEXT);
    }
    split_free(s);
}

static void test_long_lines_are_text(void **state)
{
    (void)state;
    char line[1024] = "";
    while (strlen(line) < 400)
        strcat(line, "网站设有打印本页功能，");
    assert_int_equal(kind_of(line), GIPR_LINE_TEXT);
    strcpy(line, "首页");
    while (strlen(line) < 400)
        strcat(line, "改版后于2019/12上线，");
    assert_int_equal(kind_of(line), GIPR_LINE_TEXT);
}

static void test_leading_tabs(void **state)
{
    (void)state;
    const char text[] = "\t件\n\t\n\n\t\t18\nx";
    split *s = split_text(text, sizeof text - 1);
    assert_int_equal(s->c.nlines, 5); /* no line break after x */
    assert_int_equal(gipr_line_leading_tabs(&s->c, 0), 1);
    assert_int_equal(gipr_line_leading_tabs(&s->c, 1), 1); /* an empty cell */
    assert_int_equal(s->c.lines[1].kind, GIPR_LINE_BLANK);
    assert_int_equal(gipr_line_leading_tabs(&s->c, 2), 0); /* a row separator */
    assert_int_equal(gipr_line_leading_tabs(&s->c, 3), 2);
    assert_string_equal(s->c.lines[3].s, "18");
    assert_int_equal(gipr_line_leading_tabs(&s->c, 4), 0);
    assert_int_equal(gipr_line_leading_tabs(&s->c, 9), 0);
    split_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbering_and_trimming),
        cmocka_unit_test(test_line_numbers_follow_the_source),
        cmocka_unit_test(test_chrome),
        cmocka_unit_test(test_not_chrome),
        cmocka_unit_test(test_markdown_marks),
        cmocka_unit_test(test_long_lines_are_text),
        cmocka_unit_test(test_leading_tabs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
