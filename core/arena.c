/* The report's arena: one reset path for every allocation of a parse. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gipr_arena_block {
    struct gipr_arena_block *next;
    size_t used, size;
    max_align_t data[]; /* aligned storage follows */
};

enum { ARENA_FIRST_BLOCK = 64 * 1024 };

static struct gipr_arena_block *block_new(size_t size)
{
    struct gipr_arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->used = 0;
    b->size = size;
    return b;
}

void *gipr_arena_alloc(gipr_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0)
        n = 8;
    struct gipr_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        /* geometric growth: each new block at least doubles the last */
        size_t size = b ? b->size * 2 : ARENA_FIRST_BLOCK;
        while (size < n)
            size *= 2;
        struct gipr_arena_block *nb = block_new(size);
        if (!nb)
            return NULL;
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *gipr_arena_strndup(gipr_arena *a, const char *s, size_t n)
{
    char *p = gipr_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *gipr_arena_strdup(gipr_arena *a, const char *s)
{
    return s ? gipr_arena_strndup(a, s, strlen(s)) : NULL;
}

char *gipr_arena_printf(gipr_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = gipr_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void gipr_arena_reset(gipr_arena *a)
{
    /* keep only the largest (newest) block, emptied, for the next parse */
    struct gipr_arena_block *b = a->head;
    if (!b)
        return;
    struct gipr_arena_block *rest = b->next;
    while (rest) {
        struct gipr_arena_block *next = rest->next;
        free(rest);
        rest = next;
    }
    b->next = NULL;
    b->used = 0;
}

void gipr_arena_free(gipr_arena *a)
{
    struct gipr_arena_block *b = a->head;
    while (b) {
        struct gipr_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

int gipr_grow(gipr_arena *a, void **items, int *cap, int count, size_t elt)
{
    if (count < *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 16;
    void *p = gipr_arena_alloc(a, (size_t)ncap * elt);
    if (!p)
        return -1;
    if (count)
        memcpy(p, *items, (size_t)count * elt);
    *items = p;
    *cap = ncap;
    return 0;
}
