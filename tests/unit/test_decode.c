/* gipr_decode: each encoding, with and without a BOM, forced encodings, undecodable bytes. */
#include "testutil.h"

#include "internal.h"

#include <iconv.h>

typedef struct {
    gipr_report *r;
    gipr_ctx c;
    gipr_options opt;
    char *out;
    size_t len;
} decoded;

/* Decodes bytes[0..n) with an optional forced encoding; the result stays valid until freed. */
static decoded *decode(const void *bytes, size_t n, const char *forced)
{
    decoded *d = calloc(1, sizeof *d);
    d->r = gipr_report_new();
    d->opt = (gipr_options){.encoding = forced, .is_html = 0};
    d->c = (gipr_ctx){.r = d->r, .arena = &d->r->arena, .opt = &d->opt};
    assert_int_equal(gipr_decode(&d->c, bytes, n, &d->out, &d->len), 0);
    assert_int_equal(d->out[d->len], 0);
    return d;
}

static void decoded_free(decoded *d)
{
    gipr_report_free(d->r);
    free(d);
}

/* utf8 converted to `to` with iconv (the test's own converter); caller frees. */
static char *encode(const char *utf8, const char *to, size_t *n)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t in_left = strlen(utf8), cap = in_left * 4 + 8, out_left = cap;
    char *buf = malloc(cap), *src = (char *)utf8, *dst = buf;
    assert_true(iconv(cd, &src, &in_left, &dst, &out_left) != (size_t)-1);
    iconv_close(cd);
    *n = cap - out_left;
    return buf;
}

static const char sample[] = "政府信息公开工作年度报告\n一、总体情况\n2018年共受理申请1523件。\n";

static void assert_decodes_to(const void *bytes, size_t n, const char *forced, const char *text,
                              const char *encoding)
{
    decoded *d = decode(bytes, n, forced);
    assert_string_equal(d->out, text);
    assert_int_equal(d->len, strlen(text));
    assert_string_equal(d->r->encoding, encoding);
    assert_null(d->r->diagnostics);
    decoded_free(d);
}

static void test_utf8(void **state)
{
    (void)state;
    assert_decodes_to(sample, strlen(sample), NULL, sample, "UTF-8");
    assert_decodes_to("plain ascii", 11, NULL, "plain ascii", "UTF-8");
}

static void test_utf8_bom_is_stripped(void **state)
{
    (void)state;
    char buf[256];
    snprintf(buf, sizeof buf, "\xEF\xBB\xBF%s", sample);
    assert_decodes_to(buf, strlen(buf), NULL, sample, "UTF-8");
}

static void test_empty(void **state)
{
    (void)state;
    assert_decodes_to("", 0, NULL, "", "UTF-8");
    assert_decodes_to("\xEF\xBB\xBF", 3, NULL, "", "UTF-8");
    assert_decodes_to("\xFF\xFE", 2, NULL, "", "UTF-16LE");
}

static void test_utf16_with_bom(void **state)
{
    (void)state;
    size_t n;
    char *le = encode(sample, "UTF-16LE", &n);
    char *bom = malloc(n + 2);
    memcpy(bom, "\xFF\xFE", 2);
    memcpy(bom + 2, le, n);
    assert_decodes_to(bom, n + 2, NULL, sample, "UTF-16LE");
    free(le);
    char *be = encode(sample, "UTF-16BE", &n);
    bom = realloc(bom, n + 2);
    memcpy(bom, "\xFE\xFF", 2);
    memcpy(bom + 2, be, n);
    assert_decodes_to(bom, n + 2, NULL, sample, "UTF-16BE");
    free(be);
    free(bom);
}

static void test_utf16_without_bom(void **state)
{
    (void)state;
    size_t n;
    char *le = encode(sample, "UTF-16LE", &n);
    assert_decodes_to(le, n, NULL, sample, "UTF-16LE");
    free(le);
    char *be = encode(sample, "UTF-16BE", &n);
    assert_decodes_to(be, n, NULL, sample, "UTF-16BE");
    free(be);
}

static void test_gbk_and_gb18030(void **state)
{
    (void)state;
    size_t n;
    char *gbk = encode(sample, "GBK", &n);
    assert_decodes_to(gbk, n, NULL, sample, "GB18030");
    free(gbk);
    /* (GB2312 text is GBK text byte for byte; glibc's EUC-CN module upsets valgrind) */
    /* characters outside GBK take four bytes in GB18030 */
    const char *wide = "年度报告 café € 𠀀 ok\n";
    char *gb = encode(wide, "GB18030", &n);
    assert_decodes_to(gb, n, NULL, wide, "GB18030");
    free(gb);
}

static void test_forced_encoding(void **state)
{
    (void)state;
    size_t n;
    char *gbk = encode(sample, "GBK", &n);
    assert_decodes_to(gbk, n, "GBK", sample, "GB18030");
    assert_decodes_to(gbk, n, "gb2312", sample, "GB18030");
    free(gbk);
    char *le = encode(sample, "UTF-16LE", &n);
    assert_decodes_to(le, n, "utf-16le", sample, "UTF-16LE");
    free(le);
    char *latin = encode("café", "ISO-8859-1", &n);
    assert_decodes_to(latin, n, "iso-8859-1", "café", "ISO-8859-1");
    free(latin);
    char bom[64];
    snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", "报告");
    assert_decodes_to(bom, strlen(bom), "utf8", "报告", "UTF-8");
    /* valid UTF-8 forced as GBK is read as GBK: the caller wins */
    decoded *d = decode("\xE6\x8A\xA5", 3, "GBK");
    assert_string_equal(d->r->encoding, "GB18030");
    assert_string_not_equal(d->out, "报");
    decoded_free(d);
}

static void test_unknown_forced_encoding_falls_back(void **state)
{
    (void)state;
    decoded *d = decode(sample, strlen(sample), "NO-SUCH-ENCODING-9");
    assert_string_equal(d->out, sample);
    assert_string_equal(d->r->encoding, "UTF-8");
    assert_non_null(d->r->diagnostics);
    assert_non_null(strstr(d->r->diagnostics, "NO-SUCH-ENCODING-9"));
    decoded_free(d);
}

static int count(const char *s, const char *needle)
{
    int k = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        k++;
    return k;
}

static void test_invalid_bytes_in_utf8(void **state)
{
    (void)state;
    /* much UTF-8 with two broken bytes: still UTF-8, each broken byte one U+FFFD */
    char buf[512];
    snprintf(buf, sizeof buf, "%s\xFF%s\x80%s", sample, sample, sample);
    decoded *d = decode(buf, strlen(buf), NULL);
    assert_string_equal(d->r->encoding, "UTF-8");
    assert_int_equal(count(d->out, "\xEF\xBF\xBD"), 2);
    assert_int_equal(count(d->out, "1523件"), 3);
    assert_non_null(d->r->diagnostics);
    assert_null(strchr(d->r->diagnostics, '\n')); /* one diagnostic */
    decoded_free(d);
    /* a file cut in the middle of a character */
    d = decode(sample, strlen(sample) - 2, NULL);
    assert_string_equal(d->r->encoding, "UTF-8");
    assert_int_equal(count(d->out, "\xEF\xBF\xBD"), 1);
    decoded_free(d);
}

static void test_invalid_bytes_in_gbk(void **state)
{
    (void)state;
    size_t n;
    char *gbk = encode(sample, "GBK", &n);
    char *bad = malloc(2 * n + 8);
    size_t k = 0;
    for (int rep = 0; rep < 2; rep++) { /* sample, 0xFF, sample, 0xFF: two bad bytes */
        memcpy(bad + k, gbk, n);
        k += n;
        bad[k++] = (char)0xFF;
    }
    decoded *d = decode(bad, k, NULL);
    assert_string_equal(d->r->encoding, "GB18030");
    assert_int_equal(count(d->out, "\xEF\xBF\xBD"), 2);
    assert_int_equal(count(d->out, "政府信息公开工作年度报告"), 2);
    assert_null(strchr(d->r->diagnostics, '\n'));
    assert_non_null(strstr(d->r->diagnostics, "2 undecodable"));
    decoded_free(d);
    free(bad);
    free(gbk);
}

static void test_truncated_utf16(void **state)
{
    (void)state;
    size_t n;
    char *le = encode("报告", "UTF-16LE", &n);
    char *bom = malloc(n + 2);
    memcpy(bom, "\xFF\xFE", 2);
    memcpy(bom + 2, le, n);
    decoded *d = decode(bom, n + 1, NULL); /* the last byte is missing */
    assert_string_equal(d->out, "报\xEF\xBF\xBD");
    decoded_free(d);
    free(bom);
    free(le);
}

/* Random bytes never fail and always give valid UTF-8. */
static void test_random_bytes(void **state)
{
    (void)state;
    uint32_t x = 12345;
    unsigned char buf[1024];
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(round * 5) % sizeof buf;
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (unsigned char)(x >> 16);
            if (round % 3 == 0 && i % 2)
                buf[i] = 0; /* UTF-16-like */
        }
        decoded *d = decode(buf, n, round % 7 == 0 ? "GBK" : NULL);
        assert_true(gipr_utf8_valid(d->out, d->len));
        decoded_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_utf8_bom_is_stripped),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_utf16_with_bom),
        cmocka_unit_test(test_utf16_without_bom),
        cmocka_unit_test(test_gbk_and_gb18030),
        cmocka_unit_test(test_forced_encoding),
        cmocka_unit_test(test_unknown_forced_encoding_falls_back),
        cmocka_unit_test(test_invalid_bytes_in_utf8),
        cmocka_unit_test(test_invalid_bytes_in_gbk),
        cmocka_unit_test(test_truncated_utf16),
        cmocka_unit_test(test_random_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
