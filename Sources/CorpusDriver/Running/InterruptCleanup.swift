#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files of conversions in flight when the process is
/// interrupted (SIGINT, SIGTERM, SIGHUP), so an interrupted batch leaves
/// neither half-written outputs nor stray temporary files.
///
/// Paths live in fixed C buffers so the signal handler only reads memory and
/// calls `unlink` and `_exit`, both async-signal-safe.
public enum InterruptCleanup {
    private static let slots = 256
    private static let pathBytes = 4096
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slots * pathBytes)
        p.initialize(repeating: 0, count: slots * pathBytes)
        return p
    }()
    nonisolated(unsafe) private static var lock = pthread_mutex_t()
    nonisolated(unsafe) private static var installed = false

    /// Installs the handlers; call once at start-up (the CLI does).
    public static func install() {
        pthread_mutex_init(&lock, nil)
        _ = table
        installed = true
        // A parent may have left these blocked (spawned processes inherit the mask).
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                for i in 0..<InterruptCleanup.slots {
                    let p = InterruptCleanup.table + i * InterruptCleanup.pathBytes
                    if p.pointee != 0 { unlink(p) }
                }
                _exit(128 + sig)
            }
        }
    }

    /// Remembers `path` for removal on interrupt; returns its slot, or nil when
    /// cleanup is not installed or all slots are busy.
    static func register(_ path: String) -> Int? {
        guard installed, path.utf8.count < pathBytes else { return nil }
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        for i in 0..<slots where table[i * pathBytes] == 0 {
            let slot = table + i * pathBytes
            _ = path.withCString { strcpy(slot, $0) }
            return i
        }
        return nil
    }

    /// Forgets a slot once its file is renamed into place or removed.
    static func release(_ slot: Int?) {
        guard let slot else { return }
        pthread_mutex_lock(&lock)
        table[slot * pathBytes] = 0
        pthread_mutex_unlock(&lock)
    }
}
