/* Normalisation of decoded text, in one pass, so that every reader sees one form of the same
 * thing:
 *   CRLF and CR -> LF (one line break each, so line numbers stay those of the source);
 *   full-width ASCII -> ASCII (（一） -> (一), ： -> :, １２ -> 12, ． -> .), ﹒ -> .;
 *   U+3000, NBSP and the other Unicode spaces -> ' ';
 *   form feed (a PDF page break) -> ' ' (editors do not count it as a line break, so neither do
 *   we: a page-break line ends up blank);
 *   zero-width characters (U+200B..U+200D, U+2060, U+FEFF, soft hyphen) and control characters
 *   other than tab and LF -> dropped. Tabs stay: they separate table cells.
 * Chinese punctuation (、。“”《》) is kept as it is. */
#include "internal.h"
#include "text.h"

#include <string.h>

static int is_dropped(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
           (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

/* The normalised form of one code point, or 0 when it is dropped (CR is handled by the caller). */
static uint32_t normalize_cp(uint32_t cp)
{
    if (cp == '\t' || cp == '\n')
        return cp;
    if (cp == '\f' || cp == 0x1680 || cp == 0x2028 || cp == 0x2029)
        return ' ';
    if (is_dropped(cp))
        return 0;
    return gipr_fold_cp(cp);
}

/* 1 for the three bytes of a CJK ideograph (U+4000..U+9FFF), which stay as they are. */
static int is_ideograph(const unsigned char *u, size_t n)
{
    return n >= 3 && u[0] >= 0xE4 && u[0] <= 0xE9 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80;
}

int gipr_normalize(gipr_ctx *c, const char *in, size_t len, char **out, size_t *outlen)
{
    /* Nothing grows except an invalid byte (1 byte -> U+FFFD, 3 bytes); decoded text has none,
     * so the output gets the input's size and is enlarged only when one turns up. */
    size_t cap = len + 1, w = 0;
    char *o = gipr_arena_alloc(c->arena, cap);
    for (size_t i = 0; o && i < len;) {
        const unsigned char *u = (const unsigned char *)in + i;
        if (u[0] == '\r') { /* CRLF and a lone CR are one line break */
            o[w++] = '\n';
            i += (i + 1 < len && in[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (u[0] < 0x80 && u[0] >= 0x20 && u[0] != 0x7F) { /* printable ASCII */
            o[w++] = (char)u[0];
            i++;
            continue;
        }
        if (is_ideograph(u, len - i)) {
            memcpy(o + w, u, 3);
            w += 3;
            i += 3;
            continue;
        }
        uint32_t cp;
        int k = gipr_utf8_next(in + i, len - i, &cp);
        i += (size_t)k;
        cp = normalize_cp(cp);
        if (!cp)
            continue;
        char buf[4];
        int m = gipr_utf8_put(cp, buf);
        if (w + (size_t)m + (len - i) + 1 > cap) { /* an invalid byte grew the text */
            size_t bigger = w + (size_t)m + 3 * (len - i) + 1;
            char *grown = gipr_arena_alloc(c->arena, bigger);
            if (grown)
                memcpy(grown, o, w);
            o = grown;
            cap = bigger;
            if (!o)
                break;
        }
        memcpy(o + w, buf, (size_t)m);
        w += (size_t)m;
    }
    if (!o) {
        c->oom = 1;
        return -1;
    }
    o[w] = 0;
    *out = o;
    *outlen = w;
    return 0;
}
