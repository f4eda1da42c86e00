/* Text helpers: folding code points, leading list numbers, label keys. */
#include "testutil.h"

#include "text.h"

static size_t number_len(const char *s) { return gipr_list_number_len(s, strlen(s)); }

static void test_fold_cp(void **state)
{
    (void)state;
    assert_int_equal(gipr_fold_cp(0xFF11), '1');    /* １ */
    assert_int_equal(gipr_fold_cp(0xFF08), '(');    /* （ */
    assert_int_equal(gipr_fold_cp(0xFF1A), ':');    /* ： */
    assert_int_equal(gipr_fold_cp(0xFF5E), '~');    /* last full-width form */
    assert_int_equal(gipr_fold_cp(0xFF0E), '.');    /* ． */
    assert_int_equal(gipr_fold_cp(0xFE52), '.');    /* ﹒ */
    assert_int_equal(gipr_fold_cp(0x3000), ' ');    /* ideographic space */
    assert_int_equal(gipr_fold_cp(0x00A0), ' ');    /* NBSP */
    assert_int_equal(gipr_fold_cp(0x2003), ' ');    /* em space */
    assert_int_equal(gipr_fold_cp('\t'), ' ');
    assert_int_equal(gipr_fold_cp(0x3001), 0x3001); /* 、 stays */
    assert_int_equal(gipr_fold_cp(0x3002), 0x3002); /* 。 stays */
    assert_int_equal(gipr_fold_cp(0xFF5F), 0xFF5F); /* past the full-width ASCII block */
    assert_int_equal(gipr_fold_cp(0x2460), 0x2460); /* ① is not folded */
    assert_int_equal(gipr_fold_cp('a'), 'a');
}

static void test_list_number_forms(void **state)
{
    (void)state;
    assert_int_equal(number_len("一、总体情况"), 6);
    assert_int_equal(number_len("十二、其他"), 9);
    assert_int_equal(number_len("(一)主动公开"), 5);
    assert_int_equal(number_len("（一）主动公开"), 9); /* full-width brackets, 3 bytes each */
    assert_int_equal(number_len("1.属于国家秘密"), 2);
    assert_int_equal(number_len("1、属于"), 4);
    assert_int_equal(number_len("１．属于"), 6);
    assert_int_equal(number_len("2﹒属于"), 4);
    assert_int_equal(number_len("(12)其他"), 4);
    assert_int_equal(number_len("  3. 其他"), 5); /* spaces before and after */
    assert_int_equal(number_len("\xE3\x80\x80" "二、其他"), 9);
    /* a closing bracket alone */
    assert_int_equal(number_len("1)其他"), 2);
    assert_int_equal(number_len("一)其他"), 4);
    assert_int_equal(number_len("三）其他"), 6);
}

static void test_list_number_enclosed(void **state)
{
    (void)state;
    assert_int_equal(number_len("①本机关"), 3);        /* U+2460 */
    assert_int_equal(number_len("⑳本机关"), 3);        /* U+2473 */
    assert_int_equal(number_len("⑴本机关"), 3);        /* U+2474 */
    assert_int_equal(number_len("⒇本机关"), 3);        /* U+2487 */
    assert_int_equal(number_len("⒈本机关"), 3);        /* U+2488 */
    assert_int_equal(number_len("㈠本机关"), 3);        /* U+3220 */
    assert_int_equal(number_len("㈩本机关"), 3);        /* U+3229 */
    assert_int_equal(number_len("㊀本机关"), 3);        /* U+3280 */
    assert_int_equal(number_len("①、本机关"), 6);      /* with 、 */
    assert_int_equal(number_len("②. 本机关"), 5);      /* . and a space */
    assert_int_equal(number_len("② 、本机关"), 4);     /* a 、 after a space is text */
    assert_int_equal(number_len(" ㈡ 依申请"), 5);
    assert_int_equal(number_len("㈪本机关"), 0);        /* U+322A, a month sign */
    assert_int_equal(number_len("⒜本机关"), 0);        /* U+249C, a letter */
}

static void test_list_number_none(void **state)
{
    (void)state;
    assert_int_equal(number_len(""), 0);
    assert_int_equal(number_len("   "), 0);
    assert_int_equal(number_len("总体情况"), 0);
    assert_int_equal(number_len("一是加强领导"), 0);
    assert_int_equal(number_len("第一季度"), 0);
    assert_int_equal(number_len("(一"), 0);
    assert_int_equal(number_len("()其他"), 0);
    assert_int_equal(number_len("一"), 0);
    assert_int_equal(number_len("2020年"), 0);
    assert_int_equal(number_len("\xE4\xB8"), 0); /* a cut UTF-8 sequence */
    assert_int_equal(gipr_list_number_len("1.", 1), 0); /* n bounds the read */
}

static const char *key_of(const char *s)
{
    static char key[256];
    size_t len = gipr_label_key(s, strlen(s), key, sizeof key);
    assert_int_equal(len, strlen(key));
    return key;
}

static void test_label_key(void **state)
{
    (void)state;
    assert_string_equal(key_of("(一)主动公开政府信息数"), "主动公开政府信息数");
    assert_string_equal(key_of("（一） 主动公开 政府信息数："), "主动公开政府信息数");
    assert_string_equal(key_of("其中:主动公开规范性文件数"), "主动公开规范性文件数");
    assert_string_equal(key_of("1.属于国家秘密"), "属于国家秘密");
    assert_string_equal(key_of("①属于国家秘密"), "属于国家秘密");
    assert_string_equal(key_of("㈡部分公开（区分处理的）"), "部分公开区分处理的");
    assert_string_equal(key_of("⑶ 《条例》第十四条"), "条例第十四条");
    assert_string_equal(key_of("“三安全一稳定”"), "三安全一稳定");
    assert_string_equal(key_of("占比 12.5%"), "占比125%");
    assert_string_equal(key_of("ＡＢＣ１２"), "ABC12");
    assert_string_equal(key_of("、。"), "");
    /* the key is cut at whole characters and always terminated */
    char small[8];
    assert_int_equal(gipr_label_key("主动公开情况", strlen("主动公开情况"), small, sizeof small), 6);
    assert_string_equal(small, "主动");
    assert_int_equal(gipr_label_key("abc", 3, small, 0), 0);
}

static void test_contains(void **state)
{
    (void)state;
    assert_true(gipr_contains("统计表", strlen("统计表"), "计"));
    assert_true(gipr_contains("abc", 3, ""));
    assert_false(gipr_contains("ab", 2, "abc"));
    assert_false(gipr_contains("abcd", 3, "cd")); /* n bounds the search */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_cp),
        cmocka_unit_test(test_list_number_forms),
        cmocka_unit_test(test_list_number_enclosed),
        cmocka_unit_test(test_list_number_none),
        cmocka_unit_test(test_label_key),
        cmocka_unit_test(test_contains),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
