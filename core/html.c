/* Saved web pages: telling HTML from text, finding the page's charset, and parsing it with
 * libxml2's HTML parser. The DOM is turned into lines and tables by html_walk.c. */
#include "html.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int has_suffix_ci(const char *name, const char *suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    return n >= m && strcasecmp(name + n - m, suffix) == 0;
}

/* The start of the page as ASCII: UTF-16 pages (found by their BOM) lose their zero bytes, so
 * that one sniffer serves every encoding. Returns the bytes copied to out. */
static size_t ascii_head(const unsigned char *b, size_t len, char *out, size_t cap)
{
    size_t i = 0, o = 0, step = 1;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        i = 3;
    else if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        i = b[0] == 0xFF ? 2 : 3, step = 2; /* LE: low byte first; BE: skip the zero byte */
    for (; i < len && o + 1 < cap; i += step)
        out[o++] = (char)b[i];
    out[o] = 0;
    return o;
}

/* Skips white space, comments (IE's "saved from url" mark) and <?xml ...?>; returns where the
 * first real markup or text starts. */
static const char *skip_prolog(const char *p)
{
    for (;;) {
        while (*p && isspace((unsigned char)*p))
            p++;
        if (strncmp(p, "<!--", 4) == 0) {
            const char *end = strstr(p + 4, "-->");
            if (!end)
                return p;
            p = end + 3;
        } else if (strncmp(p, "<?", 2) == 0) {
            const char *end = strchr(p, '>');
            if (!end)
                return p;
            p = end + 1;
        } else {
            return p;
        }
    }
}

/* Tags a page may open with; a text report never starts with one of these. */
static int starts_with_html_tag(const char *p)
{
    static const char *const tags[] = {"!doctype html", "html", "head", "body", "meta", "title",
                                       "table", "p", "div", "span", "style", "script", "link",
                                       "h1", "h2", "h3", "center", "font", "base"};
    if (*p != '<')
        return 0;
    p++;
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        size_t n = strlen(tags[i]);
        if (strncasecmp(p, tags[i], n) == 0 && (p[n] == '>' || p[n] == '/' || isspace((unsigned char)p[n])))
            return 1;
    }
    return 0;
}

/* Any tag at all: "<" followed by a letter, "/" or "!". */
static int has_markup(const char *p)
{
    for (; (p = strchr(p, '<')) != NULL; p++)
        if (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!')
            return 1;
    return 0;
}

int gipr_looks_like_html(const char *name, const unsigned char *bytes, size_t len)
{
    if (gipr_mhtml_is(bytes, len))
        return 1;
    char head[8192];
    ascii_head(bytes, len, head, sizeof head);
    const char *p = skip_prolog(head);
    if (starts_with_html_tag(p))
        return 1;
    /* a .html name counts only when there is markup: a text file misnamed .html must keep its
     * lines, which an HTML parser would run together */
    int by_name = name && (has_suffix_ci(name, ".htm") || has_suffix_ci(name, ".html") ||
                           has_suffix_ci(name, ".shtml") || has_suffix_ci(name, ".xhtml"));
    return by_name && has_markup(p);
}

/* ---- charset ------------------------------------------------------------------------------- */

/* The names decode.c reports; the GB family (gb2312, gbk, ...) is read as its superset. */
static const char *canonical_charset(const char *declared)
{
    static const struct {
        const char *alias, *name;
    } names[] = {
        {"utf-8", "UTF-8"},       {"utf8", "UTF-8"},     {"gb2312", "GB18030"},
        {"gbk", "GB18030"},       {"gb18030", "GB18030"}, {"x-gbk", "GB18030"},
        {"cp936", "GB18030"},     {"euc-cn", "GB18030"}, {"x-euc-cn", "GB18030"},
        {"windows-936", "GB18030"}, {"gb_2312-80", "GB18030"}, {"csgb2312", "GB18030"},
        {"big5", "BIG5"},         {"big5-hkscs", "BIG5-HKSCS"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcasecmp(declared, names[i].alias) == 0)
            return names[i].name;
    return NULL; /* anything else (often a CMS default such as iso-8859-1) is not trusted */
}

/* Reads the value after "charset" / "encoding" at p: optional spaces, '=', quotes. */
static void read_charset_value(const char *p, char *out, size_t cap)
{
    size_t o = 0;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (*p != '=') {
        out[0] = 0;
        return;
    }
    p++;
    while (*p == ' ' || *p == '"' || *p == '\'')
        p++;
    while ((isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':') &&
           o + 1 < cap)
        out[o++] = *p++;
    out[o] = 0;
}

/* The charset a page declares in <meta charset>, <meta http-equiv content="...; charset=">
 * or <?xml encoding=?>, as written (into out) and as a canonical name; NULL when none is
 * declared or it is not one we trust. Looks only at the start of the page, where browsers
 * look. */
static const char *declared_charset(const char *head, char *out, size_t cap)
{
    out[0] = 0;
    if (strncmp(head, "<?xml", 5) == 0) {
        const char *end = strchr(head, '>');
        const char *enc = strstr(head, "encoding");
        if (enc && end && enc < end)
            read_charset_value(enc + 8, out, cap);
        if (canonical_charset(out))
            return canonical_charset(out);
    }
    for (const char *p = head; (p = strcasestr(p, "<meta")) != NULL; p += 5) {
        const char *end = strchr(p, '>');
        if (!end)
            break;
        for (const char *q = p; (q = strcasestr(q, "charset")) != NULL && q < end; q += 7) {
            read_charset_value(q + 7, out, cap);
            if (out[0])
                return canonical_charset(out);
        }
    }
    return NULL;
}

static int has_non_ascii(const unsigned char *b, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (b[i] >= 0x80)
            return 1;
    return 0;
}

/* BOM, then the declared charset checked against the bytes (sites declare gb2312 and serve
 * UTF-8, and the reverse), then UTF-8 validity, then GB18030. The page's own <meta> declares;
 * failing that, the transport (the MIME header of a saved single-file page, or NULL). *skip is
 * the BOM's length. */
static const char *detect_charset(gipr_ctx *c, const unsigned char *b, size_t len,
                                  const char *transport, size_t *skip)
{
    *skip = 0;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        *skip = 3;
        return "UTF-8";
    }
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        *skip = 2;
        return "UTF-16LE";
    }
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        *skip = 2;
        return "UTF-16BE";
    }
    char head[8192], written[64];
    ascii_head(b, len, head, sizeof head);
    const char *declared = declared_charset(skip_prolog(head), written, sizeof written);
    if (!declared && transport && canonical_charset(transport)) {
        snprintf(written, sizeof written, "%s", transport);
        declared = canonical_charset(transport);
    }
    int utf8 = gipr_utf8_valid((const char *)b, len);
    if (!declared)
        return utf8 ? "UTF-8" : "GB18030";
    if (strcmp(declared, "UTF-8") == 0 && !utf8) {
        gipr_diag(c, "html: the page declares %s but is not UTF-8; read as GB18030", written);
        return "GB18030";
    }
    if (strcmp(declared, "UTF-8") != 0 && utf8 && has_non_ascii(b, len)) {
        gipr_diag(c, "html: the page declares %s but is UTF-8; read as UTF-8", written);
        return "UTF-8";
    }
    return declared;
}

/* Converts the page to UTF-8 through decode.c, forcing the charset found here (or the one the
 * caller forced). */
static int decode_page(gipr_ctx *c, const unsigned char *bytes, size_t len, const char *transport,
                       char **utf8, size_t *utf8_len)
{
    size_t skip = 0;
    const char *charset = c->opt && c->opt->encoding ? c->opt->encoding
                                                    : detect_charset(c, bytes, len, transport, &skip);
    gipr_options forced = c->opt ? *c->opt : (gipr_options){.is_html = 1};
    forced.encoding = charset;
    const gipr_options *caller = c->opt;
    c->opt = &forced;
    int rc = gipr_decode(c, bytes + skip, len - skip, utf8, utf8_len);
    c->opt = caller;
    if (!caller || !caller->encoding)
        c->r->encoding = charset;
    return rc;
}

/* Word's downlevel-revealed conditionals, <![if !supportLists]> ... <![endif]>, are markup
 * libxml2 does not know and would show as text; the content between them is the page's own
 * (list numbers), so only the marks go. Works in place. */
static void drop_conditional_marks(char *s, size_t *len)
{
    size_t o = 0, i = 0, n = *len;
    while (i < n) {
        if (s[i] == '<' && i + 4 < n && s[i + 1] == '!' && s[i + 2] == '[' &&
            (strncasecmp(s + i + 3, "if", 2) == 0 || strncasecmp(s + i + 3, "endif", 5) == 0)) {
            const char *end = memmem(s + i, n - i < 256 ? n - i : 256, "]>", 2);
            if (end) {
                i = (size_t)(end - s) + 2;
                continue;
            }
        }
        s[o++] = s[i++];
    }
    *len = o;
}

/* ---- parsing ------------------------------------------------------------------------------ */

/* libxml2 gives up on elements nested more than 256 deep and drops the rest of the page. Old
 * sites get there with tags they never close (<P><FONT size=2> in every paragraph, <div>s
 * opened in a loop). Such a page is parsed again flattened: first without its inline
 * formatting tags, whose removal changes no text; then also with its container blocks turned
 * into line breaks. */
static const char *const inline_tags[] = {
    "font", "span", "b", "strong", "i", "em", "u", "a", "small", "big", "sup", "sub", "s",
    "strike", "ins", "del", "abbr", "acronym", "cite", "code", "kbd", "label", "q", "samp",
    "var", "tt", "nobr", "wbr", "o:p", "st1:chsdate", "st1:chmetcnv", "st1:personname",
};
static const char *const container_tags[] = {
    "div", "section", "article", "main", "center", "blockquote", "form", "aside", "header",
    "footer", "nav", "ul", "ol", "dl", "fieldset", "address",
};

static int tag_in(const char *name, size_t n, const char *const *tags, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(tags[i]) == n && strncasecmp(name, tags[i], n) == 0)
            return 1;
    return 0;
}

/* Copies the page without the tags that flattening removes (level 1: inline tags; level 2:
 * also containers, which become <br>). Returns the new length. */
static size_t flatten(const char *in, size_t n, char *out, int level)
{
    size_t o = 0, i = 0;
    while (i < n) {
        size_t j = i + 1 + (i + 1 < n && in[i + 1] == '/');
        size_t name = j;
        while (j < n && (isalnum((unsigned char)in[j]) || in[j] == ':' || in[j] == '-' || in[j] == '_'))
            j++;
        if (in[i] != '<' || j == name) {
            out[o++] = in[i++];
            continue;
        }
        int inl = tag_in(in + name, j - name, inline_tags, sizeof inline_tags / sizeof *inline_tags);
        int box = level >= 2 && tag_in(in + name, j - name, container_tags,
                                       sizeof container_tags / sizeof *container_tags);
        char quote = 0;
        size_t end = j;
        for (; end < n && end - i < 1024 && (quote || in[end] != '>'); end++)
            if (in[end] == '"' || in[end] == '\'')
                quote = quote == in[end] ? 0 : quote ? quote : in[end];
        if ((!inl && !box) || end >= n || in[end] != '>') {
            out[o++] = in[i++];
            continue;
        }
        if (box) { /* "<br>" is never longer than the tag it replaces */
            memcpy(out + o, "<br>", 4);
            o += 4;
        }
        i = end + 1;
    }
    return o;
}

/* Parses UTF-8 markup; *halted is set when the parser stopped before the end of the page. */
static xmlDocPtr parse_markup(const char *s, size_t n, int *halted)
{
    /* the charset is settled: the parser must not switch on the page's own <meta> */
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC;
    *halted = 0;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return NULL;
    xmlDocPtr doc = htmlCtxtReadMemory(ctxt, s, (int)n, NULL, "UTF-8", options);
    *halted = ctxt->instate == XML_PARSER_EOF && ctxt->errNo == XML_ERR_INTERNAL_ERROR;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

static xmlDocPtr parse_page(gipr_ctx *c, char *s, size_t n)
{
    int halted;
    xmlDocPtr doc = parse_markup(s, n, &halted);
    for (int level = 1; halted && level <= 2; level++) {
        xmlFreeDoc(doc);
        n = flatten(s, n, s, level); /* in place: the output never overtakes the input */
        doc = parse_markup(s, n, &halted);
        gipr_diag(c, "html: markup nested too deep; read again without its %s",
                  level == 1 ? "inline formatting" : "inline formatting and containers");
    }
    if (halted)
        gipr_diag(c, "html: markup nested too deep; the rest of the page was not read");
    return doc;
}

int gipr_html_read(gipr_ctx *c, const unsigned char *bytes, size_t len)
{
    c->r->format = "html";
    if (len > GIPR_HTML_MAX_BYTES) {
        gipr_diag(c, "html: page of %zu bytes cut to %d", len, GIPR_HTML_MAX_BYTES);
        len = GIPR_HTML_MAX_BYTES;
    }
    char transport[64] = "";
    if (gipr_mhtml_is(bytes, len)) {
        unsigned char *page;
        size_t page_len;
        if (gipr_mhtml_page(c, bytes, len, &page, &page_len, transport, sizeof transport) == 0) {
            bytes = page;
            len = page_len;
        } else if (c->oom) {
            return -1;
        } else {
            len = 0; /* no page in the archive: an empty page, with the diagnostic said */
        }
    }
    char *utf8;
    size_t utf8_len;
    if (decode_page(c, bytes, len, transport[0] ? transport : NULL, &utf8, &utf8_len))
        return -1;
    if (utf8_len > GIPR_HTML_MAX_BYTES) { /* UTF-8 of GB18030 is half as long again */
        utf8_len = GIPR_HTML_MAX_BYTES;
        while (utf8_len && ((unsigned char)utf8[utf8_len] & 0xC0) == 0x80)
            utf8_len--; /* cut between characters */
    }
    drop_conditional_marks(utf8, &utf8_len);
    xmlInitParser(); /* once per process; cheap afterwards */
    xmlDocPtr doc = parse_page(c, utf8, utf8_len);
    int rc = gipr_html_walk(c, doc);
    if (doc)
        xmlFreeDoc(doc);
    return rc;
}
