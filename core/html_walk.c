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
#include "dates.h"
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

/* The length of a Word conditional mark at s (<!--[if !supportLists]-->, <![endif]> …) that a
 * web editor escaped into text, as a browser then shows it; 0 when s holds none. The list number
 * between the marks is the page's own and stays. */
static size_t escaped_word_mark(const char *s, size_t n)
{
    static const char *const opens[] = {"<!--[if", "<![if", "<!--[endif", "<![endif"};
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
        size_t len = strlen(opens[k]);
        if (n < len || strncasecmp(s, opens[k], len) != 0)
            continue;
        const char *end = memchr(s + len, '>', n - len < 128 ? n - len : 128);
        if (end && end[-1] == ']')
            return (size_t)(end + 1 - s);
        if (end && end - s >= 3 && end[-1] == '-' && end[-2] == '-' && end[-3] == ']')
            return (size_t)(end + 1 - s);
    }
    return 0;
}

/* Appends text, collapsing runs of white space to one space. A run holding a line break next
 * to a Chinese character is dropped: editors wrap long lines of Chinese anywhere, and
 * "政府信息\n公开" must read as one word. Escaped Word marks are left out. */
static void collect(collector *k, const char *s, size_t n, int line)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        size_t mark = ch == '<' ? escaped_word_mark(s + i, n - i) : 0;
        if (mark) {
            i += mark - 1;
            continue;
        }
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
    "tools",  "tool",   "switch",   "lang",     "language", "links",   "friendlink", "related",
    "qrcode",
};

/* Words that only say where a box sits: the top of a page holds its language switch and menu,
 * but an article's own top may hold its title, so such a box is furniture only when it names
 * no report (see is_chrome). */
static const char *const position_words[] = {"top", "bottom", "head"};

static int word_in(const char *w, size_t n, const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
            return 1;
    return 0;
}

enum { NOT_CHROME, CHROME_WORD, POSITION_WORD };

/* What the words of a class or id say: class="main-nav share_box" holds the words main, nav,
 * share, box. A furniture word outranks a position word. */
static int attr_chrome_kind(xmlNodePtr n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST attr);
    if (!v)
        return 0;
    int kind = NOT_CHROME;
    const char *p = (const char *)v;
    while (*p && kind != CHROME_WORD) {
        size_t len = strcspn(p, " \t\r\n-_");
        if (len && word_in(p, len, chrome_words, sizeof chrome_words / sizeof *chrome_words))
            kind = CHROME_WORD;
        else if (len && word_in(p, len, position_words, sizeof position_words / sizeof *position_words))
            kind = POSITION_WORD;
        p += len;
        if (*p)
            p++;
    }
    xmlFree(v);
    return kind;
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
    int kind = NAME_IN(el, chrome_tags) ? CHROME_WORD : NOT_CHROME;
    for (int k = 0; k < 2 && kind != CHROME_WORD; k++) {
        int said = attr_chrome_kind(el, k ? "id" : "class");
        kind = said > kind ? said : kind;
    }
    if (kind == NOT_CHROME)
        return 0;
    size_t text = 0;
    int visited = 0;
    for (xmlNodePtr n = next_in(el, el, 0); n; n = next_in(n, el, 0)) {
        if (++visited > 5000 || is_element(n, "table") || is_element(n, "h1") ||
            is_element(n, "h2"))
            return 0;
        if (n->type != XML_TEXT_NODE || !n->content)
            continue;
        if ((text += strlen((const char *)n->content)) > 1500)
            return 0;
        if (kind == POSITION_WORD && strstr((const char *)n->content, "报告"))
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
    int src;    /* source line */
    int table;  /* index into c->tables for a table row, else -1 */
    int chrome; /* the page's <title>: read for the report's title, never as narrative */
} line_info;

typedef struct {
    const char *s; /* the row's own cells joined by tabs */
    size_t len;
    int src;
    int own_cells; /* <td>s of the row itself (not spanning into it from above) */
    int long_cell; /* one of them is long enough to be prose */
    int note;      /* a note across the table (说明: …): read as narrative, not as cells */
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
    int prose;   /* a cell long enough to be prose, outside the notes */
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

static void add_row_line(walker *w, grid *g, gipr_strbuf *own, int src, int own_cells,
                         int long_cell)
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
    g->rows[g->nrows++] = (row_line){
        .s = s, .len = own->len, .src = src, .own_cells = own_cells, .long_cell = long_cell};
}

/* The cells of one <tr>, placed after the cells spanning into it from above. Returns the number
 * of the row's own cells; *long_cell is set when one of them is long enough to be prose. */
static int read_row(walker *w, grid *g, xmlNodePtr tr, int row, gipr_strbuf *own, int *long_cell)
{
    int col = 0, own_cells = 0;
    *long_cell = 0;
    gipr_sb_clear(own);
    for (xmlNodePtr n = next_in(tr, tr, 0); n && !g->full;) {
        int is_cell = is_element(n, "td") || is_element(n, "th");
        if (is_cell && !is_hidden(n)) { /* a hidden cell takes no slot, as in a browser */
            size_t len;
            const char *s = cell_text(w, n, &len);
            int line = source_line(n);
            int colspan = span_attr(n, "colspan"), rowspan = span_attr(n, "rowspan");
            if (len >= GIPR_HTML_LONG_CELL)
                *long_cell = 1;
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
    return own_cells;
}

/* Reads the rows of an innermost table into g. */
static void read_grid(walker *w, xmlNodePtr table, grid *g)
{
    gipr_strbuf own = {0};
    memset(w->spans, 0, sizeof *w->spans * GIPR_HTML_MAX_COLS);
    for (xmlNodePtr n = next_in(table, table, 0); n && !g->full;) {
        int is_row = is_element(n, "tr");
        if (is_row && !is_dropped(n)) {
            int long_cell;
            int own_cells = read_row(w, g, n, g->nrows, &own, &long_cell);
            add_row_line(w, g, &own, source_line(n), own_cells, long_cell);
        }
        n = next_in(n, table, is_row || is_dropped(n));
    }
    if (own.oom)
        w->c->oom = 1;
    gipr_sb_free(&own);
}

/* A row that may sit in the run of rows at an edge of a table, before its cells start: one cell
 * across the whole table (a title, a note), or empty cells only (Word's closing row). Rows are
 * described by the number of their cells and the one text all of them share (NULL if several). */
static int at_the_edge(const grid *g, const int *cells_in_row, const char **text_of_row, int row)
{
    return (text_of_row[row] && !text_of_row[row][0]) ||
           (g->rows[row].own_cells == 1 && cells_in_row[row] == g->max_cols && text_of_row[row]);
}

/* Statistics tables often end (or open) with a note across the table, 说明:1.本表… long enough to
 * look like prose. Such a row, in a run of whole-width rows at either edge of the table, is a note:
 * it leaves the grid for the narrative, and the table stays a data table. Prose anywhere else
 * (a cell beside others, a whole-width row between rows of cells) makes it a layout table. */
static void set_notes_and_prose(walker *w, grid *g)
{
    int *cells_in_row = gipr_arena_alloc(w->c->arena, sizeof(int) * (size_t)(g->nrows + 1));
    const char **text_of_row = gipr_arena_alloc(w->c->arena, sizeof(char *) * (size_t)(g->nrows + 1));
    if (!cells_in_row || !text_of_row) {
        w->c->oom = 1;
        return;
    }
    memset(cells_in_row, 0, sizeof(int) * (size_t)(g->nrows + 1));
    memset(text_of_row, 0, sizeof(char *) * (size_t)(g->nrows + 1));
    for (int i = 0; i < g->t.ncells; i++) {
        const gipr_cell *cell = &g->t.cells[i];
        if (cell->row < 0 || cell->row >= g->nrows)
            continue;
        const char *shared = text_of_row[cell->row];
        int same = shared == cell->s || (shared && !shared[0] && !cell->len); /* empties are alike */
        text_of_row[cell->row] = cells_in_row[cell->row]++ == 0 || same ? cell->s : NULL;
    }
    for (int i = 0; i < g->nrows && at_the_edge(g, cells_in_row, text_of_row, i); i++)
        g->rows[i].note = g->rows[i].long_cell && g->rows[i].len < GIPR_HTML_LONG_NOTE;
    for (int i = g->nrows - 1; i >= 0 && at_the_edge(g, cells_in_row, text_of_row, i); i--)
        g->rows[i].note = g->rows[i].long_cell && g->rows[i].len < GIPR_HTML_LONG_NOTE;
    int kept = 0;
    for (int i = 0; i < g->t.ncells; i++)
        if (!g->rows[g->t.cells[i].row].note)
            g->t.cells[kept++] = g->t.cells[i];
    w->page_cells -= g->t.ncells - kept;
    g->t.ncells = kept;
    for (int i = 0; i < g->nrows; i++)
        if (g->rows[i].long_cell && !g->rows[i].note)
            g->prose = 1;
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
    set_notes_and_prose(w, &g);
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
        add_line(w, g.rows[i].s, g.rows[i].len, g.rows[i].src, g.rows[i].note ? -1 : index);
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
        if (w->info[i].chrome)
            l->kind = GIPR_LINE_CHROME;
    }
}

/* ---- the page's <title> ------------------------------------------------------------------------ */

/* A line that can be the report's title: short, not a sentence, ending in 报告 (or 报告 and a
 * bracketed note, …年度报告(2019年)). */
static int names_a_report(const char *s, size_t n)
{
    enum { TITLE_MAX_CPS = 80 };
    if (gipr_cp_count(s, n) > TITLE_MAX_CPS || gipr_contains(s, n, "。") || gipr_contains(s, n, ","))
        return 0;
    if (n && s[n - 1] == ')' && memchr(s, '(', n))
        n = (size_t)((const char *)memrchr(s, '(', n) - s);
    return n >= strlen("报告") && memcmp(s + n - strlen("报告"), "报告", strlen("报告")) == 0;
}

static int body_names_a_report(const walker *w)
{
    const char *s = w->text.s;
    for (size_t at = 0; s && at < w->text.len;) {
        const char *nl = memchr(s + at, '\n', w->text.len - at);
        size_t end = nl ? (size_t)(nl - s) : w->text.len;
        if (names_a_report(s + at, end - at))
            return 1;
        at = end + 1;
    }
    return 0;
}

static xmlNodePtr title_element(xmlNodePtr root)
{
    for (xmlNodePtr n = root; n; n = next_in(n, root, is_element(n, "body")))
        if (is_element(n, "title"))
            return n;
    return NULL;
}

/* Pages cut down to their article (a CMS's content field, "save selection") often name the report
 * only in <title>, 某区2019年政府信息公开工作年度报告_某区人民政府. When the body names none, the
 * <title> becomes the first line, a chrome line that only the metadata reader reads (it cuts the
 * site's name). */
static void add_page_title(walker *w, xmlNodePtr root)
{
    xmlNodePtr title = root ? title_element(root) : NULL;
    if (!title || body_names_a_report(w))
        return;
    size_t len;
    const char *t = cell_text(w, title, &len);
    if (!len || !gipr_contains(t, len, "报告"))
        return;
    gipr_strbuf body = w->text;
    if (body.oom)
        w->c->oom = 1;
    line_info *info = w->info;
    int ninfo = w->ninfo;
    w->text = (gipr_strbuf){0};
    w->info = NULL;
    w->ninfo = w->cap_info = 0;
    add_line(w, t, len, source_line(title), -1);
    if (w->ninfo)
        w->info[0].chrome = 1;
    gipr_sb_add(&w->text, body.s ? body.s : "", body.len);
    for (int i = 0; i < ninfo && !w->c->oom; i++) {
        void *items = w->info;
        if (gipr_grow(w->c->arena, &items, &w->cap_info, w->ninfo, sizeof(line_info))) {
            w->c->oom = 1;
            break;
        }
        w->info = items;
        w->info[w->ninfo++] = info[i];
    }
    gipr_sb_free(&body);
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
    add_page_title(&w, root);
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
