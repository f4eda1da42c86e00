/* Shared helpers of the cmocka unit tests. */
#ifndef GIPR_TESTUTIL_H
#define GIPR_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gipr.h"

#ifndef GIPR_FIXTURES
#define GIPR_FIXTURES "tests/fixtures"
#endif

/* Read a whole fixture file (relative to the repo root); abort the test when missing. */
static inline char *read_fixture(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GIPR_FIXTURES, rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open fixture %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Parse a text given in the test itself. */
static inline gipr_report *parse_text(const char *name, const char *text)
{
    gipr_report *r = gipr_report_new();
    assert_non_null(r);
    assert_int_equal(gipr_parse(r, name, text, strlen(text), NULL), 0);
    return r;
}

/* The indicator code[dim] of a report (source "table" or "text", NULL for either), or NULL. */
static inline const gipr_indicator *find_indicator(const gipr_report *r, const char *code,
                                                   const char *dim, int source)
{
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *x = &r->indicators[i];
        if (strcmp(x->code, code) != 0)
            continue;
        if ((dim == NULL) != (x->dim == NULL) || (dim && strcmp(dim, x->dim) != 0))
            continue;
        if (source >= 0 && (int)x->source != source)
            continue;
        return x;
    }
    return NULL;
}

#endif
