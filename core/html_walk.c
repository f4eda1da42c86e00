/* From a parsed page to what the readers read.
 *
 * Narrative: the text of the page body, one line per paragraph, heading, list item or <br>,
 * white space collapsed the way a browser shows it, then normalised like any text report. Page
 * chrome (scripts, styles, navigation, headers and footers, share and print buttons, hidden
 * elements) is left out.
 *
 * Tables: every innermost table that holds data becomes a gipr_table (kind 0, from_html 1) whose
 * cells carry their row and column after rowspan/colspan expansion. A merged cell repeats its
 * text into every slot it covers, so `三、本年度办理结果` (rowspan 20) is seen on each of its rows
 * and `申请人情况` (colspan 7) above each of its columns; empty cells are empty strings. The
 * table's rows also appear in the narrative as lines (cells joined by tabs) marked
 * GIPR_LINE_TABLE with line->table set, so that nothing reads them as headings or prose.
 * A table that holds other tables, has a single column or holds long prose lays the page out:
 * its contents are read as narrative.
 *
 * Every walk is iterative (pages nest thousands deep) and every span, table and cell count is
 * bounded (html.h). */
#include "html.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- collecting text as a browser shows it ---------------------------------------------------- */

typedef struct {
    gipr_strbuf buf;
    int pending; /* white space not yet written: 0 none, 1 spaces, 2 spaces with a line break */
    int src;     /* source line of the first character, 0 before any */
} collector;

static int is_html_space(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

/* Appends text, collapsing runs of white space to one space. A run holding a line break next
 * to a Chinese character is dropped: editors wrap long lines of Chinese anywhere, and
 * "政府信息\n公开" must read as one word. */
static void collect(collector *k, const char *s, size_t n, int line)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (is_html_space(ch)) {
            int level = ch == '\n' || ch == '\r' ? 2 : 1;
            if (k->pending < level)
                k->pending = level;
            continue;
        }
        if (k->pending && k->buf.len) {
            unsigned char last = (unsigned char)k->buf.s[k->buf.len - 1];
            if (k->pending == 1 || (last < 0x80 && ch < 0x80))
                gipr_sb_addc(&k->buf, ' ');
        }
        k->pending = 0;
        if (!k->src)
            k->src = line;
        gipr_sb_addc(&k->buf, (char)ch);
    }
}

/* A boundary that a browser shows as a gap (a block inside a table cell). */
static void collect_gap(collector *k)
{
    if (k->pending < 1)
        k->pending = 1;
}

static void collector_reset(collector *k)
{
    gipr_sb_clear(&k->buf);
    k->pending = 0;
    k->src = 0;
}

/* ---- what the page is made of --------------------------------------------------------------- */

static int is_element(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static int name_in(xmlNodePtr n, const char *const *names, size_t count)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    for (size_t i = 0; i < count; i++)
        if (strcmp((const char *)n->name, names[i]) == 0)
            return 1;
    return 0;
}
#define NAME_IN(n, list) name_in((n), (list), sizeof(list) / sizeof *(list))

/* Elements whose text is never part of the report. */
static const char *const never_text[] = {
    "head",   "title",    "script", "style",  "noscript", "template", "meta",   "link",
    "iframe", "frame",    "frameset", "object", "embed",  "applet",   "svg",    "math",
    "canvas", "audio",    "video",  "select", "option", "optgroup", "button", "textarea",
    "input",  "map",      "area",   "img",    "nav",    "xml",      "datalist",
};

/* Elements that end a line of text. */
static const char *const block_tags[] = {
    "p",       "div",     "h1",     "h2",    "h3",     "h4",         "h5",     "h6",
    "li",      "ul",      "ol",     "dl",    "dt",     "dd",         "table",  "tr",
    "td",      "th",      "thead",  "tbody", "tfoot",  "caption",    "section", "article",
    "main",    "aside",   "header", "footer", "blockquote", "pre",    "address", "center",
    "hr",      "form",    "fieldset", "legend", "figure", "figcaption", "details", "summary",
    "body",    "html",    "dir",    "menu",
};

static int is_block(xmlNodePtr n) { return NAME_IN(n, block_tags); }

/* Elements that usually hold page furniture, by tag or by a word of their class or id. They are
 * dropped only when they look like furniture (see is_chrome): a CMS may well call the div that
 * holds the whole report "print-content" or wrap the page in one <form>. */
static const char *const chrome_tags[] = {"header", "footer", "aside", "form"};
static const char *const chrome_words[] = {
    "nav",    "navbar", "menu",     "menubar",  "submenu", "breadcrumb", "breadcrumbs", "crumb",
    "crumbs", "header", "footer",   "foot",     "share",   "bdsharebuttonbox", "print",  "toolbar",
    "sidebar", "copyright", "login", "search",  "skip",    "position",   "location",    "topbar",
};

static int word_is_chrome(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof chrome_words / sizeof *chrome_words; i++)
        if (strlen(chrome_words[i]) == n && strncasecmp(w, chrome_words[i], n) == 0)
            return 1;
    return 0;
}

/* class="main-nav share_box" holds the words main, nav, share, box. */
static int attr_has_chrome_word(xmlNodePtr n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST attr);
    if (!v)
        return 0;
    int found = 0;
    const char *p = (const char *)v;
    while (*p && !found) {
        size_t len = strcspn(p, " \t\r\n-_");
        found = len && word_is_chrome(p, len);
        p += len;
        if (*p)
            p++;
    }
    xmlFree(v);
    return found;
}

static int is_hidden(xmlNodePtr n)
{
    if (xmlHasProp(n, BAD_CAST "hidden"))
        return 1;
    xmlChar *style = xmlGetProp(n, BAD_CAST "style");
    if (!style)
        return 0;
    char compact[256];
    size_t o = 0;
    for (const xmlChar *p = style; *p && o + 1 < sizeof compact; p++)
        if (!is_html_space(*p))
            compact[o++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    compact[o] = 0;
    xmlFree(style);
    return strstr(compact, "display:none") != NULL || strstr(compact, "visibility:hidden") != NULL;
}

/* Next node of a depth-first walk of the subtree at root, children first unless skip_children. */
static xmlNodePtr next_in(xmlNodePtr n, xmlNodePtr root, int skip_children)
{
    if (!skip_children && n->children)
        return n->children;
    while (n != root && !n->next)
        n = n->parent;
    return n == root ? NULL : n->next;
}

static int has_descendant_table(xmlNodePtr table)
{
    for (xmlNodePtr n = next_in(table, table, 0); n; n = next_in(n, table, 0))
        if (is_element(n, "table"))
            return 1;
    return 0;
}

/* Furniture: a candidate element with little text, no table and no title heading. A subtree
 * too big to measure cheaply is content. */
static int is_chrome(xmlNodePtr el)
{
    if (!NAME_IN(el, chrome_tags) && !attr_has_chrome_word(el, "class") &&
        !attr_has_chrome_word(el, "id"))
        return 0;
    size_t text = 0;
    int visited = 0;
    for (xmlNodePtr n = next_in(el, el, 0); n; n = next_in(n, el, 0)) {
        if (++visited > 5000 || is_element(n, "table") || is_element(n, "h1") ||
            is_element(n, "h2"))
            return 0;
        if (n->type == XML_TEXT_NODE && n->content && (text += strlen((const char *)n->content)) > 1500)
            return 0;
    }
    return 1;
}

static int is_dropped(xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE)
        return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
    return NAME_IN(n, never_text) || is_hidden(n) || is_chrome(n);
}

static int source_line(xmlNodePtr n)
{
    long line = xmlGetLineNo(n);
    return line > 0 && line < 1L << 30 ? (int)line : 0;
}

/* ---- the walker's output ---------------------------------------------------------------------- */

typedef struct {
    int src;   /* source line */
    int table; /* index into c->tables for a table row, else -1 */
} line_info;

typedef struct {
    const char *s; /* the row's own cells joined by tabs */
    size_t len;
    int src;
} row_line;

typedef struct {
    const char *s; /* text and line of the cell whose rowspan covers this column */
    size_t len;
    int line;
    int rows_left;
} span_slot;

typedef struct {
    gipr_ctx *c;
    collector line;      /* the narrative line being built */
    gipr_strbuf text;    /* finished lines, normalised, each ended by '\n' */
    line_info *info;     /* one per finished line */
    int ninfo, cap_info;
    int pre;             /* inside <pre>: line breaks are kept */
    span_slot *spans;    /* GIPR_HTML_MAX_COLS slots, reused by every table */
    int page_cells;
} walker;

/* Normalises raw text into the arena, line breaks turned to spaces, trimmed. */
static const char *normalised(walker *w, const char *s, size_t n, size_t *len)
{
    char *out;
    size_t out_len;
    if (gipr_normalize(w->c, s, n, &out, &out_len)) {
        w->c->oom = 1;
        *len = 0;
        return "";
    }
    for (size_t i = 0; i < out_len; i++)
        if (out[i] == '\n' || out[i] == '\r')
            out[i] = ' ';
    /* trim white space, including what normalisation leaves of U+3000 and NBSP */
    size_t start = 0, end = out_len;
    while (start < end) {
        uint32_t cp;
        int k = gipr_utf8_next(out + start, end - start, &cp);
        if (gipr_fold_cp(cp) != ' ' && cp != '\t')
            break;
        start += (size_t)k;
    }
    while (end > start) {
        size_t k = 1;
        while (k < end - start && k < 4 && ((unsigned char)out[end - k] & 0xC0) == 0x80)
            k++;
        uint32_t cp;
        gipr_utf8_next(out + end - k, k, &cp);
        if (gipr_fold_cp(cp) != ' ' && cp != '\t')
            break;
        end -= k;
    }
    out[end] = 0;
    *len = end - start;
    return out + start;
}

static void add_line(walker *w, const char *s, size_t n, int src, int table)
{
    size_t len;
    const char *t = normalised(w, s, n, &len);
    if (!len)
        return;
    void *items = w->info;
    if (gipr_grow(w->c->arena, &items, &w->cap_info, w->ninfo, sizeof(line_info))) {
        w->c->oom = 1;
        return;
    }
    w->info = items;
    w->info[w->ninfo++] = (line_info){.src = src, .table = table};
    gipr_sb_add(&w->text, t, len);
    gipr_sb_addc(&w->text, '\n');
}

static void finish_line(walker *w)
{
    if (w->line.buf.len)
        add_line(w, w->line.buf.s, w->line.buf.len, w->line.src, -1);
    collector_reset(&w->line);
}

/* libxml2 numbers a text node by the line where it ends; its text starts that many line breaks
 * earlier. */
static int text_start_line(xmlNodePtr n, const char *s)
{
    int line = source_line(n);
    for (; *s && line > 1; s++)
        line -= *s == '\n';
    return line;
}

static void narrative_text(walker *w, xmlNodePtr n)
{
    const char *s = (const char *)n->content;
    if (!s)
        return;
    int line = text_start_line(n, s);
    if (!w->pre) {
        collect(&w->line, s, strlen(s), line);
        return;
    }
    for (const char *nl; (nl = strchr(s, '\n')) != NULL; s = nl + 1, line++) {
        collect(&w->line, s, (size_t)(nl - s), line);
        finish_line(w);
    }
    collect(&w->line, s, strlen(s), line);
}

/* ---- tables ----------------------------------------------------------------------------------- */

/* The text of one cell: its blocks and <br> read as spaces. */
static const char *cell_text(walker *w, xmlNodePtr cell, size_t *len)
{
    collector k = {0};
    for (xmlNodePtr n = next_in(cell, cell, 0); n;) {
        int skip = is_dropped(n);
        if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
            collect(&k, (const char *)n->content, strlen((const char *)n->content), 0);
        else if (!skip && (is_element(n, "br") || is_block(n)))
            collect_gap(&k);
        n = next_in(n, cell, skip);
    }
    if (k.buf.oom)
        w->c->oom = 1;
    const char *s = k.buf.len ? normalised(w, k.buf.s, k.buf.len, len) : (*len = 0, "");
    gipr_sb_free(&k.buf);
    return s;
}

static int span_attr(xmlNodePtr cell, const char *name)
{
    xmlChar *v = xmlGetProp(cell, BAD_CAST name);
    if (!v)
        return 1;
    long n = strtol((const char *)v, NULL, 10);
    xmlFree(v);
    if (n == 0 && strcmp(name, "rowspan") == 0)
        return GIPR_HTML_MAX_SPAN; /* rowspan="0": to the end of the table */
    return n < 1 ? 1 : n > GIPR_HTML_MAX_SPAN ? GIPR_HTML_MAX_SPAN : (int)n;
}

/* One table's grid while it is built: cells into t (not yet in c->tables), one narrative line per
 * row into rows. */
typedef struct {
    gipr_table t;
    row_line *rows;
    int nrows, cap_rows;
    int max_cols;
    int prose;   /* a cell long enough to be prose */
    int full;    /* cell bounds reached */
    int span_hi; /* slots of w->spans in use */
} grid;

static void put_cell(walker *w, grid *g, int row, int col, const char *s, size_t len, int line)
{
    if (g->t.ncells >= GIPR_HTML_MAX_CELLS || w->page_cells >= GIPR_HTML_MAX_PAGE_CELLS) {
        g->full = 1;
        return;
    }
    gipr_cell *cell = gipr_add_cell(w->c, &g->t);
    if (!cell)
        return;
    *cell = (gipr_cell){.s = s, .len = len, .line = line, .row = row, .col = col};
    w->page_cells++;
    if (col + 1 > g->max_cols)
        g->max_cols = col + 1;
}

/* Fills the columns from *col onwards that cells of rows above still cover, up to the first free
 * column (or to the end of the row when to_end). */
static void put_spanned(walker *w, grid *g, int row, int *col, int to_end)
{
    while (*col < g->span_hi && (to_end || w->spans[*col].rows_left > 0)) {
        span_slot *slot = &w->spans[*col];
        if (slot->rows_left > 0) {
            put_cell(w, g, row, *col, slot->s, slot->len, slot->line);
            slot->rows_left--;
        }
        (*col)++;
    }
}

static void add_row_line(walker *w, grid *g, gipr_strbuf *own, int src)
{
    void *items = g->rows;
    if (gipr_grow(w->c->arena, &items, &g->cap_rows, g->nrows, sizeof(row_line))) {
        w->c->oom = 1;
        return;
    }
    g->rows = items;
    const char *s = gipr_arena_strndup(w->c->arena, own->s ? own->s : "", own->len);
    if (!s) {
        w->c->oom = 1;
        return;
    }
    g->rows[g->nrows++] = (row_line){.s = s, .len = own->len, .src = src};
}

/* The cells of one <tr>, placed after the cells spanning into it from above. */
static void read_row(walker *w, grid *g, xmlNodePtr tr, int row, gipr_strbuf *own)
{
    int col = 0, own_cells = 0;
    gipr_sb_clear(own);
    for (xmlNodePtr n = next_in(tr, tr, 0); n && !g->full;) {
        int is_cell = is_element(n, "td") || is_element(n, "th");
        if (is_cell && !is_hidden(n)) { /* a hidden cell takes no slot, as in a browser */
            size_t len;
            const char *s = cell_text(w, n, &len);
            int line = source_line(n);
            int colspan = span_attr(n, "colspan"), rowspan = span_attr(n, "rowspan");
            if (len >= GIPR_HTML_LONG_CELL)
                g->prose = 1;
            if (own_cells++)
                gipr_sb_addc(own, '\t');
            gipr_sb_add(own, s, len);
            put_spanned(w, g, row, &col, 0);
            for (int k = 0; k < colspan && col < GIPR_HTML_MAX_COLS; k++, col++) {
                put_cell(w, g, row, col, s, len, line);
                w->spans[col] = (span_slot){.s = s, .len = len, .line = line, .rows_left = rowspan - 1};
                if (col + 1 > g->span_hi)
                    g->span_hi = col + 1;
            }
        }
        n = next_in(n, tr, is_cell || is_element(n, "tr") || is_element(n, "table"));
    }
    put_spanned(w, g, row, &col, 1);
}

/* Reads the rows of an innermost table into g. */
static void read_grid(walker *w, xmlNodePtr table, grid *g)
{
    gipr_strbuf own = {0};
    memset(w->spans, 0, sizeof *w->spans * GIPR_HTML_MAX_COLS);
    for (xmlNodePtr n = next_in(table, table, 0); n && !g->full;) {
        int is_row = is_element(n, "tr");
        if (is_row && !is_dropped(n)) {
            read_row(w, g, n, g->nrows, &own);
            add_row_line(w, g, &own, source_line(n));
        }
        n = next_in(n, table, is_row || is_dropped(n));
    }
    if (own.oom)
        w->c->oom = 1;
    gipr_sb_free(&own);
}

static void caption_line(walker *w, xmlNodePtr table)
{
    for (xmlNodePtr n = table->children; n; n = n->next)
        if (is_element(n, "caption")) {
            size_t len;
            const char *s = cell_text(w, n, &len);
            add_line(w, s, len, source_line(n), -1);
        }
}

/* A data table goes to c->tables and its rows to the narrative as table lines; returns 0. A
 * layout table returns 1: its contents are read as narrative. */
static int read_table(walker *w, xmlNodePtr table)
{
    finish_line(w);
    if (has_descendant_table(table) || w->c->ntables >= GIPR_HTML_MAX_TABLES)
        return 1;
    grid g = {.t = {.first_line = -1, .last_line = -1, .from_html = 1}};
    read_grid(w, table, &g);
    if (g.full)
        gipr_diag(w->c, "line %d: html: table too large, cut after %d cells", source_line(table),
                  g.t.ncells);
    if (g.max_cols < 2 || g.prose || g.t.ncells == 0) {
        w->page_cells -= g.t.ncells; /* the cells are dropped with the grid */
        return 1;
    }
    caption_line(w, table);
    gipr_table *t = gipr_add_table(w->c, 0);
    if (!t)
        return 0;
    int index = w->c->ntables - 1;
    t->from_html = 1;
    t->cells = g.t.cells;
    t->ncells = g.t.ncells;
    t->cap_cells = g.t.cap_cells;
    for (int i = 0; i < g.nrows; i++)
        add_line(w, g.rows[i].s, g.rows[i].len, g.rows[i].src, index);
    return 0;
}

/* ---- the walk --------------------------------------------------------------------------------- */

/* Returns 1 when the walk should go into n's children. */
static int enter(walker *w, xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        narrative_text(w, n);
        return 0;
    }
    if (is_dropped(n))
        return 0;
    if (is_element(n, "br")) {
        finish_line(w);
        return 0;
    }
    if (is_element(n, "table"))
        return read_table(w, n);
    if (is_element(n, "pre"))
        w->pre++;
    if (is_block(n))
        finish_line(w);
    return 1;
}

static void leave(walker *w, xmlNodePtr n)
{
    if (is_element(n, "pre") && w->pre > 0)
        w->pre--;
    if (is_block(n))
        finish_line(w);
}

static void walk(walker *w, xmlNodePtr root)
{
    xmlNodePtr n = root;
    while (n && !w->c->oom) {
        if (enter(w, n)) {
            if (n->children) {
                n = n->children;
                continue;
            }
            leave(w, n); /* an empty element */
        }
        while (n != root && !n->next) {
            n = n->parent;
            leave(w, n);
        }
        if (n == root)
            break;
        n = n->next;
    }
}

/* The lines are cut by lines.c like any text; then each gets its place in the page source and
 * table rows their mark. */
static void mark_lines(walker *w)
{
    gipr_ctx *c = w->c;
    for (int i = 0; i < c->nlines && i < w->ninfo; i++) {
        gipr_line *l = &c->lines[i];
        if (w->info[i].src)
            l->no = w->info[i].src;
        if (w->info[i].table >= 0) {
            l->kind = GIPR_LINE_TABLE;
            l->table = (short)w->info[i].table;
        }
    }
}

int gipr_html_walk(gipr_ctx *c, xmlDocPtr doc)
{
    walker w = {.c = c};
    w.spans = calloc(GIPR_HTML_MAX_COLS, sizeof *w.spans);
    if (!w.spans) {
        c->oom = 1;
        return -1;
    }
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (root)
        walk(&w, root);
    finish_line(&w);
    if (w.line.buf.oom || w.text.oom)
        c->oom = 1;
    if (w.page_cells >= GIPR_HTML_MAX_PAGE_CELLS)
        gipr_diag(c, "html: more than %d table cells; the rest were not read", GIPR_HTML_MAX_PAGE_CELLS);
    c->text = gipr_arena_strndup(c->arena, w.text.s ? w.text.s : "", w.text.len);
    c->text_len = w.text.len;
    int rc = -1;
    if (c->text && !c->oom && gipr_split_lines(c) == 0) {
        mark_lines(&w);
        rc = 0;
        if (w.ninfo == 0 && c->ntables == 0)
            gipr_diag(c, "html: the page has no readable text");
    } else {
        c->oom = 1;
    }
    gipr_sb_free(&w.line.buf);
    gipr_sb_free(&w.text);
    free(w.spans);
    return rc;
}
