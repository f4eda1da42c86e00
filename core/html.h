/* Internals shared by the HTML reader's files (html.c, html_walk.c). */
#ifndef GIPR_HTML_H
#define GIPR_HTML_H

#include "internal.h"

#include <libxml/HTMLparser.h>

/* Bounds that keep hostile pages cheap: spans are clipped, tables and text are capped. */
enum {
    GIPR_HTML_MAX_SPAN = 1000,         /* largest rowspan / colspan honoured */
    GIPR_HTML_MAX_COLS = 1000,         /* columns of one table after expansion */
    GIPR_HTML_MAX_CELLS = 100000,      /* cells of one table after expansion */
    GIPR_HTML_MAX_PAGE_CELLS = 400000, /* cells of all tables of one page */
    GIPR_HTML_MAX_TABLES = 10000,      /* data tables of one page; later ones read as narrative */
    GIPR_HTML_LONG_CELL = 400,         /* bytes: a cell this long holds prose (a layout table) */
    GIPR_HTML_LONG_NOTE = 1500,        /* bytes: a note across a table is shorter (an article is not) */
    GIPR_HTML_MAX_BYTES = 32 << 20,    /* pages are cut here (libxml2 takes an int length) */
};

/* mhtml.c: web pages saved as one file (.mht, .mhtml). gipr_mhtml_is tells such a file by its
 * MIME headers; gipr_mhtml_page finds its HTML part and decodes it into the arena, and copies the
 * charset its MIME header declares (or "") into charset. Returns 0, or -1 when there is no HTML
 * part (said by a diagnostic) or memory ran out (c->oom). */
int gipr_mhtml_is(const unsigned char *bytes, size_t len);
int gipr_mhtml_page(gipr_ctx *c, const unsigned char *bytes, size_t len, unsigned char **html,
                    size_t *html_len, char *charset, size_t charset_cap);

/* Walk a parsed page: narrative into c->text / c->lines, data tables into c->tables. */
int gipr_html_walk(gipr_ctx *c, xmlDocPtr doc);

#endif
