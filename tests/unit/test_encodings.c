/* The same report in another encoding or with CRLF line ends gives the same rows: every seed is
 * converted here (GB18030, UTF-16 with and without a BOM, UTF-8 with a BOM, CRLF) and each
 * variant's sections, indicators and metadata are compared with the plain UTF-8 parse. */
#include "testutil.h"

#include <iconv.h>

static const char *const seeds[] = {
    "000_9c1c927b118ce9fd.txt", "001_89dbaf428c88ecd3.txt", "002_66303b07f01cbbb2.txt",
    "003_4594e221d75b7af2.txt", "004_21052089db41a3ba.txt", "real/014.txt",
};

typedef struct {
    char *s;
    size_t len;
} bytes;

/* utf8 converted with iconv, after an optional prefix (a BOM). */
static bytes convert(const char *utf8, size_t n, const char *to, const char *prefix, size_t plen)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t cap = n * 4 + plen + 8, out_left = cap - plen;
    bytes b = {malloc(cap), 0};
    memcpy(b.s, prefix, plen);
    char *src = (char *)utf8, *dst = b.s + plen;
    size_t in_left = n;
    assert_true(iconv(cd, &src, &in_left, &dst, &out_left) != (size_t)-1);
    iconv_close(cd);
    b.len = cap - out_left;
    return b;
}

static bytes to_gb18030(const char *s, size_t n) { return convert(s, n, "GB18030", "", 0); }
static bytes to_utf16le_bom(const char *s, size_t n) { return convert(s, n, "UTF-16LE", "\xFF\xFE", 2); }
static bytes to_utf16be_bom(const char *s, size_t n) { return convert(s, n, "UTF-16BE", "\xFE\xFF", 2); }
static bytes to_utf16le(const char *s, size_t n) { return convert(s, n, "UTF-16LE", "", 0); }
static bytes to_utf8_bom(const char *s, size_t n) { return convert(s, n, "UTF-8", "\xEF\xBB\xBF", 3); }

static bytes to_crlf(const char *s, size_t n)
{
    bytes b = {malloc(2 * n + 1), 0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            b.s[b.len++] = '\r';
        b.s[b.len++] = s[i];
    }
    return b;
}

static bytes to_gb18030_crlf(const char *s, size_t n)
{
    bytes crlf = to_crlf(s, n);
    bytes b = to_gb18030(crlf.s, crlf.len);
    free(crlf.s);
    return b;
}

typedef struct {
    const char *name;
    bytes (*make)(const char *, size_t);
    const char *encoding;
} variant;

static const variant variants[] = {
    {"GB18030", to_gb18030, "GB18030"},
    {"UTF-16LE+BOM", to_utf16le_bom, "UTF-16LE"},
    {"UTF-16BE+BOM", to_utf16be_bom, "UTF-16BE"},
    {"UTF-16LE", to_utf16le, "UTF-16LE"},
    {"UTF-8+BOM", to_utf8_bom, "UTF-8"},
    {"CRLF", to_crlf, "UTF-8"},
    {"GB18030+CRLF", to_gb18030_crlf, "GB18030"},
};

static int same_str(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

#define SAME(what, a, b, i)                                                                     \
    do {                                                                                        \
        if (!same_str(a, b))                                                                    \
            fail_msg("%s / %s: row %d %s: \"%s\" vs \"%s\"", seed, v->name, i, what,           \
                     (a) ? (a) : "NULL", (b) ? (b) : "NULL");                                   \
    } while (0)
#define SAME_INT(what, a, b, i)                                                                 \
    do {                                                                                        \
        if ((a) != (b))                                                                         \
            fail_msg("%s / %s: row %d %s: %g vs %g", seed, v->name, i, what, (double)(a),       \
                     (double)(b));                                                              \
    } while (0)

static void compare(const char *seed, const variant *v, const gipr_report *a, const gipr_report *b)
{
    SAME("title", a->title, b->title, 0);
    SAME_INT("year", a->year, b->year, 0);
    SAME_INT("template", a->template_, b->template_, 0);
    SAME("period_start", a->period_start, b->period_start, 0);
    SAME("period_end", a->period_end, b->period_end, 0);
    SAME_INT("sections", a->nsections, b->nsections, 0);
    for (int i = 0; i < a->nsections; i++) {
        const gipr_section *x = &a->sections[i], *y = &b->sections[i];
        SAME("number", x->number, y->number, i);
        SAME("heading", x->heading, y->heading, i);
        SAME_INT("line", x->line, y->line, i);
        SAME_INT("level", x->level, y->level, i);
        SAME_INT("parent", x->parent, y->parent, i);
    }
    SAME_INT("indicators", a->nindicators, b->nindicators, 0);
    for (int i = 0; i < a->nindicators; i++) {
        const gipr_indicator *x = &a->indicators[i], *y = &b->indicators[i];
        SAME("code", x->code, y->code, i);
        SAME("dim", x->dim, y->dim, i);
        SAME_INT("value", x->value, y->value, i);
        SAME_INT("source", x->source, y->source, i);
        SAME_INT("line", x->line, y->line, i);
        SAME("qualifier", x->qualifier, y->qualifier, i);
    }
    SAME_INT("checks", a->nchecks, b->nchecks, 0);
    for (int i = 0; i < a->nchecks; i++) {
        SAME("rule", a->checks[i].rule, b->checks[i].rule, i);
        SAME_INT("status", a->checks[i].status, b->checks[i].status, i);
    }
}

static void test_variants_parse_alike(void **state)
{
    (void)state;
    gipr_report *plain = gipr_report_new(), *other = gipr_report_new();
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        const char *seed = seeds[s];
        size_t len;
        char *text = read_fixture(seed, &len);
        gipr_options opt = {.encoding = NULL, .is_html = 0};
        assert_int_equal(gipr_parse(plain, seed, text, len, &opt), 0);
        assert_string_equal(plain->encoding, "UTF-8");
        for (size_t k = 0; k < sizeof variants / sizeof *variants; k++) {
            const variant *v = &variants[k];
            bytes b = v->make(text, len);
            assert_int_equal(gipr_parse(other, seed, b.s, b.len, &opt), 0);
            if (strcmp(other->encoding, v->encoding) != 0)
                fail_msg("%s / %s: encoding %s", seed, v->name, other->encoding);
            compare(seed, v, plain, other);
            free(b.s);
        }
        free(text);
    }
    gipr_report_free(plain);
    gipr_report_free(other);
}

/* A forced encoding reads a GB18030 file as well as detection does. */
static void test_forced_gbk(void **state)
{
    (void)state;
    size_t len;
    const char *seed = seeds[1];
    char *text = read_fixture(seed, &len);
    bytes b = to_gb18030(text, len);
    gipr_report *plain = gipr_report_new(), *forced = gipr_report_new();
    gipr_options detect = {.encoding = NULL, .is_html = 0}, gbk = {.encoding = "GBK", .is_html = 0};
    assert_int_equal(gipr_parse(plain, seed, text, len, &detect), 0);
    assert_int_equal(gipr_parse(forced, seed, b.s, b.len, &gbk), 0);
    assert_string_equal(forced->encoding, "GB18030");
    const variant *v = &(variant){"forced GBK", NULL, "GB18030"};
    compare(seed, v, plain, forced);
    gipr_report_free(plain);
    gipr_report_free(forced);
    free(b.s);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variants_parse_alike),
        cmocka_unit_test(test_forced_gbk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
