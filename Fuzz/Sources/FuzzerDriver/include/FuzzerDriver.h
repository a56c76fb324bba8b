// libFuzzer's driver, called from each fuzzer's main.swift. SwiftPM links an executable
// target's own entry point as `main`, so the fuzzers cannot rely on libFuzzer's `main`;
// they call the driver themselves, as libFuzzer documents for programs with their own main.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
