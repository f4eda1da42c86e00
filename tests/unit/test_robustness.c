/* Robustness: garbage, truncated and mutated reports parse without a crash, with bounded output.
 * Deterministic (fixed seed) so that a failure reproduces; the sanitizer build runs it too. */
#include "testutil.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static const char *const fixtures[] = {
    "000_9c1c927b118ce9fd.txt", "001_89dbaf428c88ecd3.txt", "002_66303b07f01cbbb2.txt",
    "003_4594e221d75b7af2.txt", "004_21052089db41a3ba.txt", "real/014.txt", "real/031.layout.txt",
};

/* A parse never fails on bad input: it reads what it can. Rows point into the report. */
static void parse_ok(gipr_report *r, const char *name, const char *bytes, size_t len, int html)
{
    gipr_options opt = {.encoding = NULL, .is_html = html};
    assert_int_equal(gipr_parse(r, name, bytes, len, &opt), 0);
    for (int i = 0; i < r->nindicators; i++) {
        assert_non_null(r->indicators[i].code);
        assert_non_null(gipr_catalog_find(r->indicators[i].code));
    }
    for (int i = 0; i < r->nsections; i++)
        assert_non_null(r->sections[i].heading);
}

static void test_random_bytes(void **state)
{
    (void)state;
    gipr_report *r = gipr_report_new();
    char buf[4096];
    for (int round = 0; round < 300; round++) {
        size_t len = rng() % sizeof buf;
        for (size_t i = 0; i < len; i++)
            buf[i] = (char)rng();
        parse_ok(r, "junk.txt", buf, len, round & 1);
    }
    gipr_report_free(r);
}

static void test_truncated_fixtures(void **state)
{
    (void)state;
    gipr_report *r = gipr_report_new();
    for (size_t f = 0; f < sizeof fixtures / sizeof *fixtures; f++) {
        size_t len;
        char *text = read_fixture(fixtures[f], &len);
        for (int k = 1; k <= 16; k++) /* cut anywhere, also inside a UTF-8 sequence */
            parse_ok(r, fixtures[f], text, len * (size_t)k / 17 + (size_t)k % 3, 0);
        free(text);
    }
    gipr_report_free(r);
}

static void test_mutated_fixtures(void **state)
{
    (void)state;
    gipr_report *r = gipr_report_new();
    for (size_t f = 0; f < sizeof fixtures / sizeof *fixtures; f++) {
        size_t len;
        char *text = read_fixture(fixtures[f], &len);
        for (int round = 0; round < 12; round++) {
            char *copy = malloc(len + 1);
            assert_non_null(copy);
            memcpy(copy, text, len + 1);
            for (int m = 0; m < 40 && len; m++) {
                size_t at = rng() % len;
                switch (rng() % 4) {
                case 0: copy[at] = (char)rng(); break;            /* a random byte */
                case 1: copy[at] = (char)('0' + rng() % 10); break; /* a digit where there was none */
                case 2: copy[at] = '\n'; break;                   /* a line break */
                default: copy[at] = '\t'; break;                  /* a cell break */
                }
            }
            parse_ok(r, fixtures[f], copy, len, 0);
            free(copy);
        }
        free(text);
    }
    gipr_report_free(r);
}

/* Pathological shapes: very long lines, many lines, deep numbering, long digit strings. */
static void test_pathological_shapes(void **state)
{
    (void)state;
    gipr_report *r = gipr_report_new();
    size_t n = 1 << 20;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, '9', n);
    big[n] = 0;
    parse_ok(r, "digits.txt", big, n, 0);
    for (size_t i = 0; i < n; i++)
        big[i] = (i % 3 == 2) ? '\n' : '1';
    parse_ok(r, "lines.txt", big, n, 0);
    const char *unit = "一、规章0000行政规范性文件000(一)予以公开1234567890";
    size_t ul = strlen(unit), used = 0;
    while (used + ul < n) {
        memcpy(big + used, unit, ul);
        used += ul;
    }
    parse_ok(r, "rows.txt", big, used, 0);
    for (size_t i = 0; i < n; i++)
        big[i] = "<table><tr><td>"[i % 15];
    parse_ok(r, "nested.html", big, n, 1);
    free(big);
    gipr_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_truncated_fixtures),
        cmocka_unit_test(test_mutated_fixtures),
        cmocka_unit_test(test_pathological_shapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
