using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Book.Display;
using Book.Engine.Polyglot;
using Book.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Book.Engine.Execution;

/// <summary>
/// Executes C# cells one after another in one Roslyn scripting state, as a notebook kernel does:
/// variables, usings and types of earlier cells stay visible. The book's library, TorchSharp and
/// Plotly.NET are referenced, <c>display(...)</c> is in scope, the culture is invariant. Each cell's
/// console output, displays, trailing value and error arrive as <see cref="CellOutput"/>s.
/// </summary>
public sealed partial class Engine
{
    /// <summary>Namespaces and static classes every cell sees without a <c>using</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks",
        "Book.Display", "Book.Display.DisplayFunctions", "Microsoft.DotNet.Interactive.Formatting",
    ];

    /// <summary>
    /// How every cell is compiled: the references, the default imports, and debug code with debug information —
    /// optimised code shares one throw site per method, so an <see cref="IndexOutOfRangeException"/> would lose
    /// its line. Cells are short and call the library (compiled optimised) for the heavy work.
    /// </summary>
    static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(ReferencedAssemblies())
        .WithImports(DefaultImports)
        .WithEmitDebugInformation(true)
        .WithOptimizationLevel(OptimizationLevel.Debug)
        .WithAllowUnsafe(false);

    readonly TimeSpan cellTimeout;
    readonly ExecutionCounter unnamedCells = new();
    /// <summary>The Polyglot directives of this session's cells: packages, assemblies, sources, magic commands.</summary>
    readonly PolyglotSession polyglot = new(Options);
    ScriptState<object?>? state;

    /// <param name="cellTimeout">How long one cell may run before it is stopped (default 10 minutes).</param>
    /// <exception cref="DllNotFoundException">TorchSharp's native library is there but cannot be loaded (<see cref="TorchNatives"/>).</exception>
    public Engine(TimeSpan? cellTimeout = null)
    {
        this.cellTimeout = cellTimeout ?? TimeSpan.FromMinutes(10);
        TorchNatives.EnsureLoaded(); // before a cell's first TorchSharp call, which would otherwise fall back to copying libtorch
        BookFormatters.EnsureInstalled();
    }

    /// <summary>False after a cell could not be stopped; a new engine is then needed.</summary>
    public bool IsUsable { get; private set; } = true;

    /// <summary>Assemblies a cell can use: the framework, the book's library and what it builds on.</summary>
    static IEnumerable<Assembly> ReferencedAssemblies()
    {
        Type[] anchors =
        [
            typeof(object), typeof(Enumerable), typeof(System.Collections.Concurrent.ConcurrentDictionary<,>),
            typeof(System.Text.RegularExpressions.Regex), typeof(System.Text.Json.JsonSerializer),
            typeof(Stopwatch), typeof(TorchSharp.torch), typeof(Reproducibility),
            typeof(Plotly.NET.GenericChart), typeof(Plotly.NET.CSharp.Chart),
            typeof(Microsoft.Data.Analysis.DataFrame), typeof(Microsoft.FSharp.Core.FSharpOption<>),
            typeof(Microsoft.DotNet.Interactive.Formatting.Formatter), typeof(Microsoft.AspNetCore.Html.IHtmlContent),
            // `dynamic`, which PocketView's tags (div[style: …]("…")) are.
            typeof(Microsoft.CSharp.RuntimeBinder.Binder), typeof(System.Linq.Expressions.Expression),
        ];
        return anchors.Select(t => t.Assembly)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name is "System.Runtime" or "netstandard" or "System.Collections"))
            .Distinct();
    }

    /// <summary>
    /// Runs one cell. <paramref name="onOutput"/> receives outputs as they happen (from any thread the
    /// cell uses). Cancelling <paramref name="cancellation"/> is an interrupt: loops and the trainer
    /// stop at their next check. A cell that outlives its timeout is stopped the same way.
    /// </summary>
    /// <param name="cellName">Names the cell in errors and stack traces, e.g. "cell 7" (<see cref="ExecutionCounter"/>); by default the engine counts.</param>
    public async Task<CellResult> ExecuteAsync(string code, Action<CellOutput> onOutput, string? cellName = null,
        CancellationToken cancellation = default)
    {
        if (!IsUsable) throw new InvalidOperationException("This engine could not stop an earlier cell; start a new one (restart the kernel).");
        ArgumentNullException.ThrowIfNull(onOutput);
        cellName ??= unnamedCells.Next().Name;
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stop.CancelAfter(cellTimeout);
        var sink = new OutputSink(onOutput);
        using var exitGuard = CellExitGuard.Enter(cellName);

        var run = Task.Run(() => RunAsync(code, cellName, sink, stop.Token));
        var finished = await Task.WhenAny(run, Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }));
        if (finished != run && await Task.WhenAny(run, Task.Delay(StopGracePeriod)) != run)
        {
            IsUsable = false;
            var stuck = Stopped(cancellation.IsCancellationRequested, stillRunning: true);
            onOutput(stuck.Describe(cellName));
            return new CellResult(stuck.Describe(cellName), null, clock.Elapsed, EngineUsable: false) { Reason = stuck.Reason };
        }
        var failure = await run;
        if (failure is { Exception: OperationCanceledException } && stop.IsCancellationRequested)
            failure = Stopped(cancellation.IsCancellationRequested, stillRunning: false);
        var reported = failure?.Describe(cellName);
        if (reported is not null) onOutput(reported);
        return new CellResult(reported, failure?.Line, clock.Elapsed) { Reason = failure?.Reason };
    }

    /// <summary>How long a stopped cell may take to reach its next interruption point.</summary>
    public static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(5);

    async Task<CellFailure?> RunAsync(string code, string cellName, OutputSink sink, CancellationToken stop)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        ConsoleCapture.Route(sink.Stream);
        DisplaySink.Current = sink;
        Interruption.Token = stop;
        InstrumentedCell? cell = null;
        try
        {
            var prepared = await polyglot.PrepareAsync(code, state?.Variables ?? [], stop);
            cell = LoopInterruptionPoints.Insert(PolyglotCompatibility.Adapt(code));
            var cellOptions = polyglot.Options.WithFilePath(cellName);
            var runClock = Stopwatch.StartNew();
            // Debug information (line numbers in stack traces) needs the source as an encoded stream.
            state ??= await CSharpScript.Create<object?>(Utf8(""), Options).RunAsync(cancellationToken: stop);
            var next = await state.Script.ContinueWith<object?>(Utf8(cell.Code), cellOptions)
                .RunFromAsync(state, catchException: _ => true, cancellationToken: stop);
            state = next;
            if (prepared.Timed && next.Exception is null) Console.Out.WriteLine(MagicCommands.WallTime(runClock.Elapsed));
            Console.Out.Flush();
            if (next.Exception is not null) return CellFailure.AtRuntime(next.Exception, cellName);
            if (next.ReturnValue is not null || EndsWithValue(next.Script))
                sink.Result(next.ReturnValue);
            return null;
        }
        catch (CellDirectiveException e)
        {
            return CellFailure.FromDirective(e);
        }
        catch (CompilationErrorException e)
        {
            return CellFailure.AtCompilation(e, cell!);
        }
        catch (Exception e)
        {
            return CellFailure.AtRuntime(e, cellName);
        }
        finally
        {
            ConsoleCapture.Route(null);
        }
    }

    static MemoryStream Utf8(string code) => new(System.Text.Encoding.UTF8.GetBytes(code));

    CellFailure Stopped(bool interrupted, bool stillRunning)
    {
        string why = interrupted ? "interrupted" : $"ran longer than its {cellTimeout.TotalSeconds:0} s timeout";
        string outcome = stillRunning
            ? $"and did not reach an interruption point within {StopGracePeriod.TotalSeconds:0} s (it may be inside a long native call): restart the kernel/engine."
            : "and was stopped; variables from earlier cells are kept.";
        return new CellFailure(interrupted ? "KeyboardInterrupt" : "TimeoutError", $"{why} {outcome}", null, []);
    }

    /// <summary>Turns display calls and console text of one cell into <see cref="CellOutput"/>s.</summary>
    sealed class OutputSink(Action<CellOutput> onOutput) : IDisplaySink
    {
        readonly object gate = new();

        public void Stream(string name, string text) { lock (gate) onOutput(new StreamOutput(name, text)); }

        public void Display(IReadOnlyDictionary<string, string> bundle, string displayId) { lock (gate) onOutput(new DisplayOutput(bundle, displayId)); }

        public void Update(IReadOnlyDictionary<string, string> bundle, string displayId) { lock (gate) onOutput(new DisplayUpdate(bundle, displayId)); }

        public void Clear(bool wait) { lock (gate) onOutput(new ClearOutput(wait)); }

        public void Result(object? value) { lock (gate) onOutput(new ResultOutput(MimeBundle.Of(value))); }
    }
}
