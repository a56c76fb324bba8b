// jemalloc's settings for the sitegen executable. jemalloc reads the global `malloc_conf`
// when it starts, before the `MALLOC_CONF` environment variable, which can still override
// any of them (`MALLOC_CONF=thp:default sitegen build`).
//
// thp:always and metadata_thp:always ask the kernel for transparent huge pages (2 MB) for
// the heap and jemalloc's own metadata (madvise(MADV_HUGEPAGE), which the kernel honours
// when /sys/kernel/mm/transparent_hugepage/enabled is `always` or `madvise`): a build's
// heap grows by hundreds of megabytes, and 4 KB pages cost it a page fault each and many
// TLB misses. BENCHMARKS.md ("What changed in the fourteenth pass") has the figures.
#include "CJemallocSettings.h"

#if !defined(__APPLE__)
const char *malloc_conf = "thp:always,metadata_thp:always";
#endif

int sitegen_jemalloc_settings_linked(void) { return 1; }
