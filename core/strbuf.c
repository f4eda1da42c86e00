/* A heap string buffer that grows geometrically (for text built outside the arena). */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sb_reserve(gipr_strbuf *b, size_t more)
{
    if (b->oom)
        return -1;
    if (b->len + more + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->oom = 1;
        return -1;
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

void gipr_sb_add(gipr_strbuf *b, const char *s, size_t n)
{
    if (sb_reserve(b, n))
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void gipr_sb_adds(gipr_strbuf *b, const char *s) { gipr_sb_add(b, s, strlen(s)); }

void gipr_sb_addc(gipr_strbuf *b, char c) { gipr_sb_add(b, &c, 1); }

void gipr_sb_printf(gipr_strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sb_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void gipr_sb_clear(gipr_strbuf *b)
{
    b->len = 0;
    b->oom = 0;
    if (b->s)
        b->s[0] = 0;
}

void gipr_sb_free(gipr_strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
