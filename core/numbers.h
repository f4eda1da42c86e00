/* Reading numbers as reports write them: Arabic (ASCII or full-width, 1,234 / 1，234, decimals,
 * a leading sign), Chinese numerals (一百二十, 两千零五, 二〇一八, 壹佰), scales (4.4万, 1.2亿,
 * 5千) and the qualifiers of approximate numbers (近100, 约500, 3000余, 4.4万多, 百余).
 *
 * Pitfalls for callers of gipr_scan_number: Chinese numerals also occur inside words (一是, 统一,
 * 十分, 一些, 万家, 百姓). The scanner reads whatever numeral starts at the position it is given,
 * so call it where a number is expected (after 共/为/达, in a cell), not at every 一. A bare 百,
 * 千, 万 or 亿 without a digit counts only with a qualifier (百余, 近万, 千余次), so 万元 or 万家
 * are not numbers; a bare 十 is 10. A scale is part of the number: 10万元 reads as 100000
 * followed by 元, so amounts stated in 万元 must be read without their 万. */
#ifndef GIPR_NUMBERS_H
#define GIPR_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

/* Reads the longest number at the start of s[0..n) (no leading white space). Returns its length
 * in bytes, or 0 when s does not start with a number; then *value is the value and *qualifier a
 * static string (多 余 几 近 将近 接近 约 大约 超过 逾 超 不足 不到 以上 以下 左右) or NULL for an
 * exact number. A following %, unit or measure word is not part of the number. */
size_t gipr_scan_number(const char *s, size_t n, double *value, const char **qualifier);

/* 1 for an empty table cell: nothing, white space, dashes (— —— - － –), slashes, 无, 空. */
int gipr_is_empty_cell(const char *s, size_t n);

/* The value 0..9 of a Chinese digit (〇零一二两三…九 and the financial 壹贰叁…玖), or -1. */
int gipr_cjk_digit_value(uint32_t cp);
/* 1 for a Chinese digit (see gipr_cjk_digit_value). */
int gipr_is_cjk_digit(uint32_t cp);
/* 1 for any character of a Chinese numeral: a digit or a unit 十百千万亿 (拾佰仟). */
int gipr_is_cjk_numeral(uint32_t cp);

#endif
