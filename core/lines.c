/* text -> lines. (stub: plain split on LF) */
#include "internal.h"

#include <string.h>

int gipr_split_lines(gipr_ctx *c)
{
    char *p = c->text, *end = c->text + c->text_len;
    int no = 1;
    while (p <= end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        *nl = 0;
        void *items = c->lines;
        if (gipr_grow(c->arena, &items, &c->cap_lines, c->nlines, sizeof(gipr_line))) {
            c->oom = 1;
            return -1;
        }
        c->lines = items;
        gipr_line *l = &c->lines[c->nlines++];
        l->s = p;
        l->len = (size_t)(nl - p);
        l->no = no++;
        l->kind = l->len ? GIPR_LINE_TEXT : GIPR_LINE_BLANK;
        l->table = -1;
        p = nl + 1;
    }
    return 0;
}
