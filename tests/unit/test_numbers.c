/* gipr_number and gipr_scan_number: every written form of a number, and what is not one. */
#include "testutil.h"

#include "numbers.h"

typedef struct {
    const char *text;
    double value;
    const char *qualifier; /* NULL for exact */
} number_case;

static const number_case numbers[] = {
    /* Arabic, full-width, separators, decimals, signs */
    {"0", 0, NULL},
    {"1523", 1523, NULL},
    {"１２３", 123, NULL},
    {"1,234", 1234, NULL},
    {"1，234", 1234, NULL},
    {"12,345,678", 12345678, NULL},
    {"57.49", 57.49, NULL},
    {"０.５", 0.5, NULL},
    {"-5", -5, NULL},
    {"－12", -12, NULL},
    {"−3", -3, NULL},
    {"+7", 7, NULL},
    {"  42\t", 42, NULL},
    {"　１０　", 10, NULL},
    /* scales */
    {"4.4万", 44000, NULL},
    {"1.2亿", 120000000, NULL},
    {"5千", 5000, NULL},
    {"648.6万", 6486000, NULL},
    {"3百万", 3000000, NULL},
    {"3 万", 30000, NULL},
    /* Chinese numerals */
    {"十", 10, NULL},
    {"十二", 12, NULL},
    {"二十", 20, NULL},
    {"一百二十", 120, NULL},
    {"一百零五", 105, NULL},
    {"一百二", 120, NULL},
    {"两千零五", 2005, NULL},
    {"三万四千", 34000, NULL},
    {"三万五", 35000, NULL},
    {"一万零五", 10005, NULL},
    {"二〇一八", 2018, NULL},
    {"〇", 0, NULL},
    {"零", 0, NULL},
    {"九", 9, NULL},
    {"一亿两千万", 120000000, NULL},
    {"壹佰贰拾叁", 123, NULL},
    /* qualifiers */
    {"4.4万多", 44000, "多"},
    {"3000余", 3000, "余"},
    {"12万余", 120000, "余"},
    {"60多万", 600000, "多"},
    {"10余万", 100000, "余"},
    {"1多万", 10000, "多"},
    {"近100", 100, "近"},
    {"超过500", 500, "超过"},
    {"逾500", 500, "逾"},
    {"约500", 500, "约"},
    {"约 500", 500, "约"},
    {"将近300", 300, "将近"},
    {"百余", 100, "余"},
    {"千余", 1000, "余"},
    {"近万", 10000, "近"},
    {"三千多万", 30000000, "多"},
    {"500以上", 500, "以上"},
    {"100左右", 100, "左右"},
    {"200多", 200, "多"},
    {"十几", 10, "几"},
    {"十几万", 100000, "几"},
    /* measure words are accepted and ignored */
    {"5500 条", 5500, NULL},
    {"1015篇", 1015, NULL},
    {"12人次", 12, NULL},
    {"10万元", 100000, NULL},
    {"0万元", 0, NULL},
    {"3000余条", 3000, "余"},
    {"百余次", 100, "余"},
    {"60多万件", 600000, "多"},
};

static const char *const not_numbers[] = {
    "", "   ", "—", "——", "-", "－", "/", "／", "--", "无", "空", "abc", "12abc", "12%", "12 %",
    "万元", "万", "百姓", "1.2.3", "12件34", "件", "1,23", "1,2345", "１２３４５６７８９０１２３４５６７８９０",
    "约", "多", "+", "几十", "5亿亿亿",
};

static void test_number_forms(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
        const number_case *t = &numbers[i];
        double v = -999;
        const char *q = "unset";
        int ok = gipr_number(t->text, strlen(t->text), &v, &q);
        if (!ok)
            fail_msg("not read as a number: \"%s\"", t->text);
        if (v != t->value)
            fail_msg("\"%s\": %.17g, expected %.17g", t->text, v, t->value);
        if ((q == NULL) != (t->qualifier == NULL) || (q && strcmp(q, t->qualifier) != 0))
            fail_msg("\"%s\": qualifier %s, expected %s", t->text, q ? q : "NULL",
                     t->qualifier ? t->qualifier : "NULL");
    }
}

static void test_not_numbers(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof not_numbers / sizeof *not_numbers; i++) {
        double v = -999;
        const char *q = "unset";
        if (gipr_number(not_numbers[i], strlen(not_numbers[i]), &v, &q))
            fail_msg("read as a number: \"%s\" -> %g", not_numbers[i], v);
        assert_true(v == -999); /* untouched */
        assert_null(q);
    }
    double v;
    assert_false(gipr_number(NULL, 0, &v, NULL));
    assert_true(gipr_number("7", 1, &v, NULL)); /* qualifier is optional */
    assert_true(v == 7);
}

static void test_number_respects_length(void **state)
{
    (void)state;
    double v;
    assert_true(gipr_number("12345", 2, &v, NULL));
    assert_true(v == 12);
}

/* The scanner reads a prefix and says how far it got. */
static void test_scan_prefix(void **state)
{
    (void)state;
    struct {
        const char *text;
        size_t len;
        double value;
        const char *qualifier;
    } cases[] = {
        {"1523件，增长", 4, 1523, NULL},
        {"37 %", 2, 37, NULL},
        {"12%", 2, 12, NULL},
        {"4.4万多条，其中", strlen("4.4万多"), 44000, "多"},
        {"一是推进", strlen("一"), 1, NULL},
        {"二〇一八年", strlen("二〇一八"), 2018, NULL},
        {"2018年1月1日", 4, 2018, NULL},
        {"100，其中", 3, 100, NULL},
        {"102件,信函申请259件", 3, 102, NULL},
        {"5. 以政务", 1, 5, NULL},
        {"10万元 ", strlen("10万"), 100000, NULL},
        {"近4亿元", strlen("近4亿"), 400000000, "近"},
        {"1,2345", 1, 1, NULL},
        {"100，200，30件", 3, 100, NULL}, /* a list, not thousands */
        {"1,234,567件", 9, 1234567, NULL},
        {"-5件", 2, -5, NULL},
        {"114万余条", strlen("114万余"), 1140000, "余"},
        {"20多万条", strlen("20多万"), 200000, "多"},
        {"一百二三", strlen("一百二"), 120, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double v = -1;
        const char *q = "unset";
        size_t k = gipr_scan_number(cases[i].text, strlen(cases[i].text), &v, &q);
        if (k != cases[i].len || v != cases[i].value)
            fail_msg("\"%s\": length %zu value %g, expected %zu %g", cases[i].text, k, v,
                     cases[i].len, cases[i].value);
        if ((q == NULL) != (cases[i].qualifier == NULL) || (q && strcmp(q, cases[i].qualifier)))
            fail_msg("\"%s\": qualifier %s", cases[i].text, q ? q : "NULL");
    }
    double v;
    const char *q;
    assert_int_equal(gipr_scan_number("统一", strlen("统一"), &v, &q), 0);
    assert_int_equal(gipr_scan_number("万家", strlen("万家"), &v, &q), 0);
    assert_int_equal(gipr_scan_number("%", 1, &v, &q), 0);
    assert_int_equal(gipr_scan_number("", 0, &v, &q), 0);
    assert_int_equal(gipr_scan_number("-", 1, &v, &q), 0);
}

static void test_empty_cells(void **state)
{
    (void)state;
    const char *empty[] = {"", " ", "—", "——", "-", "－", "/", "／", "无", "空", "暂无", " — ", "–"};
    for (size_t i = 0; i < sizeof empty / sizeof *empty; i++)
        if (!gipr_is_empty_cell(empty[i], strlen(empty[i])))
            fail_msg("not empty: \"%s\"", empty[i]);
    const char *full[] = {"0", "无效", "-1", "a", "一"};
    for (size_t i = 0; i < sizeof full / sizeof *full; i++)
        if (gipr_is_empty_cell(full[i], strlen(full[i])))
            fail_msg("empty: \"%s\"", full[i]);
}

static void test_cjk_digits(void **state)
{
    (void)state;
    assert_int_equal(gipr_cjk_digit_value(0x4E00), 1);  /* 一 */
    assert_int_equal(gipr_cjk_digit_value(0x4E24), 2);  /* 两 */
    assert_int_equal(gipr_cjk_digit_value(0x3007), 0);  /* 〇 */
    assert_int_equal(gipr_cjk_digit_value(0x7396), 9);  /* 玖 */
    assert_int_equal(gipr_cjk_digit_value(0x5341), -1); /* 十 is a unit */
    assert_true(gipr_is_cjk_digit(0x96F6));             /* 零 */
    assert_false(gipr_is_cjk_digit('1'));
    assert_true(gipr_is_cjk_numeral(0x5341));  /* 十 */
    assert_true(gipr_is_cjk_numeral(0x4EBF));  /* 亿 */
    assert_false(gipr_is_cjk_numeral(0x4EF6)); /* 件 */
}

/* Never reads past the given length, whatever the bytes. */
static void test_scan_bounds(void **state)
{
    (void)state;
    const char *texts[] = {"一百", "4.4万多", "1,234", "近", "\xe4\xb8", "12\xff", "约\xe4"};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        size_t n = strlen(texts[t]);
        for (size_t len = 0; len <= n; len++) {
            char *copy = malloc(len ? len : 1);
            memcpy(copy, texts[t], len);
            double v;
            const char *q;
            size_t k = gipr_scan_number(copy, len, &v, &q);
            assert_true(k <= len);
            gipr_number(copy, len, &v, &q);
            free(copy);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_forms),     cmocka_unit_test(test_not_numbers),
        cmocka_unit_test(test_number_respects_length), cmocka_unit_test(test_scan_prefix),
        cmocka_unit_test(test_empty_cells),      cmocka_unit_test(test_cjk_digits),
        cmocka_unit_test(test_scan_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
