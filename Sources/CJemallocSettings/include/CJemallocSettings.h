// See settings.c: defines jemalloc's `malloc_conf` for the sitegen executable.
#ifndef SITEGEN_JEMALLOC_SETTINGS_H
#define SITEGEN_JEMALLOC_SETTINGS_H

/// Returns 1; called once so that the linker keeps settings.c, and `malloc_conf` with it.
int sitegen_jemalloc_settings_linked(void);

#endif
