// jemalloc replaces the C library's malloc for the whole sitegen process: linking it is what
// matters. Only `mallctl` is declared here (jemalloc.h would declare malloc and free a second
// time beside the C library's), so that the executable names one jemalloc symbol and the
// linker keeps the library.
#include <stddef.h>

int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
