/* Numerals, dates and compact text as the metadata and section readers need them. */
#include "dates.h"
#include "text.h"
#include "numbers.h"

#include <string.h>

static int is_space(uint32_t cp) { return cp == ' ' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f'; }

/* 0..9 for 〇零一…九 (numbers.c), 10 for 十, -1 otherwise */
static int cjk_digit(uint32_t cp)
{
    return cp == 0x5341 /* 十 */ ? 10 : gipr_cjk_digit_value(cp);
}

/* 十, 十二, 二十, 二十三 (positional) or, for three characters and more, 二〇一九 (digit by digit) */
static long cjk_value(const int *v, int count)
{
    int ten_at = -1;
    for (int i = 0; i < count; i++)
        if (v[i] == 10) {
            if (ten_at >= 0)
                return -1;
            ten_at = i;
        }
    if (ten_at < 0) {
        if (count == 2) /* 一二 is not a way of writing a number */
            return -1;
        long value = 0;
        for (int i = 0; i < count; i++)
            value = value * 10 + v[i];
        return value;
    }
    if (ten_at > 1 || count - ten_at > 2 || (ten_at == 1 && v[0] == 0))
        return -1;
    long tens = ten_at == 0 ? 1 : v[0];
    long units = ten_at + 1 < count ? v[ten_at + 1] : 0;
    if (ten_at + 1 < count && units == 0)
        return -1;
    return tens * 10 + units;
}

long gipr_numeral(const char *s, size_t n, int max_digits, size_t *used, int *ascii)
{
    uint32_t cp;
    size_t i = 0;
    int k = gipr_next_folded(s, n, &cp);
    if (k > 0 && cp >= '0' && cp <= '9') {
        long value = 0;
        int count = 0;
        while (k > 0 && cp >= '0' && cp <= '9') {
            if (++count > max_digits)
                return -1;
            value = value * 10 + (cp - '0');
            i += (size_t)k;
            k = gipr_next_folded(s + i, n - i, &cp);
        }
        *used = i;
        if (ascii)
            *ascii = 1;
        return value;
    }
    int v[8], count = 0;
    while (k > 0 && cjk_digit(cp) >= 0) {
        if (count >= max_digits || count >= 8)
            return -1;
        v[count++] = cjk_digit(cp);
        i += (size_t)k;
        k = gipr_next_folded(s + i, n - i, &cp);
    }
    if (count == 0)
        return -1;
    long value = cjk_value(v, count);
    if (value < 0)
        return -1;
    *used = i;
    if (ascii)
        *ascii = 0;
    return value;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    uint32_t cp;
    while (i < n) {
        int k = gipr_next_folded(s + i, n - i, &cp);
        if (!is_space(cp))
            break;
        i += (size_t)k;
    }
    return i;
}

/* If s[i..] (after spaces) is the code point want, returns the index after it, else 0. */
static size_t expect_cp(const char *s, size_t n, size_t i, uint32_t want)
{
    uint32_t cp;
    i = skip_spaces(s, n, i);
    int k = gipr_next_folded(s + i, n - i, &cp);
    return k > 0 && cp == want ? i + (size_t)k : 0;
}

/* A numeral after optional spaces; -1 when none. */
static long numeral_after_spaces(const char *s, size_t n, size_t *i, int max_digits, int *ascii)
{
    size_t j = skip_spaces(s, n, *i), used;
    long v = gipr_numeral(s + j, n - j, max_digits, &used, ascii);
    if (v >= 0)
        *i = j + used;
    return v;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && y > 0 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 28;
    return days[m - 1];
}

#define CP_YEAR 0x5E74  /* 年 */
#define CP_MONTH 0x6708 /* 月 */
#define CP_DAY 0x65E5   /* 日 */
#define CP_HAO 0x53F7   /* 号 */

/* 月…日 or 月…号 after the month numeral; returns the end or 0 */
static size_t month_day_chinese(const char *s, size_t n, size_t i, long *d)
{
    size_t j = expect_cp(s, n, i, CP_MONTH);
    if (!j)
        return 0;
    *d = numeral_after_spaces(s, n, &j, 3, NULL);
    if (*d < 0)
        return 0;
    size_t end = expect_cp(s, n, j, CP_DAY);
    if (!end)
        end = expect_cp(s, n, j, CP_HAO);
    return end;
}

size_t gipr_date_at(const char *s, size_t n, int with_year, int *y, int *m, int *d)
{
    size_t i = 0;
    long year = *y, month, day;
    int ascii = 0;
    size_t end = 0;
    if (with_year) {
        size_t used;
        year = gipr_numeral(s, n, 4, &used, &ascii);
        if (year < 1900 || year > 2200)
            return 0;
        i = used;
        uint32_t sep;
        size_t j = skip_spaces(s, n, i);
        int k = gipr_next_folded(s + j, n - j, &sep);
        if (k <= 0)
            return 0;
        i = j + (size_t)k;
        month = numeral_after_spaces(s, n, &i, 3, NULL);
        if (month < 0)
            return 0;
        if (sep == CP_YEAR) {
            end = month_day_chinese(s, n, i, &day);
        } else if (ascii && (sep == '-' || sep == '/' || sep == '.')) {
            size_t j2 = expect_cp(s, n, i, sep);
            day = j2 ? numeral_after_spaces(s, n, &j2, 2, NULL) : -1;
            if (day >= 0) {
                uint32_t after;
                /* 2018.2.28.5 or 2018-02-281 are not dates */
                if (gipr_next_folded(s + j2, n - j2, &after) <= 0 || !(after == '.' || (after >= '0' && after <= '9')))
                    end = j2;
            }
        } else {
            return 0;
        }
    } else {
        month = gipr_numeral(s, n, 3, &i, NULL);
        if (month < 0)
            return 0;
        end = month_day_chinese(s, n, i, &day);
    }
    if (!end || month < 1 || month > 12 || day < 1 || day > days_in_month((int)year, (int)month))
        return 0;
    *y = (int)year;
    *m = (int)month;
    *d = (int)day;
    return end;
}

char *gipr_iso_date(gipr_arena *a, int y, int m, int d)
{
    return gipr_arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* Writes the compact form of s to out[0..cap) as far as it fits; returns its full length. */
static size_t compact_into(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    int pending_space = 0, last_digit = 0;
    while (i < n) {
        uint32_t cp;
        int k = gipr_next_folded(s + i, n - i, &cp);
        i += (size_t)k;
        if (is_space(cp) || cp == '\t') {
            pending_space = 1;
            continue;
        }
        int digit = cp >= '0' && cp <= '9';
        if (pending_space && digit && last_digit) {
            if (o < cap)
                out[o] = ' ';
            o++;
        }
        pending_space = 0;
        last_digit = digit;
        char buf[4];
        if (o + sizeof buf <= cap) { /* room for any code point: encode in place */
            o += (size_t)gipr_utf8_put(cp, out + o);
            continue;
        }
        int m = gipr_utf8_put(cp, buf);
        if (o + (size_t)m <= cap)
            memcpy(out + o, buf, (size_t)m);
        o += (size_t)m;
    }
    return o;
}

/* The compact form is never longer than s, except that an invalid byte grows into U+FFFD: one
 * pass into a buffer of s's size suffices, and a second one is made only when it did not fit. */
char *gipr_compact(gipr_arena *a, const char *s, size_t n, size_t *len)
{
    char *out = gipr_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t size = compact_into(s, n, out, n);
    if (size > n) {
        out = gipr_arena_alloc(a, size + 1);
        if (!out)
            return NULL;
        compact_into(s, n, out, size);
    }
    out[size] = 0;
    if (len)
        *len = size;
    return out;
}

size_t gipr_cp_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}
