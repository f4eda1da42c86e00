/* Parser throughput against a baseline run in the same process on the same bytes.
 *
 *   bench_parse ROUNDS FILE...
 *
 * The baseline is the least any reader must do: one pass that validates UTF-8 and counts lines,
 * written here (not with gipr's own decoder) so that it stays the same yardstick when gipr changes.
 * The figure to watch is the ratio gipr/baseline (how many baseline passes one parse costs); the
 * absolute MB/s depend on the machine. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/gipr.h"

typedef struct {
    char *name;
    char *bytes;
    size_t len;
} input;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int load(const char *path, input *in)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    in->bytes = malloc((size_t)n + 1);
    in->len = in->bytes ? fread(in->bytes, 1, (size_t)n, f) : 0;
    in->name = strdup(path);
    fclose(f);
    return in->bytes ? 0 : -1;
}

static volatile size_t sink;

/* Length of the UTF-8 sequence at s (structure only), 0 when it is not one. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
                 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

static void baseline_pass(const input *in)
{
    const unsigned char *s = (const unsigned char *)in->bytes;
    size_t lines = 0, invalid = 0;
    for (size_t i = 0; i < in->len;) {
        size_t k = utf8_sequence(s + i, in->len - i);
        lines += s[i] == '\n';
        invalid += k == 0;
        i += k ? k : 1;
    }
    sink += lines + invalid;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s ROUNDS FILE...\n", argv[0]);
        return 2;
    }
    int rounds = atoi(argv[1]), n = argc - 2;
    input *ins = calloc((size_t)n, sizeof *ins);
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        if (load(argv[i + 2], &ins[i])) {
            fprintf(stderr, "cannot read %s\n", argv[i + 2]);
            return 1;
        }
        total += ins[i].len;
    }
    gipr_report *r = gipr_report_new();
    long rows = 0;
    double t0 = now();
    for (int k = 0; k < rounds; k++)
        for (int i = 0; i < n; i++)
            baseline_pass(&ins[i]);
    double t1 = now();
    for (int k = 0; k < rounds; k++)
        for (int i = 0; i < n; i++) {
            gipr_parse(r, ins[i].name, ins[i].bytes, ins[i].len, NULL);
            rows += r->nindicators + r->nsections + r->nchecks;
        }
    double t2 = now();
    double mb = (double)total * rounds / 1e6;
    printf("parse: %d files, %.1f MB in all, %ld rows\n", n, mb, rows);
    printf("  baseline (utf-8 + lines): %8.1f MB/s\n", mb / (t1 - t0));
    printf("  gipr_parse:               %8.1f MB/s  %.0f reports/s\n", mb / (t2 - t1),
           (double)n * rounds / (t2 - t1));
    printf("  ratio gipr/baseline:      %8.1f\n", (t2 - t1) / (t1 - t0));
    gipr_report_free(r);
    for (int i = 0; i < n; i++)
        free(ins[i].bytes), free(ins[i].name);
    free(ins);
    return 0;
}
