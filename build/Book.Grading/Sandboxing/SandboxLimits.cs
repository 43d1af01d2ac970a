using System.Globalization;

namespace Book.Grading.Sandboxing;

/// <summary>
/// What one submission may use. <see cref="Cell"/> and <see cref="Submission"/> are wall-clock limits the
/// grader enforces (a cell past its limit is interrupted, and the process is killed if it does not stop);
/// <see cref="CpuSeconds"/>, <see cref="MemoryBytes"/> and <see cref="Processes"/> are kernel rlimits
/// (RLIMIT_CPU, RLIMIT_AS, RLIMIT_NPROC) set with <c>prlimit</c> inside the sandbox.
/// </summary>
public sealed record SandboxLimits(TimeSpan Cell, TimeSpan Submission, long MemoryBytes, int Processes)
{
    /// <summary>The defaults of <c>book grade</c>: 60 s a cell, 10 minutes a submission, 8 GiB of address space, 512 threads and processes.</summary>
    public static SandboxLimits Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(10), 8L << 30, 512);

    /// <summary>CPU seconds for the whole submission: its wall-clock limit (the book runs on one thread) plus a margin for start-up.</summary>
    public long CpuSeconds => (long)Submission.TotalSeconds + 30;

    /// <summary>How the limits read in feedback and the README.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cell.TotalSeconds:0} s a cell, {Submission.TotalSeconds:0} s a submission, {MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB of memory, {Processes} threads");
}
