/* The t2019/t2021 tables: every fixture of tests/fixtures/forms/ and every real report of
 * tests/fixtures/real/ against its expected rows (NAME.expected: '#template<TAB>form', then
 * code<TAB>dim<TAB>value), plus the behaviours each layout exists for. */
#include "testutil.h"

#include <dirent.h>
#include <math.h>

enum { MAX_ROWS = 1024, ROW_TEXT = 160 };

typedef struct {
    char rows[MAX_ROWS][ROW_TEXT];
    int n;
    char template_[16];
} row_set;

static void format_row(char *out, const char *code, const char *dim, double value)
{
    char v[64];
    snprintf(v, sizeof v, "%.6f", value);
    char *end = v + strlen(v) - 1;
    while (*end == '0')
        *end-- = 0;
    if (*end == '.')
        *end = 0;
    if (strcmp(v, "-0") == 0)
        strcpy(v, "0");
    snprintf(out, ROW_TEXT, "%s\t%s\t%s", code, dim ? dim : "", v);
}

static int is_form_code(const char *code)
{
    static const char *const prefixes[] = {"art20.", "request.", "review.", "litigation."};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (strncmp(code, prefixes[i], strlen(prefixes[i])) == 0)
            return 1;
    return 0;
}

static int compare_rows(const void *a, const void *b)
{
    return strcmp(a, b);
}

static void load_expected(const char *rel, row_set *set)
{
    size_t len;
    char *text = read_fixture(rel, &len);
    set->n = 0;
    set->template_[0] = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "#template\t", 10) == 0) {
            snprintf(set->template_, sizeof set->template_, "%s", line + 10);
            continue;
        }
        if (line[0] == '#' || !line[0])
            continue;
        char code[96], dim[32] = "", value[32];
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        assert_non_null(t2);
        snprintf(code, sizeof code, "%.*s", (int)(t1 - line), line);
        snprintf(dim, sizeof dim, "%.*s", (int)(t2 - t1 - 1), t1 + 1);
        snprintf(value, sizeof value, "%s", t2 + 1);
        assert_true(set->n < MAX_ROWS);
        format_row(set->rows[set->n++], code, dim, strtod(value, NULL));
    }
    free(text);
    qsort(set->rows, (size_t)set->n, ROW_TEXT, compare_rows);
}

static gipr_report *parse_fixture(const char *rel)
{
    size_t len;
    char *text = read_fixture(rel, &len);
    gipr_report *r = gipr_report_new();
    assert_non_null(r);
    assert_int_equal(gipr_parse(r, rel, text, len, NULL), 0);
    free(text);
    return r;
}

static void table_rows(const gipr_report *r, row_set *set)
{
    set->n = 0;
    const char *t = gipr_template_name(r->template_);
    snprintf(set->template_, sizeof set->template_, "%s", t ? t : "");
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *x = &r->indicators[i];
        if (x->source != GIPR_SOURCE_TABLE || !is_form_code(x->code))
            continue;
        assert_true(set->n < MAX_ROWS);
        format_row(set->rows[set->n++], x->code, x->dim, x->value);
    }
    qsort(set->rows, (size_t)set->n, ROW_TEXT, compare_rows);
}

static int contains_row(const row_set *set, const char *row)
{
    return bsearch(row, set->rows, (size_t)set->n, ROW_TEXT, compare_rows) != NULL;
}

/* Every expected row found, nothing else (exact) or nothing not expected (subset). */
static int check_rows(const char *name, const row_set *want, const row_set *got, int exact)
{
    int bad = 0;
    for (int i = 0; exact && i < want->n; i++)
        if (!contains_row(got, want->rows[i])) {
            print_error("%s: missing %s\n", name, want->rows[i]);
            bad++;
        }
    for (int i = 0; i < got->n; i++)
        if (!contains_row(want, got->rows[i])) {
            print_error("%s: unexpected %s\n", name, got->rows[i]);
            bad++;
        }
    if (strcmp(want->template_, got->template_) != 0) {
        print_error("%s: template %s, expected %s\n", name, got->template_, want->template_);
        bad++;
    }
    return bad;
}

static void test_form_fixtures(void **state)
{
    (void)state;
    DIR *dir = opendir(GIPR_FIXTURES "/forms");
    assert_non_null(dir);
    static row_set want, got;
    int files = 0, bad = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 10 || strcmp(e->d_name + n - 9, ".expected") != 0)
            continue;
        char rel[512], txt[512];
        snprintf(rel, sizeof rel, "forms/%s", e->d_name);
        snprintf(txt, sizeof txt, "%s/forms/%.*s.txt", GIPR_FIXTURES, (int)(n - 9), e->d_name);
        FILE *probe = fopen(txt, "rb"); /* the report as text, or as a web page */
        if (probe)
            fclose(probe);
        snprintf(txt, sizeof txt, "forms/%.*s.%s", (int)(n - 9), e->d_name, probe ? "txt" : "html");
        load_expected(rel, &want);
        gipr_report *r = parse_fixture(txt);
        table_rows(r, &got);
        bad += check_rows(txt, &want, &got, 1);
        gipr_report_free(r);
        files++;
    }
    closedir(dir);
    assert_true(files >= 16);
    assert_int_equal(bad, 0);
}

static const char *const real_reports[] = {"014", "031", "032"};

/* pdftotext -layout keeps rows on their lines: every value read. */
static void test_real_layout_text(void **state)
{
    (void)state;
    static row_set want, got;
    int bad = 0;
    for (size_t i = 0; i < sizeof real_reports / sizeof *real_reports; i++) {
        char rel[64], txt[64];
        snprintf(rel, sizeof rel, "real/%s.expected", real_reports[i]);
        snprintf(txt, sizeof txt, "real/%s.layout.txt", real_reports[i]);
        load_expected(rel, &want);
        gipr_report *r = parse_fixture(txt);
        table_rows(r, &got);
        bad += check_rows(txt, &want, &got, 1);
        gipr_report_free(r);
    }
    assert_int_equal(bad, 0);
}

/* pdftotext's default reading order detaches numbers from labels and prints blocks column by
 * column: what is read must be right; what cannot be placed for certain is left out. */
static void test_real_default_text(void **state)
{
    (void)state;
    static row_set want, got;
    int bad = 0;
    for (size_t i = 0; i < sizeof real_reports / sizeof *real_reports; i++) {
        char rel[64], txt[64];
        snprintf(rel, sizeof rel, "real/%s.expected", real_reports[i]);
        snprintf(txt, sizeof txt, "real/%s.txt", real_reports[i]);
        load_expected(rel, &want);
        gipr_report *r = parse_fixture(txt);
        table_rows(r, &got);
        bad += check_rows(txt, &want, &got, 0);
        /* all of 014 and 031 but 表四: 014's cells come out of order, 031's own sums are wrong
         * (行政复议 10 1 0 0 总计 0), so neither order can be trusted */
        assert_int_equal(got.n, want.n - (strcmp(real_reports[i], "032") == 0 ? 0 : 15));
        gipr_report_free(r);
    }
    assert_int_equal(bad, 0);
}

/* Seed 004: 表二 scrambled; 本年增/减 of 行政事业性收费 and 采购总金额 printed after the captions.
 */
static void test_seed_004(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("004_21052089db41a3ba.txt");
    assert_int_equal(r->template_, GIPR_TEMPLATE_T2019);
    const gipr_indicator *x = find_indicator(r, "art20.licensing", "decisions", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 51563);
    x = find_indicator(r, "art20.fees", "change", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 9);
    x = find_indicator(r, "art20.procurement", "amount", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(fabs(x->value - 12525.58) < 1e-9);
    assert_true(x->is_real);
    assert_string_equal(x->raw, "12525.58万元");
    assert_string_equal(x->unit, "万元");
    x = find_indicator(r, "art20.procurement", "items", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_string_equal(x->unit, "项");
    /* no tables in sections 三 and 四 */
    assert_null(find_indicator(r, "request.new", "total", GIPR_SOURCE_TABLE));
    assert_null(find_indicator(r, "review.total", NULL, GIPR_SOURCE_TABLE));
    gipr_report_free(r);
}

/* Blank cells (——, /, -, empty) are no values, never 0. */
static void test_blank_cells(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("forms/t2021_blank_cells.txt");
    assert_null(find_indicator(r, "art20.regulations", "repealed", GIPR_SOURCE_TABLE));
    assert_non_null(find_indicator(r, "art20.regulations", "issued", GIPR_SOURCE_TABLE));
    assert_null(find_indicator(r, "request.result.refused.inquiry", "research", GIPR_SOURCE_TABLE));
    assert_non_null(
        find_indicator(r, "request.result.refused.inquiry", "business", GIPR_SOURCE_TABLE));
    gipr_report_free(r);
}

/* Amounts written in 元: the value in 万元, the raw cell as written. */
static void test_amount_in_yuan(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("forms/t2019_amount_yuan.txt");
    const gipr_indicator *x = find_indicator(r, "art20.procurement", "amount", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    size_t n = strlen(x->raw);
    assert_true(n > 3 && strcmp(x->raw + n - 3, "元") == 0);
    assert_true(fabs(x->value * 10000 - strtod(x->raw, NULL)) < 1e-3);
    assert_string_equal(x->unit, "万元");
    gipr_report_free(r);
}

/* The two forms' cues mixed: read, with a diagnostic. */
static void test_mixed_forms_diagnostic(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("forms/mixed_forms.txt");
    assert_int_equal(r->template_, GIPR_TEMPLATE_T2021);
    assert_non_null(r->diagnostics);
    assert_non_null(strstr(r->diagnostics, "section 三 the 2019 form"));
    /* 表三 keeps its own rows: （六）其他处理 with numbers, no sub-rows */
    assert_non_null(find_indicator(r, "request.result.other", "total", GIPR_SOURCE_TABLE));
    gipr_report_free(r);
}

/* The form comes from the tables, not from the year. */
static void test_form_not_from_year(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("forms/t2019_in_2022.txt");
    assert_int_equal(r->template_, GIPR_TEMPLATE_T2019);
    gipr_report_free(r);
    r = parse_fixture("forms/t2021_in_2020.txt");
    assert_int_equal(r->template_, GIPR_TEMPLATE_T2021);
    gipr_report_free(r);
}

static const char t2019_glued_row[] = "某局2020年政府信息公开工作年度报告\n"
                                      "二、主动公开政府信息情况\n"
                                      "第二十条第（一）项\n"
                                      "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n"
                                      "规章000规范性文件6233440\n"
                                      "第二十条第（六）项\n"
                                      "信息内容 上一年项目数量 本年增/减 处理决定数量\n"
                                      "行政处罚2648-18538\n"
                                      "三、收到和处理政府信息公开申请情况\n"
                                      "申请人情况\n"
                                      "一、本年新收政府信息公开申请数量21710000218\n"
                                      "五、存在的主要问题及改进情况\n"
                                      "无。\n";

/* Digits run together: cut where only one cut exists; where several do, only the cells all of
 * them agree on, with a diagnostic. */
static void test_glued_rows(void **state)
{
    (void)state;
    gipr_report *r = parse_text("glued.txt", t2019_glued_row);
    const char *dims[3] = {"new_made", "new_published", "total_public"};
    for (int i = 0; i < 3; i++) {
        const gipr_indicator *x =
            find_indicator(r, "art20.regulations", dims[i], GIPR_SOURCE_TABLE);
        assert_non_null(x);
        assert_true(x->value == 0);
        assert_null(find_indicator(r, "art20.normative_docs", dims[i], GIPR_SOURCE_TABLE));
    }
    const gipr_indicator *x = find_indicator(r, "art20.penalties", "prev_items", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 2648);
    assert_null(find_indicator(r, "art20.penalties", "change", GIPR_SOURCE_TABLE));
    assert_null(find_indicator(r, "art20.penalties", "decisions", GIPR_SOURCE_TABLE));
    x = find_indicator(r, "request.new", "natural_person", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 217);
    x = find_indicator(r, "request.new", "total", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 218);
    assert_non_null(r->diagnostics);
    assert_non_null(strstr(r->diagnostics, "6233440"));
    gipr_report_free(r);
    /* a label run together with the headings before it is given without them */
    r = parse_fixture("forms/t2021_glued.txt");
    x = find_indicator(r, "art20.fees", "amount", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_string_equal(x->label, "行政事业性收费");
    x = find_indicator(r, "request.new", "total", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_string_equal(x->label, "一、本年新收政府信息公开申请数量");
    gipr_report_free(r);
}

/* The report's own headings stay sections; the table rows 一、本年新收… never become ones. */
static void test_headings_stay_sections(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("forms/t2019_spaces.txt");
    static const char *const headings[] = {"主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                                           "政府信息公开行政复议、行政诉讼情况"};
    for (size_t h = 0; h < sizeof headings / sizeof *headings; h++) {
        int found = 0;
        for (int i = 0; i < r->nsections; i++)
            found |= r->sections[i].heading && strcmp(r->sections[i].heading, headings[h]) == 0;
        assert_true(found);
    }
    for (int i = 0; i < r->nsections; i++)
        assert_null(strstr(r->sections[i].heading ? r->sections[i].heading : "", "本年新收"));
    gipr_report_free(r);
}

/* Hubei's extra row keeps its numbers to itself. */
static void test_hubei_extra_row(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("forms/t2019_hubei.txt");
    for (int i = 0; i < r->nindicators; i++)
        assert_true(r->indicators[i].label == NULL ||
                    strstr(r->indicators[i].label, "其他主动公开文件") == NULL);
    const gipr_indicator *x = find_indicator(r, "art20.regulations", "new_made", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_non_null(strstr(x->label, "规章"));
    gipr_report_free(r);
}

/* A numbered heading that names a table's subject (（一）行政复议) stays a heading, and a caption
 * with no numbers under it is no table. */
static void test_headings_are_not_tables(void **state)
{
    (void)state;
    gipr_report *r = parse_text("narrative.txt", "某局2020年政府信息公开工作年度报告\n"
                                                 "一、总体情况\n"
                                                 "本局认真做好政府信息公开工作。\n"
                                                 "二、主动公开政府信息情况\n"
                                                 "第二十条第（一）项\n"
                                                 "三、收到和处理政府信息公开申请情况\n"
                                                 "本年度未收到申请。\n"
                                                 "四、政府信息公开行政复议、行政诉讼情况\n"
                                                 "（一）行政复议\n"
                                                 "本年度未发生政府信息公开行政复议案件。\n"
                                                 "五、存在的主要问题及改进情况\n"
                                                 "无。\n"
                                                 "六、其他需要报告的事项\n"
                                                 "无。\n");
    int top = 0;
    for (int i = 0; i < r->nsections; i++)
        top += r->sections[i].level == 1;
    assert_int_equal(top, 6);
    assert_int_equal(r->template_, GIPR_TEMPLATE_NONE);
    for (int i = 0; i < r->nindicators; i++)
        assert_false(is_form_code(r->indicators[i].code) &&
                     r->indicators[i].source == GIPR_SOURCE_TABLE);
    gipr_report_free(r);
}

/* Thousands separators and a leading + are parts of one number; raw keeps the cell as written. */
static void test_grouped_and_signed_numbers(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("forms/t2019_thousands_signs.txt");
    const gipr_indicator *x = find_indicator(r, "art20.licensing", "decisions", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 1018510);
    assert_string_equal(x->raw, "1,018,510");
    x = find_indicator(r, "art20.penalties", "change", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 11);
    assert_string_equal(x->raw, "+11");
    x = find_indicator(r, "art20.procurement", "amount", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(fabs(x->value - 1234.56) < 1e-9);
    assert_string_equal(x->raw, "1,234.56万元");
    gipr_report_free(r);
}

/* A merged cell's text repeated in each column: one value; under a heading whose cells disagree,
 * none, with a diagnostic. An HTML cell merged over columns is one cell. */
static void test_merged_cells_counted_once(void **state)
{
    (void)state;
    const char *files[] = {"forms/t2019_repeated_merged.txt", "forms/t2019_web_colspan.html"};
    for (size_t f = 0; f < 2; f++) {
        gipr_report *r = parse_fixture(files[f]);
        int regulations_published = 0;
        for (int i = 0; i < r->nindicators; i++)
            regulations_published += strcmp(r->indicators[i].code, "art20.regulations") == 0 &&
                                     r->indicators[i].dim &&
                                     strcmp(r->indicators[i].dim, "new_published") == 0;
        assert_int_equal(regulations_published, 1);
        if (f == 0) {
            assert_null(find_indicator(r, "art20.licensing", "change", GIPR_SOURCE_TABLE));
            assert_non_null(r->diagnostics);
            assert_non_null(strstr(r->diagnostics, "art20.licensing: the cells under the merged "
                                                   "heading change differ (7, 2)"));
        }
        gipr_report_free(r);
    }
}

/* 表三 with no row of （六）其他处理 does not say which form it follows: no mismatch reported. */
static void test_requests_without_form_cue(void **state)
{
    (void)state;
    gipr_report *r = parse_text("markdown.txt", "某市2025年政府信息公开工作年度报告\n"
                                                "二、主动公开政府信息情况\n"
                                                "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
                                                "|---|---|---|---|\n"
                                                "| 规章 | 3 | 0 | 15 |\n"
                                                "三、收到和处理政府信息公开申请情况\n"
                                                "| 一、本年新收政府信息公开申请数量 | 3746 | 63 | 0 "
                                                "| 0 | 19 | 2 | 3830 |\n"
                                                "四、政府信息公开行政复议、行政诉讼情况\n");
    assert_int_equal(r->template_, GIPR_TEMPLATE_T2021);
    assert_true(r->diagnostics == NULL || strstr(r->diagnostics, "2019 form") == NULL);
    const gipr_indicator *x = find_indicator(r, "request.new", "total", GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 3830);
    gipr_report_free(r);
}

/* The statistics table of the old form, whole or only its rows 行政复议数 and 行政诉讼数, as
 * text and as a web page: no table of the forms, no row of theirs, not their template. */
static void test_legacy_table_is_no_form(void **state)
{
    (void)state;
    static const char *const files[] = {
        "forms/not_form_legacy_fujian.txt", "forms/not_form_legacy_fujian.html",
        "forms/not_form_legacy_reviews.txt", "forms/not_form_legacy_reviews.html"};
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        gipr_report *r = parse_fixture(files[f]);
        if (r->template_ == GIPR_TEMPLATE_T2019 || r->template_ == GIPR_TEMPLATE_T2021)
            fail_msg("%s: template %s", files[f], gipr_template_name(r->template_));
        for (int i = 0; i < r->nindicators; i++) {
            const gipr_catalog_entry *e = gipr_catalog_find(r->indicators[i].code);
            assert_non_null(e);
            if (!strstr(e->templates, "legacy"))
                fail_msg("%s: row %s of the forms", files[f], e->code);
        }
        assert_true(!r->diagnostics || !strstr(r->diagnostics, "section 四"));
        gipr_report_free(r);
    }
}

static const char split_reviews_page[] =
    "<html><body><p>某局2021年政府信息公开工作年度报告</p>"
    "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
    "<table border=\"1\"><tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>"
    "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
    "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
    "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>"
    "</table>%s<table border=\"1\"><tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>"
    "<td>2</td><td>0</td><td>0</td><td>0</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td>"
    "<td>0</td></tr></table><p>五、存在的主要问题及改进情况</p></body></html>";

/* 表四 cut by a page break: its row of numbers, alone in the next <table>, is read when only the
 * break stands between the parts, and never across a paragraph of the report. */
static void test_page_split_continuation(void **state)
{
    (void)state;
    char page[4096];
    snprintf(page, sizeof page, split_reviews_page, "<p>&nbsp;</p><p>- 5 -</p>");
    gipr_report *r = parse_text("split.html", page);
    const gipr_indicator *x = find_indicator(r, "litigation.direct.total", NULL, GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 2);
    x = find_indicator(r, "review.upheld", NULL, GIPR_SOURCE_TABLE);
    assert_non_null(x);
    assert_true(x->value == 1);
    gipr_report_free(r);
    snprintf(page, sizeof page, split_reviews_page,
             "<p>本机关全年未发生行政复议和行政诉讼案件之外的其他情况。</p>");
    r = parse_text("apart.html", page);
    assert_null(find_indicator(r, "review.upheld", NULL, GIPR_SOURCE_TABLE));
    gipr_report_free(r);
}

/* The diagnostics never say a cell was left out that the report then holds: numbers of 表三 its
 * labels could not place are reported left out only when reading the whole table in the form's
 * order did not recover them, and digits run together only once it is known what became of them. */
static void test_diagnostics_agree_with_rows(void **state)
{
    (void)state;
    static const char *const files[] = {"real/031.txt", "real/032.txt"};
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        gipr_report *r = parse_fixture(files[f]);
        assert_non_null(r->diagnostics);
        assert_non_null(strstr(r->diagnostics, "161 of 161 cells certain"));
        assert_null(strstr(r->diagnostics, "could not be placed"));
        gipr_report_free(r);
    }
    /* numbers that add up in no order stay out, and say so */
    gipr_report *r = parse_text("apart.txt", "某局2020年政府信息公开工作年度报告\n"
                                             "三、收到和处理政府信息公开申请情况\n"
                                             "申请人情况\n"
                                             "1 2 3 4 5 6 7\n"
                                             "一、本年新收政府信息公开申请数量\n"
                                             "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
                                             "五、存在的主要问题及改进情况\n"
                                             "无。\n");
    assert_non_null(r->diagnostics);
    assert_non_null(strstr(r->diagnostics, "7 numbers of the table of section 三 stand apart"));
    assert_null(find_indicator(r, "request.new", "total", GIPR_SOURCE_TABLE));
    assert_non_null(find_indicator(r, "request.carried_in", "total", GIPR_SOURCE_TABLE));
    gipr_report_free(r);
    /* digits of 表三 run together that the column sums settle: said once, as settled */
    r = parse_fixture("forms/t2021_glued.txt");
    assert_non_null(r->diagnostics);
    assert_non_null(strstr(r->diagnostics, "request.result.granted: digits '033300036' settled"));
    assert_null(strstr(r->diagnostics, "request.result.granted: digits '033300036' can be cut"));
    gipr_report_free(r);
}

/* Each file's diagnostic says what was recognised or why a table was left out (the rows
 * themselves are asserted exactly by test_form_fixtures). */
static void test_page_numbers_and_unlabelled_tables(void **state)
{
    (void)state;
    static const struct {
        const char *file, *said;
    } cases[] = {
        {"forms/t2021_bare_page_number.txt", "line 77: '3' inside the table is a page number"},
        {"forms/t2021_bare_page_number.txt", "line 283: '4' inside the table is a page number"},
        {"forms/t2019_requests_unlabelled.txt", "its 161 numbers read in the form's order"},
        {"forms/t2021_requests_unlabelled_rows.txt", "its 175 numbers read in the form's order"},
        {"forms/t2019_requests_unlabelled_swapped.txt", "do not add up in the form's order"},
        {"forms/t2019_requests_unlabelled_short.txt", "160 numbers without row labels"},
        {"forms/t2019_art20_no_headings_short.txt", "cell counts fit neither form; left out"},
        {"forms/t2019_reviews_page_number_sequence.txt", "line 84: '5' inside the table is a page"},
        {"forms/t2019_reviews_page_number_no_sums.txt", "section 四 gives more cells instead of 15"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gipr_report *r = parse_fixture(cases[i].file);
        if (!r->diagnostics || !strstr(r->diagnostics, cases[i].said))
            fail_msg("%s: no diagnostic '%s' in:\n%s", cases[i].file, cases[i].said,
                     r->diagnostics ? r->diagnostics : "(none)");
        gipr_report_free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_form_fixtures),
        cmocka_unit_test(test_real_layout_text),
        cmocka_unit_test(test_real_default_text),
        cmocka_unit_test(test_seed_004),
        cmocka_unit_test(test_blank_cells),
        cmocka_unit_test(test_amount_in_yuan),
        cmocka_unit_test(test_mixed_forms_diagnostic),
        cmocka_unit_test(test_form_not_from_year),
        cmocka_unit_test(test_glued_rows),
        cmocka_unit_test(test_headings_stay_sections),
        cmocka_unit_test(test_hubei_extra_row),
        cmocka_unit_test(test_headings_are_not_tables),
        cmocka_unit_test(test_grouped_and_signed_numbers),
        cmocka_unit_test(test_merged_cells_counted_once),
        cmocka_unit_test(test_requests_without_form_cue),
        cmocka_unit_test(test_legacy_table_is_no_form),
        cmocka_unit_test(test_page_split_continuation),
        cmocka_unit_test(test_diagnostics_agree_with_rows),
        cmocka_unit_test(test_page_numbers_and_unlabelled_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
