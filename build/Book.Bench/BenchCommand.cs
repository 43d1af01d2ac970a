using System.Globalization;
using Book.Engine.Chapters;
using static Book.Bench.BenchReport;

namespace Book.Bench;

/// <summary>
/// <c>book bench</c>: measures the book and writes the table of the Performance appendix
/// (site/pages/appendices/performance.md, between its markers). Every comparison runs both sides
/// alternately in one process and reports the median of the per-run ratios; absolute times are medians.
/// </summary>
public static class BenchCommand
{
    /// <summary>The options, for <c>book help</c>.</summary>
    public const string Usage = """
        book bench                 measure training, optimizers, attention, engine, kernel, grading, PyTorch; write the
                                   table of the Performance appendix (site/pages/appendices/performance.md)
                                   --quick      every measurement once on tiny inputs (checks that it works)
                                   --chapters   also run every chapter under /usr/bin/time -v (slow)
                                   --suite      also run the test suite as ./book test does, timed (slow)
                                   --runs N     alternating runs per comparison (default 5)
                                   --out FILE   write the table to FILE instead of the appendix
        """;

    /// <summary>The Trainer may cost at most this much more time per epoch than a hand-written loop.</summary>
    const double TrainerTarget = 1.05;

    /// <summary>Runs the measurements that <paramref name="args"/> ask for; returns the exit code.</summary>
    public static async Task<int> RunAsync(BookPaths paths, IReadOnlyList<string> args)
    {
        var options = Options.Parse(args);
        var size = options.Quick ? BenchSize.Quick : BenchSize.Full;
        if (options.Runs is int runs) size = size with { Runs = runs };
        string datasets = Path.Combine(paths.Root, "datasets");
        Environment.SetEnvironmentVariable("BOOK_DATASETS", Environment.GetEnvironmentVariable("BOOK_DATASETS") ?? datasets);
        string scripts = Path.Combine(paths.Root, "build", "Book.Bench", "python");

        string target = options.Out ?? Path.Combine(paths.Site, "pages", "appendices", "performance.md");
        BenchReport.CheckTarget(target);
        var report = new BenchReport(MachineInfo.Now(), size.Runs, options.Quick);
        var handWritten = Training(report, size);
        Steps(report, size);
        await EngineAndKernel(report, size, scripts);
        Grading(report, paths, size);
        PyTorch(report, size, datasets, scripts, handWritten, options.Quick);
        if (options.Chapters) Chapters(report, paths, datasets);
        if (options.Suite) Suite(report, paths);

        report.WriteInto(target);
        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown());
        Console.WriteLine($"Written to {target}.");
        return 0;
    }

    /// <summary>Trainer against the hand-written loop per model; returns the hand-written seconds per epoch by model.</summary>
    static Dictionary<string, double> Training(BenchReport report, BenchSize size)
    {
        const string section = "Training: the library's Trainer against a hand-written TorchSharp loop (1 thread, Adam)";
        var handWritten = new Dictionary<string, double>();
        foreach (var c in TrainingThroughput.Cases(size))
        {
            var times = TrainingThroughput.Compare(c, size.Runs, Progress);
            handWritten[c.Name] = times.MedianA;
            report.Add(section, new Figure($"{c.Name}, {c.Samples} samples, batch {c.BatchSize}: Trainer ÷ hand-written, CPU time per epoch",
                $"{Times(times.Ratio)} (hand-written {Duration(times.MedianA)}/epoch, {Format(c.Samples / times.MedianA, 0)} samples/s; "
                + $"Trainer {Duration(times.MedianB)}/epoch)",
                $"≤ {Times(TrainerTarget)}", times.Ratio <= TrainerTarget));
        }
        return handWritten;
    }

    static void Steps(BenchReport report, BenchSize size)
    {
        const string section = "The book's from-scratch code against TorchSharp's built-ins, time per step";
        Progress("optimizer steps");
        foreach (var (name, times) in StepTimes.OptimizerSteps(size))
            report.Add(section, new Figure($"{name} (chapter 04), 203 530 parameters: book ÷ TorchSharp, CPU time",
                $"{Times(times.Ratio)} (book {Duration(times.MedianB)}, TorchSharp {Duration(times.MedianA)})"));
        Progress("attention");
        foreach (var (name, times) in StepTimes.Attention(size))
            report.Add(section, new Figure($"{name} (chapter 10), forward and backward, [32, 4, 64, 16]: book ÷ TorchSharp, CPU time",
                $"{Times(times.Ratio)} (book {Duration(times.MedianB)}, TorchSharp {Duration(times.MedianA)})"));
    }

    static async Task EngineAndKernel(BenchReport report, BenchSize size, string scripts)
    {
        const string section = "Engine and kernel";
        Progress("engine");
        var engine = await EngineTimes.MeasureAsync(size.Cells);
        report.Add(section, new Figure("Engine start-up in a running process (new engine to the end of its first cell: the C# compiler's start)",
            Duration(engine.StartSeconds)));
        double median = Timing.Median(engine.CellSeconds);
        report.Add(section, new Figure($"Engine time per trivial cell after warm-up, median of {engine.CellSeconds.Count} (p99)",
            $"{Duration(median)} ({Duration(Timing.Percentile(engine.CellSeconds, 99))})", "≤ 30 ms", median <= 0.030));
        Progress("book run start-up");
        var startup = BookRunStartup.Measure(Math.Min(size.Runs, 3), warmUp: size.Runs > 1);
        report.Add(section, new Figure("`book run` of a one-cell notebook, whole process (.NET start, engine start, cell, write)",
            Duration(Timing.Median(startup))));
        Progress("kernel");
        try
        {
            var kernel = KernelRoundTrip.Measure(Path.Combine(scripts, "kernel_round_trip.py"), size.Cells);
            report.Add(section, new Figure("Kernel start (process start to kernel_info reply, from jupyter_client)", Duration(kernel.StartSeconds)));
            double trip = Timing.Median(kernel.RoundTrips);
            report.Add(section, new Figure($"Kernel round trip of a trivial cell (execute_request to idle), median of {kernel.RoundTrips.Count} (p99)",
                $"{Duration(trip)} ({Duration(Timing.Percentile(kernel.RoundTrips, 99))})", "≤ 50 ms", trip <= 0.050));
        }
        catch (BookException e)
        {
            NotMeasured(report, section, "Kernel round trip", e);
        }
    }

    static void Grading(BenchReport report, BookPaths paths, BenchSize size)
    {
        const string section = "Grading: `book grade` of the grading tests' fixture (3 exercises, hidden checks), sandboxed";
        Progress("book grade");
        try
        {
            var grading = GradingThroughput.Measure(paths, size.Submissions, Math.Min(size.Runs, 3));
            report.Add(section, new Figure($"{grading.Submissions} submissions, {GradingThroughput.Jobs} at a time: submissions per minute (wall time of the batch)",
                $"{Format(grading.PerMinute, 1)} a minute ({Duration(grading.BatchSeconds)})"));
            report.Add(section, new Figure("One submission: sandboxed ÷ `--no-sandbox`, whole `book grade` process, wall time",
                $"{Times(grading.Sandbox.Ratio)} (sandboxed {Duration(grading.Sandbox.MedianB)}, unsandboxed {Duration(grading.Sandbox.MedianA)})"));
        }
        catch (BookException e)
        {
            NotMeasured(report, section, "Grading", e);
        }
    }

    static void PyTorch(BenchReport report, BenchSize size, string datasets, string scripts, Dictionary<string, double> handWritten, bool quick)
    {
        const string section = "TorchSharp against PyTorch, the same hand-written loop, model and data (1 thread)";
        string script = Path.Combine(scripts, "pytorch_models.py");
        try
        {
            Progress("PyTorch");
            var pytorch = PyTorchComparison.Measure(script, datasets, size, size.Runs);
            report.Notes.Add($"PyTorch {pytorch.Version} (Debian's python3-torch, the PyTorch installable here), BLAS: {pytorch.Blas}, OPENBLAS_NUM_THREADS=1");
            AddPyTorch(report, section, pytorch, handWritten, "");
            if (!quick && PyTorchComparison.ReferenceBlasIsAlternative)
            {
                Progress("PyTorch with netlib's reference BLAS");
                AddPyTorch(report, section, PyTorchComparison.Measure(script, datasets, size, 1, referenceBlas: true), handWritten,
                    ", PyTorch on netlib's reference BLAS (what Debian's libblas.so.3 is without OpenBLAS; 1 run)");
            }
        }
        catch (BookException e)
        {
            NotMeasured(report, section, "PyTorch", e);
        }
    }

    static void AddPyTorch(BenchReport report, string section, PyTorchComparison pytorch, Dictionary<string, double> handWritten, string qualifier)
    {
        foreach (var (model, key) in new[] { ("mlp", "MLP"), ("cnn", "CNN") })
        {
            var (name, torchSharp) = handWritten.First(h => h.Key.StartsWith(key, StringComparison.Ordinal));
            double python = Timing.Median(pytorch.Seconds[model]);
            report.Add(section, new Figure($"{name}{qualifier}: TorchSharp throughput ÷ PyTorch's",
                $"{Times(python / torchSharp)} (TorchSharp {Duration(torchSharp)}/epoch, PyTorch {Duration(python)}/epoch)"));
        }
    }

    static void Chapters(BenchReport report, BookPaths paths, string datasets)
    {
        // The targets are held against CPU time: the book computes on one thread, so on a quiet machine CPU time
        // is the wall time, and on a shared one it is the part that does not depend on the other programs.
        const string section = "Chapters: `book run` as a learner runs it (one run each, /usr/bin/time -v)";
        double wall = 0, cpu = 0;
        bool all = true;
        var folder = Directory.CreateTempSubdirectory("book-bench-chapters-");
        try
        {
            foreach (string copy in ChapterTimes.CopyChapters(paths.AllChapters(), folder.FullName))
            {
                Progress($"chapter {Path.GetFileName(copy)}");
                try
                {
                    var times = ChapterTimes.Measure(copy, datasets);
                    (wall, cpu) = (wall + times.WallSeconds, cpu + times.CpuSeconds);
                    report.Add(section, new Figure($"{times.Chapter}: CPU time user + system (wall), peak RSS",
                        $"{Duration(times.CpuSeconds)} ({Duration(times.WallSeconds)}), {Format(times.PeakMegabytes, 0)} MiB",
                        "≤ 2 min", times.CpuSeconds <= 120));
                }
                catch (BookException e)
                {
                    all = false;
                    NotMeasured(report, section, Path.GetFileNameWithoutExtension(copy), e);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        if (all) report.Add(section, new Figure("The whole book: CPU time (wall)", $"{Duration(cpu)} ({Duration(wall)})", "≤ 10 min", cpu <= 600));
    }

    /// <summary>
    /// The test suite as <c>./book test</c> runs it: one <c>dotnet test Book.sln</c>, its projects in parallel. The whole
    /// run's wall time is the figure held against the target; each project's own duration, as dotnet test prints it,
    /// says where the time goes.
    /// </summary>
    static void Suite(BenchReport report, BookPaths paths)
    {
        const string section = "Test suite: `dotnet test Book.sln` as `./book test` runs it (Release, already built, projects in parallel)";
        Progress("test suite (as ./book test runs it)");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = ChildProcess.Run("dotnet", ["test", Path.Combine(paths.Root, "Book.sln"), "-c", "Release", "--no-build"],
            TimeSpan.FromHours(1), directory: paths.Root);
        double seconds = clock.Elapsed.TotalSeconds;
        var projects = SuiteSummary.Parse(run.Output);
        // A failed test is named on the console, so that a red row can be followed up without running the suite again.
        foreach (string failed in run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Failed ", StringComparison.Ordinal)))
            Console.WriteLine($"bench: test suite: {failed}");
        foreach (var project in projects)
            report.Add(section, new Figure($"{project.Name}: {project.Passed} passed, {project.Failed} failed", project.Duration));
        report.Add(section, new Figure($"The whole suite, wall time ({projects.Sum(p => p.Passed)} passed, {projects.Sum(p => p.Failed)} failed)",
            Duration(seconds), "≤ 15 min", seconds <= 900));
    }

    static void NotMeasured(BenchReport report, string section, string what, BookException reason)
    {
        Console.Error.WriteLine($"book bench: {what} not measured: {reason.Message}");
        var lines = reason.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        report.Add(section, new Figure(what, $"not measured: {lines[0].TrimEnd(':')}{(lines.Length > 1 ? ": " + lines[^1] : "")}"));
    }

    static void Progress(string what) => Console.WriteLine($"bench: {what}");

    sealed record Options(bool Quick, bool Chapters, bool Suite, int? Runs, string? Out)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            var options = new Options(false, false, false, null, null);
            for (int i = 0; i < args.Count; i++)
            {
                options = args[i] switch
                {
                    "--quick" => options with { Quick = true },
                    "--chapters" => options with { Chapters = true },
                    "--suite" => options with { Suite = true },
                    "--runs" => options with { Runs = Value(args, ++i, "--runs") is var n && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int runs) && runs > 0
                        ? runs : throw new BookException($"Expected a positive whole number of runs after --runs, got '{n}'.") },
                    "--out" => options with { Out = Path.GetFullPath(Value(args, ++i, "--out")) },
                    var other => throw new BookException($"Unknown option '{other}' for `book bench`.\n{Usage}"),
                };
            }
            return options;
        }

        static string Value(IReadOnlyList<string> args, int i, string option) =>
            i < args.Count ? args[i] : throw new BookException($"Expected a value after {option}.");
    }
}
