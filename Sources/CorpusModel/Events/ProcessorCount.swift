/// The machine's parallelism, for ``FormatOptions/activeProcessors``.
enum ProcessorCount {
    /// The number of processors online.
    static let online = max(1, sysconfActiveProcessors())
}

#if canImport(Glibc)
import Glibc
private func sysconfActiveProcessors() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
import Darwin
private func sysconfActiveProcessors() -> Int { Int(sysconf(_SC_NPROCESSORS_ONLN)) }
#else
private func sysconfActiveProcessors() -> Int { 1 }
#endif
