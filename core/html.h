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
    GIPR_HTML_MAX_BYTES = 32 << 20,    /* pages are cut here (libxml2 takes an int length) */
};

/* Walk a parsed page: narrative into c->text / c->lines, data tables into c->tables. */
int gipr_html_walk(gipr_ctx *c, xmlDocPtr doc);

#endif
