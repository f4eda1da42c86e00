/* The legacy statistics table and the 申请来源统计表: every seed's table rows equal the golden
 * file's, and each text layout (tabs, pipes, run-together, one cell per line, wrapped labels,
 * HTML) reads to exact values. */
#include "testutil.h"

#include "cells.h"
#include "internal.h"
#include "tables.h"

#include <math.h>

static gipr_report *parse_fixture(const char *rel)
{
    size_t len;
    char *bytes = read_fixture(rel, &len);
    gipr_report *r = gipr_report_new();
    assert_non_null(r);
    assert_int_equal(gipr_parse(r, rel, bytes, len, NULL), 0);
    free(bytes);
    return r;
}

/* ---- the seeds against golden/indicators.tsv ------------------------------------------------- */

typedef struct {
    char code[96], dim[16];
    double value;
} golden_row;

/* The golden table rows of one file. Returns their count. */
static int load_golden(const char *file, golden_row *rows, int cap)
{
    size_t len;
    char *text = read_fixture("golden/indicators.tsv", &len);
    int n = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *f[6] = {0};
        int k = 0;
        for (char *p = line; k < 6; k++) {
            f[k] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = 0;
            p = tab + 1;
        }
        if (line[0] == '#' || k < 5 || strcmp(f[0], file) != 0 || strcmp(f[4], "table") != 0)
            continue;
        assert_true(n < cap);
        snprintf(rows[n].code, sizeof rows[n].code, "%s", f[1]);
        snprintf(rows[n].dim, sizeof rows[n].dim, "%s", f[2]);
        rows[n].value = strtod(f[3], NULL);
        n++;
    }
    free(text);
    return n;
}

/* Every golden table value is read, and the report has no other table value. */
static void check_seed(const char *file)
{
    golden_row rows[128];
    int n = load_golden(file, rows, 128);
    assert_true(n > 0);
    gipr_report *r = parse_fixture(file);
    assert_int_equal(r->template_, GIPR_TEMPLATE_LEGACY);
    for (int i = 0; i < n; i++) {
        const gipr_indicator *d =
            find_indicator(r, rows[i].code, rows[i].dim[0] ? rows[i].dim : NULL, GIPR_SOURCE_TABLE);
        if (!d)
            fail_msg("%s: %s[%s] not read", file, rows[i].code, rows[i].dim);
        if (fabs(d->value - rows[i].value) > 1e-9)
            fail_msg("%s: %s[%s] = %g, golden %g", file, rows[i].code, rows[i].dim, d->value,
                     rows[i].value);
    }
    int table_rows = 0;
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *d = &r->indicators[i];
        if (d->source != GIPR_SOURCE_TABLE)
            continue;
        table_rows++;
        int known = 0;
        for (int j = 0; j < n && !known; j++)
            known = strcmp(rows[j].code, d->code) == 0 &&
                    strcmp(rows[j].dim, d->dim ? d->dim : "") == 0;
        if (!known)
            fail_msg("%s: %s[%s] = %g read, not in the golden file", file, d->code,
                     d->dim ? d->dim : "", d->value);
    }
    assert_int_equal(table_rows, n);
    gipr_report_free(r);
}

static void test_seed_000_tab_cells(void **state)
{
    (void)state;
    check_seed("000_9c1c927b118ce9fd.txt");
}
static void test_seed_001_cell_per_line(void **state)
{
    (void)state;
    check_seed("001_89dbaf428c88ecd3.txt");
}
static void test_seed_002_run_together(void **state)
{
    (void)state;
    check_seed("002_66303b07f01cbbb2.txt");
}
static void test_seed_003_jiangsu(void **state)
{
    (void)state;
    check_seed("003_4594e221d75b7af2.txt");
}

/* ---- synthetic layouts ----------------------------------------------------------------------- */

typedef struct {
    const char *code, *dim;
    double value;
    const char *unit;
    int is_real;
    const char *raw;
} expect;

/* The table rows of the report are exactly `want`, in this order. */
static void check_rows(const gipr_report *r, const expect *want, int n)
{
    int k = 0;
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *d = &r->indicators[i];
        if (d->source != GIPR_SOURCE_TABLE)
            continue;
        if (k >= n)
            fail_msg("unexpected %s = %g", d->code, d->value);
        const expect *w = &want[k++];
        assert_string_equal(d->code, w->code);
        if (w->dim)
            assert_string_equal(d->dim, w->dim);
        else
            assert_null(d->dim);
        if (fabs(d->value - w->value) > 1e-9)
            fail_msg("%s = %g, expected %g", d->code, d->value, w->value);
        assert_string_equal(d->unit, w->unit);
        assert_int_equal(d->is_real, w->is_real);
        assert_string_equal(d->raw, w->raw);
        assert_true(d->line > 0);
        assert_non_null(d->label);
    }
    assert_int_equal(k, n);
}

static void test_tab_columns(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/tabs.txt");
    static const expect want[] = {
        {"active.total", NULL, 12345, "条", 0, "12345"}, /* １２３４５: raw is normalised text */
        {"active.normative", NULL, 12, "条", 0, "12"},
        /* 制发规范性文件总数 "/" and 1.政府公报… blank: no row */
        {"active.via_website", NULL, 1234, "条", 0, "1,234"},
        {"request.received", NULL, 12, "件", 0, "12"},
        {"review.total", NULL, 3, "件", 0, "3"},
        {"review.upheld", NULL, 2, "件", 0, "2"},
        {"review.corrected", NULL, 1, "件", 0, "1"},
        /* review.other "——": no row */
        {"litigation.total", NULL, 4, "件", 0, "4"},
        {"litigation.upheld", NULL, 1, "件", 0, "1"},
        {"litigation.corrected", NULL, 2, "件", 0, "2"},
        {"litigation.other", NULL, 1, "件", 0, "1"},
        {"fees.total", NULL, 0.15, "万元", 1, "1500"}, /* 1500 元 */
        {"org.budget", NULL, 12.5, "万元", 1, "12.5"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d = find_indicator(r, "active.total", NULL, GIPR_SOURCE_TABLE);
    assert_string_equal(d->label, "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)");
    assert_int_equal(d->line, 8);
    assert_int_equal(r->template_, GIPR_TEMPLATE_LEGACY);
    gipr_report_free(r);
}

static void test_pipe_rows_with_more_columns(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/pipes.txt");
    static const expect want[] = {
        {"active.total", NULL, 500, "条", 0, "500"},
        {"response.hotspots", NULL, 40, "次", 0, "40"},
        {"complaints.total", NULL, 0, "件", 0, "0"},
        {"org.units", NULL, 7, "个", 0, "7"},
        {"org.reading_points", NULL, 9, "个", 0, "9"},
        {"org.budget", NULL, 25, "万元", 1, "250000"}, /* 元 */
        {"training.trainees", NULL, 44000, "人次", 0, "4.4万"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    /* the header names 合计 the value: the 市本级 column is not read, and the report says so */
    assert_non_null(r->diagnostics);
    assert_non_null(strstr(r->diagnostics, "the 合计 column was read, 市本级 left out (7 number(s))"));
    assert_null(strstr(r->diagnostics, "more than one number"));
    gipr_report_free(r);
}

/* ---- several value columns: the header says which is the report's ------------------------- */

/* 上年 | 本年 in tab columns: 本年 is read wherever it stands; its dash or blank cell leaves the row
 * out (上年's number is never taken instead). */
static void test_this_year_column(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/year_columns_tabs.txt");
    static const expect want[] = {
        {"active.total", NULL, 420, "条", 0, "420"},
        /* 主动公开规范性文件数 —— this year, 收到申请数 blank this year: no row */
        {"request.received.in_person", NULL, 6, "件", 0, "6"},
        {"review.total", NULL, 1, "件", 0, "1"},
        {"fees.total", NULL, 0.05, "万元", 1, "500"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "the 本年 column was read, 上年 left out (6 number(s))"));
    gipr_report_free(r);
}

/* 2016年度 | 历年累计 in PDF layout text (wide gaps): the year's column. */
static void test_year_and_cumulative_columns(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/year_columns_gaps.txt");
    static const expect want[] = {
        {"active.total", NULL, 1200, "条", 0, "1200"},
        {"request.received", NULL, 35, "件", 0, "35"},
        {"complaints.total", NULL, 0, "件", 0, "0"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "the 2016年度 column was read, 历年累计 left out"));
    gipr_report_free(r);
}

/* 统计数 | 备注 one cell a line, the header cells first: a dash under 统计数 leaves the row out
 * even when 备注 holds a number. */
static void test_remark_column_one_cell_a_line(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/remark_column_lines.txt");
    static const expect want[] = {
        {"active.total", NULL, 860, "条", 0, "860"},
        {"request.received.in_person", NULL, 12, "件", 0, "12"},
        {"review.total", NULL, 4, "件", 0, "4"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "the 统计数 column was read, 备注 left out (2 number(s))"));
    gipr_report_free(r);
}

/* 合计 | 市本级 | 县(市、区) in an HTML table: 合计 by its column; a blank 合计 cell is no row. */
static void test_total_and_parts_columns_html(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/total_columns.html");
    static const expect want[] = {
        {"active.total", NULL, 5200, "条", 0, "5200"},
        {"request.received", NULL, 80, "件", 0, "80"},
        {"review.total", NULL, 6, "件", 0, "6"},
        {"org.budget", NULL, 35.5, "万元", 1, "35.5"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "the 合计 column was read, 市本级、县(市、区) left out"));
    gipr_report_free(r);
}

/* 本年 | 合计: two columns claim the value, so the header decides nothing: the first number is
 * read, as without a header, and the report says so. */
static void test_ambiguous_value_columns(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/ambiguous_columns.txt");
    static const expect want[] = {
        {"active.total", NULL, 300, "条", 0, "300"},
        {"request.received", NULL, 11, "件", 0, "11"},
        {"review.total", NULL, 2, "件", 0, "2"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "3 row(s) of the statistics table have more than one number"));
    assert_null(strstr(r->diagnostics, "column was read"));
    gipr_report_free(r);
}

static void test_run_together(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/runtogether.txt");
    static const expect want[] = {
        {"active.total", NULL, 1026, "条", 0, "1026条"}, /* １０２６条 */
        {"active.via_gazette", NULL, 0, "条", 0, "0条"},
        {"active.via_website", NULL, 642, "条", 0, "642条"},
        {"request.received", NULL, 8, "件", 0, "8件"},
        {"request.answered.refused", NULL, 2, "件", 0, "2件"},
        {"request.answered.refused.state_secret", NULL, 1, "件", 0, "1件"},
        {"request.answered.refused.not_gov_info", NULL, 1, "件", 0, "1件"},
        {"review.total", NULL, 0, "件", 0, "0件"},
        /* (一)维持具体行政行为数 with nothing after it: no row */
        {"fees.total", NULL, 0, "万元", 1, "0万元"},
        {"org.budget", NULL, 0.3, "万元", 1, "3000元"},
        {"training.trainees", NULL, 30, "人次", 0, "30人次"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    gipr_report_free(r);
}

static void test_wrapped_labels_and_source_table(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/wrapped.txt");
    static const expect want[] = {
        {"request.answered.refused", NULL, 5, "件", 0, "5"},
        {"request.answered.refused.state_secret", NULL, 1, "件", 0, "1"},
        {"request.answered.refused.security", NULL, 2, "件", 0, "2"}, /* wrapped over 2 lines */
        {"request.answered.refused.other_law", NULL, 2, "件", 0, "2"},
        {"litigation.total", NULL, 6, "件", 0, "6"},
        {"litigation.upheld", NULL, 3, "件", 0, "3"}, /* 具有 for 具体 */
        {"litigation.corrected", NULL, 3, "件", 0, "3"},
        {"org.reading_points", NULL, 11, "个", 0, "11"}, /* without 设置 */
        {"org.documents_transferred", NULL, 150, "件", 0, "150"},
        {"org.staff", NULL, 20, "人", 0, "20"},      /* numbered (四) after the Jiangsu row */
        {"org.budget", NULL, 8.5, "万元", 1, "8.5"}, /* parenthetical wrapped, unit cell */
        /* 一、党政机关 —— ——: no row */
        {"request.source.citizen", "count", 10, "件", 0, "10"},
        {"request.source.citizen", "share", 83.3, "%", 1, "83.3%"},
        {"request.source.citizen.lawyer", "count", 2, "件", 0, "2"},
        {"request.source.citizen.lawyer", "share", 16.7, "%", 1, "16.7%"},
        {"request.source.other", "count", 2, "件", 0, "2"},
        {"request.source.other", "share", 16.7, "%", 1, "16.7"}, /* second number: share */
        {"request.source.total", "count", 12, "件", 0, "12"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d = find_indicator(r, "request.answered.refused.security", NULL, 0);
    assert_string_equal(d->label, "危及国家安全、公共安全、经济安全和社会稳定");
    gipr_report_free(r);
}

/* Rows whose cells lost their separators, or kept single spaces only. */
static void test_flattened_rows(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/flattened.txt");
    static const expect want[] = {
        {"active.total", NULL, 256540, "条", 0, "256540"}, /* … 条 256540 */
        {"active.normative", NULL, 745, "条", 0, "745"},   /* …数条745 */
        /* 制发规范性文件总数件——: no row */
        {"active.via_other", NULL, 44000, "条", 0, "4.4万多"},
        {"request.received", NULL, 15, "件", 0, "15件"}, /* 收到申请数：15件 */
        {"fees.total", NULL, 0, "万元", 1, "0"},
        {"org.budget", NULL, 3.2, "万元", 1, "3.2万元"},
        {"request.source.party_gov", "count", 5, "件", 0, "5"},
        {"request.source.party_gov", "share", 4.2, "%", 1, "4.2%"},
        {"request.source.citizen", "count", 1038, "件", 0, "1038"},
        {"request.source.citizen", "share", 87.15, "%", 1, "87.15%"},
        {"request.source.other", "share", 3, "%", 1, "3%"}, /* the count is —— */
        {"request.source.total", "count", 1043, "件", 0, "1043"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d = find_indicator(r, "active.via_other", NULL, 0);
    assert_string_equal(d->qualifier, "多");
    assert_string_equal(d->label, "5.其他方式公开政府信息数");
    assert_string_equal(find_indicator(r, "active.total", NULL, 0)->label,
                        "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)");
    assert_null(find_indicator(r, "active.total", NULL, 0)->qualifier);
    gipr_report_free(r);
}

/* PDF text taken column by column: all labels, then all numbers. Paired in order when the counts
 * agree; otherwise nothing is read (never a number on the wrong row), and the report says why. */
static void test_labels_apart_from_numbers(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/columns.txt");
    static const expect want[] = {
        {"active.total", NULL, 1200, "条", 0, "1200"},
        {"active.normative", NULL, 15, "条", 0, "15"},
        {"active.normative_issued", NULL, 3, "件", 0, "3"},
        {"response.hotspots", NULL, 40, "次", 0, "40"},
        {"review.total", NULL, 5, "件", 0, "5"},
        {"review.upheld", NULL, 2, "件", 0, "2"},
        {"review.corrected", NULL, 1, "件", 0, "1"},
        {"review.other", NULL, 2, "件", 0, "2"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "paired in order"));
    assert_int_equal(find_indicator(r, "review.other", NULL, 0)->line, 23);
    gipr_report_free(r);

    r = parse_fixture("legacy/columns_mismatch.txt");
    check_rows(r, NULL, 0);
    assert_non_null(strstr(r->diagnostics, "cannot be paired"));
    gipr_report_free(r);
}

/* The list numbers in a column of their own (序号): the block still comes from 四、 and 五、. */
static void test_number_column(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/number_column.txt");
    static const expect want[] = {
        {"active.total", NULL, 100, "条", 0, "100"},
        {"review.total", NULL, 5, "件", 0, "5"},
        {"review.upheld", NULL, 3, "件", 0, "3"},
        {"litigation.total", NULL, 2, "件", 0, "2"},
        {"litigation.corrected", NULL, 1, "件", 0, "1"}, /* under 五: not review.corrected */
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    gipr_report_free(r);
}

/* A serial-number column (序号 1, 2, 3 … before each label) numbers the rows: no serial is read
 * as a value, and a row whose value cell is blank gets no row rather than the next serial. */
static void test_serial_number_column(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/serial_column.txt");
    static const expect want[] = {
        {"active.total", NULL, 3210, "条", 0, "3210"},
        /* 1.政府公报… blank: not 4 */
        {"active.via_website", NULL, 3000, "条", 0, "3000"},
        {"request.received", NULL, 40, "件", 0, "40"},
        {"request.received.in_person", NULL, 10, "件", 0, "10"},
        /* 2.传真申请数 blank: not 9 */
        {"review.total", NULL, 2, "件", 0, "2"},
        {"review.upheld", NULL, 2, "件", 0, "2"},
        /* (二)被依法纠错数 and 六、举报投诉数量 blank: not 12 */
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_true(r->diagnostics == NULL || strstr(r->diagnostics, "belongs to no row") == NULL);
    gipr_report_free(r);

    /* numbered anew in each block (1, 2 / 1, 2 / 1, 2, 3): still no values */
    r = parse_fixture("legacy/serial_restart.txt");
    static const expect restart[] = {
        {"active.total", NULL, 3210, "条", 0, "3210"},
        {"litigation.total", NULL, 1, "件", 0, "1"},
        {"litigation.corrected", NULL, 1, "件", 0, "1"},
    };
    check_rows(r, restart, (int)(sizeof restart / sizeof restart[0]));
    gipr_report_free(r);
}

/* A 代码 column (01, 02, …) between the unit and the value: the codes are no values, and a row
 * whose value is blank gets no row rather than its code. Header rows give no values either. */
static void test_code_column(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/code_column.txt");
    static const expect want[] = {
        {"active.total", NULL, 540, "条", 0, "540"},
        {"active.normative", NULL, 12, "条", 0, "12"},
        {"request.received", NULL, 9, "件", 0, "9"},
        {"request.received.in_person", NULL, 2, "件", 0, "2"},
        /* 2.传真申请数 blank: not 5 */
        {"request.received.online", NULL, 6, "件", 0, "6"},
        {"request.received.letter", NULL, 1, "件", 0, "1"},
        /* 四、行政复议数量 and 五、行政诉讼数量 blank: not 8, 9 */
        {"complaints.total", NULL, 1, "件", 0, "1"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_true(r->diagnostics == NULL || strstr(r->diagnostics, "more than one number") == NULL);
    /* the column index row 甲 乙 丙 1 heads the columns: its 1 is nobody's */
    assert_true(r->diagnostics == NULL || strstr(r->diagnostics, "belongs to no row") == NULL);
    gipr_report_free(r);

    /* the header repeated after a page break, with the year over the value column: the 2016 of
     * it is no value of (二)被依法纠错数, whose own cell is blank */
    r = parse_fixture("legacy/header_repeated.txt");
    static const expect header[] = {
        {"review.total", NULL, 1, "件", 0, "1"},
        {"review.upheld", NULL, 1, "件", 0, "1"},
        {"review.other", NULL, 0, "件", 0, "0"},
        {"litigation.total", NULL, 0, "件", 0, "0"},
    };
    check_rows(r, header, (int)(sizeof header / sizeof header[0]));
    gipr_report_free(r);
}

/* The 申请来源统计表 closed by 合计: its count is the total, its 100% no value (the total has no
 * share). */
static void test_source_table_total_row(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/source_total.txt");
    static const expect want[] = {
        {"request.source.party_gov", "count", 2, "件", 0, "2"},
        {"request.source.party_gov", "share", 4, "%", 1, "4"},
        {"request.source.social_org", "count", 0, "件", 0, "0"},
        {"request.source.social_org", "share", 0, "%", 1, "0"},
        {"request.source.enterprise", "count", 8, "件", 0, "8"},
        {"request.source.enterprise", "share", 16, "%", 1, "16"},
        {"request.source.citizen", "count", 39, "件", 0, "39"},
        {"request.source.citizen", "share", 78, "%", 1, "78"},
        {"request.source.citizen.lawyer", "count", 5, "件", 0, "5"},
        {"request.source.citizen.lawyer", "share", 10, "%", 1, "10"},
        {"request.source.other", "count", 1, "件", 0, "1"},
        {"request.source.other", "share", 2, "%", 1, "2"},
        {"request.source.total", "count", 50, "件", 0, "50"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    gipr_report_free(r);
}

/* Labels as some reports write them: a closing quote before the value (危及“三安全一稳定”), and
 * the unit in the label's parentheses (费用（元）: converted to 万元). */
static void test_label_variants(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/label_variants.txt");
    static const expect want[] = {
        {"request.answered", NULL, 6, "件", 0, "6"},
        {"request.answered.refused", NULL, 2, "件", 0, "2"},
        {"request.answered.refused.state_secret", NULL, 1, "件", 0, "1"},
        {"request.answered.refused.security", NULL, 1, "件", 0, "1"},
        {"fees.total", NULL, 0.15, "万元", 1, "1500"},
        {"org.budget", NULL, 2.5, "万元", 1, "25000"},
        {"training.trainees", NULL, 30, "人次", 0, "30"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d =
        find_indicator(r, "request.answered.refused.security", NULL, GIPR_SOURCE_TABLE);
    assert_string_equal(d->label, "危及“三安全一稳定”");
    gipr_report_free(r);
}

/* List numbers written as enclosed characters (㈠ ⑴ ①) or with one bracket (3)) are list
 * numbers like (一) and 1.: the labels behind them are rows. */
static void test_enclosed_list_numbers(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/list_marks.txt");
    static const expect want[] = {
        {"request.received", NULL, 10, "件", 0, "10"},
        {"request.received.in_person", NULL, 2, "件", 0, "2"},
        {"request.received.fax", NULL, 0, "件", 0, "0"},
        {"request.received.online", NULL, 8, "件", 0, "8"},
        {"request.received.letter", NULL, 0, "件", 0, "0"},
        {"request.closed", NULL, 10, "件", 0, "10"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    gipr_report_free(r);
}

/* Values as cells write them: a unit in brackets (1026（条）), a remark in brackets (0（无）),
 * approximate (约12条, 1000余条, 1000多), a unit after a space. */
static void test_value_forms(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/value_forms.txt");
    static const expect want[] = {
        {"active.total", NULL, 1026, "条", 0, "1026(条)"},
        {"active.normative", NULL, 12, "条", 0, "约12条"},
        {"active.normative_issued", NULL, 15, "件", 0, "15 件"},
        {"active.via_gazette", NULL, 1000, "条", 0, "1000余条"},
        {"active.via_website", NULL, 1000, "条", 0, "1000多"},
        {"active.via_weibo", NULL, 0, "条", 0, "0(无)"},
        {"active.via_wechat", NULL, 120, "条", 0, "120"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d = find_indicator(r, "active.normative", NULL, GIPR_SOURCE_TABLE);
    assert_string_equal(d->qualifier, "约");
    gipr_report_free(r);
}

/* An older reporting form (统计报表, 指标名称 | 计量单位 | 代码 | 本期实际 | 本年累计) as text one
 * cell a line behind pipes: the table is found below its long header, the codes counting up after
 * each unit (01 02 03 … 33) are no values, rows such as 其中:1.当面申请数 are read, rows of the
 * older form that are not in the catalog (申请总数, 网上申请数) give no row. */
static void test_code_column_one_cell_a_line(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/code_column_lines.txt");
    static const expect want[] = {
        /* the unit is the catalog's (件), whatever the form writes (条) */
        {"request.received.in_person", NULL, 2, "件", 0, "2"},
        /* 2.传真申请数: blank, not its code 12 */
        {"request.received.letter", NULL, 1, "件", 0, "1"},
        {"request.answered.granted", NULL, 6, "件", 0, "6"},
        {"request.answered.partly_granted", NULL, 1, "件", 0, "1"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_int_equal(r->template_, GIPR_TEMPLATE_LEGACY);
    gipr_report_free(r);
}

/* PDF text with a label wrapped around its value (召开…专题会 / 次 2 / 议数): the value waits for
 * the rest of the label, also on the table's last row. */
static void test_value_inside_wrapped_label(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/value_inside_label.txt");
    static const expect want[] = {
        {"org.staff", NULL, 5, "人", 0, "5"},
        {"org.staff.full_time", NULL, 2, "人", 0, "2"},
        {"org.staff.part_time", NULL, 3, "人", 0, "3"},
        {"training.meetings", NULL, 2, "次", 0, "2"},
        {"training.classes", NULL, 1, "次", 0, "1"},
        {"training.trainees", NULL, 60, "人次", 0, "60"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d = find_indicator(r, "training.meetings", NULL, GIPR_SOURCE_TABLE);
    assert_string_equal(d->label, "(一)召开政府信息公开工作会议或专题会议数");
    gipr_report_free(r);
}

/* PDF layout text puts the number vertically centred on a label wrapped over lines, so it may
 * come on the line above the label's first part: it is read for the row below when that row has
 * no number of its own (227); when both rows around it have theirs (2, 12) it is nobody's. */
static void test_value_before_its_label(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/value_before_label.txt");
    static const expect want[] = {
        {"org.units", NULL, 3, "个", 0, "3"},
        {"org.reading_points", NULL, 9, "个", 0, "9"},
        {"org.staff", NULL, 227, "人", 0, "227"},
        {"org.staff.full_time", NULL, 20, "人", 0, "20"},
        {"org.staff.part_time", NULL, 207, "人", 0, "207"},
        {"training.meetings", NULL, 4, "次", 0, "4"},
        {"training.classes", NULL, 6, "次", 0, "6"},
        {"training.trainees", NULL, 300, "人次", 0, "300"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d = find_indicator(r, "org.staff", NULL, GIPR_SOURCE_TABLE);
    assert_string_equal(d->label, "(三)从事政府信息公开工作人员数");
    assert_int_equal(d->line, 7);
    assert_non_null(strstr(r->diagnostics, "line 14: a number in the statistics table stands "
                                           "between two rows and could be either's"));
    assert_non_null(strstr(r->diagnostics, "line 17: a number"));
    assert_null(strstr(r->diagnostics, "line 7: a number"));
    gipr_report_free(r);
}

/* A whole table flattened into one line of text (cells joined without gaps): cut before each
 * list number, 其中: and label, and read row by row; the section after it stays text. */
static void test_table_in_one_line(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/one_line.txt");
    static const expect want[] = {
        {"active.total", NULL, 418, "条", 0, "418"},
        {"active.normative", NULL, 3, "条", 0, "3"},
        {"active.normative_issued", NULL, 4, "件", 0, "4"},
        {"request.received", NULL, 7, "件", 0, "7"},
        {"request.received.in_person", NULL, 2, "件", 0, "2"},
        /* 2.传真申请数件—: no row */
        {"request.received.online", NULL, 5, "件", 0, "5"},
        {"request.received.letter", NULL, 0, "件", 0, "0"},
        {"review.total", NULL, 1, "件", 0, "1"},
        {"review.upheld", NULL, 1, "件", 0, "1"},
        {"litigation.total", NULL, 0, "件", 0, "0"},
        {"complaints.total", NULL, 0, "件", 0, "0"},
        {"fees.total", NULL, 0.5, "万元", 1, "0.5"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d = find_indicator(r, "active.normative", NULL, GIPR_SOURCE_TABLE);
    assert_string_equal(d->label, "其中:主动公开规范性文件数");
    assert_int_equal(d->line, 5);
    assert_true(r->diagnostics == NULL || strstr(r->diagnostics, "statistics table") == NULL);
    gipr_report_free(r);
}

/* PDF text taken column by column: all labels, then all units, then all values. The unit
 * column's dashes are no values; its units pair with the rows too (300 元 is 0.03 万元). */
static void test_labels_units_and_values_apart(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/columns_units.txt");
    static const expect want[] = {
        {"request.received", NULL, 20, "件", 0, "20"},
        {"request.received.in_person", NULL, 5, "件", 0, "5"},
        {"request.received.online", NULL, 15, "件", 0, "15"},
        {"review.total", NULL, 2, "件", 0, "2"},
        {"fees.total", NULL, 0.03, "万元", 1, "300"},
        {"org.budget", NULL, 1.5, "万元", 1, "1.5"},
        {"training.trainees", NULL, 40, "人次", 0, "40"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "paired in order"));
    gipr_report_free(r);
}

/* The three runs repeated on each page, with nothing between a page's units and its numbers: the
 * unit column is gathered over the pages and still pairs row by row (300 元 and 15000 元). */
static void test_labels_units_and_values_apart_over_pages(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/columns_units_pages.txt");
    static const expect want[] = {
        {"request.received", NULL, 20, "件", 0, "20"},
        {"request.received.in_person", NULL, 5, "件", 0, "5"},
        {"request.received.online", NULL, 15, "件", 0, "15"},
        {"review.total", NULL, 2, "件", 0, "2"},
        {"fees.total", NULL, 0.03, "万元", 1, "300"},
        {"org.budget", NULL, 1.5, "万元", 1, "15000"},
        {"training.trainees", NULL, 40, "人次", 0, "40"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "paired in order"));
    gipr_report_free(r);
}

/* A unit column with a cell lost pairs with no row: amounts are left out (元 or 万元 cannot be
 * told) and the report says so; counts are read as before. */
static void test_unpaired_unit_column_leaves_amounts_out(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/columns_units_lost.txt");
    static const expect want[] = {
        {"request.received", NULL, 20, "件", 0, "20"},
        {"request.received.in_person", NULL, 5, "件", 0, "5"},
        {"request.received.online", NULL, 15, "件", 0, "15"},
        {"review.total", NULL, 2, "件", 0, "2"},
        {"training.trainees", NULL, 40, "人次", 0, "40"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "unit column names 元 but does not pair with its rows; "
                                           "2 amount(s) left out"));
    gipr_report_free(r);
}

/* A table laid out across: a row of labels over a row of their numbers, paired column by column,
 * so that a blank cell (传真申请数) leaves its row out instead of shifting the others. */
static void test_labels_in_rows_over_numbers(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/across.txt");
    static const expect want[] = {
        {"request.received", NULL, 15, "件", 0, "15"},
        {"request.received.in_person", NULL, 2, "件", 0, "2"},
        {"request.received.online", NULL, 10, "件", 0, "10"},
        {"request.received.letter", NULL, 3, "件", 0, "3"},
        {"request.closed", NULL, 15, "件", 0, "15"},
        {"request.closed.on_time", NULL, 14, "件", 0, "14"},
        {"request.closed.extended", NULL, 1, "件", 0, "1"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_non_null(strstr(r->diagnostics, "rows of their own"));
    assert_int_equal(find_indicator(r, "request.closed.on_time", NULL, GIPR_SOURCE_TABLE)->line, 8);
    gipr_report_free(r);

    /* a part of the table under a title of its own (依申请公开情况统计表), tab columns */
    r = parse_fixture("legacy/part_title.txt");
    static const expect part[] = {
        {"request.received", NULL, 9, "件", 0, "9"},
        {"request.received.in_person", NULL, 2, "件", 0, "2"},
        {"request.received.fax", NULL, 0, "件", 0, "0"},
        {"request.received.online", NULL, 6, "件", 0, "6"},
        {"request.received.letter", NULL, 1, "件", 0, "1"},
    };
    check_rows(r, part, (int)(sizeof part / sizeof part[0]));
    gipr_report_free(r);
}

/* The same across layout in HTML tables: (二)被依法纠错数 is review's under 行政复议数量 and
 * litigation's under 行政诉讼数量, as in the usual layout. */
static void test_html_labels_in_rows_over_numbers(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/across.html");
    static const expect want[] = {
        {"request.received", NULL, 15, "件", 0, "15"},
        {"request.received.in_person", NULL, 2, "件", 0, "2"},
        {"request.received.online", NULL, 10, "件", 0, "10"},
        {"request.received.letter", NULL, 3, "件", 0, "3"},
        {"review.total", NULL, 3, "件", 0, "3"},
        {"review.upheld", NULL, 2, "件", 0, "2"},
        {"review.corrected", NULL, 1, "件", 0, "1"},
        {"review.other", NULL, 0, "件", 0, "0"},
        {"litigation.total", NULL, 1, "件", 0, "1"},
        {"litigation.upheld", NULL, 0, "件", 0, "0"},
        {"litigation.corrected", NULL, 1, "件", 0, "1"},
        {"litigation.other", NULL, 0, "件", 0, "0"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    gipr_report_free(r);
}

/* The 2013/2014 table has no 二、回应解读情况: its blocks are numbered one lower (三、行政复议数量,
 * 四、行政诉讼数量 …). A block is the one its own label names, so the repeated rows under them
 * still go to review and litigation. */
static void test_blocks_numbered_one_lower(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/form2013.txt");
    static const expect want[] = {
        {"active.total", NULL, 800, "条", 0, "800"},
        {"request.received", NULL, 30, "件", 0, "30"},
        {"review.total", NULL, 3, "件", 0, "3"},
        {"review.upheld", NULL, 1, "件", 0, "1"},
        {"review.corrected", NULL, 2, "件", 0, "2"},
        {"review.other", NULL, 0, "件", 0, "0"},
        {"litigation.total", NULL, 4, "件", 0, "4"},
        {"litigation.upheld", NULL, 3, "件", 0, "3"},
        {"litigation.corrected", NULL, 1, "件", 0, "1"},
        {"litigation.other", NULL, 0, "件", 0, "0"},
        {"complaints.total", NULL, 2, "件", 0, "2"},
        {"fees.total", NULL, 0, "万元", 1, "0"},
        {"org.units", NULL, 12, "个", 0, "12"},
        {"training.classes", NULL, 5, "次", 0, "5"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_true(r->diagnostics == NULL || strstr(r->diagnostics, "statistics table") == NULL);
    gipr_report_free(r);
}

/* An HTML table cut in two by a page break: the second part goes on with the rows (and in the
 * block: (二)被依法纠错数 is litigation's) although it has fewer rows than a table needs; a later
 * table that does not go on with the rows is left alone. */
static void test_html_table_cut_by_page_break(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/page_split.html");
    static const expect want[] = {
        {"review.total", NULL, 1, "件", 0, "1"},
        {"review.upheld", NULL, 1, "件", 0, "1"},
        {"litigation.total", NULL, 2, "件", 0, "2"},
        {"litigation.upheld", NULL, 1, "件", 0, "1"},
        {"litigation.corrected", NULL, 1, "件", 0, "1"},
        {"litigation.other", NULL, 0, "件", 0, "0"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    gipr_report_free(r);
}

/* A markdown conversion: pipe rows under a |---|:---:| line, bold block rows (**四、行政复议数量**),
 * a bold value (**3**), an italic row, a label with a literal <br>: read as the plain table, and
 * 五's (二)被依法纠错数 is litigation's. */
static void test_markdown_table(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/markdown.txt");
    static const expect want[] = {
        {"active.total", NULL, 1026, "条", 0, "1,026"},
        {"active.normative", NULL, 12, "条", 0, "12"},
        {"review.total", NULL, 3, "件", 0, "3"},
        {"review.upheld", NULL, 2, "件", 0, "2"},
        {"review.corrected", NULL, 1, "件", 0, "1"},
        {"litigation.total", NULL, 1, "件", 0, "1"},
        {"litigation.corrected", NULL, 1, "件", 0, "1"},
        {"fees.total", NULL, 0, "万元", 1, "0"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    const gipr_indicator *d = find_indicator(r, "active.total", NULL, GIPR_SOURCE_TABLE);
    assert_string_equal(d->label, "(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)");
    gipr_report_free(r);
}

/* A label one character off two rows at once is neither: no row rather than a guess. */
static void test_ambiguous_typo_reads_nothing(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt", "政府信息公开情况统计表\n"
                                         "一、主动公开情况\t——\t——\n"
                                         "3.政务微X公开政府信息数\t条\t5\n"
                                         "4.政务微信公开政府信息数\t条\t7\n"
                                         "2.政府网站公开政府信息数\t条\t9\n"
                                         "1.政府公报公开政府信息数\t条\t3\n");
    static const expect want[] = {
        {"active.via_wechat", NULL, 7, "条", 0, "7"},
        {"active.via_website", NULL, 9, "条", 0, "9"},
        {"active.via_gazette", NULL, 3, "条", 0, "3"},
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    gipr_report_free(r);
}

static void test_html_table(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/table.html");
    static const expect want[] = {
        {"active.total", NULL, 3200, "条", 0, "3200"},
        {"active.normative", NULL, 15, "条", 0, "15"},
        {"review.total", NULL, 2, "件", 0, "2"},
        {"review.upheld", NULL, 1, "件", 0, "1"},
        {"review.corrected", NULL, 1, "件", 0, "1"},
        {"review.other", NULL, 0, "件", 0, "0"},
        {"litigation.total", NULL, 1, "件", 0, "1"},
        {"litigation.corrected", NULL, 1, "件", 0, "1"},
        {"fees.total", NULL, 0, "万元", 1, "0"},
        {"org.budget", NULL, 6.5, "万元", 1, "6.5"}, /* ６.５ */
    };
    check_rows(r, want, (int)(sizeof want / sizeof want[0]));
    assert_int_equal(r->template_, GIPR_TEMPLATE_LEGACY);
    gipr_report_free(r);
}

/* Narrative that names the table or its rows is no table. */
static void test_narrative_is_no_table(void **state)
{
    (void)state;
    gipr_report *r = parse_fixture("legacy/narrative.txt");
    for (int i = 0; i < r->nindicators; i++)
        assert_int_not_equal(r->indicators[i].source, GIPR_SOURCE_TABLE);
    assert_int_equal(r->template_, GIPR_TEMPLATE_NONE);
    gipr_report_free(r);
}

/* ---- the locator: which lines are the table's ------------------------------------------------ */

/* Lines of text, cut and given to the locator alone. */
static gipr_ctx locate(gipr_report *r, const char *text)
{
    gipr_ctx c = {.r = r, .arena = &r->arena};
    c.text = gipr_arena_strdup(c.arena, text);
    c.text_len = strlen(text);
    assert_int_equal(gipr_split_lines(&c), 0);
    gipr_find_legacy_tables(&c);
    return c;
}

static int kind_of_line(const gipr_ctx *c, int no)
{
    for (int i = 0; i < c->nlines; i++)
        if (c->lines[i].no == no)
            return c->lines[i].kind;
    fail_msg("no line %d", no);
    return -1;
}

static void test_table_lines(void **state)
{
    (void)state;
    size_t len;
    char *text = read_fixture("legacy/tabs.txt", &len);
    gipr_report *r = gipr_report_new();
    gipr_ctx c = locate(r, text);
    assert_int_equal(c.ntables, 1);
    assert_int_equal(c.tables[0].kind, GIPR_TABLE_LEGACY);
    assert_int_equal(kind_of_line(&c, 1), GIPR_LINE_TEXT); /* 三、依申请公开政府信息情况 */
    assert_int_equal(kind_of_line(&c, 2), GIPR_LINE_TEXT);
    assert_int_equal(kind_of_line(&c, 4), GIPR_LINE_TABLE); /* 附表 */
    assert_int_equal(kind_of_line(&c, 5), GIPR_LINE_TABLE); /* the title */
    for (int no = 6; no <= 25; no++)
        assert_int_equal(kind_of_line(&c, no), GIPR_LINE_TABLE);
    assert_int_equal(kind_of_line(&c, 27), GIPR_LINE_TEXT); /* 四、存在的主要问题及改进措施 */
    assert_int_equal(kind_of_line(&c, 28), GIPR_LINE_TEXT);
    /* a tab row is three cells */
    const gipr_table *t = &c.tables[0];
    int row_of_total = -1;
    for (int i = 0; i < t->ncells; i++)
        if (t->cells[i].line == 8 && t->cells[i].col == 0)
            row_of_total = t->cells[i].row;
    assert_true(row_of_total >= 0);
    int cols = 0;
    for (int i = 0; i < t->ncells; i++)
        cols += t->cells[i].row == row_of_total;
    assert_int_equal(cols, 3);
    gipr_report_free(r);
    free(text);
}

/* 五、附表 in the Jiangsu seed is a section heading: it stays text, the title after it is table. */
static void test_numbered_attachment_heading_stays_text(void **state)
{
    (void)state;
    size_t len;
    char *text = read_fixture("003_4594e221d75b7af2.txt", &len);
    gipr_report *r = gipr_report_new();
    gipr_ctx c = locate(r, text);
    assert_int_equal(c.ntables, 2);
    assert_int_equal(c.tables[0].kind, GIPR_TABLE_LEGACY);
    assert_int_equal(c.tables[1].kind, GIPR_TABLE_SOURCE);
    for (int i = 0; i < c.nlines; i++) {
        const gipr_line *l = &c.lines[i];
        if (strstr(l->s, "附表") && !strstr(l->s, "统计表"))
            assert_int_equal(l->kind, GIPR_LINE_TEXT);
        if (strstr(l->s, "政府信息公开情况统计表") && l->len < 80)
            assert_int_equal(l->kind, GIPR_LINE_TABLE);
    }
    gipr_report_free(r);
    free(text);
}

/* HTML tables come from html.c with kind 0: the locator claims the legacy one by its rows. */
static void test_claims_html_table(void **state)
{
    (void)state;
    gipr_report *r = gipr_report_new();
    gipr_ctx c = locate(r, "");
    static const char *const rows[][3] = {
        {"一、主动公开情况", "——", "——"}, {"（一）主动公开政府信息数", "条", "10"},
        {"四、行政复议数量", "件", "2"},  {"（二）被依法纠错数", "件", "1"},
        {"五、行政诉讼数量", "件", "3"},  {"（二）被依法纠错数", "件", "2"},
    };
    gipr_table *t = gipr_add_table(&c, 0);
    t->from_html = 1;
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 3; j++) {
            gipr_cell *cell = gipr_add_cell(&c, t);
            cell->s = rows[i][j];
            cell->len = strlen(rows[i][j]);
            cell->line = i + 1;
            cell->row = i;
            cell->col = j;
        }
    gipr_table *other = gipr_add_table(&c, 0); /* a layout table around the page: not ours */
    other->from_html = 1;
    gipr_find_legacy_tables(&c);
    assert_int_equal(c.tables[0].kind, GIPR_TABLE_LEGACY);
    assert_int_equal(c.tables[1].kind, 0);
    gipr_read_legacy_tables(&c);
    assert_int_equal(r->nindicators, 5);
    assert_int_equal((int)find_indicator(r, "review.corrected", NULL, 0)->value, 1);
    assert_int_equal((int)find_indicator(r, "litigation.corrected", NULL, 0)->value, 2);
    assert_int_equal(r->template_, GIPR_TEMPLATE_LEGACY);
    gipr_report_free(r);
}

/* ---- the cell splitter ----------------------------------------------------------------------- */

static void check_cells(const char *line, const char *const *want, int n)
{
    size_t pos = 0;
    gipr_span span;
    int k = 0;
    while (gipr_next_cell(line, strlen(line), &pos, &span)) {
        assert_true(k < n);
        assert_int_equal(span.len, strlen(want[k]));
        assert_memory_equal(line + span.start, want[k], span.len);
        k++;
    }
    assert_int_equal(k, n);
}

static void test_cell_splitter(void **state)
{
    (void)state;
    check_cells("\t一、主动公开情况\t——\t——", (const char *[]){"一、主动公开情况", "——", "——"}, 3);
    check_cells("a\t\tb", (const char *[]){"a", "", "b"}, 3);
    check_cells("| 1. 政府公报公开政府信息数 | 条 |  | 42 |",
                (const char *[]){"1. 政府公报公开政府信息数", "条", "", "42"}, 4);
    check_cells("收到申请数  件　　12", (const char *[]){"收到申请数", "件", "12"}, 3);
    check_cells("（一）收到申请数1026条\xC2\xA0 \xC2\xA0 ",
                (const char *[]){"（一）收到申请数1026条"}, 1);
    check_cells("统　计　指　标", (const char *[]){"统　计　指　标"}, 1);
    check_cells("   ", NULL, 0);
    check_cells("|", NULL, 0);
    check_cells("｜规章｜件｜3｜", (const char *[]){"规章", "件", "3"}, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_000_tab_cells),
        cmocka_unit_test(test_seed_001_cell_per_line),
        cmocka_unit_test(test_seed_002_run_together),
        cmocka_unit_test(test_seed_003_jiangsu),
        cmocka_unit_test(test_tab_columns),
        cmocka_unit_test(test_pipe_rows_with_more_columns),
        cmocka_unit_test(test_this_year_column),
        cmocka_unit_test(test_year_and_cumulative_columns),
        cmocka_unit_test(test_remark_column_one_cell_a_line),
        cmocka_unit_test(test_total_and_parts_columns_html),
        cmocka_unit_test(test_ambiguous_value_columns),
        cmocka_unit_test(test_run_together),
        cmocka_unit_test(test_wrapped_labels_and_source_table),
        cmocka_unit_test(test_flattened_rows),
        cmocka_unit_test(test_labels_apart_from_numbers),
        cmocka_unit_test(test_number_column),
        cmocka_unit_test(test_serial_number_column),
        cmocka_unit_test(test_code_column),
        cmocka_unit_test(test_source_table_total_row),
        cmocka_unit_test(test_label_variants),
        cmocka_unit_test(test_enclosed_list_numbers),
        cmocka_unit_test(test_value_forms),
        cmocka_unit_test(test_code_column_one_cell_a_line),
        cmocka_unit_test(test_value_inside_wrapped_label),
        cmocka_unit_test(test_value_before_its_label),
        cmocka_unit_test(test_table_in_one_line),
        cmocka_unit_test(test_labels_units_and_values_apart),
        cmocka_unit_test(test_labels_units_and_values_apart_over_pages),
        cmocka_unit_test(test_unpaired_unit_column_leaves_amounts_out),
        cmocka_unit_test(test_labels_in_rows_over_numbers),
        cmocka_unit_test(test_html_labels_in_rows_over_numbers),
        cmocka_unit_test(test_blocks_numbered_one_lower),
        cmocka_unit_test(test_html_table_cut_by_page_break),
        cmocka_unit_test(test_markdown_table),
        cmocka_unit_test(test_ambiguous_typo_reads_nothing),
        cmocka_unit_test(test_html_table),
        cmocka_unit_test(test_narrative_is_no_table),
        cmocka_unit_test(test_table_lines),
        cmocka_unit_test(test_numbered_attachment_heading_stays_text),
        cmocka_unit_test(test_claims_html_table),
        cmocka_unit_test(test_cell_splitter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
