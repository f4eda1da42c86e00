/* Numerals, dates and compact text as the metadata and section readers need them. */
#ifndef GIPR_DATES_H
#define GIPR_DATES_H

#include "internal.h"

/* The value of a leading numeral: ASCII digits (full-width folded) or Chinese numerals up to
 * 九十九 (一, 十二, 二十三) and digit-by-digit years (二〇一九). At most max_digits characters are
 * read. Returns the value and sets *used to its byte length, or -1 when s does not start with a
 * numeral. *ascii tells which kind was read (may be NULL). */
long gipr_numeral(const char *s, size_t n, int max_digits, size_t *used, int *ascii);

/* A date at the start of s: 2019年1月3日, 2019 年 1 月 3 日, 二〇一九年一月三日, 2017-05-04,
 * 2020- 09- 23, 2018/2/28, 2018.2.28. When with_year is 0 the year is omitted (12月31日) and
 * *y, which must be set, only serves to validate 2月29日. White space between the parts is allowed. Returns the byte length
 * of the date (0 when there is none or it is not a calendar date). */
size_t gipr_date_at(const char *s, size_t n, int with_year, int *y, int *m, int *d);

/* "YYYY-MM-DD" in the arena, or NULL. */
char *gipr_iso_date(gipr_arena *a, int y, int m, int d);

/* s folded (full-width ASCII -> ASCII, ideographic space -> space) with white space removed,
 * except that one space is kept between two ASCII digits so that "2020-09-23 10:53" keeps its
 * parts apart. In the arena; *len gets the length. */
char *gipr_compact(gipr_arena *a, const char *s, size_t n, size_t *len);

/* Number of code points in s[0..n). */
size_t gipr_cp_count(const char *s, size_t n);

#endif
