/* Small text helpers shared by the readers. */
#include "text.h"

#include <string.h>

uint32_t gipr_fold_cp(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFF01 + 0x21;
    if (cp == 0x3000 || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == '\t')
        return ' ';
    if (cp == 0xFE52)
        return '.';
    return cp;
}

static int is_cjk_numeral(uint32_t cp)
{
    static const char digits[] = "〇零一二三四五六七八九十百";
    char buf[4];
    int k = gipr_utf8_put(cp, buf);
    for (size_t i = 0; i + (size_t)k <= sizeof digits - 1; i += 3)
        if (memcmp(digits + i, buf, (size_t)k) == 0)
            return 1;
    return 0;
}

static int is_space_cp(uint32_t cp) { return gipr_fold_cp(cp) == ' ' || cp == '\r' || cp == '\n'; }

/* Reads one folded code point; returns its byte length. */
int gipr_next_folded(const char *s, size_t n, uint32_t *cp)
{
    int k = gipr_utf8_next(s, n, cp);
    *cp = gipr_fold_cp(*cp);
    return k;
}

/* A list number written as one enclosed character: ① ⑴ ⒈ ㈠ ㊀ (each 1 to 10 or 20). */
static int is_enclosed_numeral(uint32_t cp)
{
    return (cp >= 0x2460 && cp <= 0x249B) || (cp >= 0x3220 && cp <= 0x3229) ||
           (cp >= 0x3280 && cp <= 0x3289);
}

size_t gipr_skip_spaces(const char *s, size_t n, size_t i)
{
    uint32_t cp;
    while (i < n) {
        int k = gipr_next_folded(s + i, n - i, &cp);
        if (cp != ' ')
            break;
        i += (size_t)k;
    }
    return i;
}

size_t gipr_list_number_len(const char *s, size_t n)
{
    uint32_t cp;
    size_t i = gipr_skip_spaces(s, n, 0);
    int k = gipr_next_folded(s + i, n - i, &cp);
    if (k == 0)
        return 0;
    if (is_enclosed_numeral(cp)) { /* ①、 ⑴ ㈠: an optional 、 or . after the mark */
        i += (size_t)k;
        k = gipr_next_folded(s + i, n - i, &cp);
        if (k > 0 && (cp == 0x3001 || cp == '.'))
            i += (size_t)k;
        return gipr_skip_spaces(s, n, i);
    }
    int open = 0;
    if (cp == '(') {
        open = 1;
        i += (size_t)k;
        k = gipr_next_folded(s + i, n - i, &cp);
    }
    size_t digits_at = i;
    while (k > 0 && ((cp >= '0' && cp <= '9') || is_cjk_numeral(cp))) {
        i += (size_t)k;
        k = gipr_next_folded(s + i, n - i, &cp);
    }
    if (i == digits_at)
        return 0;
    if (open) {
        if (cp != ')')
            return 0;
    } else if (!(cp == 0x3001 /* 、 */ || cp == '.' || cp == ')' /* 1) 一) */)) {
        return 0;
    }
    return gipr_skip_spaces(s, n, i + (size_t)k);
}

static int is_punct(uint32_t cp)
{
    if (cp < 0x80)
        return cp != '%' && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                              (cp >= 'a' && cp <= 'z'));
    return (cp >= 0x3000 && cp <= 0x303F) || /* 、。〈〉《》「」【】 */
           (cp >= 0x2010 && cp <= 0x205E) || /* dashes, quotes “”, … */
           cp == 0xFE52;
}

size_t gipr_label_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = gipr_list_number_len(s, n);
    static const char of_which[] = "其中";
    if (n - i >= sizeof of_which - 1 && memcmp(s + i, of_which, sizeof of_which - 1) == 0) {
        size_t j = i + sizeof of_which - 1;
        uint32_t cp;
        int k = gipr_next_folded(s + j, n - j, &cp);
        if (cp == ':')
            i = j + (size_t)k;
    }
    while (i < n) {
        uint32_t cp;
        int k = gipr_next_folded(s + i, n - i, &cp);
        i += (size_t)k;
        if (is_space_cp(cp) || is_punct(cp))
            continue;
        char buf[4];
        int m = gipr_utf8_put(cp, buf);
        if (o + (size_t)m + 1 > cap)
            break;
        memcpy(out + o, buf, (size_t)m);
        o += (size_t)m;
    }
    if (cap)
        out[o < cap ? o : cap - 1] = 0;
    return o;
}

int gipr_contains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0)
        return 1;
    if (m > n)
        return 0;
    for (size_t i = 0; i + m <= n; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, m) == 0)
            return 1;
    return 0;
}
