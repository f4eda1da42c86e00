/* Web pages saved as one file (.mht / .mhtml: a browser's "Web page, single file", Word's "single
 * file web page"): a MIME message whose text/html part is the page, most often quoted-printable
 * (=E4=B8=80) or base64. Only that part is read; pictures and style sheets are skipped. */
#include "html.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum { HEADER_MAX = 16384, PARAM_MAX = 200 };

typedef struct {
    const char *s; /* header block, up to the blank line */
    size_t len;
    const char *body; /* what follows the blank line */
} mime_part;

/* Splits at the first blank line (LF or CRLF). Returns 0 when there is none within HEADER_MAX. */
static int split_headers(const char *s, size_t n, mime_part *p)
{
    size_t limit = n < HEADER_MAX ? n : HEADER_MAX;
    for (size_t i = 0; i < limit; i++) {
        if (s[i] != '\n')
            continue;
        size_t j = i + 1;
        if (j < n && s[j] == '\r')
            j++;
        if (j < n && s[j] == '\n') {
            *p = (mime_part){.s = s, .len = i, .body = s + j + 1};
            return 1;
        }
        if (j >= n) {
            *p = (mime_part){.s = s, .len = i, .body = s + n};
            return 1;
        }
    }
    return 0;
}

/* The value of header `name` (folded continuation lines included), copied to out with white
 * space collapsed; 0 when the header is absent. */
static int header_value(const mime_part *p, const char *name, char *out, size_t cap)
{
    size_t k = strlen(name), o = 0;
    for (size_t i = 0; i + k < p->len; i++) {
        if ((i > 0 && p->s[i - 1] != '\n') || strncasecmp(p->s + i, name, k) != 0 || p->s[i + k] != ':')
            continue;
        for (i += k + 1; i < p->len && o + 1 < cap; i++) {
            char ch = p->s[i];
            if (ch == '\n' && !(i + 1 < p->len && (p->s[i + 1] == ' ' || p->s[i + 1] == '\t')))
                break;
            if (isspace((unsigned char)ch)) {
                if (o && out[o - 1] != ' ')
                    out[o++] = ' ';
                continue;
            }
            out[o++] = ch;
        }
        while (o && out[o - 1] == ' ')
            o--;
        out[o] = 0;
        return 1;
    }
    out[0] = 0;
    return 0;
}

/* A parameter of a header value: boundary="----=_NextPart_000", charset=gb2312. */
static void header_param(const char *value, const char *name, char *out, size_t cap)
{
    size_t k = strlen(name), o = 0;
    out[0] = 0;
    for (const char *p = value; (p = strcasestr(p, name)) != NULL; p += k) {
        if (p > value && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))
            continue;
        const char *v = p + k;
        while (*v == ' ')
            v++;
        if (*v != '=')
            continue;
        v++;
        while (*v == ' ')
            v++;
        char quote = *v == '"' ? *v++ : 0;
        while (*v && o + 1 < cap && (quote ? *v != quote : *v != ';' && *v != ' '))
            out[o++] = *v++;
        out[o] = 0;
        return;
    }
}

int gipr_mhtml_is(const unsigned char *b, size_t len)
{
    mime_part top;
    char type[PARAM_MAX];
    return split_headers((const char *)b, len, &top) && header_value(&top, "MIME-Version", type, sizeof type) &&
           header_value(&top, "Content-Type", type, sizeof type) &&
           (strncasecmp(type, "multipart/", 10) == 0 || strncasecmp(type, "text/html", 9) == 0);
}

static int hex_digit(char ch)
{
    return ch >= '0' && ch <= '9' ? ch - '0'
           : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
           : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                    : -1;
}

/* =E4=B8=80 to bytes, soft line breaks (= at a line's end) removed. Returns the length written. */
static size_t decode_quoted_printable(const char *s, size_t n, unsigned char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '=') {
            out[o++] = (unsigned char)s[i];
            continue;
        }
        size_t j = i + 1;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j < n && (s[j] == '\n' || s[j] == '\r')) { /* soft break */
            i = j + (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n');
            continue;
        }
        int hi = i + 2 < n ? hex_digit(s[i + 1]) : -1, lo = i + 2 < n ? hex_digit(s[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            out[o++] = '=';
            continue;
        }
        out[o++] = (unsigned char)(hi << 4 | lo);
        i += 2;
    }
    return o;
}

static size_t decode_base64(const char *s, size_t n, unsigned char *out)
{
    size_t o = 0;
    unsigned bits = 0;
    int have = 0;
    for (size_t i = 0; i < n && s[i] != '='; i++) {
        const char *digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const char *at = s[i] ? strchr(digits, s[i]) : NULL;
        if (!at)
            continue; /* line breaks and junk */
        bits = (bits << 6 | (unsigned)(at - digits)) & 0xFFFFFF;
        if ((have += 6) >= 8) {
            have -= 8;
            out[o++] = (unsigned char)(bits >> have);
        }
    }
    return o;
}

/* The body of part p, which ends at end, decoded by its Content-Transfer-Encoding into the
 * arena. */
static unsigned char *decode_body(gipr_ctx *c, const mime_part *p, const char *end, size_t *len)
{
    char encoding[PARAM_MAX];
    header_value(p, "Content-Transfer-Encoding", encoding, sizeof encoding);
    size_t n = (size_t)(end - p->body);
    unsigned char *out = gipr_arena_alloc(c->arena, n + 1);
    if (!out) {
        c->oom = 1;
        return NULL;
    }
    if (strcasecmp(encoding, "quoted-printable") == 0)
        *len = decode_quoted_printable(p->body, n, out);
    else if (strcasecmp(encoding, "base64") == 0)
        *len = decode_base64(p->body, n, out);
    else
        memcpy(out, p->body, *len = n);
    out[*len] = 0;
    return out;
}

/* The first text/html part between the boundaries of a multipart body. */
static int find_html_part(const char *body, const char *end, const char *boundary, mime_part *part,
                          const char **part_end)
{
    char delimiter[PARAM_MAX + 4];
    size_t dlen = (size_t)snprintf(delimiter, sizeof delimiter, "--%s", boundary);
    const char *p = body;
    for (;;) {
        const char *start = memmem(p, (size_t)(end - p), delimiter, dlen);
        if (!start)
            return 0;
        const char *after = start + dlen;
        if (after + 2 <= end && after[0] == '-' && after[1] == '-')
            return 0; /* the closing delimiter */
        const char *next = memmem(after, (size_t)(end - after), delimiter, dlen);
        const char *stop = next ? next : end;
        char type[PARAM_MAX];
        while (after < stop && (*after == '\r' || *after == '\n' || *after == ' ' || *after == '\t'))
            after++;
        if (split_headers(after, (size_t)(stop - after), part) &&
            header_value(part, "Content-Type", type, sizeof type) &&
            strncasecmp(type, "text/html", 9) == 0) {
            *part_end = stop;
            return 1;
        }
        if (!next)
            return 0;
        p = next;
    }
}

int gipr_mhtml_page(gipr_ctx *c, const unsigned char *bytes, size_t len, unsigned char **html,
                    size_t *html_len, char *charset, size_t charset_cap)
{
    const char *s = (const char *)bytes, *end = s + len;
    mime_part top, part;
    char type[PARAM_MAX], boundary[PARAM_MAX];
    charset[0] = 0;
    if (!split_headers(s, len, &top) || !header_value(&top, "Content-Type", type, sizeof type))
        return -1;
    const char *part_end = end;
    if (strncasecmp(type, "multipart/", 10) == 0) {
        header_param(type, "boundary", boundary, sizeof boundary);
        if (!boundary[0] || !find_html_part(top.body, end, boundary, &part, &part_end)) {
            gipr_diag(c, "html: a single-file web page (MHTML) without an HTML part");
            return -1;
        }
        header_value(&part, "Content-Type", type, sizeof type);
    } else {
        part = top;
    }
    header_param(type, "charset", charset, charset_cap);
    *html = decode_body(c, &part, part_end, html_len);
    return *html ? 0 : -1;
}
