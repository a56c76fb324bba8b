// jemalloc replaces the C library's malloc for the whole sitegen process: linking it is what
// matters. Only `mallctl` is declared here (jemalloc.h would declare malloc and free a second
// time beside the C library's), so that the executable names one jemalloc symbol and the
// linker keeps the library. On macOS jemalloc's own API is prefixed `je_` by default (as
// Homebrew builds it); it then serves malloc through the default malloc zone.
#include <stddef.h>

#if defined(__APPLE__)
int je_mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
static inline int sitegen_mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen) {
    return je_mallctl(name, oldp, oldlenp, newp, newlen);
}
#else
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
static inline int sitegen_mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen) {
    return mallctl(name, oldp, oldlenp, newp, newlen);
}
#endif
