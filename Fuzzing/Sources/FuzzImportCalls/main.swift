import FuzzSupport

// libFuzzer's own `main` (linked in whole by -sanitize=fuzzer) calls LLVMFuzzerTestOneInput; where
// the linker keeps SwiftPM's entry point instead, this hands the same function to libFuzzer's driver.
FuzzDriver.run(fuzzImportCalls)
