/* Numbers as written in reports: Arabic and Chinese numerals, scales and qualifiers.
 * See numbers.h for the forms read and the pitfalls. */
#include "numbers.h"

#include "internal.h"
#include "text.h"

#include <string.h>

/* Longer numbers are not counts of anything; reading them would only invent values. */
enum { MAX_DIGITS = 18 };

static const char *const prefix_qualifiers[] = {"将近", "接近", "大约", "超过", "不足", "不到",
                                                "近",   "约",   "逾",   "超",   NULL};
/* 余, 多 and 几 (十几 = a dozen or so) may stand before a scale: 10余万, 60多万, 十几万 */
static const char *const approx_suffixes[] = {"余", "多", "几", NULL};
static const char *const range_suffixes[] = {"以上", "以下", "左右", NULL};
/* Measure words gipr_number accepts (and ignores) after a number; longest first. */
static const char *const measure_words[] = {
    "人次", "件次", "条次", "万元", "亿元", "元", "条", "件", "次", "个", "人", "篇", "项",
    "家",   "份",   "期",   "场",   "批",   "户", "宗", "册", "起", "部", "套", "所", "位", NULL};

/* The folded code point at s[i..n) and its byte length (0 at the end). */
static inline int peek(const char *s, size_t n, size_t i, uint32_t *cp)
{
    if (i >= n) {
        *cp = 0;
        return 0;
    }
    return gipr_next_folded(s + i, n - i, cp);
}

static int is_blank_cp(uint32_t cp) { return cp == ' ' || cp == '\n' || cp == '\r'; }

/* Index after the white space starting at i. */
static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    uint32_t cp;
    int k;
    while ((k = peek(s, n, i, &cp)) > 0 && is_blank_cp(cp))
        i += (size_t)k;
    return i;
}

/* Length of word when s[i..n) starts with it, else 0. Compares byte by byte and stops at the
 * first difference: this runs at nearly every position of the prose. */
static size_t word_at(const char *s, size_t n, size_t i, const char *word)
{
    size_t m = 0;
    while (word[m] && i + m < n && s[i + m] == word[m])
        m++;
    return word[m] ? 0 : m;
}

/* Length of the first of words found at s[i..n), setting *which to it; 0 when none. */
static size_t match_word(const char *s, size_t n, size_t i, const char *const *words,
                         const char **which)
{
    for (; *words; words++) {
        size_t m = word_at(s, n, i, *words);
        if (m > 0) {
            *which = *words;
            return m;
        }
    }
    return 0;
}

int gipr_cjk_digit_value(uint32_t cp)
{
    switch (cp) {
    case 0x3007: case 0x96F6:               return 0; /* 〇 零 */
    case 0x4E00: case 0x58F9: case 0x5F0C: return 1; /* 一 壹 弌 */
    case 0x4E8C: case 0x8D30: case 0x4E24:
    case 0x8CB3: case 0x5169:               return 2; /* 二 贰 两 貳 兩 */
    case 0x4E09: case 0x53C1: case 0x53C3: return 3; /* 三 叁 參 */
    case 0x56DB: case 0x8086:               return 4; /* 四 肆 */
    case 0x4E94: case 0x4F0D:               return 5; /* 五 伍 */
    case 0x516D: case 0x9646: case 0x9678: return 6; /* 六 陆 陸 */
    case 0x4E03: case 0x67D2:               return 7; /* 七 柒 */
    case 0x516B: case 0x634C:               return 8; /* 八 捌 */
    case 0x4E5D: case 0x7396:               return 9; /* 九 玖 */
    default:                                return -1;
    }
}

int gipr_is_cjk_digit(uint32_t cp) { return gipr_cjk_digit_value(cp) >= 0; }

/* The value of a Chinese unit character (十百千万亿 and their financial/traditional forms). */
static double cjk_unit_value(uint32_t cp)
{
    switch (cp) {
    case 0x5341: case 0x62FE: return 10;   /* 十 拾 */
    case 0x767E: case 0x4F70: return 100;  /* 百 佰 */
    case 0x5343: case 0x4EDF: return 1000; /* 千 仟 */
    case 0x4E07: case 0x842C: return 1e4;  /* 万 萬 */
    case 0x4EBF: case 0x5104: return 1e8;  /* 亿 億 */
    default: return 0;
    }
}

int gipr_is_cjk_numeral(uint32_t cp) { return gipr_is_cjk_digit(cp) || cjk_unit_value(cp) > 0; }

/* Arabic digits from i: 1234, 1,234 / 1，234 (groups of three), 12.5. Returns the index after
 * the number (i when there is none, or when it has too many digits). */
static size_t scan_arabic(const char *s, size_t n, size_t i, double *value)
{
    double whole = 0, first_whole = 0; /* all digits read, as an integer; those before a ',' */
    int digits = 0, frac = 0, in_frac = 0, group = 0, grouped = 0;
    uint32_t cp;
    size_t end = i, first_end = i;
    for (;;) {
        int k = peek(s, n, end, &cp);
        if (k && cp >= '0' && cp <= '9') {
            if (++digits > MAX_DIGITS)
                return i;
            whole = whole * 10 + (cp - '0');
            frac += in_frac;
            group++;
            end += (size_t)k;
            continue;
        }
        if (!k || digits == 0 || in_frac || (cp != ',' && cp != '.'))
            break;
        /* a separator counts only when a digit follows; a thousands one only before 3 digits */
        size_t j = end + (size_t)k;
        int follow = 0;
        uint32_t d;
        int kd;
        while (follow < 4 && (kd = peek(s, n, j, &d)) > 0 && d >= '0' && d <= '9') {
            follow++;
            j += (size_t)kd;
        }
        if (cp == '.' && follow > 0) {
            in_frac = 1;
        } else if (cp == ',' && follow == 3 && (grouped ? group == 3 : group <= 3)) {
            if (!grouped)
                first_whole = whole, first_end = end;
            grouped = 1;
            group = 0;
        } else {
            if (grouped && cp == ',' && follow > 0) { /* 100,200,30: a list, not thousands */
                *value = first_whole;
                return first_end;
            }
            break;
        }
        end += (size_t)k;
    }
    if (digits == 0)
        return i;
    double scale = 1;
    for (int f = 0; f < frac; f++)
        scale *= 10;
    *value = whole / scale;
    return end;
}

/* Chinese numerals from i: 一百二十, 两千零五, 三万四千, 一百二 (= 120), 二〇一八 (digit by
 * digit). *bare is set when the numeral starts with 百/千/万/亿 without a digit. Returns the index
 * after the numeral (i when there is none). */
static size_t scan_chinese(const char *s, size_t n, size_t i, double *value, int *bare)
{
    double total = 0, wan = 0, section = 0; /* done 亿 groups, done 万 group, below 万 */
    double seq = 0;                         /* digits read before any unit */
    double last_unit = 0, last_small = 0;
    int pending = -1, seq_len = 0, any_unit = 0, zero = 0, used_wan = 0, used_yi = 0;
    size_t end = i;
    uint32_t cp;
    int k;
    *bare = 0;
    while ((k = peek(s, n, end, &cp)) > 0) {
        int d = gipr_cjk_digit_value(cp);
        double u = cjk_unit_value(cp);
        if (d >= 0) {
            if (any_unit) {
                if (pending > 0)
                    break; /* 一百二三: the numeral ended */
                zero |= d == 0;
            } else if (++seq_len > MAX_DIGITS) {
                return i;
            } else {
                seq = seq * 10 + d;
            }
            pending = d;
        } else if (u > 0) {
            if (seq_len > 1 && !any_unit)
                break; /* 二〇一八 is read digit by digit */
            if (end == i && u > 10)
                *bare = 1;
            double mult = pending > 0 ? pending : 1;
            if (u < 1e4) {
                if (last_small && u >= last_small)
                    break;
                section += mult * u;
                last_small = u;
            } else if (u == 1e4) {
                if (used_wan)
                    break;
                double group = section + (pending > 0 ? pending : 0);
                wan = (group > 0 ? group : 1) * 1e4;
                section = 0;
                last_small = 0;
                used_wan = 1;
            } else {
                if (used_yi)
                    break;
                double group = wan + section + (pending > 0 ? pending : 0);
                total = (group > 0 ? group : 1) * 1e8;
                wan = section = 0;
                last_small = 0;
                used_wan = 0;
                used_yi = 1;
            }
            last_unit = u;
            pending = -1;
            zero = 0;
            any_unit = 1;
        } else {
            break;
        }
        end += (size_t)k;
    }
    if (end == i)
        return i;
    if (!any_unit) {
        *value = seq;
        return end;
    }
    double tail = 0;
    if (pending > 0) /* 一百零五 -> 5, but 一百二 -> 20 and 三万五 -> 5000 */
        tail = zero ? pending : pending * last_unit / 10;
    *value = total + wan + section + tail;
    return end;
}

/* A scale after a number: 万, 亿, 千, 百, or two of them (百万, 千万, 万亿). Returns the index
 * after it. */
static size_t scan_scale(const char *s, size_t n, size_t i, double *scale)
{
    uint32_t cp;
    int k, count = 0;
    *scale = 1;
    while (count++ < 2 && (k = peek(s, n, i, &cp)) > 0 && cjk_unit_value(cp) >= 100) {
        *scale *= cjk_unit_value(cp);
        i += (size_t)k;
    }
    return i;
}

/* A sign before a digit: - － − (U+2212) or +. Returns its length (0 when none), *negative. */
static size_t scan_sign(const char *s, size_t n, size_t i, int *negative)
{
    uint32_t cp, d;
    int k = peek(s, n, i, &cp);
    *negative = 0;
    if (!k || (cp != '-' && cp != 0x2212 && cp != '+'))
        return 0;
    if (!peek(s, n, i + (size_t)k, &d) || d < '0' || d > '9')
        return 0;
    *negative = cp != '+';
    return (size_t)k;
}

/* Whether a number can start at s: a digit, a sign, a Chinese numeral or a prefix qualifier.
 * Readers scan prose position by position, and nothing starts at most of them, so this test keeps
 * that scan cheap. */
static int may_start_number(const char *s, size_t n)
{
    uint32_t cp;
    if (!peek(s, n, 0, &cp))
        return 0;
    if ((cp >= '0' && cp <= '9') || cp == '-' || cp == '+' || cp == 0x2212)
        return 1;
    if (cp < 0x80)
        return 0;
    if (gipr_is_cjk_numeral(cp))
        return 1;
    const char *qualifier;
    return match_word(s, n, 0, prefix_qualifiers, &qualifier) > 0;
}

size_t gipr_scan_number(const char *s, size_t n, double *value, const char **qualifier)
{
    if (!may_start_number(s, n))
        return 0;
    const char *q = NULL, *word;
    size_t i = match_word(s, n, 0, prefix_qualifiers, &q);
    if (i)
        i = skip_blanks(s, n, i);
    int negative;
    i += scan_sign(s, n, i, &negative);
    double v = 0;
    int bare = 0;
    size_t end = scan_arabic(s, n, i, &v);
    int arabic = end > i;
    if (!arabic)
        end = scan_chinese(s, n, i, &v, &bare);
    if (end == i)
        return 0;
    /* 60多万, 10余万: the approximation stands before the scale */
    size_t at = skip_blanks(s, n, end), k;
    const char *approx = NULL;
    if ((k = match_word(s, n, at, approx_suffixes, &approx)) > 0) {
        double scale;
        size_t after = scan_scale(s, n, at + k, &scale);
        if (after > at + k) {
            v *= scale;
            end = after;
            bare = 0;
        } else {
            end = at + k; /* 3000余, 百余 */
        }
    } else if (arabic) { /* 4.4万, 1.2亿, 5千 */
        double scale;
        size_t after = scan_scale(s, n, at, &scale);
        if (after > at) {
            v *= scale;
            end = after;
        }
    }
    /* 4.4万多, 500以上, 100左右 */
    at = skip_blanks(s, n, end);
    if ((!approx && (k = match_word(s, n, at, approx_suffixes, &word)) > 0) ||
        (k = match_word(s, n, at, range_suffixes, &word)) > 0) {
        if (!approx)
            approx = word;
        end = at + k;
    }
    if (!q)
        q = approx;
    if (bare && !q)
        return 0; /* 万元, 百姓: a unit alone is not a number */
    *value = negative ? -v : v;
    if (qualifier)
        *qualifier = q;
    return end;
}

/* s[0..n) without surrounding white space. */
static void trim(const char **s, size_t *n)
{
    size_t start = skip_blanks(*s, *n, 0);
    size_t end = *n;
    while (end > start) {
        size_t back = end - 1;
        while (back > start && ((unsigned char)(*s)[back] & 0xC0) == 0x80)
            back--;
        uint32_t cp;
        peek(*s, end, back, &cp);
        if (!is_blank_cp(cp))
            break;
        end = back;
    }
    *s += start;
    *n = end - start;
}

int gipr_is_empty_cell(const char *s, size_t n)
{
    trim(&s, &n);
    if ((n == 3 && (memcmp(s, "无", 3) == 0 || memcmp(s, "空", 3) == 0)) ||
        (n == 6 && memcmp(s, "暂无", 6) == 0))
        return 1;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)peek(s, n, i, &cp);
        int dash = cp == '-' || cp == '/' || cp == '\\' || (cp >= 0x2010 && cp <= 0x2015) ||
                   cp == 0x2212 || cp == 0x2500 || cp == 0x2501 || cp == 0x30FC || cp == ' ';
        if (!dash)
            return 0;
    }
    return 1;
}

int gipr_number(const char *text, size_t len, double *value, const char **qualifier)
{
    const char *q = NULL, *unit;
    double v;
    if (qualifier)
        *qualifier = NULL;
    if (!text)
        return 0;
    trim(&text, &len);
    size_t end = gipr_scan_number(text, len, &v, &q);
    if (end == 0)
        return 0;
    end = skip_blanks(text, len, end);
    end += match_word(text, len, end, measure_words, &unit);
    if (end != len)
        return 0;
    *value = v;
    if (qualifier)
        *qualifier = q;
    return 1;
}
