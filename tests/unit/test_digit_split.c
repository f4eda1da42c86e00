/* Cutting digits run together back into table cells: unique, ambiguous and impossible cuts. */
#include "testutil.h"

#include "digit_split.h"

#include <math.h>

static int split(const char *s, const gipr_split_spec *sp, gipr_split *out, int max)
{
    return gipr_digit_split(s, strlen(s), sp, out, max);
}

/* 规章000: three cells, and no cell may start with 0 unless it is 0. */
static void test_zeros_are_unique(void **state)
{
    (void)state;
    gipr_split_spec sp = {.nparts = 3};
    gipr_split out[4];
    assert_int_equal(split("000", &sp, out, 4), 1);
    for (int i = 0; i < 3; i++) {
        assert_int_equal((int)out[0].value[i], 0);
        assert_int_equal((int)out[0].start[i], i);
        assert_int_equal((int)out[0].len[i], 1);
    }
}

/* 表三's row: the six applicant columns add up to 总计, which leaves one cut. */
static void test_request_row_identity(void **state)
{
    (void)state;
    gipr_split_spec sp = {.nparts = 7, .group = 7};
    gipr_split out[4];
    assert_int_equal(split("21710000218", &sp, out, 4), 1);
    const double want[7] = {217, 1, 0, 0, 0, 0, 218};
    for (int i = 0; i < 7; i++)
        assert_true(out[0].value[i] == want[i]);
}

/* 行政规范性文件6233440 of 表二 has no identity: many cuts, so no value. */
static void test_ambiguous(void **state)
{
    (void)state;
    gipr_split_spec sp = {.nparts = 3};
    gipr_split out[70];
    int n = split("6233440", &sp, out, 64);
    assert_true(n > 1);
    /* 6|2|33440 and 62|33|440 are both readings */
    int seen_a = 0, seen_b = 0;
    for (int i = 0; i < n && i < 64; i++) {
        seen_a |= out[i].value[0] == 6 && out[i].value[1] == 2 && out[i].value[2] == 33440;
        seen_b |= out[i].value[0] == 62 && out[i].value[1] == 33 && out[i].value[2] == 440;
    }
    assert_true(seen_a && seen_b);
}

/* A row whose total cannot be made of its columns. */
static void test_impossible(void **state)
{
    (void)state;
    gipr_split_spec sp = {.nparts = 7, .group = 7};
    assert_int_equal(split("1111111", &sp, NULL, 0), 0);
    gipr_split_spec three = {.nparts = 3};
    assert_int_equal(split("12", &three, NULL, 0), 0); /* fewer digits than cells */
    gipr_split out[4];
    assert_int_equal(split("0012", &three, out, 4), 1); /* 0|0|12: 0|01|2 and 00|1|2 are no cells */
    assert_true(out[0].value[0] == 0 && out[0].value[1] == 0 && out[0].value[2] == 12);
}

/* 行政处罚2648-18538: the minus sign opens 本年增/减; only the first cell is certain. */
static void test_negative_change(void **state)
{
    (void)state;
    gipr_split_spec sp = {.nparts = 3, .negative_parts = 1u << 1};
    gipr_split out[8];
    int n = split("2648-18538", &sp, out, 8);
    assert_int_equal(n, 4); /* -1|8538, -18|538, -185|38, -1853|8 */
    for (int i = 0; i < n; i++) {
        assert_true(out[i].value[0] == 2648);
        assert_true(out[i].value[1] < 0);
    }
    /* a minus where no cell may be negative: no reading */
    gipr_split_spec plain = {.nparts = 3};
    assert_int_equal(split("2648-18538", &plain, NULL, 0), 0);
    /* two cells, the second negative: one reading */
    gipr_split_spec two = {.nparts = 2, .negative_parts = 1u << 1};
    assert_int_equal(split("31-9", &two, out, 8), 1);
    assert_true(out[0].value[0] == 31 && out[0].value[1] == -9);
}

/* Amounts keep their decimals; a count never has one. */
static void test_decimals(void **state)
{
    (void)state;
    gipr_split_spec sp = {.nparts = 2, .decimal_parts = 1u << 1};
    gipr_split out[16];
    int n = split("2112525.58", &sp, out, 16);
    assert_true(n > 1); /* 2|112525.58, 21|12525.58, … */
    gipr_split_spec counts = {.nparts = 2};
    assert_int_equal(split("21.5", &counts, NULL, 0), 0);
    gipr_split_spec one = {.nparts = 1, .decimal_parts = 1};
    assert_int_equal(split("96171.6", &one, out, 2), 1);
    assert_true(fabs(out[0].value[0] - 96171.6) < 1e-9);
    assert_int_equal(split("0.5", &one, out, 2), 1);
}

/* 表四: three groups of five, each 总计 = its four outcomes. */
static void test_review_groups(void **state)
{
    (void)state;
    gipr_split_spec sp = {.nparts = 15, .group = 5};
    gipr_split out[2];
    /* 7 2 0 1 10 | 0 0 0 0 0 | 3 1 0 0 4 */
    assert_int_equal(split("720110000003100"
                           "4",
                           &sp, out, 1),
                     1);
    const double want[15] = {7, 2, 0, 1, 10, 0, 0, 0, 0, 0, 3, 1, 0, 0, 4};
    for (int i = 0; i < 15; i++)
        assert_true(out[0].value[i] == want[i]);
}

/* Too long to be cells, or more cells than supported: never a reading. */
static void test_limits(void **state)
{
    (void)state;
    char digits[400];
    memset(digits, '1', sizeof digits - 1);
    digits[sizeof digits - 1] = 0;
    gipr_split_spec sp = {.nparts = 7, .group = 7};
    assert_int_equal(split(digits, &sp, NULL, 0), -1);
    gipr_split_spec many = {.nparts = GIPR_SPLIT_MAX_PARTS + 1};
    assert_int_equal(split("1234", &many, NULL, 0), -1);
    assert_int_equal(gipr_digit_split("", 0, &sp, NULL, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zeros_are_unique), cmocka_unit_test(test_request_row_identity),
        cmocka_unit_test(test_ambiguous),        cmocka_unit_test(test_impossible),
        cmocka_unit_test(test_negative_change),  cmocka_unit_test(test_decimals),
        cmocka_unit_test(test_review_groups),    cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
