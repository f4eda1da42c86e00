/* Small text helpers shared by the readers. */
#include "text.h"

#include <string.h>

static int is_cjk_numeral(uint32_t cp)
{
    switch (cp) {
    case 0x3007: case 0x96F6: case 0x4E00: case 0x4E8C: case 0x4E09: /* 〇 零 一 二 三 */
    case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: /* 四 五 六 七 八 */
    case 0x4E5D: case 0x5341: case 0x767E:                           /* 九 十 百 */
        return 1;
    default:
        return 0;
    }
}

static int is_space_cp(uint32_t cp) { return gipr_fold_cp(cp) == ' ' || cp == '\r' || cp == '\n'; }

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

size_t gipr_blank_len(const char *s, size_t n, int tab_is_blank)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[0] == ' ' || u[0] == '\r' || u[0] == '\v' || u[0] == '\f' ||
                   (tab_is_blank && u[0] == '\t')))
        return 1;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
        return 3;
    return 0;
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
        if (o + sizeof buf + 1 <= cap) { /* room for any code point: encode in place */
            o += (size_t)gipr_utf8_put(cp, out + o);
            continue;
        }
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
    return m == 0 || memmem(s, n, needle, m) != NULL;
}
