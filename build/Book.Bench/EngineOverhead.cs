using System.Diagnostics;
using BookEngine = Book.Engine.Execution.Engine;

namespace Book.Bench;

/// <summary>What the engine costs beyond the user's code, measured in this process.</summary>
/// <param name="StartSeconds">From a new engine to the end of its first trivial cell (the C# compiler's start-up).</param>
/// <param name="CellSeconds">Each later trivial cell's wall time: compiling it, running it, collecting its output.</param>
sealed record EngineTimes(double StartSeconds, IReadOnlyList<double> CellSeconds)
{
    /// <summary>Starts an engine and runs <paramref name="cells"/> trivial cells after five warm-up cells.</summary>
    public static async Task<EngineTimes> MeasureAsync(int cells)
    {
        var clock = Stopwatch.StartNew();
        var engine = new BookEngine();
        await Run(engine, "1 + 1");
        double start = clock.Elapsed.TotalSeconds;
        for (int i = 0; i < 5; i++) await Run(engine, $"var warm{i} = {i};");
        var times = new List<double>();
        for (int i = 0; i < cells; i++)
        {
            clock.Restart();
            await Run(engine, $"var x{i} = {i} + 1;");
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return new EngineTimes(start, times);
    }

    static async Task Run(BookEngine engine, string code)
    {
        var result = await engine.ExecuteAsync(code, _ => { });
        if (result.Error is not null) throw new InvalidOperationException($"The trivial cell '{code}' failed: {result.Error.Value}");
    }
}

/// <summary><c>book run</c> of a notebook with one trivial cell, as a whole process: .NET start, engine start, the cell, the write.</summary>
static class BookRunStartup
{
    /// <summary>Wall seconds of each of <paramref name="runs"/> such runs, after one untimed run when <paramref name="warmUp"/> (disk caches).</summary>
    public static IReadOnlyList<double> Measure(int runs, bool warmUp)
    {
        var folder = Directory.CreateTempSubdirectory("book-bench-startup-");
        try
        {
            string notebook = Path.Combine(folder.FullName, "trivial.ipynb");
            string book = Path.Combine(AppContext.BaseDirectory, "book.dll");
            int untimed = warmUp ? 1 : 0;
            return Enumerable.Range(0, runs + untimed).Select(_ =>
            {
                File.WriteAllText(notebook, """
                    {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                     "cells": [{"cell_type": "code", "metadata": {}, "source": "1 + 1", "outputs": [], "execution_count": null}]}
                    """);
                return Timing.Seconds(() => ChildProcess.Run("dotnet", [book, "run", notebook], TimeSpan.FromMinutes(5))
                    .Succeeded("`book run` of a one-cell notebook"));
            }).Skip(untimed).ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
