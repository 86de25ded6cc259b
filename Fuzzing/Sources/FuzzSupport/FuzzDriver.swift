import Foundation
/// libFuzzer's driver, linked in by `-sanitize=fuzzer`. Each target's `main.swift` hands it its
/// test function: SwiftPM gives executables their own `main`, so libFuzzer's is not used.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// A fuzz target's test function: one input per call; returns 0 (libFuzzer reserves other values).
public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments and exits with its status.
    public static func run(_ test: FuzzTest) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = runDriver(&argc, &argv, test)
        exit(status)
    }
}
