/* Metadata: title, year, period, dates, issuer and level, per seed against the golden file and
 * on the variants real reports use; the numeral and date readers underneath. */
#include "testutil.h"

#include "dates.h"

static void assert_str_or_null(const char *got, const char *want)
{
    if (!want || !want[0]) {
        if (got)
            fail_msg("got \"%s\", want NULL", got);
        return;
    }
    if (!got)
        fail_msg("got NULL, want \"%s\"", want);
    assert_string_equal(got, want);
}

/* ---- the seeds ---------------------------------------------------------------------------------- */
/* golden/reports.tsv: file title issuer region region_code year template period_start period_end
 * published signed (template belongs to the table readers and is not checked here) */
static void test_seeds_against_golden(void **state)
{
    (void)state;
    size_t len;
    char *golden = read_fixture("golden/reports.tsv", &len);
    int files = 0;
    char *save = NULL;
    for (char *line = strtok_r(golden, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#')
            continue;
        char *f[11];
        int n = 0;
        for (char *p = line; n < 11; n++) {
            f[n] = p;
            char *tab = strchr(p, '\t');
            if (!tab) {
                n++;
                break;
            }
            *tab = 0;
            p = tab + 1;
        }
        assert_int_equal(n, 11);
        size_t size;
        char *bytes = read_fixture(f[0], &size);
        gipr_report *r = gipr_report_new();
        assert_int_equal(gipr_parse(r, f[0], bytes, size, NULL), 0);
        assert_str_or_null(r->title, f[1]);
        assert_str_or_null(r->issuer, f[2]);
        assert_str_or_null(r->region, f[3]);
        assert_str_or_null(r->region_code, f[4]);
        assert_int_equal(r->year, atoi(f[5]));
        assert_str_or_null(r->period_start, f[7]);
        assert_str_or_null(r->period_end, f[8]);
        assert_str_or_null(r->published, f[9]);
        assert_str_or_null(r->signed_on, f[10]);
        gipr_report_free(r);
        free(bytes);
        files++;
    }
    assert_int_equal(files, 5);
    free(golden);
}

/* The three PDF reports: titles over two lines with a space before 年, periods over two lines. */
static void test_real_pdf_text(void **state)
{
    (void)state;
    static const struct {
        const char *file, *title, *issuer;
        int year;
    } cases[] = {
        {"real/014.txt", "淮安市人民政府2024年政府信息公开工作年度报告", "淮安市人民政府", 2024},
        {"real/031.txt", "洪泽区人民政府2023年政府信息公开工作年度报告", "洪泽区人民政府", 2023},
        {"real/032.txt", "淮安市洪泽区人民政府2024年政府信息公开工作年度报告", "淮安市洪泽区人民政府", 2024},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t size;
        char *bytes = read_fixture(cases[i].file, &size);
        gipr_report *r = gipr_report_new();
        assert_int_equal(gipr_parse(r, cases[i].file, bytes, size, NULL), 0);
        assert_str_or_null(r->title, cases[i].title);
        assert_str_or_null(r->issuer, cases[i].issuer);
        assert_int_equal(r->year, cases[i].year);
        char start[16], end[16];
        snprintf(start, sizeof start, "%d-01-01", cases[i].year);
        snprintf(end, sizeof end, "%d-12-31", cases[i].year);
        assert_str_or_null(r->period_start, start);
        assert_str_or_null(r->period_end, end);
        assert_null(r->published);
        assert_null(r->signed_on);
        gipr_report_free(r);
        free(bytes);
    }
}

/* ---- titles ------------------------------------------------------------------------------------- */
static void test_titles(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt", "某某县人民政府\n2019 年政府信息公开工作年度报告\n正文。\n");
    assert_str_or_null(r->title, "某某县人民政府2019年政府信息公开工作年度报告");
    assert_int_equal(r->year, 2019);
    gipr_report_free(r);

    /* over three lines */
    r = parse_text("t.txt", "\n淮安市洪泽区人民政府\n2024 年政府信息公开\n工作年度报告\n正文。\n");
    assert_str_or_null(r->title, "淮安市洪泽区人民政府2024年政府信息公开工作年度报告");
    gipr_report_free(r);

    /* the second half alone does not name the issuer */
    r = parse_text("t.txt", "某某市财政局2019年政府信息公开\n工作年度报告\n正文。\n");
    assert_str_or_null(r->title, "某某市财政局2019年政府信息公开工作年度报告");
    assert_str_or_null(r->issuer, "某某市财政局");
    gipr_report_free(r);

    /* a breadcrumb is used only when there is no other title */
    r = parse_text("t.txt", "首页 > 年报 > 某某县2017年度政府信息公开工作年度报告\n"
                            "某某县人民政府2017年度政府信息公开工作年度报告\n");
    assert_str_or_null(r->title, "某某县人民政府2017年度政府信息公开工作年度报告");
    gipr_report_free(r);
    r = parse_text("t.txt", "您现在的位置: 首页 > 年报 > 某某县2017年度政府信息公开工作年度报告\n正文。\n");
    assert_str_or_null(r->title, "某某县2017年度政府信息公开工作年度报告");
    assert_str_or_null(r->issuer, "某某县人民政府");
    gipr_report_free(r);

    /* a page title names its site after the report */
    r = parse_text("t.txt", "某某县2019年政府信息公开工作年度报告_某某县人民政府门户网站\n");
    assert_str_or_null(r->title, "某某县2019年政府信息公开工作年度报告");
    gipr_report_free(r);

    /* a sentence naming the report is not its title */
    r = parse_text("t.txt", "根据条例规定,现公布某某县2017年政府信息公开工作年度报告。\n");
    assert_null(r->title);
    assert_int_equal(r->year, 0);
    assert_non_null(r->diagnostics);
    gipr_report_free(r);

    /* a title split after the year: 政府信息公开… alone needs the line before (and never a metadata
     * row with a date) */
    r = parse_text("t.txt", "某某市人民政府2016年\n政府信息公开工作年度报告\n某某市人民政府办公室\n2017年3月\n");
    assert_str_or_null(r->title, "某某市人民政府2016年政府信息公开工作年度报告");
    assert_str_or_null(r->issuer, "某某市人民政府");
    assert_int_equal(r->year, 2016);
    gipr_report_free(r);

    /* a page's info table labels the title; the label is no part of it (nor of the issuer) */
    r = parse_text("t.htm", "索引号: 1144/2020-00012 分类: 年报\n名称: 某市某区人民政府办公室2019年政府信息公开工作"
                            "年度报告\n");
    assert_str_or_null(r->title, "某市某区人民政府办公室2019年政府信息公开工作年度报告");
    assert_str_or_null(r->issuer, "某市某区人民政府办公室");
    gipr_report_free(r);
    r = parse_text("t.htm", "文件名称:某某县2020年政府信息公开工作年度报告\n");
    assert_str_or_null(r->title, "某某县2020年政府信息公开工作年度报告");
    gipr_report_free(r);
    r = parse_text("t.htm", "文章标题:某某县2020年政府信息公开工作年度报告\n");
    assert_str_or_null(r->title, "某某县2020年政府信息公开工作年度报告");
    gipr_report_free(r);

    /* a year written in Chinese numerals */
    r = parse_text("t.txt", "某某县二〇一八年政府信息公开工作年度报告\n");
    assert_int_equal(r->year, 2018);
    assert_str_or_null(r->issuer, "某某县人民政府");
    gipr_report_free(r);
}

/* ---- the statistics period ---------------------------------------------------------------------- */
static void check_period(const char *text, const char *start, const char *end)
{
    gipr_report *r = parse_text("t.txt", text);
    assert_str_or_null(r->period_start, start);
    assert_str_or_null(r->period_end, end);
    gipr_report_free(r);
}

static void test_periods(void **state)
{
    (void)state;
    check_period("本报告所列数据的统计期限为2018年1月1日至12月31日(参见附表)。\n", "2018-01-01", "2018-12-31");
    check_period("报告中所列数据统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。\n", "2023-01-01",
                 "2023-12-31");
    check_period("本报告所列统计数字的时限自2016年1月1日起至2016年12月1日止。\n", "2016-01-01", "2016-12-01");
    check_period("统计期限:2019年1月1日—2019年12月31日。\n", "2019-01-01", "2019-12-31");
    check_period("统计期间为２０２１年１月１日到１２月３１日。\n", "2021-01-01", "2021-12-31");
    check_period("统计时段:2019.1.1-2019.12.31\n", "2019-01-01", "2019-12-31");
    check_period("3、统计数据时间段:2017年1月1日-2017 年12月31日。\n", "2017-01-01", "2017-12-31");
    check_period("本报告统计数据从2016年1月1日至2016年12月31日止。\n", "2016-01-01", "2016-12-31");
    check_period("《年报》所列数据自2020年1月1日起至2020年12月31日止。\n", "2020-01-01", "2020-12-31");
    /* not a period: a deadline, a date range without a period keyword, an impossible date */
    check_period("均在法定期限内办理完毕。2018年1月29日至31日成功承办推进会。\n", NULL, NULL);
    check_period("统计期限为2018年2月30日至12月31日。\n", NULL, NULL);
    /* other periods with dates come before the statistics period: the one said of the data wins */
    check_period("公示期间为2022年5月1日至5月7日。\n本报告所列数据的统计期限为2022年1月1日至12月31日。\n",
                 "2022-01-01", "2022-12-31");
    check_period("意见征求期间:2022年5月1日至5月7日。\n", NULL, NULL);
}

static void test_year_from_period(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt", "政府信息公开工作年度报告\n统计期限为2018年1月1日至12月31日。\n");
    assert_int_equal(r->year, 2018);
    gipr_report_free(r);
}

/* No year in the title nor a period: the year the paragraphs open with, said in a diagnostic. */
static void test_year_from_narrative(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt", "某某街道办事处政府信息公开工作年度报告\n一、总体情况\n"
                                         "2020年，我街道按照《2019年政务公开工作要点》推进工作。\n"
                                         "(二)依申请公开情况\n2020年度我街办未接到申请。\n"
                                         "2019年结转的申请已办结。\n");
    assert_int_equal(r->year, 2020);
    assert_non_null(r->diagnostics);
    assert_non_null(strstr(r->diagnostics, "year 2020 taken from the narrative"));
    gipr_report_free(r);
    /* nor paragraphs opening with a year: the year-end the narrative counts up to */
    r = parse_text("t.txt", "一、总体情况\n(一)主动公开信息情况。截止2023年12月31日我局通过官方网站发布信息34条。\n");
    assert_int_equal(r->year, 2023);
    gipr_report_free(r);
    /* a year inside a sentence is not one the narrative opens with */
    r = parse_text("t.txt", "某某局政府信息公开工作年度报告\n根据《2019年工作要点》开展工作。\n");
    assert_int_equal(r->year, 0);
    gipr_report_free(r);
}

/* ---- publication and signature ------------------------------------------------------------------ */
static void check_published(const char *text, const char *want)
{
    gipr_report *r = parse_text("t.txt", text);
    assert_str_or_null(r->published, want);
    gipr_report_free(r);
}

static void test_published(void **state)
{
    (void)state;
    check_published("发布日期: 2020- 09- 23 10: 53 浏览次数:\n", "2020-09-23");
    check_published("  • 发布日期:2018-02-28 08:56\n", "2018-02-28");
    check_published("发布机构: 市行政服务中心 成文日期: 2017-05-04\n", "2017-05-04");
    check_published("发布时间:2019-3-5 9:30\n", "2019-03-05");
    check_published("发布日期：2019年3月5日\n", "2019-03-05");
    check_published("发布日期: 2019/12/05\n", "2019-12-05");
    /* 发布日期 is preferred to 发文日期 wherever it is */
    check_published("发布机构 泰州市政府 发文日期 2018-02-27\n标题\n发布日期:2018-02-28 08:56\n", "2018-02-28");
    check_published("发布日期:\n", NULL);
    /* a bare 时间 in the page's metadata row, never in the narrative */
    check_published("来源:区人民政府办公室 时间:2017-01-12 10:01\n", "2017-01-12");
    check_published("会议时间:2017-01-12。\n", NULL);
    check_published("某镇2020年政府信息公开工作年度报告\n日期:2021-01-29\n字体:【 默认 超大\n", "2021-01-29");
}

static void test_signature(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt", "正文。\n\n温州市瓯海区人民政府\n\n2019年1月3日    \n\n附表\n");
    assert_str_or_null(r->signed_on, "2019-01-03");
    gipr_report_free(r);
    r = parse_text("t.txt", "正文。\n某某县人民政府办公室\n二〇一九年一月三十一日\n");
    assert_str_or_null(r->signed_on, "2019-01-31");
    assert_str_or_null(r->issuer, "某某县人民政府办公室"); /* no title, no 发布机构: the signer */
    assert_str_or_null(r->level, "department");
    gipr_report_free(r);
    /* a date under a sentence is not a signature, unless the report ends in it */
    r = parse_text("t.txt", "会议于下列日期召开,全体参加。\n2019年1月3日\n附表\n");
    assert_null(r->signed_on);
    gipr_report_free(r);
    r = parse_text("t.txt", "五、存在的主要问题及改进情况\n将进一步改进。\n\n2014年3月25日\n\n");
    assert_str_or_null(r->signed_on, "2014-03-25");
    gipr_report_free(r);
}

/* ---- issuer and level --------------------------------------------------------------------------- */
static void check_issuer(const char *text, const char *issuer, const char *level)
{
    gipr_report *r = parse_text("t.txt", text);
    assert_str_or_null(r->issuer, issuer);
    assert_str_or_null(r->level, level);
    gipr_report_free(r);
}

static void test_issuer_and_level(void **state)
{
    (void)state;
    check_issuer("某某县2018年度政府信息公开工作报告\n", "某某县人民政府", "county");
    check_issuer("某某省2018年政府信息公开工作年度报告\n", "某某省人民政府", "province");
    check_issuer("某某市某某区人民政府2018年政府信息公开工作年度报告\n", "某某市某某区人民政府", "county");
    check_issuer("某某县某某镇人民政府2018年政府信息公开工作年度报告\n", "某某县某某镇人民政府", "township");
    check_issuer("某某区某某街道2018年政府信息公开工作年度报告\n", "某某区某某街道办事处", "township");
    check_issuer("某某市人民政府行政服务中心2016年度政府信息公开工作年度报告\n", "某某市人民政府行政服务中心",
                 "department");
    check_issuer("某某市交通运输局政府信息公开工作年度报告(2019年)\n", "某某市交通运输局", "department");
    check_issuer("某某市人民政府信息公开工作年度报告\n", "某某市人民政府", NULL);
    check_issuer("2019年度某某县政府信息公开工作年度报告\n", "某某县人民政府", "county");
    /* no issuer in the title: 发布机构 */
    check_issuer("发布机构: 某某市财政局 成文日期: 2017-05-04\n2016年政府信息公开工作年度报告\n",
                 "某某市财政局", "department");
    check_issuer("发布机构\xE3\x80\x80某某县人民政府\xE3\x80\x80发布时间 2017-05-04\n政府信息公开工作年度报告\n",
                 "某某县人民政府", "county");
    check_issuer("发布机构:某某市财政局发布日期:2017-05-04\n政府信息公开工作年度报告\n", "某某市财政局",
                 "department");
    /* a metadata table saved as text: 发布机构 | 市政府办 | 发文日期 | … */
    check_issuer("索 引 号 | 014416330/2018-04736 |\n发布机构 | 市政府办 | 发文日期 | 2018-02-28 |\n正文。\n", "市政府办",
                 "department");
    /* no title: the report as a sentence names it, before 发布机构 */
    check_issuer("发布机构 | 市政府办 |\n根据《条例》规定,现公布某某市人民政府2017年政府信息公开工作年度报告。\n",
                 "某某市人民政府", NULL);
    check_issuer("发布机构 | 市政府办 |\n现将我局2017年政府信息公开工作年度报告公布如下。\n", "市政府办",
                 "department");
    check_issuer("根据条例要求,特编制某市人民政府地方志办公室2023年政府信息公开工作年度报告。\n",
                 "某市人民政府地方志办公室", "department");
}

/* The real resolver: a bare city name is its people's government, at city level. */
static void test_region_of_seed_issuer(void **state)
{
    (void)state;
    gipr_report *r = parse_text("t.txt", "台州市2018年度政府信息公开工作报告\n");
    assert_str_or_null(r->issuer, "台州市人民政府");
    if (r->region) { /* when the regions table knows it */
        assert_string_equal(r->region_code, "331000");
        assert_str_or_null(r->level, "city");
    }
    gipr_report_free(r);
}

/* ---- numerals, dates, compact text -------------------------------------------------------------- */
static long numeral(const char *s, int max)
{
    size_t used;
    return gipr_numeral(s, strlen(s), max, &used, NULL);
}

static void test_numerals(void **state)
{
    (void)state;
    assert_int_equal(numeral("一、", 3), 1);
    assert_int_equal(numeral("十", 3), 10);
    assert_int_equal(numeral("十二", 3), 12);
    assert_int_equal(numeral("二十", 3), 20);
    assert_int_equal(numeral("三十一日", 3), 31);
    assert_int_equal(numeral("二〇一九年", 4), 2019);
    assert_int_equal(numeral("12.", 2), 12);
    assert_int_equal(numeral("１２", 2), 12);
    assert_int_equal(numeral("123", 2), -1);
    assert_int_equal(numeral("一二", 3), -1);
    assert_int_equal(numeral("十十", 3), -1);
    assert_int_equal(numeral("是", 3), -1);
    assert_int_equal(numeral("", 3), -1);
}

static void check_date(const char *s, int with_year, int y, int m, int d, size_t len)
{
    int gy = 2020, gm = 0, gd = 0;
    size_t got = gipr_date_at(s, strlen(s), with_year, &gy, &gm, &gd);
    assert_int_equal(got, len);
    if (len) {
        assert_int_equal(gy, y);
        assert_int_equal(gm, m);
        assert_int_equal(gd, d);
    }
}

static void test_dates(void **state)
{
    (void)state;
    check_date("2019年1月3日", 1, 2019, 1, 3, strlen("2019年1月3日"));
    check_date("2024 年 12 月 31 日止", 1, 2024, 12, 31, strlen("2024 年 12 月 31 日"));
    check_date("二〇一九年一月三十一日", 1, 2019, 1, 31, strlen("二〇一九年一月三十一日"));
    check_date("2020- 09- 23 10: 53", 1, 2020, 9, 23, strlen("2020- 09- 23"));
    check_date("2018.2.28", 1, 2018, 2, 28, strlen("2018.2.28"));
    check_date("12月31日", 0, 2020, 12, 31, strlen("12月31日"));
    check_date("2月29日", 0, 2020, 2, 29, strlen("2月29日")); /* 2020 is a leap year */
    check_date("2019年2月29日", 1, 0, 0, 0, 0);
    check_date("2019年13月1日", 1, 0, 0, 0, 0);
    check_date("2019年5月", 1, 0, 0, 0, 0);
    check_date("2018.2.28.5", 1, 0, 0, 0, 0);
    check_date("1800年1月1日", 1, 0, 0, 0, 0);
    check_date("20191月1日", 1, 0, 0, 0, 0);
    check_date("", 1, 0, 0, 0, 0);
}

static void test_compact(void **state)
{
    (void)state;
    gipr_report *r = gipr_report_new();
    size_t len;
    char *s = gipr_compact(&r->arena, "２０２４ 年\xE3\x80\x80政府\n信息 2020-09-23 10:53", strlen("２０２４ 年\xE3\x80\x80政府\n信息 2020-09-23 10:53"), &len);
    assert_string_equal(s, "2024年政府信息2020-09-23 10:53");
    assert_int_equal(len, strlen(s));
    s = gipr_compact(&r->arena, "\xff\xfe", 2, &len); /* invalid bytes become U+FFFD */
    assert_int_equal(len, 6);
    assert_int_equal(gipr_cp_count("一a二", strlen("一a二")), 3);
    gipr_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seeds_against_golden),
        cmocka_unit_test(test_real_pdf_text),
        cmocka_unit_test(test_titles),
        cmocka_unit_test(test_periods),
        cmocka_unit_test(test_year_from_period),
        cmocka_unit_test(test_year_from_narrative),
        cmocka_unit_test(test_published),
        cmocka_unit_test(test_signature),
        cmocka_unit_test(test_issuer_and_level),
        cmocka_unit_test(test_region_of_seed_issuer),
        cmocka_unit_test(test_numerals),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_compact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
