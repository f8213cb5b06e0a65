import CorpusModel
import Dispatch
import Foundation
import Subprocess
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One running plugin process: its stdin is a pipe the caller writes to on
/// its own thread, its stdout goes to `onOutput` on a consumer thread, its
/// stderr reaches the user line by line, prefixed with the plugin's name.
///
/// Launched with swift-subprocess in a new process group (so a timeout stops
/// the plugin and anything it started). The supervision is async and runs on
/// Swift's global pool (swift-subprocess needs it), while the adapters block
/// their caller: call plugin conversions from ordinary threads (the CLI's,
/// `DispatchQueue`, `Thread`), not from inside many `Task`s at once, which
/// could leave the pool no thread to supervise with. Every failure becomes one
/// ``CorpusError`` naming the plugin, thrown from ``finish()``: a launch
/// failure, an exit status other than 0 (with the last stderr lines), an
/// error in `onOutput` (a malformed line), no output within `timeout`
/// seconds, or death by a signal.
final class PluginProcess: @unchecked Sendable {
    /// How the plugin is named in messages: `corpuskit-md`.
    let label: String
    let timeout: Double

    private let lock = ConditionLock()
    private var failure: CorpusError?
    private var status: TerminationStatus?
    private var killer: (@Sendable () -> Void)?
    private var lastActivity = DispatchTime.now()
    private var waitingSince: DispatchTime?
    private var stderrTail: [String] = []
    private var inputFD: Int32
    private var finished = false
    private let exited = DispatchSemaphore(value: 0)
    private let consumed = DispatchSemaphore(value: 0)

    /// Launches `executable ARGUMENTS` with `environment` added to ours.
    /// `onOutput` receives stdout chunks in order on one thread; `onEnd` runs
    /// there after the last chunk when nothing failed.
    static func start(
        executable: String, arguments: [String], environment: [String: String] = [:], label: String,
        timeout: Double, forwardStderr: Bool = true,
        onOutput: @escaping (UnsafeRawBufferPointer) throws -> Void,
        onEnd: @escaping () throws -> Void = {}
    ) throws -> PluginProcess {
        SignalSetup.ignoreSIGPIPE()
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw CorpusError.io(errno: errno, doing: "cannot make a pipe for plugin \(label)", file: label)
        }
        // Neither end may leak into other children: the plugin would never see end-of-input.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        let process = PluginProcess(label: label, timeout: timeout, inputFD: fds[1])
        let handoff = ChunkHandoff()
        let consumer = OutputConsumer(onOutput: onOutput, onEnd: onEnd)
        let thread = Thread { [process] in
            process.consume(handoff, with: consumer)
        }
        thread.stackSize = 1 << 20
        thread.start()

        let started = DispatchSemaphore(value: 0)
        let readFD = fds[0]
        var environmentUpdate: [Environment.Key: String?] = [:]
        for (key, value) in environment {
            if let k = Environment.Key(rawValue: key) { environmentUpdate[k] = value }
        }
        var platform = PlatformOptions()
        platform.processGroupID = 0
        let configuration = Configuration(
            executable: .path(FilePath(executable)), arguments: Arguments(arguments),
            environment: .inherit.updating(environmentUpdate), platformOptions: platform)
        Task.detached {
            await process.supervise(
                configuration, readFD: readFD, handoff: handoff, forwardStderr: forwardStderr, started: started)
        }
        started.wait()
        return process
    }

    private init(label: String, timeout: Double, inputFD: Int32) {
        self.label = label
        self.timeout = timeout
        self.inputFD = inputFD
    }

    deinit {
        if inputFD >= 0 { close(inputFD) }
    }

    // MARK: The caller's side

    /// The write end of the plugin's stdin (valid until ``finish()`` or ``abort()``).
    var inputDescriptor: Int32 { lock.withLock { inputFD } }

    /// Runs `body`, which writes to ``inputDescriptor``; while it runs, the
    /// timeout counts (a plugin that stops reading its input is overdue).
    func whileWriting<T>(_ body: () throws -> T) rethrows -> T {
        lock.withLock { waitingSince = .now() }
        defer {
            lock.withLock {
                waitingSince = nil
                lastActivity = .now()
            }
        }
        return try body()
    }

    /// The error to report when writing to the plugin failed: the plugin's
    /// own failure (its exit status, a timeout) when it has one.
    func failure(afterWriteError error: any Error) -> any Error {
        do {
            try finish(stoppedReading: EPIPE)
        } catch {
            return error
        }
        return error
    }

    /// Writes `bytes` to the plugin's stdin, blocking while the pipe is full
    /// (back-pressure).
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        let fd = inputDescriptor
        guard fd >= 0 else { throw CorpusError(.io, "plugin \(label): its input is already closed") }
        try whileWriting {
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CorpusError.io(errno: errno, doing: "cannot write to plugin \(label)", file: label)
                }
                if n == 0 { throw CorpusError(.io, "cannot write to plugin \(label)") }
                done += n
                touch()
            }
        }
    }

    /// Closes stdin, waits for the plugin to exit and its output to be
    /// consumed, and throws if anything failed.
    func finish() throws { try finish(stoppedReading: nil) }

    private func finish(stoppedReading: Int32?) throws {
        closeInput()
        lock.withLock { waitingSince = .now() }
        awaitEnd()
        if let failure = lock.withLock({ failure }) { throw failure }
        let status = lock.withLock { self.status }
        switch status {
        case .exited(0)?:
            if stoppedReading != nil {
                throw CorpusError(.io, "plugin \(label) exited before reading all its input")
            }
        case .exited(let code)?:
            throw CorpusError(.io, "plugin \(label) exited with status \(code)" + stderrSummary())
        case .signaled(let signal)?:
            throw CorpusError(.io, "plugin \(label) was killed by signal \(signal) (\(signalName(signal))) before it finished" + stderrSummary())
        case nil:
            throw CorpusError(.io, "plugin \(label) ended without an exit status")
        }
    }

    /// Stops the plugin (the conversion failed elsewhere) and waits for it.
    func abort() {
        closeInput()
        kill()
        awaitEnd()
    }

    private func awaitEnd() {
        let first = lock.withLock { () -> Bool in
            defer { finished = true }
            return !finished
        }
        guard first else { return }
        exited.wait()
        consumed.wait()
    }

    private func closeInput() {
        lock.withLock {
            if inputFD >= 0 {
                close(inputFD)
                inputFD = -1
            }
        }
    }

    // MARK: The supervisor (async, on Swift's global pool; never blocks a thread)

    private func supervise(
        _ configuration: Configuration, readFD: Int32, handoff: ChunkHandoff, forwardStderr: Bool,
        started: DispatchSemaphore
    ) async {
        var signalled = false
        do {
            let result = try await Subprocess.run(
                configuration,
                input: .fileDescriptor(FileDescriptor(rawValue: readFD), closeAfterSpawningProcess: true),
                output: .sequence, error: .sequence
            ) { execution in
                self.lock.withLock {
                    self.killer = { try? execution.send(signal: .kill, toProcessGroup: true) }
                }
                signalled = true
                started.signal()
                let watchdog = Watchdog { self.checkOverdue() }
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        defer { handoff.close() }
                        do {
                            for try await buffer in execution.standardOutput {
                                self.touch()
                                let bytes = buffer.withUnsafeBytes { Array($0) }
                                if await !handoff.put(bytes) {
                                    self.kill()
                                    break
                                }
                            }
                        } catch {
                            self.fail(CorpusError(.io, "plugin \(self.label): cannot read its output: \(error)"))
                        }
                    }
                    group.addTask {
                        var lines = StderrLines(label: self.label, forward: forwardStderr)
                        do {
                            for try await buffer in execution.standardError {
                                self.touch()
                                buffer.withUnsafeBytes { lines.feed($0) }
                                self.keepTail(lines.takeCompleted())
                            }
                        } catch {}
                        lines.flush()
                        self.keepTail(lines.takeCompleted())
                    }
                }
                watchdog.stop()
                self.lock.withLock { self.killer = nil }
            }
            lock.withLock { status = result.terminationStatus }
        } catch {
            fail(CorpusError(.io, "cannot run plugin \(label) (\(configuration.executable)): \(error)"))
            handoff.close()
            if !signalled {
                close(readFD)
                started.signal()
            }
        }
        exited.signal()
    }

    /// Stops the plugin when it owes output and has given none for `timeout`
    /// seconds; returns true once it has.
    private func checkOverdue() -> Bool {
        let overdue = lock.withLock { () -> Bool in
            guard let since = waitingSince else { return false }
            let from = max(since.uptimeNanoseconds, lastActivity.uptimeNanoseconds)
            return Double(DispatchTime.now().uptimeNanoseconds - from) / 1e9 > timeout
        }
        if overdue {
            fail(CorpusError(.io, "plugin \(label) gave no output within \(formatSeconds(timeout)) (--plugin-timeout); stopped it"))
            kill()
        }
        return overdue
    }

    // MARK: The consumer thread

    private func consume(_ handoff: ChunkHandoff, with consumer: OutputConsumer) {
        var failed = false
        while let chunk = handoff.take() {
            touch()
            guard !failed else { continue }
            do {
                try chunk.withUnsafeBytes { try consumer.onOutput($0) }
                touch()
            } catch {
                failed = true
                fail(asCorpusError(error))
                handoff.stopConsuming()
                kill()
            }
        }
        if !failed && lock.withLock({ failure == nil && status.map { $0.isSuccess } ?? true }) {
            do { try consumer.onEnd() } catch { fail(asCorpusError(error)) }
        }
        consumed.signal()
    }

    // MARK: Shared state

    private func touch() { lock.withLock { lastActivity = .now() } }

    /// Keeps the first failure: later ones are consequences.
    private func fail(_ error: CorpusError) {
        lock.withLock { if failure == nil { failure = error } }
    }

    private func kill() {
        let k = lock.withLock { killer }
        k?()
    }

    private func keepTail(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        lock.withLock {
            stderrTail.append(contentsOf: lines)
            if stderrTail.count > 5 { stderrTail.removeFirst(stderrTail.count - 5) }
        }
    }

    private func stderrSummary() -> String {
        let tail = lock.withLock { stderrTail }
        guard !tail.isEmpty else { return " (it wrote nothing on stderr)" }
        return "; its last stderr lines:\n" + tail.map { "  \(label): \($0)" }.joined(separator: "\n")
    }

    private func asCorpusError(_ error: any Error) -> CorpusError {
        if let e = error as? CorpusError { return e }
        return CorpusError(.io, "plugin \(label): \(error)")
    }
}

/// The callbacks the consumer thread runs (not Sendable themselves; only that thread calls them).
private final class OutputConsumer: @unchecked Sendable {
    let onOutput: (UnsafeRawBufferPointer) throws -> Void
    let onEnd: () throws -> Void
    init(onOutput: @escaping (UnsafeRawBufferPointer) throws -> Void, onEnd: @escaping () throws -> Void) {
        self.onOutput = onOutput
        self.onEnd = onEnd
    }
}

/// Splits a plugin's stderr into lines and forwards each, prefixed, to ours.
private struct StderrLines {
    let label: String
    let forward: Bool
    private var partial: [UInt8] = []
    private var completed: [String] = []

    init(label: String, forward: Bool) {
        self.label = label
        self.forward = forward
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        for byte in chunk {
            if byte == 0x0A {
                emit()
            } else {
                partial.append(byte)
            }
        }
    }

    mutating func flush() { if !partial.isEmpty { emit() } }

    mutating func takeCompleted() -> [String] {
        defer { completed.removeAll() }
        return completed
    }

    private mutating func emit() {
        var line = partial
        partial.removeAll(keepingCapacity: true)
        if line.last == 0x0D { line.removeLast() }
        let text = String(decoding: line, as: UTF8.self)
        completed.append(text)
        if forward { StandardError.write("\(label): \(text)\n") }
    }
}

/// Writes whole messages to fd 2 (unbuffered, so lines from several plugins do not mix).
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(2, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }
}

/// SIGPIPE would kill corpuskit when a plugin exits before reading all its
/// input; ignored, a write to the closed pipe fails with EPIPE instead.
enum SignalSetup {
    private static let once: Void = { signal(SIGPIPE, SIG_IGN) }()
    static func ignoreSIGPIPE() { _ = once }
}

private func signalName(_ signal: CInt) -> String {
    switch signal {
    case SIGKILL: return "SIGKILL"
    case SIGTERM: return "SIGTERM"
    case SIGSEGV: return "SIGSEGV"
    case SIGABRT: return "SIGABRT"
    case SIGPIPE: return "SIGPIPE"
    case SIGINT: return "SIGINT"
    case SIGBUS: return "SIGBUS"
    default: return "signal \(signal)"
    }
}

func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
}
