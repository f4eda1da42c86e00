/* Saved web pages: format sniffing, charsets, the narrative lines, tables with their spans, the
 * fixtures of tests/fixtures/html (expected rows beside each page), the seeds wrapped as pages,
 * and hostile markup. */
#include "testutil.h"

#include "html.h"

/* ---- reading a page into a parse context (the html stage alone) ---------------------------- */

typedef struct {
    gipr_report *r;
    gipr_ctx c;
    gipr_options opt;
} page;

static page *read_page_opt(const char *bytes, size_t len, const char *encoding)
{
    page *p = calloc(1, sizeof *p);
    assert_non_null(p);
    p->r = gipr_report_new();
    p->opt = (gipr_options){.encoding = encoding, .is_html = 1};
    p->c = (gipr_ctx){.r = p->r, .arena = &p->r->arena, .opt = &p->opt};
    assert_int_equal(gipr_html_read(&p->c, (const unsigned char *)bytes, len), 0);
    assert_string_equal(p->r->format, "html");
    return p;
}

static page *read_page(const char *html) { return read_page_opt(html, strlen(html), NULL); }

static page *read_page_fixture(const char *rel)
{
    size_t len;
    char *bytes = read_fixture(rel, &len);
    page *p = read_page_opt(bytes, len, NULL);
    free(bytes);
    return p;
}

static void page_free(page *p)
{
    gipr_report_free(p->r);
    free(p);
}

/* The narrative lines (not table rows) joined by '\n'. */
static char *narrative(page *p)
{
    static char buf[65536];
    size_t o = 0;
    buf[0] = 0;
    for (int i = 0; i < p->c.nlines; i++) {
        const gipr_line *l = &p->c.lines[i];
        if (l->kind == GIPR_LINE_TABLE || l->len == 0)
            continue;
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", o ? "\n" : "", l->s);
    }
    return buf;
}

static const gipr_cell *cell_at(const gipr_table *t, int row, int col)
{
    for (int i = 0; i < t->ncells; i++)
        if (t->cells[i].row == row && t->cells[i].col == col)
            return &t->cells[i];
    return NULL;
}

#define assert_cell(t, row, col, text)                                                         \
    do {                                                                                       \
        const gipr_cell *cell_ = cell_at((t), (row), (col));                                   \
        if (!cell_)                                                                            \
            fail_msg("no cell at row %d col %d", (row), (col));                                \
        assert_string_equal(cell_->s, (text));                                                 \
        assert_int_equal(cell_->len, strlen(text));                                            \
    } while (0)

/* ---- sniffing ------------------------------------------------------------------------------- */

#define LOOKS_TEXT(s) gipr_looks_like_html("a.txt", (const unsigned char *)(s), sizeof(s) - 1)

static void test_looks_like_html(void **state)
{
    (void)state;
#define LOOKS(name, s) gipr_looks_like_html((name), (const unsigned char *)(s), sizeof(s) - 1)
    assert_true(LOOKS("a.txt", "<!DOCTYPE html>\n<html><body>x</body></html>"));
    assert_true(LOOKS("a", "\xEF\xBB\xBF  <html>"));
    assert_true(LOOKS("a", "<!-- saved from url=(0022)http://example.com -->\n<HTML>"));
    assert_true(LOOKS("a", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
    assert_true(LOOKS("a", "<table><tr><td>1</td></tr></table>"));
    assert_true(LOOKS("a", "\n\n<P>一、总体情况"));
    assert_true(LOOKS("a", "\xFF\xFE<\0h\0t\0m\0l\0>\0"));           /* UTF-16LE with BOM */
    assert_true(LOOKS("report.HTM", "台州市2018年度报告<br>一、总体情况")); /* the name, and markup */
    assert_true(LOOKS("report.html", "<div>x</div>"));
    /* text reports are never HTML, whatever they contain or are called */
    assert_false(LOOKS("a.txt", "台州市2018年度政府信息公开工作报告\n<p>不是标签的开头"));
    assert_false(LOOKS("a.html", "台州市2018年度政府信息公开工作报告\n一、总体情况 1<2"));
    assert_false(LOOKS("a", "<<中华人民共和国政府信息公开条例>>"));
    assert_false(LOOKS("a", "<pre-formatted> is not a tag"));
    assert_false(LOOKS("a", ""));
    assert_false(LOOKS(NULL, ""));
#undef LOOKS
    size_t len;
    char *seed = read_fixture("000_9c1c927b118ce9fd.txt", &len);
    assert_false(gipr_looks_like_html("000_9c1c927b118ce9fd.txt", (unsigned char *)seed, len));
    free(seed);
}

/* Pages saved as one file (.mht, .mhtml): the HTML part is found and decoded, whatever the
 * archive's line ends, boundary and transfer encoding; an archive without a page is an empty
 * page, said. */
static void test_single_file_pages(void **state)
{
    (void)state;
    static const char qp[] =
        "From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;\n"
        "\ttype=\"text/html\";\n\tboundary=\"----B--x\"\n\n------B--x\nContent-Type: image/png\n"
        "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n------B--x\n"
        "Content-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
        "<p>=E4=B8=80=E3=80=81=E6=80=BB=E4=BD=93=E6=83=85=E5=86=B5</p><p a=3D\"1\">=E5=\n"
        "=85=A8=E5=B9=B4100=E6=9D=A1 =3D =\r\n=E3=80=82 a=ZZ</p>\n------B--x--\n";
    assert_true(gipr_looks_like_html("a.txt", (const unsigned char *)qp, sizeof qp - 1));
    page *p = read_page(qp);
    assert_string_equal(narrative(p), "一、总体情况\n全年100条 = 。 a=ZZ");
    assert_string_equal(p->r->encoding, "UTF-8");
    page_free(p);

    /* a single-part archive in base64, CRLF line ends */
    static const char b64[] = "MIME-Version: 1.0\r\nContent-Type: text/html\r\n"
                              "Content-Transfer-Encoding: base64\r\n\r\n"
                              "PHA+5LiA44CB5oC75L2T\r\n5oOF5Ya1PC9wPg==\r\n";
    p = read_page(b64);
    assert_string_equal(narrative(p), "一、总体情况");
    page_free(p);

    /* no HTML part */
    static const char none[] = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n"
                               "--b\nContent-Type: image/gif\n\nGIF89a\n--b--\n";
    p = read_page(none);
    assert_string_equal(narrative(p), "");
    assert_non_null(strstr(p->r->diagnostics, "MHTML"));
    page_free(p);

    /* mail-like text that is no archive stays text */
    assert_false(LOOKS_TEXT("MIME-Version: 1.0 is a header\n一、总体情况"));
    assert_false(LOOKS_TEXT("From: 办公室\nSubject: 年报\n\n一、总体情况"));
}

static void test_format_of_reports(void **state)
{
    (void)state;
    gipr_report *r = parse_text("page.bin", "<html><body><p>一、总体情况</p></body></html>");
    assert_string_equal(r->format, "html");
    assert_string_equal(r->encoding, "UTF-8");
    gipr_report_free(r);
    r = parse_text("report.txt", "一、总体情况\n全年主动公开政府信息100条。\n");
    assert_string_equal(r->format, "text");
    gipr_report_free(r);
}

/* ---- charsets --------------------------------------------------------------------------------- */

/* "一、总体情况" in GBK */
#define GBK_HEADING "\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6"

static void expect_charset(const char *html, size_t len, const char *encoding)
{
    page *p = read_page_opt(html, len, NULL);
    assert_string_equal(p->r->encoding, encoding);
    assert_string_equal(narrative(p), "一、总体情况");
    page_free(p);
}
#define EXPECT_CHARSET(s, enc) expect_charset((s), sizeof(s) - 1, (enc))

static void test_charsets(void **state)
{
    (void)state;
    EXPECT_CHARSET("<meta charset=\"gbk\"><p>" GBK_HEADING "</p>", "GB18030");
    EXPECT_CHARSET("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                   "</head><body><p>" GBK_HEADING "</p></body></html>",
                   "GB18030");
    EXPECT_CHARSET("<META HTTP-EQUIV=Content-Type CONTENT='text/html;charset=GB18030'><P>" GBK_HEADING,
                   "GB18030");
    EXPECT_CHARSET("<?xml version=\"1.0\" encoding=\"gbk\"?>\n<html><body><p>" GBK_HEADING "</p></body></html>",
                   "GB18030");
    /* no declaration: the bytes decide */
    EXPECT_CHARSET("<html><body><p>" GBK_HEADING "</p></body></html>", "GB18030");
    EXPECT_CHARSET("<html><body><p>一、总体情况</p></body></html>", "UTF-8");
    /* declarations that the bytes contradict lose, with a diagnostic */
    EXPECT_CHARSET("<meta charset=\"utf-8\"><p>" GBK_HEADING "</p>", "GB18030");
    EXPECT_CHARSET("<meta charset=\"gb2312\"><p>一、总体情况</p>", "UTF-8");
    /* a charset nobody writes Chinese in is not trusted */
    EXPECT_CHARSET("<meta charset=\"iso-8859-1\"><p>" GBK_HEADING "</p>", "GB18030");
    EXPECT_CHARSET("\xEF\xBB\xBF<meta charset=\"gbk\"><p>一、总体情况</p>", "UTF-8");
    EXPECT_CHARSET("\xFF\xFE<\0p\0>\0\x00\x4E\x01\x30\x3B\x60\x53\x4F\xC5\x60\xB5\x51", "UTF-16LE");
    EXPECT_CHARSET("\xFE\xFF\0<\0p\0>\x4E\x00\x30\x01\x60\x3B\x4F\x53\x60\xC5\x51\xB5", "UTF-16BE");

    page *p = read_page("<meta charset=\"utf-8\"><p>" GBK_HEADING "</p>");
    assert_non_null(p->r->diagnostics);
    assert_non_null(strstr(p->r->diagnostics, "GB18030"));
    page_free(p);

    /* the caller's encoding wins over everything the page says */
    static const char forced[] = "<meta charset=\"utf-8\"><p>" GBK_HEADING "</p>";
    p = read_page_opt(forced, sizeof forced - 1, "GBK");
    assert_string_equal(narrative(p), "一、总体情况");
    page_free(p);
}

/* ---- narrative -------------------------------------------------------------------------------- */

static void test_chrome_dropped(void **state)
{
    (void)state;
    page *p = read_page(
        "<!DOCTYPE html><html><head><title>页面标题_门户网站</title>"
        "<style>p { color: red }</style><script>var a = '<p>脚本</p>';</script></head><body>"
        "<div class=\"header\"><ul class=\"main-nav\"><li>首页</li><li>政务公开</li></ul></div>"
        "<nav>导航</nav>"
        "<div id=\"breadcrumb\">当前位置：首页 &gt; 年报</div>"
        "<h1>某某县2020年政府信息公开工作年度报告</h1>"
        "<div class=\"content\"><p>一、总体情况</p><p>全年主动公开信息100条。</p>"
        "<p style=\"display: none\">隐藏的文字</p><span hidden>也隐藏</span>"
        "<noscript>请启用脚本</noscript><iframe src=\"x\">框架</iframe>"
        "<select><option>相关链接</option></select><button>打印</button></div>"
        "<div class=\"bdsharebuttonbox\">分享到：微信 微博</div>"
        "<div class=\"print\"><a>【打印本页】</a><a>【关闭窗口】</a></div>"
        "<footer>版权所有 某某县人民政府</footer><div class=\"foot\">网站标识码</div>"
        "</body></html>");
    assert_string_equal(narrative(p), "某某县2020年政府信息公开工作年度报告\n一、总体情况\n"
                                      "全年主动公开信息100条。");
    page_free(p);
}

/* A furniture-sounding wrapper that holds the report is the report. */
static void test_chrome_wrapper_with_report_kept(void **state)
{
    (void)state;
    page *p = read_page("<body><form id=\"form1\"><div class=\"print-content\">"
                        "<h2>年度报告</h2><p>一、总体情况</p>"
                        "<table><tr><td>a</td><td>1</td></tr></table></div></form>"
                        "<form action=\"/search\"><input name=q><p>站内搜索</p></form></body>");
    assert_string_equal(narrative(p), "年度报告\n一、总体情况");
    assert_int_equal(p->c.ntables, 1);
    page_free(p);
}

/* Boxes named only for where they sit (top, bottom, head) are furniture unless they name a
 * report: an article's own top holds its title. Tool bars and language switches are furniture. */
static void test_position_chrome(void **state)
{
    (void)state;
    page *p = read_page(
        "<html><body><div class=\"site-switch\">繁體版 ENGLISH 无障碍 长者版</div>"
        "<div class=\"top\">首页 政务公开 政务服务</div><div id=\"head\">某县人民政府</div>"
        "<div class=\"article-top\"><p>某县2020年政府信息公开工作年度报告</p><p>2021-01-20</p></div>"
        "<div class=\"article-tools\">字体:【大 中 小】 打印 关闭</div>"
        "<div class=\"article-content\"><p>一、总体情况</p><p>全年主动公开信息100条。</p></div>"
        "<div class=\"links\">友情链接</div><div class=\"bottom\">网站地图 主办单位</div>"
        "</body></html>");
    assert_string_equal(narrative(p), "某县2020年政府信息公开工作年度报告\n2021-01-20\n"
                                      "一、总体情况\n全年主动公开信息100条。");
    page_free(p);
}

/* A page cut down to its article names the report only in <title>: that becomes a first line of
 * page chrome, for the title only. A body that names the report keeps its own. */
static void test_page_title(void **state)
{
    (void)state;
    const char *cut = "<html><head><title>某区2019年政府信息公开工作年度报告_某区人民政府</title>"
                      "</head><body><p>一、总体情况</p><p>全年主动公开信息100条。</p></body></html>";
    page *p = read_page(cut);
    assert_string_equal(p->c.lines[0].s, "某区2019年政府信息公开工作年度报告_某区人民政府");
    assert_int_equal(p->c.lines[0].kind, GIPR_LINE_CHROME);
    assert_int_equal(p->c.lines[0].no, 1);
    assert_string_equal(p->c.lines[1].s, "一、总体情况");
    assert_int_equal(p->c.lines[1].kind, GIPR_LINE_TEXT);
    page_free(p);
    gipr_report *r = parse_text("page.html", cut);
    assert_string_equal(r->title, "某区2019年政府信息公开工作年度报告");
    assert_int_equal(r->year, 2019);
    gipr_report_free(r);

    p = read_page("<html><head><title>年度报告_某区人民政府</title></head><body>"
                  "<h1>某区人民政府办公室2019年政府信息公开工作年度报告</h1>"
                  "<p>一、总体情况</p></body></html>");
    assert_string_equal(narrative(p), "某区人民政府办公室2019年政府信息公开工作年度报告\n一、总体情况");
    assert_int_equal(p->c.lines[0].kind, GIPR_LINE_TEXT);
    page_free(p);
    /* a <title> that names no report is not read */
    p = read_page("<html><head><title>某区人民政府门户网站</title></head><body><p>一、总体情况</p>"
                  "</body></html>");
    assert_string_equal(narrative(p), "一、总体情况");
    page_free(p);
}

static void test_lines_like_a_browser(void **state)
{
    (void)state;
    page *p = read_page("<body>\n"
                        "<p>政府信息\n公开<span>工作</span>   年度\t报告</p>\n"
                        "<p>English words\nstay apart, 1\n2</p>"
                        "<div>第一行<br>第二行<br/><br>第三行</div>"
                        "<ul><li>甲</li><li>乙</li></ul>"
                        "<p>&nbsp;&nbsp;（一）全角&#65288;括号&#65289;１２３</p>"
                        "<p>&nbsp;</p><p>   </p>"
                        "<pre>表格\n  第二行\n\n第三行</pre><pre></pre>"
                        "<p>pre 之后\n不再保留换行</p>"
                        "<p>尾<!-- 注释 --></p></body>");
    assert_string_equal(narrative(p), "政府信息公开工作 年度 报告\n"
                                      "English words stay apart, 1 2\n"
                                      "第一行\n第二行\n第三行\n甲\n乙\n"
                                      "(一)全角(括号)123\n"
                                      "表格\n第二行\n第三行\npre 之后不再保留换行\n尾");
    page_free(p);
}

/* Web editors escape Word's list marks into text, and browsers then show
 * "<!--[if !supportLists]-->一、<!--[endif]-->概述": the marks go, the list number stays, in
 * narrative and in cells alike. Text that only looks like the start of a mark stays. */
static void test_escaped_word_marks(void **state)
{
    (void)state;
    page *p = read_page("<p class=MsoNormal>&lt;!--[if !supportLists]--&gt;<span>一、</span>"
                        "&lt;!--[endif]--&gt;<span>概述</span></p>"
                        "<p>&lt;![if !supportLists]&gt;(一)&lt;![endif]&gt;主动公开 a&lt;b &lt;!--[if x</p>"
                        "<table><tr><td>&lt;!--[if !supportLists]--&gt;1.&lt;!--[endif]--&gt;当面申请数</td>"
                        "<td>12</td></tr></table>");
    assert_string_equal(narrative(p), "一、概述\n(一)主动公开 a<b <!--[if x");
    assert_cell(&p->c.tables[0], 0, 0, "1.当面申请数");
    page_free(p);
}

static void test_source_lines(void **state)
{
    (void)state;
    page *p = read_page("<html>\n<body>\n<p>第一段</p>\n\n<p>第二段\n续</p>\n<table>\n"
                        "<tr><td>甲</td><td>1</td></tr>\n<tr>\n<td>乙</td><td>2</td></tr>\n"
                        "</table>\n</body>\n</html>\n");
    assert_true(p->c.nlines >= 4);
    assert_string_equal(p->c.lines[0].s, "第一段");
    assert_int_equal(p->c.lines[0].no, 3);
    assert_string_equal(p->c.lines[1].s, "第二段续");
    assert_int_equal(p->c.lines[1].no, 5);
    /* table rows are lines too: cells joined by tabs, marked as table lines */
    assert_string_equal(p->c.lines[2].s, "甲\t1");
    assert_int_equal(p->c.lines[2].no, 8);
    assert_int_equal(p->c.lines[2].kind, GIPR_LINE_TABLE);
    assert_int_equal(p->c.lines[2].table, 0);
    assert_int_equal(p->c.lines[3].no, 9);
    assert_int_equal(p->c.tables[0].cells[2].line, 10); /* 乙: the line of its <td> */
    page_free(p);
}

/* ---- tables ----------------------------------------------------------------------------------- */

static void test_table_cells(void **state)
{
    (void)state;
    page *p = read_page("<table>"
                        "<tr><th>统计指标</th><th>单位</th><th>数量</th></tr>"
                        "<tr><td><p>（一）主动公开政府信息数</p><p>（不同渠道和方式公开相同信息计1条）</p></td>"
                        "<td>条</td><td> 1,234 </td></tr>"
                        "<tr><td>一、主动公开情况</td><td>——</td><td>&nbsp;</td></tr>"
                        "<tr><td>空行</td><td></td><td><span lang=EN-US><o:p></o:p></span></td></tr>"
                        "<tr style=\"display:none\"><td>隐藏行</td><td>9</td><td>9</td></tr>"
                        "<tr><td>甲</td><td style=\"display:none\">隐藏</td><td>件</td><td>7</td></tr>"
                        "</table>");
    assert_int_equal(p->c.ntables, 1);
    const gipr_table *t = &p->c.tables[0];
    assert_int_equal(t->kind, 0);
    assert_int_equal(t->from_html, 1);
    assert_int_equal(t->first_line, -1);
    assert_int_equal(t->ncells, 15);
    assert_cell(t, 4, 1, "件");
    assert_cell(t, 4, 2, "7");
    assert_cell(t, 0, 0, "统计指标");
    assert_cell(t, 1, 0, "(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)");
    assert_cell(t, 1, 2, "1,234");
    assert_cell(t, 2, 1, "——");
    assert_cell(t, 2, 2, "");
    assert_cell(t, 3, 1, "");
    assert_cell(t, 3, 2, "");
    /* reading order: row by row, column by column */
    for (int i = 1; i < t->ncells; i++)
        assert_true(t->cells[i].row > t->cells[i - 1].row ||
                    (t->cells[i].row == t->cells[i - 1].row && t->cells[i].col > t->cells[i - 1].col));
    page_free(p);
}

/* 表三 of the 2019/2021 forms: a two-level header and merged group cells. */
static void test_spans_of_form_table(void **state)
{
    (void)state;
    page *p = read_page_fixture("html/t2021_utf8.html");
    assert_int_equal(p->c.ntables, 4);
    const gipr_table *t = &p->c.tables[2];
    const char *note = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";
    for (int row = 0; row < 3; row++)
        for (int col = 0; col < 3; col++)
            assert_cell(t, row, col, note);
    for (int col = 3; col < 10; col++)
        assert_cell(t, 0, col, "申请人情况");
    assert_cell(t, 1, 3, "自然人");
    assert_cell(t, 2, 3, "自然人");
    for (int col = 4; col < 9; col++)
        assert_cell(t, 1, col, "法人或其他组织");
    assert_cell(t, 2, 4, "商业企业");
    assert_cell(t, 2, 8, "其他");
    assert_cell(t, 1, 9, "总计");
    assert_cell(t, 2, 9, "总计");
    assert_cell(t, 3, 0, "一、本年新收政府信息公开申请数量");
    assert_cell(t, 3, 2, "一、本年新收政府信息公开申请数量");
    assert_cell(t, 3, 3, "233");
    assert_cell(t, 3, 9, "290");
    /* 三、本年度办理结果 covers the 22 result rows; (三)不予公开 its 8 reasons */
    for (int row = 5; row < 27; row++)
        assert_cell(t, row, 0, "三、本年度办理结果");
    assert_cell(t, 27, 0, "四、结转下年度继续办理");
    assert_cell(t, 5, 1, "(一)予以公开");
    assert_cell(t, 5, 2, "(一)予以公开");
    for (int row = 7; row < 15; row++)
        assert_cell(t, row, 1, "(三)不予公开");
    assert_cell(t, 7, 2, "1.属于国家秘密");
    assert_cell(t, 14, 2, "8.属于行政查询事项");
    assert_cell(t, 14, 3, "3");
    assert_cell(t, 26, 1, "(七)总计");
    assert_int_equal(t->ncells, 28 * 10);
    /* 表四: 行政复议 over 5 columns, 行政诉讼 over 10, and three header rows */
    t = &p->c.tables[3];
    assert_cell(t, 0, 4, "行政复议");
    assert_cell(t, 0, 5, "行政诉讼");
    assert_cell(t, 0, 14, "行政诉讼");
    assert_cell(t, 2, 0, "结果维持");
    assert_cell(t, 1, 5, "未经复议直接起诉");
    assert_cell(t, 2, 10, "结果维持");
    assert_cell(t, 3, 4, "10");
    assert_int_equal(t->ncells, 4 * 15);
    page_free(p);
}

static void test_spans_overlapping_and_ragged(void **state)
{
    (void)state;
    /* a rowspan into a shorter row, a rowspan past the last row, rowspan=0, junk spans */
    page *p = read_page("<table>"
                        "<tr><td rowspan=3>A</td><td>B</td><td rowspan=\"9\">C</td></tr>"
                        "<tr><td colspan=\"x\">D</td></tr>"
                        "<tr><td colspan=-4>E</td><td>F</td><td>G</td></tr>"
                        "<tr><td rowspan=0>H</td><td>I</td></tr>"
                        "</table>");
    const gipr_table *t = &p->c.tables[0];
    assert_cell(t, 0, 0, "A");
    assert_cell(t, 0, 2, "C");
    assert_cell(t, 1, 0, "A");
    assert_cell(t, 1, 1, "D");
    assert_cell(t, 1, 2, "C");
    assert_cell(t, 2, 0, "A");
    assert_cell(t, 2, 1, "E");
    assert_cell(t, 2, 2, "C"); /* cells move right past the slots spans hold */
    assert_cell(t, 2, 3, "F");
    assert_cell(t, 2, 4, "G");
    assert_cell(t, 3, 0, "H");
    assert_cell(t, 3, 1, "I");
    assert_cell(t, 3, 2, "C");
    assert_null(cell_at(t, 3, 3));
    page_free(p);
}

static void test_layout_tables(void **state)
{
    (void)state;
    /* a page laid out in tables: only the innermost table holding data is a table */
    page *p = read_page("<table width=1000><tr><td colspan=2>网站标题</td></tr>"
                        "<tr><td class=leftmenu><a>首页</a><br><a>信息公开</a></td><td>"
                        "<table><tr><td><p>一、总体情况</p><p>全年主动公开信息100条。</p>"
                        "<table border=1><tr><td>统计指标</td><td>数量</td></tr>"
                        "<tr><td>收到申请数</td><td>12</td></tr></table>"
                        "</td></tr></table></td></tr></table>"
                        /* one cell holding the whole report: prose, not data */
                        "<table><tr><td><p>二、主动公开情况</p></td></tr></table>"
                        "<table><tr><td>说明</td><td>" /* long prose in a cell */
                        "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
                        "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
                        "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
                        "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
                        "</td></tr></table>");
    assert_int_equal(p->c.ntables, 1);
    assert_cell(&p->c.tables[0], 1, 1, "12");
    char *text = narrative(p);
    assert_non_null(strstr(text, "网站标题\n"));
    assert_non_null(strstr(text, "一、总体情况\n全年主动公开信息100条。\n"));
    assert_non_null(strstr(text, "二、主动公开情况\n说明\n本报告"));
    page_free(p);
}

/* A note across the bottom (or top) of a statistics table, 说明:1.本表…, is long like prose but
 * leaves the table a data table: the note goes to the narrative, the cells to the table. Prose
 * across the middle of a table still lays the page out. */
#define LONG_NOTE "说明:1.本表统计范围为本级政府及其工作部门;2.主动公开政府信息数不同渠道和方式公开" \
                  "相同信息计1条;3.本表所列数据由各单位自行填报,统计时间为本年度1月1日至12月31日," \
                  "数据如有出入以各单位最终核定数为准;4.依申请公开数据以申请人提出申请的时间统计," \
                  "跨年度办理的申请计入收到申请的年度,特此说明。"
static void test_note_rows(void **state)
{
    (void)state;
    assert_true(strlen(LONG_NOTE) >= GIPR_HTML_LONG_CELL);
    page *p = read_page("<p>附表</p><table border=1>"
                        "<tr><td colspan=3>政府信息公开情况统计表</td></tr>"
                        "<tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>"
                        "<tr><td>(一)收到申请数</td><td>件</td><td>30</td></tr>"
                        "<tr><td>1.当面申请数</td><td>件</td><td>10</td></tr>"
                        "<tr><td colspan=\"3\">" LONG_NOTE "</td></tr>"
                        "<tr><td></td><td></td><td></td></tr></table><p>二、存在的主要问题</p>");
    assert_int_equal(p->c.ntables, 1);
    const gipr_table *t = &p->c.tables[0];
    assert_int_equal(t->ncells, 4 * 3 + 3);
    assert_cell(t, 0, 2, "政府信息公开情况统计表");
    assert_cell(t, 3, 2, "10");
    assert_null(cell_at(t, 4, 0));
    assert_cell(t, 5, 2, "");
    assert_string_equal(narrative(p), "附表\n" LONG_NOTE "\n二、存在的主要问题");
    page_free(p);

    /* a note on top, above the header */
    p = read_page("<table><tr><td colspan=2>" LONG_NOTE "</td></tr>"
                  "<tr><td>收到申请数</td><td>12</td></tr></table>");
    assert_int_equal(p->c.ntables, 1);
    assert_int_equal(p->c.tables[0].ncells, 2);
    assert_string_equal(narrative(p), LONG_NOTE);
    page_free(p);

    /* across the middle, between rows of cells: the table lays out a page */
    p = read_page("<table><tr><td>首页</td><td>信息公开</td></tr>"
                  "<tr><td colspan=2>" LONG_NOTE "</td></tr>"
                  "<tr><td>版权所有</td><td>网站地图</td></tr></table>");
    assert_int_equal(p->c.ntables, 0);
    assert_string_equal(narrative(p), "首页\n信息公开\n" LONG_NOTE "\n版权所有\n网站地图");
    page_free(p);

    /* beside another cell: prose */
    p = read_page("<table><tr><td>说明</td><td>" LONG_NOTE "</td></tr>"
                  "<tr><td>收到申请数</td><td>12</td></tr></table>");
    assert_int_equal(p->c.ntables, 0);
    page_free(p);
}

static void test_caption(void **state)
{
    (void)state;
    page *p = read_page("<table><caption>政府信息公开情况统计表</caption>"
                        "<thead><tr><th>指标</th><th>数量</th></tr></thead>"
                        "<tbody><tr><td>甲</td><td>1</td></tr></tbody></table>");
    assert_string_equal(narrative(p), "政府信息公开情况统计表");
    assert_int_equal(p->c.tables[0].ncells, 4);
    assert_cell(&p->c.tables[0], 1, 1, "1");
    page_free(p);
}

/* ---- the fixtures ------------------------------------------------------------------------------- */

static const char *const fixture_pages[] = {
    "legacy_word_gbk.htm",      "legacy_word_page_break_gbk.htm", "legacy_layout_utf8.html",
    "legacy_word_utf16.htm",
    "legacy_undeclared_gbk.html", "t2019_gbk_httpequiv.html", "t2019_several_tables_gbk.html",
    "t2019_ie_saved_bom.htm",   "t2021_utf8.html",          "t2021_word_gbk.htm",
    "t2021_misdeclared_utf8.html", "t2021_aspnet_nested.html", "t2021_chrome_saved.mhtml",
    "legacy_ie_saved_gbk.mht",  "t2021_word_grid_utf8.htm",
};
enum { NPAGES = sizeof fixture_pages / sizeof *fixture_pages };

typedef struct {
    char *buf;
    const char *encoding, *template_, *title;
    int tables, year;
    int nrows;
    struct {
        const char *code, *dim;
        double value;
    } rows[512];
} expected;

/* Reads html/NAME.expected.tsv. */
static expected *read_expected(const char *page_name)
{
    char rel[256];
    snprintf(rel, sizeof rel, "html/%.*s.expected.tsv", (int)(strrchr(page_name, '.') - page_name),
             page_name);
    expected *e = calloc(1, sizeof *e);
    assert_non_null(e);
    size_t len;
    e->buf = read_fixture(rel, &len);
    for (char *line = strtok(e->buf, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        char *f[3] = {line, NULL, NULL};
        for (int k = 1; k < 3; k++) {
            char *tab = f[k - 1] ? strchr(f[k - 1], '\t') : NULL;
            if (tab) {
                *tab = 0;
                f[k] = tab + 1;
            }
        }
        if (strcmp(f[0], "@encoding") == 0)
            e->encoding = f[1];
        else if (strcmp(f[0], "@template") == 0)
            e->template_ = f[1];
        else if (strcmp(f[0], "@tables") == 0)
            e->tables = atoi(f[1]);
        else if (strcmp(f[0], "@title") == 0)
            e->title = f[1];
        else if (strcmp(f[0], "@year") == 0)
            e->year = atoi(f[1]);
        else {
            assert_non_null(f[2]);
            assert_true(e->nrows < 512);
            e->rows[e->nrows].code = f[0];
            e->rows[e->nrows].dim = f[1][0] ? f[1] : NULL;
            e->rows[e->nrows].value = atof(f[2]);
            e->nrows++;
        }
    }
    assert_non_null(e->encoding);
    assert_true(e->tables > 0 && e->nrows > 0);
    return e;
}

static void expected_free(expected *e)
{
    free(e->buf);
    free(e);
}

/* Each page is read in its encoding, with its data tables and none of its layout. */
static void test_fixture_structure(void **state)
{
    (void)state;
    for (int i = 0; i < NPAGES; i++) {
        char rel[256];
        snprintf(rel, sizeof rel, "html/%s", fixture_pages[i]);
        expected *e = read_expected(fixture_pages[i]);
        page *p = read_page_fixture(rel);
        if (strcmp(p->r->encoding, e->encoding) != 0 || p->c.ntables != e->tables)
            fail_msg("%s: encoding %s, %d tables; expected %s, %d", fixture_pages[i],
                     p->r->encoding, p->c.ntables, e->encoding, e->tables);
        for (int t = 0; t < p->c.ntables; t++) {
            assert_int_equal(p->c.tables[t].kind, 0);
            assert_int_equal(p->c.tables[t].from_html, 1);
        }
        /* every expected number is the text of some cell */
        for (int r = 0; r < e->nrows; r++) {
            int found = 0;
            for (int t = 0; t < p->c.ntables && !found; t++)
                for (int k = 0; k < p->c.tables[t].ncells && !found; k++) {
                    const gipr_cell *cell = &p->c.tables[t].cells[k];
                    char *end;
                    double v = strtod(cell->s, &end);
                    found = cell->len && end != cell->s && (*end == 0 || *end == '%') &&
                            v == e->rows[r].value;
                }
            if (!found)
                fail_msg("%s: no cell holds %s %g", fixture_pages[i], e->rows[r].code, e->rows[r].value);
        }
        /* no page furniture in the narrative */
        const char *text = narrative(p);
        assert_null(strstr(text, "分享到"));
        assert_null(strstr(text, "网站标识码"));
        assert_null(strstr(text, "_hmt"));
        assert_null(strstr(text, "mso-"));
        assert_null(strstr(text, "supportLists"));
        assert_non_null(strstr(text, "一、"));
        page_free(p);
        expected_free(e);
    }
}

/* Through the whole pipeline, each page gives the numbers of its tables, its form, title and
 * year. */
static void test_fixture_values(void **state)
{
    (void)state;
    int missing_total = 0;
    for (int i = 0; i < NPAGES; i++) {
        char rel[256];
        size_t len;
        snprintf(rel, sizeof rel, "html/%s", fixture_pages[i]);
        char *bytes = read_fixture(rel, &len);
        expected *e = read_expected(fixture_pages[i]);
        gipr_report *r = gipr_report_new();
        assert_int_equal(gipr_parse(r, fixture_pages[i], bytes, len, NULL), 0);
        assert_string_equal(r->format, "html");
        int missing = 0;
        for (int k = 0; k < e->nrows; k++) {
            const gipr_indicator *x = find_indicator(r, e->rows[k].code, e->rows[k].dim, GIPR_SOURCE_TABLE);
            if (!x || x->value != e->rows[k].value) {
                if (missing++ < 5)
                    print_message("%s: %s[%s] expected %g, got %s%g\n", fixture_pages[i], e->rows[k].code,
                                  e->rows[k].dim ? e->rows[k].dim : "", e->rows[k].value,
                                  x ? "" : "nothing ", x ? x->value : 0.0);
            }
        }
        if (e->template_ && !(r->template_ && strcmp(gipr_template_name(r->template_), e->template_) == 0)) {
            print_message("%s: template %s, expected %s\n", fixture_pages[i],
                          r->template_ ? gipr_template_name(r->template_) : "none", e->template_);
            missing++;
        }
        /* the narrative reaches the metadata reader: the page's heading is the report's title */
        if (!r->title || strcmp(r->title, e->title) != 0 || r->year != e->year) {
            print_message("%s: title %s, year %d\n", fixture_pages[i], r->title ? r->title : "none", r->year);
            missing++;
        }
        missing_total += missing;
        gipr_report_free(r);
        expected_free(e);
        free(bytes);
    }
    assert_int_equal(missing_total, 0);
}

/* 1 when r has the indicator x (code, dim, source and value), wherever it stands. */
static int has_indicator(const gipr_report *r, const gipr_indicator *x)
{
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *y = &r->indicators[i];
        if (strcmp(x->code, y->code) == 0 && (x->dim == NULL) == (y->dim == NULL) &&
            (!x->dim || strcmp(x->dim, y->dim) == 0) && x->source == y->source && x->value == y->value)
            return 1;
    }
    return 0;
}

/* Each seed wrapped as a page (tools/wrap_seed_html.py) gives what its text gives. */
static void test_seeds_as_pages(void **state)
{
    (void)state;
    static const char *const seeds[] = {"000_9c1c927b118ce9fd", "001_89dbaf428c88ecd3",
                                        "002_66303b07f01cbbb2", "003_4594e221d75b7af2",
                                        "004_21052089db41a3ba"};
    int differences = 0;
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        char rel[256];
        size_t text_len, html_len;
        snprintf(rel, sizeof rel, "%s.txt", seeds[i]);
        char *text = read_fixture(rel, &text_len);
        snprintf(rel, sizeof rel, "html/seeds/%s.html", seeds[i]);
        char *html = read_fixture(rel, &html_len);
        gipr_report *from_text = gipr_report_new(), *from_html = gipr_report_new();
        assert_int_equal(gipr_parse(from_text, "seed.txt", text, text_len, NULL), 0);
        assert_int_equal(gipr_parse(from_html, "seed.html", html, html_len, NULL), 0);
        assert_string_equal(from_html->format, "html");
        assert_true(from_html->nsections >= from_text->nsections / 2);
        for (int k = 0; k < from_text->nindicators; k++) {
            const gipr_indicator *x = &from_text->indicators[k];
            if (!has_indicator(from_html, x) && differences++ < 10)
                print_message("%s: text gives %s[%s] = %g (%s), the page does not\n", seeds[i], x->code,
                              x->dim ? x->dim : "", x->value, x->raw);
        }
        assert_int_equal(from_html->template_, from_text->template_);
        assert_true(from_html->nindicators >= from_text->nindicators); /* the real table may say more */
        gipr_report_free(from_text);
        gipr_report_free(from_html);
        free(text);
        free(html);
    }
    assert_int_equal(differences, 0);
}

/* ---- hostile pages ---------------------------------------------------------------------------- */

static void parse_html_ok(const char *bytes, size_t len)
{
    gipr_report *r = gipr_report_new();
    gipr_options opt = {.is_html = 1};
    assert_int_equal(gipr_parse(r, "hostile.html", bytes, len, &opt), 0);
    assert_string_equal(r->format, "html");
    gipr_report_free(r);
}

static char *repeat(const char *open, const char *middle, const char *close, int n, size_t *len)
{
    size_t a = strlen(open), b = strlen(middle), c = strlen(close);
    char *s = malloc(a * (size_t)n + b + c * (size_t)n + 1);
    assert_non_null(s);
    size_t o = 0;
    for (int i = 0; i < n; i++, o += a)
        memcpy(s + o, open, a);
    memcpy(s + o, middle, b), o += b;
    for (int i = 0; i < n; i++, o += c)
        memcpy(s + o, close, c);
    s[o] = 0;
    *len = o;
    return s;
}

static void test_deep_nesting(void **state)
{
    (void)state;
    static const char *const shapes[][3] = {
        {"<div>", "<p>一、总体情况</p>", "</div>"},
        {"<table><tr><td>", "<table><tr><td>a</td><td>1</td></tr></table>", "</td></tr></table>"},
        {"<span class=nav>", "x", "</span>"},
        {"<div class=share><table><tr><td>", "1", ""}, /* unclosed */
        {"<b><i>", "字", ""},
        {"<td rowspan=1000 colspan=1000>", "x", ""},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        size_t len;
        char *s = repeat(shapes[i][0], shapes[i][1], shapes[i][2], 10000, &len);
        parse_html_ok(s, len);
        free(s);
    }
}

/* libxml2 stops at 256 levels; pages that never close their tags get there and are read again
 * flattened, to the end. */
static void test_unclosed_tags_read_to_the_end(void **state)
{
    (void)state;
    static const char *const paragraph[] = {"<P><FONT size=2>第%d段", "<div><span>第%d段"};
    for (size_t k = 0; k < 2; k++) {
        gipr_strbuf html = {0};
        for (int i = 0; i < 400; i++)
            gipr_sb_printf(&html, paragraph[k], i);
        gipr_sb_adds(&html, "<table><tr><td>收到申请数</td><td>12</td></tr></table>");
        page *p = read_page(html.s);
        assert_int_equal(p->c.ntables, 1);
        assert_string_equal(p->c.lines[399].s, "第399段");
        assert_non_null(strstr(p->r->diagnostics, "nested too deep"));
        page_free(p);
        gipr_sb_free(&html);
    }
}

static void test_huge_spans_are_bounded(void **state)
{
    (void)state;
    static const char huge[] = "<table><tr><td colspan=2147483647 rowspan=99999999>x</td><td>y</td></tr>"
                               "<tr><td>1</td></tr><tr><td>2</td></tr></table>";
    page *p = read_page(huge);
    assert_int_equal(p->c.ntables, 1);
    const gipr_table *t = &p->c.tables[0];
    assert_true(t->ncells <= 3 * GIPR_HTML_MAX_COLS + 2);
    assert_cell(t, 0, 0, "x");
    assert_cell(t, 2, 0, "x"); /* the span reaches the last row, not beyond */
    for (int i = 0; i < t->ncells; i++)
        assert_true(t->cells[i].row <= 2);
    page_free(p);

    /* many rows of wide spans: the table is cut, with a diagnostic */
    size_t len;
    char *s = repeat("<tr><td colspan=1000>v</td></tr>", "", "", 2000, &len);
    char *table = malloc(len + 32);
    assert_non_null(table);
    snprintf(table, len + 32, "<table>%s</table>", s);
    p = read_page(table);
    assert_true(p->c.ntables == 1 && p->c.tables[0].ncells <= 100000);
    assert_non_null(p->r->diagnostics);
    page_free(p);
    free(table);
    free(s);
}

static void test_broken_markup(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "", "<", "<html", "<table", "<table><tr><td", "<td>1</td><td>2</td>", "<tr><td>x</tr>",
        "</table></table></p></div>", "<p>未闭合<p>段落<table><tr><td>1<td>2<tr><td>3",
        "<!--", "<!-- 未闭合的注释 <p>x</p>", "<![if !supportLists]>", "<![if", "<script>",
        "<style>p{}", "<meta charset=", "<meta charset=\"", "<?xml encoding=", "&#0;&#xD800;&#1114112;&amp",
        "<td colspan=1000 rowspan=1000>", "<pre>\n\n\n", "<table><caption>", "\xEF\xBB\xBF", "\xFF\xFE<",
        "\xFE\xFF\0<\0p", "<p>\xD2\xBB\xA1", "<p>\xE4\xB8", "<html><body>\0\0\0<p>x</p>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++)
        parse_html_ok(pages[i], strlen(pages[i]));
    static const char with_nuls[] = "<html><body>\0\0\0<p>x</p>";
    parse_html_ok(with_nuls, sizeof with_nuls - 1);
}

static void test_truncated_and_junk(void **state)
{
    (void)state;
    for (int i = 0; i < NPAGES; i++) {
        char rel[256];
        size_t len;
        snprintf(rel, sizeof rel, "html/%s", fixture_pages[i]);
        char *bytes = read_fixture(rel, &len);
        for (int k = 1; k < 12; k++) /* cut anywhere: inside tags, entities, characters */
            parse_html_ok(bytes, len * (size_t)k / 12 + (size_t)k % 5);
        free(bytes);
    }
    uint64_t x = 0x2545F4914F6CDD1Du;
    char junk[8192];
    for (int round = 0; round < 200; round++) {
        size_t len = (size_t)(round * 37) % sizeof junk;
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            /* markup characters are frequent, so that the parser sees tags */
            static const char alphabet[] = "<>/=\"' tdrabl!-[]&#;\n\xE4\xB8\x80";
            junk[i] = (round & 1) ? (char)x : alphabet[x % (sizeof alphabet - 1)];
        }
        parse_html_ok(junk, len);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_looks_like_html),
        cmocka_unit_test(test_format_of_reports),
        cmocka_unit_test(test_single_file_pages),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_chrome_dropped),
        cmocka_unit_test(test_chrome_wrapper_with_report_kept),
        cmocka_unit_test(test_position_chrome),
        cmocka_unit_test(test_page_title),
        cmocka_unit_test(test_lines_like_a_browser),
        cmocka_unit_test(test_escaped_word_marks),
        cmocka_unit_test(test_source_lines),
        cmocka_unit_test(test_table_cells),
        cmocka_unit_test(test_spans_of_form_table),
        cmocka_unit_test(test_spans_overlapping_and_ragged),
        cmocka_unit_test(test_layout_tables),
        cmocka_unit_test(test_note_rows),
        cmocka_unit_test(test_caption),
        cmocka_unit_test(test_fixture_structure),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_unclosed_tags_read_to_the_end),
        cmocka_unit_test(test_huge_spans_are_bounded),
        cmocka_unit_test(test_broken_markup),
        cmocka_unit_test(test_truncated_and_junk),
        cmocka_unit_test(test_seeds_as_pages),
        cmocka_unit_test(test_fixture_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
