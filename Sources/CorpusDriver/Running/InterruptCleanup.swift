#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// What an interrupted run (SIGINT, SIGTERM, SIGHUP) does before it exits
/// with 128 + the signal (130, 143, 129): removes the temporary files of
/// conversions in flight, clears a progress line on the terminal, and says
/// `interrupted: N of M converted; no partial files`, so the user knows that
/// `--resume` will do only the rest.
///
/// The signal handler itself only records the signal and posts a semaphore
/// (async-signal-safe); a thread of its own then takes the lock that every
/// temporary file is created under, removes the files, says so and exits
/// while holding it. So no other thread can create a temporary file after the
/// sweep: a handler that swept by itself raced a worker's `mkstemp`, and
/// under load a batch interrupted with `--jobs 2` once kept a `.corpuskit-`
/// file. Paths and counters live in fixed C memory.
public enum InterruptCleanup {
    private static let slots = 256
    private static let pathBytes = 4096
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slots * pathBytes)
        p.initialize(repeating: 0, count: slots * pathBytes)
        return p
    }()
    /// converted, total, whether a progress line is drawn, whether counts are reported.
    nonisolated(unsafe) private static let counters: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 4)
        p.initialize(repeating: 0, count: 4)
        return p
    }()
    private static let lock = ConditionLock()
    nonisolated(unsafe) private static var isInstalled = false

    /// Installs the handlers; call once at start-up (the CLI does). Also
    /// ignores SIGXFSZ, so an output past the file-size limit is a write
    /// error with a message instead of a silent kill.
    public static func install() {
        lock.withLock {
            _ = table
            _ = counters
            _ = message
            isInstalled = true
        }
        signal(SIGXFSZ, SIG_IGN)
        startSweeper()
        // A parent may have left these blocked (spawned processes inherit the mask).
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                // Only async-signal-safe calls: the sweeper thread does the rest.
                if InterruptCleanup.caught.pointee == 0 { InterruptCleanup.caught.pointee = sig }
                sem_post(InterruptCleanup.wakeUp)
            }
        }
    }

    /// The first signal caught (0: none yet), for the exit status.
    nonisolated(unsafe) private static let caught: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    /// Posted by the signal handler.
    nonisolated(unsafe) private static let wakeUp: UnsafeMutablePointer<sem_t> = {
        let p = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        sem_init(p, 0, 0)
        return p
    }()
    nonisolated(unsafe) private static var sweeperStarted = false

    /// The thread that waits for a signal, then sweeps and exits under the lock.
    private static func startSweeper() {
        let start = lock.withLock { () -> Bool in
            defer { sweeperStarted = true }
            return !sweeperStarted
        }
        guard start else { return }
        _ = wakeUp
        _ = caught
        var thread = pthread_t()
        let made = pthread_create(&thread, nil, { _ in
            while sem_wait(InterruptCleanup.wakeUp) != 0 {}  // EINTR: wait again
            InterruptCleanup.lock.lock()  // held until _exit: no temporary file is made after the sweep
            for i in 0..<InterruptCleanup.slots {
                let p = InterruptCleanup.table + i * InterruptCleanup.pathBytes
                if p.pointee != 0 { unlink(p) }
            }
            InterruptCleanup.sayInterrupted()
            _exit(128 + InterruptCleanup.caught.pointee)
        }, nil)
        if made == 0 { pthread_detach(thread) }
    }

    /// Starts counting a run of `total` inputs, `done` of them already (up to date), for the interrupt message.
    public static func beginRun(total: Int, done: Int = 0) {
        counters[0] = done
        counters[1] = total
        counters[3] = 1
    }

    /// One more input converted (or skipped as up to date).
    public static func countConverted() {
        lock.withLock { counters[0] += 1 }
    }

    /// Whether a progress line is on the terminal (the handler clears it first).
    public static func setProgressLineDrawn(_ drawn: Bool) { counters[2] = drawn ? 1 : 0 }

    /// The message's bytes, allocated up front: a signal handler must not allocate.
    nonisolated(unsafe) private static let message: UnsafeMutablePointer<UInt8> = .allocate(capacity: 256)

    /// Writes the message with `write(2)` only; digits are formatted by hand.
    private static func sayInterrupted() {
        var n = 0
        func put(_ s: StaticString) {
            s.withUTF8Buffer { for b in $0 where n < 200 { message[n] = b; n += 1 } }
        }
        func put(_ value: Int) {
            var v = max(0, value)
            var divisor = 1
            while divisor <= v / 10 { divisor *= 10 }
            repeat {
                message[n] = UInt8(48 + (v / divisor) % 10)
                n += 1
                v %= divisor
                divisor /= 10
            } while divisor > 0
        }
        if counters[2] != 0 { put("\r\u{1B}[K") }
        if counters[3] != 0 {
            put("interrupted: ")
            put(counters[0])
            put(" of ")
            put(counters[1])
            put(" converted; no partial files\n")
        } else {
            put("interrupted; no partial files\n")
        }
        _ = write(2, message, n)
    }

    /// Creates a temporary file from `template` (ending in `XXXXXX`) with
    /// `mkstemp` run on the cleanup slot's own memory, so there is no moment
    /// when the file exists but an interrupt would not remove it. Returns the
    /// descriptor (-1 on failure, with `errno` set), the path and the slot.
    static func makeTemporary(_ template: String) -> (Int32, String, Int?) {
        // mkstemp runs under the lock the interrupt sweep takes: a file is either made
        // before the sweep (and removed by it) or not at all.
        let made: (Int32, String, Int)? = lock.withLock {
            guard isInstalled, template.utf8.count < pathBytes else { return nil }
            for i in 0..<slots where table[i * pathBytes] == 0 {
                let memory = table + i * pathBytes
                _ = template.withCString { strcpy(memory, $0) }
                let fd = mkstemp(memory)
                let code = errno
                let path = String(cString: memory)
                if fd < 0 { memory.pointee = 0 }
                errno = code
                return (fd, path, i)
            }
            return nil
        }
        if let (fd, path, slot) = made { return (fd, path, fd >= 0 ? slot : nil) }
        var buffer = Array(template.utf8CString)
        let fd = buffer.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        return (fd, buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, nil)
    }

    /// Remembers `path` for removal on interrupt; returns its slot, or nil when
    /// cleanup is not installed or all slots are busy.
    static func register(_ path: String) -> Int? {
        lock.withLock {
            guard isInstalled, path.utf8.count < pathBytes else { return nil }
            for i in 0..<slots where table[i * pathBytes] == 0 {
                let slot = table + i * pathBytes
                _ = path.withCString { strcpy(slot, $0) }
                return i
            }
            return nil
        }
    }

    /// Forgets a slot once its file is renamed into place or removed.
    static func release(_ slot: Int?) {
        guard let slot else { return }
        lock.withLock { table[slot * pathBytes] = 0 }
    }
}
