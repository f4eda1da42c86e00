/* gipr_normalize: every rule, one by one. */
#include "testutil.h"

#include "internal.h"

static void assert_normalizes(const char *in, size_t n, const char *want)
{
    gipr_report *r = gipr_report_new();
    gipr_ctx c = {.r = r, .arena = &r->arena};
    char *out;
    size_t len;
    assert_int_equal(gipr_normalize(&c, in, n, &out, &len), 0);
    if (strcmp(out, want) != 0)
        fail_msg("normalised \"%s\" to \"%s\", expected \"%s\"", in, out, want);
    assert_int_equal(len, strlen(want));
    assert_int_equal(out[len], 0);
    gipr_report_free(r);
}

#define NORMALIZES(in, want) assert_normalizes(in, sizeof(in) - 1, want)

static void test_line_breaks(void **state)
{
    (void)state;
    NORMALIZES("a\r\nb\r\n", "a\nb\n");
    NORMALIZES("a\rb\r", "a\nb\n");
    NORMALIZES("a\r\rb", "a\n\nb");
    NORMALIZES("a\n\rb", "a\n\nb");
    NORMALIZES("a\nb", "a\nb");
}

static void test_full_width_ascii(void **state)
{
    (void)state;
    NORMALIZES("（一）总体情况", "(一)总体情况");
    NORMALIZES("发布日期：２０２０－０９－２３", "发布日期:2020-09-23");
    NORMALIZES("１２３４５６７８９０", "1234567890");
    NORMALIZES("ＡＢＣｘｙｚ％／", "ABCxyz%/");
    NORMALIZES("1﹒政府", "1.政府");
    NORMALIZES("1．政府", "1.政府");
    NORMALIZES("，；！？", ",;!?");
}

static void test_spaces(void **state)
{
    (void)state;
    NORMALIZES("一、\u3000总体", "一、 总体");
    NORMALIZES("a\u00A0b", "a b");
    NORMALIZES("a\u2002b\u2003c\u2009d\u202Fe\u205Ff", "a b c d e f");
    NORMALIZES("a\tb", "a\tb"); /* tabs separate table cells: kept */
}

static void test_dropped(void **state)
{
    (void)state;
    NORMALIZES("政\u200B府\u200C信\u200D息\uFEFF公\u2060开", "政府信息公开");
    NORMALIZES("soft\u00ADhyphen", "softhyphen");
    NORMALIZES("a\x01\x02\x1B\x7F" "b", "ab");
    NORMALIZES("a\xC2\x85" "b", "ab"); /* C1 control U+0085 */
    assert_normalizes("a\0b", 3, "ab");
}

static void test_form_feed(void **state)
{
    (void)state;
    /* a page break is not a line break: line numbers stay those of the source */
    NORMALIZES("-1-\n\n\f营商环境", "-1-\n\n 营商环境");
    NORMALIZES("\f", " ");
}

static void test_kept(void **state)
{
    (void)state;
    NORMALIZES("一、。“”《》〔〕【】——…", "一、。“”《》〔〕【】——…");
    NORMALIZES("", "");
    NORMALIZES("−5 € 𠀀", "−5 € 𠀀");
}

static void test_invalid_bytes(void **state)
{
    (void)state;
    /* decoded text has none, but any input gives valid UTF-8 */
    NORMALIZES("a\xFF" "b\xE4\xB8", "a\uFFFDb\uFFFD\uFFFD");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_breaks), cmocka_unit_test(test_full_width_ascii),
        cmocka_unit_test(test_spaces),      cmocka_unit_test(test_dropped),
        cmocka_unit_test(test_form_feed),   cmocka_unit_test(test_kept),
        cmocka_unit_test(test_invalid_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
