// A libFuzzer target for one importer parser; FUZZ_TARGET names it (see fuzzentry.h).
#include "fuzzentry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Fuzz::Target *target = Fuzz::find(FUZZ_TARGET);
    Fuzz::run(*target, data, size);
    return 0;
}
