// Nothing to compile: the target exists for its header. libFuzzer provides the function.
#include "FuzzerDriver.h"
