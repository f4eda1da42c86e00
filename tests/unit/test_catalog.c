/* The compiled catalog and rules equal the contract in tests/fixtures/spec (a copy of the spec). */
#include "testutil.h"

/* Compare each non-comment TSV row, field by field, with the compiled entries in order. */
static void compare_tsv(const char *rel, int nfields, int count,
                        const char *(*field)(int row, int col))
{
    size_t len;
    char *text = read_fixture(rel, &len);
    int row = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == 0)
            continue;
        assert_true(row < count);
        char *p = line;
        for (int col = 0; col < nfields; col++) {
            char *tab = strchr(p, '\t');
            if (tab)
                *tab = 0;
            assert_string_equal(field(row, col), p);
            p = tab ? tab + 1 : p + strlen(p);
        }
        row++;
    }
    assert_int_equal(row, count);
    free(text);
}

static const char *catalog_field(int row, int col)
{
    const gipr_catalog_entry *e = &gipr_catalog[row];
    const char *f[] = {e->code, e->templates, e->dims, e->unit, e->label, e->parent, e->note};
    return f[col];
}

static const char *rule_field(int row, int col)
{
    const gipr_rule *e = &gipr_rules[row];
    const char *f[] = {e->rule, e->templates, e->severity, e->statement, e->why};
    return f[col];
}

static void test_catalog_matches_spec(void **state)
{
    (void)state;
    compare_tsv("spec/indicators.tsv", 7, gipr_catalog_count, catalog_field);
}

static void test_rules_match_spec(void **state)
{
    (void)state;
    compare_tsv("spec/rules.tsv", 5, gipr_rules_count, rule_field);
}

static void test_find(void **state)
{
    (void)state;
    assert_non_null(gipr_catalog_find("request.result.refused.state_secret"));
    assert_string_equal(gipr_catalog_find("fees.total")->unit, "万元");
    assert_null(gipr_catalog_find("no.such.code"));
    assert_string_equal(gipr_rule_find("T3-BALANCE")->severity, "error");
    assert_null(gipr_rule_find("NOPE"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalog_matches_spec),
        cmocka_unit_test(test_rules_match_spec),
        cmocka_unit_test(test_find),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
